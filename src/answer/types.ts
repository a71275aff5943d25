import type { RankedPassage, Retrieval } from '../retrieve/index.ts';
import type { QuestionLanguage, QuestionScope } from '../question/index.ts';

/** How an answer was made: by a language model, by picking report sentences, or not at all. */
export type AnswerMode = 'llm' | 'extractive' | 'no-answer';

/** A claim's source: a retrieved passage and the sentence quoted from it. */
export interface Citation {
  /** The marker number used in the answer text: "[n]". */
  n: number;
  chunkId: string;
  reportId: string;
  title: string;
  /** The report's meeting date, else its document or published date, "YYYY-MM-DD". */
  date: string | null;
  body: string | null;
  sessionMonth: string | null;
  meetingDate: string | null;
  publishedDate: string | null;
  /** URL or file the report came from. */
  source: string;
  /** The report is an illustrative sample, not an official record: every surface says so (`SAMPLE_LABEL`). */
  sample: boolean;
  /** At most 300 characters, found verbatim in the cited passage. */
  quote: string;
}

/** A retrieved passage as shown with an answer. */
export interface AnswerPassage {
  chunkId: string;
  reportId: string;
  title: string;
  text: string;
  score: number;
}

/** The one answer shape every surface renders: `ask --json`, the chat prompt and the bot. */
export interface Answer {
  question: string;
  /** Plain text (no HTML) in the question's language, with "[n]" after cited claims. */
  answer: string;
  mode: AnswerMode;
  language: QuestionLanguage;
  citations: Citation[];
  /** Retrieved passages, best first. */
  passages: AnswerPassage[];
  /** Why the answer is what it is when that needs saying (fallback from the LLM, assumed session). */
  note: string | null;
  /**
   * The period, body and session the answer is about, named by the question or taken from the
   * previous one (`AnswerOptions.context`); null when neither names any. A conversation passes
   * it back as the next question's context.
   */
  scope: QuestionScope | null;
  timingsMs: { retrieve: number; answer: number; total: number };
}

/** What an answerer writes before citations are checked: text with "[n]" markers, n indexing `passages` from 1. */
export interface DraftAnswer {
  text: string;
  /** For each marker it used, the sentence it quotes from that passage (optional for the LLM). */
  quotes: Map<number, string>;
}

/** Writes an answer to a question from retrieved passages. */
export interface Answerer {
  readonly mode: 'llm' | 'extractive';
  /**
   * Drafts an answer from `passages` (numbered from 1 in this order; the top of
   * `retrieval.passages`). `retrieval.question` holds the question as understood.
   * Throws `AnswerError` when it cannot produce a draft (the caller falls back or refuses).
   */
  draft(retrieval: Retrieval, passages: readonly RankedPassage[]): Promise<DraftAnswer>;
}

/** An answerer that could not draft an answer: which one, and why, for the log. */
export class AnswerError extends Error {
  override readonly name = 'AnswerError';
  constructor(
    readonly answerer: 'llm' | 'extractive',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${answerer} answerer: ${message}`, options);
  }
}
