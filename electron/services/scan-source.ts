import type { SimulatedMachine } from '../adapters/simulated/simulated-machine';
import type { ScanSource } from '../core/diagnosis/coverage';

/** What the user-hive reading of a simulated machine exposes, where it exists. */
interface UserHiveView {
  readonly userHive?: { readonly sid: string } | null;
}

/**
 * A simulated machine is a registry export: what its file lacks was maybe never exported. A
 * LAN Manager policy is known only when machine.json states `lmPolicy` (a file cannot show one),
 * and a `HKEY_USERS\<SID>` export is read as that user's HKEY_CURRENT_USER.
 */
export function simulatedScanSource(machine: SimulatedMachine): ScanSource {
  const hive = (machine as unknown as UserHiveView).userHive;
  return {
    export: true,
    policyKnown: machine.facts.lmPolicy !== undefined,
    userSid: hive?.sid ?? null,
  };
}
