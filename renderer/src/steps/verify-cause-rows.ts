import type { TFunction } from 'i18next';
import { authPackageName } from '../../../electron/core/outlook/auth-package';
import type { ChangePlan, DiagnosisReport, ExchangeAccount } from '../contract';
import { removalCandidates } from '../store/cause-view';

export interface VerifyRow {
  readonly id: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** CONFIG_PROMPT_FOR_CREDENTIALS in 00036601. */
const PROMPT_BIT = 0x8;

function account(r: DiagnosisReport | null, section: string): ExchangeAccount | undefined {
  return r?.profiles.flatMap((p) => p.accounts).find((a) => a.section === section);
}

/**
 * Verify's rows for the other causes the plan changed: "always prompt" and logon security per
 * account, and the saved sign-ins offered for removal, before → after as the scans read them.
 */
export function causeRows(
  t: TFunction,
  plan: ChangePlan | null,
  before: DiagnosisReport | null,
  after: DiagnosisReport | null,
): VerifyRow[] {
  const rows: VerifyRow[] = [];
  const prompt = (r: DiagnosisReport | null, s: string) => {
    const v = account(r, s)?.configFlags;
    if (v === undefined || v === null) return '—';
    return t(v & PROMPT_BIT ? 'causes.value.promptOn' : 'causes.value.promptOff');
  };
  const logon = (r: DiagnosisReport | null, s: string) => {
    const v = account(r, s)?.authPackage;
    if (v === undefined || v === null) return '—';
    return t(`causes.value.logon.${authPackageName(v)}`, { value: v });
  };
  for (const c of plan?.changes ?? []) {
    if (!c.account) continue;
    const profile = c.profile ?? '';
    if (c.kind === 'profile-config-flags')
      rows.push({
        id: `prompt-${c.account}`,
        label: t('verify.rowPrompt', { profile }),
        before: prompt(before, c.account),
        after: prompt(after, c.account),
      });
    if (c.kind === 'profile-auth-package')
      rows.push({
        id: `logon-${c.account}`,
        label: t('verify.rowLogon', { profile }),
        before: logon(before, c.account),
        after: logon(after, c.account),
      });
  }
  if (plan && plan.removals.length > 0) {
    const count = (r: DiagnosisReport | null) => (r ? String(removalCandidates(r).length) : '—');
    rows.push({
      id: 'saved-credentials',
      label: t('verify.rowCredentials'),
      before: count(before),
      after: count(after),
    });
  }
  return rows;
}
