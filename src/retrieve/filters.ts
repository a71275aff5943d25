import { newestFirst, reportDate, type ReportSummary } from '../store/index.ts';
import { foldText } from '../text/index.ts';
import type { Question } from '../question/index.ts';
import { DATED_MONTH_PREFERENCE, ORGAN_PREFERENCE, PLACE_PREFERENCE } from '../ranking.ts';
import { bodyMatches } from './issuers.ts';
import { namesInOpening, type ReportOpening } from './opening.ts';

export type { ReportOpening } from './opening.ts';

/** What the question's period, body and session narrowed the search to. */
export interface ReportSelection {
  /** Reports the question can be about; undefined when the question names nothing to filter on. */
  reportIds: readonly string[] | undefined;
  /** The filters that applied, for display ("tháng 9/2021", "HĐND thành phố Từ Sơn", "kỳ họp thứ 4"). */
  applied: string[];
  /**
   * The factor of a report ranked higher without excluding the others (1 for the rest): those of a
   * place the question names ("tien du", "Yên Phong"), those of an organ it names without a place
   * ("HĐND"), and those of a month it dates what it asks about by ("by late October 2021").
   */
  preference: (reportId: string) => number;
  /**
   * Filters no stored report satisfies, by its metadata or its own words. The question is then
   * about something the reports do not cover, and must not silently get another month's or body's
   * passages.
   */
  uncovered: string[];
  /**
   * Filters that no report's metadata satisfies but some reports' own title or lead does (the
   * metadata rules missed or garbled the field): those reports are searched, and the answer says
   * what was assumed.
   */
  assumed: string[];
}

/**
 * Chooses the reports a question can be about. A named month matches the session month first
 * (a September session held in October is "tháng 9"); only reports without a session month
 * (council sittings are numbered, not monthly) fall back to the month of their meeting.
 */
