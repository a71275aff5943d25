// Month and period phrases ("tháng 9/2021", "quý III", "9 tháng đầu năm", "năm 2022"), matched on
// folded text whose offsets equal the original's.
import { removeDiacritics } from './normalize.ts';
import { formatMonth, isValidYear, toYear } from './calendar.ts';
import { findDates, isAsciiAt } from './dates.ts';
import { ENGLISH_MONTH_PATTERN as ENGLISH_MONTH, ENGLISH_MONTHS } from './months.ts';
import { foldForMatching, matchFolded } from './folded-match.ts';
import { parseRoman, readNumberWords } from './number-words.ts';
import { rememberRecent } from './recent.ts';

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
// "tháng 9/2022", "tháng 9 năm 2022", and as people type it, "tháng 9 2022" (a bare number only
// when it reads as a year: "tháng 9 1500 hộ" stays a month and a count).
const YEAR_AFTER = String.raw`(?:(?:\s*[/.-]\s*|\s+nam\s+|\s+(?=(?:19|20)\d\d\b))(?<y>\d{4}))?`;
const PERIOD_PATTERNS = {
  months: new RegExp(
    String.raw`\b(?<n>\d{1,2}|${NUMBER_WORD})\s+thang\s+(?<side>dau|cuoi)\s+nam(?:\s+(?<y>\d{4}))?\b`,
    'g',
  ),
  partOfYear: new RegExp(String.raw`\b(?:(?:nhung|cac)\s+thang\s+)?(?<side>dau|cuoi)\s+nam(?:\s+(?<y>\d{4}))?\b`, 'g'),
  quarter: new RegExp(String.raw`\bquy\s+(?<q>iv|i{1,3}|[1-4])${YEAR_AFTER}\b`, 'g'),
  quarterShort: new RegExp(String.raw`\bq(?<q>[1-4])(?:\s*[/-]?\s*(?<y>\d{4}))?\b`, 'g'),
  month: new RegExp(String.raw`(?<!\d\s{0,3})\bthang\s+(?<m>\d{1,2})${YEAR_AFTER}\b(?![/.-]\d)`, 'g'),
  monthShort: new RegExp(String.raw`\bt(?<m>\d{1,2})${YEAR_AFTER}\b(?![/.-]\d)`, 'g'),
  monthEnglish: new RegExp(String.raw`\b(?<en>${ENGLISH_MONTH})\b\.?(?:,?\s+(?<y>\d{4})\b)?`, 'g'),
  year: /\b(?:nam|in|year)\s+(?<y>\d{4})\b/g,
};

/**
 * Every month and period phrase in `text`, in order: "tháng 9 năm 2021", "tháng 10-2015", "t9/2021",
 * "September 2021", "quý III", "Q3 2022", "6 tháng đầu năm", "cuối năm", "năm 2022", "in 2022".
 * Days dates are not periods: the "tháng 01 năm 2024" of "ngày 25 tháng 01 năm 2024" is left out.
 */
// Nouns and verbs of what is planned for a year ("dự toán", "kế hoạch", "chương trình công tác",
// "phấn đấu"): a year after them is what the plan is for, decided at a session of the year before
// as often as of its own. Folded, without diacritics.
const PLANNED_FOR_BEFORE =
  /\b(?:du toan|ke hoach|chuong trinh|chi tieu|muc tieu|phan dau|tang truong|phuong huong|plan|target|targets)(?:\s+\S+){0,3}\s*$/;

/** Whether the year mentioned at `start` of `text` is one a plan or target is for ("dự toán năm 2024"). */
export function isPlannedYear(text: string, start: number): boolean {
  return PLANNED_FOR_BEFORE.test(removeDiacritics(text.slice(Math.max(0, start - 40), start)).toLowerCase());
}

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
