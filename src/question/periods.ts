// Periods: a month or quarter names the SESSION month ("tháng 9" is the September session, even when
// it met in October). Cumulative spans ("9 tháng đầu năm", "6 tháng cuối năm", "từ đầu năm") say
// what a report covers, not when its session sat, so they give no month filter (only their year,
// if named) and stay among the topic terms. "đầu năm" / "cuối năm" on their own name the first /
// last quarter's sessions (months 1-3 / 10-12). A month without a year is "*-MM". Relative times
// ("năm nay", "tháng trước") are counted from the day asked.
import {
  ENGLISH_MONTH_NAMES,
  findDates,
  findPeriods,
  isPlannedYear,
  findRelativePeriods,
  removeDiacritics,
  type Period,
  type PeriodMention,
} from '../text/index.ts';
import { overlaps, type PeriodFilter, type QuestionLanguage, type Span } from './types.ts';

const YEAR = String.raw`((?:19|20)\d{2})`;
const ENGLISH_COUNT: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
export const ENGLISH_ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};
export const ORDINAL_WORD = `(?:${Object.keys(ENGLISH_ORDINAL).join('|')})`;
const OF_YEAR = String.raw`(?:\s+(?:of\s+(?:the\s+year\s+)?|in\s+)?${YEAR}|\s+of\s+the\s+year)?`;

// Forms `findPeriods` does not read: a bare "9/2021", and English spans of a year.
const EXTRA_PERIODS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Period | null]> = [
  [
    new RegExp(String.raw`(?<![\d/.,-])(\d{1,2})\s*[/-]\s*${YEAR}(?![\d/.,-])`, 'g'),
    (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { kind: 'month', month, year: Number(m[2]) } : null;
    },
  ],
  [
    new RegExp(
      String.raw`\b(first|last)\s+(\d{1,2}|${Object.keys(ENGLISH_COUNT).join('|')})\s+months\b${OF_YEAR}`,
      'gi',
    ),
    (m) => {
      const count = Number(m[2]) || ENGLISH_COUNT[(m[2] ?? '').toLowerCase()] || 0;
      const side = (m[1] ?? '').toLowerCase() === 'first' ? 'start' : 'end';
      return count >= 1 && count <= 12 ? { kind: 'months', side, count, year: yearOf(m[3]) } : null;
    },
  ],
  [
    new RegExp(String.raw`\b(first|second)\s+half\b${OF_YEAR}`, 'gi'),
    (m) => ({
      kind: 'months',
      side: (m[1] ?? '').toLowerCase() === 'first' ? 'start' : 'end',
      count: 6,
      year: yearOf(m[2]),
    }),
  ],
  [
    new RegExp(String.raw`\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b${OF_YEAR}`, 'gi'),
    (m) => ({
      kind: 'quarter',
      quarter: ENGLISH_ORDINAL[(m[1] ?? '').toLowerCase()] ?? Number.parseInt(m[1] ?? '', 10),
      year: yearOf(m[2]),
    }),
  ],
  [
    new RegExp(String.raw`\bquarter\s+([1-4])\b${OF_YEAR}`, 'gi'),
    (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: yearOf(m[2]) }),
  ],
  [
    new RegExp(String.raw`\b(beginning|start|end)\s+of\s+(?:the\s+year|${YEAR})\b|\byear[\s-]end\b`, 'gi'),
    (m) => ({
      kind: 'partOfYear',
      side: /^(?:beginning|start)$/i.test(m[1] ?? '') ? 'start' : 'end',
      year: yearOf(m[2]),
    }),
  ],
];

