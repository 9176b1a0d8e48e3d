/**
 * The CLI's lines for the causes beyond KB820281: their findings, the saved sign-ins, what a plan
 * leaves alone or cannot undo, the MAPI over HTTP answer and the "nothing found" guidance. The
 * sentences are the core's own (core/causes/text, the wizard's too); the CLI adds labels only.
 */
import type { TFunction } from 'i18next';
import { CAUSE_FINDING_IDS, CAUSE_FIX_IDS, type CauseFindingId } from '../../core/causes/cause-finding';
import { causeTexts, fillText, findingText, fixText, type CauseLocale } from '../../core/causes/cause-text';
import type { MapiEndpointReading } from '../../core/causes/mapi-endpoint';
import type { NoCauseGuidance } from '../../core/causes/no-cause-guidance';
import type { CredentialMatch } from '../../core/causes/saved-credentials';
import type { DiagnosisReport } from '../../core/diagnosis/diagnosis-report';
import type { Finding } from '../../core/diagnosis/finding';
import type { ChangePlan, RecordedRemoval } from '../../core/fixes/change-plan';

export function isCauseFinding(f: Finding): f is Finding & { id: CauseFindingId } {
  return (CAUSE_FINDING_IDS as readonly string[]).includes(f.id);
}

/** `"TARGET"` for a command line shown to a person (targets never hold a double quote). */
const quoted = (s: string) => `"${s}"`;

/** `--credential "…"` for each saved sign-in that may be removed. */
export function credentialArgs(matches: readonly CredentialMatch[] | null | undefined): string {
  const names = [
    ...new Set((matches ?? []).filter((m) => m.staleCandidate).map((m) => m.credential.targetName)),
  ];
  return names.map((n) => `--credential ${quoted(n)}`).join(' ');
}

/** A cause finding: its title (and profile), why, and what to do. */
export function causeFindingLines(
  t: TFunction,
  locale: CauseLocale,
  f: Finding & { id: CauseFindingId },
): string[] {
  const text = findingText(locale, f.id);
  const values = { ...f.facts, profile: f.profile };
  const where = f.profile ? t('causes.inProfile', { profile: f.profile }) : '';
  return [
    `${fillText(text.title, values)}${where}`,
    `      ${fillText(text.why, values)}`,
    `      ${t('causes.whatToDo', { text: fillText(text.next, values) })}`,
  ];
}

function typeName(locale: CauseLocale, type: number): string {
  return (causeTexts(locale).credentialTypes as Record<string, string>)[String(type)] ?? String(type);
}

/** The saved sign-ins that concern Outlook: name, type, user, what it is; never a secret. */
export function credentialLines(
  t: TFunction,
  locale: CauseLocale,
  r: Pick<DiagnosisReport, 'savedCredentials' | 'savedCredentialsError'>,
): string[] {
  if (r.savedCredentials === undefined) return [];
  if (r.savedCredentials === null)
    return r.savedCredentialsError
      ? [t('causes.credentialsUnreadable', { reason: r.savedCredentialsError })]
      : [];
  if (r.savedCredentials.length === 0) return [t('causes.credentialsNone')];
  const kinds = causeTexts(locale).credentialKinds as Record<string, string>;
  return [
    t('causes.credentialsHeader'),
    ...r.savedCredentials.map((m) =>
      t(m.staleCandidate ? 'causes.credentialStale' : 'causes.credentialKept', {
        target: m.credential.targetName,
        type: typeName(locale, m.credential.type),
        user: m.credential.userName ?? t('notSet'),
        kind: fillText(kinds[m.kind] ?? m.kind, { matched: m.matched }),
      }),
    ),
  ];
}

/** What the MAPI over HTTP address answered, for the line beside the RPC proxy's answer. */
export function mapiLine(t: TFunction, locale: CauseLocale, m: MapiEndpointReading): string {
  const verdict = (causeTexts(locale).mapiVerdicts as Record<string, string>)[m.verdict] ?? m.verdict;
  return t('causes.mapiLine', {
    url: m.url,
    status: m.status ?? '—',
    schemes: m.schemes.join(', ') || t('causes.noSchemes'),
    verdict,
  });
}

/** "No known cause": what was checked, and the next steps (Connection Status, the proxy's answer). */
export function guidanceLines(t: TFunction, locale: CauseLocale, g: NoCauseGuidance): string[] {
  const text = causeTexts(locale).guidance;
  const checked = text.checked as Record<string, string>;
  const steps = text.steps as Record<string, string>;
  return [
    '',
    text.title,
    text.intro,
    t('causes.checked'),
    ...g.checked.map((a) => `  - ${checked[a] ?? a}`),
    t('causes.nextSteps'),
    ...g.steps.map((s, i) => `  ${i + 1}. ${fillText(steps[s.key] ?? s.key, { ...s })}`),
  ];
}

/**
 * What a plan does beyond its value changes: each cause fix's own confirmation (the removal's
 * "cannot be undone" first), the saved sign-ins it removes, and what it leaves alone and why.
 */
export function planCauseLines(t: TFunction, locale: CauseLocale, plan: ChangePlan): string[] {
  const lines: string[] = [];
  const removals = plan.removals ?? [];
  if (removals.length > 0) {
    lines.push(t('causes.removalsHeader'));
    for (const r of removals)
      lines.push(
        t('causes.removalLine', {
          target: r.targetName,
          type: typeName(locale, r.type),
          user: r.userName ?? t('notSet'),
        }),
      );
    lines.push(
      `  ${fillText(fixText(locale, 'remove-saved-credentials').confirm, { count: removals.length })}`,
    );
  }
  const acting = new Set(plan.changes.map((c) => c.fix));
  for (const fix of CAUSE_FIX_IDS)
    if (fix !== 'remove-saved-credentials' && acting.has(fix))
      lines.push(`  ${fixText(locale, fix).confirm}`);
  const skips = causeTexts(locale).skips as Record<string, string>;
  for (const s of plan.skipped ?? []) {
    const where = s.profile ? t('causes.inProfile', { profile: s.profile }) : '';
    lines.push(t('causes.skipLine', { fix: s.fix, where, reason: skips[s.reason] ?? s.reason }));
  }
  return lines;
}

/** Saved sign-ins a change removed: they stay removed whatever is undone. */
export function removedLines(t: TFunction, removed: readonly RecordedRemoval[] | undefined): string[] {
  const gone = (removed ?? []).filter((r) => r.removed);
  if (gone.length === 0) return [];
  return [t('causes.removedHeader', { count: gone.length }), ...gone.map((r) => `  ${r.targetName}`)];
}
