import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from './simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import { simulatedScanSource } from './simulated-context';

describe('the scan source of a simulated machine', () => {
  it('is an export; the policy is known only when machine.json states lmPolicy', () => {
    const pc = SimulatedMachine.load({ machine: copySample('xp-outlook2003-basic').dir });
    expect(simulatedScanSource(pc)).toEqual({ export: true, policyKnown: true, userSid: null });
    const partial = SimulatedMachine.load({ machine: copySample('xp-outlook2003-hkcu-only').dir });
    expect(simulatedScanSource(partial)).toMatchObject({ export: true, policyKnown: false });
    const hive = SimulatedMachine.load({ hive: copySample('xp-outlook2003-basic').registryFile });
    expect(simulatedScanSource(hive).policyKnown).toBe(false);
  });

  it('names the user of an HKEY_USERS\\<SID> export where the machine reads one as HKCU', () => {
    const pc = SimulatedMachine.load({ machine: copySample('xp-outlook2003-basic').dir });
    const sid = 'S-1-5-21-1177238915-682003330-725345543-1004';
    Object.defineProperty(pc, 'userHive', { value: { sid } });
    expect(simulatedScanSource(pc).userSid).toBe(sid);
  });
});
