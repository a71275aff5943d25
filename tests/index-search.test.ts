import { describe, expect, it } from 'vitest';
import { seededRandom } from '../scripts/replicate-corpus.ts';
import { exactSearch, VectorIndex } from '../src/index/index.ts';

const IDENTITY = { embedderId: 'test-embedder', dimension: 8 };

function randomUnitVectors(count: number, dimension: number, seed: number): Float32Array[] {
  // Deterministic, so a failing case can be replayed.
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimension }, () => random() * 2 - 1);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

const axis = (i: number, dimension = IDENTITY.dimension) => {
  const vector = new Float32Array(dimension);
  vector[i] = 1;
  return vector;
};

const newIndex = (capacity?: number) => VectorIndex.create('/nonexistent/never-saved.hnsw', IDENTITY, {}, capacity);

describe('VectorIndex search', () => {
  it('returns the nearest elements by cosine similarity, best first, regardless of vector length', () => {
    const index = newIndex();
    index.add(10, axis(0));
    index.add(20, Float32Array.from([3, 3, 0, 0, 0, 0, 0, 0]));
    index.add(30, Float32Array.from([0, 0, 5, 0, 0, 0, 0, 0]));
    const hits = index.search(Float32Array.from([2, 0.1, 0, 0, 0, 0, 0, 0]), 3);
    expect(hits.map((hit) => hit.label)).toEqual([10, 20, 30]);
    const expected = exactSearch(
      [
        { label: 10, vector: axis(0) },
        { label: 20, vector: Float32Array.from([3, 3, 0, 0, 0, 0, 0, 0]) },
        { label: 30, vector: Float32Array.from([0, 0, 5, 0, 0, 0, 0, 0]) },
      ],
      Float32Array.from([2, 0.1, 0, 0, 0, 0, 0, 0]),
      3,
    );
    hits.forEach((hit, i) => expect(hit.similarity).toBeCloseTo(expected[i]!.similarity, 5));
    expect(hits[2]!.similarity).toBeCloseTo(0, 5);
  });

  it('clamps k to the number of live elements and answers [] when empty', () => {
    const index = newIndex();
    expect(index.search(axis(0), 5)).toEqual([]);
    index.add(1, axis(0));
    index.add(2, axis(1));
    expect(index.search(axis(0), 50).map((hit) => hit.label)).toEqual([1, 2]);
    index.remove(1);
    index.remove(2);
    expect(index.size).toBe(0);
    expect(index.search(axis(0), 5)).toEqual([]);
  });

  it('rejects vectors of the wrong dimension or with non-finite values', () => {
    const index = newIndex();
    expect(() => index.add(1, new Float32Array(7))).toThrow(/7 dimensions, the index 8/);
    expect(() => index.add(1, Float32Array.from([NaN, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/non-finite/);
    expect(() => index.search(new Float32Array(9), 1)).toThrow(/9 dimensions/);
    expect(() => index.add(-1, axis(0))).toThrow(RangeError);
    expect(index.size).toBe(0);
  });

  it('grows beyond its initial capacity', () => {
    const index = newIndex(4);
    const vectors = randomUnitVectors(100, IDENTITY.dimension, 1);
    index.addMany(vectors.map((vector, i) => ({ label: 1000 + i * 7, vector })));
    expect(index.size).toBe(100);
    for (const i of [0, 50, 99]) expect(index.search(vectors[i]!, 1)[0]!.label).toBe(1000 + i * 7);
  });

  it('excludes removed labels, ignores unknown ones, and takes a removed label back', () => {
    const index = newIndex();
    index.add(1, axis(0));
    index.add(2, axis(1));
    index.add(3, axis(2));
    index.remove(1);
    index.remove(999);
    expect(index.has(1)).toBe(false);
    expect(index.size).toBe(2);
    expect(index.search(axis(0), 3).map((hit) => hit.label)).not.toContain(1);

    index.add(1, axis(3));
    expect(index.has(1)).toBe(true);
    expect(index.size).toBe(3);
    expect(index.search(axis(3), 1)[0]).toMatchObject({ label: 1 });
    expect(index.search(axis(0), 3).find((hit) => hit.label === 1)!.similarity).toBeCloseTo(0, 5);
  });

  it('replaces the vector of a label added twice', () => {
    const index = newIndex();
    index.add(5, axis(0));
    index.add(6, axis(1));
    index.add(5, axis(2));
    expect(index.size).toBe(2);
    expect(index.search(axis(2), 1)[0]).toMatchObject({ label: 5 });
    expect(index.search(axis(0), 2).every((hit) => hit.similarity < 0.5)).toBe(true);
  });

  it('reuses the slots of removed labels for new ones and can still revive any removed label', () => {
    const index = newIndex(4);
    [1, 2, 3, 4].forEach((label, i) => index.add(label, axis(i)));
    index.remove(2);
    index.remove(3);
    index.add(50, axis(5)); // takes one of the two freed slots, hnswlib decides which
    index.add(2, axis(6));
    index.add(3, axis(7));
    expect(index.size).toBe(5);
    expect(index.search(axis(5), 1)[0]!.label).toBe(50);
    expect(index.search(axis(6), 1)[0]!.label).toBe(2);
    expect(index.search(axis(7), 1)[0]!.label).toBe(3);
    expect(
      index
        .search(axis(1), 5)
        .map((hit) => hit.label)
        .sort(),
    ).toEqual([1, 2, 3, 4, 50]);
  });

  it('applies a filter during the search and returns only allowed labels', () => {
    const vectors = randomUnitVectors(500, IDENTITY.dimension, 2);
    const index = newIndex();
    const items = vectors.map((vector, i) => ({ label: i + 1, vector }));
    index.addMany(items);
    for (const item of items.slice(0, 100)) index.remove(item.label);
    const live = items.slice(100);
    const allowed = (label: number) => label % 25 === 0; // 16 of the live labels
    const query = randomUnitVectors(1, IDENTITY.dimension, 3)[0]!;
    const hits = index.search(query, 10, allowed);
    expect(hits.map((hit) => hit.label)).toEqual(exactSearch(live, query, 10, allowed).map((hit) => hit.label));
    expect(index.search(query, 100, allowed)).toHaveLength(16);
  });

  it('finds at least 95% of the exact top 10 on 2,000 random unit vectors in 64 dimensions', () => {
    const dimension = 64;
    const index = VectorIndex.create('/nonexistent/recall.hnsw', { embedderId: 'recall', dimension });
    const items = randomUnitVectors(2000, dimension, 4).map((vector, i) => ({ label: 3 * i + 1, vector }));
    index.addMany(items);
    const queries = randomUnitVectors(100, dimension, 5);
    let found = 0;
    for (const query of queries) {
      const approximate = new Set(index.search(query, 10).map((hit) => hit.label));
      found += exactSearch(items, query, 10).filter((hit) => approximate.has(hit.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('exactSearch', () => {
  it('ranks by cosine, breaks ties by label, honours the filter and gives zero vectors similarity 0', () => {
    const items = [
      { label: 4, vector: Float32Array.from([1, 1]) },
      { label: 2, vector: Float32Array.from([1, 1]) },
      { label: 3, vector: Float32Array.from([0, 0]) },
      { label: 1, vector: Float32Array.from([-1, 0]) },
    ];
    const hits = exactSearch(items, Float32Array.from([1, 1]), 4);
    expect(hits.map((hit) => hit.label)).toEqual([2, 4, 3, 1]);
    expect(hits[0]!.similarity).toBe(hits[1]!.similarity);
    expect(hits[0]!.similarity).toBeCloseTo(1, 6);
    expect(hits[2]!.similarity).toBe(0);
    expect(hits[3]!.similarity).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(exactSearch(items, Float32Array.from([1, 1]), 2, (label) => label !== 2).map((hit) => hit.label)).toEqual([
      4, 3,
    ]);
  });
});
