// The built-in answerer: quotes the report sentences that best answer the question, each with
// its passage marker, grouped under a line naming the report they come from.
import type { Embedder } from '../embed/index.ts';
import type { RankedPassage, Retrieval } from '../retrieve/index.ts';
import { isOverview, type Question, type Wants } from '../question/index.ts';
import { CONTEXT_SHARE, RELATIVE_CUT, SECOND_REPORT_CUT, SENTENCE_WEIGHT } from '../ranking.ts';
import { countWords, findDates, foldedTerms, foldText, splitSentences } from '../text/index.ts';
import { clip } from './citations.ts';
import { hasFigure, namesPerson } from './evidence.ts';
import { describeReport, leadLine } from './lead-line.ts';
import { heldWeight, termsOf } from './relevance.ts';
import { AnswerError, type Answerer, type DraftAnswer } from './types.ts';

const MAX_SENTENCES = 5;
// Items quoted after a chosen sentence that announces a list ("như sau:"), beyond MAX_SENTENCES if need be.
const ITEMS_AFTER_LEAD_IN = 2;
const MAX_REPORTS = 2;
// Fragments shorter than this are headings, list labels or datelines, not answers.
const MIN_WORDS = 5;
// A line this short without closing punctuation is a heading or a title, not an answer.
const MAX_HEADING_WORDS = 25;

// A sentence gives the kind of answer a question wants (see `Wants`) when it holds a figure, a
// date or a named person.
const GIVES: Readonly<Record<Wants['kinds'][number], (sentence: string) => boolean>> = {
  figure: (sentence) => hasFigure(sentence),
  date: (sentence) => hasDate(sentence),
  person: (sentence) => namesPerson(sentence),
};
// A person as official writing names one: "đồng chí Nguyễn Văn A", "ông Trần Văn B".
// A period a deadline is often given as instead of a day ("quý IV/2022", "trong tháng 7").
const PERIOD_PHRASE = /\b(?:quy\s+[ivx]+|thang\s+\d{1,2})\b/;
// The closing clauses every resolution and decision carries (who carries it out, who oversees
// it, when it takes effect): they repeat a question's "nghị quyết", "thông qua" without saying
// what was decided, so they are quoted only when the question asks about them.
const CLOSING_CLAUSE =
  /\b(?:(?:nghi quyet|quyet dinh|ke hoach|quy che) nay (?:.* )?(?:co hieu luc|duoc .* thong qua)|giam sat (?:viec )?(?:trien khai )?thuc hien (?:nghi quyet|quyet dinh)|to chuc (?:trien khai )?thuc hien (?:nghi quyet|quyet dinh)|chiu trach nhiem thi hanh)\b/;
// Who chaired and who attended: the formalities of an opening, not a meeting's business, unless
// the sentence also says what was done ("các đại biểu tham dự nghe các báo cáo ... và thông qua").
const FORMALITY = /\b(?:chu tri|chu toa|dieu hanh|tham du|du va chi dao|du hop|co mat|chaired|attended)\b/;
const BUSINESS =
  /\b(?:thong qua|thao luan|danh gia|cho y kien|ket luan|bau|nghe|xem xet|quyet nghi|bieu quyet|giao|discuss|approv|review|elect)/;

/** A sentence that only says who chaired or attended. */
function isFormality(text: string): boolean {
  const folded = foldText(text);
  return FORMALITY.test(folded) && !BUSINESS.test(folded);
}
const ASKS_ABOUT_CLOSING =
  /\b(?:hieu luc|thi hanh|giam sat|to chuc thuc hien|take effect|in force|effective|oversee|supervis)/;

interface Candidate {
  /** 1-based number of the passage it comes from. */
  n: number;
  passage: RankedPassage;
  /** The sentence as written in the passage. */
  text: string;
  /** Offset of the sentence in its report's text: report order. */
  position: number;
  /** Its matching terms and adjacent syllable pairs. */
  terms: Set<string>;
  score: number;
}

/** The extractive answerer: no model, no I/O beyond the embedder; the default without an API key. */
export function createExtractiveAnswerer(embedder: Embedder): Answerer {
  return {
    mode: 'extractive',
    async draft(retrieval: Retrieval, passages: readonly RankedPassage[]): Promise<DraftAnswer> {
      const top = passages[0];
      if (!top) throw new AnswerError('extractive', 'no passages to quote from');
      const candidates = sentencesOf(passages);
      if (candidates.length === 0) throw new AnswerError('extractive', 'the passages hold no whole sentences');
      if (retrieval.sessions !== null) return renderSessions(candidates, retrieval);
      if (isOverview(retrieval.question)) return render(mainPoints(candidates, top.reportId), retrieval.question);
      const question = await score(candidates, retrieval.question, passages.length, embedder);
      const chosen = choose(candidates, question, top.reportId);
      if (chosen.length === 0) throw new AnswerError('extractive', 'no sentence speaks of the question');
      return render(chosen, retrieval.question);
    },
  };
}

