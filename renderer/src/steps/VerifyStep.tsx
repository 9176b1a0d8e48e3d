import { useTranslation } from 'react-i18next';
import type { DiagnosisReport } from '../contract';
import { lmCellText } from '../components/lm-text';
import { ProxyCheckProgress } from '../components/ProxyCheckProgress';
import { RevertedNotice } from '../components/RevertedNotice';
import { StepFrame } from '../components/StepFrame';
import { CheckIcon, WarningIcon } from '../icons';
import { causeFindingView, isCauseFinding } from '../store/cause-view';
import { verdictOf } from '../store/coverage-view';
import { lmView } from '../store/lm-state';
import { actionable } from '../store/model';
import { usedProfiles } from '../store/profile-use';
import { useWizard } from '../store/store-context';
import { causeRows } from './verify-cause-rows';
import './VerifyStep.css';

interface Row {
  readonly id: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export function VerifyStep() {
  const { t } = useTranslation();
  const before = useWizard((s) => s.report);
  const after = useWizard((s) => s.afterReport);
  const busy = useWizard((s) => s.busy);
  const resumed = useWizard((s) => s.resumed);
  const windows = useWizard((s) => s.windowsRestart);
  const mode = useWizard((s) => s.mode);
  const verify = useWizard((s) => s.verify);
  const goTo = useWizard((s) => s.goTo);
  const technician = useWizard((s) => s.audience === 'technician');
  const locale = useWizard((s) => s.locale);
  const plan = useWizard((s) => s.plan);
  const scanning = busy === 'verify' || busy === 'proxy';

  const scheme = (r: DiagnosisReport | null, section: string) => {
    const a = r?.profiles.flatMap((p) => p.accounts).find((x) => x.section === section);
    if (!a) return '—';
    if (!a.rpcOverHttp.enabled) return t('verify.rohOff');
    return t(`proxy.scheme.${a.rpcOverHttp.authScheme ?? 'none'}`, {
      value: a.rpcOverHttp.authSchemeValue ?? '',
    });
  };
  const rows: Row[] = [];
  const source = after ?? before;
  // Profiles the installed Outlook does not read are not part of the result.
  for (const p of source ? usedProfiles(source) : []) {
    for (const a of p.accounts) {
      if (
        !a.rpcOverHttp.enabled &&
        !before?.profiles.some((bp) =>
          bp.accounts.some((b) => b.section === a.section && b.rpcOverHttp.enabled),
        )
      )
        continue;
      rows.push({
        id: `auth-${a.section}`,
        label: t('verify.rowAuth', { profile: p.name }),
        before: scheme(before, a.section),
        after: scheme(after, a.section),
      });
    }
  }
  rows.push(...causeRows(t, plan, before, after));
  const lm = (r: DiagnosisReport | null) => (r ? lmCellText(t, lmView(r.lsa)) : '—');
  rows.push({ id: 'lm', label: t('verify.rowLm'), before: lm(before), after: lm(after) });
  const count = (r: DiagnosisReport | null) => (r ? String(actionable(r.findings).length) : '—');
  rows.push({ id: 'problems', label: t('verify.rowProblems'), before: count(before), after: count(after) });

  // "It went back to Basic" has its own explanation; the rest is listed.
  const reverted = after ? after.findings.filter((f) => f.id === 'autodiscover-reverted') : [];
  const remaining = after ? actionable(after.findings).filter((f) => f.id !== 'autodiscover-reverted') : [];
  const verdict = after ? verdictOf(after) : null;
  const fixed = verdict === 'clean';
  const lmChanged = !!before && !!after && lm(before) !== lm(after);

  return (
    <StepFrame
      testId="step-verify"
      title={t('verify.title')}
      lead={resumed ? t('verify.resumed') : t('verify.lead')}
    >
      {scanning ? (
        <div role="status" aria-live="polite" className="scan-progress">
          <div className="progress indeterminate" aria-hidden="true">
            <div className="progress-fill" />
          </div>
          <p>{t('verify.working')}</p>
          <ProxyCheckProgress />
        </div>
      ) : null}
      {after ? (
        <table className="verify-table" data-testid="verify-table">
          <caption>{t('verify.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('verify.colSetting')}</th>
              <th scope="col">{t('verify.colBefore')}</th>
              <th scope="col" aria-hidden="true" className="arrow-col" />
              <th scope="col">{t('verify.colAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id} className={r.before !== r.after ? 'changed' : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.before}</td>
                <td aria-hidden="true" className="arrow-col">
                  →
                </td>
                <td>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {fixed ? (
        <div className="notice ok" data-testid="verify-ok" role="status">
          <CheckIcon />
          <div>
            <p className="notice-title">{t('verify.ok')}</p>
            {lmChanged && windows === 'later' ? <p>{t('verify.restartPending')}</p> : null}
          </div>
        </div>
      ) : null}
      {verdict === 'incomplete' ? (
        <div className="notice warn" data-testid="verify-incomplete" role="status">
          <WarningIcon />
          <p>{t('verify.incomplete')}</p>
        </div>
      ) : null}
      <RevertedNotice findings={reverted} technician={technician} />
      {verdict === 'findings' && remaining.length > 0 ? (
        <div className="notice warn" role="status">
          <WarningIcon />
          <div>
            <p className="notice-title">{t('verify.notYet')}</p>
            <ul>
              {remaining.map((f, i) => (
                <li key={`${f.id}-${i}`}>
                  {isCauseFinding(f)
                    ? causeFindingView(locale, f).title
                    : t(`findings.items.${f.id}.title`, { ...f.facts, profile: f.profile ?? '' })}
                </li>
              ))}
            </ul>
            <p>{mode === 'manual' ? t('verify.notYetManual') : t('verify.notYetAuto')}</p>
          </div>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="button" disabled={scanning} onClick={() => void verify()}>
          {t('verify.rescan')}
        </button>
        {verdict === 'findings' && mode === 'manual' ? (
          <button type="button" className="button" onClick={() => goTo('manual')}>
            {t('verify.backToSteps')}
          </button>
        ) : null}
        <button
          type="button"
          className="button primary"
          data-testid="verify-next"
          disabled={scanning}
          onClick={() => goTo('report')}
        >
          {t('verify.next')}
        </button>
      </div>
    </StepFrame>
  );
}
