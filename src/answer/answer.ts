import type { Logger } from '../log.ts';
import { isOverview, LOCALITY_UNITS, scopeOf, type Asked, type Question } from '../question/index.ts';
import {
  MIN_TOPIC_COVERAGE,
  MIN_TOPIC_COVERAGE_IN_SESSION,
  PASSAGES_CHECKED_FOR_TOPIC,
  PASSAGES_FOR_ANSWER,
} from '../ranking.ts';
import type { RankedPassage, Retrieval } from '../retrieve/index.ts';
import { reportCatalog, type ReportSummary, type Store } from '../store/index.ts';
import { foldText } from '../text/index.ts';
import { checkCitations } from './citations.ts';
import { claimsOf, unmetAsk, type Focus } from './evidence.ts';
import { assumedScopeNote, llmFallbackNote, matchedInTextNote, notCovered, notInReports } from './messages.ts';
import { topicCoverage, topicWeights } from './relevance.ts';
import { AnswerError, type Answer, type Answerer } from './types.ts';

/** The answerers the configuration provides: the LLM when an API is configured, and the extractive one always. */
export interface Answerers {
  llm: Answerer | null;
  extractive: Answerer;
}

/** What answering needs: the stored reports (to list nearby ones, weigh topic words), the answerers, a log. */
export interface AnswerDeps {
  store: Store;
  log: Logger;
  answerers(): Promise<Answerers>;
}

export interface AnswerOptions {
  /** When the question arrived (`performance.now()`), so the answer's timings include retrieval; default: now. */
  startedAt?: number;
}

// Reports listed when a question is not covered.
const NEARBY_REPORTS = 5;

/**
 * Answers a question from what retrieval found: refuses plainly when the reports do not cover it
 * (listing what is available nearby), else drafts an answer with the LLM (falling back to the
 * extractive answerer on failure) and keeps only checkable citations.
 */
