export { VectorIndex, DEFAULT_INDEX_PARAMS } from './vector-index.ts';
export type { IndexParams } from './vector-index.ts';
export { IndexCorruptError, IndexMismatchError, IndexSaveError } from './errors.ts';
export type { IndexIdentity } from './identity.ts';
export { exactSearch } from './exact.ts';
export type { SearchHit } from './exact.ts';
