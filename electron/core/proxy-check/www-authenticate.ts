/**
 * The authentication schemes a server offers, from its `WWW-Authenticate` headers (RFC 9110
 * §11.6.1): each header holds one or more challenges separated by commas; a challenge starts
 * with its scheme token, and parameters (`realm="x"`) or token68 data follow it.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

export function authSchemes(headerValues: readonly string[]): string[] {
  const found: string[] = [];
  for (const value of headerValues) {
    for (const part of splitOutsideQuotes(value)) {
      const text = part.trim();
      const token = TOKEN.exec(text)?.[0];
      if (!token) continue;
      const rest = text.slice(token.length);
      // `name=value` is a parameter of the previous challenge, not a new scheme.
      if (/^\s*=/.test(rest)) continue;
      const scheme = token.toLowerCase();
      if (!found.includes(scheme)) found.push(scheme);
    }
  }
  return found;
}

function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
