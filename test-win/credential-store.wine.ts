/**
 * The credential-store adapter against a real credential API: Wine's advapi32 (CredWriteW,
 * CredEnumerateW, CredDeleteW), from a Windows node.exe, through koffi; and the domain-join
 * question (netapi32 NetGetJoinInformation) the same way.
 *
 * koffi is a native module: the suite loads it at run time from the folder EXPROXY_KOFFI_DIR
 * names (scripts/test-wine.sh unpacks `koffi` and `@koromix/koffi-win32-x64` there with
 * `npm pack`), or, on a real Windows, from the checkout's node_modules, where `npm ci` put both.
 * Without either it is skipped and says why, except in CI (EXPROXY_KOFFI_REQUIRED), where that
 * is a failure.
 *
 * The test writes its own entries (a test-only CredWriteW binding, with throwaway secrets), reads
 * them back through the adapter and the core's matching, removes the stale ones and checks they
 * are gone; anything it wrote is removed at the end.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { WindowsCredentialStore, type KoffiLike } from '../electron/adapters/windows/credential-store';
import { isDomainJoined } from '../electron/adapters/windows/domain-join';
import { mergeCausePlans } from '../electron/core/causes/cause-plan';
import { CRED_TYPE } from '../electron/core/causes/credential-port';
import { matchSavedCredentials, planCredentialRemoval } from '../electron/core/causes/saved-credentials';

/** Where node_modules/koffi and its Windows x64 module are, or why the suite cannot run. */
function koffiHome(): { dir: string } | { skip: string } {
  const candidates = [process.env.EXPROXY_KOFFI_DIR, process.cwd()].filter((d): d is string => Boolean(d));
  const dir = candidates.find((d) =>
    existsSync(join(d, 'node_modules', '@koromix', 'koffi-win32-x64', 'win32_x64', 'koffi.node')),
  );
  if (dir) return { dir };
  return { skip: `no node_modules/koffi with @koromix/koffi-win32-x64 in ${candidates.join(' or ')}` };
}

const home = koffiHome();
const skip = 'skip' in home ? home.skip : false;
const KOFFI_DIR = 'dir' in home ? home.dir : '';

test('koffi is there when CI requires it', () => {
  if (process.env.EXPROXY_KOFFI_REQUIRED) assert.equal(skip, false, String(skip));
});

function loadKoffi(): KoffiLike {
  // A run-time path, so the bundler leaves it alone.
  return createRequire(join(KOFFI_DIR, 'package.json'))('koffi') as KoffiLike;
}

/** Wine's ntdll exports wine_get_version; Windows' does not. */
function underWine(koffi: KoffiLike): boolean {
  try {
    koffi.load('ntdll.dll').func('const char * wine_get_version()');
    return true;
  } catch {
    return false;
  }
}

/** Test-only: puts an entry into the store the way a program would (the product never writes). */
function writer(koffi: KoffiLike): (target: string, type: number, user: string) => void {
  const lib = koffi.load('advapi32.dll');
  const filetime = koffi.struct('WINE_FILETIME', { lo: 'uint32', hi: 'uint32' });
  koffi.struct('WINE_CREDENTIALW', {
    Flags: 'uint32',
    Type: 'uint32',
    TargetName: 'str16',
    Comment: 'str16',
    LastWritten: filetime,
    CredentialBlobSize: 'uint32',
    CredentialBlob: 'void *',
    Persist: 'uint32',
    AttributeCount: 'uint32',
    Attributes: 'void *',
    TargetAlias: 'str16',
    UserName: 'str16',
  });
  const CredWriteW = lib.func('bool __stdcall CredWriteW(const WINE_CREDENTIALW *Credential, uint32 Flags)');
  return (target, type, user) => {
    const secret = Buffer.from('throwaway-test-secret', 'utf16le');
    const ok = CredWriteW(
      {
        Flags: 0,
        Type: type,
        TargetName: target,
        Comment: null,
        LastWritten: { lo: 0, hi: 0 },
        CredentialBlobSize: secret.length,
        CredentialBlob: secret,
        Persist: 2,
        AttributeCount: 0,
        Attributes: null,
        TargetAlias: null,
        UserName: user,
      },
      0,
    );
    assert.equal(ok, true, `CredWriteW ${target}`);
  };
}

