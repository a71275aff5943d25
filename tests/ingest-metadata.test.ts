import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodyAliases, findBodies, findIssuingBody, recognizeBody, normalizeText } from '../src/text/index.ts';
import { extractMetadata } from '../src/ingest/metadata.ts';
import type { ParsedDocument } from '../src/ingest/index.ts';
import { skipBecause } from './helpers/skip.ts';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/seeds');
const SEED = path.join(SEED_DIR, '000_21259f3a66584d3b.txt');

function doc(text: string, extra: Partial<ParsedDocument> = {}): ParsedDocument {
  return { format: 'txt', text: normalizeText(text), ...extra };
}

describe('recognizeBody', () => {
  it.each([
    ['BTV Thị ủy Từ Sơn họp phiên thường kỳ', 'BTV Thị ủy Từ Sơn'],
    ['Ban Thường vụ Thành ủy Từ Sơn', 'BTV Thành ủy Từ Sơn'],
    ['Ban Thường vụ Thị uỷ Từ Sơn', 'BTV Thị ủy Từ Sơn'],
    ['Thường trực Thị ủy', 'Thường trực Thị ủy'],
    ['TT HĐND thành phố', 'Thường trực HĐND thành phố'],
    ['HĐND thị xã Từ Sơn', 'HĐND thị xã Từ Sơn'],
    ['Hội đồng nhân dân thành phố Từ Sơn', 'HĐND thành phố Từ Sơn'],
    ['UBND phường Đông Ngàn', 'UBND phường Đông Ngàn'],
    ['Ủy ban nhân dân huyện Tiên Du', 'UBND huyện Tiên Du'],
    ['BTV Huyện ủy Yên Phong', 'BTV Huyện ủy Yên Phong'],
    ['Đảng ủy phường Đình Bảng', 'Đảng ủy phường Đình Bảng'],
    ['BCH Đảng bộ thành phố', 'BCH Đảng bộ thành phố'],
    ['UBND TP. Bắc Ninh', 'UBND thành phố Bắc Ninh'],
    ['UBND quận 3', 'UBND quận 3'],
    ['HĐND tỉnh Hà Nam', 'HĐND tỉnh Hà Nam'],
  ])('%s', (text, name) => {
    expect(recognizeBody(text)?.name).toBe(name);
  });

  it('reads official headers written in capitals', () => {
    expect(recognizeBody('THÀNH ỦY TỪ SƠN')?.name).toBe('Thành ủy Từ Sơn');
    expect(recognizeBody('ỦY BAN NHÂN DÂN THÀNH PHỐ TỪ SƠN')?.name).toBe('UBND thành phố Từ Sơn');
    expect(recognizeBody('HỘI ĐỒNG NHÂN DÂN\nPHƯỜNG ĐÌNH BẢNG')?.name).toBe('HĐND phường Đình Bảng');
    expect(recognizeBody('BTV HUYỆN ỦY TIÊN DU HỌP PHIÊN THƯỜNG KỲ')?.name).toBe('BTV Huyện ủy Tiên Du');
  });

  it('reads questions typed without diacritics, with known places', () => {
    expect(recognizeBody('hdnd tp tu son hop khi nao')?.name).toBe('HĐND thành phố Từ Sơn');
    expect(recognizeBody('thi uy quyet dinh gi')?.name).toBe('Thị ủy');
    expect(recognizeBody('ubnd phuong dong ngan', { knownPlaces: ['Đông Ngàn'] })?.name).toBe('UBND phường Đông Ngàn');
  });

  it('takes a missing place from elsewhere in the text', () => {
    expect(recognizeBody('BTV thị ủy họp bàn kế hoạch. Thị xã Từ Sơn đạt kết quả tốt')?.name).toBe('BTV Thị ủy Từ Sơn');
  });

  it("marks bodies named in a person's title or a sub-unit as attributive", () => {
    const [chair] = findBodies('Đồng chí Chủ tịch HĐND thị xã chủ trì');
    expect(chair?.attributive).toBe(true);
    const [board] = findBodies('Ban Tuyên giáo Thị ủy Từ Sơn');
    expect(board?.attributive).toBe(true);
  });

  it('finds nothing in look-alike words', () => {
    expect(recognizeBody('cơ quan ủy ban')).toBeNull();
    expect(recognizeBody('Quân ủy Trung ương')).toBeNull();
    expect(recognizeBody('đang bố trí')).toBeNull();
  });
});

