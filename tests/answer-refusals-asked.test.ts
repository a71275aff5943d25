import { describe, expect, it } from 'vitest';
import { askedBy, understandQuestion, yearsIn, type Asked } from '../src/question/index.ts';

// Places of another province than the sample corpus: the rules read how questions are written,
// not which places the corpus has.
const PLACES = ['Quế Võ', 'Phương Liễu', 'Phố Mới'];
const asked = (question: string): Asked => askedBy(understandQuestion(question, { knownPlaces: PLACES }));
const kinds = (question: string) => asked(question).asks.map((ask) => ask.kind);

describe('what kind of answer a Vietnamese question asks for', () => {
  it.each([
    ['Giá vé tham quan khu di tích là bao nhiêu?', ['money']],
    ['Dự án đường ĐT.295 có tổng vốn bao nhiêu?', ['money']],
    ['Bồi thường cho mỗi hộ bao nhiêu tiền?', ['money']],
    ['Tỷ lệ hộ nghèo của xã năm 2023 là bao nhiêu?', ['percent']],
    ['Giải ngân vốn đầu tư công được bao nhiêu %?', ['percent']],
    ['Huyện có thêm mấy trường đạt chuẩn?', ['figure']],
    ['Nhà máy nước sạch khi nào hoàn thành?', ['time']],
    ['Phiên họp tháng 5/2023 diễn ra ngày nào, ai chủ trì?', ['day', 'agent']],
    ['Kỳ họp thông qua bao nhiêu nghị quyết, hạn chót ngày nào?', ['figure', 'time', 'day']],
  ])('with diacritics: %s', (question, expected) => {
    expect(kinds(question)).toEqual(expected);
  });

  it.each([
    ['gia ve xe buyt bn tien', ['money']],
    ['ty le tiem vac xin dat bn %', ['percent']],
    ['ty le ho ngheo nam 2023 la bn', ['percent']],
    ['nha may giay o que vo bao gio khoi cong', ['time']],
    ['tet nay tang qua xong truoc ngay may', ['day']],
    ['ky hop do ai chu tri', ['agent']],
    ['que vo co may truong dat chuan', ['figure']],
  ])('typed without diacritics: %s', (question, expected) => {
    expect(kinds(question)).toEqual(expected);
  });

  it('does not read a price out of a syllable typed without diacritics that folds onto other words', () => {
    // "gia" is also "gia đình", "tham gia": only "giá" typed as such asks for a price.
    expect(kinds('bao nhieu gia dinh tham gia bao hiem')).toEqual(['figure']);
  });

  it('keeps what an English "how many" counts, in the reports\' Vietnamese, "people" saying no more than the rest', () => {
    expect(asked('How many classrooms were built in Pho Moi?').asks).toEqual([
      { kind: 'figure', counted: ['phong', 'hoc'] },
    ]);
    expect(asked('How many people died of dengue fever in 2023?').asks).toEqual([
      { kind: 'figure', counted: ['tu', 'vong'] },
    ]);
    expect(asked('How many people were fined?').asks).toEqual([{ kind: 'figure', counted: [] }]);
  });

  it("keeps which kind of organisation an English question asks for, in the reports' Vietnamese", () => {
    expect(asked('Which contractor built the new bridge?').asks).toEqual([{ kind: 'agent', counted: ['nha', 'thau'] }]);
    expect(asked('Who chaired the session?').asks).toEqual([{ kind: 'agent', counted: ['chu', 'tri'] }]);
    expect(asked('Who opened the meeting and who spoke?').asks).toEqual([{ kind: 'agent', counted: [] }]);
  });

  it('keeps the event a "when" question asks about, when it follows the question word', () => {
    expect(asked('Khi nào khởi công cầu vượt Phố Mới?').asks).toEqual([{ kind: 'time', counted: ['khoi', 'cong'] }]);
    expect(asked('bao gio thi hoc sinh di hoc lai').asks).toEqual([{ kind: 'time', counted: ['hoc', 'sinh'] }]);
    expect(asked('Phiên họp diễn ra khi nào?').asks).toEqual([{ kind: 'time', counted: [] }]);
  });

  it('ends what is counted at a preposition that says what it is set against', () => {
    expect(asked('Tổng thu ngân sách đạt bao nhiêu theo phiên họp tháng 9?').asks).toEqual([
      { kind: 'figure', counted: [] },
    ]);
    expect(asked('Có bao nhiêu hộ nghèo so với cùng kỳ?').asks).toEqual([{ kind: 'figure', counted: ['ho', 'ngheo'] }]);
  });

  it('keeps the role or organisation a "who" question asks about', () => {
    // "đầu" folds onto "đâu" (where), a question word: the role is known by what comes before it.
    expect(asked('Ai là chủ đầu tư dự án nhà máy nước?').asks).toEqual([{ kind: 'agent', counted: ['chu'] }]);
    // Whom an election chose ("trúng cử", "được bầu"): the role, and any word for the election.
    expect(asked('ai trung cu chu tich xa').asks).toEqual([
      { kind: 'agent', counted: ['chu', 'tich'], required: ['bau|trung cu|dac cu|bo nhiem'] },
    ]);
    expect(asked('Công ty nào trúng thầu thu gom rác?').asks).toEqual([{ kind: 'agent', counted: ['cong', 'ty'] }]);
    expect(asked('don vi nao thi cong cau Phu Lang').asks).toEqual([{ kind: 'agent', counted: ['don', 'vi'] }]);
    // The verbs that give a role stand between "ai" and the role the answer must name.
    expect(asked('Ai được bầu làm Chủ tịch UBND xã?').asks).toEqual([
      { kind: 'agent', counted: ['chu', 'tich'], required: ['bau|trung cu|dac cu|bo nhiem'] },
    ]);
    expect(asked('ai lam chu toa ky hop').asks).toEqual([{ kind: 'agent', counted: ['chu', 'toa'] }]);
    // Whom an election named: the answer must say the election too.
    expect(asked('HĐND xã đã bầu ai làm Chủ tịch UBND xã?').asks).toEqual([
      { kind: 'agent', counted: ['chu', 'tich'], required: ['bau|trung cu|dac cu|bo nhiem'] },
    ]);
    expect(asked('Ai giữ chức Phó Chủ tịch HĐND?').asks).toEqual([{ kind: 'agent', counted: ['pho', 'chu'] }]);
    // Whom a task was given to: the task is told in the report's own words.
    expect(asked('UBND giao ai thực hiện việc thu hồi đất?').asks).toEqual([{ kind: 'agent', counted: [] }]);
    expect(asked('Thường trực muốn ai vào cuộc?').asks).toEqual([{ kind: 'agent', counted: [] }]);
  });

  it('reads the wards and communes a question names with their unit word', () => {
    expect(asked('Năm 2022 phường Phù Khê thu ngân sách được bao nhiêu?').localities).toEqual(['phu khe']);
    expect(asked('xa tam son co bao nhieu ha dat bo hoang').localities).toEqual(['tam son']);
    expect(asked('Thị trấn Chờ có mấy dự án?').localities).toEqual(['cho']);
    // A town ("thị xã"), "far" ("xa", typed with diacritics) and "which ward" name none.
    expect(asked('HĐND thị xã quyết định đầu tư bao nhiêu?').localities).toEqual([]);
    expect(asked('Ruộng bỏ hoang xa khu dân cư có bao nhiêu ha?').localities).toEqual([]);
    expect(asked('Phường nào có nhiều camera nhất?').localities).toEqual([]);
  });

  it('keeps what a count counts: the measure word and the noun after it', () => {
    expect(asked('Năm 2023 huyện có bao nhiêu ca sốt xuất huyết?').asks).toEqual([
      { kind: 'figure', counted: ['ca', 'sot'] },
    ]);
    expect(asked('que vo co bn don thu khieu nai').asks).toEqual([{ kind: 'figure', counted: ['don', 'thu'] }]);
    expect(asked('Tỷ lệ hộ nghèo là bao nhiêu?').asks[0]!.counted).toEqual([]);
  });
});

