// Sessions named in English ("the 4th session", "an extraordinary meeting") and the newest session ("gần đây nhất", "latest").
import { foldKeepingOffsets } from '../text/index.ts';
import { ORDINAL_WORD } from './periods.ts';
import type { Span } from './types.ts';

export const ENGLISH_SESSION_NUMBER = new RegExp(
  String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORD}))\s+(?:(?:regular|ordinary|thematic|extraordinary|special|plenary)\s+)?(?:session|meeting|sitting)\b` +
    String.raw`|\b(?:session|meeting|sitting)\s+(?:no\.?\s*|number\s+|#\s*)?(\d{1,2})\b(?![/.-]\d)`,
  'i',
);
export const ENGLISH_SESSION_KIND = new RegExp(
  String.raw`\b(regular|ordinary|periodic|routine|monthly|thematic|special[\s-]topic|speciali[sz]ed|extraordinary|unscheduled|emergency)\s+(?:\w+\s+)?(?:session|meeting|sitting)`,
  'i',
);
export const KIND_OF_ENGLISH: ReadonlyArray<[RegExp, string]> = [
  [/^(?:regular|ordinary|periodic|routine|monthly)$/i, 'thường kỳ'],
  [/^(?:thematic|special[\s-]topic|speciali[sz]ed)$/i, 'chuyên đề'],
  [/^(?:extraordinary|unscheduled|emergency)$/i, 'bất thường'],
];

// "phiên họp gần đây nhất", "kỳ họp vừa qua", "the latest session": the newest session of what
// the question names. "tháng vừa qua" is last month (a relative period), not this.
const LATEST =
  /\b(?:gan day nhat|gan nhat|moi nhat|(?<!\b(?:thang|nam|quy|tuan) )vua (?:qua|roi|dien ra|to chuc|hop)|latest|most recent|(?:last|recent) (?:session|meeting|sitting|plenary))\b/;

/** Where the question asks for the newest session ("gần đây nhất", "latest"), if it does. */
export function latestSpan(text: string): Span | null {
  const m = LATEST.exec(foldKeepingOffsets(text));
  return m ? [m.index, m.index + m[0].length] : null;
}
