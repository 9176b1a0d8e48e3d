/**
 * `facts.txt`: what collect.cmd records besides the registry exports. One `NAME=value` line per
 * fact, written by `cmd /u /c set NAME...` so that names and values reach the file exactly
 * (UTF-16LE, no byte order mark) whatever the PC's code page; no name is the start of another,
 * because Windows' `set NAME` lists every variable that starts with NAME.
 *
 *   EXPROXY_FACT_FORMAT=1                   this layout
 *   EXPROXY_FACT_DATE / _TIME               %DATE% and %TIME% as the PC showed them
 *   EXPROXY_FACT_SHORT_DATE                 the user's short date format (to read DATE)
 *   EXPROXY_FACT_COMPUTER / _ACCOUNT / _DOMAIN   %COMPUTERNAME%, %USERNAME%, %USERDOMAIN%
 *   EXPROXY_FACT_WINDOWS_VER                the `ver` line
 *   EXPROXY_FACT_PROCESSOR / _WOW64_PROCESSOR    PROCESSOR_ARCHITECTURE and PROCESSOR_ARCHITEW6432
 *   EXPROXY_FACT_REG_VIEW                   native | 32-bit only (a 32-bit cmd without Sysnative)
 *   EXPROXY_FACT_OUTLOOK                    running | closed | unknown
 *   EXPROXY_FACT_PROCESS_LIST               tasklist | wmic | none (what told us)
 *   EXPROXY_FACT_ADMIN                      yes | no (HKU\S-1-5-19 readable: an elevated administrator)
 *   EXPROXY_FACT_SERVER_MODE                yes when run as `collect.cmd /server`
 *   EXPROXY_FACT_ITEM_NN                    status|file|key    (status: ok, absent, failed, skipped)
 *   EXPROXY_FACT_SERVER_ITEM_NN             kind|status|file|what (appcmd, adsutil, wevtutil, eventquery)
 */
import { UnreadableInputError } from '../errors';

export const FACTS_FILE = 'facts.txt';
export const FACT_PREFIX = 'EXPROXY_FACT_';
export const FACTS_FORMAT = 1;

export const FACT = {
  format: 'FORMAT',
  date: 'DATE',
  time: 'TIME',
  shortDate: 'SHORT_DATE',
  computer: 'COMPUTER',
  account: 'ACCOUNT',
  domain: 'DOMAIN',
  windowsVer: 'WINDOWS_VER',
  processor: 'PROCESSOR',
  wow64Processor: 'WOW64_PROCESSOR',
  regView: 'REG_VIEW',
  outlook: 'OUTLOOK',
  processList: 'PROCESS_LIST',
  admin: 'ADMIN',
  serverMode: 'SERVER_MODE',
} as const;

/** `ITEM_07`: two digits, so that no item name starts another. */
export function itemFactName(kind: 'ITEM' | 'SERVER_ITEM', index: number): string {
  if (!Number.isInteger(index) || index < 1 || index > 99) throw new RangeError(`fact index ${index}`);
  return `${kind}_${String(index).padStart(2, '0')}`;
}

export type ItemStatus = 'ok' | 'absent' | 'failed' | 'skipped';
export type ServerItemKind = 'appcmd' | 'adsutil' | 'wevtutil' | 'eventquery';

export interface FactItem {
  readonly status: ItemStatus;
  readonly file: string;
  /** The key as reg.exe was given it (`HKLM\...`). */
  readonly key: string;
}

export interface ServerFactItem {
  readonly kind: ServerItemKind;
  readonly status: ItemStatus;
  readonly file: string;
  /** The IIS site or metabase path, or the event id, that the file answers for. */
  readonly what: string;
}

export interface CollectedFacts {
  readonly format: number;
  readonly computer: string | null;
  readonly account: string | null;
  readonly domain: string | null;
  /** `%DATE% %TIME%` exactly as the PC showed them. */
  readonly collectedAtText: string | null;
  /** Local time on that PC, `YYYY-MM-DDTHH:MM:SS` (no zone: the PC's own), when DATE could be read. */
  readonly collectedAt: string | null;
  readonly windowsVer: string | null;
  readonly processor: string | null;
  readonly wow64Processor: string | null;
  readonly registryView: 'native' | '32-bit only';
  readonly outlook: 'running' | 'closed' | 'unknown';
  readonly processList: string | null;
  readonly admin: boolean | null;
  readonly serverMode: boolean;
  readonly items: readonly FactItem[];
  readonly serverItems: readonly ServerFactItem[];
}

