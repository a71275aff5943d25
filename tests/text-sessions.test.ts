import { describe, expect, it } from 'vitest';
import { findSessionKind, findSessionNumber, findTerm, parseOrdinal, parseSessionKind } from '../src/text/index.ts';

describe('findSessionKind', () => {
  it('reads the number of a congress only where asked about one, not in a report that prepares it', () => {
    const report = 'Cuộc họp thường kỳ tháng 5 góp ý văn kiện sẽ trình Đại hội đại biểu Đảng bộ xã lần thứ XVIII.';
    expect(findSessionNumber(report)).toBeNull();
    expect(findSessionNumber('Đại hội Đảng bộ xã lần thứ XVIII họp khi nào?', { congress: true })?.value).toBe(18);
  });

  it('tells a Party congress from a conference, by whichever a text names first', () => {
    expect(findSessionKind('Đại hội Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2020 - 2025')?.value).toBe('đại hội');
    expect(findSessionKind('Hội nghị lần thứ 21 bàn công tác chuẩn bị Đại hội Đảng bộ huyện')?.value).toBe('hội nghị');
    expect(findSessionKind('dai hoi dang bo huyen lan thu XXI to chuc ngay nao')?.value).toBe('đại hội');
  });

  it.each([
    ['Ban Thường vụ tổ chức phiên họp thường kỳ tháng 9', 'thường kỳ'],
    ['BTV Huyện ủy họp phiên thường kỳ tháng 3', 'thường kỳ'],
    ['UBND phường họp thường kỳ', 'thường kỳ'],
    ['phiên họp định kỳ của UBND', 'thường kỳ'],
    ['phiên họp chuyên đề về đất đai', 'chuyên đề'],
    // A council's "thường lệ" session is its regular one: one kind, so a filter on either finds both.
    ['kỳ họp thường lệ cuối năm', 'thường kỳ'],
    ['Thường trực HĐND huyện họp lệ kỳ tháng 12', 'thường kỳ'],
    ['HĐND xã tổ chức kỳ họp đột xuất', 'bất thường'],
    ['Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 21 (mở rộng)', 'mở rộng'],
    ['Thường trực HĐND huyện họp phiên mở rộng tháng 9', 'mở rộng'],
    ['HĐND tổ chức kỳ họp bất thường', 'bất thường'],
    ['kỳ họp chuyên đề', 'chuyên đề'],
    ['kỳ họp thứ 2 (kỳ họp chuyên đề)', 'chuyên đề'],
    ['KỲ HỌP THỨ TƯ (KỲ HỌP THƯỜNG LỆ)', 'thường kỳ'],
    ['ky hop bat thuong thang 8', 'bất thường'],
    ['Hội nghị Ban Chấp hành Đảng bộ lần thứ 5', 'hội nghị'],
  ])('%s', (text, kind) => {
    expect(findSessionKind(text)?.value).toBe(kind);
  });

  it('gives offsets of the phrase', () => {
    const text = 'Sáng nay, kỳ họp bất thường khai mạc';
    const found = findSessionKind(text);
    expect(found && text.slice(found.start, found.end)).toBe('kỳ họp bất thường');
  });

  it('prefers a precise kind over "hội nghị" and finds nothing in ordinary text', () => {
    expect(findSessionKind('Hội nghị trực tuyến trước phiên họp chuyên đề')?.value).toBe('chuyên đề');
    expect(findSessionKind('thu ngân sách đạt 81,7% kế hoạch')).toBeNull();
    // "mở rộng" as the verb "expand" names no kind.
    expect(findSessionKind('Hội nghị thống nhất mở rộng quy mô sản xuất')?.value).toBe('hội nghị');
    expect(findSessionKind('tiếp tục mở rộng diện tích lúa chất lượng cao')).toBeNull();
  });
});

describe('findSessionNumber', () => {
  it.each([
    ['kỳ họp thứ 4', 4],
    ['kỳ họp thứ tư', 4],
    ['Hội đồng nhân dân thị xã khóa VI khai mạc Kỳ họp thứ Chín', 9],
    ['Kỳ họp thứ Mười bảy, họp bất thường', 17],
    ['Kỳ họp thứ Mười bẩy, họp bất thường', 17],
    ['họp phiên thường kỳ lần thứ 27 để thống nhất chương trình kỳ họp thứ 11', 27],
    ['ky hop thu tu', 4],
    ['kỳ họp thứ IV', 4],
    ['KỲ HỌP THỨ BA', 3],
    ['kỳ họp thứ nhất', 1],
    ['kỳ họp thứ mười', 10],
    ['kỳ họp thứ mười một', 11],
    ['KỲ HỌP THỨ MƯỜI LĂM', 15],
    ['kỳ họp thứ hai mươi', 20],
    ['kỳ họp thứ hai mươi mốt', 21],
    ['kỳ họp thứ hai mươi tư', 24],
    ['kỳ họp thứ hai mươi lăm', 25],
    ['phiên họp thứ 12 của UBND', 12],
    ['kỳ họp lần thứ 3', 3],
    ['Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ năm', 5],
  ])('%s', (text, n) => {
    expect(findSessionNumber(text)?.value).toBe(n);
  });

  it('stops at the last number word ("kỳ họp thứ năm năm 2022" is the fifth)', () => {
    const text = 'Kỳ họp thứ năm năm 2022';
    const found = findSessionNumber(text);
    expect(found?.value).toBe(5);
    expect(found && text.slice(found.start, found.end)).toBe('Kỳ họp thứ năm');
  });

  it('does not read lower-case words as Roman numerals, nor "thứ" outside a session', () => {
    expect(findSessionNumber('kỳ họp thứ vi')).toBeNull();
    expect(findSessionNumber('Thứ Hai, 14/03/2022')).toBeNull();
  });
});

describe('parseOrdinal and parseSessionKind', () => {
  it('parse values given on their own', () => {
    expect(parseOrdinal('thứ tư')).toBe(4);
    expect(parseOrdinal('IV')).toBe(4);
    expect(parseOrdinal('12')).toBe(12);
    expect(parseOrdinal('hai mươi lăm')).toBe(25);
    expect(parseOrdinal('nhiều')).toBeNull();
    expect(parseOrdinal('4 và 5')).toBeNull();
    expect(parseSessionKind('thuong ky')).toBe('thường kỳ');
    expect(parseSessionKind('Chuyên đề')).toBe('chuyên đề');
    expect(parseSessionKind('kỳ họp bất thường')).toBe('bất thường');
    expect(parseSessionKind('họp mặt')).toBeNull();
  });
});

describe('findTerm', () => {
  it('reads the term number and the term years', () => {
    expect(findTerm('HĐND thành phố khóa XX, nhiệm kỳ 2021-2026')).toEqual({ term: 20, years: [2021, 2026] });
    expect(findTerm('HĐND phường khoá III')).toEqual({ term: 3, years: null });
    expect(findTerm('nhiệm kỳ 2016 - 2021')).toEqual({ term: null, years: [2016, 2021] });
    expect(findTerm('chìa khóa thành công')).toBeNull();
  });
});
