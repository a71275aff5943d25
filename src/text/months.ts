// English month names, the one list: dates are read with them, periods labelled and answers dated.

export const ENGLISH_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** English month names and their usual abbreviations ("Sept", "Oct"), lower case, to the month's number. */
export const ENGLISH_MONTHS: Readonly<Record<string, number>> = Object.fromEntries([
  ...ENGLISH_MONTH_NAMES.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].map(
    (short) => [short, ENGLISH_MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(short)) + 1] as const,
  ),
]);

/** Any English month name or abbreviation, lower case, longest first: a regular-expression source. */
export const ENGLISH_MONTH_PATTERN = `(?:${Object.keys(ENGLISH_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
