import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { chunkText } from '../src/ingest/chunk.ts';
import { chunkOptions, ingestPaths } from '../src/ingest/index.ts';
import { PROJECT_ROOT, TEST_ENV, tempApp, tempFolder } from './helpers/app.ts';

const FILES = 1500;

function report(index: number): string {
  return `UBND phường Đông Ngàn họp phiên thường kỳ tháng ${(index % 12) + 1} năm 2022

Chiều ngày 5/${(index % 12) + 1}/2022, UBND phường Đông Ngàn họp phiên thường kỳ số ${index}.

UBND phường đánh giá kết quả thu ngân sách đạt ${index} triệu đồng. Công tác vệ sinh môi trường tại tổ dân phố số ${index} được duy trì.

Kết luận tại phiên họp, đồng chí Chủ tịch UBND phường yêu cầu xử lý dứt điểm ${index} trường hợp vi phạm TTXD.`;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the child to make progress');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a kill during ingestion', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('leaves the store as it was before the file being processed', async () => {
    const { app, dataDir, dispose } = tempApp();
    cleanups.push(dispose);
    const kept = tempFolder();
    writeFileSync(path.join(kept, 'kept.txt'), report(9999));
    await ingestPaths([kept], app);
    const keptReport = app.store.listReports()[0];

    const input = tempFolder();
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(input, `r${String(i).padStart(4, '0')}.txt`), report(i));

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', input, '--data', dataDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...TEST_ENV },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Should the wait below fail, the child must not go on ingesting into folders being removed.
    onTestFinished(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    const reader = new Database(app.config.databasePath, { readonly: true });
    cleanups.push(() => reader.close());
    const count = (): number => (reader.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    await waitFor(() => count() >= 30, 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const db = new Database(app.config.databasePath);
    cleanups.push(() => db.close());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = count();
    expect(stored).toBeGreaterThanOrEqual(30);
    expect(stored).toBeLessThan(FILES + 1);
    expect(app.store.getReport(keptReport?.id ?? '')).toMatchObject({ chunks: keptReport?.chunks });
    // Every report that made it in is whole: all its chunks and all their index rows.
    for (const summary of app.store.listReports()) {
      const full = app.store.getReport(summary.id);
      const expected = chunkText(full?.text ?? '', chunkOptions(app.config));
      expect(app.store.chunksOf(summary.id).map((c) => c.text)).toEqual(expected.map((c) => c.text));
    }
    const fts = db.prepare('SELECT COUNT(*) AS n FROM chunks_fts').get() as { n: number };
    expect(fts.n).toBe(app.store.counts().chunks);
  }, 120_000);
});
