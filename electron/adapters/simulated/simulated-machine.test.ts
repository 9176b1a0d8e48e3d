import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { LSA_KEY } from '../../core/registry/allowlist';
import { parseRegFile, REGEDIT5_FORMAT } from '../../core/registry/reg-file';
import { copySample, tempDir } from '../../test-support/sample-machines';
import { SimulatedMachine } from './simulated-machine';

// Lets a test make the registry write-back fail after part of the new file reached the disk.
const failure = vi.hoisted(() => ({ tornWrite: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (!failure.tornWrite) return real.writeSync(fd, buffer, offset, length);
      real.writeSync(fd, buffer, offset, Math.min(length, 10));
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    }) as typeof real.writeSync,
  };
});
afterEach(() => {
  failure.tornWrite = false;
});

const V5 = 'Windows Registry Editor Version 5.00';
const SECTION =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a';
const LINES = [
  `[${SECTION}]`,
  '"00036623"=hex:23,00,00,00',
  '"00036627"=hex:01,00,00,00',
  '',
  `[${LSA_KEY}]`,
  '"NoLmHash"=dword:00000001',
  '',
  '',
];
const REG = (header = V5, eol = '\r\n') => [header, '', ...LINES].join(eol);
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const NTLM = { type: 'REG_BINARY', data: new Uint8Array([2, 0, 0, 0]) } as const;

/** A machine folder holding registry.reg (and machine.json when given). */
function machineDir(registry: Buffer, facts?: unknown): string {
  const dir = tempDir('exproxy-sim-');
  fs.writeFileSync(join(dir, 'registry.reg'), registry);
  if (facts !== undefined)
    fs.writeFileSync(join(dir, 'machine.json'), typeof facts === 'string' ? facts : JSON.stringify(facts));
  return dir;
}

describe('SimulatedMachine.load', () => {
  it('loads a single .reg file (--hive) into the tree; facts take their defaults', async () => {
    const dir = machineDir(utf16(REG()));
    const m = SimulatedMachine.load({ hive: join(dir, 'registry.reg') });
    expect(m.registryFile).toBe(join(dir, 'registry.reg'));
    expect(m.tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([1, 0, 0, 0]),
    });
    expect(m.tree.getValue(LSA_KEY.toUpperCase(), 'nolmhash')).toEqual({ type: 'REG_DWORD', data: 1 });
    expect(m.facts).toMatchObject({
      outlookRunning: false,
      uacApproved: true,
      elevated: false,
      systemAccount: false,
    });
    expect(m.facts.lmPolicy).toBeUndefined();
  });

  it('a machine folder without machine.json means: Outlook not running, no policy, UAC approved', async () => {
    const m = SimulatedMachine.load({ machine: machineDir(utf16(REG())) });
    expect(await m.system.isOutlookRunning()).toBe(false);
    expect(await m.system.lmCompatibilityPolicy()).toEqual({ managed: false });
    expect(await m.system.isElevated()).toBe(false);
    await m.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    expect(m.tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 3 });
  });

  it('reads the facts machine.json sets', async () => {
    const dir = machineDir(utf16(REG()), {
      outlookRunning: true,
      lmPolicy: { managed: true, level: 1 },
      uacApproved: false,
    });
    const m = SimulatedMachine.load({ machine: dir });
    expect(await m.system.isOutlookRunning()).toBe(true);
    expect(await m.system.lmCompatibilityPolicy()).toEqual({ managed: true, level: 1 });
    expect(m.facts.uacApproved).toBe(false);
  });

  it.each([
    ['not JSON', '{ "outlookRunning": tru', /machine\.json: not valid JSON/],
    ['a wrong type', { outlookRunning: 'yes' }, /machine\.json: outlookRunning: .*boolean/i],
    ['a level out of range', { lmPolicy: { managed: true, level: 9 } }, /machine\.json: lmPolicy\.level: /],
    ['an unknown fact', { outlookRuning: true }, /machine\.json: top level: .*outlookRuning/],
  ])('rejects machine.json with %s, naming the file and the field', (_what, facts, message) => {
    const dir = machineDir(utf16(REG()), facts);
    const load = () => SimulatedMachine.load({ machine: dir });
    expect(load).toThrow(UnreadableInputError);
    expect(load).toThrow(message);
    expect(load).toThrow(join(dir, 'machine.json'));
  });

  it('a missing or unreadable registry file is an UnreadableInputError naming the file (and the line)', () => {
    const dir = tempDir('exproxy-sim-');
    expect(() => SimulatedMachine.load({ machine: dir })).toThrow(/registry\.reg: file not found/);
    const bad = machineDir(utf16(`${V5}\r\n\r\n[${SECTION}]\r\n"00036627"=hex:01,0x\r\n`));
    try {
      SimulatedMachine.load({ machine: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableInputError);
      expect((e as UnreadableInputError).message).toContain(join(bad, 'registry.reg'));
      expect((e as UnreadableInputError).line).toBe(4);
    }
  });
});

