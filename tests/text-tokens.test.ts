import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText, normalizeText, foldedTerms, tokenize } from '../src/text/index.ts';
import { skipBecause } from './helpers/skip.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../shared/seeds');

const texts = (text: string) => tokenize(text).map((token) => token.text);

describe('tokenize', () => {
  it('keeps numbers, dates, ranges and codes whole', () => {
    expect(texts('Giá trị sản xuất CN-TTCN ước đạt 71.125 tỷ đồng, đạt 68,4% kế hoạch')).toEqual([
      'Giá',
      'trị',
      'sản',
      'xuất',
      'CN-TTCN',
      'ước',
      'đạt',
      '71.125',
      'tỷ',
      'đồng',
      'đạt',
      '68,4',
      'kế',
      'hoạch',
    ]);
    expect(texts('trên 3241 tỷ đồng')).toContain('3241');
    expect(texts('từ ngày 1/11/2021 tới đây')).toContain('1/11/2021');
    expect(texts('nhiệm kỳ 2021-2026')).toContain('2021-2026');
    expect(texts('Trong 3 ngày 7, 8 và 9-12')).toEqual(['Trong', '3', 'ngày', '7', '8', 'và', '9-12']);
    expect(texts('phát triển KT-XH')).toContain('KT-XH');
    expect(texts('Thông báo số 18-TB/TU ngày 6/10')).toEqual(['Thông', 'báo', 'số', '18-TB/TU', 'ngày', '6/10']);
    expect(texts('Quyết định 123/QĐ-UBND.')).toEqual(['Quyết', 'định', '123/QĐ-UBND']);
  });

  it('gives offsets that point back at the token in the input', () => {
    const text = '  Tình hình ANCT, TTATXH được giữ vững (tăng 1,7%)./.';
    const tokens = tokenize(text);
    expect(tokens.length).toBe(9);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens[0]).toEqual({ text: 'Tình', start: 2, end: 6 });
  });

  it('skips punctuation and spaces, and does not join across them', () => {
    expect(texts('ANCT, TTATXH; KNTC… "VietGap" - (PAPI)')).toEqual(['ANCT', 'TTATXH', 'KNTC', 'VietGap', 'PAPI']);
    expect(texts('Lê Xuân Lợi - TUV')).toEqual(['Lê', 'Xuân', 'Lợi', 'TUV']);
    expect(texts('CN- TTCN, -5 và 2021-')).toEqual(['CN', 'TTCN', '5', 'và', '2021']);
  });

  it('separates words joined by a period or comma, which join only digits', () => {
    expect(texts('cuối năm 2021.Đồng thời')).toEqual(['cuối', 'năm', '2021', 'Đồng', 'thời']);
    expect(texts('quy định .Về phát triển')).toEqual(['quy', 'định', 'Về', 'phát', 'triển']);
    expect(texts('cải tạo đất,giao thông')).toEqual(['cải', 'tạo', 'đất', 'giao', 'thông']);
    expect(texts('tại TP.HCM')).toEqual(['tại', 'TP', 'HCM']);
    expect(texts('ngày 25.9.2021')).toEqual(['ngày', '25.9.2021']);
  });

  it('works with or without diacritics, in any case, and on decomposed input', () => {
    expect(texts('BTV THỊ ỦY TỪ SƠN')).toEqual(['BTV', 'THỊ', 'ỦY', 'TỪ', 'SƠN']);
    expect(texts('btv thi uy tu son')).toEqual(['btv', 'thi', 'uy', 'tu', 'son']);
    const decomposed = 'khiếu nại tố cáo'.normalize('NFD');
    expect(texts(decomposed)).toEqual(decomposed.split(' '));
  });

  it('returns nothing for text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ./. … - ; ')).toEqual([]);
  });
});

describe('foldedTerms', () => {
  it('gives the folded token texts used for lexical matching', () => {
    expect(foldedTerms('Giá trị sản xuất CN-TTCN ước đạt 71.125 tỷ đồng')).toEqual([
      'gia',
      'tri',
      'san',
      'xuat',
      'cn-ttcn',
      'uoc',
      'dat',
      '71.125',
      'ty',
      'dong',
    ]);
    expect(foldedTerms('Đồng chí Lê Quang Đạo, ĐBQH')).toEqual(['dong', 'chi', 'le', 'quang', 'dao', 'dbqh']);
  });

  it('meets text typed without diacritics', () => {
    expect(foldedTerms('giải quyết đơn thư KNTC')).toEqual(foldedTerms('giai quyet don thu kntc'));
  });
});

describe.skipIf(skipBecause(!existsSync(SEED_DIR), '../shared/seeds not present'))('tokens of the seed reports', () => {
  const seeds = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).filter((name) => name.endsWith('.txt')) : [];

  it('folded terms equal the folded text of each token', () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const name of seeds) {
      const text = normalizeText(readFileSync(path.join(SEED_DIR, name), 'utf8'));
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(100);
      expect(foldedTerms(text)).toEqual(tokens.map((token) => foldText(token.text)));
      for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });
});
