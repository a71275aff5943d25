import { rm } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@xenova/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbedderError } from '../src/embed/index.ts';
import { loadTransformersEmbedder, prefixesFor } from '../src/embed/transformers.ts';
import type { Embedder } from '../src/embed/index.ts';
import { tempFolder } from './helpers/app.ts';
import { writeTinyModel, type TinyModel } from './helpers/tiny-model.ts';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
const plain = (vectors: Float32Array[]) => vectors.map((v) => Array.from(v));

describe('E5 prefixes', () => {
  it('applies query/passage prefixes to E5 models only', () => {
    expect(prefixesFor('Xenova/multilingual-e5-small')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(prefixesFor('intfloat/e5-base-v2')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(prefixesFor('Xenova/all-MiniLM-L6-v2')).toEqual({ query: '', passage: '' });
    expect(prefixesFor('Xenova/bge-m3')).toEqual({ query: '', passage: '' });
  });
});

describe('transformers embedder on a tiny local model', () => {
  let cacheDir: string;
  let bert: TinyModel;
  let e5: TinyModel;
  let plainEmbedder: Embedder;
  let e5Embedder: Embedder;

  beforeAll(async () => {
    env.allowRemoteModels = false;
    cacheDir = tempFolder('council-qa-models-');
    bert = await writeTinyModel({ name: 'tiny-bert', hiddenSize: 8 });
    e5 = await writeTinyModel({ name: 'tiny-e5-small', hiddenSize: 8 });
    plainEmbedder = await loadTransformersEmbedder({ modelPath: bert.modelPath, cacheDir });
    e5Embedder = await loadTransformersEmbedder({ modelPath: e5.modelPath, cacheDir });
  });

  it('names the model by folder and reads the dimension from the model output', () => {
    expect(plainEmbedder.id).toBe('transformers:tiny-bert');
    expect(plainEmbedder.dimension).toBe(bert.hiddenSize);
  });

  it('returns one unit vector per text', async () => {
    const texts = ['Hội nghị ủy ban nhân dân', 'kinh tế xã hội', ''];
    const vectors = await plainEmbedder.embedPassages(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(bert.hiddenSize);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(await plainEmbedder.embedQueries([])).toEqual([]);
  });

  it('folds diacritics and case through the model tokenizer', async () => {
    const [withMarks, without] = await plainEmbedder.embedPassages(['Nông nghiệp', 'nong nghiep']);
    expect(Array.from(withMarks!)).toEqual(Array.from(without!));
  });

  it('is deterministic', async () => {
    const texts = ['đất đai', 'ngân sách xã'];
    expect(plain(await plainEmbedder.embedPassages(texts))).toEqual(plain(await plainEmbedder.embedPassages(texts)));
  });

  it('gives the same vectors in one large call as one text at a time', async () => {
    const words = ['nong', 'nghiep', 'kinh', 'te', 'xa', 'hoi', 'giao', 'duc', 'dat', 'dai', 'cong', 'trinh'];
    const texts = Array.from({ length: 70 }, (_, i) => words.slice(i % 7, (i % 7) + 1 + (i % 5)).join(' '));
    const together = await plainEmbedder.embedPassages(texts);
    expect(together).toHaveLength(70);
    for (const [i, text] of texts.entries()) {
      const [alone] = await plainEmbedder.embedPassages([text]);
      for (let d = 0; d < bert.hiddenSize; d++) expect(together[i]![d]).toBeCloseTo(alone![d]!, 5);
    }
  });

  it('embeds queries and passages alike for a non-E5 model', async () => {
    expect(plain(await plainEmbedder.embedQueries(['kinh te']))).toEqual(
      plain(await plainEmbedder.embedPassages(['kinh te'])),
    );
  });

  it('prefixes queries and passages for an E5 model', async () => {
    const [query] = await e5Embedder.embedQueries(['kinh te']);
    const [passage] = await e5Embedder.embedPassages(['kinh te']);
    expect(Array.from(query!)).not.toEqual(Array.from(passage!));
    // Same weights in both folders: the E5 vectors are the plain model's vectors of the prefixed text.
    const [prefixedQuery, prefixedPassage] = await plainEmbedder.embedPassages(['query: kinh te', 'passage: kinh te']);
    expect(Array.from(query!)).toEqual(Array.from(prefixedQuery!));
    expect(Array.from(passage!)).toEqual(Array.from(prefixedPassage!));
  });

  it('fails with an EmbedderError naming the setting when a model file is missing', async () => {
    const broken = await writeTinyModel({ name: 'broken-model' });
    await rm(path.join(broken.modelPath, 'onnx'), { recursive: true });
    const error = await loadTransformersEmbedder({ modelPath: broken.modelPath, cacheDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbedderError);
    const embedderError = error as EmbedderError;
    expect(embedderError.embedder).toBe('transformers');
    expect(embedderError.model).toBe('broken-model');
    expect(embedderError.message).toContain('model_quantized.onnx');
    expect(embedderError.message).toContain('EMBEDDING_MODEL_PATH');
  });

  it('leaves the global transformers.js settings as it found them', async () => {
    const before = { ...env };
    await loadTransformersEmbedder({ modelPath: bert.modelPath, cacheDir });
    expect(env.localModelPath).toBe(before.localModelPath);
    expect(env.allowRemoteModels).toBe(false);
    expect(env.cacheDir).toBe(before.cacheDir);
  });
});