describe('SimulatedMachine load warnings', () => {
  it('skips a damaged value it never writes (reference T14) and says where; a damaged 00036627 refuses the file', async () => {
    const damaged = REG().replace('"00036623"=hex:23,00,00,00', '"001f662a"=hex:6f,00,0');
    const dir = machineDir(utf16(damaged));
    const m = SimulatedMachine.load({ machine: dir });
    expect(m.loadWarnings).toEqual([
      expect.objectContaining({ kind: 'damaged-value', line: 4, name: '001f662a', key: SECTION }),
    ]);
    expect(m.loadWarnings[0]!.message).toMatch(
      /registry\.reg line 4: expected a hex byte .*; skipped the value "001f662a"/,
    );
    expect(m.tree.getValue(SECTION, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([1, 0, 0, 0]),
    });
    // The damaged line stays as it was when the file is written.
    await m.registry.setValue(SECTION, '00036627', NTLM);
    expect(
      fs
        .readFileSync(join(dir, 'registry.reg'))
        .equals(utf16(damaged.replace('hex:01,00,00,00', 'hex:02,00,00,00'))),
    ).toBe(true);
    // Another process repairs the line: the next read has no warning.
    fs.writeFileSync(join(dir, 'registry.reg'), utf16(REG()));
    await m.registry.readSubtrees([{ path: SECTION }]);
    expect(m.loadWarnings).toEqual([]);
    fs.writeFileSync(
      join(dir, 'registry.reg'),
      utf16(REG().replace('"00036627"=hex:01,00,00,00', '"00036627"=hex:01,00,0')),
    );
    expect(() => SimulatedMachine.load({ machine: dir })).toThrow(/line 5: .*one this product may change/);
  });
});

