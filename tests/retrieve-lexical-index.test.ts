import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lexicalIndex, lexicalQuery } from '../src/retrieve/lexical.ts';
import { LexicalIndex } from '../src/retrieve/lexical-index.ts';
import { Store, type ChunkRecord, type ReportRecord } from '../src/store/index.ts';
import { matchingText } from '../src/text/index.ts';
import { tempFolder } from './helpers/app.ts';

const TEXTS = [
  'Thu ngân sách trên địa bàn đạt 1.046 tỷ đồng, bằng 29,7% dự toán.',
  'Sản xuất nông nghiệp ổn định; diện tích gieo cấy lúa vụ Xuân đạt kế hoạch.',
  'Tình trạng bỏ hoang đất nông nghiệp còn xảy ra ở một số phường.',
  'Nông dân được hỗ trợ giống lúa; nghiệp vụ thú y được tăng cường.',
  'Thành phố tiếp tục thu gom rác thải sinh hoạt tại các khu dân cư.',
  'Giải quyết dứt điểm đơn thư KNTC tồn đọng trong quý.',
];

function report(id: string, text: string): ReportRecord {
  return {
    id,
    path: `/reports/${id}.txt`,
    format: 'txt',
    contentHash: id,
    text,
    title: 'Phiên họp thường kỳ',
    body: 'UBND thành phố Từ Sơn',
    bodyAliases: [],
    sessionKind: 'thường kỳ',
    sessionNumber: null,
    sessionMonth: '2022-03',
    meetingDate: '2022-03-28',
    meetingEndDate: null,
    publishedDate: null,
    documentDate: null,
    sample: false,
    source: `/reports/${id}.txt`,
    warnings: [],
  };
}

function chunksOf(texts: readonly string[]): ChunkRecord[] {
  return texts.map((text, ordinal) => ({ ordinal, start: 0, end: text.length, section: null, header: '', text }));
}

/** Builds the index straight from texts, labelled 1, 2, 3, ... */
function indexOf(texts: readonly string[]): LexicalIndex {
  return LexicalIndex.build(texts.map((text, i) => [i + 1, matchingText(text)] as const));
}

describe('the in-memory lexical index', () => {
  it('ranks by BM25: a chunk holding the rarer term first, and none that holds no term', () => {
    const index = indexOf(TEXTS);
    const ranked = index.search({ terms: ['nong', 'nghiep', 'hoang'], phrases: [] }, 10);
    expect(ranked[0]).toBe(3);
    expect(ranked).toEqual(expect.arrayContaining([2, 3, 4]));
    expect(ranked).not.toContain(1);
    expect(ranked).not.toContain(5);
  });

  it('scores a phrase only where its syllables stand together', () => {
    const index = indexOf(TEXTS);
    // Chunk 4 holds "nông" and "nghiệp" apart ("Nông dân", "nghiệp vụ"); 2 and 3 hold "nông nghiệp".
    const withoutPhrase = index.search({ terms: ['nong', 'nghiep'], phrases: [] }, 10);
    const withPhrase = index.search({ terms: ['nong', 'nghiep'], phrases: [['nong', 'nghiep']] }, 10);
    expect(withoutPhrase).toContain(4);
    expect(withPhrase.slice(0, 2).sort()).toEqual([2, 3]);
    expect(withPhrase.indexOf(4)).toBe(2);
  });

  it('returns only allowed labels when given a filter, and at most the limit', () => {
    const index = indexOf(TEXTS);
    const query = { terms: ['nong', 'nghiep', 'lua'], phrases: [] };
    expect(index.search(query, 10, (label) => label !== 3)).not.toContain(3);
    expect(index.search(query, 1)).toHaveLength(1);
    expect(index.search(query, 10, () => false)).toEqual([]);
  });

  it('counts document frequencies', () => {
    const index = indexOf(TEXTS);
    expect(index.size).toBe(TEXTS.length);
    expect(index.frequency('nong')).toBe(3);
    expect(index.frequency('kntc')).toBe(1);
    expect(index.frequency('khong-co')).toBe(0);
  });

  it('turns a question topic into terms with abbreviation expansions and adjacent-syllable phrases', () => {
    const query = lexicalQuery('đơn thư KNTC tồn đọng');
    expect(query?.terms).toEqual(expect.arrayContaining(['don', 'thu', 'kntc', 'ton', 'dong', 'khieu', 'nai']));
    expect(query?.phrases).toEqual([
      ['don', 'thu'],
      ['thu', 'kntc'],
      ['kntc', 'ton'],
      ['ton', 'dong'],
    ]);
    expect(lexicalQuery('là gì vậy')).toBeNull();
  });
});

describe('the lexical index of a store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = tempFolder('council-lexical-');
    store = Store.open(path.join(dir, 'council.sqlite'));
  });
  afterEach(() => store.close());

  it('ranks term queries as SQLite FTS5 bm25 ranks them', () => {
    store.saveReport(report('r1', TEXTS.join(' ')), chunksOf(TEXTS));
    for (const terms of [
      ['nong', 'nghiep'],
      ['thu', 'ngan', 'sach', 'rac'],
      ['lua', 'nong', 'dan', 'kntc'],
    ]) {
      const fts = store.lexicalSearch(terms.map((term) => `"${term}"`).join(' OR '), 10).map((hit) => hit.label);
      expect(lexicalIndex(store).search({ terms, phrases: [] }, 10)).toEqual(fts);
    }
  });

  it('is rebuilt when the stored reports change', () => {
    store.saveReport(report('r1', TEXTS[0]!), chunksOf(TEXTS.slice(0, 1)));
    const before = lexicalIndex(store);
    expect(lexicalIndex(store)).toBe(before);
    expect(before.frequency('rac')).toBe(0);
    const { labels } = store.saveReport(report('r2', TEXTS[4]!), chunksOf(TEXTS.slice(4, 5)));
    const after = lexicalIndex(store);
    expect(after).not.toBe(before);
    expect(after.search({ terms: ['rac'], phrases: [] }, 10)).toEqual(labels);
  });
});
