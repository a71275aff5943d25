import path from 'node:path';
import type { App } from '../app.ts';
import { ingestPaths } from '../ingest/index.ts';
import { progressBar } from './progress.ts';

const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');

/**
 * On a fresh data dir, ingests the sample corpus so the first question works out of the box.
 * Says so on stderr; does nothing once any report is stored.
 */
export async function ensureReports(app: App): Promise<void> {
  if (app.store.counts().reports > 0) return;
  process.stderr.write(`Chưa có báo cáo nào trong ${app.config.dataDir}: đang nạp các báo cáo mẫu từ corpus/ ...\n`);
  const draw = progressBar('corpus');
  const summary = await ingestPaths([CORPUS_DIR], app, (done, total) => draw(done, total));
  process.stderr.write(`Đã nạp ${summary.added} báo cáo mẫu.\n`);
}
