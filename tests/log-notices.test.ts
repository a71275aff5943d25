import { describe, expect, it } from 'vitest';
import { openApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { TEST_ENV, tempFolder } from './helpers/app.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';

describe('which embedder a data dir uses', () => {
  const session = async (dataDir: string, env: NodeJS.ProcessEnv = {}) => {
    const lines: string[] = [];
    const app = openApp(
      loadConfig({ ...TEST_ENV, ...env, COUNCIL_DATA_DIR: dataDir }),
      createLogger('debug', (line) => lines.push(line)),
    );
    await app.embedder();
    app.close();
    return lines.filter((line) => line.includes('embedder:'));
  };

  it('is said once per data dir, then only at debug, and again when it changes', async () => {
    const dataDir = tempFolder('council-notice-');
    expect(await session(dataDir)).toEqual(['info embedder: hashing-v1-512 (EMBEDDER=hashing)']);
    expect(await session(dataDir)).toEqual(['debug embedder: hashing-v1-512 (EMBEDDER=hashing)']);
    const other = tempFolder('council-notice-');
    expect(await session(other)).toEqual(['info embedder: hashing-v1-512 (EMBEDDER=hashing)']);
    const tiny = await writeTinyModel({ name: 'tiny-notice' });
    const changed = await session(dataDir, { EMBEDDER: 'transformers', EMBEDDING_MODEL_PATH: tiny.modelPath });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^info embedder: transformers:tiny-notice from /);
  });
});
