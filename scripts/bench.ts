// Retrieval at scale: the sample corpus replicated to 1k, 10k and 100k chunks, ingested through the
// real pipeline with the hashing embedder, then the index build, memory, hybrid query latency and
// ANN recall against brute force measured on each. Prints a Markdown table for the README.
//
//   npm run bench -- [--sizes 1000,10000,100000] [--queries 200] [--profile]
//
// Each size is measured in a child process of its own, so its memory figures hold one index and
// one store, not what the ingest or a smaller size left behind.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer } from '../src/answer/index.ts';
import { openApp, rebuildIndex, vectorIndexPath, type App } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { exactSearch, type IndexParams, type SearchHit, type VectorIndex } from '../src/index/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { retrieve, type RetrievalMode } from '../src/retrieve/index.ts';
import type { LabelledVector } from '../src/store/index.ts';
import { readSampleCorpus, replicaAt } from './replicate-corpus.ts';

const WARMUP_QUERIES = 20;
const RECALL_QUERIES = 200;
const RECALL_K = 10;
// Retrieval reads this many candidates from the index; the profile times the same search.
const CANDIDATES = 50;
// Stored vectors compared with every recall query at a time: bounds the extra memory of the exact pass.
const EXACT_BATCH = 4096;
// Replicas share most of their sentences, so many chunks have identical vectors: a returned neighbour
// whose similarity equals the exact 10th best (to float32 rounding) is as right as the one exact search chose.
const TIE_TOLERANCE = 1e-5;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '200' },
    profile: { type: 'boolean', default: false },
    measure: { type: 'string' },
  },
});
const queryCount = positiveInteger(args.queries, '--queries');

/** What one child process measures on a built store. */
interface Measurement {
  embedder: string;
  indexParams: IndexParams;
  buildSeconds: number;
  rssBuiltMB: number;
  rssQueriedMB: number;
  latency: Percentiles;
  /** `answer()`: retrieval plus the extractive answer, as `npm run ask` and the bot call it. */
  answerLatency: Percentiles;
  recall: number;
  recallByLabel: number;
  distinctRecallQueries: number;
  profile?: Record<string, Percentiles>;
}

interface Percentiles {
  p50: number;
  p95: number;
}

interface SizeResult extends Measurement {
  target: number;
  reports: number;
  chunks: number;
  ingestSeconds: number;
}

if (args.measure) {
  const measurement = await measure(args.measure);
  process.send!(measurement);
} else {
  const sizes = args.sizes.split(',').map((size) => positiveInteger(size.trim(), '--sizes'));
  const results: SizeResult[] = [];
  for (const target of sizes) results.push(await benchSize(target));
  process.stdout.write(report(results));
}

async function benchSize(target: number): Promise<SizeResult> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'council-bench-'));
  try {
    const dataDir = path.join(workDir, 'data');
    const built = await buildStore(target, dataDir, path.join(workDir, 'input'));
    progress(target, `measuring in a child process (${queryCount} queries${args.profile ? ', profiled' : ''})`);
    const measured = await measureInChild(dataDir);
    return { target, ...built, ...measured };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Ingests replicas until the store holds at least `target` chunks: one copy of every sample report
 * first, whose chunks per report tell how many more copies are needed; a short fall is topped up.
 */
async function buildStore(target: number, dataDir: string, inputDir: string): Promise<{ reports: number; chunks: number; ingestSeconds: number }> {
  const originals = readSampleCorpus();
  const app = openApp(benchConfig(dataDir), createLogger('error'));
  try {
    let written = 0;
    let batch = originals.length;
    let ingestSeconds = 0;
    for (let round = 0; ; round++) {
      const batchDir = path.join(inputDir, `round-${round}`);
      mkdirSync(batchDir, { recursive: true });
      for (let index = written; index < written + batch; index++) {
        const replica = replicaAt(originals, index);
        writeFileSync(path.join(batchDir, replica.name), replica.bytes);
      }
      const before = written;
      written += batch;
      const started = performance.now();
      const summary = await ingestPaths([batchDir], app, (done, total) => {
        if (done > 0 && done % 2000 === 0) progress(target, `ingest ${before + done}/${before + total} reports`);
      });
      ingestSeconds += (performance.now() - started) / 1000;
      if (summary.failed.length > 0) {
        throw new Error(`ingest failed for ${summary.failed.length} replicas, first: ${summary.failed[0]!.path}: ${summary.failed[0]!.reason}`);
      }
      const { reports, chunks } = app.store.counts();
      if (chunks >= target) {
        progress(target, `ingested ${reports} reports, ${chunks} chunks in ${ingestSeconds.toFixed(1)} s`);
        return { reports, chunks, ingestSeconds };
      }
      batch = Math.ceil((target - chunks) / (chunks / reports));
    }
  } finally {
    app.close();
  }
}

function measureInChild(dataDir: string): Promise<Measurement> {
  const script = fileURLToPath(import.meta.url);
  const childArgs = ['--measure', dataDir, '--queries', String(queryCount), ...(args.profile ? ['--profile'] : [])];
  const child = fork(script, childArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: Measurement | undefined;
    child.on('message', (message) => (result = message as Measurement));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`measuring ${dataDir} failed (exit ${code})`))));
  });
}