describe('place names as portals write them', () => {
  it('ends a body at the end of its sentence', () => {
    expect(
      findBodies('Dự kỳ họp có lãnh đạo HĐND tỉnh. Đồng thời, các đại biểu đã thảo luận.').map((b) => b.name),
    ).toEqual(['HĐND tỉnh']);
    expect(
      findBodies('Tham dự có Thường trực HĐND huyện. Trong phiên họp, UBND huyện báo cáo.').map((b) => b.name),
    ).toEqual(['Thường trực HĐND huyện', 'UBND huyện']);
  });

  it('keeps the dot of an abbreviated unit', () => {
    expect(recognizeBody('UBND TP. Hạ Long họp phiên thường kỳ')?.name).toBe('UBND thành phố Hạ Long');
    expect(recognizeBody('HĐND T.X. Phú Thọ')?.name).toBe('HĐND thị xã Phú Thọ');
  });

  it('takes the whole place name: a second syllable that is also a heading word, one wrapped onto the next line', () => {
    expect(recognizeBody('Ban Chấp hành Đảng bộ huyện Vĩnh Thông họp hội nghị lần thứ 9')?.name).toBe(
      'BCH Đảng bộ huyện Vĩnh Thông',
    );
    expect(recognizeBody('Đảng ủy phường Tân\nHồng họp phiên thường kỳ tháng 8')?.name).toBe('Đảng ủy phường Tân Hồng');
  });

  it('still ends a name where a heading goes on, and at a title line', () => {
    expect(recognizeBody('Kỳ Họp Thứ 14 HĐND Tỉnh Quảng Ninh Khóa XIV')?.name).toBe('HĐND tỉnh Quảng Ninh');
    expect(recognizeBody('UBND PHƯỜNG ĐÔNG NGÀN HỌP PHIÊN THƯỜNG KỲ')?.name).toBe('UBND phường Đông Ngàn');
    expect(recognizeBody('UBND phường Đông Ngàn\nSáng ngày 29/4, phiên họp diễn ra')?.name).toBe(
      'UBND phường Đông Ngàn',
    );
  });
});

