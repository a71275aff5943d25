import type { Embedder, EmbedderSettings } from './embedder.ts';
import { EmbedderError, isOffline } from './errors.ts';
import { createHashingEmbedder } from './hashing.ts';
import { createOpenAIEmbedder } from './openai.ts';
import { loadTransformersEmbedder, transformersModelName } from './transformers.ts';

/**
 * Builds the embedder the settings ask for and logs one line saying which one and why.
 * `auto` prefers the transformers model and falls back to `hashing` when it cannot load
 * (no network for the first download, missing files); an explicit kind fails with `EmbedderError`.
 */
export async function createEmbedder(settings: EmbedderSettings): Promise<Embedder> {
  switch (settings.kind) {
    case 'hashing': {
      const embedder = createHashingEmbedder();
      settings.log(`embedder: ${embedder.id} (EMBEDDER=hashing)`);
      return embedder;
    }
    case 'openai': {
      const embedder = await createOpenAIEmbedder(settings.openai);
      settings.log(`embedder: ${embedder.id}, ${embedder.dimension}-d (EMBEDDER=openai)`);
      return embedder;
    }
    case 'transformers':
    case 'auto':
      return createTransformersOrFallback(settings);
  }
}

async function createTransformersOrFallback(settings: EmbedderSettings): Promise<Embedder> {
  try {
    const embedder = await loadTransformersEmbedder(settings);
    const source = settings.modelPath ? ` from ${settings.modelPath}` : '';
    settings.log(`embedder: ${embedder.id}${source}, ${embedder.dimension}-d (EMBEDDER=${settings.kind})`);
    return embedder;
  } catch (error) {
    if (settings.kind !== 'auto' || !(error instanceof EmbedderError)) throw error;
    const fallback = createHashingEmbedder();
    const model = transformersModelName(settings);
    settings.log(
      isOffline(error)
        ? `embedder: no internet to download ${model}: using the built-in offline embedder ${fallback.id} (${error.fix})`
        : `embedder: ${fallback.id} (transformers model ${model} ${error.reason}; ${error.fix})`,
    );
    return fallback;
  }
}