const ENTRIES = [
  {
    targetName: 'MicrosoftOffice16_Data:SSPI:wine-test@contoso.com',
    type: CRED_TYPE.GENERIC,
    userName: 'CONTOSO\\wine',
  },
  { targetName: 'wine-test-mail.contoso.com', type: CRED_TYPE.DOMAIN_PASSWORD, userName: 'CONTOSO\\wine' },
  {
    targetName: 'MicrosoftOffice16_Data:ADAL:wine-test',
    type: CRED_TYPE.GENERIC,
    userName: 'wine@contoso.com',
  },
  { targetName: 'wine-test-unrelated-Ünïcode-目标', type: CRED_TYPE.GENERIC, userName: 'ユーザー' },
];

describe('Windows credential store under Wine', { skip }, () => {
  const koffi = skip ? null : loadKoffi();
  const store = koffi ? new WindowsCredentialStore(koffi) : null;

  after(async () => {
    if (!store) return;
    for (const e of ENTRIES) await store.remove(e.targetName, e.type);
  });

  test('lists what was written: names, types and user names (Unicode included), nothing else', async () => {
    const write = writer(koffi!);
    for (const e of ENTRIES) write(e.targetName, e.type, e.userName);
    const listed = (await store!.list()).filter((c) => c.targetName.includes('wine-test'));
    assert.deepEqual(
      [...listed].sort((a, b) => a.targetName.localeCompare(b.targetName)),
      [...ENTRIES].sort((a, b) => a.targetName.localeCompare(b.targetName)),
    );
    for (const c of listed) assert.deepEqual(Object.keys(c).sort(), ['targetName', 'type', 'userName']);
  });

  test('the core picks the stale Outlook entries; removing them leaves the rest', async () => {
    const matches = matchSavedCredentials(await store!.list(), {
      proxyHosts: ['wine-test-mail.contoso.com'],
      mailboxDomains: [],
    });
    const stale = matches
      .filter((m) => m.staleCandidate)
      .map((m) => m.credential.targetName)
      .sort();
    assert.deepEqual(stale, [
      'MicrosoftOffice16_Data:SSPI:wine-test@contoso.com',
      'wine-test-mail.contoso.com',
    ]);
    const plan = mergeCausePlans([
      planCredentialRemoval(
        matches,
        matches
          .filter((m) => m.staleCandidate)
          .map((m) => ({ targetName: m.credential.targetName, type: m.credential.type })),
      ),
    ]);
    assert.equal(plan.undoable, false);
    for (const r of plan.removals) assert.equal(await store!.remove(r.targetName, r.type), 'removed');
    const left = (await store!.list())
      .filter((c) => c.targetName.includes('wine-test'))
      .map((c) => c.targetName)
      .sort();
    assert.deepEqual(left, ['MicrosoftOffice16_Data:ADAL:wine-test', 'wine-test-unrelated-Ünïcode-目标']);
  });

  test('removing again reports "not-found"; a wrong type does not remove the entry', async () => {
    assert.equal(await store!.remove('wine-test-mail.contoso.com', CRED_TYPE.DOMAIN_PASSWORD), 'not-found');
    assert.equal(
      await store!.remove('MicrosoftOffice16_Data:ADAL:wine-test', CRED_TYPE.DOMAIN_PASSWORD),
      'not-found',
    );
    assert.ok((await store!.list()).some((c) => c.targetName === 'MicrosoftOffice16_Data:ADAL:wine-test'));
  });

  test('the domain-join question is answered by Windows itself (a Wine prefix is a workgroup PC)', async () => {
    const joined = await isDomainJoined(async () => koffi!);
    // scripts/test-wine.sh says it runs us under Wine; then ntdll must say so too.
    if (process.env.EXPROXY_UNDER_WINE) assert.equal(underWine(koffi!), true);
    if (underWine(koffi!)) assert.equal(joined, false);
    else assert.ok(joined === true || joined === false, `NetGetJoinInformation answered ${String(joined)}`);
  });

  test('an empty store lists as empty (ERROR_NOT_FOUND is not an error)', async () => {
    for (const e of ENTRIES) await store!.remove(e.targetName, e.type);
    const left = (await store!.list()).filter((c) => c.targetName.includes('wine-test'));
    assert.deepEqual(left, []);
  });
});
