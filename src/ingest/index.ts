export { chunkOptions, embeddingText, ingestPaths, reportId } from './pipeline.ts';
export type { IngestDeps, IngestedReport, IngestProgress, IngestSummary, PathReason } from './pipeline.ts';
export { IngestError } from './errors.ts';
export { SUPPORTED_EXTENSIONS } from './readers/index.ts';
export type { DocumentFormat, ParsedDocument, ReportMetadata } from './types.ts';
