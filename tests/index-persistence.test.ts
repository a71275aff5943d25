import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCorruptError, IndexMismatchError, IndexSaveError, VectorIndex } from '../src/index/index.ts';

const IDENTITY = { embedderId: 'hashing-v1-16', dimension: 16 };

/** Deterministic, well-spread unit vectors; no randomness needed to exercise persistence. */
function unitVectors(count: number, dimension: number, seed: number): Float32Array[] {
  return Array.from({ length: count }, (_, i) => {
    const vector = Float32Array.from({ length: dimension }, (_, d) => Math.sin((i + 1) * (d + 1) * seed));
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

let dir: string;
let indexPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'council-index-'));
  indexPath = path.join(dir, 'vectors.hnsw');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const items = unitVectors(300, IDENTITY.dimension, 7).map((vector, i) => ({ label: 2 * i + 5, vector }));
const queries = unitVectors(20, IDENTITY.dimension, 8);

/** A saved index of 300 elements of which labels 5..203 (step 2, every 4th) were removed. */
function savedIndex(): VectorIndex {
  const index = VectorIndex.create(indexPath, IDENTITY, { M: 12, efConstruction: 100 }, 64);
  index.addMany(items);
  for (const { label } of items.slice(0, 100).filter((_, i) => i % 4 === 0)) index.remove(label);
  index.save();
  return index;
}

const expectCorrupt = (reason: RegExp) => {
  let thrown: unknown;
  try {
    VectorIndex.open(indexPath, IDENTITY);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(IndexCorruptError);
  expect((thrown as IndexCorruptError).path).toBe(indexPath);
  expect((thrown as IndexCorruptError).message).toMatch(reason);
};

describe('VectorIndex persistence', () => {
  it('opens an empty index when no file exists yet, and writes nothing until saved', () => {
    const index = VectorIndex.open(indexPath, IDENTITY, { efSearch: 32 });
    expect(index.size).toBe(0);
    expect(index.params).toEqual({ M: 24, efConstruction: 200, efSearch: 32 });
    expect(readdirSync(dir)).toEqual([]);
    index.save();
    const reopened = VectorIndex.open(indexPath, IDENTITY);
    expect(reopened.size).toBe(0);
    expect(reopened.search(queries[0]!, 3)).toEqual([]);
  });

  it('reopens a saved index with the same elements, results and graph settings, and leaves no temp files', () => {
    const original = savedIndex();
    expect(readdirSync(dir).sort()).toEqual(['vectors.hnsw', 'vectors.hnsw.json']);
    const reopened = VectorIndex.open(indexPath, IDENTITY, { M: 32, efSearch: 40 });
    expect(reopened.size).toBe(original.size);
    expect(reopened.size).toBe(275);
    expect(reopened.params).toEqual({ M: 12, efConstruction: 100, efSearch: 40 });
    for (const { label } of items) expect(reopened.has(label)).toBe(original.has(label));
    for (const query of queries) expect(reopened.search(query, 10)).toEqual(original.search(query, 10));
  });

  it('keeps removals and slot reuse across save and reopen', () => {
    savedIndex();
    const reopened = VectorIndex.open(indexPath, IDENTITY);
    expect(reopened.has(5)).toBe(false);
    reopened.add(5, items[0]!.vector); // revives its own slot
    reopened.add(100_001, items[4]!.vector); // takes a freed slot
    reopened.save();
    const again = VectorIndex.open(indexPath, IDENTITY);
    expect(again.size).toBe(277);
    expect(again.search(items[0]!.vector, 1)[0]!.label).toBe(5);
    expect(again.search(items[4]!.vector, 1)[0]!.label).toBe(100_001);
    const sidecar = JSON.parse(readFileSync(`${indexPath}.json`, 'utf8'));
    expect(sidecar).toMatchObject({ embedderId: IDENTITY.embedderId, dimension: 16, count: 277 });
    expect(sidecar.deletedLabels).toHaveLength(23);
  });

  it('refuses an index built by another embedder or dimension and names the reindex command', () => {
    savedIndex();
    for (const identity of [
      { embedderId: 'transformers-multilingual-e5-small', dimension: 16 },
      { embedderId: IDENTITY.embedderId, dimension: 384 },
    ]) {
      let thrown: unknown;
      try {
        VectorIndex.open(indexPath, identity);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(IndexMismatchError);
      const mismatch = thrown as IndexMismatchError;
      expect(mismatch.message).toContain('npm run reindex');
      expect(mismatch.expected).toEqual(identity);
      expect(mismatch.found).toEqual(IDENTITY);
    }
  });

  it('reports a truncated index file as corrupt', () => {
    savedIndex();
    truncateSync(indexPath, 1000);
    expectCorrupt(/1000 bytes/);
  });

  it('reports garbage bytes of the right length as corrupt', () => {
    savedIndex();
    const bytes = readFileSync(indexPath);
    writeFileSync(indexPath, Buffer.alloc(bytes.length, 0xab));
    expectCorrupt(/checksum/);
  });

  it('reports a missing sidecar, a missing index file and an unreadable sidecar as corrupt', () => {
    savedIndex();
    const sidecar = readFileSync(`${indexPath}.json`);
    rmSync(`${indexPath}.json`);
    expectCorrupt(/sidecar .* is missing/);
    writeFileSync(`${indexPath}.json`, sidecar.subarray(0, 40));
    expectCorrupt(/unreadable sidecar/);
    writeFileSync(`${indexPath}.json`, sidecar);
    rmSync(indexPath);
    expectCorrupt(/index file is missing/);
  });

  it('reports a sidecar whose element count disagrees with the file as corrupt', () => {
    savedIndex();
    const sidecar = JSON.parse(readFileSync(`${indexPath}.json`, 'utf8'));
    writeFileSync(`${indexPath}.json`, JSON.stringify({ ...sidecar, count: sidecar.count + 1 }));
    expectCorrupt(/holds 300 elements, its sidecar counts 276 live/);
  });

  it('reports an index file paired with an older sidecar (a crash between the two renames) as corrupt', () => {
    const index = savedIndex();
    copyFileSync(`${indexPath}.json`, path.join(dir, 'older.json'));
    index.add(99_999, queries[0]!);
    index.save();
    copyFileSync(path.join(dir, 'older.json'), `${indexPath}.json`);
    expectCorrupt(/bytes, its sidecar says|checksum/);
  });

  it('keeps the previous index intact when a save fails', () => {
    savedIndex();
    const before = { index: readFileSync(indexPath), sidecar: readFileSync(`${indexPath}.json`) };
    const changed = VectorIndex.open(indexPath, IDENTITY);
    changed.add(99_999, queries[0]!);
    mkdirSync(`${indexPath}.tmp`); // the temp name is taken, so the index cannot be written there
    expect(() => changed.save()).toThrow(IndexSaveError);
    expect(readFileSync(indexPath).equals(before.index)).toBe(true);
    expect(readFileSync(`${indexPath}.json`).equals(before.sidecar)).toBe(true);
    expect(existsSync(`${indexPath}.json.tmp`)).toBe(false);
    expect(VectorIndex.open(indexPath, IDENTITY).has(99_999)).toBe(false);

    rmSync(`${indexPath}.tmp`, { recursive: true });
    changed.save();
    expect(VectorIndex.open(indexPath, IDENTITY).has(99_999)).toBe(true);
  });

  it('fails to save into a directory it cannot create, with the path in the error', () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a directory should be');
    const index = VectorIndex.create(path.join(blocker, 'vectors.hnsw'), IDENTITY);
    index.add(1, queries[0]!);
    expect(() => index.save()).toThrow(/could not save vector index .*blocker/);
  });
});
