import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

/** Settings for tests: the built-in embedder, so nothing tries to download a model. */
export const TEST_ENV: NodeJS.ProcessEnv = { EMBEDDER: 'hashing' };

/** A real app on a fresh temporary data dir; `dispose` closes it and removes the folder. */
export function tempApp(env: NodeJS.ProcessEnv = {}): { app: App; dataDir: string; dispose: () => void } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'council-app-'));
  const app = openApp(loadConfig({ ...TEST_ENV, ...env, COUNCIL_DATA_DIR: dataDir }), createLogger('error'));
  return {
    app,
    dataDir,
    dispose: () => {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh temporary folder for input files. */
export function tempFolder(prefix = 'council-input-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');
export const SEED_DIR = path.resolve(PROJECT_ROOT, '../shared/seeds');
