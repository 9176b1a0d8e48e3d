import { useTranslation } from 'react-i18next';
import type { Finding } from '../contract';
import { isCauseFinding } from '../store/cause-view';
import { CauseFindingCard } from './CauseFindingCard';
import { lmTypeText } from './lm-text';
import { factText } from './RawPair';
import { FindingFrame } from './FindingFrame';
import { FindingTechDetails } from './FindingTechDetails';

interface Props {
  readonly finding: Finding;
  readonly technician: boolean;
  /** For a Basic finding: the proxy's answer that it offers no NTLM (so NTLM is not offered here). */
  readonly noNtlm?: Finding;
  /** For the LAN Manager finding: its fix is held back because no account can use NTLM yet. */
  readonly lmWithheld?: boolean;
  /** For a Basic finding: the Exchange server put Basic back after our switch (not offered again). */
  readonly reverted?: boolean;
}

/** The text family of a finding: "no profiles" reads differently when old ones were found. */
function textKey(f: Finding): string {
  if (f.id === 'no-outlook-profiles' && Number(f.facts.leftoverProfiles ?? 0) > 0) return 'no-live-profiles';
  return f.id;
}

/** The "what will change" of an invalid level: replaced, not needed yet, or left to a person. */
function invalidLevelChange(f: Finding): string {
  if (f.fixes.includes('lmcompat-3')) return 'change';
  return f.severity === 'info' ? 'changeNotNeeded' : 'changeByHand';
}

/** One finding in plain words: what is wrong, why Outlook prompts, what will change, and the KB. */
export function FindingCard(props: Props) {
  // The other causes of prompts speak with the core's own texts (core/causes/text).
  if (isCauseFinding(props.finding))
    return <CauseFindingCard finding={props.finding} technician={props.technician} />;
  return <KbFindingCard {...props} />;
}

function KbFindingCard({ finding, technician, noNtlm, lmWithheld, reverted }: Props) {
  const { t } = useTranslation();
  const facts = finding.facts;
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, factText(v)])),
    profile: finding.profile ?? '',
  };
  // Sentences that depend on a fact, worded here so each language reads naturally.
  if (finding.id === 'proxy-unreachable')
    values.stageText = t(`findings.proxyStage.${String(facts.stage)}`, {
      defaultValue: t('findings.proxyStage.other'),
    });
  if (finding.id === 'proxy-certificate-name-mismatch')
    values.nameNote = facts.onlyInAltNames
      ? t('findings.certNames.altOnly')
      : t('findings.certNames.missing');
  if (finding.id === 'lm-level-invalid') values.typeText = lmTypeText(t, String(facts.type));
  const base = `findings.items.${textKey(finding)}`;
  const withheld =
    finding.id === 'proxy-auth-basic' && !finding.fixes.includes('proxy-auth-ntlm') ? noNtlm : undefined;
  const changeText = () => {
    if (withheld)
      return t('findings.basicNoNtlm.change', {
        ...values,
        schemes: factText(withheld.facts.schemes ?? null),
      });
    if (reverted && !finding.fixes.includes('proxy-auth-ntlm'))
      return t('findings.basicReverted.change', values);
    if (lmWithheld) return t('findings.lmNotYet.change', values);
    if (finding.id === 'lm-level-invalid') return t(`${base}.${invalidLevelChange(finding)}`, values);
    return t(`${base}.change`, values);
  };
  return (
    <FindingFrame finding={finding} textKey={textKey(finding)} title={t(`${base}.title`, values)}>
      <dl className="finding-body">
        <dt>{t('findings.what')}</dt>
        <dd>{t(`${base}.what`, values)}</dd>
        <dt>{t('findings.why')}</dt>
        <dd>{t(`${base}.why`, values)}</dd>
        <dt>{t('findings.change')}</dt>
        <dd>{changeText()}</dd>
      </dl>
      {withheld ? (
        <p className="notice warn" data-testid="no-ntlm-notice">
          {t('findings.basicNoNtlm.notice', { proxyServer: values.proxyServer ?? '' })}
        </p>
      ) : null}
      <p className="kb">{t('findings.kb', { kb: finding.kb })}</p>
      {technician ? <FindingTechDetails finding={finding} showProfile={true} /> : null}
    </FindingFrame>
  );
}
