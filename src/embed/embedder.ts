import type { EmbedderKind } from '../config.ts';

/**
 * Turns text into unit-length vectors. Queries and passages have separate entry points because
 * some models (the E5 family) are trained with different prefixes for each side.
 */
export interface Embedder {
  /** Stable name of the model and its settings, recorded with the index: vectors from different ids never mix. */
  readonly id: string;
  readonly dimension: number;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
}

/** How to choose and build the embedder; filled from the EMBEDDER, EMBEDDING_* and OPENAI_* settings. */
export interface EmbedderSettings {
  kind: EmbedderKind;
  /** EMBEDDING_MODEL: a hub model id for `transformers`. */
  model?: string;
  /** EMBEDDING_MODEL_PATH: a local model folder; remote loading is then off. */
  modelPath?: string;
  /** Where downloaded models are cached. */
  cacheDir: string;
  openai?: OpenAIEmbedderSettings;
  /** Receives one-line notices: which embedder is used and why. */
  log: (line: string) => void;
  /** Draw a download progress line on stderr (only when stderr is a terminal). */
  showProgress?: boolean;
  /** The id of the embedder the store's vectors were made with, if any: `auto` then uses it rather than try a model the store cannot use. */
  storedEmbedderId?: string | null;
}

export interface OpenAIEmbedderSettings {
  apiKey?: string;
  baseURL?: string;
  model?: string;
  /** Retries on 408/409/429/5xx and connection errors, with the client's backoff (default 4). */
  maxRetries?: number;
  /** Per-request timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
}
