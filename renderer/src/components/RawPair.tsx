import type { ReactNode } from 'react';
/** A fact as stored, shown to technicians beside the plain words (finding cards). */
export function factText(v: string | number | boolean | null): string {
  return v === null || v === '' ? '—' : String(v);
}

/** A term and what it holds, in a technician's `<dl className="raw">`. */
export function TermRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="raw-pair">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function RawPair({ term, value }: { term: string; value: string }) {
  return (
    <div className="raw-pair">
      <dt>{term}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </div>
  );
}
