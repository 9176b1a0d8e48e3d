import type { TFunction } from 'i18next';
import type { Coverage } from '../../core/diagnosis/coverage';

/**
 * What the diagnosis could not see and how to complete it: printed only when something is
 * missing, so a complete diagnosis reads as before. Never claims a part the export lacks.
 */
export function formatCoverage(t: TFunction, c: Coverage | undefined): string[] {
  if (!c || c.complete) return [];
  const lines = [''];
  if (c.missing.length > 0)
    lines.push(t('coverage.incomplete', { parts: c.missing.map((p) => t(`coverage.part.${p}`)).join(', ') }));
  if (c.installUnknown) lines.push(t('coverage.installUnknown'));
  const exports = c.commands.filter((l) => l.startsWith('reg export') || l.startsWith('copy /b'));
  if (exports.length > 0) {
    lines.push(t('coverage.howToComplete'));
    for (const l of exports) lines.push(`  ${l}`);
    lines.push(`  exproxy diagnose --hive export-complete.reg`);
    if (c.missing.includes('osVersion')) lines.push(t('coverage.winlogonWarning'));
  }
  if (c.missing.includes('policy'))
    lines.push(t('coverage.policy', { command: 'gpresult /scope computer /z' }));
  return lines;
}

/** "read as the user S-1-5-21-…" for an `HKEY_USERS\<SID>` export. */
export function formatUserHive(t: TFunction, c: Coverage | undefined): string[] {
  return c?.userSid ? [t('coverage.userHive', { sid: c.userSid })] : [];
}