describe('the issuing body of articles as portals write them', () => {
  it('reads the lead under a headline long enough to pass for prose', () => {
    const text = [
      'Hội nghị sơ kết công tác dân vận sáu tháng đầu năm 2024 và bàn nhiệm vụ những tháng cuối năm của thị xã',
      '',
      '12/07/2024 9:40:05 SA',
      '',
      'Ngày 12/07/2024, Ban Thường vụ Thị ủy Sông Cầu họp hội nghị sơ kết công tác dân vận.',
    ].join('\n');
    expect(findIssuingBody(text, null)?.name).toBe('BTV Thị ủy Sông Cầu');
  });

  it('reads the meeting day from the lead under a long headline', () => {
    const text = [
      'Hội nghị sơ kết công tác dân vận sáu tháng đầu năm 2024 và bàn nhiệm vụ những tháng cuối năm của thị xã',
      '',
      'Ngày 12/07/2024, Ban Thường vụ Thị ủy Sông Cầu họp hội nghị sơ kết công tác dân vận.',
    ].join('\n');
    const metadata = extractMetadata({ format: 'txt', text }, '/reports/so-ket.txt');
    expect(metadata.meetingDate).toBe('2024-07-12');
    expect(metadata.title).toMatch(/^Hội nghị sơ kết/);
  });

  it('reads the source, the date line and the lead under a headline ending in a full stop and a "Nguồn:" line', () => {
    // As people save an article: its headline (marked "#" in Markdown), where it came from, the page's date line.
    const text = [
      'UBND thị xã tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.',
      '',
      'Nguồn: https://quevo.bacninh.gov.vn/tin-tuc/so-ket-6-thang?id=12&lang=vi',
      'Tác giả: Văn phòng .Ngày đăng: 05/07/2024 .Lượt xem: 120 lượt.',
      '',
      'Ngày 04/07/2024, UBND thị xã tổ chức hội nghị sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2024.',
    ].join('\n');
    const metadata = extractMetadata(
      { format: 'md', text, title: 'UBND thị xã tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.' },
      '/reports/so-ket.md',
    );
    expect(metadata).toMatchObject({
      source: 'https://quevo.bacninh.gov.vn/tin-tuc/so-ket-6-thang?id=12&lang=vi',
      body: 'UBND thị xã Quế Võ',
      publishedDate: '2024-07-05',
      meetingDate: '2024-07-04',
    });
  });

  it.each([
    ['Ngày đăng 19/09/2023 | 16:16', '2023-09-19'],
    ['( Cập nhật lúc: 04/05/2023  )', '2023-05-04'],
    ['Ngày đăng bài: 29/12/2023 | Tác giả: Minh An', '2023-12-29'],
    ['Ngày đăng 29/03/2023 | 20:48  | Lượt xem: 98', '2023-03-29'],
  ])('reads the published date from the date line "%s" under a source line', (dateline, published) => {
    const text = [
      'Thường trực HĐND huyện họp phiên thường kỳ tháng 3',
      'Nguồn: https://hdnd.example.gov.vn/tin/123',
      dateline,
      '',
      'Sáng ngày 28/3, Thường trực HĐND huyện tổ chức phiên họp thường kỳ tháng 3.',
    ].join('\n');
    expect(extractMetadata({ format: 'txt', text }, '/reports/p.txt').publishedDate).toBe(published);
  });

  it('reads the meeting day of a lead naming its council with an abbreviated unit ("HĐND TX. ...")', () => {
    const text = [
      'Kỳ họp thứ 3 HĐND TX. Kỳ Anh khóa XII',
      '',
      'Ngày 10/11/2021, HĐND TX. Kỳ Anh, khóa XII, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 3 (kỳ họp chuyên đề) để xem xét một số nội dung theo luật định.',
    ].join('\n');
    expect(extractMetadata({ format: 'txt', text }, '/reports/k.txt')).toMatchObject({
      body: 'HĐND thị xã Kỳ Anh',
      meetingDate: '2021-11-10',
      sessionNumber: 3,
      sessionKind: 'chuyên đề',
    });
  });

  it.each([
    ['https://news.example.vn/chinh-tri/ky-hop-thu-nhat-20160701125107954.htm', '2016-07-01', '2016-07-01'],
    ['https://news.example.vn/2016/07/03/ky-hop-thu-nhat', '2016-07-03', '2016-07-01'],
    ['https://news.example.vn/chinh-tri/201607/ky-hop-thu-nhat-927171/', null, '2016-07-01'],
  ])('reads the year of a meeting dated without one from the date in its address: %s', (url, published, met) => {
    const text =
      'Khai mạc kỳ họp thứ nhất HĐND tỉnh\n\nSáng 1-7, HĐND tỉnh khai mạc kỳ họp thứ nhất để bầu các chức danh chủ chốt.';
    expect(extractMetadata({ format: 'md', text, frontMatter: { url } }, '/reports/k.md')).toMatchObject({
      publishedDate: published,
      meetingDate: met,
    });
  });

  it('dates a meeting by its term, not by the year a plan it discusses is for', () => {
    const text = [
      'Hội nghị lần thứ hai Ban Chấp hành Đảng bộ tỉnh khóa XVIII',
      '',
      'Sáng 12/11, Hội nghị lần thứ hai Ban Chấp hành Đảng bộ tỉnh (khóa XVIII) họp bàn công tác cán bộ.',
      '',
      'Hội nghị thông qua Quy chế làm việc khóa XVIII, nhiệm kỳ 2025 - 2030 và chương trình công tác năm 2026.',
    ].join('\n');
    expect(extractMetadata({ format: 'txt', text }, '/reports/h.txt').meetingDate).toBe('2025-11-12');
    // A plan's year is still the year when nothing else is stated.
    const only =
      'Cuộc họp thường kỳ tháng 9\n\nThu ngân sách 9 tháng vượt dự toán năm 2015. Thông tin được công bố tại cuộc họp thường kỳ tháng 9 của UBND tỉnh.';
    expect(extractMetadata({ format: 'txt', text: only }, '/reports/q.txt').sessionMonth).toBe('2015-09');
  });

  it('takes a "Nguồn:" line only at the top, and only with a web address', () => {
    const lower = [
      'UBND xã họp phiên thường kỳ tháng 5',
      '',
      'Sáng ngày 30/5, UBND xã tổ chức phiên họp thường kỳ tháng 5 năm 2024 để đánh giá công tác tháng 5.',
      '',
      'Nguồn: https://hostile.example.com/fake',
    ].join('\n');
    expect(extractMetadata({ format: 'txt', text: lower }, '/reports/x.txt').source).toBe('/reports/x.txt');
    const noAddress = 'UBND xã họp phiên thường kỳ tháng 5\nNguồn: Văn phòng UBND xã\n\nSáng ngày 30/5, UBND xã họp.';
    expect(extractMetadata({ format: 'txt', text: noAddress }, '/reports/y.txt').source).toBe('/reports/y.txt');
  });

  it('takes the office of whoever chaired the meeting when no body is its subject', () => {
    const text =
      'Giải ngân đầu tư công nửa năm đạt 48%\n\nVốn đầu tư công của địa phương giải ngân được 1.830 tỷ đồng sau sáu tháng. Con số được nêu ở phiên họp thường kỳ tháng 6 mà Chủ tịch UBND tỉnh Trần Minh Đức chủ trì.';
    expect(findIssuingBody(text, null)?.name).toBe('UBND tỉnh');
  });

  it('reads no province from "tỉnh 9 tháng"', () => {
    expect(findBodies('UBND tỉnh 9 tháng qua đã giải ngân 60% kế hoạch').map((b) => b.name)).toEqual(['UBND tỉnh']);
    expect(recognizeBody('UBND phường 3 họp phiên thường kỳ')?.name).toBe('UBND phường 3');
  });
});

