import type { Store } from '../store/index.ts';
import { foldedTerms, matchingText } from '../text/index.ts';

/** Folded words that ask rather than say what about: they would match every report. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  ('gi nao bao nhieu the sao ra khong co la cua ve cho va cac nhung duoc da dang se trong tai voi thi nhu ai khi hoi ' +
    'minh em toi nhe a oi vay roi nay do bi ko k hay hoac dau may hom buoi luc').split(' '),
);
// A term in more than this share of chunks tells little and costs the most to look up: BM25
// must score every chunk an ORed term matches (measured at 100k chunks: see README).
const COMMON_TERM_SHARE = 0.1;
// Below this many chunks document frequencies say nothing: keep every term.
const MIN_CHUNKS_FOR_PRUNING = 200;

/**
 * An FTS5 query for what a question is about: its topic terms (period, body and question words
 * already taken out by the query plan, which the filters handle) with their abbreviation
 * expansions, and adjacent-syllable phrases, ORed.
 */
export function lexicalQuery(searchText: string, store: Store, totalChunks: number): string | null {
  const terms = [...new Set(matchingText(searchText).split(' '))].filter((term) => term && !QUESTION_WORDS.has(term));
  const syllables = foldedTerms(searchText).filter((term) => !QUESTION_WORDS.has(term));
  const common = commonTerms([...new Set([...terms, ...syllables])], store, totalChunks);
  const kept = terms.filter((term) => !common.has(term));
  // "nong nghiep" as a phrase outranks chunks that merely hold "nong" and "nghiep" apart; a
  // phrase of two common syllables ("phien hop") matches most chunks and is left out too.
  const phrases: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) {
    const [first, second] = [syllables[i]!, syllables[i + 1]!];
    if (!common.has(first) || !common.has(second)) phrases.push(`${first} ${second}`);
  }
  const clauses = [...kept, ...new Set(phrases)].map((clause) => `"${clause}"`);
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}

function commonTerms(terms: readonly string[], store: Store, totalChunks: number): Set<string> {
  if (totalChunks < MIN_CHUNKS_FOR_PRUNING) return new Set();
  const frequencies = store.documentFrequencies(terms);
  return new Set(terms.filter((term) => (frequencies.get(term) ?? 0) > totalChunks * COMMON_TERM_SHARE));
}
