// Periods named from today: "năm nay", "tháng trước", "quý này", "this year", "last month".
// Citizens write them more often than dates; read without a clock they would match no filter and
// the answer would come from whatever month ranks first.
import type { Period, PeriodMention } from './periods.ts';
import { foldKeepingOffsets } from './folded-match.ts';

// "so với năm trước", "cùng kỳ tháng trước", "higher than last year": a comparison inside what a
// report says, not the period asked about.
const COMPARED_BEFORE = /(?:so voi|cung ky|hon|bang|compared (?:with|to)|than|over)\s*$/;

interface RelativeForm {
  pattern: RegExp;
  /** The period, from today's year, month (1-12) and the number written before the words, if any. */
  read: (year: number, month: number, count: number | null) => Period;
}

const RELATIVE_FORMS: readonly RelativeForm[] = [
  { pattern: /\b(?:nam nay|this year)\b/g, read: (year) => ({ kind: 'year', year }) },
  {
    pattern: /\b(?:nam ngoai|nam roi|nam truoc|nam vua qua|last year)\b/g,
    read: (year) => ({ kind: 'year', year: year - 1 }),
  },
  {
    pattern: /\b(?:thang nay|this month)\b/g,
    read: (year, month) => ({ kind: 'month', ...monthsBack(year, month, 0) }),
  },
  {
    // "tháng trước", "2 tháng trước" (two months ago), "last month".
    pattern: /\b(?:(\d{1,2})\s+)?(?:thang truoc|thang roi)\b|\b(?:thang vua qua|last month)\b/g,
    read: (year, month, count) => ({ kind: 'month', ...monthsBack(year, month, count ?? 1) }),
  },
  {
    pattern: /\b(?:quy nay|this quarter)\b/g,
    read: (year, month) => ({ kind: 'quarter', ...quartersBack(year, month, 0) }),
  },
  {
    pattern: /\b(?:quy truoc|quy vua qua|last quarter)\b/g,
    read: (year, month) => ({ kind: 'quarter', ...quartersBack(year, month, 1) }),
  },
];

/**
 * The periods `text` names relative to `today` (its local calendar date), with their offsets in
 * `text`: "tháng trước" on 26/11/2026 is tháng 10/2026. Comparisons ("so với năm trước") name none.
 */
export function findRelativePeriods(text: string, today: Date): PeriodMention[] {
  const folded = foldKeepingOffsets(text);
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  const found: PeriodMention[] = [];
  for (const { pattern, read } of RELATIVE_FORMS) {
    for (const m of folded.matchAll(pattern)) {
      if (COMPARED_BEFORE.test(folded.slice(Math.max(0, m.index - 20), m.index))) continue;
      const count = m[1] === undefined ? null : Number(m[1]);
      found.push({ ...read(year, month, count), start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function monthsBack(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) - count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function quartersBack(year: number, month: number, count: number): { year: number; quarter: number } {
  const index = year * 4 + Math.floor((month - 1) / 3) - count;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}
