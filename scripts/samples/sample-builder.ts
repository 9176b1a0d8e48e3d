import { encodeMapiValue, type MapiValue } from '../../electron/core/outlook/mapi-property';
import { EXCHANGE_GLOBAL_SECTION, keyNameToUid } from '../../electron/core/outlook/mapi-uid';
import type { RegTree } from '../../electron/core/registry/reg-tree';
import type { RegValue } from '../../electron/core/registry/reg-value';

export const WMS =
  'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles';
export const LSA = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
export const CURRENT_VERSION = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

export const long = (value: number): RegValue => encodeMapiValue({ kind: 'long', value });
export const unicode = (value: string): RegValue => encodeMapiValue({ kind: 'unicode', value });
export const string8 = (value: string): RegValue => encodeMapiValue({ kind: 'string8', value });
export const mapi = (v: MapiValue): RegValue => encodeMapiValue(v);
export const bin = (hex: string): RegValue => ({
  type: 'REG_BINARY',
  data: Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)),
});
export const uid = (keyName: string): RegValue => ({ type: 'REG_BINARY', data: keyNameToUid(keyName)! });
export const sz = (data: string): RegValue => ({ type: 'REG_SZ', data });
export const dword = (data: number): RegValue => ({ type: 'REG_DWORD', data });
export const multi = (...data: string[]): RegValue => ({ type: 'REG_MULTI_SZ', data });
export const expand = (data: string): RegValue => ({ type: 'REG_EXPAND_SZ', data });

export function put(tree: RegTree, path: string, values: Record<string, RegValue>): void {
  tree.ensureKey(path);
  for (const [name, value] of Object.entries(values)) tree.setValue(path, name, value);
}

/** Windows' own LSA values, as a clean install has them (LmCompatibilityLevel left to the caller). */
export function lsa(tree: RegTree, extra: Record<string, RegValue> = {}): void {
  put(tree, LSA, {
    auditbaseobjects: dword(0),
    'Authentication Packages': multi('msv1_0'),
    Bounds: bin('0030000000200000'),
    crashonauditfail: dword(0),
    disabledomaincreds: dword(0),
    everyoneincludesanonymous: dword(0),
    forceguest: dword(1),
    fullprivilegeauditing: bin('00'),
    limitblankpassworduse: dword(1),
    nodefaultadminowner: dword(1),
    'Notification Packages': multi('scecli'),
    restrictanonymous: dword(0),
    restrictanonymoussam: dword(1),
    'Security Packages': multi('kerberos', 'msv1_0', 'schannel', 'wdigest'),
    ...extra,
  });
  put(tree, `${LSA}\\MSV1_0`, {
    auth132: sz('IISSUBA'),
    ntlmminclientsec: dword(0),
    ntlmminserversec: dword(0),
  });
}

export function windowsXp(tree: RegTree): void {
  put(tree, CURRENT_VERSION, {
    CurrentBuildNumber: sz('2600'),
    CurrentVersion: sz('5.1'),
    CSDVersion: sz('Service Pack 3'),
    ProductName: sz('Microsoft Windows XP'),
    RegisteredOrganization: sz('Contoso'),
    RegisteredOwner: sz('Contoso IT'),
    SystemRoot: sz('C:\\WINDOWS'),
  });
}

export function windows10(tree: RegTree): void {
  put(tree, CURRENT_VERSION, {
    CurrentBuild: sz('19045'),
    CurrentBuildNumber: sz('19045'),
    CurrentMajorVersionNumber: dword(10),
    CurrentMinorVersionNumber: dword(0),
    CurrentVersion: sz('6.3'),
    DisplayVersion: sz('22H2'),
    EditionID: sz('Professional'),
    ProductName: sz('Windows 10 Pro'),
    RegisteredOwner: sz('Contoso IT'),
    SystemRoot: sz('C:\\WINDOWS'),
  });
  tree.ensureKey('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft');
}

export function outlook2003Install(tree: RegTree): void {
  put(tree, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\11.0\\Outlook', { Bitness: sz('x86') });
  put(tree, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\11.0\\Outlook\\InstallRoot', {
    Path: sz('C:\\Program Files\\Microsoft Office\\OFFICE11\\'),
  });
}

/**
 * The KB820281 Outlook 2003 profile of the fidelity and cause samples: Exchange settings in the
 * fixed global section (reference §2.1), RPC over HTTP to mail.contoso.com with `auth`.
 */
export function outlook2003Profile(
  tree: RegTree,
  name: string,
  { configFlags, auth }: { configFlags: number; auth: number },
): void {
  put(tree, `${WMS}\\${name}\\${EXCHANGE_GLOBAL_SECTION}`, {
    '00036600': long(0x501),
    '00036601': long(configFlags),
    '00036619': long(10),
    '001e6602': string8('EXCH01'),
    '001e6603': string8('/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jsmith'),
    '001e6607': string8('jsmith'),
    '101e6613': mapi({ kind: 'mv-string8', value: ['ncalrpc:EXCH01', 'ncacn_ip_tcp:exch01.contoso.local'] }),
    '00036623': long(0x23),
    '001f6622': unicode('mail.contoso.com'),
    '001f6625': unicode('msstd:mail.contoso.com'),
    '00036627': long(auth),
  });
  put(tree, `${WMS}\\${name}\\0a0d020000000000c000000000000046`, { '001e0324': string8('Outlook') });
}
