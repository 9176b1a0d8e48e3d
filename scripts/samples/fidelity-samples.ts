// Sample machines for the real-world shapes of issue 12: Click-to-Run Office, profiles left over
// from an older Outlook, partial exports, an invalid LmCompatibilityLevel, 32-bit Office 2010 on
// 64-bit Windows, Unicode (001f) strings. Written by make-sample-machines.ts.
import {
  LSA,
  WMS,
  bin,
  dword,
  lsa,
  outlook2003Install,
  outlook2003Profile,
  put,
  string8,
  sz,
  unicode,
  windows10,
  windowsXp,
} from './sample-builder';
import { microsoft365ClickToRun, outlook2010Wow64, perAccountProfile, windows7x64 } from './office-builder';
import { writeSampleMachines, type SampleMachine } from './write-sample';

export type FidelitySample = SampleMachine;

/** A complete simulated PC says there is no LAN Manager policy; an export leaves it unknown. */
const NO_POLICY = { lmPolicy: { managed: false } };
const O16 = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook';

export const FIDELITY_SAMPLES: readonly FidelitySample[] = [
  {
    id: 'win10-m365-c2r-leftover-wms',
    description:
      'Windows 10 + 64-bit Microsoft 365 Apps (Click-to-Run) using NTLM, with the Outlook 2010 profile the PC had before the upgrade still under Windows Messaging Subsystem (same name, Basic sign-in). ' +
      'Shape: the Click-to-Run bubble and MSI locations of the Outlook key as Microsoft support articles list them (SupportArticles-docs, Outlook/Client/calendaring/cannot-view-free-busy-information.md); ' +
      'ClickToRun\\Configuration values as Microsoft Get-OfficeVersion.ps1 and deployment scripts read them (Platform, VersionToReport, ProductReleaseIds, InstallationPath); ' +
      'profiles of Outlook 2013 and later under Office\\<ver>\\Outlook\\Profiles while the old ones stay in Windows Messaging Subsystem (reference §1.1: MFCMAPI RegistryDialog.cpp, Streblechenko).',
    facts: NO_POLICY,
    build: (t) => {
      windows10(t);
      microsoft365ClickToRun(t);
      lsa(t);
      put(t, O16, { DefaultProfile: sz('Outlook') });
      perAccountProfile(t, `${O16}\\Profiles\\Outlook`, [
        {
          n: '00000001',
          name: 'jsmith@contoso.com',
          service: '5f1c7a0e2b9d4c11a3e07b6d8c9f0a12',
          emsmdb: 'b6e1d2c3a4f5061728394a5b6c7d8e9f',
          flags: 0x2b,
          host: 'outlook.contoso.com',
          auth: 2,
          extra: { '001f6641': unicode('jsmith@contoso.com'), '001e6602': string8('EXCH16A') },
        },
      ]);
      put(t, WMS, { DefaultProfile: sz('Outlook') });
      perAccountProfile(t, `${WMS}\\Outlook`, [
        {
          n: '00000001',
          name: 'jsmith@contoso.com',
          service: '0c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5',
          emsmdb: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          flags: 0x23,
          host: 'mail.contoso.com',
          auth: 1,
          extra: { '001e6602': string8('EXCH01') },
        },
      ]);
    },
  },
  {
    id: 'xp-outlook2003-hkcu-only',
    description:
      'A partial export: only the Outlook profiles (reg export "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles"), starting at that key with no ancestor lines, as technicians attach them to tickets ' +
      '(public profile-only exports such as the 2012 theorypc.ca post "Registry keys needed to set a default Exchange server for Outlook", reference C12). ' +
      'No Office install, LSA, Windows version or policy in it: the diagnosis must say so.',
    exports: [WMS],
    build: (t) => {
      put(t, WMS, { DefaultProfile: sz('Outlook') });
      outlook2003Profile(t, 'Outlook', { configFlags: 0x1184, auth: 1 });
    },
  },
  {
    id: 'xp-lsa-only-export',
    description:
      'A partial export of the LSA key alone (reg export HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa), as hardening and KB820281 checks ask for it, with LmCompatibilityLevel 0 set explicitly. ' +
      'Values of a clean Windows XP SP3 install (Windows 2000 Resource Kit registry reference). No profiles, Office or Windows version in it.',
    exports: [LSA],
    build: (t) => lsa(t, { LmCompatibilityLevel: dword(0) }),
  },
  {
    id: 'xp-outlook2003-lm-string',
    description:
      'Windows XP + Outlook 2003 already on NTLM, but LmCompatibilityLevel was created as a String Value (REG_SZ "2") instead of a DWORD, a mistake public scripts and issue threads show for such settings ' +
      '(e.g. T13nn3s/CVE-2020-1350 issue #1, "the regkey needs to be a dword not a string"). Microsoft documents only a REG_DWORD from 0 to 5 (Windows 2000 Resource Kit "LmCompatibilityLevel").',
    facts: NO_POLICY,
    build: (t) => {
      windowsXp(t);
      outlook2003Install(t);
      lsa(t, { LmCompatibilityLevel: sz('2') });
      put(t, WMS, { DefaultProfile: sz('Outlook') });
      outlook2003Profile(t, 'Outlook', { configFlags: 0x1184, auth: 2 });
    },
  },
  {
    id: 'win7-outlook2010-wow64',
    description:
      'Windows 7 SP1 x64 + 32-bit Outlook 2010 (MSI): its keys in the 32-bit view, HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\14.0\\Outlook with Bitness x86 (reference §1.2–1.3: KB2778964, the Registry Redirector; "Building MAPI applications on 32-bit and 64-bit platforms": 32-bit Office is the usual install on 64-bit Windows), ' +
      'an Outlook 2010 per-account profile in Windows Messaging Subsystem on Basic, LmCompatibilityLevel not set (Windows 7 default: 3).',
    facts: NO_POLICY,
    build: (t) => {
      windows7x64(t);
      outlook2010Wow64(t);
      lsa(t);
      put(t, WMS, { DefaultProfile: sz('Outlook') });
      perAccountProfile(t, `${WMS}\\Outlook`, [
        {
          n: '00000001',
          name: 'jsmith@contoso.com',
          service: '2b3c4d5e6f708192a3b4c5d6e7f80910',
          emsmdb: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
          flags: 0x2b,
          host: 'mail.contoso.com',
          auth: 1,
          extra: { '001e6602': string8('EXCH01'), '001f6641': unicode('jsmith@contoso.com') },
        },
      ]);
    },
  },
  {
    id: 'win10-outlook2016-unicode-strings',
    description:
      'Windows 10 + 32-bit Outlook 2016 whose Exchange section stores its strings as PT_UNICODE (001f6602 home server, 001f6607 mailbox: UTF-16LE REG_BINARY with the terminating NUL, as MFCMAPI registryProperty.cpp writes PT_UNICODE; reference §2.3 and T14, 001f662a in a public .reg). ' +
      'Basic sign-in, so the diagnosis must name the Unicode home server.',
    facts: NO_POLICY,
    build: (t) => {
      windows10(t);
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook', {
        Bitness: sz('x86'),
      });
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', {
        Path: sz('C:\\Program Files (x86)\\Microsoft Office\\Office16\\'),
      });
      lsa(t);
      put(t, O16, { DefaultProfile: sz('Outlook') });
      perAccountProfile(t, `${O16}\\Profiles\\Outlook`, [
        {
          n: '00000001',
          name: 'Zhang Wei',
          service: '11223344556677889900aabbccddeeff',
          emsmdb: 'ffeeddccbbaa00998877665544332211',
          flags: 0x2b,
          host: 'mail.contoso.com',
          auth: 1,
          extra: {
            '001f6602': unicode('EXCH-北京01'),
            '001f6607': unicode('zhang.wei'),
            '00036604': bin('02000000'),
          },
        },
      ]);
    },
  },
];

/** Writes each sample as registry.reg (UTF-16LE, like reg export) and machine.json. */
export function writeFidelitySamples(outDir: string): void {
  writeSampleMachines(outDir, FIDELITY_SAMPLES);
}
