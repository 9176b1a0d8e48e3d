// Generates the sample simulated machines in assets/machines/ (UTF-16LE .reg files, the way
// `reg export` writes them, plus machine.json facts). Run: node scripts/run-ts.mjs scripts/samples/make-sample-machines.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGEDIT5_FORMAT, regFileFromTree, writeRegFile } from '../../electron/core/registry/reg-file';
import { RegTree } from '../../electron/core/registry/reg-tree';
import {
  WMS,
  bin,
  dword,
  long,
  lsa,
  mapi,
  multi,
  outlook2003Install,
  put,
  string8,
  sz,
  uid,
  unicode,
  windows10,
  windowsXp,
} from './sample-builder';
import type { RegValue } from '../../electron/core/registry/reg-value';
import { writeCauseSamples } from './cause-samples';
import { writeFidelitySamples } from './fidelity-samples';

const GLOBAL = '13dbb0c8aa05101a9bb000aa002fc45a';
const ACCOUNTS = '9375CFF0413111d3B88A00104B2A6676';

interface Roh {
  flags?: number;
  server?: RegValue;
  principal?: string;
  auth?: RegValue;
}

function outlook2003Profile(tree: RegTree, name: string, roh: Roh): void {
  const p = `${WMS}\\${name}`;
  const values: Record<string, RegValue> = {
    '00036600': long(0x501),
    '00036601': long(0x1184),
    '00036604': long(2),
    '00036605': long(3),
    '00036619': long(10),
    '001e6602': string8('EXCH01'),
    '001e6603': string8('/o=Contoso/ou=First Administrative Group/cn=Recipients/cn=jsmith'),
    '001e6607': string8('jsmith'),
    '001e6608': string8('EXCH01'),
    '001e6612': string8('/o=Contoso/ou=First Administrative Group/cn=Configuration/cn=Servers/cn=EXCH01'),
    '101e6613': mapi({
      kind: 'mv-string8',
      value: ['ncalrpc:EXCH01', 'ncacn_ip_tcp:exch01.contoso.local', 'ncacn_np:EXCH01', 'netbios:EXCH01'],
    }),
    '001f6610': unicode(
      'C:\\Documents and Settings\\jsmith\\Local Settings\\Application Data\\Microsoft\\Outlook\\outlook.ost',
    ),
  };
  if (roh.flags !== undefined) values['00036623'] = long(roh.flags);
  if (roh.server) values['001f6622'] = roh.server;
  if (roh.principal) values['001f6625'] = unicode(roh.principal);
  if (roh.auth) values['00036627'] = roh.auth;
  put(tree, `${p}\\${GLOBAL}`, values);
  put(tree, `${p}\\0a0d020000000000c000000000000046`, {
    '001e0324': string8('Outlook'),
    '000b0335': bin('0100'),
  });
  // Address book section: 0x66xx here means something else and must not be read as RPC over HTTP.
  put(tree, `${p}\\dca740c8c042101ab4b908002b2fe182`, {
    '001f662a': unicode('exch01.contoso.local'),
    '00036623': bin('00000000'),
    '000b6622': bin('0100'),
  });
  put(tree, `${p}\\8503020000000000c000000000000046`, {
    '01023d01': bin('5d2d0a1c7a3bf94f9d35a6a3b1d3e1f0'),
  });
}

function xpBase(tree: RegTree, lm?: number): void {
  windowsXp(tree);
  outlook2003Install(tree);
  lsa(tree, lm === undefined ? {} : { LmCompatibilityLevel: dword(lm) });
  put(tree, WMS, { DefaultProfile: sz('Outlook') });
}

const BASIC: Roh = {
  flags: 0x23,
  server: unicode('mail.contoso.com'),
  principal: 'msstd:mail.contoso.com',
  auth: long(1),
};

interface Sample {
  id: string;
  title: string;
  facts?: Record<string, unknown>;
  build: (t: RegTree) => void;
  /** HKEY_CURRENT_USER keys are built under HKEY_USERS\<user> (another user's hive, exported by an administrator). */
  user?: string;
  /** registry.reg is one `reg export` of each of these keys, joined as `copy /b a.reg+b.reg` joins them. */
  exports?: string[];
}

/** A local user's SID, shaped like those in public HKEY_USERS exports (S-1-5-21-<three numbers>-<RID>). */
const USER_SID = 'S-1-5-21-1177238915-682003330-725345543-1004';

