import { describe, expect, it } from 'vitest';
import { sampleReport } from '../test/sample-reports';
import { leftoverProfiles, storeKey, usedProfiles } from './profile-use';

describe('profiles the installed Outlook uses', () => {
  it('sets the old Windows Messaging Subsystem profile of a Click-to-Run PC apart', () => {
    const r = sampleReport('win10-m365-c2r-leftover-wms');
    expect(leftoverProfiles(r).map((p) => [p.name, p.store])).toEqual([['Outlook', 'wms']]);
    expect(usedProfiles(r).map((p) => [p.name, p.store, p.isDefault])).toEqual([['Outlook', '16.0', true]]);
  });

  it('keeps every profile when no Outlook install was found', () => {
    const r = sampleReport('xp-outlook2003-hkcu-only');
    expect(r.profiles.map((p) => p.status)).toEqual(['unknown']);
    expect(leftoverProfiles(r)).toEqual([]);
    expect(usedProfiles(r)).toHaveLength(1);
  });

  it('turns a profile store into an i18n key part', () => {
    expect(['wms', '15.0', '16.0'].map((s) => storeKey(s as 'wms'))).toEqual(['wms', 'o15', 'o16']);
  });
});
