import { describe, expect, it } from 'vitest';
import { untrustedAcl, type AccessEntry } from './state-folder-acl';

const SYSTEM = 'S-1-5-18';
const ADMINS = 'S-1-5-32-544';
const USERS = 'S-1-5-32-545';
const CREATOR_OWNER = 'S-1-3-0';
const full = (sid: string): AccessEntry => ({ allow: true, sid, rights: 0x1f01ff });

describe('machine-scope state folder ACL', () => {
  it('trusts a folder only SYSTEM and Administrators can write, owned by one of them', () => {
    expect(untrustedAcl({ path: 'P', owner: ADMINS, entries: [full(SYSTEM), full(ADMINS)] })).toBeNull();
    // Read and execute for Users (0x1200a9) changes nothing inside.
    expect(
      untrustedAcl({
        path: 'P',
        owner: SYSTEM,
        entries: [full(SYSTEM), { allow: true, sid: USERS, rights: 0x1200a9 }],
      }),
    ).toBeNull();
  });

  it("refuses ProgramData's default inheritance: Users may create files, CREATOR OWNER gets full control", () => {
    const why = untrustedAcl({
      path: 'C:\\ProgramData\\Exchange Proxy Wizard',
      owner: ADMINS,
      entries: [
        full(SYSTEM),
        full(ADMINS),
        { allow: true, sid: USERS, rights: 0x100116 },
        full(CREATOR_OWNER),
      ],
    });
    expect(why).toMatch(/lets S-1-5-32-545 change what is inside/);
  });

  it('refuses a folder a standard user owns, even with a clean ACL (an owner can rewrite the ACL)', () => {
    expect(
      untrustedAcl({ path: 'P', owner: 'S-1-5-21-1-2-3-1001', entries: [full(SYSTEM), full(ADMINS)] }),
    ).toMatch(/owned by S-1-5-21-1-2-3-1001/);
  });

  it('each single write-like right is enough to refuse; deny entries never grant anything', () => {
    for (const bit of [0x2, 0x4, 0x10, 0x40, 0x100, 0x10000, 0x40000, 0x80000, 0x10000000, 0x40000000])
      expect(
        untrustedAcl({ path: 'P', owner: SYSTEM, entries: [{ allow: true, sid: USERS, rights: bit }] }),
      ).not.toBeNull();
    expect(
      untrustedAcl({ path: 'P', owner: SYSTEM, entries: [{ allow: false, sid: USERS, rights: 0x1f01ff }] }),
    ).toBeNull();
  });
});
