import { describe, expect, it } from 'vitest';
import type { Finding } from '../diagnosis/finding';
import { rpcOverHttpSettings, ROHAUTH, ROHFLAGS } from '../outlook/rpc-over-http';
import type { OutlookProfile } from '../outlook/profile-model';
import { lmFixUsable, ntlmFixOffered } from './ntlm-usable';

function profile(...accounts: Array<{ scheme: number; roh?: boolean }>): OutlookProfile {
  return {
    name: 'Outlook',
    isDefault: true,
    outlookVersion: '11.0',
    store: 'wms',
    keyPath: 'HKEY_CURRENT_USER\\Profiles\\Outlook',
    accounts: accounts.map((a, i) => ({
      section: `section-${i}`,
      sectionPath: `HKEY_CURRENT_USER\\Profiles\\Outlook\\section-${i}`,
      accountName: null,
      homeServer: null,
      mailbox: null,
      rpcOverHttp: rpcOverHttpSettings({
        flags: a.roh === false ? 0 : ROHFLAGS.USE_ROH,
        proxyServer: 'mail.contoso.com',
        principalName: null,
        authSchemeValue: a.scheme,
      }),
      unreadable: [],
    })),
  };
}

function finding(fixes: Finding['fixes']): Finding {
  return {
    id: 'proxy-auth-basic',
    severity: 'error',
    kb: 'KB820281',
    profile: null,
    account: null,
    fixes,
    facts: {},
  };
}

describe('the LAN Manager level fix is usable', () => {
  it('when an Outlook Anywhere account already signs in with NTLM', () => {
    expect(lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.NTLM })] }, false)).toBe(true);
    expect(
      lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.BASIC }, { scheme: ROHAUTH.NTLM })] }, false),
    ).toBe(true);
  });

  it('when the NTLM fix comes with it', () => {
    expect(lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.BASIC })] }, true)).toBe(true);
    expect(lmFixUsable({ profiles: [] }, true)).toBe(true);
  });

  it('not when no account uses NTLM or will (Basic only, Negotiate, RPC over HTTP off)', () => {
    expect(lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.BASIC })] }, false)).toBe(false);
    expect(lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.NEGOTIATE })] }, false)).toBe(false);
    expect(lmFixUsable({ profiles: [profile({ scheme: ROHAUTH.NTLM, roh: false })] }, false)).toBe(false);
    expect(lmFixUsable({ profiles: [] }, false)).toBe(false);
  });
});

describe('ntlmFixOffered', () => {
  it('is true while some finding still offers proxy-auth-ntlm', () => {
    expect(ntlmFixOffered([finding(['proxy-auth-ntlm'])])).toBe(true);
    expect(ntlmFixOffered([finding([]), finding(['lmcompat-3', 'lmcompat-2'])])).toBe(false);
    expect(ntlmFixOffered([])).toBe(false);
  });
});
