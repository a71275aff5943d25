/** What lexical search looks for: matching terms, and adjacent-syllable phrases as term pairs. */
export interface LexicalTerms {
  terms: readonly string[];
  phrases: ReadonlyArray<readonly [string, string]>;
}

// FTS5's BM25 parameters, so scores rank as the SQLite index would rank them.
const BM25_K1 = 1.2;
const BM25_B = 0.75;
// Phrases are scored on this many of the best chunks by their terms.
const PHRASE_CANDIDATES = 200;
// A phrase's document frequency is counted in at most this many chunks of its rarer syllable.
const PHRASE_SAMPLE = 1000;
const MAX_REMEMBERED_PHRASES = 100_000;

/**
 * Postings of the chunks' matching terms, held in memory and scored with BM25 over every term of
 * a question. FTS5 scores each chunk an ORed term matches with work per chunk and term, so a question
 * of common syllables ("kinh te", "thanh pho") costs 100-500 ms at 100k chunks; walking typed-array
 * postings costs a few milliseconds, and no term has to be left out to stay fast. Phrases ("nong
 * nghiep" together, not "nong" and "nghiep" apart) are scored on the best chunks by their terms.
 */
export class LexicalIndex {
  private readonly phraseFrequencies = new Map<number, number>();

  private constructor(
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** Per term id: in how many chunks it occurs, and where its postings start (`postingStart[id + 1]` ends them). */
    private readonly frequencies: Int32Array,
    private readonly postingStart: Int32Array,
    /** Per posting: the chunk (index into `labels`) and how often the term occurs in it. */
    private readonly postingChunk: Int32Array,
    private readonly postingCount: Uint16Array,
    /** Every chunk's term ids in text order, chunk after chunk (`tokenStart[chunk + 1]` ends one). */
    private readonly tokens: Int32Array,
    private readonly tokenStart: Int32Array,
    private readonly labels: Float64Array,
    /** Per chunk: BM25's k1 scaled by the chunk's length against the average. */
    private readonly saturation: Float32Array,
  ) {}

