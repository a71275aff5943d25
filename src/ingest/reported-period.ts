// The span a review meeting reports on ("sơ kết 6 tháng đầu năm 2023", "trực báo 9 tháng", "quý
// I/2024", "tổng kết năm 2022"), read from a report's title and lead: a fact apart from the month its
// session is for and the day it met.
import type { ReportedPeriod } from '../store/index.ts';
import { findPeriods, foldKeepingOffsets, type PeriodMention } from '../text/index.ts';

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
// Words that make "năm 2022" the year a meeting reviews, not one it plans for ("nhiệm vụ năm 2023").
const YEAR_REVIEW_BEFORE = /\b(?:tong ket|danh gia|ket qua|thuc hien)(?:\s+\S+){0,14}\s*$/;
// Words before a span a meeting plans for rather than reviews ("nhiệm vụ 6 tháng cuối năm").
// "Thực hiện nhiệm vụ 6 tháng đầu năm" reviews; "triển khai nhiệm vụ 6 tháng cuối năm" plans.
const PLAN_BEFORE = /\b(?:trien khai|phuong huong|ke hoach|giai phap|chuong trinh|de ra)(?:\s+\S+){0,3}\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The span the title, else the lead, says the meeting reviews; a span written without its year
 * ("6 tháng đầu năm") is of the year the report is dated in (`year`), the year before for a
 * year-end span reviewed in January or February.
 */
export function reportedPeriod(title: string | null, lead: string, dated: string | null): ReportedPeriod | null {
  for (const text of [title ?? '', lead]) {
    for (const mention of findPeriods(text)) {
      const period = spanOf(mention, text, dated);
      if (period) return period;
    }
  }
  return null;
}

function spanOf(mention: PeriodMention, text: string, dated: string | null): ReportedPeriod | null {
  const before = foldKeepingOffsets(text.slice(Math.max(0, mention.start - 60), mention.start));
  if (mention.kind !== 'year' && PLAN_BEFORE.test(before)) return null;
  const datedYear = dated ? Number(dated.slice(0, 4)) : null;
  const datedMonth = dated ? Number(dated.slice(5, 7)) : null;
  const yearOf = (endMonth: number) =>
    mention.year ??
    (datedYear === null ? null : endMonth === 12 && datedMonth !== null && datedMonth <= 2 ? datedYear - 1 : datedYear);
  switch (mention.kind) {
    case 'months': {
      const [from, to] = mention.side === 'start' ? [1, mention.count] : [13 - mention.count, 12];
      const year = yearOf(to);
      if (year === null) return null;
      const label = `${mention.count} tháng ${mention.side === 'start' ? 'đầu' : 'cuối'} năm ${year}`;
      return { label, from: `${year}-${pad(from)}`, to: `${year}-${pad(to)}` };
    }
    case 'quarter': {
      const year = yearOf(mention.quarter * 3);
      if (year === null) return null;
      const to = mention.quarter * 3;
      return {
        label: `quý ${ROMAN[mention.quarter]} năm ${year}`,
        from: `${year}-${pad(to - 2)}`,
        to: `${year}-${pad(to)}`,
      };
    }
    case 'year': {
      if (mention.year === null) return null;
      if (!YEAR_REVIEW_BEFORE.test(before)) return null;
      return { label: `năm ${mention.year}`, from: `${mention.year}-01`, to: `${mention.year}-12` };
    }
    default:
      return null;
  }
}
