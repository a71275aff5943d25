import type { RankedPassage } from '../retrieve/index.ts';
import { QUESTION_WORDS, type Question } from '../question/index.ts';
import type { Store } from '../store/index.ts';
import { foldedTerms, matchingText, syllableRuns } from '../text/index.ts';

/**
 * The question's topic words (see `Question.topicWords`), each weighted by the rarity of its
 * syllables in the store, so a missing "xe buýt" weighs more than a missing "về". Where and when
 * are the filters' business, and question words are in no report: neither says whether the
 * reports speak of what was asked, so their syllables are left out, and a word made only of them
 * is dropped. Empty when the question names no topic ("phiên họp tháng 9 kết luận gì?").
 */
export function topicWeights(plan: Question, store: Store, places: readonly string[] = []): Map<string, number> {
  const placePhrases = places.map((place) => ` ${foldedTerms(place).join(' ')} `);
  // A place's syllables are taken out as a whole ("dong ngan"), not wherever one of them stands ("thu ngan sach").
  const isPlace = (words: string) => placePhrases.some((phrase) => phrase.includes(` ${words} `));
  const asks = (syllable: string) => QUESTION_WORDS.has(syllable) || /^(19|20)\d\d$/.test(syllable);
  // A word the lexicon joined across a question word ("gi ve") falls back to its other syllables.
  const words = [
    ...new Set(
      plan.topicWords.flatMap((word) => {
        if (isPlace(word)) return [];
        const syllables = word.split(' ');
        return syllables.some(asks) ? syllables.filter((syllable) => !asks(syllable) && !isPlace(syllable)) : [word];
      }),
    ),
  ];
  const syllables = [...new Set(words.flatMap((word) => word.split(' ')))];
  const chunks = Math.max(store.counts().chunks, 1);
  const frequencies = store.documentFrequencies(syllables);
  const rarity = (syllable: string) => Math.log(1 + chunks / (1 + (frequencies.get(syllable) ?? 0)));
  return new Map(words.map((word) => [word, word.split(' ').reduce((sum, syllable) => sum + rarity(syllable), 0)]));
}

/**
 * How much of what the question is about the passages speak of: the weighted share of the
 * question's topic terms (see `topicWeights`) found in the best passage (text or context header,
 * abbreviations meeting their expansions). Null when the question names no topic: then the
 * period, body or session it names is the whole question.
 */
export function topicCoverage(
  plan: Question,
  passages: readonly RankedPassage[],
  store: Store,
  places: readonly string[] = [],
): number | null {
  const weights = topicWeights(plan, store, places);
  if (weights.size === 0 || passages.length === 0) return null;
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return Math.max(
    ...passages.map((passage) => heldWeight(weights, wordRunsOf(`${passage.header}\n${passage.text}`)) / total),
  );
}

/** The summed weight of the terms of `weights` that `terms` holds, leaving out those in `except`. */
export function heldWeight(
  weights: ReadonlyMap<string, number>,
  terms: ReadonlySet<string>,
  except?: ReadonlySet<string>,
): number {
  let held = 0;
  for (const [term, weight] of weights) if (terms.has(term) && !except?.has(term)) held += weight;
  return held;
}

/** Matching terms of a text, with the parts of joined tokens: "covid-19" also gives "covid". */
export function termsOf(text: string): Set<string> {
  return new Set(syllablesOf(text));
}

/**
 * Every run of adjacent matching terms a word can span ("giao thong", "thong"): what topic words
 * (see `topicWeights`) are looked up in, so "giao duc" is held only where its syllables stand together.
 */
export function wordRunsOf(text: string): Set<string> {
  return new Set(syllableRuns(syllablesOf(text)));
}

function syllablesOf(text: string): string[] {
  const syllables: string[] = [];
  for (const term of matchingText(text).split(' ')) {
    if (!term) continue;
    syllables.push(term);
    if (/[-/]/.test(term)) syllables.push(...term.split(/[-/]/).filter(Boolean));
  }
  return syllables;
}
