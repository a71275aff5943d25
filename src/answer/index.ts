export { answer } from './answer.ts';
export type { Answerers, AnswerOptions } from './answer.ts';
export { createExtractiveAnswerer } from './extractive.ts';
export { createLlmAnswerer } from './llm.ts';
export { AnswerError } from './types.ts';
export type { Answer, AnswerMode, AnswerPassage, Citation } from './types.ts';
export { describeReport, englishMonth } from './lead-line.ts';
export type { ReportLabel } from './lead-line.ts';
export { replyLanguage, SAMPLE_LABEL } from './messages.ts';
