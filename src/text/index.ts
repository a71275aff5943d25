// Vietnamese text rules: pure functions, no I/O. Other stages import from here.
export { canonicalizeTones, foldText, hasVietnameseDiacritics, normalizeText, removeDiacritics } from './normalize.ts';
export { countWords, foldedTerms, tokenize, type Token } from './tokens.ts';
export { splitSentences, type Span } from './sentences.ts';
export { ABBREVIATIONS, expandAbbreviationsInText, lookupAbbreviation, type Abbreviation } from './abbreviations.ts';
export { matchingText } from './matching.ts';
export { isSyllableShaped, MAX_WORD_SYLLABLES, segmentWords, syllableRuns } from './words.ts';
export { findRelativePeriods } from './relative-periods.ts';
export { foldForMatching, foldKeepingOffsets, matchFolded, type FoldedText } from './folded-match.ts';
export { findDates, parseDate, type DateMention } from './dates.ts';
export { findPeriods, isPlannedYear, parseMonth, type Period, type PeriodMention } from './periods.ts';
export { formatMonth, inferYear, resolveDay, vietnameseDate, vietnameseMonth, type YearContext } from './calendar.ts';
export {
  findSessionKind,
  findSessionNumber,
  findSessionNumbers,
  findTerm,
  namesSessionKind,
  parseOrdinal,
  parseSessionKind,
  type SessionKind,
} from './sessions.ts';
export {
  bodyAliases,
  bodyName,
  findBodies,
  mayNameBody,
  findIssuingBody,
  recognizeBody,
  type Body,
  type BodyMention,
} from './bodies.ts';
export { ENGLISH_MONTH_NAMES, ENGLISH_MONTHS } from './months.ts';
export { isRegisteredPlace, placeInAddress } from './places.ts';
export { DOCUMENT_TYPES, type DocumentType } from './document-types.ts';
export { sketchSimilarity, textSketch } from './sketch.ts';
