export { Store, StoreError } from './store.ts';
export type {
  ChunkEmbeddings,
  ChunkRecord,
  EmbeddingIdentity,
  LabelledVector,
  LabelRange,
  Passage,
  ReportRecord,
  ReportSummary,
  SaveResult,
  StoredChunk,
} from './store.ts';
export type { LoggedCitation, LoggedQuestion, QuestionEntry, QuestionLog, QuestionStats } from './question-log.ts';
