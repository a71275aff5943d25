import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { tempApp, tempFolder } from './helpers/app.ts';

const REPORT = `Ban Thường vụ Thị ủy Từ Sơn họp phiên thường kỳ tháng 5 năm 2021

Sáng ngày 3/6/2021, Ban Thường vụ Thị ủy Từ Sơn họp phiên thường kỳ tháng 5. Đồng chí Bí thư Thị ủy chủ trì.

Ban Thường vụ đánh giá kết quả thu ngân sách 5 tháng đạt 46% dự toán. Công tác tiêm vắc xin phòng covid-19 được triển khai tại 12 phường.

Kết luận tại phiên họp, đồng chí Bí thư yêu cầu UBND thị xã xử lý dứt điểm vi phạm TTXD tại phường Đồng Nguyên.`;

describe('ingestPaths', () => {
  let app: App;
  let dispose: () => void;
  let input: string;
  beforeEach(() => {
    ({ app, dispose } = tempApp());
    input = tempFolder();
  });
  afterEach(() => dispose());

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(input, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  };

  it('stores a report with metadata and chunks, then leaves it alone when unchanged', async () => {
    const file = write('btv-2021-05.txt', REPORT);
    const first = await ingestPaths([input], app);
    expect(first).toMatchObject({ added: 1, updated: 0, unchanged: 0, failed: [] });
    const [report] = app.store.listReports();
    expect(report).toMatchObject({ path: file, source: file, sessionMonth: '2021-05', meetingDate: '2021-06-03' });
    expect(report?.chunks).toBeGreaterThan(0);
    const chunksBefore = app.store.chunksOf(report?.id ?? '');

    const second = await ingestPaths([file], app);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(app.store.chunksOf(report?.id ?? '')).toEqual(chunksBefore);
  });

  it('replaces the chunks of a changed file under the same report id', async () => {
    const file = write('btv.txt', REPORT);
    await ingestPaths([file], app);
    const id = app.store.listReports()[0]?.id ?? '';
    write('btv.txt', REPORT.replace('46% dự toán', '52% dự toán'));
    const summary = await ingestPaths([file], app);
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(app.store.listReports().map((r) => r.id)).toEqual([id]);
    const text = app.store
      .chunksOf(id)
      .map((c) => c.text)
      .join(' ');
    expect(text).toContain('52% dự toán');
    expect(text).not.toContain('46% dự toán');
  });

  it('gives each chunk offsets into the stored normalised text and a context header', async () => {
    write('a.txt', REPORT.replace(/\n/g, '\r\n').replace('Thị ủy', 'Thị uỷ'));
    await ingestPaths([input], app);
    const report = app.store.listReports()[0];
    const stored = app.store.getReport(report?.id ?? '');
    for (const chunk of app.store.chunksOf(report?.id ?? '')) {
      expect(stored?.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.header).toContain('tháng 5/2021');
    }
    expect(stored?.text).not.toContain('\r');
    expect(stored?.text).not.toContain('uỷ');
  });

  it('recurses into folders and passes over READMEs, hidden and unsupported files with a reason', async () => {
    write('2021/btv.txt', REPORT);
    write('README.md', '# Các báo cáo mẫu');
    write('.hidden.txt', REPORT);
    write('notes.doc', 'old word file');
    const summary = await ingestPaths([input], app);
    expect(summary.added).toBe(1);
    expect(summary.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['README.md', 'notes.doc']);
    expect(summary.skipped.find((s) => s.path.endsWith('.doc'))?.reason).toMatch(/unsupported file type \.doc/);
  });

  describe('bad input gets a one-line reason and loses nothing stored', () => {
    beforeEach(async () => {
      write('good/btv.txt', REPORT);
      await ingestPaths([path.join(input, 'good')], app);
    });

    const expectFailure = async (target: string, reason: RegExp): Promise<void> => {
      const before = app.store.listReports();
      const summary = await ingestPaths([target], app);
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]?.reason).toMatch(reason);
      expect(summary.failed[0]?.reason).not.toContain('\n');
      expect(summary.added + summary.updated).toBe(0);
      expect(app.store.listReports()).toEqual(before);
    };

    it('an empty file', () => expectFailure(write('empty.txt', ''), /empty/i));
    it('a whitespace-only file', () => expectFailure(write('blank.md', ' \n\n\t \n'), /empty|no text/i));
    it('a binary file', () =>
      expectFailure(write('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])), /binary/i));
    it('invalid UTF-8', () =>
      expectFailure(write('latin.txt', Buffer.from([0x48, 0x44, 0x4e, 0x44, 0x20, 0xff, 0xfe, 0x41])), /UTF-8/i));
    it('an unsupported extension', () => expectFailure(write('table.xlsx', 'x'), /unsupported file type \.xlsx/));
    it('a file over the size limit', async () => {
      const big = write('big.txt', REPORT + '\n\n' + 'Nội dung bổ sung. '.repeat(400_000));
      await expectFailure(big, /over the 5 MB limit.*MAX_FILE_MB/);
    });
    it('a folder with nothing to ingest', () => {
      mkdirSync(path.join(input, 'nothing'));
      write('nothing/readme.txt', 'x');
      return expectFailure(path.join(input, 'nothing'), /no reports to ingest/);
    });
    it('a path that does not exist', () => expectFailure(path.join(input, 'missing.txt'), /no such file or folder/));
    it('a file whose text is only an official header', () =>
      expectFailure(
        write('header.txt', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'),
        /no content/,
      ));
  });

  it('keeps going after a bad file and reports every outcome', async () => {
    write('a.txt', REPORT);
    write('b.txt', '');
    // Another session, not a near-copy of a.txt (those are not stored twice: ingest-duplicates.test.ts).
    write(
      'c.txt',
      'Ngày 2/7/2021, Ban Thường vụ Thị ủy Từ Sơn họp phiên thường kỳ tháng 6. Phiên họp cho ý kiến về quy hoạch khu công nghiệp và giao Ủy ban kiểm tra rà soát 8 tổ chức đảng.',
    );
    const summary = await ingestPaths([input], app);
    expect(summary.added).toBe(2);
    expect(summary.failed.map((f) => path.basename(f.path))).toEqual(['b.txt']);
  });

  it('removes a report by id', async () => {
    write('a.txt', REPORT);
    await ingestPaths([input], app);
    const id = app.store.listReports()[0]?.id ?? '';
    expect(app.store.removeReport(id)?.id).toBe(id);
    expect(app.store.counts()).toEqual({ reports: 0, chunks: 0 });
  });
});