/**
 * The main points of the report asked about, in report order, up to MAX_SENTENCES: what the meeting
 * was (its opening), what it assessed (a headline figure where one is stated), then the first of
 * what was discussed or proposed, concluded and decided; a report without marked parts gives its
 * first sentences.
 */
function mainPoints(candidates: readonly Candidate[], reportId: string): Candidate[] {
  const ofReport = candidates.filter((c) => c.passage.reportId === reportId).sort((a, b) => a.position - b.position);
  const chosen: Candidate[] = [];
  const take = (candidate: Candidate | undefined) => {
    if (candidate && !chosen.includes(candidate)) chosen.push(candidate);
  };
  // The opening's first sentence says what the meeting was; past it, who chaired and who attended
  // is no main point, unless the report states nothing else.
  const first = ofReport.find((c) => c.passage.section === 'opening');
  const business = ofReport.filter((c) => c === first || !isFormality(c.text));
  const inPart = (section: string) =>
    (business.length > 1 ? business : ofReport).filter((c) => c.passage.section === section);
  take(first);
  // Headline figures: a report often states its results before any "đánh giá" heading.
  const assessed = [...inPart('assessment'), ...inPart('opening')].filter((c) => !chosen.includes(c));
  take(assessed.find((c) => hasFigure(c.text)) ?? assessed[0]);
  for (const section of ['opinions', 'conclusion', 'decisions']) take(inPart(section)[0]);
  for (const candidate of business.length > 1 ? business : ofReport)
    if (chosen.length < MAX_SENTENCES && candidate.passage.section === null) take(candidate);
  return chosen.slice(0, MAX_SENTENCES).sort((a, b) => a.position - b.position);
}

/**
 * What a body did over a period: a line saying how many of its meetings are stored, then one line
 * per meeting listed (oldest first), naming it and quoting its first business: the first sentence
 * of a marked part past the opening, else the first past its lead, else its lead.
 */
function renderSessions(candidates: readonly Candidate[], retrieval: Retrieval): DraftAnswer {
  const plan = retrieval.question;
  const reportIds = [...new Set(retrieval.passages.map((p) => p.reportId))];
  const lines = [sessionsLead(plan, retrieval.sessions ?? reportIds.length, reportIds.length)];
  const quotes = new Map<number, string>();
  for (const reportId of reportIds) {
    // Its lead announces the meeting the line already names; who chaired is no business either.
    const [lead, ...rest] = candidates
      .filter((c) => c.passage.reportId === reportId)
      .sort((a, b) => a.position - b.position);
    const business = rest.filter((c) => !isFormality(c.text));
    const point =
      business.find((c) => c.passage.section !== null && c.passage.section !== 'opening') ?? business[0] ?? lead;
    if (!point) continue;
    const { report } = point.passage;
    // The body is named once above; a line names the session, unless it has nothing else to go by.
    const named =
      report.sessionMonth || report.sessionNumber !== null || report.sessionKind ? { ...report, body: null } : report;
    lines.push(`- ${describeReport(named, plan.language)}: ${point.text.replace(/\s+/g, ' ')} [${point.n}]`);
    quotes.set(point.n, clip(point.text));
  }
  return { text: lines.join('\n'), quotes };
}

function sessionsLead(plan: Question, found: number, listed: number): string {
  const body = plan.body?.name ?? plan.body?.organ ?? '';
  const period = plan.period?.label ?? '';
  if (plan.language === 'en') {
    const latest = found > listed ? ` (the latest ${listed} listed)` : '';
    return `The stored reports record ${found} meetings of ${body} in ${period}${latest}:`;
  }
  const latest = found > listed ? ` (liệt kê ${listed} cuộc họp gần nhất)` : '';
  return `Các báo cáo hiện có ghi ${found} cuộc họp của ${body} trong ${period}${latest}:`;
}

