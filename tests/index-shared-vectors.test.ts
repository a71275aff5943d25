import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { VectorIndex } from '../src/index/index.ts';
import { seededRandom } from '../scripts/replicate-corpus.ts';
import { tempFolder } from './helpers/app.ts';

const DIMENSION = 32;
const IDENTITY = { embedderId: 'hashing-v1-32', dimension: DIMENSION };

/** Vectors of any length and sign, as an embedder without normalisation would give them. */
function rawVectors(count: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Float32Array.from({ length: DIMENSION }, () => (random() - 0.5) * (1 + 9 * random())),
  );
}

let indexPath: string;
beforeEach(() => {
  indexPath = path.join(tempFolder('council-index-'), 'vectors.hnsw');
});

const [boilerplate, other, third] = rawVectors(3, 11) as [Float32Array, Float32Array, Float32Array];
const labelsOf = (hits: Array<{ label: number }>) => hits.map((hit) => hit.label);

describe('labels with identical vectors', () => {
  it('share one graph node and are all found, in label order, as similar as the vector itself', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    index.add(30, boilerplate);
    index.add(10, other);
    index.add(20, Float32Array.from(boilerplate));
    index.add(40, boilerplate);
    expect(index.size).toBe(4);
    expect(index.distinctVectors).toBe(2);
    const hits = index.search(boilerplate, 3);
    expect(labelsOf(hits)).toEqual([20, 30, 40]);
    for (const hit of hits) expect(hit.similarity).toBeCloseTo(1, 5);
    expect(labelsOf(index.search(boilerplate, 4))).toEqual([20, 30, 40, 10]);
  });

  it('keeps a shared node while any of its labels lives, and frees it with the last', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    index.addMany([10, 20, 30].map((label) => ({ label, vector: boilerplate })));
    index.add(40, other);
    index.remove(10); // the label whose id the node has
    expect(labelsOf(index.search(boilerplate, 2))).toEqual([20, 30]);
    expect(index.distinctVectors).toBe(2);
    index.remove(20);
    index.remove(30);
    expect(index.size).toBe(1);
    expect(index.distinctVectors).toBe(1);
    expect(labelsOf(index.search(boilerplate, 5))).toEqual([40]);
  });

  it('applies a filter to each label of a shared node', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    index.addMany([10, 20, 30].map((label) => ({ label, vector: boilerplate })));
    index.add(40, other);
    expect(labelsOf(index.search(boilerplate, 5, (label) => label === 20))).toEqual([20]);
    expect(labelsOf(index.search(boilerplate, 5, (label) => label === 40))).toEqual([40]);
  });

  it('moves a label out of a shared node when its vector is replaced', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    index.addMany([10, 20].map((label) => ({ label, vector: boilerplate })));
    index.add(20, other);
    expect(index.distinctVectors).toBe(2);
    expect(labelsOf(index.search(boilerplate, 1))).toEqual([10]);
    expect(labelsOf(index.search(other, 1))).toEqual([20]);
  });

  it('gives a label whose own node others still share another node for a new vector', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    index.addMany([10, 20].map((label) => ({ label, vector: boilerplate })));
    index.remove(10);
    index.add(10, third);
    expect(index.distinctVectors).toBe(2);
    expect(labelsOf(index.search(third, 1))).toEqual([10]);
    expect(labelsOf(index.search(boilerplate, 1))).toEqual([20]);
  });
});

describe('shared nodes across save and reopen', () => {
  it('keeps shared and hollow nodes, and a vector added after reopening joins the node saved with it', () => {
    const vectors = rawVectors(200, 5);
    const index = VectorIndex.create(indexPath, IDENTITY, { M: 8, efConstruction: 64 }, 16);
    vectors.forEach((vector, i) => index.add(i, vector));
    index.add(1000, vectors[0]!);
    index.add(1001, vectors[1]!);
    index.remove(1); // node 1 is now hollow, held by 1001
    index.add(1, third); // and label 1 needs a node of its own
    index.save();

    const reopened = VectorIndex.open(indexPath, IDENTITY);
    expect(reopened.size).toBe(index.size);
    expect(reopened.distinctVectors).toBe(index.distinctVectors);
    expect(labelsOf(reopened.search(vectors[0]!, 2))).toEqual([0, 1000]);
    expect(labelsOf(reopened.search(vectors[1]!, 1))).toEqual([1001]);
    expect(labelsOf(reopened.search(third, 1))).toEqual([1]);

    // Read back from the file, every stored vector is recognised as the same point: none adds a node.
    const nodes = reopened.distinctVectors;
    vectors.forEach((vector, i) => reopened.add(5000 + i, vector));
    expect(reopened.distinctVectors).toBe(nodes);
    reopened.save();
    const again = VectorIndex.open(indexPath, IDENTITY);
    expect(again.size).toBe(index.size + vectors.length);
    expect(labelsOf(again.search(vectors[7]!, 2))).toEqual([7, 5007]);
  });

  it('opens a sidecar written before nodes were shared', () => {
    const index = VectorIndex.create(indexPath, IDENTITY);
    rawVectors(20, 9).forEach((vector, i) => index.add(i, vector));
    index.save();
    const sidecarPath = `${indexPath}.json`;
    const { sharedLabels: _shared, hollowNodes: _hollow, ...version1 } = JSON.parse(readFileSync(sidecarPath, 'utf8'));
    writeFileSync(sidecarPath, JSON.stringify({ ...version1, formatVersion: 1 }));
    const reopened = VectorIndex.open(indexPath, IDENTITY);
    expect(reopened.size).toBe(20);
    expect(reopened.distinctVectors).toBe(20);
  });
});
