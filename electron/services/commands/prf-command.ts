import { scanMachine } from '../../core/diagnosis/scan';
import { ExproxyError } from '../../core/errors';
import { buildPrf, encodePrf } from '../../core/outlook/prf';
import { notCoveredText, PrfRefusedError, prfRefusalText, refusalKind } from '../../core/outlook/prf-refusal';
import { writeFileAtomic } from '../../adapters/node';
import { cliLanguage } from './cli-i18n';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';

/**
 * `exproxy prf --profile NAME --out FILE.prf`. A profile the PRF cannot change correctly is
 * refused with the reason and the alternative; nothing to change is said and exits 0 with no file.
 */
export async function prfCommand(c: CommandContext): Promise<number> {
  if (!c.v.profile || !c.v.out)
    throw new ExproxyError('usage', 'prf needs --profile NAME and --out FILE.prf.');
  const locale = cliLanguage(c.io.env);
  const machine = await c.machine();
  const outcome = buildPrf(
    await scanMachine(machine.registry, machine.system, new Date(), machine.scanSource),
    c.v.profile,
  );
  if (!outcome.ok) {
    if (refusalKind(outcome.refusal.reason) !== null) throw new PrfRefusedError(outcome.refusal, locale);
    c.io.out(prfRefusalText(outcome.refusal, locale));
    return EXIT.ok;
  }
  const { prf } = outcome;
  writeFileAtomic(c.v.out, encodePrf(prf.text));
  c.record.prf = { file: c.v.out, profile: prf.profile, account: prf.account, notCovered: prf.notCovered };
  c.io.out(c.t('prfWritten', { file: c.v.out, profile: prf.profile, account: prf.account }));
  if (prf.notCovered.length > 0) c.io.out(notCoveredText(prf.accountLabel, prf.notCovered, locale));
  c.io.out(c.t('prfHowTo', { file: c.v.out }));
  return EXIT.ok;
}
