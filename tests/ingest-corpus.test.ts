import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { ingestPaths, type IngestSummary, type ReportMetadata } from '../src/ingest/index.ts';
import { CORPUS_DIR, PROJECT_ROOT, tempApp } from './helpers/app.ts';

type Expected = { file: string } & Pick<
  ReportMetadata,
  | 'body'
  | 'sessionKind'
  | 'sessionNumber'
  | 'sessionMonth'
  | 'meetingDate'
  | 'meetingEndDate'
  | 'publishedDate'
  | 'documentDate'
>;

const expected = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/corpus-metadata.json'), 'utf8'),
) as Expected[];

describe('ingesting the sample corpus', () => {
  let app: App;
  let dispose: () => void;
  let summary: IngestSummary;
  beforeAll(async () => {
    ({ app, dispose } = tempApp());
    summary = await ingestPaths([CORPUS_DIR], app);
  });
  afterAll(() => dispose());

  it('stores every report, passes over the README, and fails nothing', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.added).toBe(expected.length);
    expect(summary.skipped.map((s) => path.basename(s.path))).toEqual(['README.md']);
    expect(expected.length).toBeGreaterThanOrEqual(15);
  });

  it.each(expected.map((e) => [e.file, e] as const))('extracts the metadata of %s', (file, want) => {
    const report = app.store.listReports().find((r) => r.path === path.join(CORPUS_DIR, file));
    expect(report).toBeDefined();
    expect({
      body: report?.body,
      sessionKind: report?.sessionKind,
      sessionNumber: report?.sessionNumber,
      sessionMonth: report?.sessionMonth,
      meetingDate: report?.meetingDate,
      meetingEndDate: report?.meetingEndDate,
      publishedDate: report?.publishedDate,
      documentDate: report?.documentDate,
    }).toEqual({ ...want, file: undefined, body: want.body });
    expect(report?.title).toBeTruthy();
    expect(report?.chunks).toBeGreaterThan(1);
  });

  it('keeps the Thị ủy and Thành ủy names of one body as aliases', () => {
    const september = app.store
      .listReports()
      .find((r) => r.sessionMonth === '2021-09' && r.body === 'BTV Thị ủy Từ Sơn');
    expect(september?.bodyAliases).toContain('BTV Thành ủy Từ Sơn');
    expect(september?.meetingDate).toBe('2021-10-06');
  });

  it('lets no portal menu, breadcrumb, sidebar, share bar, comment form or footer text reach the store', () => {
    const chrome = [
      'Trang chủ',
      'Giới thiệu',
      'Liên hệ',
      'Tin liên quan',
      'Chia sẻ',
      'In bài',
      'Bản quyền thuộc',
      'Ý kiến bạn đọc',
      'Gửi bình luận',
    ];
    for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
      // Every link text on these pages is chrome: menus, breadcrumbs and related-news headlines.
      const linkTexts = [...html.matchAll(/<a\b[^>]*>([^<]{8,})<\/a>/g)].map((m) => (m[1] ?? '').trim());
      const report = app.store.listReports().find((r) => r.path === path.join(CORPUS_DIR, file));
      const stored = app.store.getReport(report?.id ?? '')?.text ?? '';
      expect(stored.length).toBeGreaterThan(500);
      for (const text of [...chrome, ...linkTexts]) expect(stored, `${file} contains "${text}"`).not.toContain(text);
    }
  });

  it('gives every chunk a context header and offsets that point into the stored text', () => {
    for (const report of app.store.listReports()) {
      const text = app.store.getReport(report.id)?.text ?? '';
      for (const chunk of app.store.chunksOf(report.id)) {
        expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
        expect(chunk.header).toContain(report.body ?? '');
      }
    }
  });
});
