import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { HierarchicalNSW } from 'hnswlib-node';
import { IndexCorruptError, IndexMismatchError, IndexSaveError } from './errors.ts';
import type { IndexIdentity } from './identity.ts';
import type { SearchHit } from './exact.ts';
import { fileDigest, fsyncPath, removeStrayFile } from './files.ts';
import { checkHnswFile } from './hnsw-file.ts';
import { readSidecar, SIDECAR_FORMAT_VERSION, type Sidecar } from './sidecar.ts';

/** HNSW graph settings: `M` links per node and `efConstruction` are fixed when the graph is built; `efSearch` is per process. */
export interface IndexParams {
  M: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * M=16 and efConstruction=200 are hnswlib's own defaults and the usual choice for 384-d sentence
 * embeddings. efSearch=256, because the hashing embedder's vectors are hard for HNSW (measured by
 * `npm run bench` at 104k chunks, tie-aware recall@10 against exact search): efSearch 64 finds 0.72
 * of the exact top 10 in 0.26 ms, 128 finds 0.79 in 0.41 ms, 256 finds 0.84 in 0.64 ms, 512 only
 * 0.86 for 1.1 ms. On the same vectors M=32 did worse (0.53 of the top 10 by label at efSearch 256,
 * against 0.75 with M=16), and efConstruction=400 gained about what doubling efSearch gains, for
 * twice the build time. hnswlib searches with max(efSearch, k).
 */
export const DEFAULT_INDEX_PARAMS: Readonly<IndexParams> = Object.freeze({ M: 16, efConstruction: 200, efSearch: 256 });

const DEFAULT_CAPACITY = 1024;
// hnswlib draws node levels at random; a fixed seed makes a rebuild from the same vectors give the same graph.
const RANDOM_SEED = 100;
// Labels cross into hnswlib as uint32.
const MAX_LABEL = 0xffff_ffff;

/**
 * An hnswlib cosine index of chunk vectors, persisted as one file plus a JSON sidecar (`path + '.json'`)
 * that records the embedder, the graph settings, the live and deleted labels and the file's checksum.
 */
export class VectorIndex {
  /** Deleted slots hnswlib will hand to the next new labels (exact). */
  private vacantSlots: number;

  private constructor(
    /** Where `save()` writes the index; the sidecar sits at `path + '.json'`. */
    readonly path: string,
    readonly identity: IndexIdentity,
    private currentParams: IndexParams,
    private readonly native: HierarchicalNSW,
    private readonly live: Set<number>,
    /** Deleted labels that may still hold a slot; once a new label reuses a slot, one of them is gone without saying which. */
    private tombstones: Set<number>,
  ) {
    this.vacantSlots = tombstones.size;
    native.setEf(currentParams.efSearch);
  }

  /**
   * Opens the index at `path` with its sidecar, or creates an empty one when neither file exists.
   * The graph's `M` and `efConstruction` come from the file (they cannot change without a rebuild);
   * `efSearch` comes from `params`.
   * @throws IndexMismatchError when the file was built for another embedder id or dimension.
   * @throws IndexCorruptError when either file is missing, truncated, unreadable or disagrees with the other.
   */
  static open(path: string, identity: IndexIdentity, params: Partial<IndexParams> = {}): VectorIndex {
    checkIdentity(identity);
    const { efSearch } = resolveParams(params);
    const sidecarPath = sidecarPathOf(path);
    const hasIndex = existsSync(path);
    const hasSidecar = existsSync(sidecarPath);
    if (!hasIndex && !hasSidecar) return VectorIndex.create(path, identity, params);
    if (!hasSidecar) throw new IndexCorruptError(path, `its sidecar ${sidecarPath} is missing`);

    const sidecar = unlessCorrupt(path, 'unreadable sidecar', () => readSidecar(sidecarPath));
    if (sidecar.embedderId !== identity.embedderId || sidecar.dimension !== identity.dimension) {
      throw new IndexMismatchError(path, identity, { embedderId: sidecar.embedderId, dimension: sidecar.dimension });
    }
    if (!hasIndex) throw new IndexCorruptError(path, 'the index file is missing beside its sidecar');

    const digest = unlessCorrupt(path, 'unreadable index file', () => fileDigest(path));
    if (digest.bytes !== sidecar.indexBytes) {
      throw new IndexCorruptError(path, `the file has ${digest.bytes} bytes, its sidecar says ${sidecar.indexBytes}`);
    }
    if (digest.sha256 !== sidecar.indexSha256) {
      throw new IndexCorruptError(path, 'the file does not match the checksum in its sidecar');
    }
    const header = unlessCorrupt(path, 'malformed index file', () => checkHnswFile(path, identity.dimension));
    const slots = sidecar.count + sidecar.deletedLabels.length;
    if (header.elementCount !== slots) {
      throw new IndexCorruptError(
        path,
        `the file holds ${header.elementCount} elements, its sidecar counts ${sidecar.count} live and ${sidecar.deletedLabels.length} deleted`,
      );
    }
    if (header.M !== sidecar.M || header.efConstruction !== sidecar.efConstruction) {
      throw new IndexCorruptError(path, 'the graph settings in the file and its sidecar differ');
    }

    const native = new hnswlib.HierarchicalNSW('cosine', identity.dimension);
    unlessCorrupt(path, 'hnswlib could not read it', () => native.readIndexSync(path, true));
    const labels = native.getIdsList();
    const tombstones = new Set(sidecar.deletedLabels);
    const live = new Set(labels.filter((label) => !tombstones.has(label)));
    if (labels.length !== slots || live.size !== sidecar.count) {
      throw new IndexCorruptError(path, 'the labels in the file disagree with its sidecar');
    }
    const graph = { M: sidecar.M, efConstruction: sidecar.efConstruction, efSearch };
    return new VectorIndex(path, identity, graph, native, live, tombstones);
  }

