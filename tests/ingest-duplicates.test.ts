import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { Store } from '../src/store/index.ts';
import { MIGRATIONS, SKETCHES_ADDED } from '../src/store/schema.ts';
import { PROJECT_ROOT, TEST_ENV, tempApp, tempFolder } from './helpers/app.ts';

// A made-up monthly session of a made-up ward's People's Committee, long enough to be chunked.
const SESSION_MAY = `UBND phường Minh Khai họp phiên thường kỳ tháng 5 năm 2023

Chiều ngày 31/5/2023, UBND phường Minh Khai tổ chức phiên họp thường kỳ tháng 5 năm 2023. Chủ tịch UBND phường chủ trì phiên họp.

Phiên họp đánh giá kết quả thu ngân sách 5 tháng đầu năm đạt 48% dự toán. Công tác cải cách hành chính tiếp tục được đẩy mạnh, tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 99%.

Về nông nghiệp, phường đã gieo cấy 120 ha lúa vụ xuân, năng suất ước đạt 62 tạ/ha. Công tác phòng chống dịch bệnh trên đàn gia súc được thực hiện tốt.

Kết luận phiên họp, Chủ tịch UBND phường giao các bộ phận chuyên môn rà soát các hộ kinh doanh lấn chiếm vỉa hè và báo cáo trước ngày 15/6/2023.`;

// The same council a month later, written on the same template: another report, not a copy.
const SESSION_JUNE = `UBND phường Minh Khai họp phiên thường kỳ tháng 6 năm 2023

Chiều ngày 30/6/2023, UBND phường Minh Khai tổ chức phiên họp thường kỳ tháng 6 năm 2023. Chủ tịch UBND phường chủ trì phiên họp.

Phiên họp đánh giá kết quả thu ngân sách 6 tháng đầu năm đạt 57% dự toán, chi ngân sách bảo đảm các nhiệm vụ thường xuyên. Tổ chức thành công lễ ra quân hè cho thanh thiếu niên.

Về trật tự đô thị, lực lượng chức năng đã lập biên bản 14 trường hợp vi phạm, tháo dỡ 30 biển quảng cáo sai quy định. Công tác tuyển sinh đầu cấp được chuẩn bị chu đáo.

Kết luận phiên họp, Chủ tịch UBND phường yêu cầu đẩy nhanh tiến độ giải phóng mặt bằng tuyến đường nội phường và hoàn thành trong quý III năm 2023.`;

