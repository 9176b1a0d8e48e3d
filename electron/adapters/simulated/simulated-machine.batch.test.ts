import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LSA_KEY, MSV1_0_KEY, RESUME_VALUE_NAME, RUN_ONCE_KEY } from '../../core/registry/allowlist';
import type { RegWrite } from '../../core/registry/registry-port';
import { copySample } from '../../test-support/sample-machines';
import { SimulatedMachine } from './simulated-machine';

// Counts the atomic replaces (renames) of the registry file, and can tear a write part-way.
const disk = vi.hoisted(() => ({ renames: 0, tornWrite: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
      disk.renames++;
      real.renameSync(from, to);
    }) as typeof real.renameSync,
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (!disk.tornWrite) return real.writeSync(fd, buffer, offset, length);
      real.writeSync(fd, buffer, offset, Math.min(length, 10));
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    }) as typeof real.writeSync,
  };
});
afterEach(() => {
  disk.renames = 0;
  disk.tornWrite = false;
});

const WMS =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
const SECTION = `${WMS}\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a`;
const NTLM = { type: 'REG_BINARY', data: new Uint8Array([2, 0, 0, 0]) } as const;
const text16 = (b: Buffer): string => b.subarray(2).toString('utf16le');

/** A sample with `n` Outlook profiles on Basic: each a copy of the sample's one, under its own name. */
function withProfiles(n: number) {
  const sample = copySample('xp-outlook2003-basic');
  const text = text16(sample.originalBytes);
  const block = /\[[^\]\r\n]*\\Profiles\\Outlook\\13dbb0c8aa05101a9bb000aa002fc45a\][\s\S]*?\r\n\r\n/.exec(
    text,
  )![0];
  const extra = Array.from({ length: n - 1 }, (_, i) =>
    block.replace('\\Profiles\\Outlook\\', `\\Profiles\\P${i}\\`),
  );
  fs.writeFileSync(sample.registryFile, Buffer.from(`\ufeff${text}${extra.join('')}`, 'utf16le'));
  const before = fs.readFileSync(sample.registryFile);
  const sections = [SECTION, ...extra.map((_, i) => SECTION.replace('\\Outlook\\', `\\P${i}\\`))];
  return { ...sample, before, sections };
}

const toNtlm = (sections: string[]): RegWrite[] =>
  sections.map((path) => ({ path, name: '00036627', value: NTLM }));

