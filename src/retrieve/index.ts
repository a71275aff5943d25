export { reportCatalog, retrieve } from './retrieve.ts';
export type { RankedPassage, ReportCatalog, Retrieval, RetrievalMode, RetrievalStage, RetrieveOptions } from './retrieve.ts';
export { lexicalIndex } from './lexical.ts';
