import type { DiagnosisReport } from '../core/diagnosis/diagnosis-report';
import { buildPrf, encodePrf } from '../core/outlook/prf';
import { writeFileAtomic } from '../adapters/node/atomic-file';

/** Builds the PRF for one profile and writes it (atomically) to `file`. */
export function writePrf(report: DiagnosisReport, profile: string, file: string) {
  const prf = buildPrf(report, profile);
  writeFileAtomic(file, encodePrf(prf.text));
  return { file, profile: prf.profile, account: prf.account };
}
