import type { Embedder } from '../embed/index.ts';
import { exactSearch, type VectorIndex } from '../index/index.ts';
import {
  reportCatalog,
  reportDay,
  type LabelRange,
  type Passage,
  type ReportCatalog,
  type ReportSummary,
  type Store,
} from '../store/index.ts';
import { countWords, findDates } from '../text/index.ts';
import { latestSessionMonth, selectReports, type ReportOpening } from './filters.ts';
import { LabelSet } from './label-set.ts';
import { lexicalIndex, lexicalQuery } from './lexical.ts';
import { inheritScope, inSessionMonth, isSessionList, type Question, type QuestionScope } from '../question/index.ts';
import {
  CANDIDATES_PER_METHOD,
  EXACT_SEARCH_MAX_LABELS,
  HEADING_ONLY_FACTOR,
  MEETING_DAY_BOOST,
  RECENCY_HALF_LIFE_DAYS,
  RECENCY_WEIGHT,
  RRF_K,
  SECTION_BOOST,
} from '../ranking.ts';

/** Which evidence retrieval combines; `hybrid` is the product, the others exist for the eval. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

/** A retrieved passage with its fused score and where each method ranked it (1 = best). */
export interface RankedPassage extends Passage {
  score: number;
  lexicalRank: number | null;
  denseRank: number | null;
  /** Cosine similarity of the passage's vector to the question's. */
  similarity: number | null;
}

/** What retrieval found for one question, and the question as it was searched. */
export interface Retrieval {
  /** The question in the scope it was searched in: a follow-up's inherited session, the latest session's month. */
  question: Question;
  passages: RankedPassage[];
  /** Filters applied from the question (period, body, session). */
  applied: string[];
  /** Filters no stored report satisfies: the reports do not cover what was asked. */
  uncovered: string[];
  /** Filters satisfied only by what reports' own titles or leads say, not their metadata (see `ReportSelection.assumed`). */
  assumed: string[];
  /** The scope taken from the previous question (`RetrieveOptions.context`), when the question named none of its own. */
  inherited: QuestionScope | null;
  /**
   * For a question about what a body did over a period (`isSessionList`) that finds several of
   * its sessions: how many; the passages are then the first passages of each (of the newest
   * LISTED_SESSIONS), oldest first. Null otherwise.
   */
  sessions: number | null;
}

export interface RetrieveOptions {
  /** How many passages to return (default 10). */
  k?: number;
  mode?: RetrievalMode;
  /** When given, milliseconds spent per stage are added to it (for profiling; see `RetrievalStage`). */
  timings?: Partial<Record<RetrievalStage, number>>;
  /** The previous question's scope in a conversation: a follow-up that names no session inherits it (see `inheritScope`). */
  context?: QuestionScope | null;
}

/** The stages `RetrieveOptions.timings` reports. */
export type RetrievalStage = 'plan' | 'lexical index' | 'lexical search' | 'query embedding' | 'ANN search' | 'fusion';

/** What retrieval reads: the stored reports and chunks, the query embedder and the vector index. */
export interface RetrieveDeps {
  store: Store;
  embedder(): Promise<Embedder>;
  vectorIndex(): Promise<VectorIndex>;
}

// A passage this short that does not end a sentence is a title or heading (see HEADING_ONLY_FACTOR).
const HEADING_MAX_WORDS = 25;

/**
 * Finds the passages that answer a question: narrows the reports to those its period, body and
 * session can be about, then fuses lexical (BM25 over folded text, see `LexicalIndex`) and dense
 * (ANN) rankings by reciprocal rank fusion.
 */
