export { retrieve } from './retrieve.ts';
export type { RankedPassage, Retrieval, RetrievalMode, RetrievalStage, RetrieveOptions } from './retrieve.ts';
export { lexicalIndex } from './lexical.ts';
