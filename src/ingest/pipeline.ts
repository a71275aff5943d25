import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { normalizeText } from '../text/index.ts';
import type { Config } from '../config.ts';
import { EmbedderError, type Embedder } from '../embed/index.ts';
import type { VectorIndex } from '../index/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import { chunkText, type ChunkOptions } from './chunk.ts';
import { IngestError } from './errors.ts';
import { REASONS, type Reason } from './reasons.ts';
import { contextHeader } from './header.ts';
import { extractMetadata } from './metadata.ts';
import { readDocument, SUPPORTED_EXTENSIONS } from './readers/index.ts';

// Part of every content hash: when the parsing or chunking rules change, bump it so the next
// ingest re-processes files whose bytes did not change.
const PIPELINE_VERSION = 'ingest-2';
// Sentences repeated across a size cut: one keeps a passage's subject without much duplication.
const OVERLAP_SENTENCES = 1;
// A text sharing this share of its word 3-grams with a stored report is a second copy of it (the
// same article saved as HTML and as text, a notice copied to another folder, a line retyped).
// Distinct real reports share under 0.2 (85 reports of the sample corpus and three probes, the
// same council's sessions among them), the benchmark's rewritten copies of one report under 0.85.
const DUPLICATE_SIMILARITY = 0.9;

/** A file or folder that was passed over or could not be ingested, with the reason (in English, and in Vietnamese). */
export interface PathReason {
  path: string;
  reason: string;
  reasonVi: string;
}

/** What happened to one ingested file. */
export interface IngestedReport {
  path: string;
  id: string;
  /** `duplicate`: the text is already stored from another file (see `duplicateOf`); nothing was stored. */
  status: 'added' | 'updated' | 'unchanged' | 'duplicate';
  title: string | null;
  chunks: number;
  warnings: string[];
  /** The stored report this file repeats, and the share of word 3-grams the two have in common (0.9–1). */
  duplicateOf?: { id: string; path: string | null; source: string; similarity: number };
  /** Read from the sample corpus: illustrative, not an official record. */
  sample: boolean;
}

/** The outcome of one ingest run. */
export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Files whose text is already stored from another file; not added again. */
  duplicate: number;
  /** Sample reports removed because a real report was stored (see `IngestOptions.keepSamples`). */
  samplesRemoved: number;
  /** Files deliberately passed over (unsupported extension, README, hidden). */
  skipped: PathReason[];
  /** Inputs that could not be ingested; nothing stored was changed for them. */
  failed: PathReason[];
  reports: IngestedReport[];
}

/** What ingestion needs: the store it writes to, the embedder and index that take the vectors, two settings. */
export interface IngestDeps {
  config: Pick<Config, 'maxFileBytes' | 'chunkTargetWords' | 'sampleDir'>;
  log: Logger;
  store: Store;
  embedder(): Promise<Embedder>;
  vectorIndex(): Promise<VectorIndex>;
}

/** Progress of a run, called before each file. */
export type IngestProgress = (done: number, total: number, filePath: string) => void;

export interface IngestOptions {
  onProgress?: IngestProgress;
  /**
   * Keep the sample reports when a real one is stored; by default they are removed in the same run,
   * so citizens are never answered from invented figures beside real ones.
   */
  keepSamples?: boolean;
}

/**
 * Ingests files and folders (recursively) into the store: each file is read, normalised,
 * its metadata extracted, chunked and saved in one transaction, so a failure or a kill never
 * loses what was stored before. Unchanged files (same content hash) are left alone.
 */
export async function ingestPaths(
  inputs: readonly string[],
  deps: IngestDeps,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { onProgress } = options;
  const summary: IngestSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    samplesRemoved: 0,
    skipped: [],
    failed: [],
    reports: [],
  };
  const files = await collectFiles(inputs, summary);
  let indexChanged = false;
  for (const [position, filePath] of files.entries()) {
    onProgress?.(position, files.length, filePath);
    try {
      const report = await ingestFile(filePath, deps);
      indexChanged ||= report.status === 'added' || report.status === 'updated';
      summary[report.status]++;
      summary.reports.push(report);
    } catch (error) {
      // An embedder that cannot be had fails every file alike: a setting to fix, not a bad file.
      if (error instanceof EmbedderError) throw error;
      if (error instanceof IngestError) {
        summary.failed.push({ path: filePath, reason: error.reason, reasonVi: error.reasonVi });
        deps.log.debug('ingest failed', { path: filePath, reason: error.reason, cause: String(error.cause ?? '') });
      } else {
        summary.failed.push(pathReason(filePath, REASONS.internal((error as Error).message)));
        deps.log.error('ingest crashed on a file', { path: filePath, stack: (error as Error).stack });
      }
    }
  }
  const realStored = summary.reports.some((r) => !r.sample && (r.status === 'added' || r.status === 'updated'));
  if (realStored && !options.keepSamples && deps.store.sampleCount() > 0) {
    const removed = deps.store.removeSamples();
    const index = await deps.vectorIndex();
    for (const label of removed.removedLabels) index.remove(label);
    summary.samplesRemoved = removed.ids.length;
    indexChanged = true;
    deps.log.info('sample reports removed: a real report is stored', { removed: removed.ids.length });
  }
  // One write of the index per run: the store holds every vector, so an index that misses the
  // last files after a crash is rebuilt from it on the next start.
  if (indexChanged) (await deps.vectorIndex()).save();
  onProgress?.(files.length, files.length, '');
  return summary;
}