describe('writeMany', () => {
  it('writes 200 profiles with one patch and one atomic replace of the file; only their lines change', async () => {
    const s = withProfiles(200);
    const m = SimulatedMachine.load({ machine: s.dir });
    await m.registry.writeMany!(toNtlm(s.sections));
    expect(disk.renames).toBe(1);
    const after = fs.readFileSync(s.registryFile);
    expect(text16(after)).toBe(
      text16(s.before).replaceAll('"00036627"=hex:01,00,00,00', '"00036627"=hex:02,00,00,00'),
    );
    for (const section of s.sections) expect(m.tree.getValue(section, '00036627')).toEqual(NTLM);
  });

  it('checks every write against the allowlist first: one refused write, nothing written', async () => {
    const s = withProfiles(3);
    const m = SimulatedMachine.load({ machine: s.dir });
    const writes = [...toNtlm(s.sections), { path: s.sections[0]!, name: '00036623', value: NTLM }];
    await expect(m.registry.writeMany!(writes)).rejects.toMatchObject({ kind: 'not-allowed' });
    // An HKLM value from the user's own process is refused the same way.
    await expect(
      m.registry.writeMany!([
        ...toNtlm(s.sections),
        { path: LSA_KEY, name: 'LmCompatibilityLevel', value: { type: 'REG_DWORD', data: 3 } },
      ]),
    ).rejects.toMatchObject({ kind: 'not-allowed' });
    expect(disk.renames).toBe(0);
    expect(fs.readFileSync(s.registryFile).equals(s.before)).toBe(true);
    expect(m.tree.getValue(s.sections[1]!, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([1, 0, 0, 0]),
    });
  });

  it('faults.failAtWrite counts each value of a batch; a batch that reaches it writes nothing', async () => {
    const s = withProfiles(4);
    const m = SimulatedMachine.load({ machine: s.dir });
    m.faults.failAtWrite = 6;
    await m.registry.writeMany!(toNtlm(s.sections.slice(0, 2))); // writes 1-2
    const afterFirst = fs.readFileSync(s.registryFile);
    await expect(
      m.registry.writeMany!(toNtlm(s.sections.slice(2)).concat(toNtlm(s.sections.slice(0, 2)))),
    ).rejects.toMatchObject({
      kind: 'apply-failed',
      message: 'simulated failure at write 6',
    });
    expect(fs.readFileSync(s.registryFile).equals(afterFirst)).toBe(true);
    expect(m.tree.getValue(s.sections[2]!, '00036627')).toEqual({
      type: 'REG_BINARY',
      data: new Uint8Array([1, 0, 0, 0]),
    });
    await m.registry.setValue(s.sections[2]!, '00036627', NTLM); // write 7
    expect(m.tree.getValue(s.sections[2]!, '00036627')).toEqual(NTLM);
  });

  it('a file write that fails part-way leaves the file and the tree as they were', async () => {
    const s = withProfiles(3);
    const m = SimulatedMachine.load({ machine: s.dir });
    disk.tornWrite = true;
    await expect(m.registry.writeMany!(toNtlm(s.sections))).rejects.toThrow(/EIO/);
    disk.tornWrite = false;
    expect(fs.readFileSync(s.registryFile).equals(s.before)).toBe(true);
    expect(fs.readdirSync(s.dir).sort()).toEqual(['machine.json', 'registry.reg']);
    for (const section of s.sections)
      expect(m.tree.getValue(section, '00036627')).toEqual({
        type: 'REG_BINARY',
        data: new Uint8Array([1, 0, 0, 0]),
      });
    // The next write starts from the file as it is.
    await m.registry.writeMany!(toNtlm(s.sections.slice(0, 1)));
    expect(text16(fs.readFileSync(s.registryFile)).match(/"00036627"=hex:02,00,00,00/g)).toHaveLength(1);
  });

  it('elevated: one prompt for the batch; declined or a per-user value in it, nothing written', async () => {
    const s = copySample('xp-outlook2003-basic');
    const m = SimulatedMachine.load({ machine: s.dir });
    const lm = {
      path: LSA_KEY,
      name: 'LmCompatibilityLevel',
      value: { type: 'REG_DWORD', data: 3 },
    } as const;
    const hosts = {
      path: MSV1_0_KEY,
      name: 'BackConnectionHostNames',
      value: { type: 'REG_MULTI_SZ', data: ['mail.contoso.com'] },
    } as const;
    await expect(
      m.elevated.writeMany!([lm, { path: SECTION, name: '00036627', value: NTLM }]),
    ).rejects.toMatchObject({
      kind: 'not-allowed',
    });
    m.facts.uacApproved = false;
    await expect(m.elevated.writeMany!([lm, hosts])).rejects.toMatchObject({ kind: 'elevation-declined' });
    expect(fs.readFileSync(s.registryFile).equals(s.originalBytes)).toBe(true);
    m.facts.uacApproved = true;
    await m.elevated.writeMany!([lm, hosts]);
    expect(disk.renames).toBe(1);
    expect(m.tree.getValue(LSA_KEY, 'LmCompatibilityLevel')).toEqual(lm.value);
    expect(m.tree.getValue(MSV1_0_KEY, 'BackConnectionHostNames')).toEqual(hosts.value);
    // Undone as one batch: the original bytes.
    await m.elevated.writeMany!([
      { ...lm, value: null },
      { ...hosts, value: null },
    ]);
    expect(fs.readFileSync(s.registryFile).equals(s.originalBytes)).toBe(true);
  });

  it('an empty batch writes nothing; later writes of one value win', async () => {
    const s = copySample('xp-outlook2003-basic');
    const m = SimulatedMachine.load({ machine: s.dir });
    await m.registry.writeMany!([]);
    expect(disk.renames).toBe(0);
    await m.registry.writeMany!([
      { path: RUN_ONCE_KEY, name: RESUME_VALUE_NAME, value: { type: 'REG_SZ', data: 'a' } },
      { path: RUN_ONCE_KEY, name: RESUME_VALUE_NAME, value: { type: 'REG_SZ', data: 'b' } },
    ]);
    expect(m.tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME)).toEqual({ type: 'REG_SZ', data: 'b' });
    expect(SimulatedMachine.load({ machine: s.dir }).tree.getValue(RUN_ONCE_KEY, RESUME_VALUE_NAME)).toEqual({
      type: 'REG_SZ',
      data: 'b',
    });
    await m.registry.writeMany!([{ path: RUN_ONCE_KEY, name: RESUME_VALUE_NAME, value: null }]);
    expect(fs.readFileSync(s.registryFile).equals(s.originalBytes)).toBe(true);
  });
});
