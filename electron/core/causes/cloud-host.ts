/**
 * Is a proxy host Microsoft's cloud (Exchange Online)? Exact rules from Microsoft's published
 * endpoint lists (SOURCES.md §4): the host must equal a listed name or end with "." + a listed
 * suffix. Never a substring test, so `outlook.office365.com.evil.example` and look-alikes do not
 * match; non-ASCII (IDN) hosts never match because every Microsoft name is ASCII.
 */
export type MicrosoftCloud = 'worldwide' | 'us-government' | 'china' | 'germany';

export type CloudHostMatch =
  { readonly cloud: true; readonly which: MicrosoftCloud; readonly host: string } | { readonly cloud: false };

/** Every name under these is run by Microsoft (a customer cannot own one). */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, which: MicrosoftCloud]> = [
  ['outlook.com', 'worldwide'],
  ['office365.com', 'worldwide'],
  ['outlook.office.com', 'worldwide'],
  ['office365.us', 'us-government'],
  ['outlook.cn', 'china'],
  ['outlook.de', 'germany'],
  ['office.de', 'germany'],
];

/** `apps.mil` also holds other DoD services: only the listed Exchange Online name. */
const EXACT: ReadonlyArray<readonly [host: string, which: MicrosoftCloud]> = [
  ['webmail.apps.mil', 'us-government'],
];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The host part of a stored proxy value (`host`, `host:port`, or a pasted URL), lower-case. */
export function normalizeHost(value: string): string | null {
  let h = value.trim().toLowerCase();
  h = h.replace(/^https?:\/\//, '');
  h = h.replace(/[/?#].*$/, '');
  h = h.replace(/:\d*$/, '');
  h = h.replace(/\.$/, '');
  if (h.length === 0 || h.length > 253) return null;
  const labels = h.split('.');
  return labels.every((l) => LABEL.test(l)) ? h : null;
}

export function isMicrosoftCloudHost(value: string): CloudHostMatch {
  const host = normalizeHost(value);
  if (host === null) return { cloud: false };
  for (const [name, which] of EXACT) if (host === name) return { cloud: true, which, host };
  for (const [suffix, which] of SUFFIXES) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return { cloud: true, which, host };
  }
  return { cloud: false };
}
