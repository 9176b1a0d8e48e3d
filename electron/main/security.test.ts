import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './security';

describe('IPC sender check', () => {
  it('trusts only our own app:// origin', () => {
    expect(isTrustedSender('app://wizard/index.html')).toBe(true);
    expect(isTrustedSender('app://wizard/')).toBe(true);
  });

  it('refuses other origins, look-alikes, files and missing frames', () => {
    for (const url of [
      undefined,
      '',
      'https://wizard/index.html',
      'app://wizard.evil.example/',
      'app://evil/wizard',
      'file:///C:/app/index.html',
      'http://127.0.0.1:8080/',
      'not a url',
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });
});
