import path from 'node:path';

/** A setting that is missing or malformed; the message names the variable and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type EmbedderKind = 'auto' | 'transformers' | 'openai' | 'hashing';

/** Every setting of the service, read once from the environment (and flags) and validated. */
export interface Config {
  dataDir: string;
  /** The SQLite file inside `dataDir`. */
  databasePath: string;
  /** Files larger than this are refused before they are read. */
  maxFileBytes: number;
  /** Chunk size the chunker aims for, in words (syllables). */
  chunkTargetWords: number;
  logLevel: LogLevel;
  embedder: {
    kind: EmbedderKind;
    model: string | undefined;
    modelPath: string | undefined;
  };
  openai: {
    apiKey: string | undefined;
    baseURL: string | undefined;
    model: string | undefined;
    /** How long one chat completion may take before the extractive answer is used instead. */
    timeoutMs: number;
  };
  /** hnswlib parameters; unset ones take the index's defaults. */
  index: {
    M?: number;
    efConstruction?: number;
    efSearch?: number;
  };
}

/** Values given on a command line; they win over the environment. */
export interface ConfigOverrides {
  dataDir?: string;
}

const DEFAULT_MAX_FILE_MB = 5;
// About 160-200 subword tokens with the context header: well inside a small embedding model's
// 512-token window, and about one paragraph of an official report (two to four facts), so a
// retrieved chunk is one idea rather than a page.
const DEFAULT_CHUNK_WORDS = 120;

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? nonEmpty(env.COUNCIL_DATA_DIR) ?? './data');
  return {
    dataDir,
    databasePath: path.join(dataDir, 'council.sqlite'),
    maxFileBytes: Math.round(
      positiveNumber(env, 'MAX_FILE_MB', DEFAULT_MAX_FILE_MB, 'a size in megabytes such as 5') * 1024 * 1024,
    ),
    chunkTargetWords: positiveInteger(env, 'CHUNK_TARGET_WORDS', DEFAULT_CHUNK_WORDS),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    embedder: {
      kind: oneOf(env, 'EMBEDDER', ['auto', 'transformers', 'openai', 'hashing'] as const, 'auto'),
      model: nonEmpty(env.EMBEDDING_MODEL),
      modelPath: nonEmpty(env.EMBEDDING_MODEL_PATH),
    },
    openai: {
      apiKey: nonEmpty(env.OPENAI_API_KEY),
      baseURL: url(env, 'OPENAI_BASE_URL'),
      model: nonEmpty(env.OPENAI_MODEL),
      timeoutMs: Math.round(positiveNumber(env, 'LLM_TIMEOUT_SECONDS', 30, 'a number of seconds such as 30') * 1000),
    },
    index: definedOnly({
      M: optionalInteger(env, 'HNSW_M'),
      efConstruction: optionalInteger(env, 'HNSW_EF_CONSTRUCTION'),
      efSearch: optionalInteger(env, 'HNSW_EF_SEARCH'),
    }),
  };
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  return nonEmpty(env[name]) === undefined ? undefined : positiveInteger(env, name, 1);
}

function definedOnly<T extends Record<string, number | undefined>>(values: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: number };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, example: string): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(name, `"${raw}" is not a positive number; set it to ${example}, or unset it for ${fallback}`);
  }
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback, 'a whole number');
  if (!Number.isInteger(value)) {
    throw new ConfigError(name, `"${env[name]}" is not a whole number; set it to a whole number, or unset it for ${fallback}`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}; unset it for ${fallback}`);
  }
  return value as T;
}

function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(name, `"${raw}" is not an http(s) URL; set it like http://localhost:8080/v1`);
  }
  return raw;
}