describe('the span a review meeting reports on', () => {
  const periodOf = (text: string) => extractMetadata({ format: 'txt', text }, '/reports/x.txt').period ?? null;

  it('is read from the title or lead, apart from the session month and meeting day', () => {
    const metadata = extractMetadata(
      {
        format: 'txt',
        text: 'UBND phường Hòa Bình sơ kết 6 tháng đầu năm 2023\n\nSáng 5/7/2023, UBND phường tổ chức hội nghị sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.',
      },
      '/reports/so-ket.txt',
    );
    expect(metadata.period).toEqual({ label: '6 tháng đầu năm 2023', from: '2023-01', to: '2023-06' });
    expect(metadata.meetingDate).toBe('2023-07-05');
  });

  it('takes the year of a span written without one from the meeting, and a quarter or a reviewed year', () => {
    expect(
      periodOf('Hội nghị trực báo\n\nNgày 8/10/2020, UBND huyện tổ chức hội nghị trực báo tình hình 9 tháng đầu năm.'),
    ).toEqual({
      label: '9 tháng đầu năm 2020',
      from: '2020-01',
      to: '2020-09',
    });
    expect(
      periodOf('Phiên họp đánh giá kết quả quý I/2024\n\nNgày 2/4/2024, UBND xã họp đánh giá kết quả quý I năm 2024.')
        ?.to,
    ).toBe('2024-03');
    expect(
      periodOf(
        'Hội nghị tổng kết công tác năm 2022\n\nNgày 10/1/2023, Đảng ủy xã tổ chức hội nghị tổng kết công tác năm 2022.',
      )?.label,
    ).toBe('năm 2022');
  });

  it('is none for a span the meeting only plans for, or a year it plans for', () => {
    expect(
      periodOf('Kỳ họp thứ 5\n\nNgày 10/12/2023, HĐND xã khai mạc kỳ họp thứ 5, bàn phương hướng nhiệm vụ năm 2024.'),
    ).toBeNull();
  });
});

