import path from 'node:path';
import type { Config } from './config.ts';
import { createExtractiveAnswerer, createLlmAnswerer, type Answerers } from './answer/index.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import { IndexCorruptError, VectorIndex } from './index/index.ts';
import { createLogger, type Logger } from './log.ts';
import { Store, StoreError } from './store/index.ts';

/** The pieces every command and the bot share, opened once. */
export interface App {
  config: Config;
  log: Logger;
  store: Store;
  /** The embedder the configuration chooses; loaded on first use (a model load takes seconds). */
  embedder(): Promise<Embedder>;
  /**
   * The ANN index for the current embedder, opened on first use. A missing, unreadable or stale
   * index file is rebuilt from the vectors in the store (no re-embedding), with a warning. When
   * another process has since added or removed vectors (`npm run ingest` beside the bot), the
   * file it saved is read again.
   */
  vectorIndex(): Promise<VectorIndex>;
  /** The answerers: the LLM one when OPENAI_API_KEY or OPENAI_BASE_URL is set, the extractive one always. */
  answerers(): Promise<Answerers>;
  close(): void;
}

/** The composition root: opens the store now, the embedder and index when first needed. */
export function openApp(config: Config, log: Logger = createLogger(config.logLevel)): App {
  const store = Store.open(config.databasePath);
  const indexPath = vectorIndexPath(config);
  let embedder: Promise<Embedder> | undefined;
  let index: Promise<VectorIndex> | undefined;
  const loadEmbedder = () =>
    (embedder ??= createEmbedder({
      kind: config.embedder.kind,
      model: config.embedder.model,
      modelPath: config.embedder.modelPath,
      cacheDir: path.join(config.dataDir, 'models'),
      openai: { apiKey: config.openai.apiKey, baseURL: config.openai.baseURL, model: config.embedder.model },
      log: (line) => log.info(line),
      showProgress: true,
    }));
  const loadIndex = async (): Promise<VectorIndex> => {
    const current = await loadEmbedder();
    const identity = { embedderId: current.id, dimension: current.dimension };
    const stored = store.embeddingIdentity();
    if (stored && (stored.id !== current.id || stored.dimension !== current.dimension)) {
      throw new StoreError(
        config.databasePath,
        'open index',
        `the stored vectors come from ${stored.id} (${stored.dimension}-d) but the embedder is now ${current.id} (${current.dimension}-d); run npm run reindex`,
      );
    }
    try {
      const opened = VectorIndex.open(indexPath, identity, config.index);
      if (opened.size === store.vectorCount()) return opened;
      log.warn('vector index is out of step with the store; rebuilding it from stored vectors', {
        index: opened.size,
        store: store.vectorCount(),
      });
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      log.warn('vector index file is unreadable; rebuilding it from stored vectors', { cause: (error as Error).message });
    }
    return rebuildIndex(store, indexPath, identity, config);
  };
  // The store as of the index in memory: another process's commit moves `changesElsewhere`.
  let indexSeen = store.changesElsewhere();
  const currentIndex = async (): Promise<VectorIndex> => {
    const loaded = await (index ??= loadIndex());
    const changes = store.changesElsewhere();
    if (changes === indexSeen) return loaded;
    const fresh = reloadedIndex(loaded);
    // Until the other process has saved its index (it commits to SQLite first), keep the one in
    // memory and look again on the next question.
    if (fresh) {
      indexSeen = changes;
      index = Promise.resolve(fresh);
      return fresh;
    }
    return loaded;
  };
  // When the index file was last saved as this process saw it: an ingest commits report by report
  // and saves the index at its end, so the file is read again only once it has been saved anew.
  let indexSavedSeen = VectorIndex.savedAt(indexPath);
  const reloadedIndex = (loaded: VectorIndex): VectorIndex | null => {
    const stored = store.vectorCount();
    if (loaded.size === stored) return loaded;
    const saved = VectorIndex.savedAt(indexPath);
    if (saved === indexSavedSeen) return null;
    let reopened: VectorIndex;
    try {
      reopened = VectorIndex.open(indexPath, loaded.identity, config.index);
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      // Caught while the other process writes it: the next question reads it again.
      return null;
    }
    indexSavedSeen = saved;
    if (reopened.size !== stored) return null;
    log.info('vector index reloaded: another process changed the reports', { before: loaded.size, now: reopened.size });
    return reopened;
  };
  let answerers: Promise<Answerers> | undefined;
  const loadAnswerers = async (): Promise<Answerers> => ({
    llm:
      config.openai.apiKey || config.openai.baseURL
        ? createLlmAnswerer({ apiKey: config.openai.apiKey, baseURL: config.openai.baseURL, model: config.openai.model, timeoutMs: config.openai.timeoutMs })
        : null,
    extractive: createExtractiveAnswerer(await loadEmbedder()),
  });
  return {
    config,
    log,
    store,
    embedder: loadEmbedder,
    vectorIndex: currentIndex,
    answerers: () => (answerers ??= loadAnswerers()),
    close: () => store.close(),
  };
}

/** Where the ANN index file lives: beside the SQLite file. */
export function vectorIndexPath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'vectors.hnsw');
}

/** Builds the index file afresh from the vectors kept in the store. */
export function rebuildIndex(
  store: Store,
  indexPath: string,
  identity: { embedderId: string; dimension: number },
  config: Pick<Config, 'index'>,
): VectorIndex {
  const rebuilt = VectorIndex.create(indexPath, identity, config.index, Math.max(store.vectorCount(), 1));
  rebuilt.addMany(store.vectors());
  rebuilt.save();
  return rebuilt;
}
