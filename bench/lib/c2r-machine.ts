/**
 * Windows 10 with 64-bit Microsoft 365 Apps (Click-to-Run) and one Outlook profile of two
 * accounts, plus `noiseBytes` of other keys in the Click-to-Run bubble (COM classes, the other
 * Office applications' settings), the tens of MB a real bubble holds and a diagnosis must not read.
 */
import type { RegTree } from '../../electron/core/registry/reg-tree';
import { microsoft365ClickToRun } from '../../scripts/samples/office-builder';
import { bin, put, sz } from '../../scripts/samples/sample-builder';
import { outlook2016Profiles } from './outlook-machine';

const BUBBLE = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\REGISTRY\\MACHINE\\Software';
const APPS = ['Word', 'Excel', 'PowerPoint', 'OneNote', 'Access', 'Publisher', 'Visio', 'Project'];

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** About 1.6 KB of export text per key (a 512-byte binary wraps to ~1.5 K UTF-16 characters). */
function noiseKey(tree: RegTree, i: number): void {
  const clsid = `{${hex8(0x9e3779b9 * (i + 1))}-${hex8(i).slice(4)}-4000-8000-${hex8(i * 7919)}0000}`;
  const app = APPS[i % APPS.length]!;
  const blob = new Uint8Array(512).map((_, j) => (i * 31 + j * 17) & 0xff);
  put(tree, `${BUBBLE}\\Classes\\CLSID\\${clsid}\\InprocServer32`, {
    '': sz(`C:\\Program Files\\Microsoft Office\\root\\Office16\\${app.toUpperCase()}.DLL`),
    ThreadingModel: sz('Apartment'),
  });
  put(tree, `${BUBBLE}\\Microsoft\\Office\\16.0\\${app}\\Addins\\Addin${i}`, {
    Description: sz(`${app} add-in ${i}`),
    LoadBehavior: { type: 'REG_DWORD', data: 3 },
    State: bin(Buffer.from(blob).toString('hex')),
  });
}

/** The machine, with about `noiseBytes` of export text in other bubble keys. */
export function clickToRunMachine(noiseBytes: number): { tree: RegTree } {
  const tree = outlook2016Profiles(1);
  microsoft365ClickToRun(tree, 0);
  const perKey = 3300;
  for (let i = 0; i < Math.ceil(noiseBytes / perKey); i++) noiseKey(tree, i);
  return { tree };
}
