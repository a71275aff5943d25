// A built-in embedder with no weights: signed feature hashing of character n-grams and words of
// the folded text. It finds passages that share spelling with the question (with or without
// diacritics, abbreviated or not), not paraphrases; it is the fallback when no model loads.
import { expandAbbreviationsInText, foldText } from '../text/index.ts';
import type { Embedder } from './embedder.ts';
import { normalizeInPlace } from './vectors.ts';

/**
 * 512 dimensions: a passage of ~150 words yields ~1,500 distinct features, and with signed
 * hashing the collision noise on a cosine is about 1/sqrt(dimension) (~0.04 here), small against
 * the similarity of texts that share words. More dimensions would cut that noise only slowly
 * while the vector index grows linearly (100k × 512 × 4 B ≈ 205 MB, the budget measured for the
 * 384-d model path).
 */
export const DEFAULT_HASHING_DIMENSION = 512;

// Bump when features or weights change: the id is recorded with the index, so old vectors are rebuilt.
const FEATURE_VERSION = 1;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
// A syllable yields several character n-grams that mostly restate it; words and word pairs
// (Vietnamese words are mostly two syllables) weigh more so they are not drowned out.
const WORD_WEIGHT = 2;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
// Namespace tags, so the word "cao" and the character trigram "cao" are different features.
const CHAR_TAG = 0x63;
const WORD_TAG = 0x77;
const PAIR_TAG = 0x62;
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** Builds the hashing embedder; queries and passages are embedded the same way. */
export function createHashingEmbedder(dimension: number = DEFAULT_HASHING_DIMENSION): Embedder {
  const features = new FeatureCounter();
  const embedOne = (text: string): Float32Array => features.vector(text, dimension);
  const embedAll = async (texts: string[]) => texts.map(embedOne);
  return {
    id: `hashing-v${FEATURE_VERSION}-${dimension}`,
    dimension,
    embedQueries: embedAll,
    embedPassages: embedAll,
  };
}

/** Counts hashed features of one text at a time; the tables are reused to spare allocations. */
class FeatureCounter {
  private readonly charGrams = new CountTable();
  private readonly words = new CountTable();

  /**
   * The unit vector of a text. Text with no letters or digits (the empty string included) has no
   * features and gives the zero vector, which is similar to nothing.
   */
  vector(text: string, dimension: number): Float32Array {
    this.charGrams.clear();
    this.words.clear();
    this.countSegment(foldText(text));
    for (const phrase of expandAbbreviationsInText(text)) this.countSegment(phrase);
    const vector = new Float32Array(dimension);
    this.charGrams.addTo(vector, 1);
    this.words.addTo(vector, WORD_WEIGHT);
    return normalizeInPlace(vector);
  }

  /** Features of one run of text; word pairs never span two segments. */
  private countSegment(folded: string): void {
    let previousStart = -1;
    let previousEnd = -1;
    for (const match of folded.matchAll(WORD_PATTERN)) {
      const start = match.index;
      const end = start + match[0].length;
      this.countCharGrams(folded, start, end);
      this.words.increment(hashRange(fnvStep(FNV_OFFSET, WORD_TAG), folded, start, end));
      if (previousStart >= 0) {
        const first = hashRange(fnvStep(FNV_OFFSET, PAIR_TAG), folded, previousStart, previousEnd);
        this.words.increment(hashRange(fnvStep(first, SPACE), folded, start, end));
      }
      previousStart = start;
      previousEnd = end;
    }
  }

  /** 3- to 5-grams of the word padded with one space each side, hashed without slicing strings. */
  private countCharGrams(text: string, start: number, end: number): void {
    const paddedLength = end - start + 2;
    const codeAt = (i: number) => (i === 0 || i === paddedLength - 1 ? SPACE : text.charCodeAt(start + i - 1));
    for (let from = 0; from + MIN_GRAM <= paddedLength; from++) {
      let hash = fnvStep(FNV_OFFSET, CHAR_TAG);
      for (let length = 1; length <= MAX_GRAM && from + length <= paddedLength; length++) {
        hash = fnvStep(hash, codeAt(from + length - 1));
        if (length >= MIN_GRAM) this.charGrams.increment(hash);
      }
    }
  }
}

/**
 * Feature counts keyed by mixed hash, in an open-addressing table of typed arrays: a passage has
 * a few thousand feature occurrences, and a Map per text cost more than all the hashing.
 */
class CountTable {
  private keys = new Uint32Array(4096);
  private counts = new Uint32Array(4096);
  private occupied = new Uint32Array(2048);
  private size = 0;

  increment(hash: number): void {
    const key = mix(hash);
    const mask = this.keys.length - 1;
    let slot = key & mask;
    while (this.counts[slot] !== 0) {
      if (this.keys[slot] === key) {
        this.counts[slot]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.counts[slot] = 1;
    this.occupied[this.size++] = slot;
    if (this.size === this.occupied.length) this.grow();
  }

  /** Sublinear term frequency (1 + ln tf) into a signed bucket, so collisions cancel on average. */
  addTo(vector: Float32Array, weight: number): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.occupied[i]!;
      const key = this.keys[slot]!;
      const bucket = key % vector.length;
      const sign = key & 0x80000000 ? -1 : 1;
      vector[bucket] = vector[bucket]! + sign * weight * (1 + Math.log(this.counts[slot]!));
    }
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.counts[this.occupied[i]!] = 0;
    this.size = 0;
  }

  /** Doubles the table, keeping it at most half full so probes stay short. */
  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    const occupied = this.occupied;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    this.occupied = new Uint32Array(occupied.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < this.size; i++) {
      const key = keys[occupied[i]!]!;
      let slot = key & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.counts[slot] = counts[occupied[i]!]!;
      this.occupied[i] = slot;
    }
  }
}

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function hashRange(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

/** Murmur3's finaliser: FNV's low bits (slot, bucket) and top bit (sign) are not independent enough alone. */
function mix(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
