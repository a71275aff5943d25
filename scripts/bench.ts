// Retrieval at scale: the sample corpus replicated to 1k, 10k and 100k chunks, ingested through the
// real pipeline with the hashing embedder, then the index build, memory, hybrid query latency and
// ANN recall against brute force measured on each. Prints a Markdown table for the README.
//
//   npm run bench -- [--sizes 1000,10000,100000] [--queries 200] [--ef 128,256,512,768,1024] [--profile] [--data DIR]
//
// Each size is measured in a child process of its own, so its memory figures hold one index and
// one store, not what the ingest or a smaller size left behind. `--data DIR` keeps each size's store
// and index under DIR/<size> and reuses them on the next run (no ingest or index build is timed then):
// for iterating on retrieval without re-ingesting 100k chunks each time.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer } from '../src/answer/index.ts';
import { openApp, type App } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import {
  exactSearch,
  rebuildIndex,
  vectorIndexPath,
  type IndexParams,
  type SearchHit,
  type VectorIndex,
} from '../src/index/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import {
  lexicalIndex,
  retrieve,
  type Retrieval,
  type RetrievalMode,
  type RetrievalStage,
  type RetrieveOptions,
} from '../src/retrieve/index.ts';
import { Store } from '../src/store/index.ts';
import type { LabelledVector } from '../src/store/index.ts';
import { readSampleCorpus, replicaAt } from './replicate-corpus.ts';

const WARMUP_QUERIES = 20;
const RECALL_QUERIES = 200;
const RECALL_K = 10;
// Retrieval reads this many candidates from the index; the profile times the same search.
const CANDIDATES = 50;
// Stored vectors compared with every recall query at a time: bounds the extra memory of the exact pass.
const EXACT_BATCH = 4096;
// A returned neighbour whose similarity equals the exact 10th best (to float32 rounding) is as right as
// the one exact search chose: with rewritten replicas such ties are rare, and both figures are printed.
const TIE_TOLERANCE = 1e-5;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '200' },
    ef: { type: 'string', default: '128,256,512,768,1024' },
    profile: { type: 'boolean', default: false },
    data: { type: 'string' },
    measure: { type: 'string' },
  },
});
const queryCount = positiveInteger(args.queries, '--queries');
const efValues = args.ef.split(',').map((ef) => positiveInteger(ef.trim(), '--ef'));

/** What one child process measures on a built store. */
interface Measurement {
  embedder: string;
  indexParams: IndexParams;
  /** Null when a kept index was reused (`--data`). */
  buildSeconds: number | null;
  /** Building the in-memory lexical index from the SQLite one, as the first question after a start or an ingest does. */
  lexicalLoadSeconds: number;
  rssBuiltMB: number;
  rssQueriedMB: number;
  latency: Percentiles;
  /** `answer()`: retrieval plus the extractive answer, as `npm run ask` and the bot call it. */
  answerLatency: Percentiles;
  recall: number;
  recallByLabel: number;
  distinctRecallQueries: number;
  /** Recall and search latency of the same index at other efSearch values. */
  efSweep: EfPoint[];
  profile?: Record<string, Percentiles>;
}

interface EfPoint {
  efSearch: number;
  recall: number;
  recallByLabel: number;
  /** ANN search alone, k=10 and k=CANDIDATES (what retrieval asks for). */
  search10: Percentiles;
  searchCandidates: Percentiles;
}

interface Percentiles {
  p50: number;
  p95: number;
}

