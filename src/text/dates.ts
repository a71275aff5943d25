// Date, month and period phrases of Vietnamese official writing (and of questions typed as chat).
// Everything is matched on folded text whose offsets equal the original's, so a mention can be
// shown in place and checked against how its keywords are really spelled.
import { ENGLISH_MONTHS } from './months.ts';
import { foldForMatching, keywordsSpelledRight, matchFolded, type FoldedText } from './folded-match.ts';
import { canonicalizeTones } from './normalize.ts';
import { parseRoman, readNumberWords } from './number-words.ts';
import { rememberRecent } from './recent.ts';

// ---------------------------------------------------------------------------------------------
// Calendar

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

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD". */
export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM". */
export function formatMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

function toYear(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

// ---------------------------------------------------------------------------------------------
// Day dates

/** One calendar day as written; `year` is null when the text leaves it out ("sáng ngày 6/10"). */
export interface DayDate {
  year: number | null;
  month: number;
  day: number;
}

export type PartOfDay = 'sáng' | 'trưa' | 'chiều' | 'tối' | 'đêm';

/** A date phrase found in a text, with offsets into that text. */
export interface DateMention {
  start: number;
  end: number;
  first: DayDate;
  /** The last day when the phrase names several ("ngày 7, 8 và 9-12", "từ ngày 7 đến ngày 9/12"). */
  last: DayDate | null;
  /** "HH:MM" when a time is written next to the date (datelines: "13/10/2021 08:29"). */
  time: string | null;
  partOfDay: PartOfDay | null;
  /** Introduced as a date ("ngày", a weekday, "sáng"), or unmistakably one (a year, "tháng"), rather than standing bare. */
  cued: boolean;
  /** Up to three folded words right before the phrase ("han cuoi truoc", "tu"), to tell meetings from deadlines. */
  before: string;
}

const START = String.raw`(?<![\w.,/-])`;
const END = String.raw`(?![\d%]|[/.-]\d|[/-][a-z])`;

/** The month (and year) after a day: "/3/2022", ".3", "-12", " tháng 01 năm 2024". Group names end in `k`. */
function tail(k: string, separators = '/.-'): string {
  return (
    String.raw`(?:(?<sep${k}>[${separators.replace('-', '\\-')}])(?<m${k}>\d{1,2})` +
    String.raw`(?:\k<sep${k}>(?<y${k}>\d{4}|\d{2})|\s+nam\s+(?<yw${k}>\d{4}))?` +
    String.raw`|\s+thang\s+(?<tm${k}>\d{1,2})(?:(?:\s+nam\s+|\s*[/-]\s*)(?<ty${k}>\d{4}))?)`
  );
}

const TO = String.raw`(?:\s*(?:den|toi)\s+(?:het\s+)?|\s*[-–]\s*)`;
const PATTERNS = {
  iso: new RegExp(
    String.raw`(?<![\w.,/-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[t ](?<hh>\d{2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?<tz>z|[+-]\d{2}:?\d{2})?)?(?![\d])`,
    'g',
  ),
  fromTo: new RegExp(
    String.raw`\btu\s+(?:ngay\s+)?${START}(?<d1>\d{1,2})(?:${tail('a')})?${TO}(?:ngay\s+)?${START}(?<d2>\d{1,2})${tail('b')}${END}`,
    'g',
  ),
  list: new RegExp(
    String.raw`\b(?:ngay|mung|mong)\s+${START}(?<d1>\d{1,2})(?<mid>(?:\s*,\s*\d{1,2})*)\s*,?\s*(?:va|den|toi)\s+(?:ngay\s+)?(?<d2>\d{1,2})${tail('b')}${END}`,
    'g',
  ),
  dash: new RegExp(
    String.raw`\b(?:ngay|mung|mong)\s+${START}(?<d1>\d{1,2})\s*[-–]\s*(?<d2>\d{1,2})${tail('b', '/.')}${END}`,
    'g',
  ),
  single: new RegExp(String.raw`${START}(?<d1>\d{1,2})${tail('b')}${END}`, 'g'),
};

const ENGLISH_MONTH = `(?:${Object.keys(ENGLISH_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const ENGLISH_DAY = new RegExp(
  String.raw`\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon1>${ENGLISH_MONTH})|(?<mon2>${ENGLISH_MONTH})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)\b(?:,?\s+(?<y>\d{4})\b)?`,
  'g',
);

// A bare "9/12" after these words, or before these units, counts things ("đạt 9/12 tiêu chí").
const QUANTITY_BEFORE = new Set([
  'dat',
  'la',
  'co',
  'gom',
  'tren',
  'duoi',
  'khoang',
  'hon',
  'chiem',
  'le',
  'so',
  'bang',
]);
const QUANTITY_AFTER = new RegExp(
  String.raw`^\s*(?:%|ty|trieu|nghin|ngan|dong|nguoi|ho|ha|km|m2|m3|m|tan|ca|xa|phuong|thon|tieu\s+chi|chi\s+tieu|diem|lan|nam|thang|ngay|gio|phut|don\s+vi|truong|phong|ban|co\s+so|du\s+an|cong\s+trinh)\b`,
);
const PART_OF_DAY: Record<string, PartOfDay> = { sang: 'sáng', trua: 'trưa', chieu: 'chiều', toi: 'tối', dem: 'đêm' };

/** Every day-date phrase in `text`, in order of appearance. Numbers that are not dates are left out. */
export const findDates: (text: string) => readonly DateMention[] = rememberRecent(findDatesIn);

function findDatesIn(text: string): DateMention[] {
  // Every date form has digits, and most lines and titles have none: skip folding those.
  if (!/\d/.test(text)) return [];
  const t = foldForMatching(text);
  const found: DateMention[] = [];
  const claimed: Array<[number, number]> = [];
  const free = (s: number, e: number) => claimed.every(([cs, ce]) => e <= cs || s >= ce);
  const add = (
    m: RegExpExecArray,
    first: DayDate,
    last: DayDate | null,
    opts: { cued: boolean; time?: string | null },
  ) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!free(start, end)) return;
    claimed.push([start, end]);
    found.push(
      decorate(t, { start, end, first, last, time: opts.time ?? null, partOfDay: null, cued: opts.cued, before: '' }),
    );
  };

  for (const m of matchFolded(t, PATTERNS.iso)) {
    const g = m.groups ?? {};
    const date = isoLocalDate(Number(g['y']), Number(g['m']), Number(g['d']), g['hh'], g['mm'], g['tz']);
    if (date) add(m, date.day, null, { cued: true, time: date.time });
  }
  for (const m of matchFolded(t, PATTERNS.fromTo)) {
    const g = m.groups ?? {};
    const last = tailDate(g, 'b', Number(g['d2']));
    if (!last) continue;
    const first = g['ma'] || g['tma'] ? tailDate(g, 'a', Number(g['d1'])) : { ...last, day: Number(g['d1']) };
    const range = first && orderedRange(first, last);
    if (range) add(m, range.first, range.last, { cued: true });
  }
  for (const m of matchFolded(t, PATTERNS.list)) {
    const g = m.groups ?? {};
    const last = tailDate(g, 'b', Number(g['d2']));
    if (!last) continue;
    const days = [
      Number(g['d1']),
      ...(g['mid'] ?? '')
        .split(',')
        .filter((s) => s.trim())
        .map(Number),
      last.day,
    ];
    if (!days.every((d, i) => i === 0 || d > (days[i - 1] ?? 0))) continue;
    const range = orderedRange({ ...last, day: Number(g['d1']) }, last);
    if (range) add(m, range.first, range.last, { cued: true });
  }
  for (const m of matchFolded(t, PATTERNS.dash)) {
    const g = m.groups ?? {};
    const last = tailDate(g, 'b', Number(g['d2']));
    const range = last && orderedRange({ ...last, day: Number(g['d1']) }, last);
    if (range) add(m, range.first, range.last, { cued: true });
  }
  for (const m of matchFolded(t, PATTERNS.single)) {
    const g = m.groups ?? {};
    const date = tailDate(g, 'b', Number(g['d1']));
    if (!date) continue;
    const textual = g['tmb'] !== undefined;
    if (date.year === null && !textual && !plausibleBareDayMonth(t, m)) continue;
    add(m, date, null, { cued: textual || date.year !== null });
  }
  for (const m of matchFolded(t, ENGLISH_DAY)) {
    if (!isAsciiAt(t, m.index, m.index + m[0].length)) continue;
    const g = m.groups ?? {};
    const month = ENGLISH_MONTHS[g['mon1'] ?? g['mon2'] ?? ''];
    const year = toYear(g['y']);
    const date = { year, month: month ?? 0, day: Number(g['d1'] ?? g['d2']) };
    if (isValidDay(date.year, date.month, date.day)) add(m, date, null, { cued: true });
  }
  return found
    .filter((mention) => mention.cued || !QUANTITY_BEFORE.has(lastWord(mention.before)))
    .sort((a, b) => a.start - b.start);
}

function isAsciiAt(t: FoldedText, start: number, end: number): boolean {
  return /^[\x00-\x7f]*$/.test(t.original.slice(start, end));
}

function tailDate(g: Record<string, string | undefined>, k: string, day: number): DayDate | null {
  const month = Number(g[`m${k}`] ?? g[`tm${k}`]);
  const year = toYear(g[`y${k}`] ?? g[`yw${k}`] ?? g[`ty${k}`]);
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

/** First and last day of a range, the first taking the last's year (one earlier across New Year). */
function orderedRange(first: DayDate, last: DayDate): { first: DayDate; last: DayDate } | null {
  let year = first.year;
  if (year === null && last.year !== null) year = first.month > last.month ? last.year - 1 : last.year;
  const from = { ...first, year };
  if (!isValidDay(from.year, from.month, from.day)) return null;
  const key = (d: DayDate) => d.month * 100 + d.day;
  const sameYear = from.year === last.year || from.year === null || last.year === null;
  if (sameYear && from.month <= last.month && key(from) >= key(last)) return null;
  return { first: from, last };
}

function isoLocalDate(
  y: number,
  m: number,
  d: number,
  hh?: string,
  mm?: string,
  tz?: string,
): { day: DayDate; time: string | null } | null {
  if (!isValidDay(y, m, d)) return null;
  if (hh === undefined || mm === undefined) return { day: { year: y, month: m, day: d }, time: null };
  if (tz === undefined) return { day: { year: y, month: m, day: d }, time: `${hh}:${mm}` };
  // A timestamp with an offset is an instant: state it in Vietnam time (UTC+7), the reports' own.
  const offset = tz === 'z' ? '+00:00' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz;
  const instant = Date.parse(`${formatDate(y, m, d)}T${hh}:${mm}:00${offset}`);
  if (Number.isNaN(instant)) return null;
  const local = new Date(instant + 7 * 3600_000);
  return {
    day: { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() },
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

function plausibleBareDayMonth(t: FoldedText, m: RegExpExecArray): boolean {
  const after = t.folded.slice(m.index + m[0].length, m.index + m[0].length + 20);
  return !QUANTITY_AFTER.test(after);
}

function lastWord(words: string): string {
  return words.slice(words.lastIndexOf(' ') + 1);
}

/** Widens a mention over the words that introduce it and a time written beside it. */
function decorate(t: FoldedText, mention: DateMention): DateMention {
  let { start, end, cued, time, partOfDay } = mention;
  const backward = (pattern: RegExp): RegExpExecArray | null => {
    const from = Math.max(0, start - 40);
    const m = pattern.exec(t.folded.slice(from, start));
    if (!m || m[0].length === 0) return null;
    const at = from + m.index;
    if (!keywordsSpelledRight(t, at, start)) return null;
    start = at;
    return m;
  };
  if (backward(/\b(?:ngay|mung|mong|hom)[^\S\n]+$/)) cued = true;
  if (backward(/\b(?:thu[^\S\n]+(?:hai|ba|tu|nam|sau|bay)|chu[^\S\n]+nhat)[^\S\n]*,?[^\S\n]*$/)) cued = true;
  const pod = /\b(sang|trua|chieu|toi|dem)[^\S\n]+(?:hom[^\S\n]+(?:nay[^\S\n]+)?)?$/.exec(
    t.folded.slice(Math.max(0, start - 20), start),
  );
  const podAt = pod ? start - pod[0].length : start;
  const podWord = PART_OF_DAY[pod?.[1] ?? ''];
  // "toi" is both tối (evening) and tới (until): only the exact spelling is a part of the day.
  const podWritten = canonicalizeTones(t.original.slice(podAt, podAt + (pod?.[1]?.length ?? 0)).toLowerCase());
  if (pod && podWord && (!t.strict || podWritten === podWord) && keywordsSpelledRight(t, podAt, start)) {
    start = podAt;
    cued = true;
    partOfDay = podWord;
  }
  const timeBefore = /(?:\bluc[^\S\n]+)?\b(\d{1,2})[:h](\d{2})(?::\d{2})?[^\S\n]*,?[^\S\n]*$/.exec(
    t.folded.slice(Math.max(0, start - 20), start),
  );
  if (!time && timeBefore && validTime(timeBefore[1], timeBefore[2])) {
    time = `${pad(Number(timeBefore[1]))}:${timeBefore[2]}`;
    start -= timeBefore[0].length;
  }
  const timeAfter = /^[^\S\n]*(?:[|,-][^\S\n]*)?(?:luc[^\S\n]+)?(\d{1,2})[:h](\d{2})(?::\d{2})?(?![\d:])/.exec(
    t.folded.slice(end, end + 20),
  );
  if (!time && timeAfter && validTime(timeAfter[1], timeAfter[2])) {
    time = `${pad(Number(timeAfter[1]))}:${timeAfter[2]}`;
    end += timeAfter[0].length;
  }
  const before =
    /(?:\p{L}+[^\S\n,:|-]*[,:|-]?[^\S\n]+){0,3}$/u.exec(t.folded.slice(Math.max(0, start - 40), start))?.[0] ?? '';
  return { ...mention, start, end, cued, time, partOfDay, before: before.replace(/[\s,:|-]+/g, ' ').trim() };
}

function validTime(h: string | undefined, m: string | undefined): boolean {
  return Number(h) <= 23 && Number(m) <= 59;
}

/** The first full date (with its year) in `text` as "YYYY-MM-DD": ISO, "ngày 28/3/2022", "21 tháng 4 năm 2022" ... */
export function parseDate(text: string): string | null {
  for (const m of findDates(text)) {
    if (m.first.year !== null) return formatDate(m.first.year, m.first.month, m.first.day);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Months and periods

/** A month, quarter or part of a year ("tháng 9/2021", "quý III", "9 tháng đầu năm", "năm 2022"); `year` is null when left out. */
export type Period = { year: number | null } & (
  | { kind: 'month'; month: number }
  | { kind: 'quarter'; quarter: number }
  /** The first or last `count` months of a year: "9 tháng đầu năm" is January to September, not September. */
  | { kind: 'months'; side: 'start' | 'end'; count: number }
  /** "đầu năm", "cuối năm", "những tháng cuối năm". */
  | { kind: 'partOfYear'; side: 'start' | 'end' }
  | { kind: 'year' }
);

/** A period named in a text, with offsets into it. */
export type PeriodMention = Period & { start: number; end: number };

const NUMBER_WORD = '(?:muoi|mot|hai|ba|bon|nam|sau|bay|tam|chin)(?:\\s+(?:muoi|mot|hai))?';
const YEAR_AFTER = String.raw`(?:(?:\s*[/.-]\s*|\s+nam\s+)(?<y>\d{4}))?`;
const PERIOD_PATTERNS = {
  months: new RegExp(
    String.raw`\b(?<n>\d{1,2}|${NUMBER_WORD})\s+thang\s+(?<side>dau|cuoi)\s+nam(?:\s+(?<y>\d{4}))?\b`,
    'g',
  ),
  partOfYear: new RegExp(String.raw`\b(?:(?:nhung|cac)\s+thang\s+)?(?<side>dau|cuoi)\s+nam(?:\s+(?<y>\d{4}))?\b`, 'g'),
  quarter: new RegExp(String.raw`\bquy\s+(?<q>iv|i{1,3}|[1-4])${YEAR_AFTER}\b`, 'g'),
  quarterShort: new RegExp(String.raw`\bq(?<q>[1-4])(?:\s*[/-]?\s*(?<y>\d{4}))?\b`, 'g'),
  month: new RegExp(String.raw`(?<!\d\s{0,3})\bthang\s+(?<m>\d{1,2})${YEAR_AFTER}\b(?![/.-]\d)`, 'g'),
  monthShort: new RegExp(String.raw`\bt(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?\b(?![/.-]\d)`, 'g'),
  monthEnglish: new RegExp(String.raw`\b(?<en>${ENGLISH_MONTH})\b\.?(?:,?\s+(?<y>\d{4})\b)?`, 'g'),
  year: /\b(?:nam|in|year)\s+(?<y>\d{4})\b/g,
};

/**
 * Every month and period phrase in `text`, in order: "tháng 9 năm 2021", "tháng 10-2015", "t9/2021",
 * "September 2021", "quý III", "Q3 2022", "6 tháng đầu năm", "cuối năm", "năm 2022", "in 2022".
 * Days dates are not periods: the "tháng 01 năm 2024" of "ngày 25 tháng 01 năm 2024" is left out.
 */
export const findPeriods: (text: string) => readonly PeriodMention[] = rememberRecent(findPeriodsIn);

function findPeriodsIn(text: string): PeriodMention[] {
  const t = foldForMatching(text);
  const claimed: Array<[number, number]> = findDates(text).map((d) => [d.start, d.end]);
  const found: PeriodMention[] = [];
  const take = (m: RegExpExecArray, mention: Period) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (!claimed.every(([cs, ce]) => end <= cs || start >= ce)) return;
    if (mention.year !== null && !isValidYear(mention.year)) return;
    claimed.push([start, end]);
    found.push({ ...mention, start, end });
  };
  const yearOf = (m: RegExpExecArray) => toYear(m.groups?.['y']);

  for (const m of matchFolded(t, PERIOD_PATTERNS.months)) {
    const n = m.groups?.['n'] ?? '';
    const count = /^\d/.test(n) ? Number(n) : (readNumberWords(n.split(/\s+/))?.value ?? 0);
    if (count >= 1 && count <= 12)
      take(m, { kind: 'months', side: m.groups?.['side'] === 'dau' ? 'start' : 'end', count, year: yearOf(m) });
  }
  for (const m of matchFolded(t, PERIOD_PATTERNS.partOfYear)) {
    take(m, { kind: 'partOfYear', side: m.groups?.['side'] === 'dau' ? 'start' : 'end', year: yearOf(m) });
  }
  for (const m of matchFolded(t, PERIOD_PATTERNS.quarter)) {
    const q = m.groups?.['q'] ?? '';
    take(m, { kind: 'quarter', quarter: /\d/.test(q) ? Number(q) : (parseRoman(q) ?? 0), year: yearOf(m) });
  }
  for (const m of matchFolded(t, PERIOD_PATTERNS.quarterShort)) {
    if (isAsciiAt(t, m.index, m.index + m[0].length))
      take(m, { kind: 'quarter', quarter: Number(m.groups?.['q']), year: yearOf(m) });
  }
  for (const pattern of [PERIOD_PATTERNS.month, PERIOD_PATTERNS.monthShort]) {
    for (const m of matchFolded(t, pattern)) {
      const month = Number(m.groups?.['m']);
      if (month >= 1 && month <= 12) take(m, { kind: 'month', month, year: yearOf(m) });
    }
  }
  for (const m of matchFolded(t, PERIOD_PATTERNS.monthEnglish)) {
    const word = m.groups?.['en'] ?? '';
    const written = t.original.slice(m.index, m.index + word.length);
    if (!isAsciiAt(t, m.index, m.index + word.length)) continue;
    // "may" is also a Vietnamese word written without marks: only a capital or a year makes it May.
    if (word === 'may' && !/^M/.test(written) && yearOf(m) === null) continue;
    take(m, { kind: 'month', month: ENGLISH_MONTHS[word] ?? 0, year: yearOf(m) });
  }
  for (const m of matchFolded(t, PERIOD_PATTERNS.year)) take(m, { kind: 'year', year: yearOf(m) });
  return found.sort((a, b) => a.start - b.start);
}

/** A month from one phrase: "2021-09", "09/2021", "tháng 9 năm 2021", "September 2021". Null without a year or when invalid. */
export function parseMonth(text: string): string | null {
  const isoMonth = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (isoMonth) return validMonth(Number(isoMonth[1]), Number(isoMonth[2]));
  const monthYear = /^\s*(\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (monthYear) return validMonth(Number(monthYear[2]), Number(monthYear[1]));
  const month = findPeriods(text).find((p) => p.kind === 'month');
  return month?.kind === 'month' && month.year !== null ? formatMonth(month.year, month.month) : null;
}

function validMonth(year: number, month: number): string | null {
  return isValidYear(year) && Number.isInteger(month) && month >= 1 && month <= 12 ? formatMonth(year, month) : null;
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
