import { readFileSync } from 'node:fs';

/** Bumped whenever the sidecar or the way the index file is written changes meaning. Version 1 had no shared nodes. */
export const SIDECAR_FORMAT_VERSION = 2;

/** The JSON written beside an index file: whose vectors it holds and what the file must look like. */
export interface Sidecar {
  formatVersion: number;
  embedderId: string;
  dimension: number;
  space: 'cosine';
  M: number;
  efConstruction: number;
  /** Live elements. */
  count: number;
  /** Labels marked deleted that still occupy a slot in the file (hnswlib keeps them until a new label reuses the slot). */
  deletedLabels: number[];
  /** [label, node] for each live label stored in another label's node (their vectors are identical). */
  sharedLabels: Array<[number, number]>;
  /** Nodes whose own label was removed while shared labels still hold them. */
  hollowNodes: number[];
  indexBytes: number;
  indexSha256: string;
}

/** Reads and shape-checks a sidecar; throws an Error saying what is wrong with it. */
export function readSidecar(path: string): Sidecar {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('sidecar is not a JSON object');
  const value = parsed as Record<string, unknown>;
  if (value.formatVersion === 1) {
    value.sharedLabels = [];
    value.hollowNodes = [];
  } else if (value.formatVersion !== SIDECAR_FORMAT_VERSION) {
    throw new Error(`sidecar format version ${String(value.formatVersion)} is not ${SIDECAR_FORMAT_VERSION}`);
  }
  if (value.space !== 'cosine') throw new Error(`sidecar space ${String(value.space)} is not cosine`);
  const isCount = (field: unknown) => Number.isSafeInteger(field) && (field as number) >= 0;
  for (const field of ['dimension', 'M', 'efConstruction', 'count', 'indexBytes'] as const) {
    if (!isCount(value[field])) throw new Error(`sidecar field ${field} is not a non-negative integer`);
  }
  if (typeof value.embedderId !== 'string' || value.embedderId === '') throw new Error('sidecar has no embedderId');
  if (typeof value.indexSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.indexSha256)) {
    throw new Error('sidecar has no indexSha256');
  }
  if (!Array.isArray(value.deletedLabels) || !value.deletedLabels.every(isCount)) {
    throw new Error('sidecar field deletedLabels is not a list of labels');
  }
  if (!Array.isArray(value.hollowNodes) || !value.hollowNodes.every(isCount)) {
    throw new Error('sidecar field hollowNodes is not a list of nodes');
  }
  const isPair = (pair: unknown) => Array.isArray(pair) && pair.length === 2 && pair.every(isCount);
  if (!Array.isArray(value.sharedLabels) || !value.sharedLabels.every(isPair)) {
    throw new Error('sidecar field sharedLabels is not a list of [label, node] pairs');
  }
  return value as unknown as Sidecar;
}