interface SizeResult extends Measurement {
  target: number;
  reports: number;
  chunks: number;
  /** Null when a kept store was reused (`--data`). */
  ingestSeconds: number | null;
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
  const keptDir = args.data ? path.resolve(args.data, String(target)) : undefined;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'council-bench-'));
  try {
    const dataDir = keptDir ?? path.join(workDir, 'data');
    const built =
      (keptDir && keptStore(keptDir, target)) || (await buildStore(target, dataDir, path.join(workDir, 'input')));
    progress(target, `measuring in a child process (${queryCount} queries${args.profile ? ', profiled' : ''})`);
    const measured = await measureInChild(dataDir);
    return { target, ...built, ...measured };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The counts of a store kept by an earlier `--data` run, if it holds enough chunks. */
function keptStore(
  dataDir: string,
  target: number,
): { reports: number; chunks: number; ingestSeconds: null } | undefined {
  const config = benchConfig(dataDir);
  if (!existsSync(config.databasePath)) return undefined;
  const store = Store.open(config.databasePath);
  try {
    const counts = store.counts();
    if (counts.chunks < target) return undefined;
    progress(target, `reusing the store in ${dataDir}: ${counts.reports} reports, ${counts.chunks} chunks`);
    return { ...counts, ingestSeconds: null };
  } finally {
    store.close();
  }
}

/**
 * Ingests replicas until the store holds at least `target` chunks: one copy of every sample report
 * first, whose chunks per report tell how many more copies are needed; a short fall is topped up.
 */
async function buildStore(
  target: number,
  dataDir: string,
  inputDir: string,
): Promise<{ reports: number; chunks: number; ingestSeconds: number }> {
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
      const summary = await ingestPaths([batchDir], app, {
        onProgress: (done, total) => {
          if (done > 0 && done % 2000 === 0) progress(target, `ingest ${before + done}/${before + total} reports`);
        },
      });
      ingestSeconds += (performance.now() - started) / 1000;
      if (summary.failed.length > 0) {
        throw new Error(
          `ingest failed for ${summary.failed.length} replicas, first: ${summary.failed[0]!.path}: ${summary.failed[0]!.reason}`,
        );
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
  const childArgs = [
    '--measure',
    dataDir,
    '--queries',
    String(queryCount),
    '--ef',
    efValues.join(','),
    ...(args.profile ? ['--profile'] : []),
    ...(args.data ? ['--data', args.data] : []),
  ];
  const child = fork(script, childArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: Measurement | undefined;
    child.on('message', (message) => (result = message as Measurement));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`measuring ${dataDir} failed (exit ${code})`)),
    );
  });
}

/**
 * Runs in the child: rebuilds the index from the stored vectors (or opens a kept one), then times
 * queries and checks recall.
 */
async function measure(dataDir: string): Promise<Measurement> {
  const config = benchConfig(dataDir);
  const app = openApp(config, createLogger('error'));
  try {
    const size = app.store.counts().chunks;
    const embedder = await app.embedder();
    let index: VectorIndex;
    let buildSeconds: number | null = null;
    if (args.data && existsSync(vectorIndexPath(config.dataDir))) {
      progress(size, 'opening the kept index');
      index = await app.vectorIndex();
    } else {
      progress(size, 'building the index from stored vectors');
      const buildStarted = performance.now();
      index = rebuildIndex(
        app.store,
        vectorIndexPath(config.dataDir),
        { embedderId: embedder.id, dimension: embedder.dimension },
        config.index,
      );
      buildSeconds = (performance.now() - buildStarted) / 1000;
    }
    progress(size, 'loading the lexical index');
    const lexicalStarted = performance.now();
    lexicalIndex(app.store);
    const lexicalLoadSeconds = (performance.now() - lexicalStarted) / 1000;
    const rssBuiltMB = rssMB();
    // The rebuilt index serves the queries: opening the saved file again would hold a second copy.
    const searchDeps = { store: app.store, embedder: app.embedder, vectorIndex: async () => index };
    // As `app.search`, on the rebuilt index: the question read (timed as the plan stage), then retrieved.
    const search: Search = async (question, options = {}) => {
      const started = performance.now();
      const understood = app.understand(question);
      if (options.timings) options.timings.plan = (options.timings.plan ?? 0) + (performance.now() - started);
      return retrieve(understood, searchDeps, options);
    };

    const questions = evalQuestions();
    const cycled = (count: number, offset = 0) =>
      Array.from({ length: count }, (_, i) => questions[(offset + i) % questions.length]!);
    progress(size, `timing ${queryCount} hybrid queries after ${WARMUP_QUERIES} warm-up`);
    for (const question of cycled(WARMUP_QUERIES)) await search(question);
    const timed = cycled(queryCount, WARMUP_QUERIES);
    const latency = percentiles(await timeEach(timed, (question) => search(question)));
    progress(size, `timing ${queryCount} extractive answers`);
    const answerDeps = { store: app.store, log: app.log, answerers: app.answerers };
    const answerLatency = percentiles(
      await timeEach(timed, async (question) => answer(await search(question), answerDeps)),
    );
    const rssQueriedMB = rssMB();

    const profile = args.profile ? await profileParts(timed, search, app, index) : undefined;
    progress(
      size,
      `recall@${RECALL_K} of the index against exact search over ${size} vectors, efSearch ${efValues.join(', ')}`,
    );
    const recallQuestions = cycled(RECALL_QUERIES);
    const truth = await exactTopK(recallQuestions, app, app.store.vectors());
    const indexParams = index.params;
    const recall = annRecall(truth, index);
    const efSweep: EfPoint[] = [];
    for (const efSearch of efValues) {
      index.setEfSearch(efSearch);
      efSweep.push({
        efSearch,
        ...annRecall(truth, index),
        search10: percentiles(await timeEach(truth.vectors, async (vector) => index.search(vector, RECALL_K))),
        searchCandidates: percentiles(
          await timeEach(truth.vectors, async (vector) => index.search(vector, CANDIDATES)),
        ),
      });
    }
    index.setEfSearch(indexParams.efSearch);
    return {
      embedder: embedder.id,
      indexParams,
      buildSeconds,
      lexicalLoadSeconds,
      rssBuiltMB,
      rssQueriedMB,
      latency,
      answerLatency,
      ...recall,
      distinctRecallQueries: truth.vectors.length,
      efSweep,
      ...(profile ? { profile } : {}),
    };
  } finally {
    app.close();
  }
}

