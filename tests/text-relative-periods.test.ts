import { describe, expect, it } from 'vitest';
import { findRelativePeriods } from '../src/text/index.ts';

const on = (isoDay: string) => new Date(`${isoDay}T12:00:00`);
const periods = (text: string, today = on('2026-11-26')) =>
  findRelativePeriods(text, today).map(({ start: _start, end: _end, ...period }) => period);

describe('periods named from today', () => {
  it('reads this and last year, month and quarter, with or without diacritics, in Vietnamese and English', () => {
    expect(periods('Năm nay HĐND họp mấy lần?')).toEqual([{ kind: 'year', year: 2026 }]);
    expect(periods('nam ngoai thu ngan sach dc bn')).toEqual([{ kind: 'year', year: 2025 }]);
    expect(periods('Tháng này UBND họp chưa?')).toEqual([{ kind: 'month', month: 11, year: 2026 }]);
    expect(periods('thang truoc ubnd hop ngay nao')).toEqual([{ kind: 'month', month: 10, year: 2026 }]);
    expect(periods('Trong tháng vừa qua có gì mới?')).toEqual([{ kind: 'month', month: 10, year: 2026 }]);
    expect(periods('Quý này có bao nhiêu dự án khởi công?')).toEqual([{ kind: 'quarter', quarter: 4, year: 2026 }]);
    expect(periods('What did the council decide last month?')).toEqual([{ kind: 'month', month: 10, year: 2026 }]);
    expect(periods('What happened this year?')).toEqual([{ kind: 'year', year: 2026 }]);
  });

  it('counts back across the turn of the year, and reads a number of months ago', () => {
    expect(periods('tháng trước', on('2022-01-10'))).toEqual([{ kind: 'month', month: 12, year: 2021 }]);
    expect(periods('2 tháng trước phường họp bàn gì', on('2022-01-10'))).toEqual([
      { kind: 'month', month: 11, year: 2021 },
    ]);
    expect(periods('quý trước', on('2022-02-01'))).toEqual([{ kind: 'quarter', quarter: 4, year: 2021 }]);
  });

  it('gives the offsets of the words in the text as written', () => {
    const text = 'Kết luận tháng trước về rác thải';
    const [found] = findRelativePeriods(text, on('2026-11-26'));
    expect(text.slice(found!.start, found!.end)).toBe('tháng trước');
  });

  it('names no period in a comparison a report would make', () => {
    expect(periods('Thu ngân sách tăng bao nhiêu so với năm trước?')).toEqual([]);
    expect(periods('tang bao nhieu so voi cung ky thang truoc')).toEqual([]);
    expect(periods('Revenue was higher than last year?')).toEqual([]);
  });
});