describe('SimulatedMachine write-back', () => {
  it('changes only the written line, keeping UTF-16LE, the BOM, CRLF, the header and the leaf-only layout', async () => {
    const dir = machineDir(utf16(REG()));
    const file = join(dir, 'registry.reg');
    const m = SimulatedMachine.load({ hive: file });
    await m.registry.setValue(SECTION, '00036627', NTLM);
    const written = fs.readFileSync(file);
    const expected = utf16(REG().replace('"00036627"=hex:01,00,00,00', '"00036627"=hex:02,00,00,00'));
    expect(written.equals(expected)).toBe(true);
    expect(parseRegFile(new Uint8Array(written)).format).toEqual(REGEDIT5_FORMAT);
    expect(fs.readdirSync(dir)).toEqual(['registry.reg']);
  });

  it.each([
    [
      'REGEDIT4 in ANSI',
      Buffer.from(REG('REGEDIT4', '\r\n'), 'latin1'),
      { header: 'REGEDIT4', encoding: 'ansi', bom: false, eol: '\r\n' },
    ],
    [
      'UTF-8 with LF',
      Buffer.from(REG(V5, '\n'), 'utf8'),
      { header: V5, encoding: 'utf8', bom: false, eol: '\n' },
    ],
  ])('keeps %s', async (_what, input, format) => {
    const dir = machineDir(input);
    const m = SimulatedMachine.load({ machine: dir });
    await m.registry.setValue(SECTION, '00036627', NTLM);
    const after = fs.readFileSync(join(dir, 'registry.reg'));
    expect(parseRegFile(new Uint8Array(after)).format).toEqual(format);
    await m.registry.setValue(SECTION, '00036627', {
      type: 'REG_BINARY',
      data: new Uint8Array([1, 0, 0, 0]),
    });
    expect(fs.readFileSync(join(dir, 'registry.reg')).equals(input)).toBe(true);
  });

  it('writing a sample machine and restoring the value gives back the original bytes', async () => {
    const sample = copySample('xp-outlook2003-basic');
    const m = SimulatedMachine.load({ machine: sample.dir });
    const before = m.tree.getValue(SECTION, '00036627');
    expect(before).toBeDefined();
    await m.registry.setValue(SECTION, '00036627', NTLM);
    expect(fs.readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(false);
    await m.registry.setValue(SECTION, '00036627', before!);
    expect(fs.readFileSync(sample.registryFile).equals(sample.originalBytes)).toBe(true);
  });

  it('a write that fails part-way leaves the old file in place, byte for byte', async () => {
    const dir = machineDir(utf16(REG()));
    const file = join(dir, 'registry.reg');
    const m = SimulatedMachine.load({ hive: file });
    failure.tornWrite = true;
    await expect(m.registry.setValue(SECTION, '00036627', NTLM)).rejects.toThrow(/EIO/);
    expect(fs.readFileSync(file).equals(utf16(REG()))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['registry.reg']);
  });

  it('faults.failAtWrite fails exactly that write, before it touches the tree or the file', async () => {
    const dir = machineDir(utf16(REG()));
    const file = join(dir, 'registry.reg');
    const m = SimulatedMachine.load({ hive: file });
    m.faults.failAtWrite = 2;
    await m.registry.setValue(SECTION, '00036627', NTLM);
    const afterFirst = fs.readFileSync(file);
    const second = m.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    await expect(second).rejects.toMatchObject({
      kind: 'apply-failed',
      message: 'simulated failure at write 2',
    });
    expect(m.tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toBeUndefined();
    expect(fs.readFileSync(file).equals(afterFirst)).toBe(true);
    await m.elevated.deleteValue(LSA_KEY, 'LmCompatibilityLevel');
    expect(fs.readFileSync(file).equals(afterFirst)).toBe(true);
  });

  it('refuses writes outside the allowlist and HKLM writes from the user process, without touching the file', async () => {
    const dir = machineDir(utf16(REG()));
    const file = join(dir, 'registry.reg');
    const m = SimulatedMachine.load({ hive: file });
    await expect(m.registry.setValue(SECTION, '00036623', NTLM)).rejects.toBeInstanceOf(ExproxyError);
    await expect(
      m.registry.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
    ).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    await expect(m.elevated.setValue(SECTION, '00036627', NTLM)).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    expect(fs.readFileSync(file).equals(utf16(REG()))).toBe(true);
  });

  it('a declined UAC prompt (uacApproved: false) changes nothing', async () => {
    const dir = machineDir(utf16(REG()), { uacApproved: false });
    const m = SimulatedMachine.load({ machine: dir });
    await expect(
      m.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 }),
    ).rejects.toMatchObject({
      kind: 'elevation-declined',
    });
    expect(fs.readFileSync(join(dir, 'registry.reg')).equals(utf16(REG()))).toBe(true);
  });
});

describe('SimulatedMachine reads', () => {
  it('reads subtrees (case-insensitively), a single level, and skips missing keys', async () => {
    const m = SimulatedMachine.load({ machine: machineDir(utf16(REG())) });
    const tree = await m.registry.readSubtrees([
      { path: 'HKCU\\software\\microsoft', recursive: false },
      { path: LSA_KEY.toLowerCase() },
      { path: 'HKEY_CURRENT_USER\\Nowhere' },
    ]);
    expect(tree.getKey('HKEY_CURRENT_USER\\Software\\Microsoft')!.subkeyNames()).toEqual(['Windows NT']);
    expect(tree.hasKey(`${SECTION}`)).toBe(false);
    expect(tree.getValue(LSA_KEY, 'NoLmHash')).toEqual({ type: 'REG_DWORD', data: 1 });
    expect(tree.hasKey('HKEY_CURRENT_USER\\Nowhere')).toBe(false);
  });
});

describe('two processes on one simulated machine', () => {
  it('reads the file again when another process changed it, so neither write undoes the other', async () => {
    const { registryFile } = copySample('xp-outlook2003-basic');
    const wizard = SimulatedMachine.load({ hive: registryFile });
    const cli = SimulatedMachine.load({ hive: registryFile });
    await cli.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 3 });
    const seen = await wizard.registry.readSubtrees([{ path: LSA_KEY, recursive: false }]);
    expect(seen.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 3 });
    await wizard.elevated.setValue(LSA_KEY, 'LmCompatibilityLevel', { type: 'REG_DWORD', data: 5 });
    await cli.registry.setValue(
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
      '!ExchangeProxyWizardResume',
      { type: 'REG_SZ', data: 'x' },
    );
    const final = SimulatedMachine.load({ hive: registryFile }).tree;
    expect(final.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual({ type: 'REG_DWORD', data: 5 });
    expect(
      final.getValue(
        'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce',
        '!ExchangeProxyWizardResume',
      ),
    ).toEqual({ type: 'REG_SZ', data: 'x' });
  });
});
