/**
 * The Windows credential store through the credential API (advapi32 CredEnumerateW/CredDeleteW),
 * called with the FFI library koffi. Not `cmdkey /list`: its labels are translated per Windows
 * language, the API's fields are not (core/causes/SOURCES.md §3).
 *
 * Only TargetName, Type and UserName are taken from each CREDENTIALW. CredentialBlob is declared as
 * a bare pointer so the structure's layout is right, and is never dereferenced.
 *
 * koffi is passed in (or a loader for it) rather than imported: the product loads it only on
 * Windows and only when the store is first used (koffi-loader.ts), and the Wine suite loads it
 * from a folder given at run time.
 */
import { ExproxyError } from '../../core/errors';
import type {
  CredentialRemoveResult,
  CredentialStorePort,
  SavedCredential,
} from '../../core/causes/credential-port';
import { credentialTargetProblem } from '../../core/causes/credential-target';

/** The part of koffi (3.x) this adapter uses. Pointers are BigInt values in koffi 3. */
export interface KoffiLike {
  load(path: string): KoffiLibrary;
  struct(name: string, fields: Record<string, unknown>): unknown;
  decode(ptr: unknown, type: unknown, length?: number): unknown;
}

export interface KoffiLibrary {
  func(signature: string): (...args: unknown[]) => unknown;
}

const ERROR_NOT_FOUND = 1168;

interface Bound {
  readonly enumerate: (filter: null, flags: number, count: number[], out: unknown[]) => unknown;
  readonly remove: (target: string, type: number, flags: number) => unknown;
  readonly free: (ptr: unknown) => unknown;
  readonly lastError: () => unknown;
  readonly credential: unknown;
}

interface DecodedCredential {
  readonly Type: number;
  readonly TargetName: string | null;
  readonly UserName: string | null;
}

function bind(koffi: KoffiLike): Bound {
  const advapi = koffi.load('advapi32.dll');
  const kernel = koffi.load('kernel32.dll');
  const filetime = koffi.struct('EXPROXY_FILETIME', { dwLowDateTime: 'uint32', dwHighDateTime: 'uint32' });
  const credential = koffi.struct('EXPROXY_CREDENTIALW', {
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
  return {
    enumerate: advapi.func(
      'bool __stdcall CredEnumerateW(str16 Filter, uint32 Flags, _Out_ uint32 *Count, _Out_ void **Credential)',
    ),
    remove: advapi.func('bool __stdcall CredDeleteW(str16 TargetName, uint32 Type, uint32 Flags)'),
    free: advapi.func('void __stdcall CredFree(void *Buffer)'),
    // koffi keeps the thread's last-error value across its own work, so this reads the
    // value the previous credential call left.
    lastError: kernel.func('uint32 __stdcall GetLastError()'),
    credential,
  };
}

// koffi type names are global to its instance: bind once per koffi, however many stores.
const BINDINGS = new WeakMap<KoffiLike, Bound>();

export class WindowsCredentialStore implements CredentialStorePort {
  readonly name = 'Windows credential API';
  private koffi: KoffiLike | null;

  /** `koffi`: the library, or a loader called at first use. */
  constructor(private readonly source: KoffiLike | (() => Promise<KoffiLike>)) {
    this.koffi = typeof source === 'function' ? null : source;
  }

  private async api(): Promise<{ api: Bound; koffi: KoffiLike }> {
    if (!this.koffi) this.koffi = await (this.source as () => Promise<KoffiLike>)();
    const koffi = this.koffi;
    let bound = BINDINGS.get(koffi);
    if (!bound) {
      bound = bind(koffi);
      BINDINGS.set(koffi, bound);
    }
    return { api: bound, koffi };
  }

  async list(): Promise<SavedCredential[]> {
    const { api, koffi } = await this.api();
    const count = [0];
    const out: unknown[] = [null];
    // Filter NULL and flags 0: raw target names (the CRED_ENUMERATE_ALL_CREDENTIALS flag would
    // return the "namespace:attribute=target" form instead).
    if (!api.enumerate(null, 0, count, out)) {
      const code = Number(api.lastError());
      if (code === ERROR_NOT_FOUND) return [];
      throw new ExproxyError('unexpected', `Windows could not list the saved credentials (error ${code}).`, {
        code,
      });
    }
    try {
      const n = count[0] ?? 0;
      const pointers = n === 0 ? [] : (koffi.decode(out[0], 'void *', n) as unknown[]);
      return pointers.map((p) => {
        const c = koffi.decode(p, api.credential) as DecodedCredential;
        return { targetName: c.TargetName ?? '', type: c.Type, userName: c.UserName ?? null };
      });
    } finally {
      api.free(out[0]);
    }
  }

  async remove(targetName: string, type: number): Promise<CredentialRemoveResult> {
    const problem = credentialTargetProblem(targetName, type);
    if (problem)
      throw new ExproxyError('not-allowed', `Refusing to remove "${targetName}": ${problem}.`, { type });
    const { api } = await this.api();
    if (api.remove(targetName, type, 0)) return 'removed';
    const code = Number(api.lastError());
    if (code === ERROR_NOT_FOUND) return 'not-found';
    throw new ExproxyError(
      'apply-failed',
      `Windows could not remove the saved credential "${targetName}" (error ${code}).`,
      {
        code,
        type,
      },
    );
  }
}
