import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanMachine } from '../../core/diagnosis/scan';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { parseRegFile, writeRegFile } from '../../core/registry/reg-file';
import { encodeUtf16le } from '../../core/registry/text-encoding';
import { SAMPLES_DIR, tempDir } from '../../test-support/sample-machines';
import { SimulatedMachine } from '../simulated/simulated-machine';
import { collectScriptOptions } from './collect-options';
import { CollectedPc, isCollectedFolder } from './collected-pc';
import { writeSimulatedCollection, type SimulatedCollectionFacts } from './simulated-collection';

const FACTS: SimulatedCollectionFacts = {
  computer: 'XP-ACCT-07',
  account: 'jdoe',
  domain: 'CONTOSO',
  date: 'Tue 12/01/2026',
  time: '14:05:09.12',
  shortDate: 'M/d/yyyy',
  windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
  outlook: 'closed',
  admin: false,
};

const PROFILES = 'hkcu-currentversion-windows-messaging-subsystem-profiles.reg';
const LSA = 'hklm-currentcontrolset-control-lsa.reg';
// The XP sample's Outlook 2003 install key, as collect.cmd names its export.
const OFFICE = 'hklm-office-11.0-outlook.reg';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function collected(
  sample = 'xp-outlook2003-basic',
  facts = FACTS,
): { dir: string; machine: SimulatedMachine } {
  const dir = tempDir('exproxy-collected-');
  dirs.push(dir);
  const machine = SimulatedMachine.load({ machine: join(SAMPLES_DIR, sample) });
  writeSimulatedCollection(machine.tree, dir, facts, collectScriptOptions());
  return { dir, machine };
}

async function facts(
  registry: CollectedPc['registry'] | SimulatedMachine['registry'],
  system: SimulatedMachine['system'],
) {
  const { report } = await scanMachine(registry, system);
  const { machine, profiles, lsa, findings } = report;
  return { machine, profiles, lsa, findings };
}

