import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { readDocument } from '../src/ingest/readers/index.ts';
import { joinWrappedLines } from '../src/ingest/readers/pdf-paragraphs.ts';
import { buildImageOnlyPdf, buildTextPdf } from './fixtures/build-pdf.ts';

const BLOCKS = [
  'THÔNG BÁO KẾT LUẬN',
  'Ngày 14 tháng 11 năm 2023, Ban Thường vụ Huyện ủy Gia Bình họp phiên thường kỳ tháng 10 để đánh giá kết quả thực hiện nhiệm vụ chính trị mười tháng đầu năm và bàn giải pháp hoàn thành các chỉ tiêu của cả năm.',
  'Tổng thu ngân sách nhà nước trên địa bàn ước đạt 412 tỷ đồng, bằng 96% dự toán tỉnh giao; sản xuất nông nghiệp giữ ổn định, năng suất lúa bình quân đạt 63,5 tạ/ha, cao hơn cùng kỳ năm trước.',
  'Công tác giải phóng mặt bằng các dự án trọng điểm được tập trung chỉ đạo quyết liệt, song tiến độ một số công trình giao thông còn chậm so với kế hoạch do vướng mắc về đơn giá bồi thường và nguồn đất tái định cư cho các hộ dân bị ảnh hưởng.',
  '1. Về công tác xây dựng Đảng: tiếp tục kiện toàn tổ chức bộ máy, nâng cao chất lượng sinh hoạt chi bộ.',
  '2. Về phát triển kinh tế: đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu hoàn thành trước ngày 31 tháng 01 năm 2024.',
];

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text;
}

describe('PDF reader', () => {
  it('rejoins lines wrapped mid-sentence and across a page break into the original paragraphs', async () => {
    const bytes = await buildTextPdf({ blocks: BLOCKS });
    const pages = await pageTexts(bytes);
    // The fixture really is wrapped, and its page break falls inside a sentence.
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.split('\n').length).toBeGreaterThan(BLOCKS.length);
    expect(pages[0]!.trimEnd()).not.toMatch(/[.:;]$/);

    const doc = await readDocument('/reports/thong-bao.pdf', bytes);
    expect(doc.format).toBe('pdf');
    expect(doc.text.normalize('NFC').split('\n\n')).toEqual(BLOCKS.map((b) => b.normalize('NFC')));
  });

  it('ignores the metadata dates of the file', async () => {
    const doc = await readDocument('a.pdf', await buildTextPdf({ blocks: BLOCKS.slice(0, 2) }));
    expect(doc.publishedHint).toBeUndefined();
    expect(doc.text).not.toContain('2020');
  });

  it('rejects an image-only PDF as a scan without a text layer', async () => {
    await expect(readDocument('scan.pdf', await buildImageOnlyPdf())).rejects.toMatchObject({
      name: 'IngestError',
      reason: 'scanned PDF, no text layer (run OCR first)',
    });
  });

  it('rejects a corrupt PDF, a non-PDF and an encrypted PDF with specific reasons', async () => {
    const good = await buildTextPdf({ blocks: BLOCKS.slice(0, 2) });
    const truncated = good.slice(0, 400);
    await expect(readDocument('cut.pdf', truncated)).rejects.toMatchObject({
      reason: expect.stringMatching(/^not a valid PDF file \(.+\)$/),
    });
    await expect(readDocument('fake.pdf', new TextEncoder().encode('hello, not a pdf'))).rejects.toMatchObject({
      reason: 'not a valid PDF file (no %PDF header)',
    });
    const locked = await buildTextPdf({ blocks: BLOCKS.slice(0, 2), userPassword: 'bi-mat' });
    await expect(readDocument('locked.pdf', locked)).rejects.toMatchObject({
      reason: expect.stringMatching(/^encrypted PDF/),
    });
  });
});

describe('joinWrappedLines', () => {
  it('joins a line that fills the width with a next line starting with a capitalised name', () => {
    const page = [
      'Hội nghị đã thống nhất đề nghị Ban Thường vụ',
      'Tỉnh ủy xem xét bổ sung nguồn vốn cho các dự án',
      'chuyển tiếp.',
      'Kết quả giám sát',
      'Đoàn giám sát đã làm việc với ba xã.',
    ].join('\n');
    expect(joinWrappedLines([page])).toEqual([
      'Hội nghị đã thống nhất đề nghị Ban Thường vụ Tỉnh ủy xem xét bổ sung nguồn vốn cho các dự án chuyển tiếp.',
      'Kết quả giám sát',
      'Đoàn giám sát đã làm việc với ba xã.',
    ]);
  });

  it('starts new paragraphs at all-caps headers, list items and blank lines, and keeps hyphenated words whole', () => {
    const page = [
      'ỦY BAN NHÂN DÂN',
      'HUYỆN THUẬN THÀNH',
      'Các địa phương tiếp tục phòng chống dịch COVID-',
      '19 và hỗ trợ người dân:',
      'a) rà soát các hộ khó khăn;',
      '- bố trí kinh phí kịp thời',
      '',
      'Đoạn văn tiếp theo.',
    ].join('\n');
    expect(joinWrappedLines([page])).toEqual([
      'ỦY BAN NHÂN DÂN',
      'HUYỆN THUẬN THÀNH',
      'Các địa phương tiếp tục phòng chống dịch COVID-19 và hỗ trợ người dân:',
      'a) rà soát các hộ khó khăn;',
      '- bố trí kinh phí kịp thời',
      'Đoạn văn tiếp theo.',
    ]);
  });

  it('drops page numbers and does not split a sentence at a page break', () => {
    expect(
      joinWrappedLines(['Đoàn công tác đã kiểm tra tiến độ thi công\n1', '2\ncủa ba công trình trường học.']),
    ).toEqual(['Đoàn công tác đã kiểm tra tiến độ thi công của ba công trình trường học.']);
  });
});