describe('what kind of answer an English question asks for', () => {
  it.each([
    ['How much did the new bridge cost?', ['money']],
    ['What was the total investment of the school project?', ['money']],
    ['What share of households are poor?', ['percent']],
    ['What was the full vaccination rate?', ['percent']],
    ['How many classrooms were built in Pho Moi?', ['figure']],
    ['When will the water plant be finished?', ['time']],
    ['By what date must the plots be measured?', ['day']],
    ['Who chaired the Que Vo council session?', ['agent']],
    ['Which company won the tender?', ['agent']],
  ])('%s', (question, expected) => {
    expect(kinds(question)).toEqual(expected);
  });

  it('does not take a target for a sum because investment is its topic', () => {
    expect(kinds('What public investment disbursement target did the committee set?')).toEqual([]);
  });
});

describe('years, names and numbered documents a question names', () => {
  it('names the years it is about, but not one a session month already filters on', () => {
    expect(asked('Năm 2024 huyện Quế Võ giao dự toán thu ngân sách bao nhiêu?').years).toEqual([2024]);
    expect(asked('Phiên họp tháng 5/2023 kết luận gì về môi trường?').years).toEqual([]);
    expect(asked('Năm học 2022-2023 có bao nhiêu học sinh vào lớp 1?').years).toEqual([2022, 2023]);
  });

  it('reads years written in dates and ranges, not in figures', () => {
    expect(yearsIn('hoàn thành trước ngày 05/02/2024, giai đoạn 2021-2025')).toEqual([2024, 2021, 2025]);
    expect(yearsIn('thu ngân sách đạt 2.105 tỷ đồng, bằng 2020,5 lần')).toEqual([]);
  });

  it('finds proper names by their last two capitalised syllables, skipping institutions and the opening capital', () => {
    expect(asked('Cụm công nghiệp Đồng Quang lấp đầy bao nhiêu?').names).toEqual(['dong quang']);
    expect(asked('Dịp Tết Giáp Thìn thành phố tặng bao nhiêu suất quà?').names).toEqual(['giap thin']);
    expect(asked('Ai là chủ tịch phường Phương Liễu?').names).toEqual(['phuong lieu']);
    expect(asked('Các ủy viên Ban Thường vụ góp ý gì?').names).toEqual([]);
    expect(asked('Phường quản lý trật tự xây dựng ra sao?').names).toEqual([]);
  });

  it('finds names in English questions, not English words written with capitals', () => {
    expect(asked('What is the total investment of the Trang Ha drainage project?').names).toEqual(['trang ha']);
    expect(asked('What did the Party Standing Committee decide?').names).toEqual([]);
  });

  it('names nothing in a question typed without capitals', () => {
    expect(asked('cum cong nghiep dong quang lap day bn').names).toEqual([]);
  });

  it('reads numbered documents in full, abbreviated or unaccented, but not a plan for a year', () => {
    expect(asked('Nghị quyết số 25 của Huyện ủy nói về gì?').documents).toEqual([
      { type: ['nghi quyet', 'nq'], number: '25' },
    ]);
    expect(asked('kh 94 cua ubnd huyen ve cai gi').documents).toEqual([{ type: ['ke hoach', 'kh'], number: '94' }]);
    expect(asked('Kế hoạch 2024 của phường có gì mới?').documents).toEqual([]);
  });
});