const samples: Sample[] = [
  {
    id: 'xp-outlook2003-basic',
    title: 'Windows XP + Outlook 2003: Basic proxy sign-in, LAN Manager level not set',
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', BASIC);
    },
  },
  {
    id: 'xp-outlook2003-fixed',
    title: 'Windows XP + Outlook 2003: already fixed (NTLM, level 3)',
    build: (t) => {
      xpBase(t, 3);
      outlook2003Profile(t, 'Outlook', { ...BASIC, auth: long(2) });
    },
  },
  {
    id: 'xp-outlook2003-no-rpc',
    title: 'Windows XP + Outlook 2003: Exchange profile without RPC over HTTP',
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', { flags: 0 });
    },
  },
  {
    id: 'xp-outlook2003-ntlm-lm0',
    title: 'Windows XP + Outlook 2003: NTLM sign-in, LAN Manager level 0',
    build: (t) => {
      xpBase(t, 0);
      outlook2003Profile(t, 'Outlook', { ...BASIC, auth: long(2) });
    },
  },
  {
    id: 'xp-outlook2003-outlook-running',
    title: 'Windows XP + Outlook 2003: Basic sign-in while Outlook is open',
    facts: { outlookRunning: true },
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', BASIC);
    },
  },
  {
    id: 'xp-outlook2003-uac-declined',
    title: 'Windows XP + Outlook 2003: the administrator prompt will be declined',
    facts: { uacApproved: false },
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', BASIC);
    },
  },
  {
    id: 'xp-outlook2003-lm-policy',
    title: 'Windows XP + Outlook 2003: LAN Manager level set by domain policy',
    facts: { lmPolicy: { managed: true, level: 1 } },
    build: (t) => {
      xpBase(t, 1);
      outlook2003Profile(t, 'Outlook', { ...BASIC, auth: long(2) });
    },
  },
  {
    id: 'xp-outlook2003-corrupt',
    title: 'Windows XP + Outlook 2003: profile with damaged values',
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', {
        flags: 0x23,
        // Odd length, final byte missing (reference T14).
        server: bin('6d00610069006c002e0063006f006e0074006f0073006f002e0063006f006d0000'),
        principal: 'msstd:mail.contoso.com',
        auth: bin('010000'),
      });
    },
  },
  {
    // What a technician gets exporting another user's Outlook profiles from an administrator
    // session: `reg export "HKU\<SID>\Software\Microsoft\Windows NT\CurrentVersion\Windows
    // Messaging Subsystem\Profiles"` plus the LSA, Office and Windows version keys, joined
    // with `copy /b` (a byte order mark and header line at the start of each part). Shape from
    // public exports of HKEY_USERS\S-1-5-21-… keys, which start at the exported key with no
    // ancestor lines (e.g. the "VisualGDB Notes for Toolchain and Registry Settings" post in
    // gojimmypi/gojimmypi.github.io, and the 2020 "Reversing Pulse Secure Client Credentials
    // Store" post), and from scripts that build one file out of several `reg export`s
    // (victorsamun/dg win7/export.cmd). HKEY_CURRENT_USER itself is not in the file.
    id: 'xp-outlook2003-hku-export',
    title:
      "Windows XP + Outlook 2003: another user's profiles exported by an administrator (HKEY_USERS\\<SID>), joined with the LSA, Office and Windows exports",
    user: USER_SID,
    // Registry exports only, from an administrator's desk: nobody asked this PC for its policy,
    // so its machine.json says nothing about one and the product must not assume there is none.
    facts: { lmPolicy: undefined },
    exports: [
      `HKEY_USERS\\${USER_SID}\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles`,
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
    ],
    build: (t) => {
      xpBase(t);
      outlook2003Profile(t, 'Outlook', BASIC);
    },
  },
  {
    // For the server troubleshooter: an Exchange 2003 front-end on Windows Server 2003 SP2 whose
    // Application log holds EXPROX 1000 (falls back to NTLM) and MSExchange OWA 71 events.
    id: 'exchange2003-frontend-events',
    title: 'Windows Server 2003 + Exchange 2003 front-end: EXPROX 1000 and OWA 71 in the event log',
    facts: {
      events: [
        {
          source: 'EXPROX',
          id: 1000,
          time: '2026-01-12T08:14:03.000Z',
          message:
            'The front-end server authenticated to back-end server EXCH01.contoso.local using NTLM because Kerberos authentication failed.',
        },
        {
          source: 'EXPROX',
          id: 1000,
          time: '2026-01-12T09:02:41.000Z',
          message:
            'The front-end server authenticated to back-end server EXCH02.contoso.local using NTLM because Kerberos authentication failed.',
        },
        {
          source: 'MSExchange OWA',
          id: 71,
          time: '2026-01-12T09:30:12.000Z',
          message:
            'Outlook Web Access could not proxy the request to https://10.0.0.21/owa: the target Client Access server rejected the authentication (401).',
        },
      ],
      // IIS 6 offers only NTLM on the Exchange directory: why Kerberos fails (EXPROX 1000).
      iis: [{ site: 'W3SVC/1/ROOT/Exchange', providers: ['NTLM'] }],
    },
    build: (t) => {
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', {
        CurrentBuildNumber: sz('3790'),
        CurrentVersion: sz('5.2'),
        CSDVersion: sz('Service Pack 2'),
        ProductName: sz('Microsoft Windows Server 2003'),
        RegisteredOrganization: sz('Contoso'),
        RegisteredOwner: sz('Contoso IT'),
        SystemRoot: sz('C:\\WINDOWS'),
      });
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Exchange\\Setup', {
        MsiProductMajor: dword(6),
        MsiProductMinor: dword(5),
        MsiBuildMajor: dword(7638),
        Services: sz('C:\\Program Files\\Exchsrvr'),
      });
      lsa(t, { LmCompatibilityLevel: dword(2) });
      // An earlier administrator already added one name (KB896861); the fix merges into it.
      put(t, 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\MSV1_0', {
        BackConnectionHostNames: multi('owa.contoso.com'),
      });
    },
  },
  {
    id: 'win10-outlook2016-two-accounts',
    title: 'Windows 10 + Outlook 2016: two Exchange accounts, one on Basic',
    build: (t) => {
      windows10(t);
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook', {
        Bitness: sz('x86'),
      });
      put(t, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Office\\16.0\\Outlook\\InstallRoot', {
        Path: sz('C:\\Program Files (x86)\\Microsoft Office\\root\\Office16\\'),
      });
      lsa(t);
      const root = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook';
      put(t, root, { DefaultProfile: sz('Outlook') });
      const p = `${root}\\Profiles\\Outlook`;
      const accounts = [
        {
          n: '00000001',
          name: 'jsmith@contoso.com',
          service: '3f6b1c2ad8e54a4fb1e2c0d9a7b65e10',
          emsmdb: 'a345f1e1fd57fc40a98c6265aef8ebbd',
          flags: 0x2b,
          host: 'outlook.contoso.com',
          principal: 'msstd:outlook.contoso.com',
          auth: 1,
          home: 'EXCH16A',
        },
        {
          n: '00000002',
          name: 'helpdesk@fabrikam.com',
          service: '77c0e9b5a1d24c3e8f6a5b4c3d2e1f00',
          emsmdb: 'c1d2e3f4a5b60718293a4b5c6d7e8f90',
          flags: 0x2f,
          host: 'mail.fabrikam.com',
          principal: 'msstd:mail.fabrikam.com',
          auth: 2,
          home: 'FABEX01',
        },
      ];
      for (const a of accounts) {
        put(t, `${p}\\${ACCOUNTS}\\${a.n}`, {
          'Account Name': unicode(a.name),
          'Service Name': unicode('MSEMS'),
          'Service UID': uid(a.service),
          'MAPI provider': dword(5),
        });
        put(t, `${p}\\${a.service}`, {
          '001f3d09': unicode('MSEMS'),
          '01023d15': uid(a.emsmdb),
          '00033e03': long(0),
        });
        put(t, `${p}\\${a.emsmdb}`, {
          '00036601': long(0x1984),
          '00036619': long(10),
          '001e6602': string8(a.home),
          '001f6641': unicode(a.name),
          '00036623': long(a.flags),
          '001f6622': unicode(a.host),
          '001f6625': unicode(a.principal),
          '00036627': long(a.auth),
        });
      }
      put(t, `${p}\\0a0d020000000000c000000000000046`, { '01023d15': uid(accounts[0]!.emsmdb) });
      // A second, POP-only profile with a name full of shell metacharacters and non-ASCII text.
      put(t, `${root}\\Profiles\\Büro "Alt" & <Test> 100% ^!|\`'`, {});
      put(t, `${root}\\Profiles\\Büro "Alt" & <Test> 100% ^!|\`'\\0a0d020000000000c000000000000046`, {
        '001e0324': string8('Büro'),
      });
    },
  },
];

const outDir = process.argv[2] ?? 'assets/machines';
for (const s of samples) {
  const tree = new RegTree();
  if (s.user) tree.link('HKEY_CURRENT_USER', `HKEY_USERS\\${s.user}`);
  s.build(tree);
  const dir = join(outDir, s.id);
  mkdirSync(dir, { recursive: true });
  const parts = (s.exports ?? [undefined]).map((root) =>
    writeRegFile(regFileFromTree(tree, REGEDIT5_FORMAT, root === undefined ? undefined : [root])),
  );
  writeFileSync(join(dir, 'registry.reg'), Buffer.concat(parts));
  writeFileSync(
    join(dir, 'machine.json'),
    // Each of these is a whole PC: it states that no policy sets the LAN Manager level (unless
    // its facts say otherwise; `undefined` leaves the policy out, as JSON has no undefined).
    JSON.stringify({ description: s.title, lmPolicy: { managed: false }, ...s.facts }, null, 2) + '\n',
  );
  console.log(`wrote ${dir}`);
}
writeFidelitySamples(outDir);
writeCauseSamples(outDir);
