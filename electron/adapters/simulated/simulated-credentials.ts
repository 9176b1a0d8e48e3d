/**
 * A simulated PC's saved credentials: machine.json's `savedCredentials` (target, type, user
 * name; there are no secrets to hold). Each call reads the file again, so a CLI run and an open
 * wizard see the same store; a removal rewrites machine.json atomically without that entry,
 * keeping every other key as it was.
 */
import type {
  CredentialRemoveResult,
  CredentialStorePort,
  SavedCredential,
} from '../../core/causes/credential-port';
import { credentialTargetProblem } from '../../core/causes/credential-target';
import { ExproxyError, UnreadableInputError } from '../../core/errors';
import { equalsIgnoreAsciiCase } from '../../core/registry/ascii-case';
import { writeFileAtomic } from '../node/atomic-file';
import { readFactsFile, type FactsFile } from './simulated-machine';

export class SimulatedCredentialStore implements CredentialStorePort {
  readonly name = 'simulated';

  constructor(private readonly factsFile: string) {}

  private read(): FactsFile & { readonly list: SavedCredential[] } {
    const file = readFactsFile(this.factsFile);
    const list = file?.facts.savedCredentials;
    if (!file || !list)
      throw new UnreadableInputError(
        `${this.factsFile}: savedCredentials is no longer there`,
        this.factsFile,
      );
    return { ...file, list };
  }

  async list(): Promise<SavedCredential[]> {
    return this.read().list.map((c) => ({ targetName: c.targetName, type: c.type, userName: c.userName }));
  }

  /** Like CredDeleteW: the target name compares without regard to case, the type exactly. */
  async remove(targetName: string, type: number): Promise<CredentialRemoveResult> {
    const problem = credentialTargetProblem(targetName, type);
    if (problem)
      throw new ExproxyError('not-allowed', `Refusing to remove "${targetName}": ${problem}.`, { type });
    const file = this.read();
    const kept = file.list.filter(
      (c) => !(c.type === type && equalsIgnoreAsciiCase(c.targetName, targetName)),
    );
    if (kept.length === file.list.length) return 'not-found';
    const raw = { ...file.raw, savedCredentials: kept };
    writeFileAtomic(file.target, `${JSON.stringify(raw, null, 2)}\n`);
    return 'removed';
  }
}

/** The store of a simulated PC, or null when its machine.json does not state one. */
export function simulatedCredentialStore(
  factsFile: string | null,
  stated: readonly unknown[] | undefined,
): CredentialStorePort | null {
  return factsFile && stated ? new SimulatedCredentialStore(factsFile) : null;
}
