// Generates the sample collected folders in assets/collected/ (what collect.cmd writes on a
// PC the app cannot run on), for the demo and the "Open a collected PC" e2e. Each comes from
// a sample machine in assets/machines/: its registry goes through the same request list and
// file names as collect.cmd (writeSimulatedCollection); the .reg exports are byte for byte
// what reg export writes (the Wine suite compares the two), the CurrentVersion listing has
// the layout of Windows 7+ reg query, facts.txt is UTF-16LE as cmd /u writes it, and the
// server sample has the adsutil.vbs and eventquery.vbs output of a Windows Server 2003.
// Run: node scripts/run-ts.mjs scripts/samples/make-collected-samples.ts
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { collectScriptOptions } from '../../electron/adapters/collected/collect-options';
import {
  writeSimulatedCollection,
  type SimulatedCollectionFacts,
} from '../../electron/adapters/collected/simulated-collection';
import { SimulatedMachine } from '../../electron/adapters/simulated/simulated-machine';

const MACHINES = join(__dirname, '..', '..', 'assets', 'machines');
const OUT = join(__dirname, '..', '..', 'assets', 'collected');

interface Sample {
  readonly folder: string;
  readonly machine: string;
  readonly facts: SimulatedCollectionFacts;
  readonly server?: boolean;
}

const SAMPLES: readonly Sample[] = [
  {
    folder: 'XP-ACCT-07-12012026-140509',
    machine: 'xp-outlook2003-basic',
    facts: {
      computer: 'XP-ACCT-07',
      account: 'jsmith',
      domain: 'CONTOSO',
      date: 'Tue 12/01/2026',
      time: '14:05:09.12',
      shortDate: 'M/d/yyyy',
      windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
      outlook: 'closed',
      admin: false,
    },
  },
  {
    folder: 'EXFE01-12012026-091500',
    machine: 'exchange2003-frontend-events',
    server: true,
    facts: {
      computer: 'EXFE01',
      account: 'Administrator',
      domain: 'CONTOSO',
      date: 'Tue 12/01/2026',
      time: ' 9:15:00.40',
      shortDate: 'M/d/yyyy',
      windowsVer: 'Microsoft Windows [Version 5.2.3790]',
      outlook: 'closed',
      admin: true,
    },
  },
];

for (const s of SAMPLES) {
  const machine = SimulatedMachine.load({ machine: join(MACHINES, s.machine) });
  const dir = join(OUT, s.folder);
  rmSync(dir, { recursive: true, force: true });
  writeSimulatedCollection(
    machine.tree,
    dir,
    s.facts,
    collectScriptOptions(),
    s.server
      ? {
          adsutil: machine.facts.iis.map((i) => ({ path: i.site, providers: i.providers })),
          events: machine.facts.events,
        }
      : undefined,
  );
  console.log(`${dir} (from ${s.machine})`);
}