export async function retrieve(
  understood: Question,
  app: RetrieveDeps,
  options: RetrieveOptions = {},
): Promise<Retrieval> {
  const k = options.k ?? 10;
  const mode = options.mode ?? 'hybrid';
  const clock = stageClock(options.timings);
  clock.start();
  const reports = reportCatalog(app.store);
  const { question: plan, inherited } = inheritScope(latestAsMonth(understood, reports.list), options.context);
  const selection = selectReports(
    plan,
    reports.list,
    (report) => reports.placeOf.get(report.id) ?? null,
    (report) => openingOf(app.store, reports, report),
  );
  clock.lap('plan');
  if (selection.uncovered.length > 0) {
    return {
      question: plan,
      passages: [],
      applied: selection.applied,
      uncovered: selection.uncovered,
      assumed: [],
      inherited,
      sessions: null,
    };
  }
  if (isSessionList(plan) && selection.reportIds && selection.reportIds.length > 1) {
    return {
      question: plan,
      passages: sessionOpenings(app.store, reports, selection.reportIds),
      applied: selection.applied,
      uncovered: [],
      assumed: selection.assumed,
      inherited,
      sessions: selection.reportIds.length,
    };
  }
  const allowed = selection.reportIds ? allowedLabels(app.store, reports, selection.reportIds) : undefined;
  clock.lap('plan');

  const lexical = mode === 'dense' ? [] : lexicalRanking(plan, app.store, allowed, clock);
  const dense = mode === 'lexical' ? [] : await denseRanking(plan, app, allowed, clock);

  const fused = new Map<
    number,
    { score: number; lexicalRank: number | null; denseRank: number | null; similarity: number | null }
  >();
  const entry = (label: number) => {
    let found = fused.get(label);
    if (!found) fused.set(label, (found = { score: 0, lexicalRank: null, denseRank: null, similarity: null }));
    return found;
  };
  lexical.forEach((label, i) => {
    const hit = entry(label);
    hit.lexicalRank = i + 1;
    hit.score += 1 / (RRF_K + i + 1);
  });
  dense.forEach(({ label, similarity }, i) => {
    const hit = entry(label);
    hit.denseRank = i + 1;
    hit.similarity = similarity;
    hit.score += 1 / (RRF_K + i + 1);
  });

  // Rank on what the boosts read (section, text, report), then load the passages of the k best only.
  const outlines = app.store.chunkOutlines([...fused.keys()]);
  const newest = reports.newestDay;
  const ranked = [...fused].flatMap(([label, hit]) => {
    const chunk = outlines.get(label);
    const report = chunk && reports.byId.get(chunk.reportId);
    if (!chunk || !report) return [];
    let score = hit.score;
    if (chunk.section && plan.sections.includes(chunk.section as Question['sections'][number])) score *= SECTION_BOOST;
    if (isHeadingOnly(chunk.text)) score *= HEADING_ONLY_FACTOR;
    if (plan.asksWhenHeld && statesMeetingDay(chunk.text, report)) score *= MEETING_DAY_BOOST;
    score *= selection.preference(chunk.reportId);
    if (!plan.period && newest !== null) score *= 1 + RECENCY_WEIGHT * recency(report, newest);
    return [{ label, hit: { ...hit, score } }];
  });
  ranked.sort((a, b) => b.hit.score - a.hit.score);
  const best = distinctTexts(ranked, k, (label) => outlines.get(label)!.text);
  const hits = new Map(best.map(({ label, hit }) => [label, hit]));
  const passages = app.store
    .passages(best.map(({ label }) => label))
    .map((passage): RankedPassage => ({ ...passage, ...hits.get(passage.rowid)! }));
  clock.lap('fusion');
  return {
    question: plan,
    passages,
    applied: selection.applied,
    uncovered: [],
    assumed: selection.assumed,
    inherited,
    sessions: null,
  };
}

// A year of monthly sessions; older ones are counted, not listed.
const LISTED_SESSIONS = 12;
// A report's opening and what follows it: the session, then its first business (a title or a
// heading alone is not counted; it is passed over).
const PASSAGES_PER_LISTED_SESSION = 3;

/** The first passages (past headings) of the newest LISTED_SESSIONS of some reports, oldest report first. */
function sessionOpenings(store: Store, catalog: ReportCatalog, reportIds: readonly string[]): RankedPassage[] {
  const day = (id: string) => {
    const report = catalog.byId.get(id);
    return (report && reportDay(report)) ?? Number.NEGATIVE_INFINITY;
  };
  const listed = [...reportIds]
    .sort((a, b) => day(b) - day(a))
    .slice(0, LISTED_SESSIONS)
    .reverse();
  const passages = listed.flatMap((id) => {
    const opening: Passage[] = [];
    for (let ordinal = 0; opening.length < PASSAGES_PER_LISTED_SESSION; ordinal++) {
      const passage = store.passageById(`${id}:${ordinal}`);
      if (!passage) break;
      if (!isHeadingOnly(passage.text)) opening.push(passage);
    }
    return opening;
  });
  return passages.map((passage, i) => ({
    ...passage,
    score: 1 / (i + 1),
    lexicalRank: null,
    denseRank: null,
    similarity: null,
  }));
}

/**
 * The first `k` of a ranking, passing over passages whose text an earlier one already has (a
 * report stored twice before copies were refused, a notice repeated in a session report): an
 * answer never cites the same words twice.
 */
function distinctTexts<T extends { label: number }>(
  ranked: readonly T[],
  k: number,
  textOf: (label: number) => string,
): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const entry of ranked) {
    if (kept.length === k) break;
    const key = textOf(entry.label).replace(/\s+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(entry);
  }
  return kept;
}

/**
 * "phiên họp gần đây nhất" read as the month of the newest session of what the question names, so
 * the filters, the answer's scope and a follow-up all name that session.
 */
function latestAsMonth(plan: Question, reports: readonly ReportSummary[]): Question {
  if (!plan.latest || plan.period) return plan;
  const month = latestSessionMonth(plan, reports);
  return month ? inSessionMonth(plan, month) : plan;
}

