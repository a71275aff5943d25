import { QUESTION_WORDS, type QueryPlan, type RankedPassage } from '../retrieve/index.ts';
import type { Store } from '../store/index.ts';
import { foldedTerms, matchingText } from '../text/index.ts';

/**
 * The question's topic terms, each weighted by its rarity in the store, so a missing "buýt"
 * weighs more than a missing "về". Where and when are the filters' business, and question words
 * are in no report: neither says whether the reports speak of what was asked. Empty when the
 * question names no topic ("phiên họp tháng 9 kết luận gì?").
 */
export function topicWeights(plan: QueryPlan, store: Store, places: readonly string[] = []): Map<string, number> {
  const placeTerms = new Set(places.flatMap((place) => foldedTerms(place)));
  const topic = [...new Set(plan.topicTerms)].filter(
    (term) => !QUESTION_WORDS.has(term) && !placeTerms.has(term) && !/^(19|20)\d\d$/.test(term),
  );
  const chunks = Math.max(store.counts().chunks, 1);
  const frequencies = store.documentFrequencies(topic);
  return new Map(topic.map((term) => [term, Math.log(1 + chunks / (1 + (frequencies.get(term) ?? 0)))]));
}

/**
 * How much of what the question is about the passages speak of: the weighted share of the
 * question's topic terms (see `topicWeights`) found in the best passage (text or context header,
 * abbreviations meeting their expansions). Null when the question names no topic: then the
 * period, body or session it names is the whole question.
 */
export function topicCoverage(
  plan: QueryPlan,
  passages: readonly RankedPassage[],
  store: Store,
  places: readonly string[] = [],
): number | null {
  const weights = topicWeights(plan, store, places);
  if (weights.size === 0 || passages.length === 0) return null;
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  return Math.max(...passages.map((passage) => heldWeight(weights, termsOf(`${passage.header}\n${passage.text}`)) / total));
}

/** The summed weight of the terms of `weights` that `terms` holds. */
export function heldWeight(weights: ReadonlyMap<string, number>, terms: ReadonlySet<string>): number {
  let held = 0;
  for (const [term, weight] of weights) if (terms.has(term)) held += weight;
  return held;
}

/** Matching terms of a text, with the parts of joined tokens: "covid-19" also gives "covid". */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const term of matchingText(text).split(' ')) {
    if (!term) continue;
    terms.add(term);
    if (/[-/]/.test(term)) for (const part of term.split(/[-/]/)) if (part) terms.add(part);
  }
  return terms;
}
