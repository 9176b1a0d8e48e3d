// Writes only the HKEY_CURRENT_USER keys of a sample machine's registry.reg (UTF-16LE, as
// `reg export` writes it), so a CI runner can `reg import` a test Outlook profile without
// touching its HKLM (Windows version, LSA). Used by .github/workflows/windows-release.yml:
//   node scripts/windows-ci/hkcu-part.mjs assets/machines/<id>/registry.reg OUT.reg
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/windows-ci/hkcu-part.mjs IN.reg OUT.reg');
  process.exit(2);
}
const bytes = readFileSync(input);
if (bytes[0] !== 0xff || bytes[1] !== 0xfe) {
  console.error(`${input}: not a UTF-16LE .reg file (no byte order mark)`);
  process.exit(3);
}
const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
if (lines[0] !== 'Windows Registry Editor Version 5.00') {
  console.error(`${input}: unexpected header ${JSON.stringify(lines[0])}`);
  process.exit(3);
}
// A key block runs from its [header] to the next one; values and continuation lines never
// start with "[".
const out = [lines[0], ''];
let keep = false;
let keys = 0;
for (const line of lines.slice(1)) {
  if (line.startsWith('[')) {
    keep = /^\[-?HKEY_CURRENT_USER\\/i.test(line);
    if (keep) keys++;
  }
  if (keep) out.push(line);
}
if (keys === 0) {
  console.error(`${input}: no HKEY_CURRENT_USER keys`);
  process.exit(3);
}
while (out.at(-1) === '') out.pop();
const text = `${out.join('\r\n')}\r\n\r\n`;
writeFileSync(output, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
console.log(`${output}: ${keys} HKEY_CURRENT_USER keys`);
