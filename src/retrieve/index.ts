export { reportCatalog, retrieve } from './retrieve.ts';
export type { RankedPassage, ReportCatalog, Retrieval, RetrievalMode, RetrievalStage, RetrieveOptions } from './retrieve.ts';
export { understandQuestion } from './query.ts';
export type { PeriodFilter, QueryPlan, QuestionLanguage } from './query.ts';
export { lexicalIndex, QUESTION_WORDS } from './lexical.ts';
export { isVietnameseWord, loadVietnameseWords } from './lexicon.ts';
export { isEnglishVocabulary, translateToVietnamese } from './glossary.ts';
export { inheritScope, scopeOf } from './scope.ts';
export type { QuestionScope } from './scope.ts';
