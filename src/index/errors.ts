import type { IndexIdentity } from './identity.ts';

const describeIdentity = (identity: IndexIdentity) => `${identity.embedderId} (dimension ${identity.dimension})`;

/** The index file was built by another embedder or dimension than the configured one; only a reindex fixes that. */
export class IndexMismatchError extends Error {
  override readonly name = 'IndexMismatchError';
  constructor(
    readonly path: string,
    readonly expected: IndexIdentity,
    readonly found: IndexIdentity,
  ) {
    super(
      `vector index ${path} was built by embedder ${describeIdentity(found)}, but the configured embedder is ` +
        `${describeIdentity(expected)}; run \`npm run reindex\` to rebuild it`,
    );
  }
}

/** The index file or its sidecar is missing, truncated, unreadable or inconsistent; the caller rebuilds it from the store. */
export class IndexCorruptError extends Error {
  override readonly name = 'IndexCorruptError';
  constructor(
    readonly path: string,
    /** What is wrong, in a few words. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`vector index ${path} is unusable: ${reason}`, options);
  }
}

/** Writing the index failed; the previously saved index (if any) is left as it was. */
export class IndexSaveError extends Error {
  override readonly name = 'IndexSaveError';
  constructor(
    readonly path: string,
    options: { cause: unknown },
  ) {
    const detail = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`could not save vector index ${path}: ${detail}`, options);
  }
}

/** The vectors kept in the store were made by another embedder than the configured one; only a reindex fixes that. */
export class StoredVectorsMismatchError extends Error {
  override readonly name = 'StoredVectorsMismatchError';
  constructor(
    readonly source: string,
    readonly stored: IndexIdentity,
    readonly configured: IndexIdentity,
  ) {
    super(
      `${source}: the stored vectors come from ${stored.embedderId} (${stored.dimension}-d) but the embedder is now ` +
        `${configured.embedderId} (${configured.dimension}-d); run npm run reindex`,
    );
  }
}
