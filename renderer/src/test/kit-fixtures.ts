import type { ChangePlan, CollectedPcInfo, KitLogEntry, MadeKit } from '../contract';

/** The XP PC of assets/collected, as the service describes it once its folder is open. */
export const COLLECTED_XP: CollectedPcInfo = {
  computer: 'XP-ACCT-07',
  account: 'jsmith',
  domain: 'CONTOSO',
  collectedAt: '2026-12-01T14:05:09',
  collectedAtText: 'Tue 12/01/2026 14:05:09.12',
  windowsVer: 'Microsoft Windows XP [Version 5.1.2600]',
  folder: '/uploads/upload-1',
  server: false,
  missing: [],
  canReturn: true,
};

/** An Exchange 2003 front-end collected with `collect.cmd /server`. */
export const COLLECTED_SERVER: CollectedPcInfo = {
  ...COLLECTED_XP,
  computer: 'EXFE01',
  account: 'admin',
  windowsVer: 'Microsoft Windows [Version 5.2.3790]',
  server: true,
};

/** What 'kit:make' answers for a plan on a collected PC. */
export function madeKitOf(plan: ChangePlan, pc: CollectedPcInfo, n = 1): MadeKit {
  const id = `${pc.computer}-20261202-10000${n}`;
  const user = plan.changes.some((c) => c.kind === 'roh-auth-scheme');
  const machine = plan.changes.some((c) => c.elevated);
  return {
    id,
    computer: pc.computer,
    account: `${pc.domain}\\${pc.account}`,
    folder: `/state/kits/${id}`,
    zipName: `fix-kit-${id}.zip`,
    plan,
    parts: { user, machine },
    restartIis: plan.changes.some((c) => c.kind === 'back-connection-host-names'),
    files: [
      'fix.cmd',
      'undo.cmd',
      ...(user ? ['fix-user.reg'] : []),
      ...(machine ? ['fix-machine.reg'] : []),
      'steps.html',
      'kit.json',
    ],
  };
}

/** The kit log line of a kit. */
export function logEntryOf(kit: MadeKit): KitLogEntry {
  return {
    id: kit.id,
    createdAt: '2026-12-02T10:00:00.000Z',
    computer: kit.computer,
    account: kit.account,
    collectedAt: '2026-12-01T14:05:09',
    fixes: kit.plan.fixes,
    changes: kit.plan.changes.map((c) => ({ path: c.path, name: c.name })),
    folder: kit.folder,
  };
}
