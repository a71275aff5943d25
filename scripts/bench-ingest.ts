// Parsing + chunking throughput on the sample corpus replicated to 5,000 reports (embedding
// excluded), then the whole ingest pipeline (files on disk into SQLite) on the same set.
// Usage: npm run bench:ingest -- [reports] [--parse-only]   (--parse-only skips the SQLite run)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { chunkText } from '../src/ingest/chunk.ts';
import { chunkOptions, ingestPaths } from '../src/ingest/index.ts';
import { extractMetadata } from '../src/ingest/metadata.ts';
import { readDocument } from '../src/ingest/readers/index.ts';
import { createLogger } from '../src/log.ts';
import { normalizeText } from '../src/text/normalize.ts';
import { readSampleCorpus, replicaAt } from './replicate-corpus.ts';

const args = process.argv.slice(2);
const TARGET = Number(args.find((arg) => !arg.startsWith('--')) ?? 5000);
const parseOnly = args.includes('--parse-only');
const originals = readSampleCorpus();
const replicas = Array.from({ length: TARGET }, (_, index) => replicaAt(originals, index));

const config = loadConfig(process.env);
let chunks = 0;
const started = performance.now();
for (const replica of replicas) {
  const document = await readDocument(replica.name, replica.bytes);
  const text = normalizeText(document.text);
  extractMetadata({ ...document, text }, replica.name);
  chunks += chunkText(text, chunkOptions(config)).length;
}
const parseSeconds = (performance.now() - started) / 1000;

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en');
console.log(`corpus: ${originals.length} reports replicated to ${TARGET}`);
console.log(
  `parse + metadata + chunk: ${parseSeconds.toFixed(2)} s, ${rate(TARGET, parseSeconds)} reports/s, ${rate(chunks, parseSeconds)} chunks/s (${chunks} chunks)`,
);

if (!parseOnly) {
  const inputDir = mkdtempSync(path.join(tmpdir(), 'council-bench-input-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'council-bench-data-'));
  for (const replica of replicas) writeFileSync(path.join(inputDir, replica.name), replica.bytes);
  // The built-in embedder unless another is asked for: the figure is about the pipeline, not a model.
  const app = openApp(
    loadConfig({ EMBEDDER: 'hashing', ...process.env, COUNCIL_DATA_DIR: dataDir }),
    createLogger('error'),
  );
  const ingestStarted = performance.now();
  const summary = await ingestPaths([inputDir], app);
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  app.close();
  rmSync(inputDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `full ingest into SQLite: ${ingestSeconds.toFixed(2)} s, ${rate(summary.added, ingestSeconds)} reports/s (added ${summary.added}, updated ${summary.updated}, failed ${summary.failed.length})`,
  );
}
console.log(`peak RSS: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
