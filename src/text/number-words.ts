// Numbers written as words ("hai mươi mốt") and Roman numerals ("IV"), as official writing uses
// them for session numbers and terms.

const UNITS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
// After "mười"/"mươi" some units change their form: mốt (1), tư (4), lăm (5).
const UNITS_AFTER_TEN: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * Reads a number written in words from folded tokens starting at `at` ("chin" → 9, "muoi hai" → 12,
 * "hai muoi mot" → 21, "hai muoi lam" → 25). Returns the value and how many tokens it used.
 */
export function readNumberWords(tokens: readonly string[], at = 0): { value: number; length: number } | null {
  const first = tokens[at];
  if (first === undefined) return null;
  if (first === 'muoi') {
    const unit = UNITS_AFTER_TEN[tokens[at + 1] ?? ''];
    return unit === undefined ? { value: 10, length: 1 } : { value: 10 + unit, length: 2 };
  }
  const unit = UNITS[first];
  if (unit === undefined) return null;
  if (tokens[at + 1] !== 'muoi' || unit < 2) return { value: unit, length: 1 };
  const last = UNITS_AFTER_TEN[tokens[at + 2] ?? ''];
  return last === undefined ? { value: unit * 10, length: 2 } : { value: unit * 10 + last, length: 3 };
}

const ROMAN = /^(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** "IV" → 4, "xx" → 20; null for anything that is not a well-formed Roman numeral. */
export function parseRoman(s: string): number | null {
  if (!ROMAN.test(s)) return null;
  const digits = [...s.toLowerCase()].map((c) => ROMAN_VALUES[c] ?? 0);
  return digits.reduce((sum, v, i) => sum + (v < (digits[i + 1] ?? 0) ? -v : v), 0);
}
