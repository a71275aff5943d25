// Ingest turns most lines, paragraphs and pages down or through on a cheap look before the full
// rule runs. These tests hold the answers to those of the full rules, on the inputs where a
// shortcut could go wrong: other spellings, decomposed text, stray marks, look-alike prose.
import { describe, expect, it } from 'vitest';
import { isDateline, isHeaderBoilerplate, officialHeaderEnd } from '../src/ingest/boilerplate.ts';
import { readDocument } from '../src/ingest/readers/index.ts';
import { sectionCue } from '../src/ingest/sections.ts';
import { inferYear, type YearContext } from '../src/text/index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('header lines, judged on their first characters before the whole line is folded', () => {
  it('recognises mottos, ornaments and document numbers however they are written', () => {
    const headers = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Cộng hoà xã hội chủ nghĩa Việt Nam',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'.normalize('NFD'),
      'Độc lập - Tự do - Hạnh phúc',
      'ĐỘC LẬP – TỰ DO – HẠNH PHÚC',
      '  ĐẢNG CỘNG SẢN VIỆT NAM  ',
      '* * *',
      '-------------',
      'Số: 125-TB/TU',
      'Số 45-NQ/HĐND',
    ];
    for (const line of headers) expect(isHeaderBoilerplate(line), line).toBe(true);
  });

  it('turns down prose that opens like a header line', () => {
    const prose = [
      'Cộng đồng dân cư các khu phố tham gia giữ gìn vệ sinh môi trường.',
      'Đảng bộ thành phố đã lãnh đạo hoàn thành các chỉ tiêu năm 2023.',
      'Độc lập, tự chủ về tài chính là yêu cầu đặt ra cho các đơn vị sự nghiệp.',
      'Số liệu thu ngân sách được tổng hợp đến hết ngày 30/9.',
      'Số 12 đường Lý Thái Tổ',
      '***Lưu ý quan trọng',
    ];
    for (const line of prose) expect(isHeaderBoilerplate(line), line).toBe(false);
  });

  it('judges a line opening with a stray combining mark on the whole of it', () => {
    expect(isHeaderBoilerplate('\u0301CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe(true);
    expect(isHeaderBoilerplate('\u0301Cộng đồng dân cư')).toBe(false);
  });

  it('finds the end of a notice header whose motto is decomposed', () => {
    const text = [
      'THÀNH ỦY TỪ SƠN',
      'Số 45-TB/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM'.normalize('NFD'),
      'THÔNG BÁO KẾT LUẬN',
      'Nội dung.',
    ].join('\n');
    expect(officialHeaderEnd(text)).toBe(text.indexOf('THÔNG BÁO'));
    expect(officialHeaderEnd(text.replace('ĐẢNG CỘNG SẢN VIỆT NAM'.normalize('NFD'), 'Đảng bộ phường'))).toBe(0);
  });

  it('tells datelines from sentences that hold a date', () => {
    expect(isDateline('13/10/2021 08:29 Số lượt xem: 98')).toBe(true);
    expect(isDateline('Thứ Hai, 14/03/2022 | 16:05')).toBe(true);
    expect(isDateline('Ngày 6/10, Ban Thường vụ Thị ủy họp phiên thường kỳ.')).toBe(false);
    expect(isDateline('Cập nhật lúc 09:30')).toBe(false);
  });
});

describe('section cues, read from the first twenty words of a paragraph', () => {
  const lead = (words: number): string => Array.from({ length: words }, (_, i) => `từ${i}`).join(' ');

  it('finds a cue that ends within the window and ignores one past it', () => {
    expect(sectionCue(`${lead(18)} kết luận tại phiên họp, đồng chí Bí thư yêu cầu.`)).toBe('conclusion');
    expect(sectionCue(`${lead(18)}\n\t kết  luận tại phiên họp.`)).toBe('conclusion');
    expect(sectionCue(`${lead(19)} kết luận tại phiên họp.`)).toBeUndefined();
  });
});

describe('year inference reads the years a report states only when its bounds cannot decide', () => {
  const yearsUnread = (bounds: Omit<YearContext, 'years'>): YearContext => ({
    ...bounds,
    get years(): readonly number[] {
      throw new Error('stated years were read');
    },
  });

  it('settles an ordinary day from a published date or a session month alone', () => {
    expect(inferYear(10, 6, yearsUnread({ notAfter: '2021-10-13' }))).toBe(2021);
    expect(inferYear(12, 20, yearsUnread({ notAfter: '2021-10-13' }))).toBe(2020);
    expect(inferYear(1, 5, yearsUnread({ notBefore: '2021-12' }))).toBe(2022);
    expect(inferYear(9, null, yearsUnread({ notAfter: '2021-10-06', notBefore: '2021-09' }))).toBe(2021);
  });

  it('turns to the stated years for 29 February, which the nearby years may not have', () => {
    let read = 0;
    const context = {
      notAfter: '2022-03-10',
      get years(): readonly number[] {
        read++;
        return [2020, 2019];
      },
    };
    expect(inferYear(2, 29, context)).toBe(2020);
    expect(read).toBeGreaterThan(0);
  });

  it('uses the stated years when nothing bounds the date', () => {
    expect(inferYear(10, 6, { years: [2021, 2020] })).toBe(2021);
    expect(inferYear(10, 6, {})).toBeNull();
  });
});

describe('HTML article extraction, run on the page as parsed', () => {
  const paragraph = (n: number): string =>
    `<p>Đoạn ${n}: Hội đồng nhân dân phường đã thảo luận kỹ các báo cáo, thống nhất giao Ủy ban nhân dân tổ chức thực hiện các nhiệm vụ được giao trong quý tới.</p>`;
  const unrelated = Array.from(
    { length: 8 },
    (_, n) =>
      `<p>Bài khác ${n}: nội dung không thuộc bài viết này, kể về hoạt động văn hóa thể thao của thành phố trong dịp lễ hội mùa xuân.</p>`,
  ).join('');

  it('never takes text placed outside <body>', async () => {
    const page = `<!DOCTYPE html><html lang="vi"><head><title>Tin HĐND | Cổng TTĐT</title></head>
      <body class="trang-tin"><div class="khung"><h1>HĐND phường Đình Bảng họp phiên chuyên đề</h1>
      ${paragraph(1)}${paragraph(2)}${paragraph(3)}</div></body><div>${unrelated}</div></html>`;
    const doc = await readDocument('a.html', utf8(page));
    expect(doc.title).toBe('HĐND phường Đình Bảng họp phiên chuyên đề');
    expect(doc.text).toContain('Đoạn 3:');
    expect(doc.text).not.toContain('Bài khác');
  });

  it('keeps to the headline block when the rest of <body> holds more text', async () => {
    const page = `<html><head><title>Tin</title><meta name="date" content="2023-03-21"></head><body id="trang">
      <div class="tin"><h1>Thường trực HĐND huyện họp giao ban</h1>${paragraph(1)}${paragraph(2)}</div>
      <div class="khac">${unrelated}</div></body></html>`;
    const doc = await readDocument('b.html', utf8(page));
    expect(doc.publishedHint).toBe('2023-03-21');
    expect(doc.text).toContain('Đoạn 2:');
    expect(doc.text).not.toContain('Bài khác');
  });
});
