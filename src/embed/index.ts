export type { Embedder, EmbedderSettings, OpenAIEmbedderSettings } from './embedder.ts';
export { createEmbedder } from './create.ts';
export { EmbedderError } from './errors.ts';
export { DEFAULT_HASHING_DIMENSION } from './hashing.ts';
