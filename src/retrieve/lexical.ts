import type { Store } from '../store/index.ts';
import { QUESTION_WORDS } from '../question/index.ts';
import { foldedTerms, matchingText } from '../text/index.ts';
import { LexicalIndex, type LexicalTerms } from './lexical-index.ts';

/**
 * What lexical search looks for in a question's topic (period, body and question words already
 * taken out by the query plan, which the filters handle): its matching terms with their
 * abbreviation expansions, and its adjacent-syllable phrases. Null when it has no topic words.
 */
export function lexicalQuery(searchText: string): LexicalTerms | null {
  const terms = [...new Set(matchingText(searchText).split(' '))].filter((term) => term && !QUESTION_WORDS.has(term));
  if (terms.length === 0) return null;
  const syllables = foldedTerms(searchText).filter((term) => !QUESTION_WORDS.has(term));
  const phrases = syllables.slice(1).map((second, i) => [syllables[i]!, second] as const);
  return { terms, phrases };
}

const indexes = new WeakMap<Store, { revision: string; index: LexicalIndex }>();

/**
 * The in-memory lexical index of the stored chunks, built from the SQLite lexical index on first
 * use and again whenever the stored reports change (about 2 s at 100k chunks on this machine).
 */
export function lexicalIndex(store: Store): LexicalIndex {
  const revision = store.revision();
  const cached = indexes.get(store);
  if (cached?.revision === revision) return cached.index;
  const index = LexicalIndex.build(store.lexicalDocuments());
  indexes.set(store, { revision, index });
  return index;
}
