// Vietnamese text rules: pure functions, no I/O. Other stages import from here.
export { canonicalizeTones, foldText, hasVietnameseDiacritics, normalizeText, removeDiacritics } from './normalize.ts';
export { countWords, foldedTerms, tokenize, type Token } from './tokens.ts';
export { splitSentences, type Span } from './sentences.ts';
export { ABBREVIATIONS, expandAbbreviationsInText, lookupAbbreviation, type Abbreviation } from './abbreviations.ts';
export { matchingText } from './matching.ts';
export { MAX_WORD_SYLLABLES, segmentWords, syllableRuns } from './words.ts';
export { findRelativePeriods } from './relative-periods.ts';
export { foldForMatching, foldKeepingOffsets, matchFolded, type FoldedText } from './folded-match.ts';
export {
  findDates,
  findPeriods,
  formatMonth,
  inferYear,
  parseDate,
  parseMonth,
  resolveDay,
  vietnameseDate,
  vietnameseMonth,
  type DateMention,
  type Period,
  type PeriodMention,
  type YearContext,
} from './dates.ts';
export {
  findSessionKind,
  findSessionNumber,
  findTerm,
  parseOrdinal,
  parseSessionKind,
  type SessionKind,
} from './sessions.ts';
export {
  bodyAliases,
  findBodies,
  mayNameBody,
  findIssuingBody,
  recognizeBody,
  type Body,
  type BodyMention,
} from './bodies.ts';
export { ENGLISH_MONTH_NAMES, ENGLISH_MONTHS } from './months.ts';
export { DOCUMENT_TYPES, type DocumentType } from './document-types.ts';