interface StageClock {
  start(): void;
  /** Adds the time since the last lap (or start) to `stage`. */
  lap(stage: RetrievalStage): void;
}

function stageClock(timings: RetrieveOptions['timings']): StageClock {
  if (!timings) return { start: () => {}, lap: () => {} };
  let last = 0;
  return {
    start: () => (last = performance.now()),
    lap: (stage) => {
      const now = performance.now();
      timings[stage] = (timings[stage] ?? 0) + (now - last);
      last = now;
    },
  };
}

function lexicalRanking(plan: Question, store: Store, allowed: LabelSet | undefined, clock: StageClock): number[] {
  const topic = plan.topicTerms.length > 0 ? plan.topicTerms.join(' ') : plan.searchText;
  const query = lexicalQuery(topic);
  if (!query) return [];
  const index = lexicalIndex(store);
  clock.lap('lexical index');
  const labels = index.search(query, CANDIDATES_PER_METHOD, allowed && ((label) => allowed.has(label)));
  clock.lap('lexical search');
  return labels;
}

async function denseRanking(
  plan: Question,
  app: RetrieveDeps,
  allowed: LabelSet | undefined,
  clock: StageClock,
): Promise<Array<{ label: number; similarity: number }>> {
  const embedder = await app.embedder();
  const index = await app.vectorIndex();
  const [vector] = await embedder.embedQueries([plan.searchText]);
  clock.lap('query embedding');
  if (!vector || index.size === 0) return [];
  // A filter that leaves a few reports is searched exactly: a graph walk would pass through most
  // of the index to find them, and could still miss some.
  const hits =
    allowed && allowed.size <= EXACT_SEARCH_MAX_LABELS
      ? exactSearch(app.store.vectorsIn(allowed.ranges), vector, CANDIDATES_PER_METHOD)
      : index.search(vector, CANDIDATES_PER_METHOD, allowed && ((label) => allowed.has(label)));
  clock.lap('ANN search');
  return hits;
}

/** Short, and ends without a sentence's closing mark: a title, a heading or a header block. */
function isHeadingOnly(text: string): boolean {
  return countWords(text) <= HEADING_MAX_WORDS && !/[.!?…]["”’)\]]*\s*$/.test(text);
}

/** Whether a passage names its report's meeting day ("Chiều 29.4", "ngày 21 tháng 12 năm 2021"). */
function statesMeetingDay(text: string, report: ReportSummary): boolean {
  if (!report.meetingDate) return false;
  const [, month, day] = report.meetingDate.split('-').map(Number);
  return findDates(text).some((date) => date.first.day === day && date.first.month === month);
}

/** 1 for the newest report, halving with every RECENCY_HALF_LIFE_DAYS of age. */
function recency(report: ReportSummary, newestDay: number): number {
  const day = reportDay(report);
  return day === null ? 0 : Math.pow(0.5, (newestDay - day) / RECENCY_HALF_LIFE_DAYS);
}

const labelRanges = new WeakMap<ReportCatalog, { byReport: Map<string, LabelRange[]>; end: number }>();
// `selectReports` hands out the same `reportIds` array for the same filters while the catalog lasts.
const labelSets = new WeakMap<readonly string[], LabelSet>();

/** The chunk labels of some reports, from label ranges read once per catalog. */
function allowedLabels(store: Store, catalog: ReportCatalog, reportIds: readonly string[]): LabelSet {
  const known = labelSets.get(reportIds);
  if (known) return known;
  let ranges = labelRanges.get(catalog);
  if (!ranges) {
    const byReport = store.labelRanges();
    let end = 0;
    for (const list of byReport.values()) for (const { first, count } of list) end = Math.max(end, first + count);
    labelRanges.set(catalog, (ranges = { byReport, end }));
  }
  const labels = LabelSet.of(reportIds, ranges.byReport, ranges.end);
  labelSets.set(reportIds, labels);
  return labels;
}

const openings = new WeakMap<ReportCatalog, Map<string, ReportOpening>>();

/** A report's title, first passage and text (each read when a filter first needs it), kept while the catalog lasts. */
function openingOf(store: Store, catalog: ReportCatalog, report: ReportSummary): ReportOpening {
  let known = openings.get(catalog);
  if (!known) openings.set(catalog, (known = new Map()));
  let opening = known.get(report.id);
  if (!opening) {
    // The lead is read from the store only if a filter needs more than the title.
    let lead: string | undefined;
    let text: string | undefined;
    opening = {
      title: report.title ?? '',
      get lead() {
        return (lead ??= store.passageById(`${report.id}:0`)?.text ?? '');
      },
      get text() {
        return (text ??= store.getReport(report.id)?.text ?? '');
      },
    };
    known.set(report.id, opening);
  }
  return opening;
}
