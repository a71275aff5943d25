import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS,
  expandAbbreviations,
  expandAbbreviationsInText,
  lookupAbbreviation,
} from '../src/text/abbreviations.ts';
import { canonicalizeTones, foldText, foldedTerms } from '../src/text/index.ts';

const folded = (phrase: string) => foldedTerms(phrase).join(' ');

/** The tokens a lexical matcher sees for a text, with or without its expansions. */
function matchTokens(text: string, expand: boolean): Set<string> {
  const phrases = [...foldedTerms(text), ...(expand ? expandAbbreviationsInText(text) : [])];
  return new Set(phrases.flatMap((phrase) => phrase.split(' ')));
}

const meet = (a: Set<string>, b: Set<string>) => [...a].some((token) => b.has(token));

describe('the abbreviation dictionary', () => {
  it('has its 105 entries with distinct short forms', () => {
    expect(ABBREVIATIONS.length).toBe(105);
    const shorts = ABBREVIATIONS.map((entry) => entry.short);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('tells apart short forms that differ only in diacritics', () => {
    expect(lookupAbbreviation('HD')?.long).toEqual(['hướng dẫn']);
    expect(lookupAbbreviation('hđ')?.long).toEqual(['hợp đồng', 'hội đồng']);
    expect(expandAbbreviationsInText('Số 05/HD-UBND')).toEqual(['huong dan', 'uy ban nhan dan']);
    expect(expandAbbreviationsInText('Số 05/HĐ-UBND')).toEqual(['hop dong', 'hoi dong', 'uy ban nhan dan']);
  });

  it('covers the abbreviations of council and Party writing', () => {
    const required = [
      'BTV',
      'TUV',
      'TU',
      'HĐND',
      'UBND',
      'MTTQ',
      'BCH',
      'TX',
      'TP',
      'KNTC',
      'TTXD',
      'ANCT',
      'TTATXH',
      'ATGT',
      'CN-TTCN',
      'KT-XH',
      'CCHC',
      'GPMB',
      'QSDĐ',
      'CNH-HĐH',
      'UBMTTQ',
      'HĐ',
      'NQ',
      'QĐ',
      'TB',
      'KH',
      'BC',
      'TTr',
      'CV',
      'ĐBQH',
      'THCS',
      'THPT',
      'BHYT',
      'BHXH',
      'VSATTP',
      'PCCC',
      'NTM',
      'TDP',
      'CA',
      'QS',
      'BCHQS',
      'ĐU',
      'UBKT',
      'CCB',
      'HND',
      'LHPN',
      'ĐTN',
      'ĐTNCS',
      'KCN',
      'CCN',
    ];
    for (const short of required) expect(lookupAbbreviation(short)?.short, short).toBe(short);
  });

  it('writes every long form in lower-case NFC Vietnamese with canonical tone placement', () => {
    for (const { short, long } of ABBREVIATIONS) {
      expect(long.length, short).toBeGreaterThan(0);
      for (const form of long) {
        expect(form, short).toBe(canonicalizeTones(form).normalize('NFC'));
        expect(form, short).toBe(form.toLowerCase());
        expect(foldedTerms(form).length, form).toBeGreaterThan(1);
      }
    }
    expect(lookupAbbreviation('KNTC')?.long).toEqual(['khiếu nại, tố cáo']);
    expect(lookupAbbreviation('TU')?.long).toEqual(expect.arrayContaining(['tỉnh ủy', 'thành ủy', 'thị ủy']));
    expect(lookupAbbreviation('TUV')?.long).toEqual(
      expect.arrayContaining(['tỉnh ủy viên', 'thành ủy viên', 'thị ủy viên']),
    );
  });

  it('expands every short form, as written, to all its folded long forms', () => {
    for (const { short, long } of ABBREVIATIONS) {
      const expansions = expandAbbreviationsInText(`theo ${short} số 5`);
      for (const form of long) {
        expect(expansions, short).toContain(folded(form));
        expect(folded(form), form).toMatch(/^[a-z]+(?: [a-z]+)+$/);
      }
    }
    expect(expandAbbreviationsInText('CNH-HĐH')).toEqual(['cong nghiep hoa hien dai hoa']);
    expect(expandAbbreviationsInText('QSDĐ')).toEqual(['quyen su dung dat']);
  });
});

describe('expanding short forms to long forms', () => {
  it('adds the long forms of abbreviations in a passage', () => {
    expect(expandAbbreviationsInText('giải quyết KNTC')).toEqual(['khieu nai to cao']);
    expect(expandAbbreviationsInText('Tình hình ANCT, TTATXH được giữ vững')).toEqual([
      'an ninh chinh tri',
      'trat tu an toan xa hoi',
    ]);
    expect(expandAbbreviationsInText('Giá trị sản xuất CN-TTCN ước đạt 71.125 tỷ đồng')).toContain(
      'cong nghiep tieu thu cong nghiep',
    );
  });

  it('reads hyphenated forms written with a space or run together', () => {
    for (const spelling of ['CN-TTCN', 'CN TTCN', 'CNTTCN', 'cn-ttcn', 'cnttcn']) {
      expect(expandAbbreviationsInText(`giá trị ${spelling}`), spelling).toContain('cong nghiep tieu thu cong nghiep');
    }
    expect(expandAbbreviations('phat trien kt-xh')).toEqual(['kinh te xa hoi']);
    expect(expandAbbreviations('phat trien ktxh')).toEqual(['kinh te xa hoi']);
  });

  it('lists every meaning of an ambiguous abbreviation', () => {
    expect(expandAbbreviationsInText('BTV TU')).toEqual(['ban thuong vu', 'tinh uy', 'thanh uy', 'thi uy']);
    expect(expandAbbreviationsInText('Lê Xuân Lợi - TUV')).toEqual(['tinh uy vien', 'thanh uy vien', 'thi uy vien']);
  });

  it('expands the parts of document numbers', () => {
    expect(expandAbbreviationsInText('Số 18-TB/TU')).toEqual(['thong bao', 'tinh uy', 'thanh uy', 'thi uy']);
    expect(expandAbbreviationsInText('Số 94/KH-UBND')).toEqual(['ke hoach', 'uy ban nhan dan']);
    expect(expandAbbreviations('so 94/kh-ubnd')).toEqual(['uy ban nhan dan']);
  });
});

describe('expanding long forms to short forms', () => {
  it('adds the short form of a long form written as a whole phrase', () => {
    expect(expandAbbreviations(foldText('giải quyết khiếu nại, tố cáo'))).toEqual(['kntc']);
    expect(expandAbbreviationsInText('khieu nai to cao')).toEqual(['kntc']);
    expect(expandAbbreviationsInText('Ủy ban nhân dân thị xã')).toEqual(['ubnd', 'tx']);
    expect(expandAbbreviationsInText('phát triển kinh tế - xã hội')).toEqual(['kt-xh']);
  });

  it('matches only whole tokens within one clause', () => {
    expect(expandAbbreviations('khieu nai to caon')).toEqual([]);
    expect(expandAbbreviations('thi xan')).toEqual([]);
    expect(expandAbbreviationsInText('chủ trì phiên họp. Đồng chí Bí thư')).toEqual(['bt']);
    expect(expandAbbreviations('phien hop; dong thoi')).toEqual([]);
    expect(expandAbbreviations('thi\nxa')).toEqual([]);
  });

  it('takes the longest long form at each position', () => {
    expect(expandAbbreviationsInText('Hội đồng nhân dân')).toEqual(['hdnd']);
    expect(expandAbbreviationsInText('Ủy ban Mặt trận Tổ quốc')).toEqual(['ubmttq', 'mttq']);
  });

  it('does not add a short form that is itself a common syllable', () => {
    // "tu" would match every "từ"; "ca" every "cá": the passage side expands "TU" and "CA" instead.
    expect(expandAbbreviationsInText('Ban Thường vụ Thành ủy')).toEqual(['btv']);
    expect(expandAbbreviationsInText('công an thị xã')).toEqual(['tx']);
  });

  it('does not repeat a phrase the text already has, nor any phrase twice', () => {
    expect(expandAbbreviationsInText('KNTC và khiếu nại, tố cáo')).toEqual([]);
    const expansions = expandAbbreviationsInText('UBND TX, UBND thị xã, ủy ban nhân dân');
    expect(new Set(expansions).size).toBe(expansions.length);
  });
});

describe('ambiguous short forms', () => {
  it('count in the original text only when written as abbreviations', () => {
    expect(expandAbbreviationsInText('UBND TX')).toEqual(['uy ban nhan dan', 'thi xa']);
    expect(expandAbbreviationsInText('ubnd tx')).toEqual(['uy ban nhan dan']);
    expect(expandAbbreviationsInText('CA thị xã')).toContain('cong an');
    expect(expandAbbreviationsInText('nuôi cá, ca hát')).toEqual([]);
    expect(expandAbbreviationsInText('từ ngày 1/11/2021, tu sửa')).toEqual([]);
    expect(expandAbbreviationsInText('TỪ SƠN')).toEqual([]);
    expect(expandAbbreviationsInText('ĐU phường')).toEqual(['dang uy']);
    expect(expandAbbreviationsInText('đủ điều kiện')).toEqual([]);
    expect(expandAbbreviationsInText('trình TTr số 12')).toEqual(['to trinh']);
    expect(expandAbbreviationsInText('kh có dc k')).toEqual([]);
  });

  it('are never expanded from folded text, which has lost its capitals', () => {
    expect(expandAbbreviations('ubnd tx')).toEqual(['uy ban nhan dan']);
    expect(expandAbbreviations('tu ngay ca nuoi kh hd bc tb cv qd tp nq')).toEqual([]);
  });

  it('unambiguous forms count in any case, as users type them', () => {
    expect(expandAbbreviationsInText('hdnd hop khi nao')).toEqual(['hoi dong nhan dan']);
    expect(expandAbbreviations('kntc o ttxd')).toEqual(['khieu nai to cao', 'trat tu xay dung']);
  });
});

describe('matching in both directions', () => {
  // Each pair shares no token until one side is expanded.
  const pairs: Array<[string, string]> = [
    ['khieu nai to cao', 'KNTC'],
    ['KNTC', 'khiếu nại, tố cáo'],
    ['an ninh chinh tri', 'ANCT'],
    ['cong nghiep tieu thu cong nghiep', 'CN-TTCN'],
    ['ttxd', 'trật tự xây dựng'],
    ['Hội đồng nhân dân', 'HĐND'],
  ];

  it('meets whichever side the expansion is applied to', () => {
    for (const [question, passage] of pairs) {
      expect(meet(matchTokens(question, false), matchTokens(passage, false)), question).toBe(false);
      expect(meet(matchTokens(question, true), matchTokens(passage, false)), `${question} (question side)`).toBe(true);
      expect(meet(matchTokens(question, false), matchTokens(passage, true)), `${question} (passage side)`).toBe(true);
    }
  });
});

describe('lookupAbbreviation', () => {
  it('ignores case, diacritics and hyphen spelling', () => {
    expect(lookupAbbreviation('hdnd')?.short).toBe('HĐND');
    expect(lookupAbbreviation('Hđnd')?.short).toBe('HĐND');
    expect(lookupAbbreviation('qsdd')?.short).toBe('QSDĐ');
    expect(lookupAbbreviation('kt xh')?.short).toBe('KT-XH');
    expect(lookupAbbreviation('CNTTCN')?.short).toBe('CN-TTCN');
    expect(lookupAbbreviation('ttr')?.short).toBe('TTr');
  });

  it('returns undefined for what is not an abbreviation', () => {
    expect(lookupAbbreviation('phường')).toBeUndefined();
    expect(lookupAbbreviation('')).toBeUndefined();
  });
});