async function ingestFile(filePath: string, deps: IngestDeps): Promise<IngestedReport> {
  const { size } = await stat(filePath);
  const limit = deps.config.maxFileBytes;
  if (size > limit) {
    throw new IngestError(filePath, REASONS.tooBig(megabytes(size), megabytes(limit)));
  }
  const bytes = await readFile(filePath);
  const sample = isInside(filePath, deps.config.sampleDir);
  const contentHash = createHash('sha256').update(PIPELINE_VERSION).update(bytes).digest('hex');
  const existing = deps.store.findByPath(filePath);
  if (existing?.contentHash === contentHash) {
    const stored = deps.store.getReport(existing.id);
    return {
      path: filePath,
      id: existing.id,
      status: 'unchanged',
      title: stored?.title ?? null,
      chunks: stored?.chunks ?? 0,
      warnings: stored?.warnings ?? [],
      sample: stored?.sample ?? sample,
    };
  }
  const document = await readDocument(filePath, bytes);
  const text = normalizeText(document.text);
  if (!text) throw new IngestError(filePath, REASONS.noText());
  const metadata = extractMetadata({ ...document, text }, filePath);
  const chunks = chunkText(text, chunkOptions(deps.config));
  if (chunks.length === 0) throw new IngestError(filePath, REASONS.noContent());
  // A sample's source is its place in the repository ("corpus/..."): it has no page anyone could open.
  const source = sample ? sampleSource(filePath, deps.config.sampleDir) : metadata.source;
  const id = reportId(source);
  const twin = deps.store.mostSimilarReport(text, { id, path: filePath });
  if (twin && twin.similarity >= DUPLICATE_SIMILARITY) {
    deps.log.debug('ingest found a second copy', { path: filePath, of: twin.id, similarity: twin.similarity });
    return {
      path: filePath,
      id: twin.id,
      status: 'duplicate',
      title: metadata.title,
      chunks: 0,
      warnings: [],
      duplicateOf: twin,
      sample,
    };
  }
  const header = contextHeader(metadata);
  const records = chunks.map((chunk) => ({ ...chunk, header }));
  const embedder = await deps.embedder();
  const index = await deps.vectorIndex();
  const vectors = await embedder.embedPassages(records.map(embeddingText));
  const saved = deps.store.saveReport(
    { ...metadata, source, id, path: filePath, format: document.format, contentHash, text, sample },
    records,
    { identity: { id: embedder.id, dimension: embedder.dimension }, vectors },
  );
  for (const label of saved.removedLabels) index.remove(label);
  index.addMany(saved.labels.map((label, i) => ({ label, vector: vectors[i] as Float32Array })));
  return {
    path: filePath,
    id,
    status: saved.status,
    title: metadata.title,
    chunks: chunks.length,
    warnings: metadata.warnings,
    sample,
  };
}

/** "corpus/ubnd-2022-04.txt": a sample file named from the repository it ships in. */
export function sampleSource(filePath: string, sampleDir: string): string {
  return path.join(path.basename(sampleDir), path.relative(sampleDir, filePath)).split(path.sep).join('/');
}

function isInside(filePath: string, folder: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** What a chunk's vector is made from: its context header (body, session, date) and its text. */
export function embeddingText(chunk: { header: string; text: string }): string {
  return `${chunk.header}\n${chunk.text}`;
}

/** How the configured pipeline cuts reports into chunks. */
export function chunkOptions(config: Pick<Config, 'chunkTargetWords'>): ChunkOptions {
  return { targetWords: config.chunkTargetWords, overlapSentences: OVERLAP_SENTENCES };
}

/** A report's id: stable for its source (URL or file path), short enough to read in a chunk id. */
export function reportId(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 12);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

async function collectFiles(inputs: readonly string[], summary: IngestSummary): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      summary.failed.push(pathReason(input, REASONS.noSuchPath()));
    } else if (info.isDirectory()) {
      const found = await walk(absolute, summary);
      if (found.length === 0) {
        summary.failed.push(pathReason(input, REASONS.emptyFolder(SUPPORTED_EXTENSIONS)));
      }
      files.push(...found);
    } else if (!isSupported(absolute)) {
      summary.failed.push(pathReason(input, unsupported(absolute)));
    } else {
      files.push(absolute);
    }
  }
  return [...new Set(files)];
}

async function walk(folder: string, summary: IngestSummary): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) {
      files.push(...(await walk(full, summary)));
    } else if (!entry.isFile()) {
      continue;
    } else if (/^readme(\.|$)/i.test(entry.name)) {
      summary.skipped.push(pathReason(full, REASONS.readme()));
    } else if (!isSupported(full)) {
      summary.skipped.push(pathReason(full, unsupported(full)));
    } else {
      files.push(full);
    }
  }
  return files;
}

function isSupported(filePath: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}

function unsupported(filePath: string): Reason {
  return REASONS.unsupportedType(path.extname(filePath), SUPPORTED_EXTENSIONS);
}

function pathReason(inputPath: string, reason: Reason): PathReason {
  return { path: inputPath, reason: reason.en, reasonVi: reason.vi };
}
