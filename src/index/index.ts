export { VectorIndex, DEFAULT_INDEX_PARAMS } from './vector-index.ts';
export type { IndexParams } from './vector-index.ts';
export { IndexCorruptError, IndexMismatchError, IndexSaveError } from './errors.ts';
export type { IndexIdentity } from './identity.ts';
export { exactSearch } from './exact.ts';
export type { SearchHit } from './exact.ts';
export { StoredVectorsMismatchError } from './errors.ts';
export { liveVectorIndex, rebuildIndex, vectorIndexPath } from './live.ts';
export type { LiveIndexOptions, VectorSource } from './live.ts';
