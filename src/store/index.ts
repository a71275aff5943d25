export { Store, StoreError } from './store.ts';
export type { ChunkRecord, ReportRecord, ReportSummary, StoredChunk } from './store.ts';
