import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
 * Measured by `npm run bench` at 104k chunks with the hashing embedder (tie-aware recall@10
 * against exact search), whose vectors are hard for HNSW: queries are short and nearly as close
 * to thousands of passages as to the best ten. With identical vectors sharing a node, M=24 finds
 * 0.92 of the exact top 10 at efSearch 256, 0.96 at 512 and 0.98 at 768 (ANN search p95 2.5 ms),
 * against 0.90 / 0.94 / 0.96 with M=16; the extra links cost 64 bytes a node against the 2 KB
 * of its vector. efConstruction=200 is hnswlib's own default; 400 gained about what doubling
 * efSearch gains, for twice the build time. hnswlib searches with max(efSearch, k).
 */
export const DEFAULT_INDEX_PARAMS: Readonly<IndexParams> = Object.freeze({ M: 24, efConstruction: 200, efSearch: 768 });

const DEFAULT_CAPACITY = 1024;
// hnswlib draws node levels at random; a fixed seed makes a rebuild from the same vectors give the same graph.
const RANDOM_SEED = 100;
// Labels cross into hnswlib as uint32.
const MAX_LABEL = 0xffff_ffff;

/**
 * An hnswlib cosine index of chunk vectors, persisted as one file plus a JSON sidecar (`path + '.json'`)
 * that records the embedder, the graph settings, the live and deleted labels and the file's checksum.
 *
 * Labels with identical vectors share one graph node (a report's boilerplate, a notice formula
 * repeated month after month): many identical points make HNSW's neighbour lists point at one
 * another and cut the rest of the graph off (on the 104k-chunk bench, 21% duplicates, recall@10
 * at efSearch 256 was 0.84 with a node per label and 0.89 with a node per distinct vector; with
 * M=32 it fell to 0.61 against 0.91). A node is the first label that brought its vector; labels
 * stored in another label's node are "shared", and a node whose own label was removed while
 * others still share it is "hollow".
 */
export class VectorIndex {
  /** Deleted slots hnswlib will hand to the next new labels (exact). */
  private vacantSlots: number;
  /** Nodes holding at least one live label. */
  private liveNodes: number;
  /** The live node holding each distinct vector, by digest; built on the first add (see `nodeDigests`). */
  private digests: Map<string, number> | null = null;
  /** Where to look for a free node id when a label's own id is a node others still hold (counting down). */
  private spareNode = MAX_LABEL;

  private constructor(
    /** Where `save()` writes the index; the sidecar sits at `path + '.json'`. */
    readonly path: string,
    readonly identity: IndexIdentity,
    private currentParams: IndexParams,
    private readonly native: HierarchicalNSW,
    private readonly live: Set<number>,
    /** Label → node, for labels stored in a node that is not their own. */
    private readonly shared: Map<number, number>,
    /** Node → its live labels, for nodes holding a shared label or hollow; any other live node holds just its own label. */
    private readonly groups: Map<number, Set<number>>,
    /** Deleted nodes that may still hold a slot; once a new node reuses a slot, one of them is gone without saying which. */
    private tombstones: Set<number>,
  ) {
    this.vacantSlots = tombstones.size;
    this.liveNodes = native.getCurrentCount() - tombstones.size;
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
    const liveNodes = sidecar.count - sidecar.sharedLabels.length + sidecar.hollowNodes.length;
    const slots = liveNodes + sidecar.deletedLabels.length;
    if (header.elementCount !== slots) {
      throw new IndexCorruptError(
        path,
        `the file holds ${header.elementCount} elements, its sidecar counts ${liveNodes} live and ${sidecar.deletedLabels.length} deleted`,
      );
    }
    if (header.M !== sidecar.M || header.efConstruction !== sidecar.efConstruction) {
      throw new IndexCorruptError(path, 'the graph settings in the file and its sidecar differ');
    }

    const native = new hnswlib.HierarchicalNSW('cosine', identity.dimension);
    unlessCorrupt(path, 'hnswlib could not read it', () => native.readIndexSync(path, true));
    const nodes = native.getIdsList();
    const tombstones = new Set(sidecar.deletedLabels);
    const hollow = new Set(sidecar.hollowNodes);
    const live = new Set(nodes.filter((node) => !tombstones.has(node) && !hollow.has(node)));
    const shared = new Map(sidecar.sharedLabels);
    const groups = new Map([...hollow].map((node) => [node, new Set<number>()]));
    for (const [label, node] of shared) {
      if (live.has(label) || tombstones.has(node) || !nodes.includes(node))
        throw new IndexCorruptError(path, `shared label ${label} points at no live node`);
      live.add(label);
      groups.set(node, (groups.get(node) ?? new Set(live.has(node) && !hollow.has(node) ? [node] : [])).add(label));
    }
    if (
      nodes.length !== slots ||
      live.size !== sidecar.count ||
      [...groups.values()].some((group) => group.size === 0)
    ) {
      throw new IndexCorruptError(path, 'the labels in the file disagree with its sidecar');
    }
    const graph = { M: sidecar.M, efConstruction: sidecar.efConstruction, efSearch };
    return new VectorIndex(path, identity, graph, native, live, shared, groups, tombstones);
  }

