import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText, splitSentences, type Span } from '../src/text/index.ts';
import { skipBecause } from './helpers/skip.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../shared/seeds');

const sentences = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

/** Spans are inside the text, trimmed, in order and do not overlap. */
function expectWellFormed(text: string, spans: Span[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text[span.start]).toMatch(/\S/);
    expect(text[span.end - 1]).toMatch(/\S/);
    previousEnd = span.end;
  }
}

/** No span boundary falls strictly inside any occurrence of `phrase`. */
function expectNeverCut(text: string, spans: Span[], phrase: string): void {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    for (const span of spans) {
      for (const edge of [span.start, span.end]) {
        expect(edge > at && edge < at + phrase.length, `${phrase} cut at ${edge}`).toBe(false);
      }
    }
  }
}

describe('splitSentences: punctuation', () => {
  it('splits after . ! ? … and ... before a capital, digit, quote or list marker', () => {
    expect(sentences('Tình hình ANCT được giữ vững. Tổng thu ngân sách tăng.')).toEqual([
      'Tình hình ANCT được giữ vững.',
      'Tổng thu ngân sách tăng.',
    ]);
    expect(sentences('Có đạt không? Có! 3 tháng cuối năm còn nhiều việc… Đồng thời chuẩn bị...')).toEqual([
      'Có đạt không?',
      'Có!',
      '3 tháng cuối năm còn nhiều việc…',
      'Đồng thời chuẩn bị...',
    ]);
    expect(sentences('Đồng chí kết luận: “Phải làm ngay.” “Đúng vậy.” - Ý kiến khác.')).toEqual([
      'Đồng chí kết luận: “Phải làm ngay.”',
      '“Đúng vậy.”',
      '- Ý kiến khác.',
    ]);
  });

  it('does not split before a lower-case word, nor at semicolons', () => {
    expect(sentences('nhà ở, đất đai... và các lĩnh vực khác')).toHaveLength(1);
    expect(sentences('nông nghiệp đô thị., có giải pháp giải quyết dứt điểm')).toHaveLength(1);
    expect(sentences('Nghị quyết số 18; 19 về quản lý TTXD; quản lý đất đai.')).toHaveLength(1);
  });

  it('splits where a period is glued to the next sentence', () => {
    expect(sentences('theo quy định .Về phát triển kinh tế')).toEqual(['theo quy định .', 'Về phát triển kinh tế']);
    expect(sentences('cuối năm 2021.Đồng thời chuẩn bị tốt')).toEqual(['cuối năm 2021.', 'Đồng thời chuẩn bị tốt']);
    expect(sentences('không bỏ hoang đất canh tác…Đồng chí cũng giao')).toEqual([
      'không bỏ hoang đất canh tác…',
      'Đồng chí cũng giao',
    ]);
  });

  it('never splits inside numbers and dates', () => {
    for (const text of [
      'ước đạt 71.125 tỷ đồng',
      'từ ngày 1/11/2021 tới đây',
      'ngày 25.9 vừa qua',
      'đạt 68,4% kế hoạch',
      'Điểm 3.5 Mục II',
    ]) {
      expect(sentences(text), text).toEqual([text]);
    }
  });

  it('never splits after an abbreviation written with a period', () => {
    for (const text of [
      'tại TP. Từ Sơn có 12 phường',
      'UBND TX. Từ Sơn chỉ đạo',
      'tại Tp. Bắc Ninh',
      'nhà ở, đất đai v.v. Các nội dung khác',
      'Th.S Nguyễn Văn A trình bày',
      'TS. Lê Văn B phát biểu',
      'ông Nguyễn V. A. phát biểu',
      'tại TP.Hồ Chí Minh',
      'của UBND.Đồng chí',
    ]) {
      expect(sentences(text), text).toEqual([text]);
    }
  });

  it('ends the sentence at the official closing mark ./.', () => {
    expect(sentences('hoàn thiện báo cáo trình tại hội nghị BCH tới đây./. Nơi nhận')).toEqual([
      'hoàn thiện báo cáo trình tại hội nghị BCH tới đây./.',
      'Nơi nhận',
    ]);
    expect(sentences('theo kế hoạch./.\nHD-XK')).toEqual(['theo kế hoạch./.', 'HD-XK']);
  });

  it('keeps a numbered heading with its text', () => {
    expect(sentences('1. Về phát triển kinh tế. Giá trị sản xuất tăng.')).toEqual([
      '1. Về phát triển kinh tế.',
      'Giá trị sản xuất tăng.',
    ]);
    expect(sentences('Điều 2. Tổ chức thực hiện')).toEqual(['Điều 2. Tổ chức thực hiện']);
  });
});

