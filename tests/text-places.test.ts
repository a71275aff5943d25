import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../src/ingest/metadata.ts';
import { findBodies, isRegisteredPlace, placeInAddress } from '../src/text/index.ts';

// Portals name their council in their address; articles often say only "HĐND tỉnh".
describe('the place a web address names', () => {
  it.each([
    ['https://hdndquangninh.gov.vn/tin-tuc/ky-hop', 'tỉnh', 'Quảng Ninh'],
    ['https://baobacgiang.vn/chinh-tri/ky-hop.html', 'tỉnh', 'Bắc Giang'],
    ['https://tienyen.quangninh.gov.vn/tin-tuc', 'huyện', 'Tiên Yên'],
    ['https://vinhcity.gov.vn/tin-tuc', 'thành phố', 'Vinh'],
    ['http://xadongrui.quangninh.gov.vn/tin', 'xã', 'Đồng Rui'],
    ['http://dongrui.tienyen.quangninh.gov.vn/tin', 'xã', 'Đồng Rui'],
    // A ward named like its district: the label left of the district's names the ward.
    ['http://thoithuan.thotnot.cantho.gov.vn/tin', 'phường', 'Thới Thuận'],
    ['http://thotnot.cantho.gov.vn/tin', 'quận', 'Thốt Nốt'],
    // A city run by the centre is a province: its council is "HĐND thành phố".
    ['https://hdnd.cantho.gov.vn/tin-tuc', 'thành phố', 'Cần Thơ'],
  ] as const)('%s (%s) → %s', (address, unit, place) => {
    expect(placeInAddress(address, unit)).toBe(place);
  });

  it('names nothing for an address without a place, a district name many provinces share, or a file path', () => {
    expect(placeInAddress('https://www.example.com/tin-tuc', 'tỉnh')).toBeNull();
    expect(placeInAddress('https://chauthanh.example.com/tin-tuc', 'huyện')).toBeNull();
    expect(placeInAddress('/home/council/reports/ky-hop.md', 'tỉnh')).toBeNull();
  });
});

describe('a place whose first syllable ends headings elsewhere', () => {
  it.each([
    ['Ngày 10/11/2021, HĐND TX. Kỳ Anh, khóa XII tổ chức kỳ họp thứ 3.', 'HĐND thị xã Kỳ Anh'],
    ['UBND huyện Kỳ Anh họp phiên thường kỳ tháng 5', 'UBND huyện Kỳ Anh'],
  ])('reads a registered place in full: %s', (text, body) => {
    expect(findBodies(text).map((b) => b.name)).toContain(body);
  });

  it('never cuts a name short to a registered one: a new commune keeps its three syllables', () => {
    expect(findBodies('Đảng ủy xã Tân Phú Hạ tổ chức hội nghị').map((b) => b.name)).toEqual(['Đảng ủy xã Tân Phú Hạ']);
  });

  it('still ends a capitalised heading at its verb', () => {
    expect(findBodies('THÀNH ỦY TỪ SƠN HỌP PHIÊN THƯỜNG KỲ').map((b) => b.name)).toEqual(['Thành ủy Từ Sơn']);
  });
});

describe('a body named without its place in the article', () => {
  const article = (url: string) =>
    extractMetadata(
      {
        format: 'md',
        frontMatter: { url },
        text: 'Khai mạc kỳ họp thứ 12 HĐND tỉnh khóa XIV\n\nSáng 10/7, HĐND tỉnh khai mạc kỳ họp thứ 12, khóa XIV, nhiệm kỳ 2021 - 2026.',
      },
      '/reports/ky-hop.md',
    );

  it('takes its place from the address the report came from', () => {
    expect(article('https://hdndquangninh.gov.vn/tin-tuc/khai-mac').body).toBe('HĐND tỉnh Quảng Ninh');
  });

  it('stays without a place when the address names none', () => {
    expect(article('https://www.example.com/khai-mac').body).toBe('HĐND tỉnh');
  });
});

describe('a person named after an office', () => {
  it('is not read as the place of the body in the office', () => {
    expect(findBodies('Phó Chủ tịch UBND tỉnh Nguyễn Văn Hùng chủ trì cuộc họp.').map((b) => b.name)).toEqual([
      'UBND tỉnh',
    ]);
    expect(findBodies('Chủ tịch UBND huyện Lê Thị Mai phát biểu.').map((b) => b.name)).toEqual(['UBND huyện']);
  });

  it('leaves places that open like a family name alone', () => {
    expect(findBodies('HĐND tỉnh Hà Giang khai mạc kỳ họp').map((b) => b.name)).toEqual(['HĐND tỉnh Hà Giang']);
    expect(isRegisteredPlace('Hoàng Su Phì', 'huyện')).toBe(true);
    expect(findBodies('UBND huyện Hoàng Su Phì họp phiên thường kỳ').map((b) => b.name)).toEqual([
      'UBND huyện Hoàng Su Phì',
    ]);
  });
});
