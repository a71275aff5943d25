export { chunkOptions, embeddingText, ingestPaths, reportId, sampleSource } from './pipeline.ts';
export type {
  IngestDeps,
  IngestedReport,
  IngestOptions,
  IngestProgress,
  IngestSummary,
  PathReason,
} from './pipeline.ts';
export { IngestError } from './errors.ts';
export { SUPPORTED_EXTENSIONS } from './readers/index.ts';
export type { DocumentFormat, ParsedDocument, ReportMetadata } from './types.ts';
