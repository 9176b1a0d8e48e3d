/**
 * Ordinal ASCII case folding for registry names: only A-Z and a-z are folded. JavaScript's
 * toLowerCase also maps the Kelvin sign (U+212A) to "k" and the dotted capital I (U+0130) to
 * "i̇", which Windows' registry does not treat as the same letters: a name spelled with
 * them is a different value, and must not match an allowed one.
 */
export function asciiLower(text: string): string {
  // Most names are compared many times and are often already lower case: skip the copy then.
  return HAS_UPPER.test(text) ? text.replace(UPPER_RUNS, (s) => s.toLowerCase()) : text;
}

const HAS_UPPER = /[A-Z]/;
const UPPER_RUNS = /[A-Z]+/g;

/** Equal when only the case of ASCII letters differs. */
export function equalsIgnoreAsciiCase(a: string, b: string): boolean {
  return a.length === b.length && asciiLower(a) === asciiLower(b);
}
