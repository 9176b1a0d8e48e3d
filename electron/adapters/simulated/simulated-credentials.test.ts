import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySample } from '../../test-support/sample-machines';
import { SimulatedCredentialStore, simulatedCredentialStore } from './simulated-credentials';
import { SimulatedMachine } from './simulated-machine';
import { simulatedContext } from './simulated-context';

const SSPI = 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com';

describe("a simulated PC's saved credentials (machine.json savedCredentials)", () => {
  it('lists names, types and user names; a removal rewrites machine.json without that entry, keeping the rest', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const file = join(dir, 'machine.json');
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const store = new SimulatedCredentialStore(file);
    expect((await store.list()).map((c) => [c.targetName, c.type])).toEqual([
      [SSPI, 1],
      ['outlook.contoso.com', 2],
      ['MicrosoftOffice16_Data:ADAL:7c3a1f52-94e1-4c2b-8d05-3b6f0e9a2d71', 1],
      ['git:https://github.com', 1],
    ]);
    // Case does not matter for the target (as CredDeleteW), the type does.
    expect(await store.remove('outlook.contoso.com', 1)).toBe('not-found');
    expect(await store.remove('OUTLOOK.contoso.com', 2)).toBe('removed');
    expect(await store.remove('outlook.contoso.com', 2)).toBe('not-found');
    const after = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect({ ...after, savedCredentials: null }).toEqual({ ...before, savedCredentials: null });
    expect((after.savedCredentials as unknown[]).length).toBe(3);
    // Another process sees the change (each call reads the file).
    expect((await new SimulatedCredentialStore(file).list()).length).toBe(3);
  });

  it('refuses a target the core would never hand to CredDeleteW, before reading anything', async () => {
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const store = new SimulatedCredentialStore(join(dir, 'machine.json'));
    for (const bad of ['*', '--all', 'a"b', ''])
      await expect(store.remove(bad, 1)).rejects.toMatchObject({ kind: 'not-allowed' });
  });

  it('is null where machine.json states none (not known), and says so when the file went bad', async () => {
    const plain = SimulatedMachine.load({ machine: copySample('xp-outlook2003-basic').dir });
    expect(simulatedContext(plain, { prepare: async () => undefined } as never).credentials).toBeNull();
    expect(
      SimulatedMachine.load({ hive: copySample('xp-outlook2003-basic').registryFile }).factsFile,
    ).toBeNull();
    const { dir } = copySample('win10-outlook2016-saved-credentials');
    const m = SimulatedMachine.load({ machine: dir });
    const store = simulatedCredentialStore(m.factsFile, m.facts.savedCredentials)!;
    expect(store).not.toBeNull();
    writeFileSync(join(dir, 'machine.json'), '{"savedCredentials": [{"targetName": 7}]}');
    await expect(store.list()).rejects.toMatchObject({ kind: 'unreadable-input' });
  });
});
