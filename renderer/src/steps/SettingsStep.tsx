import { useTranslation } from 'react-i18next';
import { autodiscoverNotices } from '../../../electron/core/autodiscover/autodiscover-notice';
import { authSchemeName } from '../../../electron/core/outlook/rpc-over-http';
import { ABSENT_TEXT, valueText } from '../../../electron/core/report/value-text';
import type { ChangePlan, DiagnosisReport, ExchangeAccount, RpcOverHttpSettings } from '../contract';
import { AutodiscoverPanel } from '../components/AutodiscoverPanel';
import { CauseChanges } from '../components/CauseChanges';
import { CredentialPicker } from '../components/CredentialPicker';
import { LmLevels } from '../components/LmLevels';
import { LmUnknown } from '../components/LmUnknown';
import { changedRows, ProxySettingsPanel } from '../components/ProxySettingsPanel';
import { StepFrame } from '../components/StepFrame';
import { removalCandidates } from '../store/cause-view';
import { knownLevel, lmView, replacesInvalidLevel } from '../store/lm-state';
import { authChangeFor, lmChange, regNumber } from '../store/model';
import { usedProfiles } from '../store/profile-use';
import { useWizard } from '../store/store-context';
import './SettingsStep.css';

interface AccountView {
  readonly profile: string;
  readonly account: ExchangeAccount;
  readonly current: RpcOverHttpSettings;
  readonly proposed: RpcOverHttpSettings;
}

/** Every Outlook Anywhere account with the settings it has now and after the plan. */
function accountViews(report: DiagnosisReport, plan: ChangePlan | null): AccountView[] {
  const views: AccountView[] = [];
  // A profile the installed Outlook does not read is never shown as one to change.
  for (const p of usedProfiles(report)) {
    for (const a of p.accounts) {
      if (!a.rpcOverHttp.enabled) continue;
      const change = authChangeFor(plan, a.section);
      const value = change ? regNumber(change.after) : null;
      const proposed =
        value === null
          ? a.rpcOverHttp
          : { ...a.rpcOverHttp, authSchemeValue: value, authScheme: authSchemeName(value) };
      views.push({ profile: p.name, account: a, current: a.rpcOverHttp, proposed });
    }
  }
  // The account the plan changes comes first: that is the one drawn large.
  return views.sort(
    (x, y) =>
      Number(!!authChangeFor(plan, y.account.section)) - Number(!!authChangeFor(plan, x.account.section)),
  );
}

export function SettingsStep() {
  const { t } = useTranslation();
  const report = useWizard((s) => s.report);
  const plan = useWizard((s) => s.plan);
  const technician = useWizard((s) => s.audience === 'technician');
  const absent = useWizard((s) => ABSENT_TEXT[s.locale]);
  const goTo = useWizard((s) => s.goTo);
  if (!report) return null;
  const views = accountViews(report, plan);
  const main = views[0];
  const others = views.slice(1);
  const lm = lmChange(plan);
  const lsa = report.lsa;
  const now = lmView(lsa);
  const proposedLevel = lm ? regNumber(lm.after) : knownLevel(now);
  const canChange = !!plan && (plan.changes.length > 0 || plan.removals.length > 0);
  // Saved sign-ins are offered only with their finding, and only as the person picks them.
  const picking =
    report.findings.some((f) => f.id === 'saved-credentials') && removalCandidates(report).length > 0;
  // Where the plan switches an account to NTLM, Exchange may switch it back (Outlook 2007+).
  const notices = autodiscoverNotices(report).filter((n) =>
    n.accounts.some((a) => authChangeFor(plan, a.section)),
  );

  return (
    <StepFrame testId="step-settings" title={t('settings.title')} lead={t('settings.lead')}>
      <section className="panel" aria-labelledby="proxy-heading">
        <h2 id="proxy-heading">{t('settings.proxyHeading')}</h2>
        {main ? (
          <>
            <p className="muted">
              {t('settings.account', {
                profile: main.profile,
                mailbox: main.account.mailbox ?? main.account.accountName ?? main.account.section,
              })}
            </p>
            <div className="side-by-side">
              <ProxySettingsPanel
                testId="proxy-settings-current"
                caption={t('settings.current')}
                settings={main.current}
                changed={changedRows(main.current, main.proposed)}
                technician={technician}
              />
              <ProxySettingsPanel
                testId="proxy-settings-proposed"
                caption={t('settings.proposed')}
                settings={main.proposed}
                changed={changedRows(main.current, main.proposed)}
                technician={technician}
              />
            </div>
            {others.length > 0 ? (
              <ul className="other-accounts">
                {others.map((v) => (
                  <li key={v.account.section}>
                    {t('settings.otherAccount', {
                      profile: v.profile,
                      mailbox: v.account.mailbox ?? v.account.section,
                      scheme: t(`proxy.scheme.${v.current.authScheme ?? 'none'}`, {
                        value: v.current.authSchemeValue ?? '',
                      }),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t('settings.noProxy')}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="lm-heading">
        <h2 id="lm-heading">{t('lm.heading')}</h2>
        <p className="muted">{t('lm.lead')}</p>
        {lsa.policyManaged ? (
          <p className="notice warn">{t('lm.policy', { level: lsa.policyLevel ?? '?' })}</p>
        ) : null}
        <LmUnknown view={now} technician={technician} />
        <LmLevels
          current={knownLevel(now)}
          source={now.kind === 'level' ? now.source : null}
          proposed={proposedLevel}
          technician={technician}
        />
        {lm && replacesInvalidLevel(lm) ? (
          <p className="notice info" data-testid="lm-replace">
            {t('lm.replace')}
          </p>
        ) : null}
        {!lm ? <p className="muted">{t('lm.noChange')}</p> : null}
      </section>

      <AutodiscoverPanel notices={notices} technician={technician} />

      {plan ? <CauseChanges plan={plan} /> : null}
      {picking ? <CredentialPicker report={report} /> : null}

      {technician && plan && plan.changes.length > 0 ? (
        <section className="panel" aria-labelledby="raw-heading">
          <h2 id="raw-heading">{t('settings.rawHeading')}</h2>
          <table className="raw-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.rawKey')}</th>
                <th scope="col">{t('settings.rawBefore')}</th>
                <th scope="col">{t('settings.rawAfter')}</th>
                <th scope="col">{t('settings.rawElevated')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.changes.map((c) => (
                <tr key={`${c.path}\\${c.name}`}>
                  <td>
                    <code>
                      {c.path}\{c.name}
                    </code>
                  </td>
                  <td>
                    <code>{valueText(c.before, absent)}</code>
                  </td>
                  <td>
                    <code>{valueText(c.after, absent)}</code>
                  </td>
                  <td>{c.elevated ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {!canChange && !picking ? (
        <p className="notice info" role="status">
          {plan && plan.alreadyDone.length > 0 ? t('settings.alreadyDone') : t('settings.nothingToChange')}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo('findings')}>
          {t('nav.back')}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="settings-next"
          onClick={() => goTo(canChange ? 'choose' : 'report')}
        >
          {canChange ? t('nav.next') : t('findings.toReport')}
        </button>
      </div>
    </StepFrame>
  );
}
