import { ExproxyError } from '../../core/errors';
import type { RegTree } from '../../core/registry/reg-tree';
import type { RegValue } from '../../core/registry/reg-value';
import type { RegistryPort, RegView, SubtreeRequest } from '../../core/registry/registry-port';

/** An adapter that can tell cheaply whether it works here; throws `blocked` when it cannot. */
export interface ProbedRegistry extends RegistryPort {
  probe(): Promise<void>;
}

export interface WindowsRegistry extends RegistryPort {
  /** Name of the adapter in use ("reg.exe" until probed, then the one chosen). */
  readonly name: string;
  /** Why reg.exe was not used, once the fallback has been chosen. */
  readonly fallbackReason: string | undefined;
  /** Probes (once) and returns the adapter chosen. */
  resolve(): Promise<RegistryPort>;
}

function canFallBack(error: unknown): boolean {
  if (error instanceof ExproxyError) return error.kind === 'blocked';
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ETIMEDOUT';
}

function reasonOf(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/**
 * The Windows registry: reg.exe when it works, else the regedit package (Windows Script
 * Host), for machines where "Prevent access to registry editing tools" blocks reg.exe.
 * The choice is made by one cheap probe on first use and then kept.
 */
export function createWindowsRegistry(adapters: {
  regExe: ProbedRegistry;
  regedit: ProbedRegistry;
}): WindowsRegistry {
  const { regExe, regedit } = adapters;
  let chosen: RegistryPort | undefined;
  let fallbackReason: string | undefined;
  let pending: Promise<RegistryPort> | undefined;

  async function choose(): Promise<RegistryPort> {
    try {
      await regExe.probe();
      return regExe;
    } catch (e) {
      if (!canFallBack(e)) throw e;
      const reason = reasonOf(e);
      try {
        await regedit.probe();
      } catch (e2) {
        throw new ExproxyError(
          'blocked',
          `The registry cannot be read: reg.exe failed (${reason}) and so did Windows Script Host (${reasonOf(e2)}).`,
          { regExe: reason, regedit: reasonOf(e2) },
        );
      }
      fallbackReason = reason;
      return regedit;
    }
  }

  function resolve(): Promise<RegistryPort> {
    if (chosen) return Promise.resolve(chosen);
    pending ??= choose().then(
      (port) => (chosen = port),
      (e: unknown) => {
        pending = undefined; // try again next time (the policy may have changed)
        throw e;
      },
    );
    return pending;
  }

  return {
    get name() {
      return (chosen ?? regExe).name;
    },
    get fallbackReason() {
      return fallbackReason;
    },
    resolve,
    readSubtrees: async (requests: readonly SubtreeRequest[]): Promise<RegTree> =>
      (await resolve()).readSubtrees(requests),
    setValue: async (path: string, name: string, value: RegValue, view?: RegView) =>
      (await resolve()).setValue(path, name, value, view),
    deleteValue: async (path: string, name: string, view?: RegView) =>
      (await resolve()).deleteValue(path, name, view),
  };
}
