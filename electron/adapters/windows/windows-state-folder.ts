import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { untrustedAcl, type AccessEntry, type FolderSecurity } from '../../core/machine/state-folder-acl';
import { STATE_ENTRIES, type StateFolderGuard, type StateScope } from '../../core/machine/state-folder-port';
import { assertNoLinks, refuse } from '../node/link-free';
import { encodedCommandArgs } from './powershell-command';
import { execFileRunner, outputExcerpt, type ProcessRunner } from './process-runner';
import { system32Path } from './system-root';

/** icacls arguments that make a folder SYSTEM's and Administrators' alone (no inherited entries). */
export const PROTECT_ARGS = ['/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F'];
export const OWNER_ARGS = ['/setowner', '*S-1-5-32-544'];

/**
 * Reads owner and access entries as SIDs (account names are localized; SIDs are not). The
 * paths come in through an environment variable, never through the script text.
 */
export const READ_ACL_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "foreach ($p in $env:EXPROXY_ACL_PATHS.Split('|')) {",
  '  $acl = Get-Acl -LiteralPath $p',
  '  "path=$p"',
  '  "owner=$($acl.GetOwner([Security.Principal.SecurityIdentifier]).Value)"',
  '  foreach ($r in $acl.GetAccessRules($true, $true, [Security.Principal.SecurityIdentifier])) {',
  '    "ace=$($r.AccessControlType)|$($r.IdentityReference.Value)|$([int64]$r.FileSystemRights)"',
  '  }',
  '}',
].join('\n');

/** Parses READ_ACL_SCRIPT's output (plain ASCII lines). */
export function parseAclOutput(text: string): FolderSecurity[] {
  const out: { path: string; owner: string; entries: AccessEntry[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [key, ...rest] = line.split('=');
    const value = rest.join('=');
    if (key === 'path') out.push({ path: value, owner: '', entries: [] });
    const cur = out.at(-1);
    if (!cur) continue;
    if (key === 'owner') cur.owner = value.trim();
    if (key === 'ace') {
      const [type, sid, rights] = value.trim().split('|');
      cur.entries.push({ allow: type === 'Allow', sid: sid ?? '', rights: Number(rights) });
    }
  }
  return out;
}

/** Absolute paths; undefined when Windows' folder is unknown (then nothing can be trusted). */
export interface WindowsStateFolderTools {
  readonly powershell: string | undefined;
  readonly icacls: string | undefined;
}

/**
 * The machine-scope state folder on Windows: created under a random name, locked down with
 * icacls (SYSTEM and Administrators only, owner Administrators) and only then renamed into
 * place, so nobody can slip a file in between; checked (no links, owner and every entry) before
 * anything in it is read. %ProgramData% lets ordinary users create folders by default, which
 * is why an existing folder is never trusted on its name alone.
 */
export class WindowsStateFolder implements StateFolderGuard {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly tools: WindowsStateFolderTools,
  ) {}

  async prepare(dir: string, scope: StateScope): Promise<void> {
    if (scope === 'user') {
      mkdirSync(dir, { recursive: true });
      assertNoLinks(dir);
      return;
    }
    if (!existsSync(dir)) await this.createProtected(dir);
    assertNoLinks(dir);
    const paths = [dir, ...STATE_ENTRIES.map((e) => join(dir, e)).filter((p) => existsSync(p))];
    for (const f of await this.read(paths)) {
      const why = untrustedAcl(f);
      if (why) refuse(why);
    }
  }

  private async createProtected(dir: string): Promise<void> {
    mkdirSync(dirname(dir), { recursive: true });
    const temp = `${dir}.new-${randomBytes(6).toString('hex')}`;
    mkdirSync(temp);
    try {
      await this.icacls([temp, ...PROTECT_ARGS]);
      await this.icacls([temp, ...OWNER_ARGS]);
      renameSync(temp, dir);
    } catch (e) {
      try {
        rmdirSync(temp);
      } catch {
        /* already renamed or gone */
      }
      // Someone created it meanwhile: it is checked like any existing folder.
      if (!existsSync(dir)) throw e;
    }
  }

  private async icacls(args: string[]): Promise<void> {
    if (!this.tools.icacls) refuse('the Windows folder is unknown, so icacls cannot be run by its full path');
    const r = await this.runner.run(this.tools.icacls, args, { timeoutMs: 30_000 });
    if (r.code !== 0) refuse(`icacls ${args.slice(1).join(' ')} failed (${outputExcerpt(r)})`);
  }

  private async read(paths: string[]): Promise<FolderSecurity[]> {
    if (!this.tools.powershell)
      refuse('the Windows folder is unknown, so its access list cannot be read by a program at a known path');
    const r = await this.runner.run(this.tools.powershell, encodedCommandArgs(READ_ACL_SCRIPT), {
      timeoutMs: 30_000,
      env: { EXPROXY_ACL_PATHS: paths.join('|') },
    });
    const found = r.code === 0 ? parseAclOutput(r.stdout.toString('utf8')) : [];
    if (found.length !== paths.length)
      refuse(`its access list could not be read (${outputExcerpt(r) || `exit code ${r.code}`})`);
    return found;
  }
}

/** The guard by the absolute paths of its tools (nothing can be trusted without Windows' folder). */
export function windowsStateFolder(root: string | undefined): WindowsStateFolder {
  return new WindowsStateFolder(execFileRunner, {
    powershell:
      root === undefined ? undefined : system32Path(root, 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
    icacls: root === undefined ? undefined : system32Path(root, 'icacls.exe'),
  });
}
