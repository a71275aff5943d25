import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToParagraphs } from '../src/ingest/readers/blocks.ts';
import { parseHtmlDocument } from '../src/ingest/readers/dom.ts';
import { readDocument } from '../src/ingest/readers/index.ts';
import { findMainContent } from '../src/ingest/readers/main-content.ts';

const PORTAL_PAGE = readFileSync(fileURLToPath(new URL('./fixtures/council-portal-article.html', import.meta.url)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const ARTICLE_TEXT = [
  'Sáng ngày 20/3, Thường trực HĐND phường Đồng Nguyên tổ chức phiên họp chuyên đề',
  'Các đại biểu đã thảo luận & thống nhất',
  'Kết quả thực hiện nhiệm vụ quý I',
  'Tổng thu ngân sách trên địa bàn quý I ước đạt 38,5 tỷ đồng',
  '- Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm;',
  '- Tăng cường giám sát việc giải quyết kiến nghị của cử tri.',
  'Kết luận phiên họp, đồng chí Chủ tịch HĐND phường đề nghị',
];
const CHROME_TEXT = [
  'Trang chủ',
  'Giới thiệu',
  'Tin tức',
  'Liên hệ',
  'Tìm kiếm',
  'Nhập từ khóa',
  'Hoạt động HĐND',
  'Tin liên quan',
  'Thành ủy Từ Sơn tổng kết',
  'UBND thành phố họp đánh giá',
  'Phường Tân Hồng',
  'Đọc nhiều nhất',
  'Lịch tiếp công dân',
  'Chia sẻ',
  'Facebook',
  'Zalo',
  'In bài viết',
  'Số lượt xem',
  'Ý kiến bạn đọc',
  'Họ và tên',
  'Gửi ý kiến',
  'Bản quyền thuộc',
  'Số 8 đường Lý Thái Tổ',
  'Ghi rõ nguồn',
  'Cổng thông tin điện tử',
  'Đoạn mã theo dõi',
  'gaTracking',
  'Không được hiện',
  'display: inline',
];

describe('HTML reader on a council portal page', () => {
  it('keeps the article and drops every piece of page chrome', async () => {
    const doc = await readDocument('/r/tin-hdnd.html', PORTAL_PAGE);
    expect(doc.format).toBe('html');
    for (const text of ARTICLE_TEXT) expect(doc.text).toContain(text);
    for (const text of CHROME_TEXT) expect(doc.text).not.toContain(text);
  });

  it('keeps headings and paragraphs apart and <br> as line breaks', async () => {
    const paragraphs = (await readDocument('a.htm', PORTAL_PAGE)).text.split('\n\n');
    expect(paragraphs[0]).toBe('HĐND phường Đồng Nguyên họp phiên chuyên đề tháng 3 năm 2023');
    expect(paragraphs).toContain('Kết quả thực hiện nhiệm vụ quý I');
    expect(paragraphs).toContain(
      'Địa chỉ liên hệ của Thường trực HĐND:\nSố 1 đường Lý Thái Tổ\nĐiện thoại: 0222 3831 000',
    );
  });

  it('takes the title from the <h1> and the date stated beside it', async () => {
    const doc = await readDocument('a.html', PORTAL_PAGE);
    expect(doc.title).toBe('HĐND phường Đồng Nguyên họp phiên chuyên đề tháng 3 năm 2023');
    expect(doc.publishedHint).toBe('21/03/2023 15:42');
  });

  it('finds the same article without Readability, by the main-content heuristic', () => {
    const content = findMainContent(parseHtmlDocument(PORTAL_PAGE.toString('utf8')));
    expect(content).not.toBeNull();
    const text = htmlToParagraphs(content!).join('\n\n');
    for (const line of ARTICLE_TEXT) expect(text).toContain(line);
    for (const line of CHROME_TEXT) expect(text).not.toContain(line);
  });
});

describe('HTML reader, other page shapes', () => {
  const paragraph = (n: number): string =>
    `<p>Đoạn ${n}: Ủy ban nhân dân huyện yêu cầu các phòng, ban chuyên môn tập trung hoàn thành kế hoạch năm, bảo đảm tiến độ và chất lượng công việc được giao.</p>`;

  it('uses <title> without the site name, meta dates, and drops <script>/<style> while decoding entities', async () => {
    const page = `<!doctype html><html><head><meta charset="UTF-8">
      <title>Kết quả kỳ họp thứ 4 HĐND huyện khóa XX - Cổng TTĐT huyện Quế Võ</title>
      <meta property="article:published_time" content="2022-07-15T08:30:00+07:00">
      <style>p { color: red }</style></head>
      <body><div class="header"><a href="/">Trang chủ</a></div>
      <article><script>document.write("quảng cáo")</script>
      <p>Kỳ họp đã thông qua 12 nghị quyết &amp; bế mạc lúc 17&nbsp;giờ.</p>${paragraph(1)}${paragraph(2)}${paragraph(3)}</article>
      <div class="footer">Bản quyền thuộc UBND huyện</div></body></html>`;
    const doc = await readDocument('a.html', utf8(page));
    expect(doc.title).toBe('Kết quả kỳ họp thứ 4 HĐND huyện khóa XX');
    expect(doc.publishedHint).toBe('2022-07-15T08:30:00+07:00');
    expect(doc.text.split('\n\n')[0]).toBe('Kết quả kỳ họp thứ 4 HĐND huyện khóa XX');
    expect(doc.text).toContain('Kỳ họp đã thông qua 12 nghị quyết & bế mạc lúc 17\u00a0giờ.');
    for (const chrome of ['quảng cáo', 'color', 'Trang chủ', 'Bản quyền']) expect(doc.text).not.toContain(chrome);
  });

  it('keeps a dateline under the title in the text and offers it as the date hint', async () => {
    const page = `<html><head><title>Tin tức | Huyện ủy Yên Phong</title></head><body>
      <div class="logo"><h1>Huyện ủy Yên Phong</h1></div>
      <div class="content"><h1>Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15</h1>
      <p>(Ngày 12/12/2023)</p>${paragraph(1)}${paragraph(2)}${paragraph(3)}</div></body></html>`;
    const doc = await readDocument('a.html', utf8(page));
    expect(doc.title).toBe('Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15');
    expect(doc.publishedHint).toBe('(Ngày 12/12/2023)');
    expect(doc.text).toContain('(Ngày 12/12/2023)');
    expect(doc.text).not.toContain('Huyện ủy Yên Phong');
  });

  it('takes the last-resort title from <title>, dropping a " | site" suffix', async () => {
    const page = `<html><head><title>Thông báo kết luận phiên họp | UBND xã Đại Đồng</title></head><body><div>${paragraph(1)}${paragraph(2)}</div></body></html>`;
    expect((await readDocument('a.html', utf8(page))).title).toBe('Thông báo kết luận phiên họp');
  });

  it("keeps to the headline's article when an unnamed box beside it holds more text", async () => {
    const other = (n: number): string =>
      `<div class="k${n}"><a href="/t${n}">Tin số ${n} về hoạt động của HĐND</a><p>Tóm tắt tin số ${n}: đại biểu thảo luận nhiều nội dung liên quan đến phát triển kinh tế xã hội của địa phương trong thời gian tới.</p></div>`;
    const page = `<html><head><title>Tin ngắn</title></head><body><div id="w"><div class="khoi-1"><div class="ct">
      <h1 class="td">Phường Đình Bảng họp giao ban tháng 8</h1><div class="ngaydang">Thứ Hai, 05/09/2022</div>
      <div class="nd"><p>Chiều 5/9, UBND phường Đình Bảng họp giao ban đánh giá kết quả công tác tháng 8.</p>
      <p>Lãnh đạo phường yêu cầu các bộ phận tập trung hoàn thành chỉ tiêu được giao.</p></div></div></div>
      <div class="khoi-2"><div class="td-khoi">Tin cùng chuyên mục</div>${[1, 2, 3, 4, 5].map(other).join('')}</div></div></body></html>`;
    const doc = await readDocument('a.html', utf8(page));
    expect(doc.text.split('\n\n')).toEqual([
      'Phường Đình Bảng họp giao ban tháng 8',
      'Chiều 5/9, UBND phường Đình Bảng họp giao ban đánh giá kết quả công tác tháng 8.',
      'Lãnh đạo phường yêu cầu các bộ phận tập trung hoàn thành chỉ tiêu được giao.',
    ]);
    expect(doc.publishedHint).toBe('Thứ Hai, 05/09/2022');
  });

  it('rejects a page without article text', async () => {
    const page =
      '<html><body><div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div><script>var x = 1;</script></body></html>';
    await expect(readDocument('menu.html', utf8(page))).rejects.toMatchObject({
      reason: 'no article text found in the page',
    });
  });

  it('rejects a page that declares a charset other than UTF-8', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Phiên họp thường kỳ</p></body></html>`;
    await expect(readDocument('a.html', utf8(page))).rejects.toMatchObject({
      reason: 'page declares charset "iso-8859-1", not UTF-8: convert the file to UTF-8 and ingest again',
    });
  });
});
