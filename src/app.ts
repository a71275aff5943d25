// The composition root: the one place that opens the pieces and wires the stages together. Every
// command, the bot, the eval and the benchmarks start from `openApp`; no stage builds its own.
import path from 'node:path';
import { answer, createExtractiveAnswerer, createLlmAnswerer, type Answer, type Answerers } from './answer/index.ts';
import type { BotDeps } from './bot/index.ts';
import type { Config } from './config.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import { liveVectorIndex, vectorIndexPath, type VectorIndex } from './index/index.ts';
import { ingestPaths, sampleSource } from './ingest/index.ts';
import { createLogger, noticeOnce, type Logger } from './log.ts';
import { loadVietnameseWords, understandQuestion, type Question, type QuestionScope } from './question/index.ts';
import { lexicalIndex, retrieve, type Retrieval, type RetrieveOptions } from './retrieve/index.ts';
import { reportCatalog, Store } from './store/index.ts';

/** How a question is asked: in a conversation, a follow-up is read in the previous answer's scope. */
export interface AskOptions {
  /** Passages retrieved and returned with the answer (default 10). */
  k?: number;
  /** The previous answer's `scope` in a conversation: a follow-up that names no session is read in it, and the answer says so. */
  context?: QuestionScope | null;
  /** What "năm nay", "tháng trước" are counted from (default: now). */
  today?: Date;
}

/** How a question is searched without an answer (`npm run search`, the eval, the benchmarks). */
export interface SearchOptions extends RetrieveOptions {
  /** What "năm nay", "tháng trước" are counted from (default: now). */
  today?: Date;
}

/** The pieces every command and the bot share, opened once. */
export interface App {
  config: Config;
  log: Logger;
  store: Store;
  /** The embedder the configuration chooses; loaded on first use (a model load takes seconds). */
  embedder(): Promise<Embedder>;
  /** The ANN index for the current embedder, opened on first use and kept in step with the store (see `liveVectorIndex`). */
  vectorIndex(): Promise<VectorIndex>;
  /** The answerers: the LLM one when OPENAI_API_KEY or OPENAI_BASE_URL is set, the extractive one always. */
  answerers(): Promise<Answerers>;
  /** Reads a question in the light of the stored reports (their places), as of `today`. */
  understand(question: string, today?: Date): Question;
  /** Reads, retrieves and answers a question. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** Reads a question and retrieves its passages, without answering. */
  search(question: string, options?: SearchOptions): Promise<Retrieval>;
  close(): void;
}

/** Opens the store now, the embedder and index when first needed. */
export function openApp(config: Config, log: Logger = createLogger(config.logLevel)): App {
  const store = Store.open(config.databasePath, { pseudonymKey: config.questionLogKey });
  // Stores made before samples were flagged hold them unflagged, under made-up addresses.
  store.markSamples(config.sampleDir, (file) => sampleSource(file, config.sampleDir));
  let embedder: Promise<Embedder> | undefined;
  const loadEmbedder = () =>
    (embedder ??= createEmbedder({
      kind: config.embedder.kind,
      model: config.embedder.model,
      modelPath: config.embedder.modelPath,
      cacheDir: path.join(config.dataDir, 'models'),
      openai: { apiKey: config.openai.apiKey, baseURL: config.openai.baseURL, model: config.embedder.model },
      log: noticeOnce(log, path.join(config.dataDir, 'embedder-notice.txt')),
      showProgress: true,
      storedEmbedderId: store.embeddingIdentity()?.id ?? null,
    }));
  const vectorIndex = liveVectorIndex(store, {
    path: vectorIndexPath(config.dataDir),
    params: config.index,
    identity: async () => {
      const current = await loadEmbedder();
      return { embedderId: current.id, dimension: current.dimension };
    },
    warn: (message, fields) => log.warn(message, fields),
    info: (message, fields) => log.info(message, fields),
  });
  let answerers: Promise<Answerers> | undefined;
  const loadAnswerers = async (): Promise<Answerers> => ({
    llm:
      config.openai.apiKey || config.openai.baseURL
        ? createLlmAnswerer({
            apiKey: config.openai.apiKey,
            baseURL: config.openai.baseURL,
            model: config.openai.model,
            timeoutMs: config.openai.timeoutMs,
          })
        : null,
    extractive: createExtractiveAnswerer(await loadEmbedder()),
  });
  const understand = (question: string, today?: Date): Question =>
    understandQuestion(question, { knownPlaces: reportCatalog(store).places, today });
  const app: App = {
    config,
    log,
    store,
    embedder: loadEmbedder,
    vectorIndex,
    answerers: () => (answerers ??= loadAnswerers()),
    understand,
    async ask(question, options = {}) {
      const startedAt = performance.now();
      const retrieval = await retrieve(understand(question, options.today), app, {
        k: options.k ?? 10,
        context: options.context ?? null,
      });
      return answer(retrieval, app, { startedAt });
    },
    async search(question, options = {}) {
      const started = performance.now();
      const understood = understand(question, options.today);
      if (options.timings) options.timings.plan = (options.timings.plan ?? 0) + (performance.now() - started);
      return retrieve(understood, app, options);
    },
    close: () => store.close(),
  };
  return app;
}

/** What the bot declares it needs (`BotDeps`), wired to the app's store, indexes and answerers. */
export function botDependencies(app: App): BotDeps {
  const { config, log, store } = app;
  return {
    telegram: config.telegram,
    log,
    ask: (question, { context }) => app.ask(question, { context }),
    reports: {
      list: () => reportCatalog(store).list,
      get: (id) => reportCatalog(store).byId.get(id),
      counts: () => store.counts(),
    },
    questions: {
      record: (entry) => store.questions.record(entry),
      get: (id) => store.questions.get(id),
      recordFeedback: (questionId, userId, value) => store.questions.recordFeedback(questionId, userId, value),
      stats: () => store.questions.stats(),
      forget: (userId) => store.questions.forget(userId),
      deleteOlderThan: (cutoff) => store.questions.deleteOlderThan(cutoff),
    },
    questionLogDays: config.questionLogDays,
    passage: (chunkId) => store.passageById(chunkId),
    ingest: (paths) => ingestPaths(paths, app),
    uploadsDir: path.join(config.dataDir, 'uploads'),
    maxUploadBytes: config.maxFileBytes,
    warmUp: async () => {
      // The embedder and both indexes, and the word list, so the first citizen does not wait seconds for them.
      await app.vectorIndex();
      lexicalIndex(store);
      loadVietnameseWords();
    },
  };
}