describe('bodyAliases', () => {
  it('names a Party committee and the executive committee of its Party organisation as one body', () => {
    expect(bodyAliases(recognizeBody('Huyện ủy Tiên Du')!)).toContain('BCH Đảng bộ huyện Tiên Du');
    expect(bodyAliases(recognizeBody('Ban Chấp hành Đảng bộ huyện Tiên Du')!)).toContain('Huyện ủy Tiên Du');
    expect(bodyAliases(recognizeBody('Ban Thường vụ Huyện ủy Tiên Du')!)).toEqual([]);
  });

  it('names the same body before and after its town became a city', () => {
    expect(bodyAliases({ role: 'BTV', organ: 'Thị ủy', unitType: 'thị xã', place: 'Từ Sơn' })).toEqual([
      'BTV Thành ủy Từ Sơn',
    ]);
    expect(bodyAliases({ role: null, organ: 'HĐND', unitType: 'thành phố', place: 'Từ Sơn' })).toEqual([
      'HĐND thị xã Từ Sơn',
    ]);
    expect(bodyAliases({ role: null, organ: 'UBND', unitType: 'thị xã', place: 'Dĩ An' })).toEqual([
      'UBND thành phố Dĩ An',
    ]);
    expect(bodyAliases({ role: null, organ: 'UBND', unitType: 'phường', place: 'Đông Ngàn' })).toEqual([]);
  });
});

describe('findIssuingBody', () => {
  it('prefers the subject of the lead sentence to bodies mentioned later', () => {
    const text = normalizeText(
      'Tin hoạt động\n\nChiều 3/8, UBND huyện Tiên Du tổ chức phiên họp thường kỳ tháng 7 để nghe báo cáo tình hình kinh tế - xã hội của huyện.\n\nHội nghị yêu cầu HĐND xã Lạc Vệ và UBND xã Phú Lâm phối hợp.',
    );
    expect(findIssuingBody(text, null)?.name).toBe('UBND huyện Tiên Du');
  });
});

describe.skipIf(skipBecause(!existsSync(SEED), '../shared/seeds not present'))(
  'extractMetadata on the seed report',
  () => {
    it('reads body, session, meeting and published dates', () => {
      const metadata = extractMetadata(doc(readFileSync(SEED, 'utf8')), 'seed.txt');
      expect(metadata).toMatchObject({
        body: 'BTV Thị ủy Từ Sơn',
        sessionKind: 'thường kỳ',
        sessionMonth: '2021-09',
        meetingDate: '2021-10-06',
        meetingEndDate: null,
        publishedDate: '2021-10-13',
        documentDate: null,
        source: 'seed.txt',
      });
      expect(metadata.bodyAliases).toContain('BTV Thành ủy Từ Sơn');
      expect(metadata.title).toMatch(/thường kỳ tháng 9/);
      expect(metadata.warnings).toEqual([]);
    });
  },
);

describe('extractMetadata on a news item', () => {
  const text = [
    'UBND huyện Tiên Du họp phiên thường kỳ tháng 7',
    'Thứ Sáu, 05/08/2022 | 10:15',
    'Chiều 3-8, UBND huyện Tiên Du tổ chức phiên họp thường kỳ tháng 7 năm 2022, đánh giá kết quả 7 tháng đầu năm và bàn nhiệm vụ trọng tâm tháng 8.',
    'Phiên họp yêu cầu các xã hoàn thành thu hoạch vụ Mùa trước ngày 30/8 và báo cáo kết quả về UBND huyện.',
  ].join('\n\n');

  it('reads every field and takes the meeting from the lead, not the deadline', () => {
    expect(extractMetadata(doc(text), 'tin.txt')).toEqual({
      title: 'UBND huyện Tiên Du họp phiên thường kỳ tháng 7',
      body: 'UBND huyện Tiên Du',
      bodyAliases: [],
      sessionKind: 'thường kỳ',
      sessionNumber: null,
      sessionMonth: '2022-07',
      meetingDate: '2022-08-03',
      meetingEndDate: null,
      publishedDate: '2022-08-05',
      documentDate: null,
      // "đánh giá kết quả 7 tháng đầu năm": the span this monthly session reviews.
      period: { label: '7 tháng đầu năm 2022', from: '2022-01', to: '2022-07' },
      source: 'tin.txt',
      warnings: [],
    });
  });

  it('takes the published date from the page when the reader found one', () => {
    const metadata = extractMetadata(
      doc(text.replace('Thứ Sáu, 05/08/2022 | 10:15', ''), { publishedHint: '2022-08-06T08:00:00+07:00' }),
      'tin.html',
    );
    expect(metadata.publishedDate).toBe('2022-08-06');
    expect(metadata.meetingDate).toBe('2022-08-03');
  });
});

