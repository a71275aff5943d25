import type { App } from '../app.ts';
import { ingestPaths } from '../ingest/index.ts';
import { progressBar } from './progress.ts';

/**
 * On a fresh data dir, ingests the sample corpus so the first question works out of the box.
 * Says so on stderr, and that the samples are illustrative and leave with the first real report;
 * does nothing once any report is stored.
 */
export async function ensureReports(app: App): Promise<void> {
  if (app.store.counts().reports > 0) return;
  process.stderr.write(`Chưa có báo cáo nào trong ${app.config.dataDir}: đang nạp các báo cáo mẫu từ corpus/ ...\n`);
  const draw = progressBar('corpus');
  const summary = await ingestPaths([app.config.sampleDir], app, { onProgress: (done, total) => draw(done, total) });
  process.stderr.write(
    `Đã nạp ${summary.added} báo cáo mẫu minh họa (số liệu giả định, không phải văn bản chính thức); ` +
      'chúng được xóa khi nạp báo cáo thật đầu tiên (npm run ingest).\n',
  );
}
