import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import { scanMachine } from '../core/diagnosis/scan';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import type { ProbeResult } from '../core/proxy-check/probe-result';
import { copySample } from '../test-support/sample-machines';
import { checkProxies } from './proxy-checks';
import { simulatedContext, type MachineContext } from './machine-context';

describe('the proxy check', () => {
  it('never asks the proxy of a profile left over from an older Outlook', async () => {
    const m = SimulatedMachine.load({ machine: copySample('win10-m365-c2r-leftover-wms').dir });
    const ctx = simulatedContext(m);
    const real: MachineContext = { ...ctx, proxyNetwork: () => ({ simulated: false, connectTo: {} }) };
    const asked: string[] = [];
    const probe: HttpProbe = {
      probe: async (url) => {
        asked.push(url);
        const failure = { stage: 'tcp', code: 'ECONNREFUSED', message: 'refused' } as const;
        return {
          url,
          status: null,
          schemes: [],
          certificate: null,
          failure,
          elapsedMs: 1,
        } satisfies ProbeResult;
      },
    };
    const { report } = await scanMachine(m.registry, m.system, new Date(), ctx.scanSource);
    expect(report.profiles.map((p) => [p.status, p.accounts[0]!.rpcOverHttp.proxyServer])).toEqual([
      ['leftover', 'mail.contoso.com'],
      ['live', 'outlook.contoso.com'],
    ]);
    const out = await checkProxies(report, real, probe);
    // The live Outlook 2016 profile's proxy: its RPC endpoint, and MAPI over HTTP beside it.
    expect(asked.sort()).toEqual([
      'https://outlook.contoso.com/mapi/emsmdb/',
      'https://outlook.contoso.com/rpc/rpcproxy.dll',
    ]);
    expect(out.checks.map((c) => c.proxyServer)).toEqual(['outlook.contoso.com']);
    expect(out.checks[0]!.mapi).toMatchObject({ verdict: 'unreachable', status: null });
  });
});