/** The exact top 10 of each distinct question's vector, and how often each question is asked. */
interface ExactTruth {
  vectors: Float32Array[];
  exact: SearchHit[][];
  /** How many of the recall questions each distinct vector stands for. */
  weights: number[];
}

/**
 * The exact top 10 for the query vectors of `questions`, from `exactSearch` run batch by batch over
 * the stored vectors, so no second copy of them is held.
 */
async function exactTopK(
  questions: string[],
  app: Pick<App, 'embedder'>,
  stored: Iterable<LabelledVector>,
): Promise<ExactTruth> {
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
  const weights = distinct.map((question) => questions.filter((asked) => asked === question).length);
  return { vectors, exact, weights };
}

/**
 * Recall@10 of the ANN index at its current efSearch: the share of its 10 results that belong to the
 * exact top 10, tie-aware (a result as similar as the exact 10th, to float32 rounding, counts) and by
 * label only.
 */
function annRecall(truth: ExactTruth, index: VectorIndex): { recall: number; recallByLabel: number } {
  let withTies = 0;
  let byLabel = 0;
  truth.vectors.forEach((vector, q) => {
    const exact = truth.exact[q]!;
    const found = index.search(vector, RECALL_K);
    const labels = new Set(exact.map((hit) => hit.label));
    const floor = exact[exact.length - 1]?.similarity ?? -Infinity;
    const wanted = Math.max(exact.length, 1);
    const weight = truth.weights[q]!;
    byLabel += (weight * found.filter((hit) => labels.has(hit.label)).length) / wanted;
    withTies +=
      (weight * found.filter((hit) => labels.has(hit.label) || hit.similarity >= floor - TIE_TOLERANCE).length) /
      wanted;
  });
  const total = truth.weights.reduce((sum, weight) => sum + weight, 0);
  return { recall: withTies / total, recallByLabel: byLabel / total };
}

/**
 * Latency of retrieval's parts on the same questions: each ranking alone, each stage of the hybrid
 * retrieval as `retrieve` itself times it, and an unfiltered ANN search.
 */
/** A question retrieved as `app.search` retrieves it. */
type Search = (question: string, options?: RetrieveOptions) => Promise<Retrieval>;

