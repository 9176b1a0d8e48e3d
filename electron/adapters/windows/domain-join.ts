/**
 * Whether this PC is joined to a domain: netapi32 NetGetJoinInformation (lmjoin.h:
 * NETSETUP_JOIN_STATUS NetSetupUnknownStatus 0, NetSetupUnjoined 1, NetSetupWorkgroupName 2,
 * NetSetupDomainName 3), through koffi like the credential store. Not a localized tool's output,
 * and not the user's domain variables (a domain account can sign in anywhere).
 */
import type { KoffiLike } from './credential-store';

const NERR_SUCCESS = 0;
const NETSETUP_DOMAIN_NAME = 3;
const NETSETUP_UNKNOWN = 0;

type JoinInfo = (server: null, name: unknown[], status: number[]) => unknown;

/** True, false, or null when Windows cannot tell (or the call fails): never a guess. */
export async function isDomainJoined(load: () => Promise<KoffiLike>): Promise<boolean | null> {
  try {
    const koffi = await load();
    const netapi = koffi.load('netapi32.dll');
    const getJoin = netapi.func(
      'uint32 __stdcall NetGetJoinInformation(str16 lpServer, _Out_ void **lpNameBuffer, _Out_ int32 *BufferType)',
    ) as JoinInfo;
    const free = netapi.func('uint32 __stdcall NetApiBufferFree(void *Buffer)');
    const name: unknown[] = [null];
    const status = [NETSETUP_UNKNOWN];
    const code = Number(getJoin(null, name, status));
    // The name buffer is the system's: freed whatever the answer (we only need the status).
    if (name[0] !== null && name[0] !== undefined) free(name[0]);
    if (code !== NERR_SUCCESS || status[0] === NETSETUP_UNKNOWN) return null;
    return status[0] === NETSETUP_DOMAIN_NAME;
  } catch {
    return null;
  }
}
