import { scanMachine } from '../../core/diagnosis/scan';
import type { DiagnosisReport } from '../../core/diagnosis/diagnosis-report';
import { ExproxyError } from '../../core/errors';
import { buildPrf, encodePrf } from '../../core/outlook/prf';
import { profilesInUse } from '../../core/outlook/profile-selection';
import { writeFileAtomic } from '../../adapters/node/atomic-file';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';

/** Builds the PRF for one profile and writes it (atomically) to `file`. */
export function writePrf(report: DiagnosisReport, profile: string, file: string) {
  // Never from a profile left over from an older Outlook: the installed one would not use it.
  const prf = buildPrf({ ...report, profiles: profilesInUse(report.profiles) }, profile);
  writeFileAtomic(file, encodePrf(prf.text));
  return { file, profile: prf.profile, account: prf.account };
}

/** `exproxy prf --profile NAME --out FILE.prf`. */
export async function prfCommand(c: CommandContext): Promise<number> {
  if (!c.v.profile || !c.v.out)
    throw new ExproxyError('usage', 'prf needs --profile NAME and --out FILE.prf.');
  const machine = await c.machine();
  const { report } = await scanMachine(machine.registry, machine.system, new Date(), machine.scanSource);
  const written = writePrf(report, c.v.profile, c.v.out);
  c.io.out(c.t('prfWritten', { file: written.file, profile: written.profile, account: written.account }));
  c.io.out(c.t('prfHowTo', { file: written.file }));
  return EXIT.ok;
}
