import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { FIX_IDS } from '../core/diagnosis/finding';
import { LOCALES } from '../core/locale';
import { CHANNELS, type Channel, type ChannelRequests } from './channels';
import { fixIdSchema, parseRequest, requestSchemas } from './ipc-contract';

type SchemaArgs = { [C in Channel]: z.infer<(typeof requestSchemas)[C]> };

describe('the zod schemas and the zod-free channel list say the same thing', () => {
  it('every schema accepts exactly its channel’s declared arguments (checked by the compiler)', () => {
    // `satisfies` in ipc-contract.ts checks schema ⊆ type; this checks the two are equal.
    expectTypeOf<SchemaArgs>().toEqualTypeOf<ChannelRequests>();
  });

  it('one schema per channel, nothing more', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it('fix ids and locales come from the core’s lists', () => {
    expect(fixIdSchema.options).toEqual([...FIX_IDS]);
    expect(parseRequest('report:save', [{ locale: LOCALES[1] }])).toEqual([{ locale: 'zh-CN' }]);
    expect(() => parseRequest('report:save', [{ locale: 'de' }])).toThrow();
    expect(() => parseRequest('fix:plan', [{ fixes: ['backconnection-host'] }])).toThrow();
  });

  it('the names the guides put into commands are checked with the core’s own rules', () => {
    expect(
      parseRequest('server:guides', [{ locale: 'en', server: 'EXCH01', fqdn: 'smtp.contoso.com' }]),
    ).toEqual([{ locale: 'en', server: 'EXCH01', fqdn: 'smtp.contoso.com' }]);
    expect(() => parseRequest('server:guides', [{ locale: 'en', server: 'EXCH01 & calc' }])).toThrow(
      'not a computer name',
    );
    expect(() => parseRequest('server:add-backconnection', [{ host: 'a..b' }])).toThrow(
      'not a DNS host name',
    );
  });

  it('the saved sign-ins picked for removal are checked with the core’s own target rules', () => {
    const pick = { targetName: 'MicrosoftOffice16_Data:SSPI:jsmith@contoso.com', type: 1 };
    expect(parseRequest('fix:plan', [{ fixes: ['remove-saved-credentials'], credentials: [pick] }])).toEqual([
      { fixes: ['remove-saved-credentials'], credentials: [pick] },
    ]);
    for (const targetName of ['*', '-all', 'a"b', 'line\nbreak', ' lead'])
      expect(() =>
        parseRequest('fix:apply', [
          {
            fixes: ['remove-saved-credentials'],
            credentials: [{ targetName, type: 1 }],
            fingerprint: 'a'.repeat(64),
          },
        ]),
      ).toThrow();
    expect(() =>
      parseRequest('fix:plan', [
        { fixes: ['remove-saved-credentials'], credentials: [{ ...pick, type: 99 }] },
      ]),
    ).toThrow('not a saved sign-in that may be removed');
    expect(() =>
      parseRequest('fix:plan', [
        { fixes: ['remove-saved-credentials'], credentials: [{ ...pick, secret: 'x' }] },
      ]),
    ).toThrow();
    expect(() =>
      parseRequest('fix:plan', [{ fixes: ['remove-saved-credentials'], credentials: [] }]),
    ).toThrow();
  });
});