/** Runs in the child: rebuilds the index from the stored vectors, then times queries and checks recall. */
async function measure(dataDir: string): Promise<Measurement> {
  const config = benchConfig(dataDir);
  const app = openApp(config, createLogger('error'));
  try {
    const size = app.store.counts().chunks;
    const embedder = await app.embedder();
    progress(size, 'building the index from stored vectors');
    const buildStarted = performance.now();
    const index = rebuildIndex(app.store, vectorIndexPath(config), { embedderId: embedder.id, dimension: embedder.dimension }, config);
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const rssBuiltMB = rssMB();
    // The rebuilt index serves the queries: opening the saved file again would hold a second copy.
    const searchApp: Pick<App, 'store' | 'embedder' | 'vectorIndex'> = { store: app.store, embedder: app.embedder, vectorIndex: async () => index };

    const questions = evalQuestions();
    const cycled = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => questions[(offset + i) % questions.length]!);
    progress(size, `timing ${queryCount} hybrid queries after ${WARMUP_QUERIES} warm-up`);
    for (const question of cycled(WARMUP_QUERIES)) await retrieve(question, searchApp);
    const timed = cycled(queryCount, WARMUP_QUERIES);
    const latency = percentiles(await timeEach(timed, (question) => retrieve(question, searchApp)));
    progress(size, `timing ${queryCount} extractive answers`);
    const answerApp: Parameters<typeof answer>[1] = { ...searchApp, log: app.log, answerers: app.answerers };
    const answerLatency = percentiles(await timeEach(timed, (question) => answer(question, answerApp)));
    const rssQueriedMB = rssMB();

    progress(size, `recall@${RECALL_K} of the index against exact search over ${size} vectors`);
    const recall = await annRecall(cycled(RECALL_QUERIES), searchApp, index, app.store.vectors());
    const profile = args.profile ? await profileParts(timed, searchApp, index) : undefined;
    return { embedder: embedder.id, indexParams: index.params, buildSeconds, rssBuiltMB, rssQueriedMB, latency, answerLatency, ...recall, ...(profile ? { profile } : {}) };
  } finally {
    app.close();
  }
}

/**
 * Recall@10 of the ANN index: the share of its 10 results that belong to the exact top 10 (a result
 * tied with the exact 10th counts), over the query vectors of `questions`. The exact top 10 comes from
 * `exactSearch` run batch by batch over the stored vectors, so no second copy of them is held.
 */
async function annRecall(
  questions: string[],
  app: Pick<App, 'embedder'>,
  index: VectorIndex,
  stored: Iterable<LabelledVector>,
): Promise<{ recall: number; recallByLabel: number; distinctRecallQueries: number }> {
  const distinct = [...new Set(questions)];
  const vectors = await (await app.embedder()).embedQueries(distinct);
  const exact: SearchHit[][] = vectors.map(() => []);
  let batch: LabelledVector[] = [];
  const mergeBatch = () => {
    vectors.forEach((vector, q) => {
      exact[q] = [...exact[q]!, ...exactSearch(batch, vector, RECALL_K)]
        .sort((a, b) => b.similarity - a.similarity || a.label - b.label)
        .slice(0, RECALL_K);
    });
    batch = [];
  };
  for (const entry of stored) {
    batch.push(entry);
    if (batch.length === EXACT_BATCH) mergeBatch();
  }
  if (batch.length > 0) mergeBatch();

  const byQuestion = new Map(distinct.map((question, q) => {
    const truth = exact[q]!;
    const found = index.search(vectors[q]!, RECALL_K);
    const labels = new Set(truth.map((hit) => hit.label));
    const floor = truth[truth.length - 1]?.similarity ?? -Infinity;
    const wanted = Math.max(truth.length, 1);
    return [question, {
      byLabel: found.filter((hit) => labels.has(hit.label)).length / wanted,
      withTies: found.filter((hit) => labels.has(hit.label) || hit.similarity >= floor - TIE_TOLERANCE).length / wanted,
    }];
  }));
  const mean = (pick: (score: { byLabel: number; withTies: number }) => number) =>
    questions.reduce((sum, question) => sum + pick(byQuestion.get(question)!), 0) / questions.length;
  return { recall: mean((score) => score.withTies), recallByLabel: mean((score) => score.byLabel), distinctRecallQueries: distinct.length };
}

