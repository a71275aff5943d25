import type { ReportSummary } from '../store/index.ts';
import { foldText } from '../text/index.ts';
import type { QueryPlan } from './query.ts';

/** What the question's period, body and session narrowed the search to. */
export interface ReportSelection {
  /** Reports the question can be about; undefined when the question names nothing to filter on. */
  reportIds: string[] | undefined;
  /** The filters that applied, for display ("tháng 9/2021", "HĐND thành phố Từ Sơn", "kỳ họp thứ 4"). */
  applied: string[];
  /**
   * Reports ranked higher without excluding the others, with their factor: those of a place the
   * question names ("tien du", "Yên Phong") and those of an organ it names without a place ("HĐND").
   */
  preference: Map<string, number>;
  /**
   * Filters no stored report satisfies. The question is then about something the reports do not
   * cover, and must not silently get another month's or body's passages.
   */
  uncovered: string[];
}

/**
 * Chooses the reports a question can be about. A named month matches the session month first
 * (a September session held in October is "tháng 9"); only reports without a session month
 * (council sittings are numbered, not monthly) fall back to the month of their meeting.
 */
export function selectReports(
  plan: QueryPlan,
  reports: readonly ReportSummary[],
  placeOf: (report: ReportSummary) => string | null,
): ReportSelection {
  const applied: string[] = [];
  const uncovered: string[] = [];
  let candidates = reports;
  const narrow = (label: string, keep: (report: ReportSummary) => boolean): void => {
    const kept = candidates.filter(keep);
    if (kept.length === 0) uncovered.push(label);
    else {
      applied.push(label);
      candidates = kept;
    }
  };
  // A body with its place names who issued the report; an organ alone ("HĐND các cấp", "Chủ tịch
  // UBND") is as often a subject of the text as its issuer, so it only ranks its reports higher.
  const body = plan.body;
  // Thousands of reports share a handful of bodies: match each distinct body once.
  const byBody = <T>(decide: (report: ReportSummary) => T) => {
    const decided = new Map<string, T>();
    return (report: ReportSummary): T => {
      const key = `${report.body ?? ''}|${report.bodyAliases.join('|')}`;
      if (!decided.has(key)) decided.set(key, decide(report));
      return decided.get(key) as T;
    };
  };
  if (body?.name) narrow(body.name, byBody((report) => bodyMatches([body.name!, ...body.aliases], report)));
  const preference = new Map<string, number>();
  const prefer = (report: ReportSummary, factor: number) => preference.set(report.id, (preference.get(report.id) ?? 1) * factor);
  if (body && !body.name) {
    const ofOrgan = byBody((report) => bodyMatches([body.organ], report));
    for (const report of reports) if (ofOrgan(report)) prefer(report, ORGAN_PREFERENCE);
  }
  // A place named without an organ ("rác thải ở phường Đông Ngàn", "tien du") says whose report
  // is wanted; other places' reports can still answer, so this ranks rather than filters.
  const question = ` ${foldText(plan.normalized).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const placeNamed = byBody((report) => {
    const place = placeOf(report);
    return place !== null && question.includes(` ${foldText(place)} `);
  });
  for (const report of reports) if (placeNamed(report)) prefer(report, PLACE_PREFERENCE);
  if (plan.period) narrow(plan.period.label, (report) => periodMatches(plan.period!, report));
  if (plan.sessionNumber !== null) narrow(`kỳ họp thứ ${plan.sessionNumber}`, (report) => report.sessionNumber === plan.sessionNumber);
  if (plan.sessionKind) narrow(plan.sessionKind, (report) => report.sessionKind === plan.sessionKind);
  return {
    reportIds: applied.length > 0 && uncovered.length === 0 ? candidates.map((report) => report.id) : undefined,
    preference,
    applied,
    uncovered,
  };
}

const ORGAN_PREFERENCE = 1.1;
const PLACE_PREFERENCE = 1.5;

// Sessions from this month on often decide the next year's plan and budget.
const YEAR_END_FROM_MONTH = 10;

// The Party organisation of a place, its committee and the committee's standing board are one
// issuer to a citizen: "Đảng bộ thành phố Từ Sơn" asks about what "BTV Thành ủy Từ Sơn" decided.
const PARTY_WORDS = /^(?:btv |bch |ban thuong vu |thuong truc )?(?:dang bo (?:tinh|thanh pho|thi xa|huyen|quan|phuong|xa|thi tran)|tinh uy|thanh uy|thi uy|huyen uy|quan uy|dang uy(?: (?:phuong|xa|thi tran))?) /;

function issuerKey(name: string): string {
  const folded = ` ${foldText(name)} `.replace(/\s+/g, ' ');
  const party = PARTY_WORDS.exec(folded.trimStart());
  return party ? `party ${folded.trimStart().slice(party[0].length).trim()}` : folded.trim();
}

/**
 * Whether a report was issued by one of the named bodies: the names' words appear in the
 * report's body or aliases ("Thị ủy Từ Sơn" in "BTV Thị ủy Từ Sơn"), or both are the Party
 * organisation of the same place.
 */
function bodyMatches(wanted: readonly string[], report: ReportSummary): boolean {
  const names = [report.body, ...report.bodyAliases].filter((name): name is string => Boolean(name));
  return wanted.some((name) => {
    const key = issuerKey(name);
    return names.some((reportName) => ` ${foldText(reportName)} `.includes(` ${foldText(name)} `) || (key.startsWith('party ') && issuerKey(reportName) === key));
  });
}

function periodMatches(period: NonNullable<QueryPlan['period']>, report: ReportSummary): boolean {
  const month = report.sessionMonth ?? report.meetingDate?.slice(0, 7) ?? null;
  if (period.months.length > 0) {
    return month !== null && period.months.some((wanted) => (wanted.startsWith('*-') ? month.endsWith(wanted.slice(1)) : month === wanted));
  }
  if (period.year !== null) {
    // "năm 2022" is the year the session is about: its own year, or the next one for the
    // year-end sessions that set next year's budget and targets (October to January).
    const dated = month ?? report.documentDate ?? report.publishedDate;
    if (!dated) return false;
    const year = Number(dated.slice(0, 4));
    const monthNumber = Number(dated.slice(5, 7));
    return year === period.year || (year === period.year - 1 && monthNumber >= YEAR_END_FROM_MONTH);
  }
  return true;
}
