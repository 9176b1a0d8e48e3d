import { describe, expect, it } from 'vitest';
import { isComputerName } from './computer-name';

describe('isComputerName', () => {
  it('takes NetBIOS names: letters, digits and -, 1 to 15 characters, not starting with -', () => {
    for (const ok of ['EXCH01', 'a', 'SRV-2003-FE', 'ABCDEFGHIJKLMNO'])
      expect(isComputerName(ok), ok).toBe(true);
  });

  it('refuses anything a command line could misread', () => {
    for (const bad of [
      '',
      '-EXCH',
      'ABCDEFGHIJKLMNOP',
      'EXCH01 & calc',
      'exch.contoso.com',
      'EXCH_01',
      'ÉXCH',
    ])
      expect(isComputerName(bad), bad).toBe(false);
  });
});
