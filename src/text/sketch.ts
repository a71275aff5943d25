import { foldedTerms } from './tokens.ts';

// A bottom-k MinHash sketch: the k smallest hashes of a text's word 3-grams. Two sketches
// estimate the Jaccard similarity of the texts' 3-gram sets (exactly, for texts under k
// 3-grams) whatever their length, so a report can be compared with thousands of stored ones
// without reading their text. 128 hashes put the estimate within about ±0.05 of the truth.
const SKETCH_SIZE = 128;
const SHINGLE_WORDS = 3;

/** The sketch of a text: ascending, distinct 32-bit hashes of its folded word 3-grams (see `sketchSimilarity`). */
export function textSketch(text: string): Uint32Array {
  const terms = foldedTerms(text);
  const hashes = new Set<number>();
  if (terms.length < SHINGLE_WORDS) {
    if (terms.length > 0) hashes.add(hash32(terms.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= terms.length; i++) {
      hashes.add(hash32(terms.slice(i, i + SHINGLE_WORDS).join(' ')));
    }
  }
  const sorted = Uint32Array.from(hashes).sort();
  return sorted.slice(0, SKETCH_SIZE);
}

/**
 * Estimated share of word 3-grams two texts have in common, of all they have (Jaccard, 0..1):
 * among the k smallest hashes of both sketches together, the share that stands in both.
 */
export function sketchSimilarity(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}

/** FNV-1a over UTF-16 code units with a murmur3 finaliser, so the smallest hashes are a fair sample. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
