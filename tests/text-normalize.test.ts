import { describe, expect, it } from 'vitest';
import {
  canonicalizeTones,
  foldText,
  hasVietnameseDiacritics,
  normalizeText,
  removeDiacritics,
} from '../src/text/index.ts';

describe('canonical tone placement', () => {
  it('makes old and new placement compare equal', () => {
    expect(canonicalizeTones('thị uỷ')).toBe(canonicalizeTones('thị ủy'));
    expect(canonicalizeTones('hoà')).toBe(canonicalizeTones('hòa'));
    expect(canonicalizeTones('thuỷ lợi')).toBe(canonicalizeTones('thủy lợi'));
    expect(canonicalizeTones('Uỷ ban nhân dân')).toBe('Ủy ban nhân dân');
    expect(canonicalizeTones('KHOẺ')).toBe('KHỎE');
  });

  it('leaves syllables whose placement is not in dispute as written', () => {
    for (const word of [
      'được',
      'người',
      'ngoài',
      'giờ',
      'gì',
      'giữa',
      'quý',
      'quyền',
      'của',
      'hoàn',
      'thuở',
      'xoáy',
      'khuỷu',
    ]) {
      expect(canonicalizeTones(word)).toBe(word);
    }
  });

  it('does not move accents of words that are not Vietnamese syllables', () => {
    expect(canonicalizeTones('café VietGap')).toBe('café VietGap');
  });

  it('accepts decomposed (NFD) input', () => {
    expect(canonicalizeTones('BTV thị uỷ Từ Sơn'.normalize('NFD'))).toBe('BTV thị ủy Từ Sơn');
  });
});

describe('normalizeText', () => {
  it('turns NBSP, tabs and space runs into single spaces and keeps paragraph breaks', () => {
    expect(normalizeText('Tổng thu\u00a0 ngân sách\t ước đạt\r\n\r\n\r\n\r\nĐồng thời  \n tiếp tục')).toBe(
      'Tổng thu ngân sách ước đạt\n\nĐồng thời\ntiếp tục',
    );
  });

  it('drops zero-width characters and a byte order mark', () => {
    expect(normalizeText('\uFEFFPhiên\u200B họp')).toBe('Phiên họp');
  });
});

describe('foldText', () => {
  it('removes diacritics, maps đ to d and lower-cases', () => {
    expect(foldText('Lê Quang Đạo')).toBe('le quang dao');
    expect(foldText('Phiên họp thường kỳ tháng 9')).toBe('phien hop thuong ky thang 9');
    expect(foldText('CN-TTCN ước đạt 71.125 tỷ đồng')).toBe('cn-ttcn uoc dat 71.125 ty dong');
  });

  it('tells text with diacritics from text typed without them', () => {
    expect(hasVietnameseDiacritics('nong nghiep')).toBe(false);
    expect(hasVietnameseDiacritics('nông nghiệp')).toBe(true);
    expect(hasVietnameseDiacritics('dong chi Dao')).toBe(false);
    expect(hasVietnameseDiacritics('đồng')).toBe(true);
  });
});

describe('removeDiacritics', () => {
  it('strips marks and đ but keeps case and every offset', () => {
    expect(removeDiacritics('Thứ IV, Đảng bộ thành phố')).toBe('Thu IV, Dang bo thanh pho');
    const text = 'BTV Thị uỷ Từ Sơn';
    expect(removeDiacritics(text)).toHaveLength(text.length);
  });

  it('keeps a character that would vanish, so offsets stay valid for decomposed input', () => {
    const decomposed = 'thi\u0323';
    expect(removeDiacritics(decomposed)).toBe('thi\u0323');
  });
});
