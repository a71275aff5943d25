import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/schema.ts';
import { Store, StoreError, type ChunkRecord, type ReportRecord } from '../src/store/index.ts';
import { tempFolder } from './helpers/app.ts';

function report(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id: 'r1',
    path: '/reports/a.txt',
    format: 'txt',
    contentHash: 'h1',
    text: 'Giải quyết dứt điểm đơn thư KNTC. Thu ngân sách đạt 81,7% kế hoạch.',
    title: 'Phiên họp thường kỳ tháng 9',
    body: 'BTV Thị ủy Từ Sơn',
    bodyAliases: ['BTV Thành ủy Từ Sơn'],
    sessionKind: 'thường kỳ',
    sessionNumber: null,
    sessionMonth: '2021-09',
    meetingDate: '2021-10-06',
    meetingEndDate: null,
    publishedDate: '2021-10-13',
    documentDate: null,
    sample: false,
    source: '/reports/a.txt',
    warnings: [],
    ...overrides,
  };
}

const chunks: ChunkRecord[] = [
  {
    ordinal: 0,
    start: 0,
    end: 33,
    section: 'opinions',
    header: 'BTV Thị ủy Từ Sơn',
    text: 'Giải quyết dứt điểm đơn thư KNTC.',
  },
  {
    ordinal: 1,
    start: 34,
    end: 68,
    section: 'assessment',
    header: 'BTV Thị ủy Từ Sơn',
    text: 'Thu ngân sách đạt 81,7% kế hoạch.',
  },
];

