import type { FailureKind } from '../../core/errors';

/** The CLI contract: scripts and fleet tools depend on these numbers. Keep them stable. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  unreadable: 3,
  elevationDeclined: 4,
  blocked: 5,
  failedRolledBack: 6,
  findings: 10,
  /** diagnose found nothing to fix, but the export does not show every part (coverage). */
  incomplete: 11,
} as const;

export function exitCodeFor(kind: FailureKind): number {
  switch (kind) {
    case 'usage':
      return EXIT.usage;
    case 'unreadable-input':
      return EXIT.unreadable;
    case 'elevation-declined':
      return EXIT.elevationDeclined;
    case 'blocked':
    case 'locked':
    case 'not-allowed':
      return EXIT.blocked;
    case 'apply-failed':
      return EXIT.failedRolledBack;
    default:
      return EXIT.unexpected;
  }
}
