import { QUESTION_WORDS, type QueryPlan, type RankedPassage } from '../retrieve/index.ts';
import type { Store } from '../store/index.ts';
import { foldedTerms, matchingText } from '../text/index.ts';


/**
 * How much of what the question is about the passages speak of: the share of the question's
 * topic terms found in the best passage (text or context header, abbreviations meeting their
 * expansions), each term weighted by its rarity in the store, so a missing "buýt" weighs more
 * than a missing "về". Null when the question names no topic ("phiên họp tháng 9 kết luận
 * gì?"): then the period, body or session it names is the whole question.
 */
export function topicCoverage(
  plan: QueryPlan,
  passages: readonly RankedPassage[],
  store: Store,
  places: readonly string[] = [],
): number | null {
  // Where and when are the filters' business, and question words are in no report: neither
  // says whether the reports speak of what was asked.
  const placeTerms = new Set(places.flatMap((place) => foldedTerms(place)));
  const topic = [...new Set(plan.topicTerms)].filter(
    (term) => !QUESTION_WORDS.has(term) && !placeTerms.has(term) && !/^(19|20)\d\d$/.test(term),
  );
  if (topic.length === 0 || passages.length === 0) return null;
  const chunks = Math.max(store.counts().chunks, 1);
  const frequencies = store.documentFrequencies(topic);
  const weight = (term: string) => Math.log(1 + chunks / (1 + (frequencies.get(term) ?? 0)));
  const total = topic.reduce((sum, term) => sum + weight(term), 0);
  let best = 0;
  for (const passage of passages) {
    const terms = new Set(matchingText(`${passage.header}\n${passage.text}`).split(' '));
    const found = topic.filter((term) => terms.has(term)).reduce((sum, term) => sum + weight(term), 0);
    best = Math.max(best, found / total);
  }
  return best;
}
