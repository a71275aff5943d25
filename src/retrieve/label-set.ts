import type { LabelRange } from '../store/index.ts';

/**
 * Chunk labels as a bitmap: membership is one array read, which matters because the ANN walk asks
 * for every node it visits and a filter may allow 50k labels.
 */
export class LabelSet {
  private constructor(
    private readonly bits: Uint8Array,
    /** The label ranges the set was made of. */
    readonly ranges: readonly LabelRange[],
    /** How many labels it holds. */
    readonly size: number,
  ) {}

  /** The labels of the ranges given for `keys` (missing keys hold none); `end` bounds every label. */
  static of<K>(keys: Iterable<K>, rangesOf: ReadonlyMap<K, readonly LabelRange[]>, end: number): LabelSet {
    const bits = new Uint8Array(end);
    const ranges: LabelRange[] = [];
    let size = 0;
    for (const key of keys) {
      for (const range of rangesOf.get(key) ?? []) {
        ranges.push(range);
        size += range.count;
        for (let label = range.first; label < range.first + range.count; label++) bits[label] = 1;
      }
    }
    return new LabelSet(bits, ranges, size);
  }

  has(label: number): boolean {
    return this.bits[label] === 1;
  }
}