  /** Builds the postings from each chunk's label and matching terms (space-separated, in text order). */
  static build(chunks: Iterable<readonly [label: number, terms: string]>): LexicalIndex {
    const vocabulary = new Map<string, number>();
    let tokens = new Int32Array(1 << 16);
    let tokenCount = 0;
    const starts: number[] = [0];
    const labels: number[] = [];
    for (const [label, text] of chunks) {
      for (const term of text.split(' ')) {
        if (!term) continue;
        let id = vocabulary.get(term);
        if (id === undefined) vocabulary.set(term, (id = vocabulary.size));
        if (tokenCount === tokens.length) tokens = grown(tokens);
        tokens[tokenCount++] = id;
      }
      starts.push(tokenCount);
      labels.push(label);
    }
    const tokenStart = Int32Array.from(starts);
    const chunkCount = labels.length;
    // A term's postings are counted, then filled, with `lastChunk` telling a chunk's first occurrence of it.
    const frequencies = new Int32Array(vocabulary.size);
    const lastChunk = new Int32Array(vocabulary.size).fill(-1);
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      for (let at = tokenStart[chunk]!; at < tokenStart[chunk + 1]!; at++) {
        const id = tokens[at]!;
        if (lastChunk[id] !== chunk) {
          lastChunk[id] = chunk;
          frequencies[id]!++;
        }
      }
    }
    const postingStart = new Int32Array(vocabulary.size + 1);
    for (let id = 0; id < vocabulary.size; id++) postingStart[id + 1] = postingStart[id]! + frequencies[id]!;
    const postingChunk = new Int32Array(postingStart[vocabulary.size]!);
    const postingCount = new Uint16Array(postingChunk.length);
    const next = postingStart.slice(0, vocabulary.size);
    lastChunk.fill(-1);
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      for (let at = tokenStart[chunk]!; at < tokenStart[chunk + 1]!; at++) {
        const id = tokens[at]!;
        if (lastChunk[id] !== chunk) {
          lastChunk[id] = chunk;
          postingChunk[next[id]!] = chunk;
          next[id]!++;
        }
        const posting = next[id]! - 1;
        if (postingCount[posting]! < 0xffff) postingCount[posting]!++;
      }
    }
    const averageLength = tokenCount / Math.max(chunkCount, 1);
    const saturation = new Float32Array(chunkCount);
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      saturation[chunk] =
        BM25_K1 * (1 - BM25_B + (BM25_B * (tokenStart[chunk + 1]! - tokenStart[chunk]!)) / averageLength);
    }
    return new LexicalIndex(
      vocabulary,
      frequencies,
      postingStart,
      postingChunk,
      postingCount,
      tokens.slice(0, tokenCount),
      tokenStart,
      Float64Array.from(labels),
      saturation,
    );
  }

  /** Chunks indexed. */
  get size(): number {
    return this.labels.length;
  }

  /** In how many chunks a term occurs. */
  frequency(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? 0 : this.frequencies[id]!;
  }

  /**
   * The labels of the chunks that best match, best first (at most `limit`), optionally only those
   * `allowed`: BM25 over the terms, plus BM25 over the phrases on the best `PHRASE_CANDIDATES` by terms.
   * Chunks that hold none of the terms are not returned.
   */
  search(query: LexicalTerms, limit: number, allowed?: (label: number) => boolean): number[] {
    const chunkCount = this.labels.length;
    if (chunkCount === 0 || limit <= 0) return [];
    const { postingStart, postingChunk, postingCount, saturation } = this;
    const scores = new Float32Array(chunkCount);
    for (const term of new Set(query.terms)) {
      const id = this.vocabulary.get(term);
      if (id === undefined) continue;
      const weight = inverseFrequency(this.frequencies[id]!, chunkCount) * (BM25_K1 + 1);
      const end = postingStart[id + 1]!;
      for (let posting = postingStart[id]!; posting < end; posting++) {
        const chunk = postingChunk[posting]!;
        const tf = postingCount[posting]!;
        scores[chunk]! += (weight * tf) / (tf + saturation[chunk]!);
      }
    }
    const candidates = best(
      scores,
      Math.max(limit, PHRASE_CANDIDATES),
      allowed && ((chunk) => allowed(this.labels[chunk]!)),
    );

    const phrases = this.phraseIdfs(query.phrases);
    if (phrases.size > 0) {
      const vocabularySize = this.vocabulary.size;
      for (const chunk of candidates) {
        const counts = new Map<number, number>();
        for (let at = this.tokenStart[chunk]!; at + 1 < this.tokenStart[chunk + 1]!; at++) {
          const pair = this.tokens[at]! * vocabularySize + this.tokens[at + 1]!;
          if (phrases.has(pair)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
        }
        for (const [pair, tf] of counts)
          scores[chunk]! += (phrases.get(pair)! * tf * (BM25_K1 + 1)) / (tf + saturation[chunk]!);
      }
    }
    const byScore = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
    return candidates
      .sort(byScore)
      .slice(0, limit)
      .map((chunk) => this.labels[chunk]!);
  }

  /** The IDF of each phrase whose syllables are both indexed, keyed by its id pair. */
  private phraseIdfs(phrases: LexicalTerms['phrases']): Map<number, number> {
    const idfs = new Map<number, number>();
    for (const [a, b] of phrases) {
      const first = this.vocabulary.get(a);
      const second = this.vocabulary.get(b);
      if (first === undefined || second === undefined) continue;
      const pair = first * this.vocabulary.size + second;
      idfs.set(pair, inverseFrequency(this.phraseFrequency(pair, first, second), this.labels.length));
    }
    return idfs;
  }

  /**
   * In how many chunks a phrase occurs: counted in the chunks of its rarer syllable, or estimated
   * from an even sample of them when that syllable is common (its IDF is small then, and an estimate
   * within a few percent moves it little). Remembered until the index is rebuilt.
   */
  private phraseFrequency(pair: number, first: number, second: number): number {
    const known = this.phraseFrequencies.get(pair);
    if (known !== undefined) return known;
    const rarer = this.frequencies[first]! <= this.frequencies[second]! ? first : second;
    const postings = this.frequencies[rarer]!;
    const step = Math.max(1, Math.ceil(postings / PHRASE_SAMPLE));
    let sampled = 0;
    let holding = 0;
    for (let posting = this.postingStart[rarer]!; posting < this.postingStart[rarer + 1]!; posting += step) {
      const chunk = this.postingChunk[posting]!;
      sampled++;
      for (let at = this.tokenStart[chunk]!; at + 1 < this.tokenStart[chunk + 1]!; at++) {
        if (this.tokens[at] === first && this.tokens[at + 1] === second) {
          holding++;
          break;
        }
      }
    }
    const frequency = sampled === 0 ? 0 : Math.round((holding / sampled) * postings);
    if (this.phraseFrequencies.size >= MAX_REMEMBERED_PHRASES) this.phraseFrequencies.clear();
    this.phraseFrequencies.set(pair, frequency);
    return frequency;
  }
}

/** FTS5's inverse document frequency, floored as FTS5 floors it so a very common term still counts a little. */
function inverseFrequency(frequency: number, chunks: number): number {
  return Math.max(Math.log((chunks - frequency + 0.5) / (frequency + 0.5)), 1e-6);
}

/**
 * The (at most) `count` chunks with the highest positive scores that `allowed` lets through, in no
 * order: a min-heap of `count`, so a chunk that cannot enter costs one comparison. Among equal
 * scores the lower chunk (the older label) is kept.
 */
function best(scores: Float32Array, count: number, allowed?: (chunk: number) => boolean): number[] {
  const heap: number[] = [];
  // a sorts before b in the heap when it is the worse: lower score, or the same score and a higher chunk.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let chunk = 0; chunk < scores.length; chunk++) {
    const score = scores[chunk]!;
    if (score <= 0 || (heap.length === count && score <= scores[heap[0]!]!)) continue;
    if (allowed && !allowed(chunk)) continue;
    if (heap.length < count) {
      heap.push(chunk);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else {
      heap[0] = chunk;
      siftDown(0);
    }
  }
  return heap;
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
