// The calendar rules the date and period readers share: which days and years are valid, how
// dates are written, and the year of a date written without one.

// ---------------------------------------------------------------------------------------------
// Calendar

/** One calendar day as written; `year` is null when the text leaves it out ("sáng ngày 6/10"). */
export interface DayDate {
  year: number | null;
  month: number;
  day: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar day; a missing year allows 29 February. */
export function isValidDay(year: number | null, month: number, day: number): boolean {
  if (year !== null && (year < MIN_YEAR || year > MAX_YEAR || !Number.isInteger(year))) return false;
  return (
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD". */
export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM". */
export function formatMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

export function toYear(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

// ---------------------------------------------------------------------------------------------
// Year inference

/** What a document says elsewhere that fixes the year of a date written without one. */
export interface YearContext {
  /** The date cannot be later than this ("YYYY-MM-DD"): the published date for a meeting, the meeting for its session month. */
  notAfter?: string | null;
  /** The date cannot be earlier than this month ("YYYY-MM" or a date): the session month for its meeting. */
  notBefore?: string | null;
  /**
   * Years the document states elsewhere, the most telling first. Read only when the bounds cannot
   * settle the year, so it may be a getter that works them out on demand.
   */
  years?: readonly number[];
}

/**
 * The year of day `day` of `month` (or of the month itself when `day` is null): the year that
 * keeps it within the context's bounds and nearest to them ("sáng ngày 6/10" published 13/10/2021
 * → 2021; "ngày 5/1" for a December 2021 session → 2022), else the first stated year.
 */
export function inferYear(month: number, day: number | null, context: YearContext): number | null {
  const notAfter = context.notAfter ? dayNumber(context.notAfter) : null;
  const notBefore = context.notBefore ? dayNumber(context.notBefore.slice(0, 7) + '-01') : null;
  const anchors = [context.notAfter, context.notBefore]
    .filter((s): s is string => !!s)
    .map((s) => Number(s.slice(0, 4)));
  const nearAnchors = anchors.flatMap((y) => [y - 1, y, y + 1]);
  // With a bound, the nearest year that fits is the bound's own or one beside it, so stated years
  // cannot change the answer — unless the day is 29 February, which those years may lack, or they
  // fall outside the calendar.
  const settled = anchors.length > 0 && !(month === 2 && day === 29) && nearAnchors.every(isValidYear);
  const years = settled ? [] : (context.years ?? []);
  const candidates = [...new Set([...nearAnchors, ...years])].filter(
    (y) => isValidYear(y) && isValidDay(y, month, day ?? 1),
  );
  const at = (y: number) => dayNumber(formatDate(y, month, day ?? 1));
  const within = (y: number, useAfter: boolean, useBefore: boolean) =>
    (!useAfter || notAfter === null || at(y) <= notAfter) && (!useBefore || notBefore === null || at(y) >= notBefore);
  const distance = (y: number) =>
    notAfter !== null ? notAfter - at(y) : notBefore !== null ? at(y) - notBefore : years.indexOf(y);
  for (const [useAfter, useBefore] of [
    [true, true],
    [true, false],
    [false, true],
  ] as const) {
    if (notAfter === null && notBefore === null) break;
    const fitting = candidates.filter((y) => within(y, useAfter, useBefore));
    if (fitting.length > 0)
      return fitting.reduce((best, y) => (Math.abs(distance(y)) < Math.abs(distance(best)) ? y : best));
  }
  return years.find((y) => candidates.includes(y)) ?? null;
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** "YYYY-MM-DD" for a day whose year may need inferring; null when the context cannot tell. */
export function resolveDay(date: DayDate, context: YearContext): string | null {
  const year = date.year ?? inferYear(date.month, date.day, context);
  return year === null ? null : formatDate(year, date.month, date.day);
}

/** "2021-10-06" → "6/10/2021", the way Vietnamese readers write dates. */
export function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)}/${Number(month)}/${year}`;
}

/** "2021-09" → "9/2021". */
export function vietnameseMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${Number(month)}/${year}`;
}