describe('extractMetadata on an official notice', () => {
  const text = [
    'ĐẢNG BỘ TỈNH BẮC NINH',
    'HUYỆN ỦY YÊN PHONG',
    '*',
    'Số 45-TB/HU',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Yên Phong, ngày 12 tháng 4 năm 2023',
    'THÔNG BÁO',
    'Kết luận của Ban Thường vụ Huyện ủy tại phiên họp thường kỳ tháng 3 năm 2023',
    'Ngày 10/4/2023, Ban Thường vụ Huyện ủy họp phiên thường kỳ tháng 3 năm 2023 để cho ý kiến về các báo cáo của UBND huyện.',
    'Căn cứ Kế hoạch số 12-KH/HU ngày 5/1/2023 của Ban Thường vụ Huyện ủy về tổ chức các phiên họp năm 2023.',
    'Giao UBND huyện hoàn thành hồ sơ trước ngày 30/4/2023.',
    'Nơi nhận:',
    '- Thường trực Tỉnh ủy,',
    '- Lưu Văn phòng Huyện ủy.',
    'T/M BAN THƯỜNG VỤ',
  ].join('\n');

  it('reads the header, the title over two lines, the document date and the meeting', () => {
    const metadata = extractMetadata(doc(text), 'tb.txt');
    expect(metadata).toMatchObject({
      title: 'THÔNG BÁO Kết luận của Ban Thường vụ Huyện ủy tại phiên họp thường kỳ tháng 3 năm 2023',
      body: 'BTV Huyện ủy Yên Phong',
      sessionKind: 'thường kỳ',
      sessionMonth: '2023-03',
      meetingDate: '2023-04-10',
      publishedDate: null,
      documentDate: '2023-04-12',
    });
    expect(metadata.warnings).toEqual([]);
  });

  it('dates a resolution passed at a session by its own date', () => {
    const resolution = [
      'HỘI ĐỒNG NHÂN DÂN',
      'XÃ PHÚ LÂM',
      'Số: 30/NQ-HĐND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Phú Lâm, ngày 20 tháng 12 năm 2022',
      'NGHỊ QUYẾT',
      'Về dự toán ngân sách xã năm 2023',
      'HỘI ĐỒNG NHÂN DÂN XÃ PHÚ LÂM KHÓA XX, KỲ HỌP THỨ SÁU',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và các văn bản hướng dẫn thi hành luật;',
      'Xét Tờ trình số 88/TTr-UBND ngày 10/12/2022 của UBND xã về dự toán ngân sách năm 2023;',
    ].join('\n');
    expect(extractMetadata(doc(resolution), 'nq.md')).toMatchObject({
      title: 'NGHỊ QUYẾT Về dự toán ngân sách xã năm 2023',
      body: 'HĐND xã Phú Lâm',
      sessionNumber: 6,
      meetingDate: '2022-12-20',
      documentDate: '2022-12-20',
    });
  });
});

describe('extractMetadata on a council session held over several days', () => {
  it('keeps the first and last day and the session number', () => {
    const text = [
      'Hội đồng nhân dân huyện Quế Võ tổ chức kỳ họp thứ tư',
      '10/12/2022 16:20',
      'Trong 3 ngày 7, 8 và 9-12, HĐND huyện Quế Võ khóa XX, nhiệm kỳ 2021-2026 tổ chức kỳ họp thứ tư (kỳ họp thường lệ cuối năm) tại hội trường trung tâm huyện.',
    ].join('\n\n');
    expect(extractMetadata(doc(text), 'hdnd.txt')).toMatchObject({
      body: 'HĐND huyện Quế Võ',
      sessionKind: 'thường kỳ',
      sessionNumber: 4,
      sessionMonth: null,
      meetingDate: '2022-12-07',
      meetingEndDate: '2022-12-09',
      publishedDate: '2022-12-10',
    });
  });
});

