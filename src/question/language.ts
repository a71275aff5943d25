// Which language a question is written in: Vietnamese, Vietnamese typed without diacritics, English.
import { hasVietnameseDiacritics, isSyllableShaped, lookupAbbreviation } from '../text/index.ts';
import { isEnglishVocabulary } from './glossary.ts';
import { SHORTHAND_WORDS } from './shorthand.ts';
import type { QuestionLanguage } from './types.ts';

/**
 * English when English words outnumber Vietnamese ones. Abbreviations ("HĐND"), chat shorthand and
 * capitalised names inside a sentence ("Tu Son") count for neither, so they keep an English
 * question English. Vietnamese is 'vi' when at least a quarter of its words carry diacritics, the
 * same bar the text rules use to decide that keywords must be spelled with them.
 */
export function detectLanguage(question: string): QuestionLanguage {
  let english = 0;
  let vietnamese = 0;
  let marked = 0;
  let index = 0;
  for (const m of question.matchAll(/\p{L}+(?:['’]\p{L}+)?/gu)) {
    const word = m[0];
    const first = index++ === 0;
    const lower = word.toLowerCase();
    if (SHORTHAND_WORDS.has(lower) || (word.length > 1 && lookupAbbreviation(word) !== undefined)) continue;
    if (hasVietnameseDiacritics(word)) {
      vietnamese++;
      marked++;
      continue;
    }
    const syllable = isSyllableShaped(lower);
    const known = isEnglishVocabulary(word);
    if (syllable && known) continue;
    if (syllable) {
      if (!first && /^\p{Lu}/u.test(word)) continue;
      vietnamese++;
    } else if (/^[a-z'’]{2,}$/.test(lower)) english++;
  }
  if (english > 0 && (english > vietnamese || (english === vietnamese && marked === 0))) return 'en';
  return vietnamese > 0 && marked / vietnamese >= 0.25 ? 'vi' : 'vi-plain';
}
