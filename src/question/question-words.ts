// The words that frame a question rather than say what it is about (vocabulary/question-words.tsv).
import { loadVocabulary, matching } from '../vocabulary/index.ts';

/** Folded words that ask rather than say what about: they would match every report. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  loadVocabulary('question-words', {
    columns: ['word'],
    unique: 'word',
    validate: { word: matching(/^[a-z]+$/, 'one folded syllable') },
  }).map((row) => row.word),
);
