// Sentence embeddings from an ONNX model run locally by transformers.js: a hub model cached under
// the data folder, or a model folder on disk (EMBEDDING_MODEL_PATH) with remote loading off.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { env, pipeline } from '@xenova/transformers';
import type { Embedder } from './embedder.ts';
import { EmbedderError, shortCause } from './errors.ts';
import { createProgressLine, type ModelLoadEvent } from './progress.ts';

/** Multilingual (Vietnamese included), 384-d, ~118 MB quantized. */
export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/multilingual-e5-small';

// Bounded so one batch of 512-token passages stays a few hundred MB of activations.
const BATCH_SIZE = 32;
const FIX = 'set EMBEDDING_MODEL_PATH to a downloaded copy of the model, or EMBEDDER=hashing';

export interface TransformersEmbedderOptions {
  /** Hub model id; ignored when `modelPath` is given. */
  model?: string;
  /** A local model folder (config.json, tokenizer.json, onnx/model_quantized.onnx). */
  modelPath?: string;
  cacheDir: string;
  showProgress?: boolean;
}

export interface TextPrefixes {
  query: string;
  passage: string;
}

/**
 * The prefixes a model was trained with. E5 models (named "e5" in their id, e.g.
 * "Xenova/multilingual-e5-small") expect "query: " and "passage: " and lose accuracy without
 * them; other models get the text as is.
 */
export function prefixesFor(modelName: string): TextPrefixes {
  return /(^|[^a-z0-9])e5([^a-z0-9]|$)/i.test(modelName)
    ? { query: 'query: ', passage: 'passage: ' }
    : { query: '', passage: '' };
}

/** The name a model is known by: its hub id, or the folder name of a local copy. */
export function transformersModelName(options: Pick<TransformersEmbedderOptions, 'model' | 'modelPath'>): string {
  return options.modelPath
    ? path.basename(path.resolve(options.modelPath))
    : (options.model ?? DEFAULT_TRANSFORMERS_MODEL);
}

type Extractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ dims: number[]; data: Float32Array }>;

// transformers.js reads its settings from one global `env`: loads run one at a time.
let loadQueue: Promise<unknown> = Promise.resolve();

/** Loads the model and embeds one probe text; any failure is an `EmbedderError` naming the fix. */
export function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const loading = loadQueue.then(() => load(options));
  loadQueue = loading.catch(() => undefined);
  return loading;
}

async function load(options: TransformersEmbedderOptions): Promise<Embedder> {
  const name = transformersModelName(options);
  const failToLoad = (what: string, fix: string, cause?: unknown) =>
    new EmbedderError('transformers', name, `could not be loaded: ${what}`, fix, { cause });
  if (options.modelPath) await checkModelFolder(options.modelPath, failToLoad);

  const saved = { ...env };
  const progress =
    options.showProgress && process.stderr.isTTY
      ? createProgressLine(process.stderr, `embedder: loading ${name}`)
      : undefined;
  let extractor: Extractor;
  try {
    const modelId = useModelSource(options);
    extractor = (await pipeline('feature-extraction', modelId, {
      quantized: true,
      progress_callback: progress ? (event: ModelLoadEvent) => progress.update(event) : undefined,
    })) as unknown as Extractor;
  } catch (error) {
    throw failToLoad(shortCause(error), FIX, error);
  } finally {
    progress?.finish();
    Object.assign(env, saved);
  }

  const prefixes = prefixesFor(name);
  const embed = async (texts: string[], prefix: string): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) {
      const batch = texts.slice(start, start + BATCH_SIZE).map((text) => prefix + text);
      let output: Awaited<ReturnType<Extractor>>;
      try {
        output = await extractor(batch, { pooling: 'mean', normalize: true });
      } catch (error) {
        const reason = `embedding failed: ${shortCause(error)}`;
        throw new EmbedderError('transformers', name, reason, 'check the model files, or set EMBEDDER=hashing', {
          cause: error,
        });
      }
      const width = output.dims[1] ?? 0;
      for (let row = 0; row < batch.length; row++) {
        vectors.push(output.data.slice(row * width, (row + 1) * width));
      }
    }
    return vectors;
  };

  let probe: Float32Array[];
  try {
    probe = await embed(['dimension probe'], prefixes.passage);
  } catch (error) {
    const cause = error instanceof EmbedderError ? error.cause : error;
    throw failToLoad(`the model does not run: ${shortCause(cause)}`, FIX, cause);
  }
  return {
    id: `transformers:${name}`,
    dimension: probe[0]?.length ?? 0,
    embedQueries: (texts) => embed(texts, prefixes.query),
    embedPassages: (texts) => embed(texts, prefixes.passage),
  };
}

/**
 * Points transformers.js at the model and returns the id to load it by. A local folder is
 * resolved as `<localModelPath>/<id>`, so its parent becomes the local root and its name the id.
 * A hub model skips the local root (transformers.js would look inside its own package folder)
 * and goes cache first, then network.
 */
function useModelSource(options: TransformersEmbedderOptions): string {
  if (options.modelPath) {
    const folder = path.resolve(options.modelPath);
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.useFSCache = false;
    env.localModelPath = path.dirname(folder);
    return path.basename(folder);
  }
  env.allowLocalModels = false;
  env.useFSCache = true;
  env.cacheDir = options.cacheDir;
  return options.model ?? DEFAULT_TRANSFORMERS_MODEL;
}

async function checkModelFolder(
  modelPath: string,
  failToLoad: (what: string, fix: string) => EmbedderError,
): Promise<void> {
  const fix =
    'set EMBEDDING_MODEL_PATH to a folder holding config.json, tokenizer.json and onnx/model_quantized.onnx, or EMBEDDER=hashing';
  const isFolder = await stat(modelPath).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw failToLoad(`EMBEDDING_MODEL_PATH ${modelPath} is not a folder`, fix);
}
