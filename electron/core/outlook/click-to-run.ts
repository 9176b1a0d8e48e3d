import type { RegTree } from '../registry/reg-tree';

/** What `ClickToRun\Configuration` says (values as deployment scripts read them, see install-probes.ts). */
export interface ClickToRunConfiguration {
  /** From `Platform`: "x64" → 64, "x86" → 32. */
  readonly platform: '32' | '64' | null;
  /** `VersionToReport`, e.g. "16.0.17928.20114". */
  readonly versionToReport: string | null;
  /** `ProductReleaseIds`, comma separated, e.g. "O365ProPlusRetail,VisioProRetail". */
  readonly productReleaseIds: readonly string[];
  /** `InstallationPath`, e.g. "C:\Program Files\Microsoft Office". */
  readonly installationPath: string | null;
}

function text(tree: RegTree, key: string, name: string): string | null {
  const v = tree.getValue(key, name);
  return v && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && v.data.trim() !== ''
    ? v.data.trim()
    : null;
}

/** Null when the key is not in the tree (no Click-to-Run Office, or not read). */
export function readClickToRunConfiguration(
  tree: RegTree,
  key: string | null,
): ClickToRunConfiguration | null {
  if (key === null || !tree.hasKey(key)) return null;
  const platform = text(tree, key, 'Platform')?.toLowerCase();
  return {
    platform: platform === 'x64' ? '64' : platform === 'x86' ? '32' : null,
    versionToReport: text(tree, key, 'VersionToReport'),
    productReleaseIds: (text(tree, key, 'ProductReleaseIds') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    installationPath: text(tree, key, 'InstallationPath'),
  };
}
