// Question understanding: a citizen's question read into a `Question` value (language, period,
// body, session, section, what kind of answer it asks for, topic words). Retrieval and answering
// both take that value; neither reads the raw question again.
export { understandQuestion } from './query.ts';
export { isOverview, isSessionList } from './overview.ts';
export { monthFilter } from './periods.ts';
export type {
  Ask,
  AnswerKind,
  Asked,
  NumberedDocument,
  PeriodFilter,
  Question,
  QuestionLanguage,
  Span,
  Wants,
} from './types.ts';
export { inheritScope, inSessionMonth, scopeOf } from './scope.ts';
export type { QuestionScope } from './scope.ts';
export { askedBy, yearsIn } from './asked.ts';
export { LOCALITY_UNITS } from './names.ts';
export { QUESTION_WORDS } from './question-words.ts';
export { isVietnameseWord, loadVietnameseWords } from './lexicon.ts';
export { isEnglishVocabulary, translateToVietnamese } from './glossary.ts';
