import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import type { HttpProbe } from '../core/proxy-check/http-probe-port';
import type { ProbeResult } from '../core/proxy-check/probe-result';
import { copySample, tempDir } from '../test-support/sample-machines';
import { wizardServiceFor } from '../test-support/wizard-service-builder';
import { simulatedContext } from './machine-context';

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';

function setup(sample: string, probe?: HttpProbe) {
  const { dir, registryFile, originalBytes } = copySample(sample);
  const machine = SimulatedMachine.load({ machine: dir });
  const context = probe
    ? { ...simulatedContext(machine), proxyNetwork: () => ({ simulated: false, connectTo: {} }) }
    : simulatedContext(machine);
  const built = wizardServiceFor(context, tempDir(), { now: () => new Date('2026-12-01T10:00:00Z'), probe });
  return { dir, registryFile, originalBytes, machine, ...built };
}

describe('the wizard service and the causes beyond KB820281', () => {
  it('scan:run gives the findings and the pick list; fix:plan takes a pick and says it cannot be undone', async () => {
    const { service, dir } = setup('win10-outlook2016-saved-credentials');
    const scan = await service['scan:run']();
    expect(scan.findings.map((f) => f.id)).toEqual(['saved-credentials']);
    expect(scan.savedCredentials!.filter((m) => m.staleCandidate).map((m) => m.credential)).toEqual([
      { targetName: SSPI, type: 1, userName: 'CONTOSO\\jsmith' },
      { targetName: 'outlook.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
    ]);
    const credentials = [{ targetName: SSPI, type: 1 }];
    const plan = await service['fix:plan']({ fixes: ['remove-saved-credentials'], credentials });
    expect(plan).toMatchObject({
      undoable: false,
      changes: [],
      removals: [{ targetName: SSPI, undoable: false }],
    });
    // Applying another pick than the plan shown is refused (the fingerprint binds the removals).
    const other = await service['fix:apply']({
      fixes: ['remove-saved-credentials'],
      credentials: [{ targetName: 'outlook.contoso.com', type: 2 }],
      fingerprint: plan.fingerprint,
    });
    expect(other.status).toBe('plan-changed');
    const done = await service['fix:apply']({
      fixes: ['remove-saved-credentials'],
      credentials,
      fingerprint: plan.fingerprint,
    });
    expect(done).toMatchObject({ status: 'applied', removals: [{ targetName: SSPI, removed: true }] });
    const facts = JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8')) as {
      savedCredentials: { targetName: string }[];
    };
    expect(facts.savedCredentials.map((c) => c.targetName)).not.toContain(SSPI);
    const history = await service['history:list']();
    expect(history[0]).toMatchObject({
      fixes: ['remove-saved-credentials'],
      changes: [],
      removals: [{ targetName: SSPI, removed: true }],
    });
    const undo = await service['fix:rollback']({ changeId: history[0]!.id });
    expect(undo).toMatchObject({ status: 'blocked', notUndone: [{ targetName: SSPI }] });
  });

  it('an undoable cause fix goes plan → apply → verify → undo, byte for byte', async () => {
    const { service, registryFile, originalBytes } = setup('xp-outlook2003-always-prompt');
    expect((await service['scan:run']()).findings.map((f) => f.id)).toEqual(['prompt-always-on']);
    const plan = await service['fix:plan']({ fixes: ['prompt-always-off'] });
    expect(plan).toMatchObject({ undoable: true, removals: [], restartOutlook: true });
    const outcome = await service['fix:apply']({
      fixes: ['prompt-always-off'],
      fingerprint: plan.fingerprint,
    });
    expect(outcome.status).toBe('applied');
    const after = await service['scan:run']();
    expect(after.findings).toEqual([]);
    expect(after.guidance!.steps[0]).toEqual({ key: 'connection-status' });
    expect((await service['fix:rollback']({ changeId: outcome.changeId! })).status).toBe('rolled-back');
    expect(readFileSync(registryFile).equals(originalBytes)).toBe(true);
  });

  it('proxy:check asks MAPI over HTTP beside the RPC proxy and reports it, with the guidance when nothing is found', async () => {
    const asked: string[] = [];
    const probe: HttpProbe = {
      probe: async (url): Promise<ProbeResult> => {
        asked.push(url);
        const schemes = url.includes('/mapi/') ? ['basic'] : ['ntlm', 'negotiate'];
        return { url, status: 401, schemes, certificate: null, failure: null, elapsedMs: 1 };
      },
    };
    const { service } = setup('win10-outlook2016-two-accounts', probe);
    await service['scan:run']();
    const checked = await service['proxy:check']();
    expect(asked.sort()).toEqual([
      'https://mail.fabrikam.com/mapi/emsmdb/',
      'https://mail.fabrikam.com/rpc/rpcproxy.dll',
      'https://outlook.contoso.com/mapi/emsmdb/',
      'https://outlook.contoso.com/rpc/rpcproxy.dll',
    ]);
    expect(checked.proxyChecks!.map((c) => c.mapi?.verdict)).toEqual(['basic-only', 'basic-only']);
    expect(checked.findings.filter((f) => f.id === 'mapi-endpoint-basic-only').map((f) => f.profile)).toEqual(
      ['Outlook', 'Outlook'],
    );
  });
});
