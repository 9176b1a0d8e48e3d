// Sample machines for the causes beyond KB820281 (issue 13; electron/core/causes/SOURCES.md):
// "always prompt", logon network security, Exchange Online over RPC over HTTP, the modern-auth
// switches and their policies, saved credentials. Three are the fragments of
// electron/core/causes/fixtures/*.reg made into whole PCs (Windows, Office, LSA keys added); two
// are focused on one finding each. Written by make-sample-machines.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRegFileToTree, parseRegFile } from '../../electron/core/registry/reg-file';
import { RegTree } from '../../electron/core/registry/reg-tree';
import {
  dword,
  lsa,
  outlook2003Profile,
  put,
  string8,
  sz,
  unicode,
  windows10,
  windowsXp,
  WMS,
} from './sample-builder';
import { outlookCurVer, perAccountProfile, windows7x64 } from './office-builder';
import { writeSampleMachines, type SampleMachine } from './write-sample';

const FIXTURES = join(__dirname, '..', '..', 'electron', 'core', 'causes', 'fixtures');
const O16 = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook';
const O15 = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\15.0\\Outlook\\Profiles';

export type CauseSample = SampleMachine;

/** A fixture fragment, read by the same codec as every sample. */
function fixture(t: RegTree, name: string): void {
  const file = join(FIXTURES, name);
  applyRegFileToTree(parseRegFile(readFileSync(file), file), t);
}

function outlook2003Pc(t: RegTree): void {
  windowsXp(t);
  put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\11.0\\Outlook', { Bitness: sz('x86') });
  put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\11.0\\Outlook\\InstallRoot', {
    Path: sz('C:\\Program Files\\Microsoft Office\\OFFICE11\\'),
  });
  // NTLM needs level 2 or more; 3 here, so only the cause of each sample shows.
  lsa(t, { LmCompatibilityLevel: dword(3) });
}

const PROFILE_SOURCES =
  'PR_PROFILE_CONFIG_FLAGS (00036601) and its CONFIG_PROMPT_FOR_CREDENTIALS bit 0x8, PR_PROFILE_AUTH_PACKAGE (00036619) and its RPC_C_AUTHN_* values: EdkMdb.h, MFCMAPI flagArray.h and extraPropTags.h, OutlookTrace Get-MapiAccount (SOURCES.md §1–2)';

