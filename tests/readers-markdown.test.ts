import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/ingest/readers/index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const BODY = [
  '# Phiên họp thường kỳ tháng 5 năm 2022 của UBND huyện',
  '',
  '<!-- ghi chú nội bộ, không đăng -->',
  'Sáng ngày 6/6, **UBND huyện Lương Tài** tổ chức phiên họp *thường kỳ* tháng 5.',
  'Xem [toàn văn báo cáo](https://example.vn/bao-cao.pdf) và mã `BC-15`.',
  '![Ảnh phiên họp](anh.jpg)',
  '',
  '## Nhiệm vụ trọng tâm',
  '',
  '- Đẩy nhanh tiến độ giải ngân vốn đầu tư công;',
  '* Hoàn thành thu ngân sách_năm_ theo dự toán.',
  '',
  '1. Tập trung cải cách hành chính.',
  '2) Bảo đảm an ninh trật tự.',
  '',
  '| Chỉ tiêu | Kết quả |',
  '|---|---:|',
  '| Thu ngân sách | 96% |',
  '| Giải ngân | 71,4% |',
  '',
  '> Trích dẫn ý kiến & kết luận của Chủ tịch.',
].join('\n');

describe('Markdown reader', () => {
  it('strips the syntax to plain text, keeping headings, list markers and table cells as lines', async () => {
    const doc = await readDocument('/r/phien-hop.md', utf8(BODY));
    expect(doc.format).toBe('md');
    expect(doc.frontMatter).toBeUndefined();
    expect(doc.title).toBe('Phiên họp thường kỳ tháng 5 năm 2022 của UBND huyện');
    expect(doc.text.split('\n\n')).toEqual([
      'Phiên họp thường kỳ tháng 5 năm 2022 của UBND huyện',
      'Sáng ngày 6/6, UBND huyện Lương Tài tổ chức phiên họp thường kỳ tháng 5.\nXem toàn văn báo cáo và mã BC-15.',
      'Nhiệm vụ trọng tâm',
      '- Đẩy nhanh tiến độ giải ngân vốn đầu tư công;\n- Hoàn thành thu ngân sách_năm_ theo dự toán.',
      '1. Tập trung cải cách hành chính.\n2. Bảo đảm an ninh trật tự.',
      'Chỉ tiêu\nKết quả',
      'Thu ngân sách\n96%',
      'Giải ngân\n71,4%',
      'Trích dẫn ý kiến & kết luận của Chủ tịch.',
    ]);
  });

  it('parses YAML front matter and takes the title from it', async () => {
    const source = `---\r\ntitle: "Kết luận phiên họp BTV Huyện ủy"\r\nsource: https://example.vn/tin/123\r\npublished: 2022-06-07\r\ntags: [kết luận, huyện ủy]\r\n---\r\n# Tiêu đề trong bài\r\n\r\nNội dung kết luận.\r\n`;
    const doc = await readDocument('a.markdown', utf8(source));
    expect(doc.frontMatter).toEqual({
      title: 'Kết luận phiên họp BTV Huyện ủy',
      source: 'https://example.vn/tin/123',
      published: '2022-06-07',
      tags: ['kết luận', 'huyện ủy'],
    });
    expect(doc.title).toBe('Kết luận phiên họp BTV Huyện ủy');
    expect(doc.text).toBe('Tiêu đề trong bài\n\nNội dung kết luận.');
  });

  it('rejects malformed front matter naming the line', async () => {
    const source = '---\ntitle: Phiên họp\nsource: [không đóng ngoặc\nbody: x\n---\nNội dung.';
    await expect(readDocument('bad.md', utf8(source))).rejects.toMatchObject({
      name: 'IngestError',
      reason: expect.stringMatching(/^malformed YAML front matter at line [345]: \S/),
    });
    await expect(readDocument('open.md', utf8('---\ntitle: x\nNội dung không có dấu đóng.'))).rejects.toMatchObject({
      reason: 'front matter opened with --- on line 1 is never closed with ---',
    });
    await expect(readDocument('list.md', utf8('---\n- một\n- hai\n---\nNội dung.'))).rejects.toMatchObject({
      reason: 'front matter is not a list of "key: value" fields',
    });
  });

  it('rejects a file with front matter and no body text', async () => {
    await expect(readDocument('a.md', utf8('---\ntitle: x\n---\n\n<!-- trống -->\n'))).rejects.toMatchObject({
      reason: 'no text in the Markdown body',
    });
  });
});
