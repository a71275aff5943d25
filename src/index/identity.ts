/** The embedder an index was built for: vectors from any other embedder are not comparable with it. */
export interface IndexIdentity {
  embedderId: string;
  dimension: number;
}
