// Dates of Vietnamese official writing (and of questions typed as chat): days, ranges of days, times.
// Everything is matched on folded text whose offsets equal the original's, so a mention can be
// shown in place and checked against how its keywords are really spelled.
import { formatDate, isValidDay, pad, toYear, type DayDate } from './calendar.ts';
import { ENGLISH_MONTH_PATTERN as ENGLISH_MONTH, ENGLISH_MONTHS } from './months.ts';
import { foldForMatching, keywordsSpelledRight, matchFolded, type FoldedText } from './folded-match.ts';
import { canonicalizeTones } from './normalize.ts';
import { rememberRecent } from './recent.ts';

// ---------------------------------------------------------------------------------------------
// Day dates

export type { DayDate } from './calendar.ts';

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

export function isAsciiAt(t: FoldedText, start: number, end: number): boolean {
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
