import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_PARAMS, exactSearch, VectorIndex } from '../src/index/index.ts';

const IDENTITY = { embedderId: 'test-embedder', dimension: 48 };

/** Deterministic pseudo-random unit vectors (mulberry32). */
function randomUnitVectors(count: number, dimension: number, seed: number): Float32Array[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimension }, () => random() * 2 - 1);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

describe('VectorIndex efSearch', () => {
  it('defaults to the measured setting and can be changed per process', () => {
    const index = VectorIndex.create('/nonexistent/never-saved.hnsw', IDENTITY);
    expect(index.params).toEqual(DEFAULT_INDEX_PARAMS);
    index.setEfSearch(32);
    expect(index.params).toEqual({ ...DEFAULT_INDEX_PARAMS, efSearch: 32 });
    expect(() => index.setEfSearch(0)).toThrow(RangeError);
    expect(index.params.efSearch).toBe(32);
  });

  it('finds more of the exact top 10 with a wider search on hard data', () => {
    // Few links and a shallow build make a graph whose narrow searches miss neighbours.
    const vectors = randomUnitVectors(3000, IDENTITY.dimension, 7);
    const index = VectorIndex.create(
      '/nonexistent/never-saved.hnsw',
      IDENTITY,
      { M: 6, efConstruction: 16 },
      vectors.length,
    );
    const items = vectors.map((vector, label) => ({ label, vector }));
    index.addMany(items);
    const queries = randomUnitVectors(40, IDENTITY.dimension, 8);
    const recallAt = (efSearch: number) => {
      index.setEfSearch(efSearch);
      let found = 0;
      for (const query of queries) {
        const exact = new Set(exactSearch(items, query, 10).map((hit) => hit.label));
        found += index.search(query, 10).filter((hit) => exact.has(hit.label)).length;
      }
      return found / (10 * queries.length);
    };
    const narrow = recallAt(10);
    const wide = recallAt(400);
    expect(wide).toBeGreaterThan(narrow);
    expect(wide).toBeGreaterThan(0.9);
  });
});
