import type { LabelRange } from '../store/index.ts';

/**
 * Chunk labels as a bitmap: membership is one array read, which matters because the ANN walk asks
 * for every node it visits and a filter may allow 50k labels.
 */
export class LabelSet {
  private constructor(private readonly bits: Uint8Array) {}

  /** The labels of the ranges given for `keys` (missing keys hold none); `end` bounds every label. */
  static of<K>(keys: Iterable<K>, rangesOf: ReadonlyMap<K, readonly LabelRange[]>, end: number): LabelSet {
    const bits = new Uint8Array(end);
    for (const key of keys) {
      for (const { first, count } of rangesOf.get(key) ?? []) {
        for (let label = first; label < first + count; label++) bits[label] = 1;
      }
    }
    return new LabelSet(bits);
  }

  has(label: number): boolean {
    return this.bits[label] === 1;
  }
}
