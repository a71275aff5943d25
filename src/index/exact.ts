/** One search hit: the element's label and its cosine similarity to the query (1 = same direction). */
export interface SearchHit {
  label: number;
  similarity: number;
}

/**
 * Brute-force cosine search over `vectors`: the exact top `k`, best first (ties by smaller label).
 * The reference the ANN index is measured against; zero vectors have similarity 0 to everything.
 */
export function exactSearch(
  vectors: Iterable<{ label: number; vector: Float32Array }>,
  query: Float32Array,
  k: number,
  filter?: (label: number) => boolean,
): SearchHit[] {
  const queryNorm = Math.sqrt(dot(query, query));
  const hits: SearchHit[] = [];
  for (const { label, vector } of vectors) {
    if (vector.length !== query.length) {
      throw new RangeError(`vector ${label} has ${vector.length} dimensions, the query ${query.length}`);
    }
    if (filter && !filter(label)) continue;
    const norms = queryNorm * Math.sqrt(dot(vector, vector));
    hits.push({ label, similarity: norms === 0 ? 0 : dot(query, vector) / norms });
  }
  hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label);
  return hits.slice(0, Math.max(0, k));
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
