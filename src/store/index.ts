export { Store, StoreError } from './store.ts';
export { reportCatalog, reportDay, type ReportCatalog } from './catalog.ts';
export { newestFirst, reportDate, type DatedReport } from './report-date.ts';
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
export type {
  Forgotten,
  LoggedCitation,
  LoggedQuestion,
  QuestionEntry,
  QuestionLog,
  QuestionStats,
} from './question-log.ts';
export type { DocumentFormat, ReportedPeriod, ReportMetadata, SectionLabel } from './report.ts';
