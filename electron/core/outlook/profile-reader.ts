import type { RegKey, RegTree } from '../registry/reg-tree';
import { equalsIgnoreAsciiCase } from '../registry/ascii-case';
import type { RegValue } from '../registry/reg-value';
import {
  decodeMapiValue,
  parsePropValueName,
  propValueName,
  stringValueNames,
  type MapiValue,
} from './mapi-property';
import {
  PR_EMSMDB_SECTION_UID,
  PR_PROFILE_HOME_SERVER,
  PR_PROFILE_UNRESOLVED_NAME,
  PR_PROFILE_USER_SMTP_EMAIL_ADDRESS_W,
  PR_ROH_FLAGS,
  PR_ROH_PROXY_AUTH_SCHEME,
  PR_ROH_PROXY_PRINCIPAL_NAME,
  PR_ROH_PROXY_SERVER,
} from './mapi-tags';
import { ACCOUNT_MANAGER_SECTION, EXCHANGE_GLOBAL_SECTION, uidToKeyName } from './mapi-uid';
import { currentOutlook } from './outlook-install';
import { OUTLOOK_VERSIONS, PROFILE_ROOTS, type ProfileRoot } from './profile-locations';
import type {
  ExchangeAccount,
  InstalledOutlook,
  OutlookProfile,
  ProfileStatus,
  UnreadableValue,
} from './profile-model';
import { AUTH_PACKAGE_VALUE, readAuthPackage } from './auth-package';
import { CONFIG_FLAGS_VALUE, readConfigFlags } from './profile-config-flags';
import { rpcOverHttpSettings } from './rpc-over-http';

/** Values inside an Exchange section (reference §3.1, §2.5). Only read there (§0.2). */
const V = {
  flags: propValueName(PR_ROH_FLAGS),
  authScheme: propValueName(PR_ROH_PROXY_AUTH_SCHEME),
  emsmdbUid: propValueName(PR_EMSMDB_SECTION_UID),
} as const;

/**
 * String properties: each may be stored as PT_UNICODE (`001f…`, UTF-16 REG_BINARY) or
 * PT_STRING8 (`001e…`, REG_SZ); Outlook versions differ, so both are read, Unicode first.
 */
const S = {
  homeServer: PR_PROFILE_HOME_SERVER,
  mailbox: PR_PROFILE_UNRESOLVED_NAME,
  proxyServer: PR_ROH_PROXY_SERVER,
  principal: PR_ROH_PROXY_PRINCIPAL_NAME,
  smtp: PR_PROFILE_USER_SMTP_EMAIL_ADDRESS_W,
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

  /** The first of the property IDs given that is set, in its `001f` or `001e` form. */
  text(...tags: number[]): string | null {
    for (const tag of tags) {
      for (const name of stringValueNames(tag)) {
        const v = this.decode(name);
        if (v && (v.kind === 'unicode' || v.kind === 'string8')) return v.value;
      }
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
    proxyServer: r.text(S.proxyServer),
    principalName: r.text(S.principal),
    authSchemeValue: r.long(V.authScheme),
  });
  // Read for the technician view only; the cause rules judge them (and a damaged one) themselves.
  const flags = readConfigFlags(key.value(CONFIG_FLAGS_VALUE));
  const logon = readAuthPackage(key.value(AUTH_PACKAGE_VALUE));
  return {
    section: key.name,
    sectionPath,
    accountName,
    homeServer: r.text(S.homeServer),
    mailbox: r.text(S.mailbox, S.smtp),
    rpcOverHttp,
    unreadable: r.unreadable,
    configFlags: flags.state === 'set' ? flags.flags : null,
    authPackage: logon.state === 'set' ? logon.value : null,
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

function storeOf(version: string): ProfileRoot['store'] | undefined {
  return OUTLOOK_VERSIONS.find((v) => v.version === version)?.store;
}

/**
 * Only the Outlook in use reads its profile root; the others are left over from an earlier
 * Outlook (2013 and later moved profiles under their own Office key). With no install found,
 * nothing says which root is live, so every root is `unknown` and read as before.
 */
function rootStatus(root: ProfileRoot, live: InstalledOutlook | null): ProfileStatus {
  if (!live) return 'unknown';
  return storeOf(live.version) === root.store ? 'live' : 'leftover';
}

export function readProfiles(tree: RegTree, installed: readonly InstalledOutlook[]): OutlookProfile[] {
  const profiles: OutlookProfile[] = [];
  const live = currentOutlook(tree, installed);
  for (const root of PROFILE_ROOTS) {
    const rootKey = tree.getKey(root.profilesKey);
    if (!rootKey) continue;
    const status = rootStatus(root, live);
    const outlookVersion = status === 'live' ? live!.version : null;
    const model = OUTLOOK_VERSIONS.find((v) => v.version === outlookVersion)?.sectionModel;
    // A leftover root's DefaultProfile is what the old Outlook opened, not what opens now.
    const defaultName = status === 'leftover' ? null : defaultProfileName(tree, root);
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
        status,
      });
    }
  }
  return profiles;
}
