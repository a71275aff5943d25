/** Which embedder failed, for which model, what went wrong and which setting fixes it. */
export class EmbedderError extends Error {
  override readonly name = 'EmbedderError';
  constructor(
    readonly embedder: 'transformers' | 'openai' | 'hashing',
    readonly model: string | undefined,
    /** What failed, in a few words (used alone in the `auto` fallback notice). */
    readonly reason: string,
    /** The setting to change, e.g. "set EMBEDDING_MODEL_PATH to a downloaded copy of the model". */
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${embedder} embedder${model ? ` (model ${model})` : ''}: ${reason}; ${fix}`, options);
  }
}

/** The first line of an error's message plus its underlying cause (e.g. "fetch failed (ECONNREFUSED)"). */
export function shortCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const firstLine = error.message.split('\n')[0]?.trim() || error.name;
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return `${firstLine} (${code ?? cause.message.split('\n')[0]})`;
  }
  return firstLine;
}

// Codes Node gives a request that never reached its host: no internet, no DNS, host unreachable.
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT']);

/** Whether `error` (or an error it wraps) is a download that could not reach the internet. */
export function isOffline(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (OFFLINE_CODES.has((current as NodeJS.ErrnoException).code ?? '')) return true;
  }
  return false;
}
