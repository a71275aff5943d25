import type { App } from '../app.ts';
import type { Passage, ReportSummary, Store } from '../store/index.ts';
import { recognizeBody } from '../text/index.ts';
import { selectReports } from './filters.ts';
import { lexicalQuery } from './lexical.ts';
import { understandQuestion, type QueryPlan } from './query.ts';

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

/** What retrieval found for one question, and how it read the question. */
export interface Retrieval {
  plan: QueryPlan;
  passages: RankedPassage[];
  /** Filters applied from the question (period, body, session). */
  applied: string[];
  /** Filters no stored report satisfies: the reports do not cover what was asked. */
  uncovered: string[];
}

export interface RetrieveOptions {
  /** How many passages to return (default 10). */
  k?: number;
  mode?: RetrievalMode;
}

type RetrieveApp = Pick<App, 'store' | 'embedder' | 'vectorIndex'>;

// Reciprocal rank fusion: a passage ranked r by a method adds 1 / (RRF_K + r). 60 is the
// constant of Cormack et al.; ranks below it matter little, so each side is read this deep.
const RRF_K = 60;
const CANDIDATES_PER_METHOD = 50;
// A passage in the section the question points at ("kết luận" → conclusion) gets this factor.
const SECTION_BOOST = 1.15;
// With no period asked, newer reports win near-ties: up to +5%, halving every year of age
// (measured from the newest stored report, so an archive ranks the same whenever it is read).
const RECENCY_WEIGHT = 0.05;
const RECENCY_HALF_LIFE_DAYS = 365;

/**
 * Finds the passages that answer a question: reads the question (language, period, body,
 * session, section), narrows the reports to those it can be about, then fuses lexical (FTS5
 * BM25 over folded text) and dense (ANN) rankings by reciprocal rank fusion.
 */
export async function retrieve(question: string, app: RetrieveApp, options: RetrieveOptions = {}): Promise<Retrieval> {
  const k = options.k ?? 10;
  const mode = options.mode ?? 'hybrid';
  const reports = reportCatalog(app.store);
  const plan = understandQuestion(question, { knownPlaces: reports.places });
  const selection = selectReports(plan, reports.list, (report) => reports.placeOf.get(report.id) ?? null);
  if (selection.uncovered.length > 0) {
    return { plan, passages: [], applied: selection.applied, uncovered: selection.uncovered };
  }
  const allowed = selection.reportIds ? app.store.labelsOf(selection.reportIds) : undefined;

  const lexical = mode === 'dense' ? [] : lexicalRanking(plan, app.store, selection.reportIds);
  const dense = mode === 'lexical' ? [] : await denseRanking(plan, app, allowed);

  const fused = new Map<number, { score: number; lexicalRank: number | null; denseRank: number | null; similarity: number | null }>();
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

  const passages = app.store.passages([...fused.keys()]);
  const newest = reports.newestDay;
  const ranked = passages.map((passage): RankedPassage => {
    const hit = fused.get(passage.rowid)!;
    let score = hit.score;
    if (passage.section && plan.sections.includes(passage.section as QueryPlan['sections'][number])) score *= SECTION_BOOST;
    score *= selection.preference.get(passage.reportId) ?? 1;
    if (!plan.period && newest !== null) score *= 1 + RECENCY_WEIGHT * recency(passage.report, newest);
    return { ...passage, ...hit, score };
  });
  ranked.sort((a, b) => b.score - a.score);
  return { plan, passages: ranked.slice(0, k), applied: selection.applied, uncovered: [] };
}

function lexicalRanking(plan: QueryPlan, store: Store, reportIds: string[] | undefined): number[] {
  const topic = plan.topicTerms.length > 0 ? plan.topicTerms.join(' ') : plan.searchText;
  const query = lexicalQuery(topic, store, store.counts().chunks);
  if (!query) return [];
  return store.lexicalSearch(query, CANDIDATES_PER_METHOD, reportIds).map((hit) => hit.label);
}

async function denseRanking(
  plan: QueryPlan,
  app: RetrieveApp,
  allowed: Set<number> | undefined,
): Promise<Array<{ label: number; similarity: number }>> {
  const embedder = await app.embedder();
  const index = await app.vectorIndex();
  const [vector] = await embedder.embedQueries([plan.searchText]);
  if (!vector || index.size === 0) return [];
  return index.search(vector, CANDIDATES_PER_METHOD, allowed ? (label) => allowed.has(label) : undefined);
}

/** 1 for the newest report, halving with every RECENCY_HALF_LIFE_DAYS of age. */
function recency(report: Passage['report'], newestDay: number): number {
  const day = reportDay(report);
  return day === null ? 0 : Math.pow(0.5, (newestDay - day) / RECENCY_HALF_LIFE_DAYS);
}

function reportDay(report: Pick<ReportSummary, 'meetingDate' | 'documentDate' | 'publishedDate' | 'sessionMonth'>): number | null {
  const date = report.meetingDate ?? report.documentDate ?? report.publishedDate ?? (report.sessionMonth ? `${report.sessionMonth}-01` : null);
  return date ? Date.parse(date) / 86_400_000 : null;
}

/** The stored reports as retrieval and answering read them, recomputed only when the store changes. */
export interface ReportCatalog {
  list: ReportSummary[];
  /** Place names of the stored bodies, so "tu son" in a question is recognised as a place. */
  places: string[];
  /** The place of each report's body, by report id. */
  placeOf: Map<string, string>;
  /** The distinct bodies of the stored reports. */
  bodies: string[];
  newestDay: number | null;
}

const catalogs = new WeakMap<Store, { revision: string; catalog: ReportCatalog }>();

/** The stored reports, cached until the store changes: listing thousands of reports per question is not free. */
export function reportCatalog(store: Store): ReportCatalog {
  const revision = store.revision();
  const cached = catalogs.get(store);
  if (cached?.revision === revision) return cached.catalog;
  const list = store.listReports();
  const places = new Set<string>();
  const placeOf = new Map<string, string>();
  const placeOfBody = new Map<string, string | null>();
  for (const report of list) {
    if (report.body && !placeOfBody.has(report.body)) placeOfBody.set(report.body, recognizeBody(report.body)?.place ?? null);
    const place = report.body ? placeOfBody.get(report.body) : null;
    if (!place) continue;
    places.add(place);
    placeOf.set(report.id, place);
  }
  const days = list.map(reportDay).filter((day): day is number => day !== null);
  const bodies = [...new Set(list.flatMap((report) => (report.body ? [report.body] : [])))];
  const catalog = { list, places: [...places], placeOf, bodies, newestDay: days.length > 0 ? Math.max(...days) : null };
  catalogs.set(store, { revision, catalog });
  return catalog;
}
