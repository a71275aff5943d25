import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbedderError } from '../src/embed/index.ts';
import { createOpenAIEmbedder, OPENAI_BATCH_SIZE } from '../src/embed/openai.ts';
import { embeddingsReply, errorReply, startFakeOpenAI, type FakeOpenAIServer } from './helpers/openai-server.ts';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
// The server asks for a short wait, so retries are fast and visibly honoured.
const BRIEF_WAIT = { 'retry-after-ms': '20' };

describe('openai embedder against a local OpenAI-compatible server', async () => {
  const server: FakeOpenAIServer = await startFakeOpenAI({ dimension: 5 });
  const settings = { baseURL: server.baseURL, apiKey: 'sk-test-key', maxRetries: 3, timeoutMs: 2_000 };

  beforeEach(() => {
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  it('learns the dimension from a probe and sends the key as a Bearer token', async () => {
    const embedder = await createOpenAIEmbedder(settings);
    expect(embedder.dimension).toBe(5);
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-key');
    expect(server.requests[0]!.body).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float' });
  });

  it('uses the configured model', async () => {
    const embedder = await createOpenAIEmbedder({ ...settings, model: 'bge-m3' });
    expect(embedder.id).toBe('openai:bge-m3');
    expect(server.requests[0]!.body.model).toBe('bge-m3');
  });

  it('splits inputs into batches and keeps their order', async () => {
    const embedder = await createOpenAIEmbedder(settings);
    server.requests.length = 0;
    const texts = Array.from({ length: 150 }, (_, i) => `đoạn văn số ${i}`);
    const vectors = await embedder.embedPassages(texts);
    expect(server.requests).toHaveLength(Math.ceil(150 / OPENAI_BATCH_SIZE));
    expect(server.requests.map((r) => r.body.input.length)).toEqual([64, 64, 22]);
    expect(server.requests.flatMap((r) => r.body.input)).toEqual(texts);
    expect(vectors).toHaveLength(150);
    const [alone] = await embedder.embedQueries([texts[100]!]);
    expect(Array.from(vectors[100]!)).toEqual(Array.from(alone!));
  });

  it('returns unit vectors in input order even when the server reorders them', async () => {
    const embedder = await createOpenAIEmbedder(settings);
    server.script('embeddings', {
      bodyFrom: (request) => {
        const reply = embeddingsReply(request.body, 5) as { data: unknown[] };
        return { ...reply, data: [...reply.data].reverse() };
      },
    });
    const [first, second] = await embedder.embedPassages(['một', 'hai mươi hai']);
    const [firstAlone, secondAlone] = [
      (await embedder.embedPassages(['một']))[0]!,
      (await embedder.embedPassages(['hai mươi hai']))[0]!,
    ];
    expect(norm(first!)).toBeCloseTo(1, 5);
    expect(norm(second!)).toBeCloseTo(1, 5);
    expect(Array.from(first!)).toEqual(Array.from(firstAlone));
    expect(Array.from(second!)).toEqual(Array.from(secondAlone));
    expect(Array.from(first!)).not.toEqual(Array.from(second!));
  });

  it('retries after a 429 rate limit', async () => {
    const embedder = await createOpenAIEmbedder(settings);
    server.requests.length = 0;
    server.script('embeddings', errorReply(429, 'Rate limit reached', BRIEF_WAIT));
    const vectors = await embedder.embedPassages(['ngân sách']);
    expect(vectors).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.input).toEqual(['ngân sách']);
  });

  it('retries server errors with backoff until one succeeds', async () => {
    const embedder = await createOpenAIEmbedder(settings);
    server.requests.length = 0;
    server.script('embeddings', errorReply(500, 'boom'), errorReply(503, 'busy'));
    const vectors = await embedder.embedPassages(['đầu tư công']);
    expect(vectors).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the retries with an EmbedderError carrying the context', async () => {
    const embedder = await createOpenAIEmbedder({ ...settings, maxRetries: 2 });
    server.requests.length = 0;
    server.script('embeddings', ...Array.from({ length: 3 }, () => errorReply(500, 'upstream down', BRIEF_WAIT)));
    const error = await embedder.embedPassages(['x']).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(EmbedderError);
    const embedderError = error as EmbedderError;
    expect(embedderError.embedder).toBe('openai');
    expect(embedderError.model).toBe('text-embedding-3-small');
    expect(embedderError.message).toContain('HTTP 500');
    expect(embedderError.message).toContain('upstream down');
    expect(embedderError.message).toContain('OPENAI_BASE_URL');
  });

  it('does not retry a rejected key and names OPENAI_API_KEY', async () => {
    server.script('embeddings', errorReply(401, 'Incorrect API key provided'));
    const error = await createOpenAIEmbedder(settings).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toContain('OPENAI_API_KEY');
  });

  it('times out a server that does not answer', async () => {
    server.script('embeddings', { delayMs: 1_000 });
    const error = await createOpenAIEmbedder({ ...settings, maxRetries: 0, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toMatch(/timed out/i);
  });

  it('refuses a reply with the wrong number of embeddings', async () => {
    server.script('embeddings', { body: { object: 'list', data: [], model: 'm' } });
    const error = await createOpenAIEmbedder(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toContain('0 embeddings for 1 inputs');
  });

  it('needs a key or a server address', async () => {
    const error = await createOpenAIEmbedder({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toContain('OPENAI_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});
