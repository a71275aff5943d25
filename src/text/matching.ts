import { expandAbbreviationsInText } from './abbreviations.ts';
import { foldedTerms } from './tokens.ts';

/**
 * The form in which text is matched lexically: folded syllable tokens, then the abbreviation
 * expansions (both ways) the text implies, space-separated. Reports and questions both go
 * through it, so "khiếu nại tố cáo", "khieu nai to cao" and "KNTC" meet.
 */
export function matchingText(text: string): string {
  return [...foldedTerms(text), ...expandAbbreviationsInText(text)].join(' ');
}
