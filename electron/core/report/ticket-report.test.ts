import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { scanMachine } from '../diagnosis/scan';
import { REPORT_LABELS } from './report-labels';
import { buildTicketReport, ticketReportHtml, ticketSummary } from './ticket-report';

async function report(id: string) {
  const m = SimulatedMachine.load({ machine: copySample(id).dir });
  const source = { export: true, policyKnown: m.facts.lmPolicy !== undefined };
  const scan = (await scanMachine(m.registry, m.system, new Date(), source)).report;
  return buildTicketReport(scan, null, [], new Date('2026-01-01T00:00:00Z'));
}

describe('the ticket report and what the registry showed', () => {
  it('an incomplete export: the missing parts, the commands, and no claim about the LAN Manager level', async () => {
    const r = await report('xp-outlook2003-hkcu-only');
    const html = ticketReportHtml(r, REPORT_LABELS.en, 'en');
    expect(html).toContain('LAN Manager authentication level: not in this export');
    expect(html).toContain('<li>the LAN Manager settings (LSA key)</li>');
    expect(html).toContain('reg export &quot;HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa&quot; lsa.reg /y');
    expect(html).toContain('No Outlook install was found');
    expect(ticketSummary(r, REPORT_LABELS['zh-CN'])).toContain('不完整：注册表导出文件中缺少');
  });

  it('a leftover profile is marked; an invalid level is shown as stored; a complete PC has no coverage section', async () => {
    const c2r = ticketReportHtml(await report('win10-m365-c2r-leftover-wms'), REPORT_LABELS.en, 'en');
    expect(c2r).toContain('<li>Outlook (left over from an older Outlook, not used)<ul>');
    expect(c2r).not.toContain('What the registry showed');
    const lm = ticketReportHtml(await report('xp-outlook2003-lm-string'), REPORT_LABELS.en, 'en');
    expect(lm).toContain('not a level, stored as REG_SZ 2; in effect unknown');
  });
});
