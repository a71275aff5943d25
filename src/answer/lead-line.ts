// The line that opens an extractive answer by naming the report its sentences are quoted from,
// in the question's language; the body's name stays as the report writes it.
import type { QuestionLanguage } from '../question/index.ts';
import type { Passage } from '../store/index.ts';
import { ENGLISH_MONTH_NAMES, vietnameseDate, vietnameseMonth } from '../text/index.ts';

/** What the lead line reads from a report's metadata. */
export type ReportLabel = Pick<
  Passage['report'],
  | 'title'
  | 'body'
  | 'sessionKind'
  | 'sessionNumber'
  | 'sessionMonth'
  | 'meetingDate'
  | 'meetingEndDate'
  | 'publishedDate'
  | 'documentDate'
>;

/**
 * "Theo báo cáo phiên họp thường kỳ tháng 9/2021 của BTV Thị ủy Từ Sơn (họp ngày 6/10/2021):",
 * or "According to the report of the regular September 2021 session of … (met on 6 Oct 2021):"
 * for English questions. Uses what the metadata has: the session number or month, the meeting
 * days, else the document's or publication date, and the title when neither session nor body is known.
 */
export function leadLine(report: ReportLabel, language: QuestionLanguage): string {
  return language === 'en'
    ? `According to the report${englishReport(report)}:`
    : `Theo báo cáo${vietnameseReport(report)}:`;
}

/**
 * A report named for a list: "phiên họp thường kỳ tháng 9/2021 của BTV Thị ủy Từ Sơn (họp
 * ngày 6/10/2021)" or "the regular September 2021 session of … (met on 6 Oct 2021)".
 */
export function describeReport(report: ReportLabel, language: QuestionLanguage): string {
  return (language === 'en' ? englishReport(report) : vietnameseReport(report)).replace(/^ (of )?/, '');
}

function vietnameseReport(report: ReportLabel): string {
  const session = vietnameseSession(report);
  const body = report.body ? ` của ${report.body}` : '';
  const named = session || body ? `${session}${body}` : report.title ? ` “${report.title}”` : '';
  const date = vietnameseWhen(report);
  return `${named}${date ? ` (${date})` : ''}`;
}

function vietnameseSession(report: ReportLabel): string {
  const kind = report.sessionKind ? ` ${report.sessionKind}` : '';
  const month = report.sessionMonth ? ` tháng ${vietnameseMonth(report.sessionMonth)}` : '';
  if (report.sessionNumber !== null)
    return ` kỳ họp thứ ${report.sessionNumber}${kind ? ` (${kind.trim()})` : ''}${month}`;
  return kind || month ? ` phiên họp${kind}${month}` : '';
}

function vietnameseWhen(report: ReportLabel): string | null {
  if (report.meetingDate) {
    const end = report.meetingEndDate && report.meetingEndDate !== report.meetingDate ? report.meetingEndDate : null;
    return end
      ? `họp từ ${vietnameseRange(report.meetingDate, end)}`
      : `họp ngày ${vietnameseDate(report.meetingDate)}`;
  }
  if (report.documentDate) return `ngày ${vietnameseDate(report.documentDate)}`;
  if (report.publishedDate) return `đăng ngày ${vietnameseDate(report.publishedDate)}`;
  return null;
}

/** "7 đến 9/12/2021", "30/11 đến 2/12/2021", "30/12/2021 đến 2/1/2022": what the two days share is written once. */
function vietnameseRange(first: string, last: string): string {
  const [firstYear, firstMonth, firstDay] = first.split('-');
  const [lastYear, lastMonth] = last.split('-');
  const head =
    firstYear !== lastYear
      ? vietnameseDate(first)
      : firstMonth !== lastMonth
        ? `${Number(firstDay)}/${Number(firstMonth)}`
        : `${Number(firstDay)}`;
  return `${head} đến ${vietnameseDate(last)}`;
}

const ENGLISH_KIND: Record<string, string> = {
  'thường kỳ': 'regular',
  'chuyên đề': 'thematic',
  'bất thường': 'extraordinary',
  'mở rộng': 'extended',
};

function englishReport(report: ReportLabel): string {
  const session = englishSession(report);
  const body = report.body ? ` of ${report.body}` : '';
  const named = session ? ` of${session}${body}` : body || (report.title ? ` “${report.title}”` : '');
  const date = englishWhen(report);
  return `${named}${date ? ` (${date})` : ''}`;
}

function englishSession(report: ReportLabel): string {
  const kind = report.sessionKind ? ENGLISH_KIND[report.sessionKind] : undefined;
  const month = report.sessionMonth ? englishMonth(report.sessionMonth) : null;
  const words = [kind, month, 'session'].filter(Boolean).join(' ');
  if (report.sessionNumber !== null) return ` the ${ordinal(report.sessionNumber)} ${words}`;
  return kind || month ? ` the ${words}` : '';
}

function englishWhen(report: ReportLabel): string | null {
  if (report.meetingDate) {
    const end = report.meetingEndDate && report.meetingEndDate !== report.meetingDate ? report.meetingEndDate : null;
    return end ? `met from ${englishRange(report.meetingDate, end)}` : `met on ${englishDate(report.meetingDate)}`;
  }
  if (report.documentDate) return `dated ${englishDate(report.documentDate)}`;
  if (report.publishedDate) return `published on ${englishDate(report.publishedDate)}`;
  return null;
}

/** "2021-10-06" → "6 Oct 2021". */
function englishDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${ENGLISH_MONTH_NAMES[Number(month) - 1]?.slice(0, 3)} ${year}`;
}

/** "7 to 9 Dec 2021", "30 Nov to 2 Dec 2021". */
function englishRange(first: string, last: string): string {
  const [firstYear, firstMonth, firstDay] = first.split('-');
  const [lastYear, lastMonth] = last.split('-');
  const head =
    firstYear !== lastYear
      ? englishDate(first)
      : firstMonth !== lastMonth
        ? `${Number(firstDay)} ${ENGLISH_MONTH_NAMES[Number(firstMonth) - 1]?.slice(0, 3)}`
        : `${Number(firstDay)}`;
  return `${head} to ${englishDate(last)}`;
}

/** "2021-09" → "September 2021". */
export function englishMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return `${ENGLISH_MONTH_NAMES[Number(month) - 1]} ${year}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
