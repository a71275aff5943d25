import { describe, expect, it } from 'vitest';
import {
  findDates,
  findPeriods,
  inferYear,
  parseDate,
  parseMonth,
  resolveDay,
  type DateMention,
  foldKeepingOffsets,
  foldText,
} from '../src/text/index.ts';
import { parseRoman, readNumberWords } from '../src/text/number-words.ts';

/** The one date in `text`, as [first, last] with year or "?" where none is written. */
function only(text: string): { first: string; last: string | null; mention: DateMention; written: string } {
  const found = findDates(text);
  expect(found, `dates in ${JSON.stringify(text)}`).toHaveLength(1);
  const mention = found[0] as DateMention;
  const show = (d: DateMention['first']) => `${d.year ?? '?'}-${d.month}-${d.day}`;
  return {
    first: show(mention.first),
    last: mention.last ? show(mention.last) : null,
    mention,
    written: text.slice(mention.start, mention.end),
  };
}

describe('folding keeps offsets', () => {
  it('foldText does not change the length of NFC Vietnamese, so folded offsets are original offsets', () => {
    const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const letters = [
      'đ',
      ...'aăâeêioôơuưy'.split('').flatMap((v) => [v, ...tones.map((t) => (v + t).normalize('NFC'))]),
    ];
    const all = [...letters, ...letters.map((l) => l.toUpperCase())].join('');
    expect(all).toHaveLength(letters.length * 2);
    expect(foldText(all)).toHaveLength(all.length);
    expect(foldKeepingOffsets(all)).toBe(foldText(all));
  });

  it('keeps characters whose folding would change the length', () => {
    const text = 'ǅ ﬁ Đông';
    expect(foldKeepingOffsets(text)).toHaveLength(text.length);
    expect(foldKeepingOffsets(text).endsWith('dong')).toBe(true);
  });
});

describe('findDates: full dates', () => {
  it.each([
    ['ngày 28 tháng 3 năm 2022', '2022-3-28'],
    ['ngày 28/3/2022', '2022-3-28'],
    ['28-3-2022', '2022-3-28'],
    ['2-12-2020', '2020-12-2'],
    ['28.3.2022', '2022-3-28'],
    ['NGÀY 05 THÁNG 01 NĂM 2024', '2024-1-5'],
    ['ngay 28/3/2022', '2022-3-28'],
  ])('%s', (text, first) => {
    expect(only(text).first).toBe(first);
  });

  it('covers the whole phrase, "ngày" included', () => {
    const text = 'Họp vào ngày 28 tháng 3 năm 2022 tại trụ sở';
    expect(only(text).written).toBe('ngày 28 tháng 3 năm 2022');
  });
});

describe('findDates: day and month without a year', () => {
  it.each([
    ['6/10', '?-10-6'],
    ['ngày 6/10', '?-10-6'],
    ['25.9', '?-9-25'],
    ['17/8', '?-8-17'],
  ])('%s', (text, first) => {
    expect(only(text).first).toBe(first);
  });

  it('reads the part of the day and marks the mention as introduced', () => {
    const morning = only('Sáng ngày 6/10, Ban Thường vụ họp');
    expect(morning.mention.partOfDay).toBe('sáng');
    expect(morning.mention.cued).toBe(true);
    expect(morning.written).toBe('Sáng ngày 6/10');
    const afternoon = only('chiều 17-8 đoàn công tác làm việc');
    expect(afternoon).toMatchObject({ first: '?-8-17', written: 'chiều 17-8' });
    expect(afternoon.mention.partOfDay).toBe('chiều');
    expect(only('6/10').mention.cued).toBe(false);
  });

  it('does not read "sang" (to move) or "tới" (until) as a part of the day in text with diacritics', () => {
    expect(only('Lịch họp được chuyển sang 6/10 do mưa bão').mention.partOfDay).toBeNull();
    expect(only('kéo dài tới 17/8 mới xong').mention.partOfDay).toBeNull();
    expect(only('hop sang 6/10').mention.partOfDay).toBe('sáng');
  });

  it('keeps the words before a date so callers can tell deadlines', () => {
    expect(only('hoàn thành trước ngày 30/11').mention.before).toMatch(/truoc$/);
    expect(only('chính thức là thành phố từ ngày 1/11/2021').mention.before).toMatch(/tu$/);
  });
});

describe('findDates: several days', () => {
  it.each([
    ['ngày 2, 3 và 4-12', '?-12-2', '?-12-4'],
    ['Trong 3 ngày 7, 8 và 9-12, kỳ họp diễn ra', '?-12-7', '?-12-9'],
    ['từ ngày 7 đến ngày 9/12/2021', '2021-12-7', '2021-12-9'],
    ['ngày 7-9/12', '?-12-7', '?-12-9'],
    ['từ ngày 30/11 đến ngày 2/12/2021', '2021-11-30', '2021-12-2'],
    ['từ ngày 29/12 đến ngày 2/1/2022', '2021-12-29', '2022-1-2'],
    ['ngày 7 và 8 tháng 12 năm 2022', '2022-12-7', '2022-12-8'],
  ])('%s', (text, first, last) => {
    const date = only(text);
    expect(date.first).toBe(first);
    expect(date.last).toBe(last);
  });

  it('rejects a list that is not in order', () => {
    expect(findDates('ngày 9, 8 và 7-12').every((d) => d.last === null)).toBe(true);
  });
});

