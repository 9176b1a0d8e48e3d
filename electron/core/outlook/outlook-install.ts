import type { RegTree } from '../registry/reg-tree';
import { snapshotPathFor } from '../registry/registry-port';
import { readClickToRunConfiguration, type ClickToRunConfiguration } from './click-to-run';
import {
  C2R15_CONFIGURATION_KEY,
  C2R15_VIRTUAL_KEY,
  C2R_CONFIGURATION_KEY,
  c2rBubbleOutlookKey,
  msiOutlookKey,
  readInstallHints,
} from './install-probes';
import { OUTLOOK_VERSIONS, type OutlookVersionInfo } from './profile-locations';
import type { InstalledOutlook, InstallType } from './profile-model';

type Bitness = InstalledOutlook['bitness'];

/** One place an Outlook key may sit, and what that place says about the install. */
interface Location {
  readonly path: string;
  readonly type: InstallType;
  /** The 32-bit view (WOW6432Node), inside the bubble or not. */
  readonly wow64: boolean;
}

function text(tree: RegTree, path: string, name: string): string | null {
  const v = tree.getValue(path, name);
  return v && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') ? v.data : null;
}

/** `Bitness` (x86/x64) as Office 2010 and later write it next to InstallRoot (reference §1.2). */
function bitnessValue(tree: RegTree, outlookKey: string): Bitness | null {
  const b = text(tree, outlookKey, 'Bitness')?.trim().toLowerCase();
  return b === 'x64' ? '64' : b === 'x86' ? '32' : null;
}

function locations(version: string): Location[] {
  const native = snapshotPathFor(msiOutlookKey(version), '64');
  const wow = snapshotPathFor(msiOutlookKey(version), '32');
  const out: Location[] = [];
  if (version === '16.0') {
    out.push({ path: c2rBubbleOutlookKey(version, false), type: 'click-to-run', wow64: false });
    out.push({ path: c2rBubbleOutlookKey(version, true), type: 'click-to-run', wow64: true });
  }
  out.push({ path: native, type: 'msi', wow64: false }, { path: wow, type: 'msi', wow64: true });
  return out;
}

/**
 * Click-to-Run also writes InstallRoot outside its bubble, pointing into its own `root` folder
 * (`...\Microsoft Office\root\Office16\`), so that path, not the key, tells it from MSI.
 */
function isClickToRunPath(path: string, config: ClickToRunConfiguration | null): boolean {
  if (/\\root\\office1[56]\\?$/i.test(path)) return true;
  const base = config?.installationPath?.replace(/\\+$/, '').toLowerCase();
  return !!base && path.toLowerCase().startsWith(`${base}\\root\\`);
}

/**
 * Without a `Bitness` value: the 32-bit view is 32-bit Office; the native view is 64-bit only
 * on 64-bit Windows, which a WOW6432Node branch (or Click-to-Run's x64 platform) shows.
 */
function viewBitness(tree: RegTree, loc: Location, config: ClickToRunConfiguration | null): Bitness {
  if (loc.wow64) return '32';
  if (config?.platform) return config.platform;
  return tree.hasKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node') ? '64' : '32';
}

function found(
  info: OutlookVersionInfo,
  installPath: string,
  bitness: Bitness,
  type: InstallType,
  config: ClickToRunConfiguration | null,
): InstalledOutlook {
  const c2r = type === 'click-to-run' ? config : null;
  return {
    version: info.version,
    displayName: info.displayName,
    installPath,
    bitness,
    installType: type,
    build: c2r?.versionToReport ?? null,
    products: c2r?.productReleaseIds ?? [],
  };
}

function fromLocations(tree: RegTree, info: OutlookVersionInfo): InstalledOutlook | null {
  const v = info.version;
  const config = readClickToRunConfiguration(
    tree,
    v === '15.0' ? C2R15_CONFIGURATION_KEY : v === '16.0' ? C2R_CONFIGURATION_KEY : null,
  );
  // Outlook 2013 by Click-to-Run was 32-bit only (install-probes.ts, C2R15_VIRTUAL_KEY).
  const virtual15 =
    v === '15.0' &&
    [snapshotPathFor(C2R15_VIRTUAL_KEY, '32'), snapshotPathFor(C2R15_VIRTUAL_KEY, '64')].some(
      (p) => text(tree, p, 'VirtualOutlook') !== null,
    );
  for (const loc of locations(v)) {
    const path = text(tree, `${loc.path}\\InstallRoot`, 'Path');
    const bitness = bitnessValue(tree, loc.path);
    if (path === null && (bitness === null || loc.type === 'msi')) continue;
    const type: InstallType =
      loc.type === 'click-to-run' || virtual15 || (path !== null && isClickToRunPath(path, config))
        ? 'click-to-run'
        : 'msi';
    // Outlook 2003 and 2007 were 32-bit only; 64-bit Outlook came with 2010.
    const bits = info.sectionModel === 'global' ? '32' : (bitness ?? viewBitness(tree, loc, config));
    return found(info, path ?? '', bits, type, config);
  }
  if (virtual15)
    return found(info, config?.installationPath ?? '', config?.platform ?? '32', 'click-to-run', config);
  return null;
}

/**
 * The Outlook installs the registry shows, oldest version first. Only one Outlook version can be
 * installed at a time; more than one found means an old install left keys behind, and
 * `currentOutlook` decides which one is live.
 */
export function findInstalledOutlook(tree: RegTree): InstalledOutlook[] {
  const out: InstalledOutlook[] = [];
  const hints = readInstallHints(tree);
  for (const info of OUTLOOK_VERSIONS) {
    const hit = fromLocations(tree, info);
    if (hit) out.push(hit);
    else if (info.version === '16.0' && hints.clickToRun && hints.version === '16.0') {
      // Click-to-Run with Outlook's COM server registered, but no Outlook key in the bubble:
      // the product is there even though its keys were not (all) read.
      const config = readClickToRunConfiguration(tree, C2R_CONFIGURATION_KEY);
      out.push(found(info, config?.installationPath ?? '', config?.platform ?? '32', 'click-to-run', config));
    }
  }
  return out;
}

/** The installed Outlook that is in use: the one CurVer names, else the newest found. */
export function currentOutlook(
  tree: RegTree,
  installed: readonly InstalledOutlook[],
): InstalledOutlook | null {
  const named = readInstallHints(tree).version;
  return installed.find((i) => i.version === named) ?? installed[installed.length - 1] ?? null;
}