function yearOf(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

export function findAllPeriods(text: string, today: Date): PeriodMention[] {
  const found: PeriodMention[] = [...findPeriods(text)];
  const claimed: Span[] = [
    ...found.map((p): Span => [p.start, p.end]),
    ...findDates(text).map((d): Span => [d.start, d.end]),
  ];
  const claim = (mention: PeriodMention) => {
    const span: Span = [mention.start, mention.end];
    if (overlaps(span, claimed)) return;
    claimed.push(span);
    found.push(mention);
  };
  for (const relative of findRelativePeriods(text, today)) claim(relative);
  for (const [pattern, read] of EXTRA_PERIODS) {
    for (const m of text.matchAll(pattern)) {
      if (overlaps([m.index, m.index + m[0].length], claimed)) continue;
      const period = read(m as RegExpExecArray);
      if (period) claim({ ...period, start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "từ đầu năm", "nửa đầu năm", "since the beginning of the year": a cumulative span, not the first quarter's sessions. */
export function isCumulative(text: string, mention: PeriodMention): boolean {
  if (mention.kind === 'months') return true;
  if (mention.kind !== 'partOfYear') return false;
  return /\b(?:tu|nua|since|from(?:\s+the)?|(?:first|second)\s+half\s+of(?:\s+the)?)\s*$/i.test(
    removeDiacritics(text.slice(Math.max(0, mention.start - 24), mention.start)),
  );
}

// A month that dates something said in a report, not the session: "đến cuối tháng 6/2022",
// "trước ngày 15 tháng 8", "by the end of June 2022", "the May 2021 election".
const CONTENT_DATE_BEFORE =
  /\b(?:den|truoc|sau|cuoi|giua|het|tu|ke tu|han|by|before|after|until|till|since|end of|middle of|mid)[\s-]*(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:ngay\s+\d{1,2}\s*)?$/i;
const SESSION_NOUN_AFTER = /^\s*(?:session|meeting|sitting|conference|plenary)\b/i;
const SESSION_NOUN_NEAR_AFTER = /^[\s,]*(?:[a-z'-]+\s+){0,2}(?:session|meeting|sitting|conference|plenary)\b/i;

function isContentDate(text: string, mention: PeriodMention, language: QuestionLanguage): boolean {
  // "dự toán năm 2024", "phấn đấu tăng trưởng năm 2016", "the 2023 plan": a year the subject is for,
  // decided at a session of the year before as often as of its own.
  if (mention.kind === 'year') return isPlannedYear(text, mention.start);
  if (mention.kind !== 'month' && mention.kind !== 'partOfYear') return false;
  const after = text.slice(mention.end, mention.end + 24);
  // "after the August 2022 city meeting" still names the session.
  if (SESSION_NOUN_NEAR_AFTER.test(removeDiacritics(after))) return false;
  const before = removeDiacritics(text.slice(Math.max(0, mention.start - 24), mention.start));
  if (CONTENT_DATE_BEFORE.test(before)) return true;
  // In English a month used as a modifier dates its noun: "the May 2021 election" is not a session.
  return (
    language === 'en' &&
    mention.kind === 'month' &&
    /^\s+[a-z]/i.test(after) &&
    !SESSION_NOUN_AFTER.test(after) &&
    !/^\s+(?:and|or|to|in|of|at|for|on|by)\b/i.test(after)
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The dated months ("YYYY-MM") of the mentions that date what a report says rather than its
 * session: a month a figure is dated by ("đến cuối tháng 6/2022"), and the last month of a span a
 * review covers ("9 tháng đầu năm 2021" ends in September: the September or October session
 * reports on it).
 */
export function contentMonths(text: string, mentions: readonly PeriodMention[], language: QuestionLanguage): string[] {
  return mentions.flatMap((mention) => {
    if (mention.year === null) return [];
    if (mention.kind === 'month' && isContentDate(text, mention, language))
      return [`${mention.year}-${pad(mention.month)}`];
    if (mention.kind === 'months') return [`${mention.year}-${pad(mention.side === 'start' ? mention.count : 12)}`];
    return [];
  });
}
const ROMAN = ['', 'I', 'II', 'III', 'IV'];

function monthsOf(mention: PeriodMention): number[] {
  switch (mention.kind) {
    case 'month':
      return [mention.month];
    case 'quarter':
      return [1, 2, 3].map((k) => (mention.quarter - 1) * 3 + k);
    case 'partOfYear':
      return mention.side === 'start' ? [1, 2, 3] : [10, 11, 12];
    default:
      return [];
  }
}

/** The filter for one session month ("YYYY-MM"), labelled in the question's language. */
export function monthFilter(month: string, language: QuestionLanguage): PeriodFilter {
  const mention: PeriodMention = {
    kind: 'month',
    month: Number(month.slice(5, 7)),
    year: Number(month.slice(0, 4)),
    start: 0,
    end: 0,
  };
  return { months: [month], year: null, label: periodLabel(mention, language) };
}

function periodLabel(mention: PeriodMention, language: QuestionLanguage): string {
  const y = mention.year;
  if (language === 'en') {
    switch (mention.kind) {
      case 'month':
        return [ENGLISH_MONTH_NAMES[mention.month - 1], y].filter(Boolean).join(' ');
      case 'quarter':
        return [`Q${mention.quarter}`, y].filter(Boolean).join(' ');
      case 'months':
        return `${mention.side === 'start' ? 'first' : 'last'} ${mention.count} months${y ? ` of ${y}` : ''}`;
      case 'partOfYear':
        return `${mention.side === 'start' ? 'beginning' : 'end'} of ${y ?? 'the year'}`;
      case 'year':
        return String(y);
    }
  }
  switch (mention.kind) {
    case 'month':
      return `tháng ${mention.month}${y ? `/${y}` : ''}`;
    case 'quarter':
      return `quý ${ROMAN[mention.quarter]}${y ? ` năm ${y}` : ''}`;
    case 'months':
      return `${mention.count} tháng ${mention.side === 'start' ? 'đầu' : 'cuối'} năm${y ? ` ${y}` : ''}`;
    case 'partOfYear':
      return `${mention.side === 'start' ? 'đầu' : 'cuối'} năm${y ? ` ${y}` : ''}`;
    case 'year':
      return `năm ${y}`;
  }
}

export function periodFilter(
  text: string,
  mentions: readonly PeriodMention[],
  language: QuestionLanguage,
): PeriodFilter | null {
  const months: string[] = [];
  const labels: string[] = [];
  let year: number | null = null;
  for (const mention of mentions) {
    // A date of something the report says is no filter at all: "the December 2020 resolution"
    // is found in a 2021 report. Its words stay in the search text.
    if (isContentDate(text, mention, language)) continue;
    // "đầu năm"/"cuối năm" are the time a report talks about ("những tháng cuối năm"), not a
    // session: only their year, if named, narrows the search.
    const sessionMonths = isCumulative(text, mention) || mention.kind === 'partOfYear' ? [] : monthsOf(mention);
    if (sessionMonths.length === 0 && mention.year === null) continue;
    labels.push(periodLabel(mention, language));
    if (sessionMonths.length === 0) year ??= mention.year;
    for (const month of sessionMonths) {
      const key = `${mention.year ?? '*'}-${pad(month)}`;
      if (!months.includes(key)) months.push(key);
    }
  }
  const label = labels.join(', ');
  // "tháng 9, năm 2021": a year named apart from its month still dates the month; so does the one
  // year a question names with another period ("phiên tháng 3/2022 ... quý I" is quý I of 2022).
  const namedYears = new Set(months.filter((m) => !m.startsWith('*')).map((m) => Number(m.slice(0, 4))));
  const yearOfUndated = year ?? (namedYears.size === 1 ? [...namedYears][0]! : null);
  if (yearOfUndated !== null && months.some((m) => m.startsWith('*'))) {
    const dated = months.map((m) => (m.startsWith('*') ? `${yearOfUndated}${m.slice(1)}` : m));
    return { months: [...new Set(dated)], year: null, label };
  }
  return months.length === 0 && year === null ? null : { months, year, label };
}
