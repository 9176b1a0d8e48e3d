import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegFile } from '../../electron/core/registry/reg-file';
import { SAMPLES_DIR, tempDir } from '../../electron/test-support/sample-machines';

const SCRIPT = join(__dirname, 'hkcu-part.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('scripts/windows-ci/hkcu-part.mjs (the CI runner seeds a profile, never its HKLM)', () => {
  for (const id of ['xp-outlook2003-basic', 'win10-outlook2016-two-accounts']) {
    it(`${id}: keeps exactly the HKEY_CURRENT_USER keys and values, as a valid UTF-16LE .reg`, () => {
      const input = join(SAMPLES_DIR, id, 'registry.reg');
      const out = join(tempDir(), 'hkcu.reg');
      const r = run(input, out);
      expect(r.status, r.stderr).toBe(0);
      const sample = parseRegFile(new Uint8Array(readFileSync(input)), input);
      const part = parseRegFile(new Uint8Array(readFileSync(out)), out);
      const hkcu = sample.keys.filter((k) => k.path.startsWith('HKEY_CURRENT_USER\\'));
      expect(hkcu.length).toBeGreaterThan(0);
      expect(sample.keys.length).toBeGreaterThan(hkcu.length);
      expect(part.keys.map((k) => [k.path, k.values.map((v) => [v.name, v.value])])).toEqual(
        hkcu.map((k) => [k.path, k.values.map((v) => [v.name, v.value])]),
      );
    });
  }

  it('refuses what it cannot read, and a file without HKCU keys', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ansi.reg'), 'Windows Registry Editor Version 5.00\r\n');
    expect(run(join(dir, 'ansi.reg'), join(dir, 'o.reg')).status).toBe(3);
    const onlyHklm =
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n"a"="b"\r\n\r\n';
    writeFileSync(
      join(dir, 'hklm.reg'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(onlyHklm, 'utf16le')]),
    );
    expect(run(join(dir, 'hklm.reg'), join(dir, 'o.reg')).status).toBe(3);
    expect(run().status).toBe(2);
  });
});
