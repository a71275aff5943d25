import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkText, type Chunk } from '../src/ingest/chunk.ts';
import { countWords, normalizeText, splitSentences } from '../src/text/index.ts';
import { skipBecause } from './helpers/skip.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../shared/seeds');

const NOTICE = normalizeText(`ĐẢNG BỘ TỈNH BẮC NINH
THÀNH ỦY TỪ SƠN
*
Số 45-TB/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Từ Sơn, ngày 25 tháng 01 năm 2024

THÔNG BÁO KẾT LUẬN
của Ban Thường vụ Thành ủy tại phiên họp thường kỳ tháng 12 năm 2023

Ngày 22/01/2024, Ban Thường vụ Thành ủy họp phiên thường kỳ tháng 12 năm 2023 do đồng chí Bí thư Thành ủy chủ trì.

Sau khi nghe báo cáo tình hình thực hiện nhiệm vụ năm 2023, Ban Thường vụ đánh giá thu ngân sách đạt 112% dự toán. Giá trị sản xuất công nghiệp tăng 8,2% so với cùng kỳ. Công tác GPMB các dự án trọng điểm cơ bản hoàn thành.

Các đồng chí Ủy viên Ban Thường vụ đã thảo luận, đề nghị làm rõ nguyên nhân chậm giải ngân vốn đầu tư công. Một số ý kiến đề xuất tăng cường kiểm tra TTXD tại các phường.

Kết luận tại phiên họp, đồng chí Bí thư Thành ủy yêu cầu UBND thành phố hoàn thành GPMB dự án đường vành đai trước ngày 30/6/2024. Tập trung xử lý dứt điểm các vi phạm TTXD. Chỉ đạo ngành giáo dục chuẩn bị tốt kỳ tuyển sinh lớp 10.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy,
- Các đồng chí Thành ủy viên,
- Lưu Văn phòng Thành ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn An`);

function expectWholeSentences(text: string, chunks: Chunk[]): void {
  const sentenceStarts = new Set(splitSentences(text).map((s) => s.start));
  const sentenceEnds = new Set(splitSentences(text).map((s) => s.end));
  for (const chunk of chunks) {
    expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
    expect(sentenceStarts.has(chunk.start)).toBe(true);
    expect(sentenceEnds.has(chunk.end)).toBe(true);
  }
}

describe('chunkText', () => {
  it('labels the sections of a meeting report and keeps each chunk within one section', () => {
    const chunks = chunkText(NOTICE, { targetWords: 120, overlapSentences: 1 });
    const sections = chunks.map((c) => c.section);
    expect(sections).toContain('assessment');
    expect(sections).toContain('opinions');
    expect(sections).toContain('conclusion');
    const conclusion = chunks.find((c) => c.section === 'conclusion');
    expect(conclusion?.text.startsWith('Kết luận tại phiên họp')).toBe(true);
    expect(conclusion?.text).toContain('tuyển sinh lớp 10');
    expect(chunks.find((c) => c.text.includes('thảo luận'))?.section).toBe('opinions');
    expect(chunks.find((c) => c.text.includes('112% dự toán'))?.section).toBe('assessment');
  });

  it('leaves out mottos, the document number, the distribution list and the signature block', () => {
    const all = chunkText(NOTICE, { targetWords: 120, overlapSentences: 1 })
      .map((c) => c.text)
      .join('\n');
    for (const form of [
      'ĐẢNG BỘ TỈNH BẮC NINH',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 45-TB/TU',
      'Từ Sơn, ngày 25',
      'Nơi nhận',
      'Lưu Văn phòng',
      'T/M BAN THƯỜNG VỤ',
      'Nguyễn Văn An',
    ]) {
      expect(all).not.toContain(form);
    }
    expect(all).toContain('THÔNG BÁO KẾT LUẬN');
  });

  it('never cuts a sentence and gives offsets into the normalised text', () => {
    for (const targetWords of [15, 40, 120]) {
      expectWholeSentences(NOTICE, chunkText(NOTICE, { targetWords, overlapSentences: 1 }));
    }
  });

  it('stays near the target size and overlaps one sentence when a paragraph is cut', () => {
    const paragraph = Array.from(
      { length: 12 },
      (_, i) => `Chỉ tiêu số ${i + 1} của kế hoạch năm được hoàn thành đúng tiến độ đề ra.`,
    ).join(' ');
    const chunks = chunkText(paragraph, { targetWords: 60, overlapSentences: 1 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(countWords(chunk.text)).toBeLessThanOrEqual(60);
    for (let i = 1; i < chunks.length; i++) {
      expect((chunks[i] as Chunk).start).toBeLessThan((chunks[i - 1] as Chunk).end);
    }
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it('gives a sentence longer than the target a chunk of its own rather than cutting it', () => {
    const long = `Tập trung chỉ đạo ${'thực hiện tốt các nhiệm vụ '.repeat(20)}đã đề ra.`;
    const text = `Mở đầu phiên họp ngắn gọn.\n\n${long}\n\nCuối cùng là một câu ngắn.`;
    const chunks = chunkText(text, { targetWords: 30, overlapSentences: 1 });
    expect(chunks.some((c) => c.text === long)).toBe(true);
    expectWholeSentences(text, chunks);
  });

  it('returns no chunk for text that is only form', () => {
    expect(
      chunkText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', {
        targetWords: 120,
        overlapSentences: 1,
      }),
    ).toEqual([]);
  });
});

describe.skipIf(skipBecause(!existsSync(SEED_DIR), '../shared/seeds not present'))(
  'chunkText on the seed report',
  () => {
    const files = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')) : [];
    it.each(files)('%s: whole sentences, sections in report order, dateline left out', (file) => {
      const text = normalizeText(readFileSync(path.join(SEED_DIR, file), 'utf8'));
      const chunks = chunkText(text, { targetWords: 120, overlapSentences: 1 });
      expectWholeSentences(text, chunks);
      expect(chunks.length).toBeGreaterThanOrEqual(4);
      expect(chunks.some((c) => c.text.includes('Số lượt xem'))).toBe(false);
      const order = ['opening', 'assessment', 'opinions', 'conclusion'];
      const sections = chunks.map((c) => order.indexOf(c.section ?? ''));
      expect(sections).toEqual([...sections].sort((a, b) => a - b));
      expect(new Set(chunks.map((c) => c.section))).toEqual(new Set(order));
      expect(chunks.find((c) => c.text.includes('VietGap'))?.section).toBe('conclusion');
    });
  },
);