/** Whole sentences of the passages, each once (overlapping chunks repeat sentences; the better-ranked passage keeps it). */
function sentencesOf(passages: readonly RankedPassage[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  passages.forEach((passage, i) => {
    for (const span of splitSentences(passage.text)) {
      const text = passage.text.slice(span.start, span.end);
      if (!isAnswerSentence(text)) continue;
      const position = passage.start + span.start;
      const key = `${passage.reportId}:${position}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({
        n: i + 1,
        passage,
        text,
        position,
        terms: new Set([...termsOf(text), ...pairsOf(text)]),
        score: 0,
      });
    }
  });
  return candidates;
}

function isAnswerSentence(text: string): boolean {
  const words = countWords(text);
  if (words < MIN_WORDS) return false;
  if (!/\p{Ll}/u.test(text)) return false;
  const heading = !/[.!?…:;,"”)]$/.test(text) && words <= MAX_HEADING_WORDS;
  // "… kết luận như sau:" announces a list and says nothing itself, unless it carries figures.
  const leadIn = text.endsWith(':') && !hasFigure(text);
  return !heading && !leadIn;
}

/** The question's terms with their weights, and the total weight, shared by all candidates. */
interface QuestionTerms {
  weights: Map<string, number>;
  total: number;
}

async function score(
  candidates: Candidate[],
  plan: Question,
  passageCount: number,
  embedder: Embedder,
): Promise<QuestionTerms> {
  const wants = answerKind(plan);
  const question = questionTerms(plan, wants.framing, candidates);
  const [query] = await embedder.embedQueries([plan.searchText]);
  const vectors = await embedder.embedPassages(candidates.map((c) => c.text));
  const similarities = candidates.map((_, i) => (query && vectors[i] ? Math.max(0, dot(query, vectors[i])) : 0));
  const bestSimilarity = Math.max(...similarities);

  const closingAsked = wants.asksWhen || ASKS_ABOUT_CLOSING.test(foldText(plan.normalized));
  candidates.forEach((candidate, i) => {
    const terms = question.total > 0 ? heldWeight(question.weights, candidate.terms) / question.total : 0;
    const dense = bestSimilarity > 0 ? (similarities[i] ?? 0) / bestSimilarity : 0;
    // Nothing of the question in it, in words or in meaning: not a candidate answer.
    if (terms === 0 && dense === 0) return;
    if (!closingAsked && CLOSING_CLAUSE.test(foldText(candidate.text))) return;
    const section =
      candidate.passage.section !== null && (plan.sections as string[]).includes(candidate.passage.section) ? 1 : 0;
    const rank = 1 - (candidate.n - 1) / passageCount;
    const cue = wants.answeredBy?.(candidate.text) ? 1 : 0;
    candidate.score =
      SENTENCE_WEIGHT.terms * terms +
      SENTENCE_WEIGHT.dense * dense +
      SENTENCE_WEIGHT.section * section +
      SENTENCE_WEIGHT.rank * rank +
      SENTENCE_WEIGHT.cue * cue;
  });
  return question;
}

/**
 * The question's terms that some candidate holds, each weighted by its rarity among the
 * candidates (a term every sentence has says little). Topic terms (with the expansions of their
 * abbreviations) count fully; the question's other words (the section it names: "thông qua",
 * "kết luận") count a little, since an answer sentence often repeats them, except those that
 * name the reports.
 */
function questionTerms(plan: Question, framing: ReadonlySet<string>, candidates: readonly Candidate[]): QuestionTerms {
  const topic = termsOf(plan.topicTerms.filter((term) => !framing.has(term)).join(' '));
  // Words that name the reports (body, session, dates: their context headers) do not tell one sentence from another.
  const naming = new Set(
    [...new Set(candidates.map((c) => c.passage.header))].flatMap((header) => [...termsOf(header)]),
  );
  const context = [...termsOf(plan.searchText)].filter(
    (term) => !topic.has(term) && !framing.has(term) && !naming.has(term),
  );
  const weights = new Map<string, number>();
  const weigh = (term: string, share: number) => {
    const holding = candidates.filter((c) => c.terms.has(term)).length;
    if (holding > 0) weights.set(term, share * Math.log(1 + candidates.length / holding));
  };
  for (const term of topic) weigh(term, 1);
  for (const term of context) weigh(term, CONTEXT_SHARE);
  for (const pair of pairsOf(plan.searchText)) if (pair.split(' ').every((term) => topic.has(term))) weigh(pair, 1);
  return { weights, total: [...weights.values()].reduce((sum, w) => sum + w, 0) };
}

/** Adjacent folded syllables ("thu ngan", "ngan sach"): a sentence saying "thu ngân sách" beats one with "ngân sách" and "thu" apart. */
function pairsOf(text: string): string[] {
  const terms = foldedTerms(text);
  return terms.slice(1).map((term, i) => `${terms[i]} ${term}`);
}

interface AnswerKind {
  /** Whether a sentence gives the kind of answer asked for; null when the question asks for none in particular. */
  answeredBy: ((sentence: string) => boolean) | null;
  /** The question asks for a day or a time: "thông qua ngày nào" is answered by a closing clause. */
  asksWhen: boolean;
  /** Folded words that only frame the question ("ngay nao"), left out of its topic. */
  framing: Set<string>;
}

function answerKind(plan: Question): AnswerKind {
  const { kinds, framing } = plan.wants;
  return {
    answeredBy: kinds.length > 0 ? (sentence) => kinds.some((kind) => GIVES[kind](sentence)) : null,
    asksWhen: kinds.includes('date'),
    framing: new Set(framing),
  };
}

function hasDate(text: string): boolean {
  return findDates(text).length > 0 || PERIOD_PHRASE.test(foldText(text));
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/**
 * The sentences to quote, best first: each next one by its score plus, within a report already
 * quoted, what it adds (question terms no chosen sentence holds yet, so a two-part question gets
 * both parts answered), while it stays above the relative cut. The top passage's report is the
 * one asked about; one other report may add sentences nearly as good as the best. They are
 * returned the top passage's report first, and within a report by how much of the question they
 * state, then in report order.
 */
function choose(candidates: readonly Candidate[], question: QuestionTerms, primaryReport: string): Candidate[] {
  const pool = candidates.filter((c) => c.score > 0);
  const cut = RELATIVE_CUT * Math.max(0, ...pool.map((c) => c.score));
  const chosen: Candidate[] = [];
  const reports = [primaryReport];
  const covered = new Set<string>();
  while (chosen.length < MAX_SENTENCES) {
    const uncovered = [...question.weights].reduce((sum, [term, weight]) => sum + (covered.has(term) ? 0 : weight), 0);
    let next: { candidate: Candidate; value: number } | null = null;
    for (const candidate of pool) {
      if (chosen.includes(candidate)) continue;
      const known = reports.includes(candidate.passage.reportId);
      if (!known && reports.length >= MAX_REPORTS) continue;
      // Completing the answer is a reason to quote more of a report already quoted, not to bring in another.
      const quoted = known && chosen.some((c) => c.passage.reportId === candidate.passage.reportId);
      const novelty = quoted && uncovered > 0 ? heldWeight(question.weights, candidate.terms, covered) / uncovered : 0;
      const value = candidate.score + SENTENCE_WEIGHT.novelty * novelty;
      if (value < (known ? cut : SECOND_REPORT_CUT * cut)) continue;
      if (!next || value > next.value) next = { candidate, value };
    }
    if (!next) break;
    const { candidate } = next;
    chosen.push(candidate);
    if (!reports.includes(candidate.passage.reportId)) reports.push(candidate.passage.reportId);
    for (const term of question.weights.keys()) if (candidate.terms.has(term)) covered.add(term);
  }
  // "… các chỉ tiêu chủ yếu năm 2022 như sau:" promises what follows: quote its first items too.
  const leadInOf = new Map<Candidate, Candidate>();
  for (const leadIn of chosen.filter((c) => c.text.endsWith(':'))) {
    const items = candidates
      .filter((c) => c.passage === leadIn.passage && c.position > leadIn.position && !chosen.includes(c))
      .sort((a, b) => a.position - b.position)
      .slice(0, ITEMS_AFTER_LEAD_IN)
      .slice(0, Math.max(0, MAX_SENTENCES + ITEMS_AFTER_LEAD_IN - chosen.length));
    for (const item of items) leadInOf.set(item, leadIn);
    chosen.push(...items);
  }
  // Within a report, what states most of the question comes first (an agriculture question opens
  // on its harvest, not on the industry figures beside it); a list's items stay under their
  // lead-in, and sentences stating as much keep report order.
  const stated = (c: Candidate) => heldWeight(question.weights, (leadInOf.get(c) ?? c).terms);
  return chosen.sort(
    (a, b) =>
      reports.indexOf(a.passage.reportId) - reports.indexOf(b.passage.reportId) ||
      stated(b) - stated(a) ||
      (leadInOf.get(a) ?? a).position - (leadInOf.get(b) ?? b).position ||
      a.position - b.position,
  );
}

function render(chosen: readonly Candidate[], plan: Question): DraftAnswer {
  const lines: string[] = [];
  const quotes = new Map<number, string>();
  const quoted = new Map<number, number>();
  let report: string | null = null;
  for (const candidate of chosen) {
    if (candidate.passage.reportId !== report) {
      if (report !== null) lines.push('');
      report = candidate.passage.reportId;
      lines.push(leadLine(candidate.passage.report, plan.language));
    }
    lines.push(`${candidate.text.replace(/\s+/g, ' ')} [${candidate.n}]`);
    // One quote per passage: its best sentence.
    if ((quoted.get(candidate.n) ?? -1) < candidate.score) {
      quoted.set(candidate.n, candidate.score);
      quotes.set(candidate.n, clip(candidate.text));
    }
  }
  return { text: lines.join('\n'), quotes };
}
