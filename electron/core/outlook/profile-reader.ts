import type { RegKey, RegTree } from '../registry/reg-tree';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import type { RegValue } from '../registry/reg-value';
import { decodeMapiValue, parsePropValueName, type MapiValue } from './mapi-property';
import { ACCOUNT_MANAGER_SECTION, EXCHANGE_GLOBAL_SECTION, uidToKeyName } from './mapi-uid';
import { OUTLOOK_VERSIONS, PROFILE_ROOTS, type ProfileRoot } from './profile-locations';
import type { ExchangeAccount, InstalledOutlook, OutlookProfile, UnreadableValue } from './profile-model';
import { rpcOverHttpSettings } from './rpc-over-http';

/** Value names inside an Exchange section (reference §3.1, §2.5). Only read there (§0.2). */
const V = {
  flags: '00036623',
  proxyServer: '001f6622',
  proxyServerA: '001e6622',
  principal: '001f6625',
  principalA: '001e6625',
  authScheme: '00036627',
  homeServer: '001e6602',
  mailbox: '001e6607',
  mailboxW: '001f6607',
  smtp: '001f6641',
  emsmdbUid: '01023d15',
} as const;

class SectionReader {
  readonly unreadable: UnreadableValue[] = [];
  constructor(private readonly key: RegKey) {}

  private decode(name: string): MapiValue | null {
    const reg = this.key.value(name);
    const prop = parsePropValueName(name);
    if (!reg || !prop) return null;
    const d = decodeMapiValue(prop, reg);
    if (!d.ok) {
      this.unreadable.push({ valueName: name, reason: d.reason });
      return null;
    }
    return d.value;
  }

  long(name: string): number | null {
    const v = this.decode(name);
    return v?.kind === 'long' ? v.value : null;
  }

  text(...names: string[]): string | null {
    for (const n of names) {
      const v = this.decode(n);
      if (v && (v.kind === 'unicode' || v.kind === 'string8')) return v.value;
    }
    return null;
  }

  binary(name: string): Uint8Array | null {
    const v = this.decode(name);
    return v?.kind === 'binary' ? v.value : null;
  }
}

function readAccount(sectionPath: string, key: RegKey, accountName: string | null): ExchangeAccount {
  const r = new SectionReader(key);
  const rpcOverHttp = rpcOverHttpSettings({
    flags: r.long(V.flags),
    proxyServer: r.text(V.proxyServer, V.proxyServerA),
    principalName: r.text(V.principal, V.principalA),
    authSchemeValue: r.long(V.authScheme),
  });
  return {
    section: key.name,
    sectionPath,
    accountName,
    homeServer: r.text(V.homeServer),
    mailbox: r.text(V.mailboxW, V.mailbox, V.smtp),
    rpcOverHttp,
    unreadable: r.unreadable,
  };
}

/** `Account Name` / `Service Name` in the account manager are REG_SZ or UTF-16 REG_BINARY. */
function accountText(v: RegValue | undefined): string | null {
  if (!v) return null;
  if (v.type === 'REG_SZ') return v.data;
  if (v.type === 'REG_BINARY' && v.data.length % 2 === 0) {
    let s = '';
    for (let i = 0; i + 1 < v.data.length; i += 2) {
      const c = v.data[i]! | (v.data[i + 1]! << 8);
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    return s;
  }
  return null;
}

/** 2010+: account manager → `Service UID` → service section → PR_EMSMDB_SECTION_UID → account section. */
function perAccountSections(
  profilePath: string,
  profile: RegKey,
): { path: string; key: RegKey; accountName: string | null }[] {
  const manager = profile.subkey(ACCOUNT_MANAGER_SECTION);
  if (!manager) return [];
  const out: { path: string; key: RegKey; accountName: string | null }[] = [];
  for (const acct of manager.subkeys.values()) {
    if (accountText(acct.value('Service Name'))?.toUpperCase() !== 'MSEMS') continue;
    const uid = acct.value('Service UID');
    const serviceKeyName = uid?.type === 'REG_BINARY' ? uidToKeyName(uid.data) : null;
    const service = serviceKeyName ? profile.subkey(serviceKeyName) : undefined;
    const emsmdb = service?.value(V.emsmdbUid);
    const sectionName = emsmdb?.type === 'REG_BINARY' ? uidToKeyName(emsmdb.data) : null;
    const section = sectionName ? profile.subkey(sectionName) : undefined;
    if (section && !out.some((o) => o.key === section)) {
      out.push({
        path: `${profilePath}\\${section.name}`,
        key: section,
        accountName: accountText(acct.value('Account Name')),
      });
    }
  }
  return out;
}

function defaultProfileName(tree: RegTree, root: ProfileRoot): string | null {
  const v = tree.getValue(root.defaultProfileKey, 'DefaultProfile');
  return v?.type === 'REG_SZ' ? v.data : null;
}

/** The installed Outlook that reads a profile store: the newest one mapped to it. */
function versionForStore(root: ProfileRoot, installed: readonly InstalledOutlook[]): string | null {
  const candidates = OUTLOOK_VERSIONS.filter((v) => v.store === root.store).map((v) => v.version);
  const hits = installed.filter((i) => candidates.includes(i.version)).map((i) => i.version);
  return hits.length > 0 ? hits[hits.length - 1]! : null;
}

export function readProfiles(tree: RegTree, installed: readonly InstalledOutlook[]): OutlookProfile[] {
  const profiles: OutlookProfile[] = [];
  for (const root of PROFILE_ROOTS) {
    const rootKey = tree.getKey(root.profilesKey);
    if (!rootKey) continue;
    const outlookVersion = versionForStore(root, installed);
    const model = OUTLOOK_VERSIONS.find((v) => v.version === outlookVersion)?.sectionModel;
    const defaultName = defaultProfileName(tree, root);
    for (const profile of rootKey.subkeys.values()) {
      const profilePath = `${root.profilesKey}\\${profile.name}`;
      let sections = model === 'global' ? [] : perAccountSections(profilePath, profile);
      const global = profile.subkey(EXCHANGE_GLOBAL_SECTION);
      // 2003/2007, or a 2010 profile whose account chain does not resolve: the fixed section.
      if (sections.length === 0 && global)
        sections = [{ path: `${profilePath}\\${global.name}`, key: global, accountName: null }];
      profiles.push({
        name: profile.name,
        isDefault: defaultName !== null && equalsIgnoreAsciiCase(defaultName, profile.name),
        outlookVersion,
        store: root.store,
        keyPath: profilePath,
        accounts: sections.map((s) => readAccount(s.path, s.key, s.accountName)),
      });
    }
  }
  return profiles;
}
