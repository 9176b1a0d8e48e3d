import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-machines';
import { RecordingRunner, result, type RecordedCall } from '../../test-support/windows-fakes';
import { decodeEncodedCommand } from './powershell-command';
import {
  OWNER_ARGS,
  parseAclOutput,
  PROTECT_ARGS,
  READ_ACL_SCRIPT,
  WindowsStateFolder,
} from './windows-state-folder';

const TOOLS = {
  powershell: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  icacls: 'C:\\Windows\\System32\\icacls.exe',
};
const SYSTEM = 'S-1-5-18';
const ADMINS = 'S-1-5-32-544';
const USERS = 'S-1-5-32-545';

/** Get-Acl's answer for each path asked, as READ_ACL_SCRIPT prints it. */
function aclAnswer(entries: (path: string) => string[]) {
  return (call: RecordedCall) => {
    if (call.file === TOOLS.icacls) return result(0);
    const paths = (call.env?.EXPROXY_ACL_PATHS ?? '').split('|');
    return result(0, paths.map((p) => [`path=${p}`, ...entries(p)].join('\r\n')).join('\r\n') + '\r\n');
  };
}
const locked = () => [`owner=${ADMINS}`, `ace=Allow|${SYSTEM}|2032127`, `ace=Allow|${ADMINS}|2032127`];

describe('the machine-scope state folder on Windows (captured calls; icacls and Get-Acl cannot run here)', () => {
  it('a missing folder is created under a random name, locked down, then renamed into place and checked', async () => {
    const root = tempDir();
    const dir = join(root, 'Exchange Proxy Wizard');
    const runner = new RecordingRunner(aclAnswer(locked));
    await new WindowsStateFolder(runner, TOOLS).prepare(dir, 'machine');
    const [protect, owner, read] = runner.calls;
    expect(protect!.file).toBe(TOOLS.icacls);
    expect(protect!.args.slice(1)).toEqual(PROTECT_ARGS);
    expect(protect!.args[0]).toMatch(/Exchange Proxy Wizard\.new-[0-9a-f]{12}$/);
    expect(owner!.args).toEqual([protect!.args[0], ...OWNER_ARGS]);
    // The folder only takes its name once it is locked down; nothing else is left behind.
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(root)).toEqual(['Exchange Proxy Wizard']);
    // The ACL is read as SIDs by a fixed script; the path travels in the environment only.
    expect(read!.file).toBe(TOOLS.powershell);
    expect(decodeEncodedCommand(read!.args)).toBe(READ_ACL_SCRIPT);
    expect(read!.args.join(' ')).not.toContain(dir);
    expect(read!.env).toEqual({ EXPROXY_ACL_PATHS: dir });
  });

  it('refuses an existing folder that ordinary users may write, naming who; reads every entry there is', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'journal'));
    const runner = new RecordingRunner(
      aclAnswer((p) =>
        p.endsWith('journal')
          ? [...locked(), `ace=Allow|${USERS}|1179817`, `ace=Allow|${USERS}|6`]
          : locked(),
      ),
    );
    await expect(new WindowsStateFolder(runner, TOOLS).prepare(dir, 'machine')).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/journal lets S-1-5-32-545 change what is inside/),
    });
    expect(runner.calls.map((c) => c.file)).toEqual([TOOLS.powershell]);
    expect(runner.calls[0]!.env?.EXPROXY_ACL_PATHS).toBe(`${dir}|${join(dir, 'journal')}`);
  });

  it('refuses when the ACL cannot be read, or icacls fails (nothing left half-made), or the tools are unknown', async () => {
    const dir = tempDir();
    await expect(
      new WindowsStateFolder(new RecordingRunner(() => result(1, '', 'Access is denied.')), TOOLS).prepare(
        dir,
        'machine',
      ),
    ).rejects.toMatchObject({
      kind: 'blocked',
      message: expect.stringMatching(/access list could not be read/),
    });
    const root = tempDir();
    const failing = new RecordingRunner((c) => (c.file === TOOLS.icacls ? result(5, 'denied') : result(0)));
    await expect(
      new WindowsStateFolder(failing, TOOLS).prepare(join(root, 'x'), 'machine'),
    ).rejects.toMatchObject({
      kind: 'blocked',
    });
    expect(readdirSync(root)).toEqual([]);
    await expect(
      new WindowsStateFolder(new RecordingRunner(), { powershell: undefined, icacls: undefined }).prepare(
        tempDir(),
        'machine',
      ),
    ).rejects.toMatchObject({ kind: 'blocked', message: expect.stringMatching(/Windows folder is unknown/) });
  });

  it('never reads through a link; the user scope checks links only and starts no program', async () => {
    const dir = tempDir();
    symlinkSync(tempDir(), join(dir, 'backups'));
    const runner = new RecordingRunner(aclAnswer(locked));
    await expect(new WindowsStateFolder(runner, TOOLS).prepare(dir, 'machine')).rejects.toMatchObject({
      message: expect.stringMatching(/backups is a link or junction/),
    });
    await expect(new WindowsStateFolder(runner, TOOLS).prepare(dir, 'user')).rejects.toMatchObject({
      kind: 'blocked',
    });
    const plain = tempDir();
    await new WindowsStateFolder(runner, TOOLS).prepare(plain, 'user');
    expect(runner.calls).toEqual([]);
  });

  it('parses owner and entries per path, tolerating CRLF and = in paths', () => {
    expect(
      parseAclOutput(
        `path=C:\\a=b\r\nowner=${ADMINS}\r\nace=Allow|${SYSTEM}|2032127\r\nace=Deny|${USERS}|278\r\n`,
      ),
    ).toEqual([
      {
        path: 'C:\\a=b',
        owner: ADMINS,
        entries: [
          { allow: true, sid: SYSTEM, rights: 2032127 },
          { allow: false, sid: USERS, rights: 278 },
        ],
      },
    ]);
  });
});
