import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';

/** Settings for tests: the built-in embedder, so nothing tries to download a model. */
export const TEST_ENV: NodeJS.ProcessEnv = { EMBEDDER: 'hashing' };

// Vitest evaluates this module afresh for each test file while it collects the file, so this
// hook lands on the file's top-level suite and runs after all of the file's own afterAll hooks.
const foldersOfThisFile = new Set<string>();
const appsOfThisFile = new Set<App>();
afterAll(() => {
  for (const app of appsOfThisFile) app.close();
  appsOfThisFile.clear();
  for (const folder of foldersOfThisFile) rmSync(folder, { recursive: true, force: true });
  foldersOfThisFile.clear();
});

/**
 * A fresh temporary folder, removed with everything in it (including what child processes
 * wrote there) whether the test passes or fails: made inside a test or its beforeEach/afterEach,
 * when that test finishes; made in a beforeAll, when the test file finishes. Make it in a test
 * or a hook, not at module or describe level: a file whose tests are all skipped runs no hooks.
 */
export function tempFolder(prefix = 'council-input-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  if (TestRunner.getCurrentTest()) onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  else foldersOfThisFile.add(folder);
  return folder;
}

/** A real app on a fresh `tempFolder` as its data dir; `dispose` closes the app. */
export function tempApp(env: NodeJS.ProcessEnv = {}): { app: App; dataDir: string; dispose: () => void } {
  const dataDir = tempFolder('council-app-');
  const app = openApp(loadConfig({ ...TEST_ENV, ...env, COUNCIL_DATA_DIR: dataDir }), createLogger('error'));
  return { app, dataDir, dispose: () => app.close() };
}

/** For a beforeAll: a real app with the sample corpus ingested, closed when the test file finishes. */
export async function corpusApp(env: NodeJS.ProcessEnv = {}): Promise<{ app: App; dataDir: string }> {
  const { app, dataDir } = tempApp(env);
  appsOfThisFile.add(app);
  await ingestPaths([CORPUS_DIR], app);
  return { app, dataDir };
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');
export const SEED_DIR = path.resolve(PROJECT_ROOT, '../shared/seeds');