describe('a report stored twice', () => {
  let app: App;
  let dispose: () => void;
  let input: string;
  beforeEach(() => {
    ({ app, dispose } = tempApp());
    input = tempFolder();
  });
  afterEach(() => dispose());

  const write = (name: string, content: string): string => {
    const file = path.join(input, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  };

  it('is recognised when the same file is copied to another folder, and not added again', async () => {
    const original = write('2023/minh-khai-05.txt', SESSION_MAY);
    await ingestPaths([original], app);
    const [stored] = app.store.listReports();
    const copy = write('ban-sao/bao-cao.txt', SESSION_MAY);

    const summary = await ingestPaths([copy], app);

    expect(summary).toMatchObject({ added: 0, updated: 0, duplicate: 1, failed: [] });
    expect(summary.reports[0]).toMatchObject({
      path: copy,
      status: 'duplicate',
      id: stored!.id,
      duplicateOf: { id: stored!.id, path: original, similarity: 1 },
    });
    expect(app.store.counts().reports).toBe(1);
  });

  it('is recognised in another format with a title block, and with a figure retyped', async () => {
    await ingestPaths([write('minh-khai-05.txt', SESSION_MAY)], app);
    const markdown = write(
      'minh-khai-05.md',
      `---\ntitle: Phiên họp thường kỳ tháng 5/2023\n---\n\n${SESSION_MAY.replace('48% dự toán', '48,2% dự toán')}`,
    );
    const html = write(
      'minh-khai-05.html',
      `<html><head><title>Phiên họp tháng 5</title></head><body><article>${SESSION_MAY.split('\n\n')
        .map((paragraph) => `<p>${paragraph}</p>`)
        .join('')}</article></body></html>`,
    );

    const summary = await ingestPaths([markdown, html], app);

    expect(summary).toMatchObject({ added: 0, duplicate: 2 });
    const [retyped, asHtml] = summary.reports;
    expect(retyped!.duplicateOf!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(retyped!.duplicateOf!.similarity).toBeLessThan(1);
    expect(asHtml!.duplicateOf!.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('does not take another session of the same council, on the same template, for a copy', async () => {
    const summary = await ingestPaths([write('05.txt', SESSION_MAY), write('06.txt', SESSION_JUNE)], app);
    expect(summary).toMatchObject({ added: 2, duplicate: 0 });
  });

  it('still updates a changed file in its own place, and two copies in one run store one report', async () => {
    const file = write('minh-khai.txt', SESSION_MAY);
    write('sao-chep/minh-khai.txt', SESSION_MAY);
    const first = await ingestPaths([input], app);
    expect(first).toMatchObject({ added: 1, duplicate: 1 });

    write('minh-khai.txt', SESSION_MAY.replace('62 tạ/ha', '63 tạ/ha'));
    const second = await ingestPaths([file], app);
    expect(second).toMatchObject({ updated: 1, duplicate: 0 });
  });

  it('is found among reports stored before the store kept sketches', async () => {
    const dataDir = tempFolder('council-old-store-');
    const databasePath = path.join(dataDir, 'council.db');
    {
      // A store as the previous schema left it, holding one report.
      const { app: old, dispose: close } = tempApp();
      await ingestPaths([write('minh-khai-05.txt', SESSION_MAY)], old);
      const report = old.store.getReport(old.store.listReports()[0]!.id)!;
      close();
      const db = new Database(databasePath);
      for (const migration of MIGRATIONS.slice(0, SKETCHES_ADDED - 1)) db.exec(migration);
      db.pragma(`user_version = ${SKETCHES_ADDED - 1}`);
      db.prepare(
        `INSERT INTO reports (id, source, path, format, content_hash, text, ingested_at)
         VALUES (?, ?, ?, 'text', 'old', ?, '2023-06-01T00:00:00Z')`,
      ).run(report.id, report.source, report.path, report.text);
      db.close();
    }
    const store = Store.open(databasePath);
    try {
      expect(store.schemaVersion).toBe(MIGRATIONS.length);
      const twin = store.mostSimilarReport(SESSION_MAY, { id: 'another', path: '/elsewhere/copy.txt' });
      expect(twin).toMatchObject({ path: path.join(input, 'minh-khai-05.txt'), similarity: 1 });
    } finally {
      store.close();
    }
  });

  it('is never cited twice when a store already holds two copies', async () => {
    await ingestPaths([write('minh-khai-05.txt', SESSION_MAY)], app);
    const stored = app.store.getReport(app.store.listReports()[0]!.id)!;
    // A copy saved the way stores made before copies were refused held it: under its own id.
    app.store.saveReport(
      { ...stored, id: 'copy00000000', source: '/old/copy.txt', path: '/old/copy.txt', contentHash: 'copy' },
      app.store.chunksOf(stored.id).map(({ ordinal, start, end, section, header, text }) => ({
        ordinal,
        start,
        end,
        section,
        header,
        text,
      })),
    );
    expect(app.store.counts().reports).toBe(2);

    const answer = await app.ask('Phiên họp tháng 5/2023 của UBND phường Minh Khai: năng suất lúa vụ xuân bao nhiêu?');

    expect(answer.passages.length).toBeGreaterThan(1);
    const texts = answer.passages.map((passage) => passage.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(answer.citations.length).toBeGreaterThan(0);
    const quotes = answer.citations.map((citation) => citation.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(answer.answer).toContain('62 tạ/ha');
  });

  it('is reported by npm run ingest with the stored id and path', () => {
    const dataDir = tempFolder('council-cli-data-');
    const original = write('a/minh-khai-05.txt', SESSION_MAY);
    const copy = write('b/minh-khai-05.txt', SESSION_MAY);
    const run = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', file, '--data', dataDir], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...TEST_ENV },
      });
    expect(run(original).status).toBe(0);
    const second = run(copy);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^added 0, updated 0, unchanged 0, already stored 1,/);
    expect(second.stdout).toMatch(
      new RegExp(`not added: ${copy}: already stored as [0-9a-f]{12} \\(${original}\\); the same text`),
    );
  });
});
