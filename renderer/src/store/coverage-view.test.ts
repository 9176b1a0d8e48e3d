import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-reports';
import { xpReport } from '../test/fixtures';
import { completionCommands, DIAGNOSE_JOINED, isIncomplete, verdictOf } from './coverage-view';

describe('verdict of a scan (the CLI exit code logic)', () => {
  it('findings win over an incomplete export', () => {
    const r = sampleReport('xp-outlook2003-hkcu-only');
    expect(isIncomplete(r)).toBe(true);
    expect(verdictOf(r)).toBe('findings');
  });

  it('nothing found in an incomplete export is not "nothing to fix"', () => {
    const r = sampleReport('xp-lsa-only-export');
    expect(r.findings).toEqual([]);
    expect(verdictOf(r)).toBe('incomplete');
  });

  it('only a complete diagnosis without findings is clean', () => {
    expect(verdictOf(sampleReport('win10-m365-c2r-leftover-wms'))).toBe('clean');
    // A report from before coverage existed counts as complete, as before.
    expect(verdictOf(xpReport('fixed'))).toBe('clean');
    const clean = sampleReport('win10-m365-c2r-leftover-wms');
    const noInstall = { ...clean, coverage: { ...clean.coverage!, installUnknown: true, complete: false } };
    expect(verdictOf(noInstall)).toBe('incomplete');
  });
});

describe('completion commands', () => {
  it('splits the export lines, the line that diagnoses the joined file and the policy look-up', () => {
    const { exports, diagnose, policy } = completionCommands(sampleReport('xp-lsa-only-export').coverage!);
    expect(exports[0]).toBe(
      'reg export "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles" outlook-wms.reg /y',
    );
    expect(exports.at(-1)).toMatch(/^copy \/b export\.reg\+outlook-wms\.reg\+.*export-complete\.reg$/);
    expect(diagnose).toBe(DIAGNOSE_JOINED);
    expect(exports.some((l) => l.startsWith('gpresult'))).toBe(false);
    expect(policy).toBe('gpresult /scope computer /z');
  });

  it('has no export lines when only the policy is unknown', () => {
    const { exports, diagnose, policy } = completionCommands(
      sampleReport('xp-outlook2003-hku-export').coverage!,
    );
    expect(exports).toEqual([]);
    expect(diagnose).toBeNull();
    expect(policy).toBe('gpresult /scope computer /z');
  });
});