export function selectReports(
  plan: Question,
  reports: readonly ReportSummary[],
  placeOf: (report: ReportSummary) => string | null,
  openingOf: (report: ReportSummary) => ReportOpening,
): ReportSelection {
  const facts = factsOf(reports);
  const byBody = bodiesWhere(reports, facts);
  const factorOfBody = new Map<number, number>();
  const prefer = (bodies: Set<number>, factor: number) => {
    for (const key of bodies) factorOfBody.set(key, (factorOfBody.get(key) ?? 1) * factor);
  };
  const body = plan.body;
  if (body && !body.name)
    prefer(
      byBody((report) => bodyMatches([body.organ], report)),
      ORGAN_PREFERENCE,
    );
  // A place named without an organ ("rác thải ở phường Đông Ngàn", "tien du") says whose report
  // is wanted; other places' reports can still answer, so this ranks rather than filters.
  const question = ` ${foldText(plan.normalized).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  prefer(
    byBody((report) => {
      const place = placeOf(report);
      return place !== null && question.includes(` ${foldText(place)} `);
    }),
    PLACE_PREFERENCE,
  );
  // A month's events are reported at its own session or the next one.
  const dated = new Set((plan.datedMonths ?? []).flatMap((month) => [month, nextMonth(month)]));
  const ofDatedMonth = (index: number) => {
    const report = reports[index]!;
    // ... or whose review closes that month ("9 tháng đầu năm 2021" ends in September).
    return (
      dated.has(facts.dates[index]!.month ?? '') ||
      dated.has(report.meetingDate?.slice(0, 7) ?? '') ||
      (report.period ? dated.has(report.period.to) : false)
    );
  };
  return {
    ...narrowReports(plan, reports, facts, byBody, openingOf),
    preference: (reportId) => {
      const index = facts.indexOf.get(reportId);
      if (index === undefined) return 1;
      return (
        (factorOfBody.get(facts.bodyOf[index]!) ?? 1) *
        (dated.size > 0 && ofDatedMonth(index) ? DATED_MONTH_PREFERENCE : 1)
      );
    },
  };
}

/**
 * The session month of the newest report of what the question names (its body, or only its organ,
 * its session number or kind): what "phiên họp gần đây nhất" asks about. Null when no report
 * qualifies or the newest has no month.
 */
export function latestSessionMonth(plan: Question, reports: readonly ReportSummary[]): string | null {
  const facts = factsOf(reports);
  const byBody = bodiesWhere(reports, facts);
  const { reportIds, uncovered } = narrowReports({ ...plan, period: null }, reports, facts, byBody, null);
  if (uncovered.length > 0) return null;
  const organ = plan.body && !plan.body.name ? byBody((report) => bodyMatches([plan.body!.organ], report)) : null;
  const wanted = reportIds ? new Set(reportIds) : null;
  const [newest] = newestFirst(
    reports.filter(
      (report, index) => (!wanted || wanted.has(report.id)) && (!organ || organ.has(facts.bodyOf[index]!)),
    ),
  );
  return newest && reportDate(newest) ? facts.dates[facts.indexOf.get(newest.id)!]!.month : null;
}

// Thousands of reports share a handful of bodies: everything about a body is decided once per
// distinct body (with its aliases), on one of its reports.
function bodiesWhere(
  reports: readonly ReportSummary[],
  facts: ReportFacts,
): (decide: (report: ReportSummary) => boolean) => Set<number> {
  return (decide) => {
    const matching = new Set<number>();
    facts.bodies.forEach((group, key) => {
      if (decide(reports[group[0]!]!)) matching.add(key);
    });
    return matching;
  };
}

/**
 * The filters of `selectReports`: body, period, session. Questions repeat their filters ("năm 2022")
 * and narrowing walks every report, so the outcome is kept per filter with the report list (the same
 * `reportIds` array for the same filters, which lets callers key what they derive from it).
 *
 * Metadata read by rules can miss or garble a field ("HĐND tỉnh. Đồng thời ..." read as a body, a
 * session number left unread). When no report's metadata satisfies the filters, a report whose own
 * title or lead states what its metadata lacks is taken instead (see `namesInOpening`), and the
 * filter is `assumed`; only a filter that neither any report's metadata nor its words satisfy is
 * `uncovered`. `openingOf` null reads metadata only.
 */
function narrowReports(
  plan: Question,
  reports: readonly ReportSummary[],
  facts: ReportFacts,
  byBody: (decide: (report: ReportSummary) => boolean) => Set<number>,
  openingOf: ((report: ReportSummary) => ReportOpening) | null,
): Omit<ReportSelection, 'preference'> {
  const body = plan.body?.name ? { name: plan.body.name, aliases: plan.body.aliases } : null;
  const period = plan.period;
  const key = JSON.stringify([body, period, plan.sessionNumber, plan.sessionKind, openingOf !== null]);
  const known = facts.narrowed.get(key);
  if (known) return copyOf(known);

  const filters: ReportFilter[] = [];
  // A body with its place names who issued the report; an organ alone ("HĐND các cấp", "Chủ tịch
  // UBND") is as often a subject of the text as its issuer, so it only ranks its reports higher.
  if (body) {
    const issuers = byBody((report) => bodyMatches([body.name, ...body.aliases], report));
    filters.push({ label: body.name, field: 'body', stated: (index) => issuers.has(facts.bodyOf[index]!) });
  }
  if (period) {
    filters.push({
      label: period.label,
      field: 'period',
      // A year is also the year a review reports on ("Sáu tháng đầu năm 2015", met in July or not dated).
      stated: (index) =>
        periodMatches(period, facts.dates[index]!) ||
        (period.months.length === 0 &&
          period.year !== null &&
          reports[index]!.period?.to.startsWith(`${period.year}-`) === true),
    });
  }
  const { sessionNumber, sessionKind } = plan;
  if (sessionNumber !== null) {
    filters.push({
      label: `kỳ họp thứ ${sessionNumber}`,
      field: 'sessionNumber',
      stated: (index) => reports[index]!.sessionNumber === sessionNumber,
    });
  }
  if (sessionKind) {
    filters.push({
      label: sessionKind,
      field: 'sessionKind',
      stated: (index) => reports[index]!.sessionKind === sessionKind,
    });
  }
  let narrowed = narrowBy(filters, facts.all, (filter, index) => filter.stated(index));
  if (narrowed.uncovered.length > 0 && openingOf) {
    const loose = narrowBy(
      filters,
      facts.all,
      (filter, index) =>
        filter.stated(index) || namesInOpening(filter, plan, reports[index]!, openingOf(reports[index]!)),
    );
    if (loose.uncovered.length === 0) narrowed = loose;
  }
  const result = {
    reportIds:
      narrowed.applied.length > 0 && narrowed.uncovered.length === 0
        ? narrowed.candidates.map((index) => reports[index]!.id)
        : undefined,
    applied: narrowed.applied,
    uncovered: narrowed.uncovered,
    assumed:
      narrowed.uncovered.length === 0
        ? filters.filter((filter) => !narrowed.candidates.every(filter.stated)).map((filter) => filter.label)
        : [],
  };
  if (facts.narrowed.size >= MAX_REMEMBERED_FILTERS) facts.narrowed.clear();
  facts.narrowed.set(key, result);
  return copyOf(result);
}

/** One filter a question sets: its label for messages, the metadata field it reads, and whether a report's metadata states it. */
interface ReportFilter {
  label: string;
  field: 'body' | 'period' | 'sessionNumber' | 'sessionKind';
  stated: (index: number) => boolean;
}

/**
 * The filters applied one after another: each keeps the candidates that satisfy it, or, when none
 * does, is uncovered and leaves them as they were.
 */
function narrowBy(
  filters: readonly ReportFilter[],
  all: readonly number[],
  satisfies: (filter: ReportFilter, index: number) => boolean,
): { candidates: readonly number[]; applied: string[]; uncovered: string[] } {
  const applied: string[] = [];
  const uncovered: string[] = [];
  let candidates = all;
  for (const filter of filters) {
    const kept = candidates.filter((index) => satisfies(filter, index));
    if (kept.length === 0) uncovered.push(filter.label);
    else {
      applied.push(filter.label);
      candidates = kept;
    }
  }
  return { candidates, applied, uncovered };
}

function copyOf(selection: Omit<ReportSelection, 'preference'>): Omit<ReportSelection, 'preference'> {
  return {
    ...selection,
    applied: [...selection.applied],
    uncovered: [...selection.uncovered],
    assumed: [...selection.assumed],
  };
}

const MAX_REMEMBERED_FILTERS = 256;

/** What the filters read of each report, worked out once per report list (see `factsOf`). */
interface ReportFacts {
  /** 0 .. n-1: every report, by its index in the list. */
  all: readonly number[];
  indexOf: ReadonlyMap<string, number>;
  /** Each report's body key; `bodies` lists the reports of each key. */
  bodyOf: readonly number[];
  bodies: ReadonlyMap<number, readonly number[]>;
  dates: readonly ReportDates[];
  /** Narrowings already worked out, by their filters. */
  narrowed: Map<string, Omit<ReportSelection, 'preference'>>;
}

/** The dates a period is matched against. */
interface ReportDates {
  /** The session month, else the month of the meeting ("YYYY-MM"). */
  month: string | null;
  /** Year and month of that month, else of the document's or the publication's date. */
  dated: { year: number; month: number } | null;
}

const factsCache = new WeakMap<readonly ReportSummary[], ReportFacts>();

/** The per-report facts of a report list, cached with the list (the catalog keeps one list per store revision). */
function factsOf(reports: readonly ReportSummary[]): ReportFacts {
  const cached = factsCache.get(reports);
  if (cached) return cached;
  const keys = new Map<string, number>();
  const bodies = new Map<number, number[]>();
  const bodyOf = reports.map((report, index) => {
    const name = `${report.body ?? ''}|${report.bodyAliases.join('|')}`;
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = keys.size));
    let group = bodies.get(key);
    if (!group) bodies.set(key, (group = []));
    group.push(index);
    return key;
  });
  const dates = reports.map((report): ReportDates => {
    const month = report.sessionMonth ?? report.meetingDate?.slice(0, 7) ?? null;
    const dated = month ?? report.documentDate ?? report.publishedDate;
    return { month, dated: dated ? { year: Number(dated.slice(0, 4)), month: Number(dated.slice(5, 7)) } : null };
  });
  const facts: ReportFacts = {
    all: reports.map((_, index) => index),
    indexOf: new Map(reports.map((report, index) => [report.id, index])),
    bodyOf,
    bodies,
    dates,
    narrowed: new Map(),
  };
  factsCache.set(reports, facts);
  return facts;
}

// Sessions from this month on often decide the next year's plan and budget.
const YEAR_END_FROM_MONTH = 10;

function nextMonth(month: string): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function periodMatches(period: NonNullable<Question['period']>, { month, dated }: ReportDates): boolean {
  if (period.months.length > 0) {
    return (
      month !== null &&
      period.months.some((wanted) => (wanted.startsWith('*-') ? month.endsWith(wanted.slice(1)) : month === wanted))
    );
  }
  if (period.year !== null) {
    // "năm 2022" is the year the session is about: its own year, or the next one for the
    // year-end sessions that set next year's budget and targets (October to January).
    if (!dated) return false;
    return dated.year === period.year || (dated.year === period.year - 1 && dated.month >= YEAR_END_FROM_MONTH);
  }
  return true;
}
