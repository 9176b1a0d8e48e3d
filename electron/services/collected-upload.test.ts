import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExproxyError } from '../core/errors';
import { tempDir } from '../test-support/sample-machines';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from '../shared/upload-limits';
import { writeUploadedFolder } from './collected-upload';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function root(): string {
  const d = tempDir('exproxy-upload-');
  dirs.push(d);
  return join(d, 'uploads');
}

const file = (name: string, text = 'x') => ({ name, base64: Buffer.from(text).toString('base64') });

function refusal(fn: () => unknown): ExproxyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExproxyError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** Nothing at all was written: not even the uploads folder. */
function untouched(uploads: string): boolean {
  try {
    return readdirSync(uploads).length === 0;
  } catch {
    return true;
  }
}

describe('uploading the files of a collected folder (browser host)', () => {
  it('writes plain names into a new folder of their own, byte for byte', () => {
    const uploads = root();
    const bytes = Buffer.from([0xff, 0xfe, 0x57, 0x00, 0x0d, 0x00]);
    const dir = writeUploadedFolder(uploads, [
      { name: 'hklm-currentcontrolset-control-lsa.reg', base64: bytes.toString('base64') },
      file('facts.txt'),
      file('My LSA export (2).reg'),
      file('events-eventquery-1000.csv'),
      file('events-wevtutil.xml'),
    ]);
    expect(dir.startsWith(join(uploads, 'upload-'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([
      'My LSA export (2).reg',
      'events-eventquery-1000.csv',
      'events-wevtutil.xml',
      'facts.txt',
      'hklm-currentcontrolset-control-lsa.reg',
    ]);
    expect(readFileSync(join(dir, 'hklm-currentcontrolset-control-lsa.reg'))).toEqual(bytes);
    // A second upload never lands in the first one's folder.
    expect(writeUploadedFolder(uploads, [file('facts.txt')])).not.toBe(dir);
  });

  it.each([
    ['../escape.reg', 'not a plain file name'],
    ['..\\escape.reg', 'not a plain file name'],
    ['sub/facts.txt', 'not a plain file name'],
    ['C:\\Windows\\win.ini.txt', 'not a plain file name'],
    ['/etc/passwd.txt', 'not a plain file name'],
    ['.hidden.reg', 'not a plain file name'],
    ['facts.txt ', 'not a plain file name'],
    ['facts.txt.', 'not a plain file name'],
    ['fa\u0000cts.txt', 'not a plain file name'],
    ['fa\ncts.txt', 'not a plain file name'],
    ['fakt\u00e9.txt', 'not a plain file name'],
    ['a'.repeat(200) + '.reg', 'not a plain file name'],
    ['%TEMP%.reg', 'not a plain file name'],
    ['a&calc.reg', 'not a plain file name'],
    ['collect.cmd', 'is not a file collect.cmd writes'],
    ['payload.exe', 'is not a file collect.cmd writes'],
    ['steps.html', 'is not a file collect.cmd writes'],
    ['CON.reg', 'Windows device name'],
    ['nul.txt', 'Windows device name'],
    ['com1.csv', 'Windows device name'],
    ['fix-user.reg', 'belongs to a fix kit'],
    ['UNDO-MACHINE.REG', 'belongs to a fix kit'],
  ])('refuses %j (%s) and writes nothing', (name, why) => {
    const uploads = root();
    const e = refusal(() => writeUploadedFolder(uploads, [file('facts.txt'), file(name)]));
    expect(e.kind).toBe('usage');
    expect(e.message).toContain(why);
    expect(e.message).toContain('Nothing was uploaded');
    expect(untouched(uploads)).toBe(true);
  });

  it('refuses the same name twice (Windows names ignore case)', () => {
    const uploads = root();
    expect(
      refusal(() => writeUploadedFolder(uploads, [file('facts.txt'), file('FACTS.TXT')])).message,
    ).toMatch(/"FACTS.TXT" is there twice/);
    expect(untouched(uploads)).toBe(true);
  });

  it('refuses data that is not base64 as sent', () => {
    const uploads = root();
    for (const base64 of ['abc', 'ab$=', '====', 'YQ==YQ==']) {
      expect(refusal(() => writeUploadedFolder(uploads, [{ name: 'facts.txt', base64 }])).message).toMatch(
        /did not arrive intact/,
      );
    }
    expect(untouched(uploads)).toBe(true);
  });

  it('refuses too many files, none, and more bytes than the limit together, before writing any', () => {
    const uploads = root();
    const many = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => file(`f${i}.reg`));
    expect(refusal(() => writeUploadedFolder(uploads, many)).message).toMatch(/65 files is more than the 64/);
    expect(refusal(() => writeUploadedFolder(uploads, [])).message).toMatch(/No files/);
    // Two files, each under the limit, over it together.
    const half = 'A'.repeat(Math.ceil((MAX_UPLOAD_BYTES / 2 + 4) / 3) * 4);
    const e = refusal(() =>
      writeUploadedFolder(uploads, [
        { name: 'a.reg', base64: half },
        { name: 'b.reg', base64: half },
      ]),
    );
    expect(e.message).toMatch(/larger than 64 MiB together/);
    expect(untouched(uploads)).toBe(true);
  });
});
