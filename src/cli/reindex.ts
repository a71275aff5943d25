import { rebuildIndex, vectorIndexPath } from '../index/index.ts';
import { embeddingText } from '../ingest/index.ts';
import type { LabelledVector } from '../store/index.ts';
import { progressBar } from './progress.ts';
import { runCommand } from './run.ts';

const USAGE = 'usage: npm run reindex -- [--data DIR] [--json]';
// Chunks embedded per call: large enough for a model to batch well, small enough to show progress.
const BATCH = 256;

await runCommand(USAGE, {}, async (app, { values }) => {
  const embedder = await app.embedder();
  const total = app.store.counts().chunks;
  const draw = progressBar('reindex');
  const started = performance.now();
  const vectors: LabelledVector[] = [];
  let batch: Array<{ label: number; text: string }> = [];
  const flush = async (): Promise<void> => {
    const embedded = await embedder.embedPassages(batch.map((item) => item.text));
    batch.forEach((item, i) => vectors.push({ label: item.label, vector: embedded[i] as Float32Array }));
    batch = [];
    draw(vectors.length, total);
  };
  for (const chunk of app.store.allChunks()) {
    batch.push({ label: chunk.rowid, text: embeddingText(chunk) });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  const identity = { id: embedder.id, dimension: embedder.dimension };
  app.store.replaceVectors(identity, vectors);
  rebuildIndex(
    app.store,
    vectorIndexPath(app.config.dataDir),
    { embedderId: identity.id, dimension: identity.dimension },
    app.config.index,
  );
  const summary = {
    embedder: identity.id,
    dimension: identity.dimension,
    chunks: vectors.length,
    seconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(
    values.json
      ? JSON.stringify(summary) + '\n'
      : `re-embedded ${summary.chunks} chunks with ${summary.embedder} (${summary.dimension}-d) in ${summary.seconds.toFixed(1)} s\n`,
  );
  return 0;
});