const STATUSES: readonly string[] = ['ok', 'absent', 'failed', 'skipped'];
const KINDS: readonly string[] = ['appcmd', 'adsutil', 'wevtutil', 'eventquery'];

/** Text of a facts file: UTF-16LE with or without a byte order mark (cmd /u), or UTF-8/ASCII. */
export function decodeFactsBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function numbers(s: string): number[] {
  return [...s.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads %DATE% and %TIME% with the PC's short date format (`M/d/yyyy`, `dd.MM.yyyy`,
 * `yyyy/M/d`…): the numbers of DATE in the order the format names d, M and y. Null when
 * they do not fit (a format with month names, a missing format).
 */
export function parseCollectedAt(date: string | null, time: string | null, format: string | null) {
  if (!date || !time || !format) return null;
  const order = [...format.matchAll(/d+|M+|y+/g)].map((m) => m[0][0]!);
  const dateNums = numbers(date);
  if (order.length !== 3 || new Set(order).size !== 3 || dateNums.length !== 3) return null;
  const at = (c: string) => dateNums[order.indexOf(c)]!;
  let year = at('y');
  if (year < 100) year += 2000;
  const [month, day] = [at('M'), at('d')];
  const [h = -1, m = -1, s = 0] = numbers(time);
  let hour = h;
  if (/p\.?\s*m/i.test(time) && hour < 12) hour += 12;
  if (/a\.?\s*m/i.test(time) && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || m < 0 || m > 59 || s > 59)
    return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(m)}:${pad(s)}`;
}

/** Parses facts.txt; a line that is not `EXPROXY_FACT_NAME=value` names the file and line. */
export function parseFactsText(text: string, fileName = FACTS_FILE): CollectedFacts {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).toUpperCase() : '';
    if (!name.startsWith(FACT_PREFIX) || name.length === FACT_PREFIX.length) {
      throw new UnreadableInputError(
        `${fileName} line ${i + 1}: expected ${FACT_PREFIX}NAME=value, found ${JSON.stringify(line.slice(0, 60))}`,
        fileName,
        i + 1,
      );
    }
    values.set(name.slice(FACT_PREFIX.length), line.slice(eq + 1));
  });
  const get = (k: string): string | null => {
    const v = values.get(k);
    return v === undefined || v === '' ? null : v;
  };
  const format = Number(get(FACT.format));
  if (format !== FACTS_FORMAT) {
    throw new UnreadableInputError(
      `${fileName}: not a facts file written by collect.cmd (expected ${FACT_PREFIX}${FACT.format}=${FACTS_FORMAT})`,
      fileName,
    );
  }
  const items: FactItem[] = [];
  const serverItems: ServerFactItem[] = [];
  for (const [name, value] of values) {
    const parts = value.split('|');
    if (/^ITEM_\d\d$/.test(name)) {
      const [status = '', file = '', key = ''] = parts;
      if (STATUSES.includes(status) && file) items.push({ status: status as ItemStatus, file, key });
    } else if (/^SERVER_ITEM_\d\d$/.test(name)) {
      const [kind = '', status = '', file = '', what = ''] = parts;
      if (KINDS.includes(kind) && STATUSES.includes(status) && file)
        serverItems.push({ kind: kind as ServerItemKind, status: status as ItemStatus, file, what });
    }
  }
  const date = get(FACT.date);
  const time = get(FACT.time)?.trim() ?? null;
  const outlook = get(FACT.outlook);
  const admin = get(FACT.admin);
  return {
    format,
    computer: get(FACT.computer),
    account: get(FACT.account),
    domain: get(FACT.domain),
    collectedAtText: date || time ? [date, time].filter(Boolean).join(' ') : null,
    collectedAt: parseCollectedAt(date, time, get(FACT.shortDate)),
    windowsVer: get(FACT.windowsVer),
    processor: get(FACT.processor),
    wow64Processor: get(FACT.wow64Processor),
    registryView: get(FACT.regView) === '32-bit only' ? '32-bit only' : 'native',
    outlook: outlook === 'running' || outlook === 'closed' ? outlook : 'unknown',
    processList: get(FACT.processList),
    admin: admin === 'yes' ? true : admin === 'no' ? false : null,
    serverMode: get(FACT.serverMode) === 'yes',
    items,
    serverItems,
  };
}
