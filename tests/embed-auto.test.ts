import { createServer } from 'node:net';
import path from 'node:path';
import { env } from '@xenova/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, EmbedderError, type EmbedderSettings } from '../src/embed/index.ts';
import { tempFolder } from './helpers/app.ts';
import { writeTinyModel, type TinyModel } from './helpers/tiny-model.ts';
import { startFakeOpenAI, type FakeOpenAIServer } from './helpers/openai-server.ts';

/** A localhost port nobody listens on: a download attempt there is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('createEmbedder', () => {
  let cacheDir: string;
  let tiny: TinyModel;
  let openai: FakeOpenAIServer;
  const savedRemoteHost = env.remoteHost;

  beforeAll(async () => {
    cacheDir = tempFolder('council-qa-models-');
    tiny = await writeTinyModel({ name: 'tiny-e5' });
    openai = await startFakeOpenAI({ dimension: 6 });
    env.remoteHost = `http://127.0.0.1:${await closedPort()}/`;
  });

  afterAll(async () => {
    env.remoteHost = savedRemoteHost;
    await openai?.close();
  });

  const settings = (overrides: Partial<EmbedderSettings>) => {
    const lines: string[] = [];
    return {
      lines,
      settings: { kind: 'auto', cacheDir, log: (line: string) => lines.push(line), ...overrides } as EmbedderSettings,
    };
  };

  it('auto falls back to hashing when the model folder does not exist, and says why', async () => {
    const missing = path.join(cacheDir, 'no-such-model');
    const { lines, settings: s } = settings({ modelPath: missing });
    const embedder = await createEmbedder(s);
    expect(embedder.id).toBe('hashing-v1-512');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^embedder: hashing-v1-512 \(transformers model no-such-model could not be loaded: /);
    expect(lines[0]).toContain(missing);
    expect(lines[0]).toContain('EMBEDDING_MODEL_PATH');
  });

  it('auto falls back to hashing at once when the hub model cannot be downloaded, saying so in plain words', async () => {
    const { lines, settings: s } = settings({ model: 'Xenova/multilingual-e5-small' });
    const started = Date.now();
    const embedder = await createEmbedder(s);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(embedder.id).toBe('hashing-v1-512');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^embedder: no internet to download Xenova\/multilingual-e5-small: using the built-in offline embedder hashing-v1-512 \(set EMBEDDING_MODEL_PATH/,
    );
    expect((await embedder.embedQueries(['nông nghiệp']))[0]).toHaveLength(512);
  });

  it('auto uses the transformers model when it loads, and logs which', async () => {
    const { lines, settings: s } = settings({ modelPath: tiny.modelPath });
    const embedder = await createEmbedder(s);
    expect(embedder.id).toBe('transformers:tiny-e5');
    expect(embedder.dimension).toBe(tiny.hiddenSize);
    expect(lines).toEqual([
      `embedder: transformers:tiny-e5 from ${tiny.modelPath}, ${tiny.hiddenSize}-d (EMBEDDER=auto)`,
    ]);
  });

  it('an explicit transformers choice fails instead of falling back', async () => {
    const { lines, settings: s } = settings({ kind: 'transformers', modelPath: path.join(cacheDir, 'absent') });
    const error = await createEmbedder(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    expect((error as Error).message).toContain('EMBEDDING_MODEL_PATH');
    expect(lines).toEqual([]);
  });

  it('hashing is used when asked for, without touching any model', async () => {
    const { lines, settings: s } = settings({ kind: 'hashing', modelPath: path.join(cacheDir, 'absent') });
    const embedder = await createEmbedder(s);
    expect(embedder.id).toBe('hashing-v1-512');
    expect(lines).toEqual(['embedder: hashing-v1-512 (EMBEDDER=hashing)']);
  });

  it('openai is used when asked for, with its dimension from the server', async () => {
    const { lines, settings: s } = settings({ kind: 'openai', openai: { baseURL: openai.baseURL, apiKey: 'k' } });
    const embedder = await createEmbedder(s);
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    expect(embedder.dimension).toBe(6);
    expect(lines).toEqual(['embedder: openai:text-embedding-3-small, 6-d (EMBEDDER=openai)']);
  });
});