describe('findDates: published datelines', () => {
  it.each([
    ['13/10/2021 08:29 Số lượt xem: 98', '2021-10-13', '08:29'],
    ['Cập nhật lúc 09:30 ngày 21/04/2022', '2022-4-21', '09:30'],
    ['Thứ Hai, 14/03/2022 | 16:05', '2022-3-14', '16:05'],
    ['Ngày đăng: 6-6-2022', '2022-6-6', null],
    ['2022-04-21T09:30:00+07:00', '2022-4-21', '09:30'],
  ])('%s', (text, first, time) => {
    const date = only(text);
    expect(date.first).toBe(first.replace(/-0(\d)/g, '-$1'));
    expect(date.mention.time).toBe(time);
  });

  it('states an ISO instant in Vietnam time', () => {
    expect(only('2022-04-21T20:30:00Z')).toMatchObject({ first: '2022-4-22' });
    expect(only('2022-04-21T20:30:00Z').mention.time).toBe('03:30');
  });

  it('keeps "cập nhật" and "ngày đăng" visible before the date', () => {
    expect(only('Cập nhật lúc 09:30 ngày 21/04/2022').mention.before).toBe('cap nhat');
    expect(only('Ngày đăng: 6-6-2022').mention.before).toBe('ngay dang');
  });

  it('does not reach across lines for a time or a cue', () => {
    const text = '03/12/2021 09:05\n\nSáng ngày 1/12, họp';
    const [dateline, meeting] = findDates(text);
    expect(dateline?.time).toBe('09:05');
    expect(meeting?.time).toBeNull();
    expect(text.slice(meeting?.start, meeting?.end)).toBe('Sáng ngày 1/12');
  });
});

describe('findDates: English', () => {
  it.each([
    ['on 6 October 2021', '2021-10-6'],
    ['September 6, 2021', '2021-9-6'],
  ])('%s', (text, first) => {
    expect(only(text).first).toBe(first);
  });
});

describe('findDates: numbers that are not dates', () => {
  it.each([
    'ước đạt 71.125 tỷ đồng',
    'đạt 68,4% kế hoạch',
    'Nghị quyết số 18; 19',
    'nhiệm kỳ 2021-2026',
    'trên 3241 tỷ đồng',
    'theo Nghị định 30/2020/NĐ-CP',
    'Thông báo số 123-TB/TU',
    'Kế hoạch 45/KH-UBND',
    'đạt 9/12 tiêu chí',
    'tăng 3.5 lần',
    'ngày 31/9',
    'ngày 30/2/2022',
    'ngày 12/13',
    'ngày 5/6/1885',
    'đội thắng 3 trận',
  ])('%s', (text) => {
    expect(findDates(text)).toEqual([]);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(findDates('ngày 29/2/2024')).toHaveLength(1);
    expect(findDates('ngày 29/2/2023')).toHaveLength(0);
    expect(findDates('ngày 29/2')).toHaveLength(1);
  });
});

describe('parseDate', () => {
  it('returns the first date with a year as YYYY-MM-DD', () => {
    expect(parseDate('2021-10-13')).toBe('2021-10-13');
    expect(parseDate('Thứ Hai, 14/03/2022 | 16:05')).toBe('2022-03-14');
    expect(parseDate('sáng 6/10, rồi ngày 7 tháng 10 năm 2021')).toBe('2021-10-07');
    expect(parseDate('sáng 6/10')).toBeNull();
    expect(parseDate('không rõ')).toBeNull();
  });
});

