// Embeddings from any OpenAI-compatible server (OpenAI itself, a local llama.cpp or vLLM, ...).
import OpenAI, { APIError } from 'openai';
import type { Embedder, OpenAIEmbedderSettings } from './embedder.ts';
import { EmbedderError, shortCause } from './errors.ts';
import { normalizeInPlace } from './vectors.ts';

export const DEFAULT_OPENAI_EMBEDDING_MODEL = 'text-embedding-3-small';

// OpenAI accepts up to 2048 inputs per request; 64 keeps one request small enough to retry cheaply.
export const OPENAI_BATCH_SIZE = 64;
const DEFAULT_MAX_RETRIES = 4;
const DEFAULT_TIMEOUT_MS = 60_000;
// Local servers often need no key, but the client refuses to start without one.
const PLACEHOLDER_KEY = 'no-key';

/** Connects and embeds one probe text to learn the dimension; failures are `EmbedderError`s. */
export async function createOpenAIEmbedder(settings: OpenAIEmbedderSettings = {}): Promise<Embedder> {
  const model = settings.model ?? DEFAULT_OPENAI_EMBEDDING_MODEL;
  if (!settings.apiKey && !settings.baseURL) {
    throw new EmbedderError(
      'openai',
      model,
      'no API key',
      'set OPENAI_API_KEY, or OPENAI_BASE_URL for a server that needs none',
    );
  }
  const client = new OpenAI({
    apiKey: settings.apiKey ?? PLACEHOLDER_KEY,
    baseURL: settings.baseURL,
    maxRetries: settings.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  let dimension = 0;
  const embedBatch = async (input: string[]): Promise<Float32Array[]> => {
    let data: OpenAI.Embeddings.Embedding[];
    try {
      // "float" because not every compatible server implements the client's default base64.
      ({ data } = await client.embeddings.create({ model, input, encoding_format: 'float' }));
    } catch (error) {
      throw requestError(model, error);
    }
    if (data.length !== input.length) {
      throw malformed(model, `${data.length} embeddings for ${input.length} inputs`);
    }
    const vectors = [...data].sort((a, b) => a.index - b.index).map((item) => Float32Array.from(item.embedding));
    for (const vector of vectors) {
      if (vector.length === 0) throw malformed(model, 'an empty embedding');
      if (dimension === 0) dimension = vector.length;
      if (vector.length !== dimension) {
        throw malformed(model, `an embedding of ${vector.length} values where ${dimension} were expected`);
      }
      normalizeInPlace(vector);
    }
    return vectors;
  };
  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += OPENAI_BATCH_SIZE) {
      vectors.push(...(await embedBatch(texts.slice(start, start + OPENAI_BATCH_SIZE))));
    }
    return vectors;
  };

  await embed(['dimension probe']);
  return { id: `openai:${model}`, dimension, embedQueries: embed, embedPassages: embed };
}

function requestError(model: string, error: unknown): EmbedderError {
  if (error instanceof APIError && error.status !== undefined) {
    const reason = `the server answered HTTP ${error.status} (${shortCause(error)})`;
    const fix =
      error.status === 401 || error.status === 403
        ? 'check OPENAI_API_KEY'
        : error.status === 404
          ? 'check OPENAI_BASE_URL and OPENAI_MODEL'
          : 'check the server at OPENAI_BASE_URL, or set EMBEDDER=hashing';
    return new EmbedderError('openai', model, reason, fix, { cause: error });
  }
  const reason = `the request failed: ${shortCause(error)}`;
  return new EmbedderError('openai', model, reason, 'check OPENAI_BASE_URL and the network, or set EMBEDDER=hashing', {
    cause: error,
  });
}

function malformed(model: string, what: string): EmbedderError {
  return new EmbedderError('openai', model, `the server sent ${what}`, 'check that OPENAI_MODEL is an embedding model');
}