/** Latency of retrieval's parts on the same questions: each ranking alone, and the dense side's two steps. */
async function profileParts(
  questions: string[],
  app: Pick<App, 'store' | 'embedder' | 'vectorIndex'>,
  index: VectorIndex,
): Promise<Record<string, Percentiles>> {
  const embedder = await app.embedder();
  const modes: RetrievalMode[] = ['lexical', 'dense'];
  const parts: Record<string, Percentiles> = {};
  for (const mode of modes) parts[`retrieve, ${mode} only`] = percentiles(await timeEach(questions, (question) => retrieve(question, app, { mode })));
  parts['query embedding'] = percentiles(await timeEach(questions, (question) => embedder.embedQueries([question])));
  const vectors = await embedder.embedQueries(questions);
  parts[`ANN search (k=${CANDIDATES})`] = percentiles(await timeEach(vectors, async (vector) => index.search(vector, CANDIDATES)));
  parts['store.counts()'] = percentiles(await timeEach(questions, async () => app.store.counts()));
  return parts;
}

async function timeEach<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await run(item);
    times.push(performance.now() - started);
  }
  return times;
}

/** Nearest-rank percentiles, in milliseconds. */
function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function report(results: SizeResult[]): string {
  const cpus = os.cpus();
  const first = results[0];
  const lines = [
    `Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `Data: the ${readSampleCorpus().length} sample reports in corpus/ replicated with perturbations (figures shifted, a distinct closing sentence, ` +
      `a unique front-matter source) until the store holds at least N chunks, ingested with \`ingestPaths\` into a fresh data dir with ` +
      `EMBEDDER=hashing (${first?.embedder ?? 'hashing'}). Index: hnswlib ${indexSettings(first?.indexParams)}, rebuilt from the stored vectors.`,
    `Latency: full hybrid \`retrieve()\` (k=10), and \`answer()\` (retrieval + extractive answer), over ${queryCount} eval questions cycled, after ${WARMUP_QUERIES} warm-up queries. ` +
      `Recall: ANN top-10 against \`exactSearch\` over all stored vectors, ${RECALL_QUERIES} query vectors ` +
      `(${first?.distinctRecallQueries ?? '?'} distinct eval questions, cycled); a result tied with the exact 10th counts as found (label-only recall in brackets).`,
    '',
    '| chunks (reports) | ingest (s) | index build (s) | RSS after build (MB) | RSS after queries (MB) | retrieve p50 / p95 (ms) | answer p50 / p95 (ms) | ANN recall@10 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) =>
      `| ${r.chunks.toLocaleString('en')} (${r.reports.toLocaleString('en')}) | ${r.ingestSeconds.toFixed(1)} | ${r.buildSeconds.toFixed(1)} | ` +
      `${r.rssBuiltMB} | ${r.rssQueriedMB} | ${r.latency.p50.toFixed(1)} / ${r.latency.p95.toFixed(1)} | ` +
      `${r.answerLatency.p50.toFixed(1)} / ${r.answerLatency.p95.toFixed(1)} | ${r.recall.toFixed(3)} (${r.recallByLabel.toFixed(3)}) |`,
    ),
  ];
  const profiled = results.filter((r) => r.profile);
  if (profiled.length > 0) {
    const names = Object.keys(profiled[0]!.profile!);
    lines.push(
      '',
      `Where the time goes (p50 / p95 ms over the same ${queryCount} questions):`,
      '',
      `| part | ${profiled.map((r) => `${r.chunks.toLocaleString('en')} chunks`).join(' | ')} |`,
      `|---|${profiled.map(() => '---:').join('|')}|`,
      `| retrieve, hybrid | ${profiled.map((r) => `${r.latency.p50.toFixed(2)} / ${r.latency.p95.toFixed(2)}`).join(' | ')} |`,
      ...names.map((name) => `| ${name} | ${profiled.map((r) => `${r.profile![name]!.p50.toFixed(2)} / ${r.profile![name]!.p95.toFixed(2)}`).join(' | ')} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function indexSettings(params: IndexParams | undefined): string {
  return params ? `M=${params.M}, efConstruction=${params.efConstruction}, efSearch=${params.efSearch}` : '';
}

function benchConfig(dataDir: string): Config {
  // The built-in embedder and the extractive answerer: the figures are about this program, not a model or an API.
  return loadConfig({ ...process.env, EMBEDDER: 'hashing', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', COUNCIL_DATA_DIR: dataDir });
}

function evalQuestions(): string[] {
  const file = path.resolve(import.meta.dirname, 'eval/questions.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as Array<{ question: string }>).map((entry) => entry.question);
}

function rssMB(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

function progress(size: number, line: string): void {
  process.stderr.write(`[bench ${size.toLocaleString('en')}] ${line}\n`);
}

function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes positive whole numbers, got "${raw}"`);
  return value;
}
