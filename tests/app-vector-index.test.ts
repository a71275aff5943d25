import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.ts';
import { DEFAULT_INDEX_PARAMS, vectorIndexPath } from '../src/index/index.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { CORPUS_DIR, PROJECT_ROOT, TEST_ENV, tempApp, tempFolder } from './helpers/app.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';

describe('the vector index beside the store', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  async function ingestedCorpus() {
    const temp = tempApp();
    cleanups.push(temp.dispose);
    await ingestPaths([CORPUS_DIR], temp.app);
    return temp;
  }

  function reopen(dataDir: string, env: NodeJS.ProcessEnv = {}) {
    const lines: string[] = [];
    const app = openApp(
      loadConfig({ ...TEST_ENV, ...env, COUNCIL_DATA_DIR: dataDir }),
      createLogger('warn', (line) => lines.push(line)),
    );
    cleanups.push(() => app.close());
    return { app, lines };
  }

  it('holds one vector per stored chunk after ingestion, persisted on disk', async () => {
    const { app, dataDir } = await ingestedCorpus();
    expect(existsSync(vectorIndexPath(app.config.dataDir))).toBe(true);
    const { app: again } = reopen(dataDir);
    const index = await again.vectorIndex();
    expect(index.size).toBe(again.store.counts().chunks);
    expect(again.store.vectorCount()).toBe(again.store.counts().chunks);
  });

  it('finds a chunk by its own vector', async () => {
    const { app } = await ingestedCorpus();
    const { label, vector } = [...app.store.vectors()][0]!;
    const [best] = (await app.vectorIndex()).search(vector, 1);
    expect(best?.label).toBe(label);
    expect(best?.similarity).toBeCloseTo(1, 5);
  });

  it('drops the vectors of a removed report from the index', async () => {
    const { app } = await ingestedCorpus();
    const report = app.store.listReports()[0]!;
    const labels = app.store.chunksOf(report.id).map((c) => c.rowid);
    const index = await app.vectorIndex();
    for (const label of app.store.removeReport(report.id)!.removedLabels) index.remove(label);
    for (const label of labels) expect(index.has(label)).toBe(false);
    expect(index.size).toBe(app.store.counts().chunks);
  });

  it('rebuilds a truncated index file from the stored vectors, with a warning', async () => {
    const { app, dataDir } = await ingestedCorpus();
    const chunks = app.store.counts().chunks;
    app.close();
    truncateSync(vectorIndexPath(app.config.dataDir), 100);
    const { app: again, lines } = reopen(dataDir);
    expect((await again.vectorIndex()).size).toBe(chunks);
    expect(lines.join('\n')).toMatch(/warn .*rebuilding it from stored vectors/);
  });

  it('rebuilds an index that missed the last files (a crash before it was saved)', async () => {
    const { app, dataDir } = await ingestedCorpus();
    const extra = tempFolder();
    writeFileSync(
      `${extra}/extra.txt`,
      'UBND phường Tân Hồng họp phiên thường kỳ tháng 5 năm 2022.\n\nPhiên họp bàn về thu ngân sách phường.',
    );
    // Put back the index files from before the last run: the store has rows the index lacks,
    // as after a kill between the store's commit and the index's save.
    const indexPath = vectorIndexPath(app.config.dataDir);
    for (const file of [indexPath, `${indexPath}.json`]) copyFileSync(file, `${file}.before`);
    const before = app.store.counts().chunks;
    await ingestPaths([extra], app, { keepSamples: true });
    app.close();
    for (const file of [indexPath, `${indexPath}.json`]) copyFileSync(`${file}.before`, file);
    const { app: again, lines } = reopen(dataDir);
    expect(again.store.counts().chunks).toBeGreaterThan(before);
    expect((await again.vectorIndex()).size).toBe(again.store.counts().chunks);
    expect(lines.join('\n')).toMatch(/out of step with the store/);
  });

  it('reads the index again once another process has ingested reports and saved it', async () => {
    // The bot's app (a reader) and an ingest in another process (here another connection).
    const { app: ingester, dataDir } = await ingestedCorpus();
    const { app: bot } = reopen(dataDir);
    const before = (await bot.vectorIndex()).size;
    const extra = tempFolder();
    const sentence = 'UBND phường Tân Hồng giao chỉ tiêu trồng 1.200 cây xanh ven kênh Nam trong quý III.';
    writeFileSync(
      `${extra}/tan-hong-2022-06.txt`,
      `UBND phường Tân Hồng họp phiên thường kỳ tháng 6 năm 2022.\n\n${sentence}`,
    );
    await ingestPaths([extra], ingester, { keepSamples: true });

    const index = await bot.vectorIndex();
    expect(index.size).toBeGreaterThan(before);
    expect(index.size).toBe(bot.store.vectorCount());
    const [vector] = await (await bot.embedder()).embedQueries([sentence]);
    const [best] = index.search(vector!, 1);
    expect(bot.store.passages([best!.label])[0]?.text).toContain('1.200 cây xanh');
  });

  it('keeps the index it has while another process has committed reports but not yet saved the index', async () => {
    const { app: ingester, dataDir } = await ingestedCorpus();
    const { app: bot } = reopen(dataDir);
    const loaded = await bot.vectorIndex();
    const index = await ingester.vectorIndex();
    const report = ingester.store.listReports()[0]!;
    const removed = ingester.store.removeReport(report.id)!.removedLabels;
    // The store has fewer vectors, the saved index still has them all: the loaded one stays.
    expect(await bot.vectorIndex()).toBe(loaded);
    for (const label of removed) index.remove(label);
    index.save();
    const reloaded = await bot.vectorIndex();
    expect(reloaded).not.toBe(loaded);
    expect(reloaded.size).toBe(bot.store.vectorCount());
    for (const label of removed) expect(reloaded.has(label)).toBe(false);
  });

  it('refuses another embedder than the one that made the vectors, naming npm run reindex', async () => {
    const { dataDir } = await ingestedCorpus();
    const model = await writeTinyModel();
    const { app } = reopen(dataDir, { EMBEDDER: 'transformers', EMBEDDING_MODEL_PATH: model.modelPath });
    await expect(app.vectorIndex()).rejects.toThrow(/hashing-v1-512.*npm run reindex/);
  });

  it('npm run reindex re-embeds every chunk with the current embedder and rebuilds the index', async () => {
    const { app, dataDir } = await ingestedCorpus();
    const chunks = app.store.counts().chunks;
    app.close();
    const model = await writeTinyModel();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/reindex.ts', '--data', dataDir, '--json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, EMBEDDER: 'transformers', EMBEDDING_MODEL_PATH: model.modelPath },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ chunks, dimension: model.hiddenSize });
    const { app: again } = reopen(dataDir, { EMBEDDER: 'transformers', EMBEDDING_MODEL_PATH: model.modelPath });
    expect((await again.vectorIndex()).size).toBe(chunks);
    expect(again.store.embeddingIdentity()?.dimension).toBe(model.hiddenSize);
  });
});

describe('the index settings', () => {
  it.each([
    ['HNSW_M', 'M'],
    ['HNSW_EF_CONSTRUCTION', 'efConstruction'],
    ['HNSW_EF_SEARCH', 'efSearch'],
  ] as const)('a wrong %s names the variable and the default the index really uses', (name, param) => {
    const fallback = DEFAULT_INDEX_PARAMS[param];
    expect(() => loadConfig({ [name]: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: 'abc' })).toThrow(new RegExp(`^${name}: .*unset it for ${fallback}$`));
    expect(loadConfig({ [name]: '40' }).index).toEqual({ [param]: 40 });
  });
});