describe('extractMetadata across a year boundary', () => {
  it('dates a December session held in January', () => {
    const text = [
      'BTV Thành ủy Từ Sơn họp phiên thường kỳ tháng 12',
      '07/01/2023 15:00',
      'Sáng ngày 5/1, BTV Thành ủy Từ Sơn tổ chức phiên họp thường kỳ tháng 12, đánh giá kết quả cả năm và cho ý kiến về chương trình công tác năm mới.',
    ].join('\n\n');
    expect(extractMetadata(doc(text), 'tp.txt')).toMatchObject({
      sessionMonth: '2022-12',
      meetingDate: '2023-01-05',
      publishedDate: '2023-01-07',
    });
  });
});

describe('extractMetadata on a report that states little', () => {
  it('warns about each missing field and never throws', () => {
    const metadata = extractMetadata(
      doc(
        'Một số nội dung\n\nCác đơn vị tiếp tục thực hiện tốt các nhiệm vụ được giao trong thời gian tới, bảo đảm tiến độ và chất lượng.',
      ),
      'x.txt',
    );
    expect(metadata).toMatchObject({
      body: null,
      sessionKind: null,
      meetingDate: null,
      publishedDate: null,
      documentDate: null,
    });
    expect(metadata.warnings).toEqual(
      expect.arrayContaining([
        'no issuing body found',
        'no session kind found',
        'no meeting date found',
        'no published or document date found',
      ]),
    );
    expect(extractMetadata(doc(''), 'empty.txt').warnings).toContain('no title found');
  });

  it('does not take a deadline, an effective date or "9 tháng đầu năm" for the meeting or session', () => {
    const text = [
      'UBND phường Tân Hồng: tổng kết 9 tháng đầu năm',
      'Kết quả 9 tháng đầu năm của phường tăng khá so với cùng kỳ. Phường đã trở thành đơn vị trực thuộc thành phố từ ngày 1/11/2021.',
      'Yêu cầu các khu phố nộp báo cáo trước ngày 30/9/2022.',
    ].join('\n\n');
    const metadata = extractMetadata(doc(text), 'y.txt');
    expect(metadata.meetingDate).toBeNull();
    expect(metadata.sessionMonth).toBeNull();
  });
});

describe('extractMetadata with front matter', () => {
  const text =
    'Phiên họp\n\nSáng ngày 2/9, BTV Thị ủy Từ Sơn tổ chức phiên họp thường kỳ tháng 8 năm 2021 để bàn công tác phòng, chống dịch trên địa bàn.';

  it('lets front matter override what the text says, in snake_case or camelCase', () => {
    const metadata = extractMetadata(
      doc(text, {
        frontMatter: {
          title: 'Phiên họp chuyên đề',
          body: 'ban thuong vu thi uy tu son',
          session_kind: 'chuyen de',
          sessionNumber: 'thứ hai',
          session_month: '2021-07',
          meeting_date: '01/09/2021',
          published_date: new Date('2021-09-03T00:00:00Z'),
          url: 'https://example.org/tin/1',
        },
      }),
      'a.md',
    );
    expect(metadata).toMatchObject({
      title: 'Phiên họp chuyên đề',
      body: 'BTV Thị ủy Từ Sơn',
      bodyAliases: ['BTV Thành ủy Từ Sơn'],
      sessionKind: 'chuyên đề',
      sessionNumber: 2,
      sessionMonth: '2021-07',
      meetingDate: '2021-09-01',
      publishedDate: '2021-09-03',
      source: 'https://example.org/tin/1',
    });
  });

  it('uses front matter dates to date the text', () => {
    const metadata = extractMetadata(doc(text, { frontMatter: { published_date: '2021-09-04' } }), 'b.md');
    expect(metadata.meetingDate).toBe('2021-09-02');
    expect(metadata.sessionMonth).toBe('2021-08');
  });

  it('warns about a value that does not parse and keeps what the text says', () => {
    const metadata = extractMetadata(
      doc(text, { frontMatter: { session_month: '2021-13', meeting_date: 'sắp tới', published_date: '2021-09-04' } }),
      'c.md',
    );
    expect(metadata.sessionMonth).toBe('2021-08');
    expect(metadata.meetingDate).toBe('2021-09-02');
    expect(metadata.warnings).toEqual([
      'front matter session_month: "2021-13" is not a month (YYYY-MM); ignored',
      'front matter meeting_date: "sắp tới" is not a date; ignored',
    ]);
  });
});