async function profileParts(
  questions: string[],
  search: Search,
  app: Pick<App, 'embedder'>,
  index: VectorIndex,
): Promise<Record<string, Percentiles>> {
  const embedder = await app.embedder();
  const modes: RetrievalMode[] = ['lexical', 'dense'];
  const parts: Record<string, Percentiles> = {};
  for (const mode of modes)
    parts[`retrieve, ${mode} only`] = percentiles(await timeEach(questions, (question) => search(question, { mode })));
  const stages = new Map<RetrievalStage, number[]>();
  for (const question of questions) {
    const timings: Partial<Record<RetrievalStage, number>> = {};
    await search(question, { timings });
    for (const [stage, ms] of Object.entries(timings) as Array<[RetrievalStage, number]>)
      stages.set(stage, [...(stages.get(stage) ?? []), ms]);
  }
  // A stage a question skips (no lexical query, say) took no time for it.
  for (const [stage, times] of stages)
    parts[`stage: ${stage}`] = percentiles([...times, ...Array<number>(questions.length - times.length).fill(0)]);
  const vectors = await embedder.embedQueries(questions);
  parts[`ANN search, unfiltered (k=${CANDIDATES})`] = percentiles(
    await timeEach(vectors, async (vector) => index.search(vector, CANDIDATES)),
  );
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
    `Data: the ${readSampleCorpus().length} sample reports in corpus/ replicated until the store holds at least N chunks, ingested with \`ingestPaths\` ` +
      `with EMBEDDER=hashing (${first?.embedder ?? 'hashing'}). Each copy keeps what its metadata is read from (front matter fields, header, dates, ` +
      `the lead sentence), gives its headline a short subtitle of its own, and rewrites the rest of its prose: 40% of the sentences (clauses in ` +
      `one-sentence paragraphs) swapped for sentences of any report, reordered, figures redrawn (scripts/replicate-corpus.ts), so chunks are ` +
      `distinct reports' chunks rather than ~850 near-copies of each; boilerplate and headings still repeat. ` +
      `Index: hnswlib ${indexSettings(first?.indexParams)}, rebuilt from the stored vectors${results.some((r) => r.buildSeconds === null) ? ' (or reused: "kept")' : ''}.`,
    `Latency: full hybrid \`retrieve()\` (k=10), and \`answer()\` (retrieval + extractive answer), over ${queryCount} eval questions cycled, after ${WARMUP_QUERIES} warm-up queries. ` +
      `Recall: ANN top-10 against \`exactSearch\` over all stored vectors, ${RECALL_QUERIES} query vectors ` +
      `(${first?.distinctRecallQueries ?? '?'} distinct eval questions, cycled), tie-aware: a result as similar as the exact 10th (within ${TIE_TOLERANCE}) counts as found ` +
      `(label-only recall in brackets).`,
    '',
    '| chunks (reports) | ingest (s) | ANN index build (s) | lexical index load (s) | RSS after build (MB) | RSS after queries (MB) | retrieve p50 / p95 (ms) | answer p50 / p95 (ms) | ANN recall@10 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.chunks.toLocaleString('en')} (${r.reports.toLocaleString('en')}) | ${r.ingestSeconds?.toFixed(1) ?? 'kept'} | ${r.buildSeconds?.toFixed(1) ?? 'kept'} | ${r.lexicalLoadSeconds.toFixed(1)} | ` +
        `${r.rssBuiltMB} | ${r.rssQueriedMB} | ${r.latency.p50.toFixed(1)} / ${r.latency.p95.toFixed(1)} | ` +
        `${r.answerLatency.p50.toFixed(1)} / ${r.answerLatency.p95.toFixed(1)} | ${r.recall.toFixed(3)} (${r.recallByLabel.toFixed(3)}) |`,
    ),
  ];
  const swept = results.filter((r) => r.efSweep.length > 0);
  if (swept.length > 0) {
    lines.push(
      '',
      `efSearch against recall@10 (tie-aware, label-only in brackets) and ANN search p50 / p95 ms at k=10 and k=${CANDIDATES}; ` +
        `hnswlib searches with max(efSearch, k):`,
      '',
      `| chunks | efSearch | recall@10 | search k=10 (ms) | search k=${CANDIDATES} (ms) |`,
      '|---|---:|---:|---:|---:|',
      ...swept.flatMap((r) =>
        r.efSweep.map(
          (point) =>
            `| ${r.chunks.toLocaleString('en')} | ${point.efSearch} | ${point.recall.toFixed(3)} (${point.recallByLabel.toFixed(3)}) | ` +
            `${point.search10.p50.toFixed(2)} / ${point.search10.p95.toFixed(2)} | ${point.searchCandidates.p50.toFixed(2)} / ${point.searchCandidates.p95.toFixed(2)} |`,
        ),
      ),
    );
  }
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
      ...names.map(
        (name) =>
          `| ${name} | ${profiled.map((r) => `${r.profile![name]!.p50.toFixed(2)} / ${r.profile![name]!.p95.toFixed(2)}`).join(' | ')} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function indexSettings(params: IndexParams | undefined): string {
  return params ? `M=${params.M}, efConstruction=${params.efConstruction}, efSearch=${params.efSearch}` : '';
}

function benchConfig(dataDir: string): Config {
  // The built-in embedder and the extractive answerer: the figures are about this program, not a model or an API.
  return loadConfig({
    ...process.env,
    EMBEDDER: 'hashing',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    COUNCIL_DATA_DIR: dataDir,
  });
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
