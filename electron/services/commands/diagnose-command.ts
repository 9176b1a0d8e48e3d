import { autodiscoverNotices } from '../../core/autodiscover/autodiscover-notice';
import { scanMachine } from '../../core/diagnosis/scan';
import { hasActionableFindings } from '../../core/diagnosis/rules';
import { ExproxyError } from '../../core/errors';
import { HttpsProbe } from '../../adapters/node';
import { checkProxies, mergeProxyFindings } from '../proxy-checks';
import type { CommandContext } from './command-context';
import { cliLanguage } from './cli-i18n';
import { EXIT } from './exit-codes';
import { formatAutodiscover, formatDiagnosis } from './format-report';
import { formatProxyChecks, timeoutOption } from './probe-command';

/** `exproxy diagnose`: what is wrong, and (unless --no-network) what each proxy offers. */
export async function diagnoseCommand(c: CommandContext, rest: readonly string[]): Promise<number> {
  if (rest.length > 0) throw new ExproxyError('usage', `diagnose takes no arguments (got "${rest[0]}").`);
  const machine = await c.machine();
  const scanned = (
    await scanMachine(machine.registry, machine.system, new Date(), machine.scanSource, {
      credentials: machine.credentials,
    })
  ).report;
  let report = scanned;
  if (!c.v['no-network']) {
    const timeoutMs = timeoutOption(c.v.timeout);
    report = mergeProxyFindings(
      scanned,
      await checkProxies(scanned, machine, new HttpsProbe(), { timeoutMs }),
    );
  }
  c.record.diagnosis = report;
  // Outlook 2007+ can put Basic back from Autodiscover: who must act, and the admin's command.
  const autodiscover = autodiscoverNotices(report);
  c.record.autodiscover = autodiscover;
  if (c.v.json) c.json({ ...report, autodiscover });
  else
    c.io.out(
      [
        formatDiagnosis(c.t, report, c.locale),
        ...formatProxyChecks(c.t, report.proxyChecks ?? [], c.locale),
        ...formatAutodiscover(cliLanguage(c.io.env), autodiscover),
      ].join('\n'),
    );
  if (hasActionableFindings(report.findings)) return EXIT.findings;
  // "Nothing to fix" is only certain when every part was seen.
  return report.coverage?.complete === false ? EXIT.incomplete : EXIT.ok;
}
