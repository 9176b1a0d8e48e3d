import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly children: ReactNode;
  readonly yes: string;
  readonly no: string;
  readonly onYes: () => void;
  readonly onNo: () => void;
}

/** A small modal: focus starts on the safe choice, Escape cancels, Tab stays inside. */
export function ConfirmDialog({ testId, title, children, yes, no, onYes, onNo }: Props) {
  const titleId = useId();
  const bodyId = useId();
  const noRef = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    noRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onNo();
          } else if (e.key === 'Tab') {
            e.preventDefault();
            (document.activeElement === noRef.current ? yesRef : noRef).current?.focus();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        <div className="actions">
          <button
            type="button"
            ref={yesRef}
            className="button primary"
            data-testid={`${testId}-yes`}
            onClick={onYes}
          >
            {yes}
          </button>
          <button type="button" ref={noRef} className="button" data-testid={`${testId}-no`} onClick={onNo}>
            {no}
          </button>
        </div>
      </div>
    </div>
  );
}
