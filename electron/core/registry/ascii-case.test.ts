import { describe, expect, it } from 'vitest';
import { asciiLower, equalsIgnoreAsciiCase } from './ascii-case';

describe('ASCII case folding', () => {
  it('folds A-Z only', () => {
    expect(asciiLower('HKEY_Local_MACHINE\\Lsa')).toBe('hkey_local_machine\\lsa');
    expect(asciiLower('ÜNÏCØDÉ 张三 \u212A\u0130')).toBe('ÜnÏcØdÉ 张三 \u212A\u0130');
    expect(equalsIgnoreAsciiCase('BackConnectionHostNames', 'backconnectionhostnames')).toBe(true);
  });

  it.each([
    ['Kelvin sign U+212A for k', 'BacKConnectionHostNames'.replace('K', '\u212A'), 'backconnectionhostnames'],
    ['dotted capital I U+0130 for i', 'LmCompat\u0130bilityLevel', 'lmcompatibilitylevel'],
    ['dotless i U+0131 for i', 'LmCompat\u0131bilityLevel', 'lmcompatibilitylevel'],
    ['long s U+017F for s', 'BackConnectionHo\u017FtNames', 'backconnectionhostnames'],
  ])('does not match a %s', (_label, lookalike, plain) => {
    expect(equalsIgnoreAsciiCase(lookalike, plain)).toBe(false);
    expect(asciiLower(lookalike)).not.toBe(plain);
    // What JavaScript's own folding would have done for some of them:
    expect(lookalike.toLowerCase() === plain || lookalike.toUpperCase() === plain.toUpperCase()).toBe(
      !lookalike.includes('\u0130'),
    );
  });
});