  /** When an index was last saved at `path` (its sidecar is put in place last), or null when none was. */
  static savedAt(path: string): number | null {
    try {
      return statSync(sidecarPathOf(path)).mtimeMs;
    } catch {
      return null;
    }
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
    return new VectorIndex(path, identity, resolved, native, new Set(), new Map(), new Map(), new Set());
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

  /** Live (not deleted) labels. */
  get size(): number {
    return this.live.size;
  }

  /** Graph nodes holding live labels: one per distinct vector. */
  get distinctVectors(): number {
    return this.liveNodes;
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  /**
   * Adds a vector under `label`, replacing the label's previous vector if it has one; a vector
   * identical to a live one joins its node. Grows the index when full.
   */
  add(label: number, vector: Float32Array): void {
    checkLabel(label);
    const point = this.toPoint(vector);
    if (this.live.has(label)) this.remove(label);
    const digest = digestAsStored(point);
    const twin = this.nodeDigests().get(digest);
    if (twin !== undefined) {
      this.join(label, twin);
      return;
    }
    const node = this.freeNodeFor(label);
    if (this.tombstones.delete(node) && this.reviveTombstone(node)) {
      this.native.addPoint(point, node);
    } else if (this.vacantSlots > 0) {
      this.native.addPoint(point, node, true);
      this.vacantSlots--;
    } else {
      this.growIfFull();
      this.native.addPoint(point, node);
    }
    this.liveNodes++;
    this.digests?.set(digest, node);
    this.live.add(label);
    if (node !== label) {
      this.shared.set(label, node);
      this.groups.set(node, new Set([label]));
    }
  }

  addMany(items: Iterable<{ label: number; vector: Float32Array }>): void {
    for (const { label, vector } of items) this.add(label, vector);
  }

  /** Excludes `label` from searches from now on; unknown labels are ignored. */
  remove(label: number): void {
    if (!this.live.has(label)) return;
    const node = this.shared.get(label) ?? label;
    const remaining = this.labelsOf(node).filter((other) => other !== label);
    this.live.delete(label);
    this.shared.delete(label);
    if (remaining.length > 0) {
      this.setGroup(node, remaining);
      return;
    }
    if (this.digests) this.digests.delete(digestOfStored(this.native.getPoint(node)));
    this.groups.delete(node);
    this.native.markDelete(node);
    this.tombstones.add(node);
    this.vacantSlots++;
    this.liveNodes--;
  }

  /**
   * The `k` nearest live labels by cosine similarity, best first (labels sharing a vector by label);
   * fewer when the index (or the filter) allows fewer. The filter is applied during the graph walk,
   * not to a truncated result.
   */
  search(vector: Float32Array, k: number, filter?: (label: number) => boolean): SearchHit[] {
    const point = this.toPoint(vector);
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
    const wanted = Math.min(k, this.live.size);
    if (wanted === 0) return [];
    // Every node found holds at least one wanted label, so `wanted` nodes are enough.
    const nodes = Math.min(wanted, this.liveNodes);
    const { neighbors, distances } = filter
      ? this.native.searchKnn(point, nodes, (node) => {
          const group = this.groups.get(node);
          return group ? [...group].some(filter) : filter(node);
        })
      : this.native.searchKnn(point, nodes);
    const hits = neighbors.flatMap((node, i) =>
      this.labelsOf(node)
        .filter((label) => !filter || filter(label))
        .map((label) => ({ label, similarity: 1 - distances[i]! })),
    );
    return hits.slice(0, wanted);
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
      if (header.elementCount !== this.liveNodes + this.tombstones.size) {
        throw new Error(`wrote ${header.elementCount} elements instead of ${this.liveNodes + this.tombstones.size}`);
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
        sharedLabels: [...this.shared].sort((a, b) => a[0] - b[0]),
        hollowNodes: [...this.groups.keys()].filter((node) => !this.groups.get(node)!.has(node)).sort((a, b) => a - b),
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

  /** The live labels a node holds, in label order. */
  private labelsOf(node: number): number[] {
    const group = this.groups.get(node);
    if (group) return [...group].sort((a, b) => a - b);
    return this.live.has(node) && !this.shared.has(node) ? [node] : [];
  }

  private setGroup(node: number, labels: readonly number[]): void {
    if (labels.length === 1 && labels[0] === node) this.groups.delete(node);
    else this.groups.set(node, new Set(labels));
  }

  /** Stores `label` in the live node `node`, which holds the same vector. */
  private join(label: number, node: number): void {
    const labels = [...this.labelsOf(node), label];
    this.live.add(label);
    if (label !== node) this.shared.set(label, node);
    this.setGroup(node, labels);
  }

  /** Whether `node` is a graph node holding live labels. */
  private isLiveNode(node: number): boolean {
    return this.groups.has(node) || (this.live.has(node) && !this.shared.has(node));
  }

  /** Whether hnswlib holds `node`, live or deleted. */
  private isNode(node: number): boolean {
    return this.tombstones.has(node) || this.isLiveNode(node);
  }

  /** The label's own id, unless a node others still share holds it; then an unused id from the top of the range. */
  private freeNodeFor(label: number): number {
    if (!this.isNode(label) || this.tombstones.has(label)) return label;
    while (this.isNode(this.spareNode)) this.spareNode--;
    return this.spareNode;
  }

  /**
   * The digest of every live node's vector as hnswlib stores it, read from the graph once: a
   * process that only searches never pays for it.
   */
  private nodeDigests(): Map<string, number> {
    if (!this.digests) {
      this.digests = new Map();
      for (const node of this.native.getIdsList()) {
        if (!this.tombstones.has(node)) this.digests.set(digestOfStored(this.native.getPoint(node)), node);
      }
    }
    return this.digests;
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

  /** Replaces the tombstone guesses with the deleted nodes that really still hold a slot. */
  private syncTombstones(): void {
    this.tombstones = new Set(this.native.getIdsList().filter((node) => !this.isLiveNode(node)));
    this.vacantSlots = this.tombstones.size;
  }
}

/**
 * A digest of a point as hnswlib's cosine space stores it: converted to float32 and divided by
 * its float32 norm, summed in order as its C++ does, so a vector added now and the same vector
 * read back from a saved graph (`digestOfStored`) give the same digest.
 */
function digestAsStored(point: readonly number[]): string {
  const stored = Float32Array.from(point);
  let sumOfSquares = 0;
  for (const value of stored) sumOfSquares = Math.fround(sumOfSquares + Math.fround(value * value));
  const norm = Math.fround(Math.sqrt(Math.abs(sumOfSquares)));
  if (norm > 0) for (let i = 0; i < stored.length; i++) stored[i] = stored[i]! / norm;
  return digestOf(stored);
}

function digestOfStored(point: readonly number[]): string {
  return digestOf(Float32Array.from(point));
}

function digestOf(stored: Float32Array): string {
  return createHash('sha1')
    .update(new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength))
    .digest('base64');
}

function sidecarPathOf(indexPath: string): string {
  return `${indexPath}.json`;
}

function resolveParams(params: Partial<IndexParams>): IndexParams {
  const resolved = { ...DEFAULT_INDEX_PARAMS, ...params };
  const minimum = { M: 2, efConstruction: 1, efSearch: 1 };
  for (const name of ['M', 'efConstruction', 'efSearch'] as const) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < minimum[name]) {
      throw new RangeError(
        `index parameter ${name} must be an integer of at least ${minimum[name]}, got ${resolved[name]}`,
      );
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
