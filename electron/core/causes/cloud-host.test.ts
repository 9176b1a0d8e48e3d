import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMicrosoftCloudHost, normalizeHost } from './cloud-host';

const cloud = (h: string) => isMicrosoftCloudHost(h).cloud;

describe('Microsoft cloud host matcher', () => {
  it('matches the Exchange Online names Microsoft publishes, per cloud', () => {
    expect(isMicrosoftCloudHost('outlook.office365.com')).toEqual({
      cloud: true,
      which: 'worldwide',
      host: 'outlook.office365.com',
    });
    for (const h of [
      'outlook.office.com',
      'pod51036.outlook.com',
      'contoso-com.mail.protection.outlook.com',
      'smtp.office365.com',
    ])
      expect(isMicrosoftCloudHost(h)).toMatchObject({ cloud: true, which: 'worldwide' });
    expect(isMicrosoftCloudHost('outlook.office365.us')).toMatchObject({ which: 'us-government' });
    expect(isMicrosoftCloudHost('outlook-dod.office365.us')).toMatchObject({ which: 'us-government' });
    expect(isMicrosoftCloudHost('webmail.apps.mil')).toMatchObject({ which: 'us-government' });
    expect(isMicrosoftCloudHost('partner.outlook.cn')).toMatchObject({ which: 'china' });
    expect(isMicrosoftCloudHost('abc.partner.outlook.cn')).toMatchObject({ which: 'china' });
    expect(isMicrosoftCloudHost('outlook.office.de')).toMatchObject({ which: 'germany' });
  });

  it('reads the stored forms: case, trailing dot, host:port hack, a pasted URL', () => {
    expect(cloud('OUTLOOK.OFFICE365.COM.')).toBe(true);
    expect(cloud('outlook.office365.com:443')).toBe(true);
    expect(cloud('https://outlook.office365.com/rpc/rpcproxy.dll')).toBe(true);
    expect(cloud('  outlook.office365.com  ')).toBe(true);
  });

  it('never matches look-alikes', () => {
    for (const h of [
      'outlook.office365.com.evil.example',
      'outlook.office365.com-evil.example',
      'evil-outlook.com',
      'evilOutlook.com',
      'outlook.com.evil.example',
      'office365.com.example.net',
      'outlook.office365.co',
      'outlook-office365.com',
      'apps.mil',
      'evil.apps.mil',
      'mail.contoso.com',
      'outlook.contoso.com',
      // Cyrillic о (U+043E) in "outlооk" and its punycode: not Microsoft's.
      'outl\u043e\u043ek.office365.com',
      'xn--outlk-4vea.com',
      'outlook.office365.com\u3002evil.example',
      'outlook.office365.com@evil.example',
      'evil.example/outlook.office365.com',
      '',
      '.',
      'outlook..com',
    ])
      expect(cloud(h), h).toBe(false);
  });

  it('normalizes only well-formed ASCII host names', () => {
    expect(normalizeHost('Mail.Contoso.COM:8443')).toBe('mail.contoso.com');
    expect(normalizeHost('m\u00fcnchen.example')).toBeNull();
    expect(normalizeHost('-bad.example')).toBeNull();
    expect(normalizeHost('a'.repeat(64) + '.example')).toBeNull();
  });

  it('a listed suffix matches only at a label boundary (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(label, label, (a, b) => {
        // Glued onto a suffix without a dot: never the suffix itself (unless the suffix is longer).
        if (!`${a}outlook.com`.endsWith('.outlook.com')) expect(cloud(`${a}outlook.com`)).toBe(false);
        expect(cloud(`${a}.${b}.outlook.com`)).toBe(true);
        // A Microsoft name followed by more labels is judged by its real ending only.
        expect(cloud(`outlook.office365.com.${a}.${b}`)).toBe(cloud(`${a}.${b}`));
      }),
    );
  });
});