describe('Store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = tempFolder('council-store-');
    store = Store.open(path.join(dir, 'council.sqlite'));
  });
  afterEach(() => store.close());

  it('creates the schema at the latest version in WAL mode', () => {
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    const db = new Database(store.databasePath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stores a report with its chunks and lists it with a chunk count', () => {
    expect(store.saveReport(report(), chunks).status).toBe('added');
    const [listed] = store.listReports();
    expect(listed).toMatchObject({ id: 'r1', sessionMonth: '2021-09', meetingDate: '2021-10-06', chunks: 2 });
    expect(listed?.bodyAliases).toEqual(['BTV Thành ủy Từ Sơn']);
    expect(store.chunksOf('r1').map((c) => c.id)).toEqual(['r1:0', 'r1:1']);
    expect(store.findByPath('/reports/a.txt')).toEqual({ id: 'r1', contentHash: 'h1' });
  });

  it('indexes folded text with abbreviations expanded both ways', () => {
    store.saveReport(report(), chunks);
    const db = new Database(store.databasePath, { readonly: true });
    const match = (query: string) =>
      (db.prepare('SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?').all(query) as { rowid: number }[]).length;
    expect(match('"khieu nai to cao"')).toBe(1);
    expect(match('kntc')).toBe(1);
    expect(match('"81,7"')).toBe(1);
    expect(match('"ngan sach"')).toBe(1);
    db.close();
  });

  it('replaces a report and its chunks in one step, leaving no stale index rows', () => {
    store.saveReport(report(), chunks);
    expect(store.saveReport(report({ contentHash: 'h2' }), chunks.slice(0, 1)).status).toBe('updated');
    expect(store.counts()).toEqual({ reports: 1, chunks: 1 });
    const db = new Database(store.databasePath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM chunks_fts').get()).toEqual({ n: 1 });
    db.close();
  });

  it('replaces the report previously read from the same path even when its id changed', () => {
    store.saveReport(report(), chunks);
    expect(store.saveReport(report({ id: 'r2', source: 'https://example.gov.vn/a' }), chunks).status).toBe('updated');
    expect(store.listReports().map((r) => r.id)).toEqual(['r2']);
  });

  it('removes a report by id or by path', () => {
    store.saveReport(report(), chunks);
    store.saveReport(report({ id: 'r2', path: '/reports/b.txt', source: '/reports/b.txt' }), chunks);
    expect(store.removeReport('r1')?.id).toBe('r1');
    expect(store.removeReport('/reports/b.txt')?.id).toBe('r2');
    expect(store.removeReport('r3')).toBeUndefined();
    expect(store.counts()).toEqual({ reports: 0, chunks: 0 });
  });

  it("keeps each chunk's vector with it and never reuses a removed chunk's label", () => {
    const identity = { id: 'test-embedder', dimension: 3 };
    const vectors = [new Float32Array([1, 0, 0]), new Float32Array([0, 1, 0])];
    const first = store.saveReport(report(), chunks, { identity, vectors });
    expect(first.labels).toHaveLength(2);
    expect([...store.vectors()]).toEqual(first.labels.map((label, i) => ({ label, vector: vectors[i] })));
    expect(store.embeddingIdentity()).toEqual(identity);
    const second = store.saveReport(report({ contentHash: 'h2' }), chunks, { identity, vectors });
    expect(second.removedLabels).toEqual(first.labels);
    expect(Math.min(...second.labels)).toBeGreaterThan(Math.max(...first.labels));
    expect(store.vectorCount()).toBe(2);
    expect(store.removeReport('r1')?.removedLabels).toEqual(second.labels);
    expect(store.vectorCount()).toBe(0);
  });

  it('refuses vectors from another embedder than the stored ones, naming npm run reindex', () => {
    store.saveReport(report(), chunks, {
      identity: { id: 'a', dimension: 2 },
      vectors: [new Float32Array(2), new Float32Array(2)],
    });
    expect(() =>
      store.saveReport(report({ id: 'r2', path: '/b' }), chunks, {
        identity: { id: 'b', dimension: 2 },
        vectors: [new Float32Array(2), new Float32Array(2)],
      }),
    ).toThrow(/npm run reindex/);
    expect(store.counts().reports).toBe(1);
  });

  it('finds chunks lexically and returns passages with their report', () => {
    const { labels } = store.saveReport(report(), chunks);
    const hits = store.lexicalSearch('kntc', 10);
    expect(hits.map((h) => h.label)).toEqual([labels[0]]);
    const [passage] = store.passages(hits.map((h) => h.label));
    expect(passage).toMatchObject({
      id: 'r1:0',
      reportId: 'r1',
      report: { title: 'Phiên họp thường kỳ tháng 9', meetingDate: '2021-10-06' },
    });
  });

  it('lists reports newest first by meeting date, then published date, then session month', () => {
    store.saveReport(report({ id: 'old', path: '/o', meetingDate: '2021-03-05' }), []);
    store.saveReport(report({ id: 'new', path: '/n', meetingDate: '2022-01-05' }), []);
    store.saveReport(report({ id: 'published', path: '/p', meetingDate: null, publishedDate: '2021-12-01' }), []);
    store.saveReport(
      report({ id: 'undated', path: '/u', meetingDate: null, publishedDate: null, sessionMonth: null }),
      [],
    );
    expect(store.listReports().map((r) => r.id)).toEqual(['new', 'published', 'old', 'undated']);
  });

  it('keeps what it stored across reopening', () => {
    store.saveReport(report(), chunks);
    store.close();
    store = Store.open(path.join(dir, 'council.sqlite'));
    expect(store.counts()).toEqual({ reports: 1, chunks: 2 });
    expect(store.getReport('r1')?.text).toContain('KNTC');
  });

  it('refuses a database from a newer version of the program', () => {
    store.close();
    const db = new Database(path.join(dir, 'council.sqlite'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => (store = Store.open(path.join(dir, 'council.sqlite')))).toThrow(/newer than this program/);
    store = Store.open(path.join(dir, 'other.sqlite'));
  });

  it('names the file when it cannot be opened', () => {
    const notAFolder = path.join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    expect(() => Store.open(path.join(notAFolder, 'council.sqlite'))).toThrow(StoreError);
    expect(() => Store.open(path.join(notAFolder, 'council.sqlite'))).toThrow(/plain-file.*COUNCIL_DATA_DIR/);
  });
});
