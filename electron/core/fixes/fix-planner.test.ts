import { describe, expect, it } from 'vitest';
import { SimulatedMachine } from '../../adapters/simulated/simulated-machine';
import { copySample } from '../../test-support/sample-machines';
import type { ScanSource } from '../diagnosis/coverage';
import type { FixId } from '../diagnosis/finding';
import { scanMachine } from '../diagnosis/scan';
import { ExproxyError } from '../errors';
import { encodeMapiValue } from '../outlook/mapi-property';
import { LSA_KEY } from '../registry/allowlist';
import type { RegValue } from '../registry/reg-value';
import { planFixes } from './fix-planner';

const WMS_OUTLOOK =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook';

async function planner(id: string, edit?: (m: SimulatedMachine) => Promise<void>) {
  const m = SimulatedMachine.load({ machine: copySample(id).dir });
  await edit?.(m);
  const source: ScanSource = { export: true, policyKnown: m.facts.lmPolicy !== undefined };
  const { report, tree } = await scanMachine(m.registry, m.system, new Date(), source);
  return { report, plan: (fixes: FixId[], profile?: string) => planFixes(report, tree, { fixes, profile }) };
}

describe('profiles left over from an older Outlook', () => {
  it('are never changed by proxy-auth-ntlm, and a name means the live profile', async () => {
    const { plan } = await planner('win10-m365-c2r-leftover-wms');
    // The live profile is on NTLM already; the leftover one on Basic is not touched.
    expect(plan(['proxy-auth-ntlm'])).toMatchObject({ changes: [], alreadyDone: ['proxy-auth-ntlm'] });
    expect(plan(['proxy-auth-ntlm'], 'outlook')).toMatchObject({ changes: [] });
  });

  it('a leftover profile is reached only by its registry path', async () => {
    const { plan } = await planner('win10-m365-c2r-leftover-wms');
    const p = plan(['proxy-auth-ntlm'], `HKCU\\${WMS_OUTLOOK.slice('HKEY_CURRENT_USER\\'.length)}`);
    expect(p.changes.map((c) => [c.profile, c.path.startsWith(WMS_OUTLOOK), c.before, c.after])).toEqual([
      ['Outlook', true, { type: 'REG_BINARY', hex: '01000000' }, { type: 'REG_BINARY', hex: '02000000' }],
    ]);
    expect(() => plan(['proxy-auth-ntlm'], 'HKCU\\Software\\Nowhere')).toThrow(
      /No Outlook profile was found at/,
    );
  });

  it('naming a profile that exists only as a leftover says how to reach it', async () => {
    const { plan } = await planner('win10-m365-c2r-leftover-wms', async (m) => {
      m.tree.deleteKey('HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook');
    });
    expect(() => plan(['proxy-auth-ntlm'], 'Outlook')).toThrow(
      /left over from an older Outlook.*--profile "HKEY_CURRENT_USER/,
    );
  });
});

describe('other proxy sign-in schemes are never switched to NTLM', () => {
  it.each([
    ['Negotiate', 0x10],
    ['certificate', 0x10000],
    ['Digest (unknown here)', 0x8],
    ['all bits', 0xffffffff],
  ])('%s stays as it is', async (_what, scheme) => {
    const { plan, report } = await planner('xp-outlook2003-basic', async (m) => {
      const section = `${WMS_OUTLOOK}\\13dbb0c8aa05101a9bb000aa002fc45a`;
      await m.registry.setValue(section, '00036627', encodeMapiValue({ kind: 'long', value: scheme }));
    });
    expect(report.profiles[0]!.accounts[0]!.rpcOverHttp.authSchemeValue).toBe(scheme);
    expect(report.findings.some((f) => f.id === 'proxy-auth-basic')).toBe(false);
    expect(plan(['proxy-auth-ntlm'])).toMatchObject({ changes: [], alreadyDone: ['proxy-auth-ntlm'] });
  });
});

describe('LmCompatibilityLevel that is not a level', () => {
  const set = (value: RegValue) => async (m: SimulatedMachine) => {
    m.tree.setValue(LSA_KEY, 'LmCompatibilityLevel', value);
  };

  it.each<[string, RegValue, unknown]>([
    ['REG_SZ', { type: 'REG_SZ', data: '2' }, { type: 'REG_SZ', data: '2' }],
    ['REG_DWORD 7', { type: 'REG_DWORD', data: 7 }, { type: 'REG_DWORD', data: 7 }],
  ])(
    'lmcompat-3 replaces a %s with REG_DWORD 3, keeping the old value as "before"',
    async (_w, value, before) => {
      const { plan } = await planner('xp-outlook2003-ntlm-lm0', set(value));
      expect(plan(['lmcompat-3']).changes).toEqual([
        expect.objectContaining({
          name: 'LmCompatibilityLevel',
          before,
          after: { type: 'REG_DWORD', data: 3 },
        }),
      ]);
    },
  );

  it('even an invalid value whose number is above 3 is replaced (the old one is no level)', async () => {
    const { plan } = await planner('xp-outlook2003-ntlm-lm0', set({ type: 'REG_SZ', data: '5' }));
    expect(plan(['lmcompat-3']).changes).toHaveLength(1);
  });

  it('lmcompat-2 refuses: only lmcompat-3 replaces an invalid value', async () => {
    const { plan } = await planner('xp-outlook2003-ntlm-lm0', set({ type: 'REG_DWORD', data: 9 }));
    expect(() => plan(['lmcompat-2'])).toThrow(ExproxyError);
    expect(() => plan(['lmcompat-2'])).toThrow(/replace it with lmcompat-3/);
  });

  it('a value the allowlist cannot put back (REG_BINARY) is reported, and the write refused', async () => {
    const { plan, report } = await planner(
      'xp-outlook2003-ntlm-lm0',
      set({ type: 'REG_BINARY', data: Uint8Array.of(3, 0, 0, 0) }),
    );
    expect(report.findings.map((f) => [f.id, f.fixes])).toEqual([['lm-level-invalid', []]]);
    expect(() => plan(['lmcompat-3'])).toThrow(/could not put back exactly/);
  });
});

describe('an export without the LSA key', () => {
  it('cannot plan a LAN Manager change: its current value is not known', async () => {
    const { plan } = await planner('xp-outlook2003-hkcu-only');
    expect(() => plan(['proxy-auth-ntlm', 'lmcompat-3'])).toThrow(/not in this export/);
    expect(plan(['proxy-auth-ntlm']).changes).toHaveLength(1);
  });
});
