// The index a long-running process searches: opened on first use, rebuilt from the stored vectors
// when its file is missing, unreadable or out of step, and read again when another process (an
// `npm run ingest` beside the bot) has changed the vectors and saved its index.
import path from 'node:path';
import { IndexCorruptError, StoredVectorsMismatchError } from './errors.ts';
import type { IndexIdentity } from './identity.ts';
import { VectorIndex, type IndexParams } from './vector-index.ts';

/** The vectors the index is made from: what the store keeps. */
export interface VectorSource {
  /** The file the vectors are kept in, for messages. */
  readonly databasePath: string;
  /** The embedder and dimension of the stored vectors; null when none are stored. */
  embeddingIdentity(): { id: string; dimension: number } | null;
  vectorCount(): number;
  vectors(): Iterable<{ label: number; vector: Float32Array }>;
  /** Moves whenever another process commits a change. */
  changesElsewhere(): number;
}

/** What the live index is told about its setting. */
export interface LiveIndexOptions {
  /** The index file. */
  path: string;
  params: Partial<IndexParams>;
  /** The identity of the configured embedder (loaded on first use). */
  identity(): Promise<IndexIdentity>;
  warn(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
}

/** Where the ANN index file lives: beside the SQLite file in the data dir. */
export function vectorIndexPath(dataDir: string): string {
  return path.join(dataDir, 'vectors.hnsw');
}

/** Builds the index file afresh from the stored vectors. */
export function rebuildIndex(
  source: VectorSource,
  indexPath: string,
  identity: IndexIdentity,
  params: Partial<IndexParams>,
): VectorIndex {
  const rebuilt = VectorIndex.create(indexPath, identity, params, Math.max(source.vectorCount(), 1));
  rebuilt.addMany(source.vectors());
  rebuilt.save();
  return rebuilt;
}

/**
 * The index for the configured embedder, opened on first call. A missing, unreadable or stale
 * index file is rebuilt from the stored vectors (no re-embedding), with a warning. When another
 * process has since added or removed vectors, the file it saved is read again.
 */
export function liveVectorIndex(source: VectorSource, options: LiveIndexOptions): () => Promise<VectorIndex> {
  let index: Promise<VectorIndex> | undefined;
  const load = async (): Promise<VectorIndex> => {
    const identity = await options.identity();
    const stored = source.embeddingIdentity();
    if (stored && (stored.id !== identity.embedderId || stored.dimension !== identity.dimension)) {
      throw new StoredVectorsMismatchError(
        source.databasePath,
        { embedderId: stored.id, dimension: stored.dimension },
        identity,
      );
    }
    try {
      const opened = VectorIndex.open(options.path, identity, options.params);
      if (opened.size === source.vectorCount()) return opened;
      options.warn('vector index is out of step with the store; rebuilding it from stored vectors', {
        index: opened.size,
        store: source.vectorCount(),
      });
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      options.warn('vector index file is unreadable; rebuilding it from stored vectors', {
        cause: (error as Error).message,
      });
    }
    return rebuildIndex(source, options.path, identity, options.params);
  };
  // The store as of the index in memory: another process's commit moves `changesElsewhere`.
  let changesSeen = source.changesElsewhere();
  // When the index file was last saved as this process saw it: an ingest commits report by report
  // and saves the index at its end, so the file is read again only once it has been saved anew.
  let savedSeen = VectorIndex.savedAt(options.path);
  const reloaded = (loaded: VectorIndex): VectorIndex | null => {
    const stored = source.vectorCount();
    if (loaded.size === stored) return loaded;
    const saved = VectorIndex.savedAt(options.path);
    if (saved === savedSeen) return null;
    let reopened: VectorIndex;
    try {
      reopened = VectorIndex.open(options.path, loaded.identity, options.params);
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      // Caught while the other process writes it: the next question reads it again.
      return null;
    }
    savedSeen = saved;
    if (reopened.size !== stored) return null;
    options.info('vector index reloaded: another process changed the reports', {
      before: loaded.size,
      now: reopened.size,
    });
    return reopened;
  };
  return async () => {
    const loaded = await (index ??= load());
    const changes = source.changesElsewhere();
    if (changes === changesSeen) return loaded;
    const fresh = reloaded(loaded);
    // Until the other process has saved its index (it commits to SQLite first), keep the one in
    // memory and look again on the next question.
    if (!fresh) return loaded;
    changesSeen = changes;
    index = Promise.resolve(fresh);
    return fresh;
  };
}
