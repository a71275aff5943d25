// Every number that ranks passages or sentences, or decides whether the reports answer a question:
// what each weighs, and the figure that chose it. Figures are from `npm run eval` (the 140-question
// set, tuned on, and the held-out sets where named); "by hand" means no sweep is recorded.

// ---------------------------------------------------------------------------------------------
// Retrieval (src/retrieve/)

/**
 * Reciprocal rank fusion: a passage ranked r by a method adds 1 / (RRF_K + r). Cormack et al. use
 * 60; 20 lets each method's first few ranks count for more, which the eval prefers (hybrid hit@1
 * 0.79 → 0.82 on its 120 questions, 0.81 → 0.86 on the 21 held-out ones, hit@5 unchanged; 10 lost
 * held-out hit@5).
 */
export const RRF_K = 20;
/** How deep each side (lexical, dense) is read before fusion; by hand. */
export const CANDIDATES_PER_METHOD = 50;
/**
 * Up to this many chunks, a filtered dense search reads their vectors from the store (~10 µs each)
 * and ranks them exactly, rather than walk the graph past everything the filter excludes (bench:
 * the p95 of filtered searches at 104k chunks).
 */
export const EXACT_SEARCH_MAX_LABELS = 300;
/** A passage in the section the question points at ("kết luận" → conclusion) gets this factor; by hand. */
export const SECTION_BOOST = 1.15;
/**
 * With no period asked, newer reports win near-ties: up to +5%, halving every year of age (measured
 * from the newest stored report, so an archive ranks the same whenever it is read); by hand.
 */
export const RECENCY_WEIGHT = 0.05;
export const RECENCY_HALF_LIFE_DAYS = 365;
/**
 * A passage that is only a title or heading ("UBND phường X họp phiên thường kỳ tháng 4/2022",
 * "QUYẾT NGHỊ:") matches a question's body and month well but has no sentence to answer with
 * (eval: hybrid hit@1 +0.03, held-out +0.10).
 */
export const HEADING_ONLY_FACTOR = 0.5;
/** Asked when a meeting was held, the passage that states its report's meeting day answers it; by hand. */
export const MEETING_DAY_BOOST = 1.3;
/** A body named by its organ alone ("HĐND", "thị ủy") ranks that organ's reports higher without filtering; by hand. */
export const ORGAN_PREFERENCE = 1.1;
/**
 * "by late October 2021" dates a figure, not a session, but the sessions of that month or the next
 * (or held in them) are the likeliest to state it; by hand.
 */
export const DATED_MONTH_PREFERENCE = 1.2;
/** A place named without an organ ("rác thải ở phường Đông Ngàn") ranks that place's reports higher; by hand. */
export const PLACE_PREFERENCE = 1.5;

// ---------------------------------------------------------------------------------------------
// Whether the reports answer (src/answer/answer.ts)

/** Passages an answerer reads: the best few, so the model's context and the extractive answerer's sentence pool stay on the question. */
export const PASSAGES_FOR_ANSWER = 6;
/**
 * One of the best passages must hold at least this share (by rarity weight) of the question's topic
 * terms for the question to count as answered by the reports; the looser bar when it names a
 * session that exists. Swept on the eval set (0.4/0.25 to 0.6/0.4): these keep false refusals at 4%
 * with fact recall 0.91; higher bars refuse more unanswerable questions but also more answerable ones.
 */
export const MIN_TOPIC_COVERAGE = 0.5;
export const MIN_TOPIC_COVERAGE_IN_SESSION = 0.3;
/** The question's topic must be found in one of this many best passages; by hand. */
export const PASSAGES_CHECKED_FOR_TOPIC = 3;

// ---------------------------------------------------------------------------------------------
// The extractive answer's sentences (src/answer/extractive.ts)

/**
 * How a sentence's score is made (each part in [0, 1]): the question's topic terms it holds,
 * weighted by rarity, count most; dense similarity catches paraphrase (and English questions, whose
 * topic terms are a glossary translation); the section, the passage's rank and the kind of answer
 * asked for (a figure, a day, a person) break near-ties. Novelty rewards, when choosing further
 * sentences, the question terms no chosen sentence holds yet. By hand, checked by fact recall.
 */
export const SENTENCE_WEIGHT = {
  terms: 0.5,
  dense: 0.25,
  section: 0.08,
  rank: 0.12,
  cue: 0.15,
  novelty: 0.25,
} as const;
/** How much the question's words outside its topic count, against 1 for a topic term; by hand. */
export const CONTEXT_SHARE = 0.35;
/** A sentence is kept when it scores at least this share of the best one; weaker tails are noise. By hand. */
export const RELATIVE_CUT = 0.66;
/** Another report is quoted only for sentences nearly as good as the best: a second source must earn its place. By hand. */
export const SECOND_REPORT_CUT = 1.2;