describe('findPeriods', () => {
  const periods = (text: string) =>
    findPeriods(text).map(({ start, end, ...p }) => ({ ...p, text: text.slice(start, end) }));

  it.each([
    ['tháng 9 năm 2021', 9, 2021],
    ['tháng 9/2021', 9, 2021],
    ['tháng 10-2015', 10, 2015],
    ['tháng 9 2022', 9, 2022],
    ['tháng 09-2022', 9, 2022],
    ['t9 2022', 9, 2022],
    ['tháng 9', 9, null],
    ['September 2021', 9, 2021],
    ['Sept', 9, null],
    ['t9', 9, null],
    ['t9/2021', 9, 2021],
    ['thang 9', 9, null],
    ['May 2022', 5, 2022],
  ])('month: %s', (text, month, year) => {
    expect(periods(text)).toEqual([{ kind: 'month', month, year, text }]);
  });

  it.each([
    ['quý III', 3, null],
    ['quý 3 năm 2022', 3, 2022],
    ['quý IV/2022', 4, 2022],
    ['Q3 2022', 3, 2022],
    ['quy 2', 2, null],
  ])('quarter: %s', (text, quarter, year) => {
    expect(periods(text)).toEqual([{ kind: 'quarter', quarter, year, text }]);
  });

  it('reads a bare number after a month as its year only when it is one', () => {
    expect(periods('tháng 12 2024 họp')).toEqual([{ kind: 'month', month: 12, year: 2024, text: 'tháng 12 2024' }]);
    expect(periods('tháng 9 1500 hộ được hỗ trợ')).toEqual([{ kind: 'month', month: 9, year: null, text: 'tháng 9' }]);
  });

  it('reads "9 tháng đầu năm" as the first nine months, never as September', () => {
    expect(periods('kết quả 9 tháng đầu năm')).toEqual([
      { kind: 'months', side: 'start', count: 9, year: null, text: '9 tháng đầu năm' },
    ]);
    expect(periods('6 tháng đầu năm 2022')[0]).toMatchObject({ kind: 'months', count: 6, year: 2022 });
    expect(periods('Sáu tháng đầu năm')[0]).toMatchObject({ kind: 'months', count: 6 });
    expect(periods('3 tháng cuối năm 2021')[0]).toMatchObject({ kind: 'months', side: 'end', count: 3, year: 2021 });
  });

  it('reads parts of the year and years', () => {
    expect(periods('từ đầu năm')[0]).toMatchObject({ kind: 'partOfYear', side: 'start', year: null });
    expect(periods('những tháng cuối năm 2021')[0]).toMatchObject({ kind: 'partOfYear', side: 'end', year: 2021 });
    expect(periods('in 2022')).toEqual([{ kind: 'year', year: 2022, text: 'in 2022' }]);
    expect(periods('kế hoạch năm 2022')[0]).toMatchObject({ kind: 'year', year: 2022 });
  });

  it('leaves out the month of a day date, look-alike words and terms', () => {
    expect(periods('ngày 25 tháng 01 năm 2024')).toEqual([]);
    expect(periods('máy may')).toEqual([]);
    expect(periods('đội thắng 3 trận')).toEqual([]);
    expect(periods('nhiệm kỳ 2021-2026')).toEqual([]);
    expect(periods('quý vị đại biểu')).toEqual([]);
  });
});

describe('parseMonth', () => {
  it('parses one month phrase and rejects impossible months', () => {
    expect(parseMonth('2021-09')).toBe('2021-09');
    expect(parseMonth('09/2021')).toBe('2021-09');
    expect(parseMonth('tháng 9 năm 2021')).toBe('2021-09');
    expect(parseMonth('September 2021')).toBe('2021-09');
    expect(parseMonth('2021-13')).toBeNull();
    expect(parseMonth('tháng 9')).toBeNull();
  });
});

describe('inferYear', () => {
  it('takes the year that keeps a meeting on or before its published date', () => {
    expect(inferYear(10, 6, { notAfter: '2021-10-13' })).toBe(2021);
    expect(inferYear(12, 20, { notAfter: '2021-10-13' })).toBe(2020);
  });

  it('crosses the year boundary: a December session met in January', () => {
    expect(inferYear(1, 5, { notBefore: '2021-12' })).toBe(2022);
    expect(inferYear(1, 5, { notBefore: '2021-12', notAfter: '2022-01-10' })).toBe(2022);
    expect(resolveDay({ year: null, month: 1, day: 5 }, { notBefore: '2021-12', years: [2021] })).toBe('2022-01-05');
  });

  it('dates a session month on or before its meeting', () => {
    expect(inferYear(12, null, { notAfter: '2022-01-05' })).toBe(2021);
    expect(inferYear(9, null, { notAfter: '2021-10-06' })).toBe(2021);
  });

  it('falls back to the years the document states, and to null', () => {
    expect(inferYear(10, 6, { years: [2021, 2020] })).toBe(2021);
    expect(inferYear(2, 29, { years: [2021, 2024] })).toBe(2024);
    expect(inferYear(10, 6, {})).toBeNull();
  });
});

describe('number words and Roman numerals', () => {
  it('reads Vietnamese numbers written in words', () => {
    const read = (s: string) => readNumberWords(s.split(' '))?.value ?? null;
    expect(read('chin')).toBe(9);
    expect(read('muoi')).toBe(10);
    expect(read('muoi lam')).toBe(15);
    expect(read('hai muoi')).toBe(20);
    expect(read('hai muoi mot')).toBe(21);
    expect(read('hai muoi tu')).toBe(24);
    expect(read('nam nam')).toBe(5);
    expect(read('nhieu')).toBeNull();
  });

  it('reads well-formed Roman numerals only', () => {
    expect(parseRoman('IV')).toBe(4);
    expect(parseRoman('XX')).toBe(20);
    expect(parseRoman('XIII')).toBe(13);
    expect(parseRoman('IIII')).toBeNull();
    expect(parseRoman('ABC')).toBeNull();
  });
});
