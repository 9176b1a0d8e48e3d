import { useTranslation } from 'react-i18next';
import type { CollectedPcInfo } from '../contract';
import { InfoIcon, WarningIcon } from '../icons';
import { useWizard } from '../store/store-context';
import './CollectedBanner.css';

/** That PC's own clock, as collect.cmd read it: no time zone, so it is shown as written. */
export function collectedWhen(pc: CollectedPcInfo): string | null {
  return pc.collectedAt ? pc.collectedAt.replace('T', ' ') : pc.collectedAtText;
}

/** `DOMAIN\user`, or whichever part is known. */
export function collectedUser(pc: CollectedPcInfo): string | null {
  return [pc.domain, pc.account].filter(Boolean).join('\\') || null;
}

/**
 * On every view while a collected PC is open: whose PC the wizard is looking at, when its
 * settings were collected, and that nothing on this computer is changed.
 */
export function CollectedBanner() {
  const { t } = useTranslation();
  const pc = useWizard((s) => s.appInfo?.collected ?? null);
  const busy = useWizard((s) => s.busy === 'open-collected');
  const close = useWizard((s) => s.closeCollected);
  const technician = useWizard((s) => s.audience === 'technician');
  if (!pc) return null;
  const unknown = t('collected.unknown');
  return (
    <section className="collected-banner" data-testid="collected-banner" aria-labelledby="collected-banner-h">
      <InfoIcon width={24} height={24} />
      <div>
        <h2 id="collected-banner-h" className="notice-title">
          {t(pc.server ? 'collected.titleServer' : 'collected.title', { computer: pc.computer ?? unknown })}
        </h2>
        <p data-testid="collected-who">
          {t('collected.who', { user: collectedUser(pc) ?? unknown, when: collectedWhen(pc) ?? unknown })}
        </p>
        <p className="collected-nothing">{t('collected.nothing', { computer: pc.computer ?? unknown })}</p>
        {technician && pc.windowsVer ? <p className="detail">{pc.windowsVer}</p> : null}
        {technician ? <p className="detail">{t('collected.folder', { folder: pc.folder })}</p> : null}
        {pc.missing.length > 0 ? (
          <p className="collected-missing" data-testid="collected-missing">
            <WarningIcon />
            <span>{t('collected.missing', { parts: pc.missing.join(', ') })}</span>
          </p>
        ) : null}
      </div>
      {pc.canReturn ? (
        <button
          type="button"
          className="button"
          data-testid="collected-close"
          disabled={busy}
          onClick={() => void close()}
        >
          {t('collected.back')}
        </button>
      ) : null}
    </section>
  );
}
