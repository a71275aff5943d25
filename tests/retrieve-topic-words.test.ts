import { describe, expect, it } from 'vitest';
import { isVietnameseWord, understandQuestion } from '../src/question/index.ts';

// Places of another province than the sample corpus.
const PLACES = ['Quế Võ', 'Phố Mới'];
const plan = (question: string) => understandQuestion(question, { knownPlaces: PLACES });

describe('the Vietnamese word list', () => {
  it('knows compounds of general Vietnamese and of council writing', () => {
    expect(isVietnameseWord('cầu vượt', false)).toBe(true);
    expect(isVietnameseWord('đường sắt', false)).toBe(true);
    // From the glossary and the abbreviations, which the general list lacks.
    expect(isVietnameseWord('chủ đầu tư', false)).toBe(true);
    expect(isVietnameseWord('hợp tác xã', false)).toBe(true);
  });

  it('compares words as written, in either tone placement, so a folded look-alike is no word', () => {
    expect(isVietnameseWord('hoà giải', false)).toBe(true);
    expect(isVietnameseWord('hòa giải', false)).toBe(true);
    expect(isVietnameseWord('HÒA GIẢI', false)).toBe(true);
    // "để bắt" (in order to catch) folds onto "đề bạt" (to promote).
    expect(isVietnameseWord('để bắt', false)).toBe(false);
    expect(isVietnameseWord('đề bạt', false)).toBe(true);
    expect(isVietnameseWord('de bat', true)).toBe(true);
  });

  it('holds words of two and three syllables only', () => {
    expect(isVietnameseWord('nông', false)).toBe(false);
    expect(isVietnameseWord('sản xuất nông nghiệp', false)).toBe(false);
  });
});

describe('the words a question is about', () => {
  it('groups the topic into words, typed with or without diacritics', () => {
    expect(plan('bao gio thi khoi cong cau vuot duong sat o que vo vay').topicWords).toEqual(
      expect.arrayContaining(['khoi cong', 'cau vuot', 'duong sat']),
    );
    expect(plan('Bao giờ khởi công cầu vượt đường sắt ở Quế Võ?').topicWords).toEqual(
      expect.arrayContaining(['khoi cong', 'cau vuot', 'duong sat']),
    );
  });

  it('does not join syllables into a look-alike word when diacritics tell them apart', () => {
    const words = plan('Phường Phố Mới gắn mấy camera để bắt quả tang đổ trộm phế thải?').topicWords;
    expect(words).not.toContain('de bat');
    expect(words).toEqual(expect.arrayContaining(['bat qua tang', 'phe thai']));
  });

  it('does not join syllables that a period, a body or question words stand between', () => {
    const words = plan('Giao thông tháng 9 năm 2023 có gì mới, giáo dục thì sao?').topicWords;
    expect(words).toEqual(expect.arrayContaining(['giao thong', 'giao duc']));
    expect(words.some((word) => word.split(' ').includes('thong') && word.includes('giao duc'))).toBe(false);
  });

  it('keeps the syllables of an English question as its words: a translation lists alternatives side by side', () => {
    const english = plan('How many people were proposed for the Party executive committee?');
    expect(english.topicWords).toEqual(english.topicTerms);
  });
});