  /** A fresh, empty in-memory index (for a rebuild); nothing is written until `save()`. */
  static create(
    path: string,
    identity: IndexIdentity,
    params: Partial<IndexParams> = {},
    capacity = DEFAULT_CAPACITY,
  ): VectorIndex {
    checkIdentity(identity);
    const resolved = resolveParams(params);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_LABEL) {
      throw new RangeError(`index capacity must be a positive integer, got ${capacity}`);
    }
    const native = new hnswlib.HierarchicalNSW('cosine', identity.dimension);
    native.initIndex({
      maxElements: capacity,
      m: resolved.M,
      efConstruction: resolved.efConstruction,
      randomSeed: RANDOM_SEED,
      // Chunks of a re-ingested report are deleted and new ones added: reuse their slots instead of growing.
      allowReplaceDeleted: true,
    });
    return new VectorIndex(path, identity, resolved, native, new Set(), new Set());
  }

  /** Widens or narrows later searches (hnswlib's `ef`): higher finds more true neighbours and costs more per query. */
  setEfSearch(efSearch: number): void {
    const resolved = resolveParams({ ...this.params, efSearch });
    this.native.setEf(resolved.efSearch);
    this.currentParams = resolved;
  }

  /** The graph settings and the current `efSearch`. */
  get params(): IndexParams {
    return { ...this.currentParams };
  }

  /** Live (not deleted) elements. */
  get size(): number {
    return this.live.size;
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  /** Adds a vector under `label`, replacing the label's previous vector if it has one; grows the index when full. */
  add(label: number, vector: Float32Array): void {
    checkLabel(label);
    const point = this.toPoint(vector);
    if (this.live.has(label)) {
      this.native.addPoint(point, label);
      return;
    }
    if (this.tombstones.delete(label) && this.reviveTombstone(label)) {
      this.native.addPoint(point, label);
    } else if (this.vacantSlots > 0) {
      this.native.addPoint(point, label, true);
      this.vacantSlots--;
    } else {
      this.growIfFull();
      this.native.addPoint(point, label);
    }
    this.live.add(label);
  }

  addMany(items: Iterable<{ label: number; vector: Float32Array }>): void {
    for (const { label, vector } of items) this.add(label, vector);
  }

  /** Excludes `label` from searches from now on; unknown labels are ignored. */
  remove(label: number): void {
    if (!this.live.delete(label)) return;
    this.native.markDelete(label);
    this.tombstones.add(label);
    this.vacantSlots++;
  }

  /**
   * The `k` nearest live elements by cosine similarity, best first; fewer when the index (or the
   * filter) allows fewer. The filter is applied during the graph walk, not to a truncated result.
   */
  search(vector: Float32Array, k: number, filter?: (label: number) => boolean): SearchHit[] {
    const point = this.toPoint(vector);
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
    const wanted = Math.min(k, this.live.size);
    if (wanted === 0) return [];
    const { neighbors, distances } = filter
      ? this.native.searchKnn(point, wanted, filter)
      : this.native.searchKnn(point, wanted);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  /**
   * Writes the index and its sidecar atomically: both go to temp files (`path + '.tmp'`,
   * `path + '.json.tmp'`) that are checked and fsynced before being renamed over the real names, so
   * a crash or failure never leaves a half-written file under them (a crash between the two renames
   * leaves a pair whose checksum disagrees, which `open` reports as corrupt).
   * @throws IndexSaveError, with the previously saved files untouched.
   */
  save(): void {
    const indexTemp = `${this.path}.tmp`;
    const sidecarPath = sidecarPathOf(this.path);
    const sidecarTemp = `${sidecarPath}.tmp`;
    try {
      this.syncTombstones();
      const directory = dirname(this.path);
      mkdirSync(directory, { recursive: true });
      this.native.writeIndexSync(indexTemp);
      // hnswlib's writer reports no I/O errors, so prove the temp file is whole before trusting it.
      const header = checkHnswFile(indexTemp, this.identity.dimension);
      if (header.elementCount !== this.live.size + this.tombstones.size) {
        throw new Error(`wrote ${header.elementCount} elements instead of ${this.live.size + this.tombstones.size}`);
      }
      fsyncPath(indexTemp);
      const digest = fileDigest(indexTemp);
      const sidecar: Sidecar = {
        formatVersion: SIDECAR_FORMAT_VERSION,
        embedderId: this.identity.embedderId,
        dimension: this.identity.dimension,
        space: 'cosine',
        M: this.params.M,
        efConstruction: this.params.efConstruction,
        count: this.live.size,
        deletedLabels: [...this.tombstones].sort((a, b) => a - b),
        indexBytes: digest.bytes,
        indexSha256: digest.sha256,
      };
      writeFileSync(sidecarTemp, `${JSON.stringify(sidecar)}\n`);
      fsyncPath(sidecarTemp);
      renameSync(indexTemp, this.path);
      renameSync(sidecarTemp, sidecarPath);
      fsyncPath(directory);
    } catch (cause) {
      removeStrayFile(indexTemp);
      removeStrayFile(sidecarTemp);
      throw new IndexSaveError(this.path, { cause });
    }
  }

  private toPoint(vector: Float32Array): number[] {
    if (vector.length !== this.identity.dimension) {
      throw new RangeError(`vector has ${vector.length} dimensions, the index ${this.identity.dimension}`);
    }
    if (!vector.every(Number.isFinite)) throw new RangeError('vector has a non-finite component');
    return Array.from(vector);
  }

  /** Brings a deleted label back into its own slot; false when a newer label has already taken that slot. */
  private reviveTombstone(label: number): boolean {
    try {
      this.native.unmarkDelete(label);
    } catch (error) {
      if (error instanceof Error && error.message.includes('Label not found')) return false;
      throw error;
    }
    this.vacantSlots--;
    return true;
  }

  private growIfFull(): void {
    const capacity = this.native.getMaxElements();
    if (this.native.getCurrentCount() < capacity) return;
    if (capacity >= MAX_LABEL) throw new RangeError(`the index is full at ${capacity} elements`);
    this.native.resizeIndex(Math.min(capacity * 2, MAX_LABEL));
  }

  /** Replaces the tombstone guesses with the deleted labels that really still hold a slot. */
  private syncTombstones(): void {
    this.tombstones = new Set(this.native.getIdsList().filter((label) => !this.live.has(label)));
    this.vacantSlots = this.tombstones.size;
  }
}

function sidecarPathOf(indexPath: string): string {
  return `${indexPath}.json`;
}

function resolveParams(params: Partial<IndexParams>): IndexParams {
  const resolved = { ...DEFAULT_INDEX_PARAMS, ...params };
  const minimum = { M: 2, efConstruction: 1, efSearch: 1 };
  for (const name of ['M', 'efConstruction', 'efSearch'] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < minimum[name]) {
      throw new RangeError(`index parameter ${name} must be an integer of at least ${minimum[name]}, got ${resolved[name]}`);
    }
  }
  return resolved;
}

function checkIdentity(identity: IndexIdentity): void {
  if (identity.embedderId === '') throw new RangeError('index identity needs an embedder id');
  if (!Number.isInteger(identity.dimension) || identity.dimension < 1) {
    throw new RangeError(`index dimension must be a positive integer, got ${identity.dimension}`);
  }
}

function checkLabel(label: number): void {
  if (!Number.isInteger(label) || label < 0 || label > MAX_LABEL) {
    throw new RangeError(`index labels are integers from 0 to ${MAX_LABEL}, got ${label}`);
  }
}

function unlessCorrupt<T>(path: string, reason: string, read: () => T): T {
  try {
    return read();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new IndexCorruptError(path, `${reason} (${detail})`, { cause });
  }
}