describe('a collected PC', () => {
  it('diagnoses exactly like the PC it was collected from', async () => {
    const { dir, machine } = collected();
    const pc = CollectedPc.load(dir);
    expect(await facts(pc.registry, pc.system)).toEqual(await facts(machine.registry, machine.system));
    const { report } = await scanMachine(pc.registry, pc.system);
    expect(report.adapter).toBe('collected');
    expect(report.findings.map((f) => f.id)).toEqual(['proxy-auth-basic', 'lm-response-sent']);
  });

  it('merges several exports in any order and any encoding the codec reads', async () => {
    const { dir, machine } = collected();
    // REGEDIT4 (ANSI) and UTF-8 versions of two exports, under names that sort differently.
    const lsa = parseRegFile(readFileSync(join(dir, LSA)));
    writeFileSync(
      join(dir, LSA),
      writeRegFile({ ...lsa, format: { header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' } }),
    );
    renameSync(join(dir, LSA), join(dir, 'a-first-lsa.reg'));
    const office = parseRegFile(readFileSync(join(dir, OFFICE)));
    writeFileSync(
      join(dir, 'zz-office.reg'),
      writeRegFile({ ...office, format: { ...office.format, encoding: 'utf8', bom: true } }),
    );
    rmSync(join(dir, OFFICE));
    const pc = CollectedPc.load(dir);
    expect(await facts(pc.registry, pc.system)).toEqual(await facts(machine.registry, machine.system));
    expect(pc.missing).toEqual([]);
  });

  it('says whose PC it is and when it was collected', () => {
    const pc = CollectedPc.load(collected().dir);
    expect(pc.collectedFrom).toMatchObject({
      computer: 'XP-ACCT-07',
      account: 'jdoe',
      domain: 'CONTOSO',
      collectedAt: '2026-12-01T14:05:09',
      collectedAtText: 'Tue 12/01/2026 14:05:09.12',
      windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
    });
    expect(pc.description).toMatch(
      /^collected PC XP-ACCT-07 \(CONTOSO\\jdoe\), collected 2026-12-01T14:05:09/,
    );
  });

  it('answers the system facts from facts.txt', async () => {
    const pc = CollectedPc.load(
      collected('xp-outlook2003-basic', { ...FACTS, outlook: 'running', admin: true }).dir,
    );
    expect(await pc.system.isOutlookRunning()).toBe(true);
    expect(await pc.system.isElevated()).toBe(true);
    expect(await pc.system.isSystemAccount()).toBe(false);
    expect(await pc.system.lmCompatibilityPolicy()).toEqual({ managed: false });
  });

  it('tells a key the PC does not have from a part the folder lacks', () => {
    const { dir } = collected();
    const pc = CollectedPc.load(dir);
    const state = (file: string) => pc.coverage.find((c) => c.file === file)?.state;
    expect(state('hkcu-office-16.0-outlook.reg')).toBe('absent-on-pc');
    expect(state(PROFILES)).toBe('collected');
    expect(pc.missing).toEqual([]);

    rmSync(join(dir, LSA));
    const facts = readFileSync(join(dir, 'facts.txt'))
      .toString('utf16le')
      .replace(/^.*control-lsa.*\r\n/m, '');
    writeFileSync(join(dir, 'facts.txt'), encodeUtf16le(facts));
    const partial = CollectedPc.load(dir);
    expect(partial.missing).toEqual([
      { path: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa' },
    ]);
  });

  it('never writes: every write says to make a fix kit', async () => {
    const pc = CollectedPc.load(collected().dir);
    const lsa = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
    const attempts = [
      pc.registry.setValue(lsa, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
      pc.registry.deleteValue(lsa, 'LmCompatibilityLevel'),
      pc.elevated.setValue(lsa, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
      pc.elevated.deleteValue(lsa, 'LmCompatibilityLevel'),
      pc.system.startOutlook(),
      pc.system.restartWindows(),
    ];
    for (const a of attempts) {
      await expect(a).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof ExproxyError && e.kind === 'not-allowed' && /make a fix kit/i.test(e.message),
      );
    }
  });

  // A damaged ordinary value is skipped with a warning (see reg-damage-policy.ts); a damaged
  // key line cannot be skipped, so the file is refused with where it is.
  it('names the file and line of a damaged export', () => {
    const { dir } = collected();
    const bytes = readFileSync(join(dir, LSA))
      .toString('utf16le')
      .replace('\r\n[HKEY_LOCAL_MACHINE', '\r\n[HKEY_NOWHERE');
    writeFileSync(join(dir, LSA), Buffer.from(bytes, 'utf16le'));
    let error: unknown;
    try {
      CollectedPc.load(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnreadableInputError);
    expect((error as UnreadableInputError).file).toBe(join(dir, LSA));
    expect((error as UnreadableInputError).line).toBeGreaterThan(1);
  });

  it('names facts.txt when it is damaged, and refuses a folder without exports', () => {
    const { dir } = collected();
    writeFileSync(join(dir, 'facts.txt'), encodeUtf16le('EXPROXY_FACT_FORMAT=1\r\ngarbage\r\n'));
    expect(() => CollectedPc.load(dir)).toThrow(/facts\.txt line 2/);
    const empty = tempDir('exproxy-empty-');
    dirs.push(empty);
    expect(() => CollectedPc.load(empty)).toThrow(/no registry exports/);
    expect(() => CollectedPc.load(join(empty, 'nope'))).toThrow(/no such folder/);
  });

  it('is recognised as a collected folder, unlike a simulated machine', () => {
    expect(isCollectedFolder(collected().dir)).toBe(true);
    expect(isCollectedFolder(join(SAMPLES_DIR, 'xp-outlook2003-basic'))).toBe(false);
  });

  it('reads what collect.cmd /server gathered: IIS providers and Application-log events', async () => {
    const { dir } = collected();
    writeFileSync(
      join(dir, 'iis-appcmd-default-web-site-exchange.txt'),
      '<system.webServer><security><authentication><windowsAuthentication enabled="true"><providers><add value="NTLM" /></providers></windowsAuthentication></authentication></security></system.webServer>\r\n',
    );
    writeFileSync(
      join(dir, 'iis-adsutil-w3svc-1-root.txt'),
      'NTAuthenticationProviders       : (STRING) "Negotiate,NTLM"\r\n',
    );
    writeFileSync(
      join(dir, 'events-eventquery-1000.csv'),
      '"error","1000","12/1/2026 9:14:02 AM","EXPROX","EXFE01","None","N/A","fell back"\r\n',
    );
    writeFileSync(
      join(dir, 'events-wevtutil.xml'),
      "<Event xmlns='x'><System><Provider Name='MSExchange OWA'/><EventID>71</EventID><TimeCreated SystemTime='2026-12-01T08:00:00Z'/></System><EventData><Data>cas</Data></EventData></Event>",
    );
    const extra = [
      'EXPROXY_FACT_SERVER_MODE=yes',
      'EXPROXY_FACT_SERVER_ITEM_01=appcmd|ok|iis-appcmd-default-web-site-exchange.txt|Default Web Site/Exchange',
      'EXPROXY_FACT_SERVER_ITEM_02=adsutil|absent|iis-adsutil-w3svc-1-root-exchange.txt|W3SVC/1/ROOT/Exchange',
      'EXPROXY_FACT_SERVER_ITEM_03=adsutil|ok|iis-adsutil-w3svc-1-root.txt|W3SVC/1/ROOT',
      'EXPROXY_FACT_SERVER_ITEM_04=wevtutil|ok|events-wevtutil.xml|Application',
      'EXPROXY_FACT_SERVER_ITEM_05=eventquery|ok|events-eventquery-1000.csv|1000',
      '',
    ].join('\r\n');
    writeFileSync(
      join(dir, 'facts.txt'),
      Buffer.concat([readFileSync(join(dir, 'facts.txt')), encodeUtf16le(extra)]),
    );
    const pc = CollectedPc.load(dir);
    expect(pc.facts?.serverMode).toBe(true);
    expect(await pc.iis.read()).toEqual([
      { site: 'Default Web Site/Exchange', source: 'appcmd', providers: ['NTLM'], kerberosPossible: false },
      { site: 'W3SVC/1/ROOT', source: 'adsutil', providers: ['Negotiate', 'NTLM'], kerberosPossible: true },
    ]);
    expect(await pc.serverEvents.query('*')).toEqual([
      { source: 'MSExchange OWA', id: 71, time: '2026-12-01T08:00:00Z', message: 'cas' },
      { source: 'EXPROX', id: 1000, time: '12/1/2026 9:14:02 AM', message: 'fell back' },
    ]);
  });
});
