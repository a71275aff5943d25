import type { ReportRecord } from './store.ts';

/** The dates a report can be placed in time by. */
export type DatedReport = Pick<ReportRecord, 'meetingDate' | 'documentDate' | 'publishedDate' | 'sessionMonth'>;

/**
 * The day a report is placed at in time ("YYYY-MM-DD"): when its session met, else the date of the
 * notice (written right after the meeting), else when it was published, else the first day of its
 * session month (which a session can sit a month after). Null when it has none of them.
 */
export function reportDate(report: DatedReport): string | null {
  return (
    report.meetingDate ??
    report.documentDate ??
    report.publishedDate ??
    (report.sessionMonth ? `${report.sessionMonth}-01` : null)
  );
}

/** Reports newest first by `reportDate`; undated ones last. */
export function newestFirst<T extends DatedReport>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => (reportDate(b) ?? '').localeCompare(reportDate(a) ?? ''));
}