export async function answer(retrieval: Retrieval, app: AnswerDeps, options: AnswerOptions = {}): Promise<Answer> {
  const retrieved = performance.now();
  const started = options.startedAt ?? retrieved;
  const { question: plan } = retrieval;
  const question = plan.text;
  const assumed = [
    retrieval.inherited ? assumedScopeNote(retrieval.inherited, plan.language) : null,
    retrieval.assumed.length > 0 ? matchedInTextNote(retrieval.assumed, plan.language) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const finish = (fields: Pick<Answer, 'answer' | 'mode' | 'citations' | 'note'>): Answer => {
    const done = performance.now();
    return {
      question,
      language: plan.language,
      ...fields,
      note: [assumed, fields.note].filter(Boolean).join(' ') || null,
      scope: scopeOf(plan),
      passages: retrieval.passages.map((p) => ({
        chunkId: p.id,
        reportId: p.reportId,
        title: p.report.title ?? p.header,
        text: p.text,
        score: p.score,
      })),
      timingsMs: { retrieve: retrieved - started, answer: done - retrieved, total: done - started },
    };
  };
  const refuse = (text: string): Answer => finish({ answer: text, mode: 'no-answer', citations: [], note: null });

  if (retrieval.uncovered.length > 0)
    return refuse(notCovered(retrieval.uncovered, nearbyReports(plan, reportCatalog(app.store).list), plan.language));
  // An overview tells the whole report asked about: every retrieved passage of it; a list of
  // sessions tells each of them from its opening passages.
  const passages =
    retrieval.sessions !== null
      ? retrieval.passages
      : isOverview(plan)
        ? retrieval.passages.filter((p) => p.reportId === retrieval.passages[0]?.reportId)
        : retrieval.passages.slice(0, PASSAGES_FOR_ANSWER);
  if (!isAnswerable(retrieval, passages, app.store))
    return refuse(notInReports(nearbyReports(plan, reportCatalog(app.store).list), plan.language));

  const answerers = await app.answerers();
  // The report sentences nearest the question, as the extractive answerer picks them, are what
  // any answer would rest on: when they do not state what was asked, neither answerer may answer.
  const extracted = await tryDraft(answerers.extractive, retrieval, passages, app);
  const { asked } = plan;
  const unmet = extracted
    ? unmetAsk(
        asked,
        claimsOf(extracted.draft.text, passages),
        () => reportTexts(passages, app.store),
        focusOf(retrieval, asked, app.store),
      )
    : null;
  if (unmet) {
    app.log.info('refused: the reports do not state what was asked', { question, reason: unmet });
    return refuse(notInReports(nearbyReports(plan, reportCatalog(app.store).list), plan.language));
  }
  let note: string | null = null;
  if (answerers.llm) {
    const drafted = await tryDraft(answerers.llm, retrieval, passages, app);
    if (drafted && drafted.checked.citations.length > 0)
      return finish({ answer: drafted.checked.text, mode: 'llm', citations: drafted.checked.citations, note });
    note = llmFallbackNote(plan.language);
  }
  if (extracted && extracted.checked.citations.length > 0) {
    return finish({ answer: extracted.checked.text, mode: 'extractive', citations: extracted.checked.citations, note });
  }
  return refuse(notInReports(nearbyReports(plan, reportCatalog(app.store).list), plan.language));
}

async function tryDraft(answerer: Answerer, retrieval: Retrieval, passages: readonly RankedPassage[], app: AnswerDeps) {
  try {
    const draft = await answerer.draft(retrieval, passages);
    return { draft, checked: checkCitations(draft, passages) };
  } catch (error) {
    if (!(error instanceof AnswerError)) throw error;
    app.log.warn('answerer failed', {
      answerer: answerer.mode,
      question: retrieval.question.text,
      error: error.message,
    });
    return null;
  }
}

/** Whether the passages speak of what was asked, so that an answer from them is not invented. */
function isAnswerable(retrieval: Retrieval, passages: readonly RankedPassage[], store: Store): boolean {
  if (passages.length === 0) return false;
  const { question: plan } = retrieval;
  const coverage = topicCoverage(
    plan,
    passages.slice(0, PASSAGES_CHECKED_FOR_TOPIC),
    store,
    reportCatalog(store).bodies,
  );
  const narrowed = retrieval.applied.length > 0;
  // A year alone names no session: a question with no topic but a year ("who won the tournament
  // in 2021?", its words understood as none) asks about nothing the reports could be read for.
  const yearOnly =
    (plan.period?.months.length ?? 0) === 0 &&
    plan.body === null &&
    plan.sessionNumber === null &&
    plan.sessionKind === null;
  const namesSession = narrowed && !yearOnly;
  // No topic, or only "when did it meet / who chaired": the question is the session it names.
  if (coverage === null || (namesSession && plan.sections.includes('opening'))) return namesSession;
  // A question about reports that exist for what it names (session, body, year) is about those
  // reports: a looser bar.
  return coverage >= (narrowed ? MIN_TOPIC_COVERAGE_IN_SESSION : MIN_TOPIC_COVERAGE);
}

/**
 * The texts of the reports the passages come from, each once, with the bodies that issued them: a
 * report on a portal names its council's place in its metadata (read from its address) more often
 * than in its text, and still speaks of that place.
 */
function reportTexts(passages: readonly RankedPassage[], store: Store): string[] {
  return [...new Set(passages.map((p) => p.reportId))].flatMap((id) => {
    const report = store.getReport(id);
    return report ? [[report.body, ...report.bodyAliases, report.title, report.text].filter(Boolean).join('\n')] : [];
  });
}

/** What tells, in a cited sentence, the part that speaks of the question: its weighted topic, and the places reports are from. */
function focusOf(retrieval: Retrieval, asked: Asked, store: Store): Focus {
  const catalog = reportCatalog(store);
  // The ward a question names ("phường Phù Khê") says where, like the places of the reports, not what about.
  const wards = asked.localities.flatMap((locality) => LOCALITY_UNITS.map((unit) => `${unit} ${locality}`));
  const weights = topicWeights(retrieval.question, store, [...catalog.bodies, ...wards]);
  return { weights, places: catalog.places.map((place) => foldText(place)) };
}

/** Stored reports nearest to what was asked: of the named body if it has any, closest in time first. */
function nearbyReports(plan: Question, reports: readonly ReportSummary[]): ReportSummary[] {
  const wanted =
    plan.period?.months.find((m) => !m.startsWith('*')) ?? (plan.period?.year ? `${plan.period.year}-06` : null);
  const ofBody = plan.body
    ? reports.filter((r) => [r.body, ...r.bodyAliases].some((name) => name?.includes(plan.body!.organ)))
    : [];
  const pool = ofBody.length > 0 ? ofBody : reports;
  const month = (r: ReportSummary) =>
    r.sessionMonth ?? r.meetingDate?.slice(0, 7) ?? r.publishedDate?.slice(0, 7) ?? null;
  const distance = (r: ReportSummary) => {
    const m = month(r);
    if (!m || !wanted) return 0;
    return Math.abs(
      Number(m.slice(0, 4)) * 12 +
        Number(m.slice(5, 7)) -
        (Number(wanted.slice(0, 4)) * 12 + Number(wanted.slice(5, 7))),
    );
  };
  return [...pool].sort((a, b) => distance(a) - distance(b)).slice(0, NEARBY_REPORTS);
}