describe('splitSentences: paragraphs and lines', () => {
  it('always ends a sentence at a paragraph break', () => {
    expect(sentences('kéo dài nhiều năm\n\nKết luận tại phiên họp')).toEqual([
      'kéo dài nhiều năm',
      'Kết luận tại phiên họp',
    ]);
    expect(sentences('đơn thư KNTC\n\nnhất là các vụ việc')).toEqual(['đơn thư KNTC', 'nhất là các vụ việc']);
  });

  it('ends a sentence at a line break after terminal punctuation', () => {
    expect(sentences('Tình hình ANCT được giữ vững.\nnhiệm vụ trọng tâm là thu ngân sách')).toHaveLength(2);
  });

  it('joins a line that continues the sentence', () => {
    expect(sentences('yêu cầu UBND TX, các ngành chuyên môn\ntiếp tục tham mưu triển khai')).toHaveLength(1);
  });

  it('puts header lines and list items on their own', () => {
    const notice = [
      'ĐẢNG BỘ TỈNH BẮC NINH',
      'THỊ ỦY TỪ SƠN',
      'Số 18-TB/TU',
      'THÔNG BÁO',
      'Kết luận của Ban Thường vụ Thị ủy về các nội dung sau:',
      '1. Tình hình phát triển KT-XH 9 tháng đầu năm',
      'a) Thu ngân sách',
      '- Tăng cường quản lý TTXD;',
      '- Giải quyết dứt điểm KNTC',
      'II. NHIỆM VỤ',
    ].join('\n');
    expect(sentences(notice)).toEqual([
      'ĐẢNG BỘ TỈNH BẮC NINH',
      'THỊ ỦY TỪ SƠN',
      'Số 18-TB/TU',
      'THÔNG BÁO',
      'Kết luận của Ban Thường vụ Thị ủy về các nội dung sau:',
      '1. Tình hình phát triển KT-XH 9 tháng đầu năm',
      'a) Thu ngân sách',
      '- Tăng cường quản lý TTXD;',
      '- Giải quyết dứt điểm KNTC',
      'II. NHIỆM VỤ',
    ]);
  });
});

describe('splitSentences: run-on sentences', () => {
  it('cuts a sentence of more than about 80 words at semicolons', () => {
    const clause = (n: number) =>
      `báo cáo kết quả sản xuất vụ Xuân năm ${n} và kế hoạch thực hiện các nhiệm vụ trọng tâm`;
    const text = `${Array.from({ length: 6 }, (_, i) => clause(2020 + i)).join('; ')}.`;
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(1);
    expectWellFormed(text, spans);
    for (const span of spans) expect(text.slice(span.start, span.end).split(/\s+/).length).toBeLessThanOrEqual(80);
    expect(spans.map((span) => text.slice(span.start, span.end)).join(' ')).toBe(text);
  });

  it('keeps a sentence under the limit whole even with semicolons', () => {
    expect(sentences('nhiệm vụ thu, chi ngân sách; báo cáo công tác tiếp công dân; kế hoạch năm 2021.')).toHaveLength(
      1,
    );
  });
});

describe('splitSentences: edge cases', () => {
  it('returns no spans for empty or blank text, and trims spans', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
    const text = '  Phiên họp kết thúc.  ';
    expect(splitSentences(text)).toEqual([{ start: 2, end: 21 }]);
  });
});

describe.skipIf(skipBecause(!existsSync(SEED_DIR), '../shared/seeds not present'))(
  'splitSentences on the seed report',
  () => {
    const seed = existsSync(SEED_DIR)
      ? readdirSync(SEED_DIR).find(
          (name) => name.endsWith('.txt') && readFileSync(path.join(SEED_DIR, name), 'utf8').includes('71.125'),
        )
      : undefined;
    const text = seed ? normalizeText(readFileSync(path.join(SEED_DIR, seed), 'utf8')) : '';
    const spans = splitSentences(text);

    it('gives a plausible number of well-formed sentences', () => {
      expect(seed).toBeDefined();
      expect(spans.length).toBeGreaterThanOrEqual(20);
      expect(spans.length).toBeLessThanOrEqual(45);
      expectWellFormed(text, spans);
      const words = (span: Span) => text.slice(span.start, span.end).split(/\s+/).length;
      expect(spans.filter((span) => words(span) < 3).length).toBeLessThanOrEqual(2);
    });

    it('never cuts numbers, dates or abbreviations', () => {
      for (const phrase of [
        '71.125',
        '1/11/2021',
        '68,4%',
        '81,7%',
        '2021-2026',
        'CN-TTCN',
        'ANCT, TTATXH',
        'thị., có',
      ]) {
        expectNeverCut(text, spans, phrase);
      }
    });

    it('finds the glued sentence boundaries', () => {
      const starts = new Set(spans.map((span) => span.start));
      for (const next of ['Về phát triển kinh tế', 'Đồng thời chuẩn bị', 'Đồng chí cũng giao']) {
        const at = text.indexOf(next);
        expect(at, next).toBeGreaterThan(0);
        expect(starts.has(at), next).toBe(true);
      }
    });

    it('ends a sentence at the closing mark', () => {
      const closing = text.indexOf('./.');
      expect(spans.some((span) => span.end === closing + 3)).toBe(true);
    });
  },
);