export const CAUSE_SAMPLES: readonly CauseSample[] = [
  {
    id: 'xp-outlook2003-always-prompt',
    description:
      'Windows XP SP3 + Outlook 2003 on NTLM with LAN Manager level 3, but "Always prompt for user name and password" switched on (00036601 = 0x118c: the usual 0x1184 plus CONFIG_PROMPT_FOR_CREDENTIALS 0x8). ' +
      `Shape: the Outlook 2003 profile of the KB820281 samples; ${PROFILE_SOURCES}; the setting as named in "How to use Outlook policy to control credential prompts" (POLICY-PROMPT).`,
    facts: { lmPolicy: { managed: false }, domainJoined: true },
    build: (t) => {
      outlook2003Pc(t);
      // The KB820281 profile, already on NTLM, with one setting changed.
      put(t, WMS, { DefaultProfile: sz('Outlook') });
      outlook2003Profile(t, 'Outlook', { configFlags: 0x118c, auth: 2 });
    },
  },
  {
    id: 'xp-outlook2003-causes',
    description:
      'Windows XP SP3 + Outlook 2003 off the domain network, three profiles: "Outlook" always prompts and signs in to Exchange with Kerberos only (00036619 = 16); "Travel" reaches Microsoft 365 (outlook.office365.com) over RPC over HTTP with Basic; "Damaged" holds 00036601 and 00036619 values of the wrong length. ' +
      `Shape: electron/core/causes/fixtures/xp-outlook2003-causes.reg with the Windows, Office and LSA keys of the KB820281 samples; ${PROFILE_SOURCES}; Exchange Online host names from Microsoft's published endpoint lists (SOURCES.md §4).`,
    facts: { lmPolicy: { managed: false }, domainJoined: false },
    build: (t) => {
      outlook2003Pc(t);
      fixture(t, 'xp-outlook2003-causes.reg');
    },
  },
  {
    id: 'win10-outlook2016-cloud',
    description:
      'Windows 10 + Outlook 2016 (32-bit MSI), one profile with an on-premises account (always prompt, Kerberos only) and a Microsoft 365 account still on RPC over HTTP; MapiHttpDisabled = 1 and EnableADAL = 0 for Office 16.0 (modern sign-in off). ' +
      'Shape: electron/core/causes/fixtures/win10-outlook2016-cloud.reg with the Windows keys of the other Windows 10 samples; the switches as KB2937684 (MapiHttpDisabled), KB-MODAUTHCFG and the Office support articles (EnableADAL) and KB3126599 (AlwaysUseMSOAuthForAutoDiscover) name them (SOURCES.md §5).',
    facts: { lmPolicy: { managed: false }, domainJoined: true },
    build: (t) => {
      windows10(t);
      lsa(t);
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook', {
        Bitness: sz('x86'),
      });
      outlookCurVer(t, 16);
      fixture(t, 'win10-outlook2016-cloud.reg');
    },
  },
  {
    id: 'win7-outlook2013-policies',
    description:
      'Windows 7 SP1 x64 + Outlook 2013 under Group Policy: PromptForCredentials = 1 and AuthenticationService = 16 (Kerberos only, as security baselines set it) under Software\\Policies\\Microsoft\\Office\\15.0\\Outlook\\Security, a policy copy of MapiHttpDisabled, modern sign-in not on (Version = 1 without EnableADAL), and a second profile reaching Microsoft 365. ' +
      'Shape: electron/core/causes/fixtures/win7-outlook2013-policies.reg with the Windows 7 keys of the fidelity samples; the policy values from POLICY-PROMPT and the DISA STIG for Outlook 2013/2016 (V-228467), EnableADAL/Version from KB-MODAUTHCFG (SOURCES.md §1, §2, §5).',
    facts: { lmPolicy: { managed: false }, domainJoined: true },
    build: (t) => {
      windows7x64(t);
      lsa(t);
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\15.0\\Outlook', { Bitness: sz('x64') });
      outlookCurVer(t, 15);
      fixture(t, 'win7-outlook2013-policies.reg');
      // The fragment leaves out the principal name its mutual-authentication flag asks for.
      put(t, `${O15}\\Work\\fedcba9876543210fedcba9876543210`, {
        '001f6625': unicode('msstd:mail.fabrikam.com'),
      });
    },
  },
  {
    id: 'win10-outlook2016-saved-credentials',
    description:
      'Windows 10 + Outlook 2016 (32-bit MSI) on NTLM, where the Windows user has saved sign-ins: Outlook\'s own "MicrosoftOffice16_Data:SSPI:<mailbox>" entry and a Windows sign-in saved for the Exchange proxy (both stale after a password change), an Office modern-auth token entry (not a password) and an unrelated entry. ' +
      'Shape: the targets as KB4051374 and "Outlook continues to prompt for credentials after your domain password changes" describe them, the CREDENTIALW types (1 generic, 2 domain password) of the credential API, and the entries Microsoft\'s OutlookTrace lists (SOURCES.md §3). A simulated PC holds names only: there are no secrets.',
    facts: {
      lmPolicy: { managed: false },
      domainJoined: true,
      savedCredentials: [
        {
          targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com',
          type: 1,
          userName: 'CONTOSO\\jsmith',
        },
        { targetName: 'outlook.contoso.com', type: 2, userName: 'CONTOSO\\jsmith' },
        {
          targetName: 'MicrosoftOffice16_Data:ADAL:7c3a1f52-94e1-4c2b-8d05-3b6f0e9a2d71',
          type: 1,
          userName: 'jsmith@contoso.com',
        },
        { targetName: 'git:https://github.com', type: 1, userName: 'jsmith' },
      ],
    },
    build: (t) => {
      windows10(t);
      lsa(t);
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook', {
        Bitness: sz('x86'),
      });
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', {
        Path: sz('C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\'),
      });
      outlookCurVer(t, 16);
      put(t, O16, { DefaultProfile: sz('Outlook') });
      perAccountProfile(t, `${O16}\\Profiles\\Outlook`, [
        {
          n: '00000001',
          name: 'jsmith@contoso.com',
          service: '3f6b1c2ad8e54a4fb1e2c0d9a7b65e10',
          emsmdb: 'a345f1e1fd57fc40a98c6265aef8ebbd',
          flags: 0x2b,
          host: 'outlook.contoso.com',
          auth: 2,
          extra: {
            '001e6602': string8('EXCH16A'),
            '001f6641': unicode('jsmith@contoso.com'),
          },
        },
      ]);
    },
  },
];

/** Writes each sample as registry.reg (UTF-16LE, like reg export) and machine.json. */
export function writeCauseSamples(outDir: string): void {
  writeSampleMachines(outDir, CAUSE_SAMPLES);
}
