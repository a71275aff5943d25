import path from 'node:path';
import { DEFAULT_INDEX_PARAMS } from './index/index.ts';

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
  /** The bundled sample corpus: reports ingested from it are flagged as samples (illustrative, not official). */
  sampleDir: string;
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
  telegram: TelegramConfig;
  /** How many days questions and answers are kept in the question log. */
  questionLogDays: number;
  /** The secret the question log's pseudonyms are keyed with; a key file in the data dir when unset. */
  questionLogKey: string | undefined;
  /** hnswlib parameters; unset ones take the index's defaults. */
  index: {
    M?: number;
    efConstruction?: number;
    efSearch?: number;
  };
}

/** The bot's settings; only `npm start` requires the token. */
export interface TelegramConfig {
  token: string | undefined;
  /** Another Bot API server (the emulator, a self-hosted one); grammY's default otherwise. */
  apiRoot: string | undefined;
  /** Public HTTPS address Telegram posts updates to; long polling when unset. */
  webhookUrl: string | undefined;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header; generated per start when unset. */
  webhookSecret: string | undefined;
  /** Port the webhook server listens on. */
  port: number;
  /** Telegram user ids allowed to upload reports and see /stats. */
  adminUserIds: number[];
  rateLimitPerMinute: number;
  /** How long a question that names no session inherits the previous question's. */
  followUpMs: number;
}

/** Values given on a command line; they win over the environment. */
export interface ConfigOverrides {
  dataDir?: string;
}

const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', 'corpus');
const DEFAULT_MAX_FILE_MB = 5;
// Decree 13/2023/NĐ-CP asks for a retention limit; half a year covers seasonal questions and staff review.
const DEFAULT_QUESTION_LOG_DAYS = 180;
const MIN_KEY_LENGTH = 32;
// About 160-200 subword tokens with the context header: well inside a small embedding model's
// 512-token window, and about one paragraph of an official report (two to four facts), so a
// retrieved chunk is one idea rather than a page.
const DEFAULT_CHUNK_WORDS = 120;

/** Reads and validates the configuration; throws `ConfigError` naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? nonEmpty(env.COUNCIL_DATA_DIR) ?? './data');
  return {
    dataDir,
    sampleDir: SAMPLE_DIR,
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
    telegram: telegramConfig(env),
    questionLogDays: positiveInteger(env, 'QUESTION_LOG_DAYS', DEFAULT_QUESTION_LOG_DAYS),
    questionLogKey: secret(env, 'QUESTION_LOG_KEY', MIN_KEY_LENGTH),
    index: definedOnly({
      M: optionalInteger(env, 'HNSW_M', DEFAULT_INDEX_PARAMS.M),
      efConstruction: optionalInteger(env, 'HNSW_EF_CONSTRUCTION', DEFAULT_INDEX_PARAMS.efConstruction),
      efSearch: optionalInteger(env, 'HNSW_EF_SEARCH', DEFAULT_INDEX_PARAMS.efSearch),
    }),
  };
}

function telegramConfig(env: NodeJS.ProcessEnv): TelegramConfig {
  const token = nonEmpty(env.TELEGRAM_BOT_TOKEN);
  if (token !== undefined && !/^\d+:[\w-]{20,}$/.test(token)) {
    throw new ConfigError(
      'TELEGRAM_BOT_TOKEN',
      'does not look like a bot token (digits, a colon, then letters); copy it again from @BotFather',
    );
  }
  const apiRoot = url(env, 'TELEGRAM_API_ROOT');
  const webhookUrl = url(env, 'WEBHOOK_URL');
  // Telegram itself only posts to HTTPS; plain http makes sense only against another API server.
  if (webhookUrl?.startsWith('http:') && !apiRoot) {
    throw new ConfigError(
      'WEBHOOK_URL',
      `"${webhookUrl}" is not HTTPS; Telegram only posts updates to https:// addresses`,
    );
  }
  const webhookSecret = nonEmpty(env.WEBHOOK_SECRET);
  if (webhookSecret !== undefined && !/^[\w-]{1,256}$/.test(webhookSecret)) {
    throw new ConfigError('WEBHOOK_SECRET', 'may hold only letters, digits, _ and - (1 to 256 of them)');
  }
  return {
    token,
    apiRoot,
    webhookUrl,
    webhookSecret,
    port: positiveInteger(env, 'PORT', 8080),
    adminUserIds: userIds(env, 'ADMIN_USER_IDS'),
    rateLimitPerMinute: positiveInteger(env, 'RATE_LIMIT_PER_MINUTE', 6),
    followUpMs: Math.round(positiveNumber(env, 'FOLLOW_UP_MINUTES', 10, 'a number of minutes such as 10') * 60_000),
  };
}

function userIds(env: NodeJS.ProcessEnv, name: string): number[] {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const id = Number(part.trim());
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new ConfigError(
        name,
        `"${part.trim()}" is not a Telegram user id; list numeric ids separated by commas, e.g. 123456789,987654321`,
      );
    }
    return id;
  });
}

/** A setting whose default lives with the stage that uses it; `stageDefault` only names it in the error. */
function optionalInteger(env: NodeJS.ProcessEnv, name: string, stageDefault: number): number | undefined {
  return nonEmpty(env[name]) === undefined ? undefined : positiveInteger(env, name, stageDefault);
}

function definedOnly<T extends Record<string, number | undefined>>(values: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: number;
  };
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

function secret(env: NodeJS.ProcessEnv, name: string, minLength: number): string | undefined {
  const value = nonEmpty(env[name]);
  if (value !== undefined && value.length < minLength) {
    // The value itself is never repeated: it is a secret.
    throw new ConfigError(
      name,
      `is ${value.length} characters; use at least ${minLength} random characters (openssl rand -hex 32), or unset it to keep a generated key in the data dir`,
    );
  }
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = positiveNumber(env, name, fallback, 'a whole number');
  if (!Number.isInteger(value)) {
    throw new ConfigError(
      name,
      `"${env[name]}" is not a whole number; set it to a whole number, or unset it for ${fallback}`,
    );
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
