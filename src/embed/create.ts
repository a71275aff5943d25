import type { Embedder, EmbedderSettings } from './embedder.ts';
import { EmbedderError, isOffline } from './errors.ts';
import { createHashingEmbedder } from './hashing.ts';

// The OpenAI client and the transformers runtime take a few hundred milliseconds each to import:
// each is loaded only by the kind that uses it.

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
      const { createOpenAIEmbedder } = await import('./openai.ts');
      const embedder = await createOpenAIEmbedder(settings.openai);
      settings.log(`embedder: ${embedder.id}, ${embedder.dimension}-d (EMBEDDER=openai)`);
      return embedder;
    }
    case 'transformers':
      return createTransformersOrFallback(settings);
    case 'auto': {
      // The store's vectors were made with the built-in embedder: a model would be refused anyway.
      const builtIn = createHashingEmbedder();
      if (settings.storedEmbedderId === builtIn.id) {
        settings.log(`embedder: ${builtIn.id} (the stored vectors were made with it)`);
        return builtIn;
      }
      return createTransformersOrFallback(settings);
    }
  }
}

async function createTransformersOrFallback(settings: EmbedderSettings): Promise<Embedder> {
  const { loadTransformersEmbedder, transformersModelName } = await import('./transformers.ts');
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
