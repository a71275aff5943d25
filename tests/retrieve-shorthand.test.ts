import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../src/question/shorthand.ts';

describe('normalizeQuestion: chat shorthand', () => {
  it.each([
    ['k biết', 'không biết'],
    ['ko biết', 'không biết'],
    ['kh biết', 'không biết'],
    ['hok biết', 'không biết'],
    ['khum biết', 'không biết'],
    ['thu dc bao nhiêu', 'thu được bao nhiêu'],
    ['thu đc bao nhiêu', 'thu được bao nhiêu'],
    ['thu dk bao nhiêu', 'thu được bao nhiêu'],
    ['thu đk bao nhiêu', 'thu được bao nhiêu'],
    ['thu ngân sách bn', 'thu ngân sách bao nhiêu'],
    ['thu ngân sách bnh', 'thu ngân sách bao nhiêu'],
    ['giải ngân ntn', 'giải ngân như thế nào'],
    ['làm việc vs doanh nghiệp', 'làm việc với doanh nghiệp'],
    ['kết luận j', 'kết luận gì'],
    ['ket luan gi', 'ket luan gì'],
    ['ng dân', 'người dân'],
    ['mn cần biết', 'mọi người cần biết'],
    ['trc kỳ họp', 'trước kỳ họp'],
    ['họp r', 'họp rồi'],
    ['nxet của BTV', 'nhận xét của BTV'],
    ['bc tình hình', 'báo cáo tình hình'],
    ['t9', 'tháng 9'],
    ['t12 họp', 'tháng 12 họp'],
    ['t9/2021', 'tháng 9/2021'],
    ['t9 2021', 'tháng 9 năm 2021'],
    ['q3', 'quý 3'],
    ['Q3 2022', 'quý 3 năm 2022'],
    ['q4/2022', 'quý 4/2022'],
    ['kết luận gì v', 'kết luận gì vậy'],
    ['kết luận gì z?', 'kết luận gì vậy?'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeQuestion(raw)).toBe(expected);
  });

  it('expands whole tokens only, and only real months and quarters', () => {
    expect(normalizeQuestion('kinh tế')).toBe('kinh tế');
    expect(normalizeQuestion('t13 q5')).toBe('t13 q5');
    expect(normalizeQuestion('9 tháng đầu năm')).toBe('9 tháng đầu năm');
    expect(normalizeQuestion('v trong câu')).toBe('v trong câu');
  });

  it('keeps official abbreviations written in capitals, and document types before a number', () => {
    expect(normalizeQuestion('BC thu ngân sách')).toBe('BC thu ngân sách');
    expect(normalizeQuestion('KH số 94')).toBe('KH số 94');
    expect(normalizeQuestion('kh 94 triển khai ntn')).toBe('kh 94 triển khai như thế nào');
  });

  it('normalises Unicode and spaces first', () => {
    expect(normalizeQuestion('  thu\u00A0ngân   sách ko ')).toBe('thu ngân sách không');
    expect(normalizeQuestion('ủy ban'.normalize('NFD'))).toBe('ủy ban');
    expect(normalizeQuestion('')).toBe('');
  });
});

describe('normalizeQuestion: greetings and filler', () => {
  it.each([
    ['chào bot, cho mình hỏi kết luận phiên họp tháng 12 với ạ', 'kết luận phiên họp tháng 12'],
    ['chao bot cho minh hoi ket luan phien hop thang 12', 'ket luan phien hop thang 12'],
    ['Ad ơi, thu ngân sách quý 3 thế nào nhé', 'thu ngân sách quý 3 thế nào'],
    ['bạn ơi cho em hỏi giải ngân vốn đầu tư công ạ?', 'giải ngân vốn đầu tư công?'],
    ['xin chào, tôi muốn hỏi về trật tự xây dựng', 'về trật tự xây dựng'],
    ['hi, kết quả tuyển sinh lớp 10 ra sao vậy ạ', 'kết quả tuyển sinh lớp 10 ra sao vậy'],
    ['hello, can you tell me what the council decided?', 'what the council decided?'],
    ['please tell me about waste collection, thanks', 'about waste collection'],
    ['mn ơi btv kết luận gì z', 'btv kết luận gì vậy'],
    ['còn về giáo dục thì sao?', 'về giáo dục thì sao?'],
    ['Thế còn y tế?', 'y tế?'],
    ['and what about education?', 'education?'],
    ['How about the budget?', 'the budget?'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeQuestion(raw)).toBe(expected);
  });

  it('never removes content words that fold like filler', () => {
    expect(normalizeQuestion('hỗ trợ xây nhà')).toBe('hỗ trợ xây nhà');
    expect(normalizeQuestion('kết luận của hội nghị')).toBe('kết luận của hội nghị');
    expect(normalizeQuestion('cho minh hoi ve xay nha')).toBe('xay nha');
    expect(normalizeQuestion('Bạn đọc hỏi về chợ')).toBe('Bạn đọc hỏi về chợ');
    expect(normalizeQuestion('kết luận của ủy ban')).toBe('kết luận của ủy ban');
    expect(normalizeQuestion('ket luan cua uy ban')).toBe('ket luan cua uy ban');
    expect(normalizeQuestion('kết luận gì nha')).toBe('kết luận gì');
    // A follow-up's "còn" opens the question; "con" (child) typed with diacritics is content.
    expect(normalizeQuestion('con liệt sĩ được hỗ trợ gì')).toBe('con liệt sĩ được hỗ trợ gì');
  });

  it('keeps a question made only of a greeting', () => {
    expect(normalizeQuestion('hello')).toBe('hello');
  });
});
