/**
 * A large, realistic `reg export` file: REGEDIT5 header, UTF-16LE with BOM, CRLF, written by
 * our own writer (writeRegFile), so hex data is wrapped at 80 columns exactly as regedit does.
 *
 * Content mixes what real exports are made of: COM class registrations, services, Outlook
 * MAPI profiles (mostly REG_BINARY), Explorer state, hardware resource maps, with every
 * value type (REG_SZ with escapes and non-Latin text, REG_EXPAND_SZ, REG_MULTI_SZ, REG_DWORD,
 * REG_QWORD, REG_BINARY short and long, REG_NONE, hex(8)/hex(a) raw kinds, default values).
 */
import { REGEDIT5_FORMAT, type RegKeyEntry, type RegValueEntry } from '../../electron/core/registry/reg-file';
import type { RegValue } from '../../electron/core/registry/reg-value';

/** mulberry32: a tiny seeded PRNG so every run generates the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Microsoft',
  'Windows',
  'Office',
  'Outlook',
  'Exchange',
  'Contoso',
  'Fabrikam',
  'Shell',
  'Explorer',
  'Policies',
  'Settings',
  'Profiles',
  'Services',
  'Parameters',
  'Security',
  'Network',
  'Provider',
  'Client',
  'Server',
  'Cache',
  'Update',
  'Config',
  'Display',
  'Printer',
  'Driver',
  'Session',
  'Büro',
  'Größe',
  'Déjà vu',
  'Configuración',
  'Настройки',
  '設定',
  '文件夹',
  'Ολοκλήρωση',
];

export interface BigRegStats {
  readonly keys: number;
  readonly values: number;
  readonly byType: Record<string, number>;
}

/** Keys totalling roughly `targetBytes` of UTF-16LE text. */
export function bigRegKeys(targetBytes: number, seed = 7): { keys: RegKeyEntry[]; stats: BigRegStats } {
  const rand = rng(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += int(16).toString(16);
    return s;
  };
  const guid = (): string => `{${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`.toUpperCase();
  const bytes = (n: number): Uint8Array => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = int(256);
    return b;
  };
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  /** MAPI strings are stored as NUL-terminated UTF-16LE in REG_BINARY. */
  const utf16z = (s: string): Uint8Array => {
    const b = new Uint8Array(s.length * 2 + 2);
    for (let i = 0; i < s.length; i++) {
      b[2 * i] = s.charCodeAt(i) & 0xff;
      b[2 * i + 1] = s.charCodeAt(i) >> 8;
    }
    return b;
  };

  const keys: RegKeyEntry[] = [];
  const byType: Record<string, number> = {};
  let chars = 0;
  let valueCount = 0;
  // The per-value estimate in key() runs about 3.5% short of what the writer produces.
  const targetChars = (targetBytes / 2) * 1.035;

  const key = (path: string, values: [string, RegValue][]): void => {
    const entries: RegValueEntry[] = values.map(([name, value]) => ({ name, value, line: 0 }));
    keys.push({ path, deleteKey: false, line: 0, values: entries });
    chars += path.length + 6;
    for (const [name, v] of values) {
      valueCount++;
      byType[v.type] = (byType[v.type] ?? 0) + 1;
      chars += name.length + 5;
      switch (v.type) {
        case 'REG_SZ':
          chars += v.data.length + 2;
          break;
        case 'REG_DWORD':
          chars += 14;
          break;
        case 'REG_QWORD':
          chars += 32;
          break;
        case 'REG_EXPAND_SZ':
          chars += v.data.length * 6 * 1.07 + 12;
          break;
        case 'REG_MULTI_SZ':
          chars += (v.data.join('').length + v.data.length + 1) * 6 * 1.07 + 12;
          break;
        default:
          chars += v.data.length * 3 * 1.07 + 12;
      }
    }
  };

  const sz = (data: string): RegValue => ({ type: 'REG_SZ', data });
  const dword = (data: number): RegValue => ({ type: 'REG_DWORD', data });
  const bin = (data: Uint8Array): RegValue => ({ type: 'REG_BINARY', data });
  const HKLM = 'HKEY_LOCAL_MACHINE';
  const HKCU = 'HKEY_CURRENT_USER';

  for (let round = 0; chars < targetChars; round++) {
    // COM class registration.
    const clsid = `${HKLM}\\SOFTWARE\\Classes\\CLSID\\${guid()}`;
    key(clsid, [
      ['', sz(`${words(2)} Class`)],
      ['AppID', sz(guid())],
    ]);
    key(`${clsid}\\InprocServer32`, [
      [
        '',
        {
          type: 'REG_EXPAND_SZ',
          data: `%SystemRoot%\\System32\\${pick(WORDS).toLowerCase()}${int(100)}.dll`,
        },
      ],
      ['ThreadingModel', sz(pick(['Apartment', 'Both', 'Free']))],
    ]);

    // A service with parameters.
    if (round % 3 === 0) {
      const svc = `${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\${pick(WORDS).replace(/\W/g, '')}Svc${round}`;
      key(svc, [
        ['Type', dword(pick([1, 2, 16, 32]))],
        ['Start', dword(int(5))],
        ['ErrorControl', dword(1)],
        ['ImagePath', { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\system32\\svchost.exe -k netsvcs -p' }],
        ['DisplayName', sz(`@%SystemRoot%\\system32\\${pick(WORDS)}.dll,-${100 + int(900)}`)],
        ['Description', sz(`${words(6)} "${pick(WORDS)}" \\ ${words(3)}`)],
        ['DependOnService', { type: 'REG_MULTI_SZ', data: ['RpcSs', pick(WORDS), 'Tcpip'] }],
        ['FailureActions', bin(bytes(20 + int(24)))],
        ['ObjectName', sz('LocalSystem')],
        ['ServiceSidType', dword(1)],
      ]);
      key(`${svc}\\Parameters`, [
        ['ServiceDll', { type: 'REG_EXPAND_SZ', data: `%SystemRoot%\\System32\\${pick(WORDS)}.dll` }],
        ['ServiceDllUnloadOnStop', dword(1)],
        ['LastUpdate', { type: 'REG_QWORD', data: BigInt(int(2 ** 31)) * 4096n + BigInt(int(4096)) }],
      ]);
    }

    // An Outlook MAPI profile section: mostly REG_BINARY, some long blobs.
    const section = `${HKCU}\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\Outlook ${round % 50}\\${hex(32)}`;
    const mapi: [string, RegValue][] = [
      ['00036601', bin(Uint8Array.of(int(256), int(256), 0, 0))],
      ['001f6641', bin(utf16z(`user${round}@contoso.com`))],
      ['001f6622', bin(utf16z(`mail${round % 7}.contoso.com`))],
      ['01023d15', bin(bytes(16))],
      ['01020fff', bin(bytes(40 + int(120)))],
      ['001f3001', bin(utf16z(words(3)))],
    ];
    if (round % 4 === 0) mapi.push(['01023d0e', bin(bytes(200 + int(500)))]);
    key(section, mapi);

    // Explorer state and other per-user values of every remaining kind.
    if (round % 2 === 0) {
      key(`${HKCU}\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\${pick(WORDS)}\\${round}`, [
        ['', sz('')],
        ['MRUListEx', bin(bytes(4 * (1 + int(20))))],
        ['Settings', bin(bytes(8 + int(60)))],
        ['ViewMode', dword(int(8))],
        ['LastWrite', { type: 'REG_QWORD', data: BigInt(int(2 ** 31)) * BigInt(int(2 ** 31)) }],
        ['Placeholder', { type: 'REG_NONE', data: new Uint8Array(0) }],
        ['Folder', sz(`C:\\Users\\jsmith\\${pick(WORDS)}\\${pick(WORDS)} "${round}"`)],
        [pick(WORDS), sz(words(4))],
      ]);
    }

    // Hardware resource maps: raw hex(8)/hex(a) kinds.
    if (round % 10 === 0) {
      key(`${HKLM}\\HARDWARE\\RESOURCEMAP\\System Resources\\Physical Memory ${round}`, [
        ['.Translated', { type: 'REG_RAW', kind: 8, data: bytes(60 + int(200)) }],
        ['.Raw', { type: 'REG_RAW', kind: 10, data: bytes(40 + int(80)) }],
        ['Paths', { type: 'REG_MULTI_SZ', data: [words(2), words(2), `C:\\${pick(WORDS)}`] }],
      ]);
    }
  }
  return { keys, stats: { keys: keys.length, values: valueCount, byType } };
}

export const BIG_REG_FORMAT = REGEDIT5_FORMAT;
