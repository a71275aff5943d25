import { describe, expect, it } from 'vitest';
import type { SectionLabel } from '../src/store/index.ts';
import { understandQuestion, type QuestionLanguage } from '../src/question/index.ts';

const KNOWN_PLACES = ['Từ Sơn', 'Đông Ngàn', 'Tiên Du'];

interface Expected {
  language: QuestionLanguage;
  months?: string[];
  year?: number | null;
  organ?: string | null;
  name?: string | null;
  number?: number | null;
  kind?: string | null;
  sections?: SectionLabel[];
  topic?: string[];
}

// Fields left out must be empty: no period, no body, no session, no section.
const QUESTIONS: ReadonlyArray<[string, Expected]> = [
  [
    'phien hop thang 9 ket luan gi ve nong nghiep',
    { language: 'vi-plain', months: ['*-09'], sections: ['conclusion'], topic: ['nong', 'nghiep'] },
  ],
  [
    'BTV thị ủy họp tháng 9/2021 kết luận gì về KNTC?',
    { language: 'vi', months: ['2021-09'], organ: 'Thị ủy', sections: ['conclusion'], topic: ['kntc'] },
  ],
  [
    'ky hop thu tu hdnd tp tu son thong qua nghi quyet gi',
    { language: 'vi-plain', organ: 'HĐND', name: 'HĐND thành phố Từ Sơn', number: 4, sections: ['decisions'] },
  ],
  [
    "What did the people's council decide at its 4th session?",
    { language: 'en', organ: 'HĐND', number: 4, sections: ['decisions'] },
  ],
  [
    'quý III năm 2022 UBND thành phố chỉ đạo gì về môi trường',
    {
      language: 'vi',
      months: ['2022-07', '2022-08', '2022-09'],
      organ: 'UBND',
      sections: ['conclusion'],
      topic: ['moi', 'truong'],
    },
  ],
  ['t9 thu ngan sach dc bn', { language: 'vi-plain', months: ['*-09'], topic: ['thu', 'ngan', 'sach'] }],
  ['tình hình 9 tháng đầu năm 2021', { language: 'vi', year: 2021, sections: ['assessment'] }],
  [
    'chào bot, cho mình hỏi kết luận phiên họp tháng 12 với ạ',
    { language: 'vi', months: ['*-12'], sections: ['conclusion'], topic: [] },
  ],
  [
    'What did the September session conclude about agriculture?',
    { language: 'en', months: ['*-09'], sections: ['conclusion'], topic: ['nong', 'nghiep'] },
  ],
  [
    'tháng 9 năm 2021 thu ngân sách đạt bao nhiêu',
    { language: 'vi', months: ['2021-09'], topic: ['thu', 'ngan', 'sach', 'dat'] },
  ],
  ['thang 9 nam 2021 thu ngan sach', { language: 'vi-plain', months: ['2021-09'] }],
  ['thu ngân sách 9/2021', { language: 'vi', months: ['2021-09'] }],
  ['kết luận phiên họp tháng 9, năm 2021', { language: 'vi', months: ['2021-09'], sections: ['conclusion'] }],
  [
    'quy 3 nam 2022 ubnd chi dao gi',
    { language: 'vi-plain', months: ['2022-07', '2022-08', '2022-09'], organ: 'UBND', sections: ['conclusion'] },
  ],
  [
    'q3 2022 ubnd chi dao gi',
    { language: 'vi-plain', months: ['2022-07', '2022-08', '2022-09'], organ: 'UBND', sections: ['conclusion'] },
  ],
  // A year that qualifies what is asked ("kế hoạch năm 2022", "dự toán năm 2024") is its subject,
  // often decided at the session of the year before: no session filter.
  [
    'kế hoạch năm 2022 của UBND phường Đông Ngàn',
    { language: 'vi', year: null, organ: 'UBND', name: 'UBND phường Đông Ngàn' },
  ],
  ['HĐND thành phố chốt dự toán thu ngân sách năm 2024 là bao nhiêu', { language: 'vi', year: null, organ: 'HĐND' }],
  ['Huyện phấn đấu tăng trưởng kinh tế năm 2016 ở mức bao nhiêu?', { language: 'vi', year: null }],
  // "đầu năm"/"cuối năm" is the time a report talks about, not a session month: only a named year filters.
  ['đầu năm 2022 thành ủy họp bàn gì', { language: 'vi', months: [], year: 2022, organ: 'Thành ủy' }],
  ['cuoi nam hdnd hop chua', { language: 'vi-plain', organ: 'HĐND' }],
  ['từ đầu năm đến nay giải ngân được bao nhiêu', { language: 'vi', topic: ['dau', 'nam', 'giai', 'ngan'] }],
  [
    '6 tháng đầu năm tiêm vắc xin thế nào',
    { language: 'vi', topic: ['6', 'thang', 'dau', 'nam', 'tiem', 'vac', 'xin'] },
  ],
  [
    'kỳ họp thứ tư HĐND thành phố Từ Sơn thông qua mấy nghị quyết',
    { language: 'vi', organ: 'HĐND', name: 'HĐND thành phố Từ Sơn', number: 4, sections: ['decisions'] },
  ],
  [
    'kỳ họp chuyên đề của HĐND thị xã Từ Sơn năm 2021',
    { language: 'vi', year: 2021, organ: 'HĐND', name: 'HĐND thị xã Từ Sơn', kind: 'chuyên đề' },
  ],
  [
    'phiên họp thường kỳ tháng 3 năm 2022 của UBND thành phố Từ Sơn',
    { language: 'vi', months: ['2022-03'], organ: 'UBND', name: 'UBND thành phố Từ Sơn', kind: 'thường kỳ', topic: [] },
  ],
  [
    'thi uy ket luan gi ve giai phong mat bang',
    { language: 'vi-plain', organ: 'Thị ủy', sections: ['conclusion'], topic: ['giai', 'phong', 'mat', 'bang'] },
  ],
  [
    'btv huyen uy tien du hop thang 9',
    { language: 'vi-plain', months: ['*-09'], organ: 'Huyện ủy', name: 'BTV Huyện ủy Tiên Du' },
  ],
  [
    'ý kiến đề xuất của các đại biểu về ô nhiễm làng nghề',
    { language: 'vi', sections: ['opinions'], topic: ['dai', 'bieu', 'o', 'nhiem', 'lang', 'nghe'] },
  ],
  ['ad ơi cho em hỏi thu ngân sách t9/2021 đạt bn % kế hoạch ạ', { language: 'vi', months: ['2021-09'] }],
  [
    'hdnd hop bat thuong khi nao',
    { language: 'vi-plain', organ: 'HĐND', kind: 'bất thường', sections: ['opening'], topic: [] },
  ],
  ['kết luận phiên hop thang 9', { language: 'vi', months: ['*-09'], sections: ['conclusion'] }],
  ['phiên họp tháng 12 2024 kết luận gì', { language: 'vi', months: ['2024-12'], sections: ['conclusion'] }],
  ['thg 9/2022 kết luận gì', { language: 'vi', months: ['2022-09'], sections: ['conclusion'] }],
  [
    'What did the town party committee direct in October 2021?',
    { language: 'en', months: ['2021-10'], organ: 'Thị ủy', sections: ['conclusion'], topic: [] },
  ],
  [
    'What did the standing committee of the Tu Son city party committee conclude in Sept 2021?',
    { language: 'en', months: ['2021-09'], organ: 'Thành ủy', name: 'BTV Thành ủy Từ Sơn', sections: ['conclusion'] },
  ],
  [
    "Which resolutions were adopted at the fourth session of the city people's council?",
    { language: 'en', organ: 'HĐND', number: 4, sections: ['decisions'] },
  ],
  [
    'How much budget revenue was collected in the first nine months of 2021?',
    { language: 'en', year: 2021, topic: ['thu', 'ngan', 'sach'] },
  ],
  [
    'Public investment disbursement in Q3 2022',
    { language: 'en', months: ['2022-07', '2022-08', '2022-09'], topic: ['giai', 'ngan', 'von', 'dau', 'tu', 'cong'] },
  ],
  [
    'What were the proposals about waste at the regular meeting in 2022?',
    { language: 'en', year: 2022, kind: 'thường kỳ', sections: ['opinions'], topic: ['rac', 'thai'] },
  ],
  [
    'Which resolutions did HĐND Từ Sơn pass in 2021?',
    { language: 'en', year: 2021, organ: 'HĐND', name: 'HĐND Từ Sơn', sections: ['decisions'] },
  ],
  [
    'What did the third quarter session assess about traffic safety?',
    {
      language: 'en',
      months: ['*-07', '*-08', '*-09'],
      sections: ['assessment'],
      topic: ['an', 'toan', 'giao', 'thong'],
    },
  ],
  [
    'Tell me the results of the extraordinary session in the fourth quarter of 2022',
    { language: 'en', months: ['2022-10', '2022-11', '2022-12'], kind: 'bất thường', sections: ['assessment'] },
  ],
];

describe('understandQuestion: a table of questions', () => {
  it.each(QUESTIONS)('%s', (question, expected) => {
    const plan = understandQuestion(question, { knownPlaces: KNOWN_PLACES });
    expect(plan.text).toBe(question);
    expect(plan.language).toBe(expected.language);
    expect(plan.period?.months ?? []).toEqual(expected.months ?? []);
    expect(plan.period?.year ?? null).toBe(expected.year ?? null);
    expect(plan.body?.organ ?? null).toBe(expected.organ ?? null);
    expect(plan.body?.name ?? null).toBe(expected.name ?? null);
    expect(plan.sessionNumber).toBe(expected.number ?? null);
    expect(plan.sessionKind).toBe(expected.kind ?? null);
    expect(plan.sections).toEqual(expected.sections ?? []);
    if (expected.topic) expect(plan.topicTerms).toEqual(expected.topic);
  });
});

describe('understandQuestion: periods', () => {
  it('never turns "9 tháng đầu năm" into September', () => {
    const plan = understandQuestion('tình hình 9 tháng đầu năm 2021');
    expect(plan.period).toEqual({ months: [], year: 2021, label: '9 tháng đầu năm 2021' });
    expect(plan.topicTerms).toEqual(['9', 'thang', 'dau', 'nam']);
    expect(understandQuestion('kết quả 9 tháng đầu năm').period).toBeNull();
  });

  it('labels periods in the language of the question', () => {
    expect(understandQuestion('thu ngân sách tháng 9/2021').period?.label).toBe('tháng 9/2021');
    expect(understandQuestion('quý III năm 2022 UBND chỉ đạo gì').period?.label).toBe('quý III năm 2022');
    expect(understandQuestion('What happened in September 2021?').period?.label).toBe('September 2021');
    expect(understandQuestion('budget revenue in 2022').period).toEqual({ months: [], year: 2022, label: '2022' });
  });

  it('reads English spans of the year', () => {
    expect(understandQuestion('results of the first half of 2022').period).toMatchObject({ months: [], year: 2022 });
    expect(understandQuestion('What is planned for the end of the year?').period).toBeNull();
  });

  it('does not take a date of what a report says for the session month', () => {
    expect(understandQuestion('Which December 2020 resolution did the plan build on?').period).toBeNull();
    expect(understandQuestion('the May 2021 election').period).toBeNull();
    expect(understandQuestion('What target was set for the end of June 2022?').period).toBeNull();
    expect(understandQuestion('What share of adults had a covid jab by early October 2021?').period).toBeNull();
    expect(understandQuestion('giải ngân đến cuối tháng 6/2022 đạt bao nhiêu').period).toBeNull();
    expect(understandQuestion('What did the September 2021 meeting conclude?').period?.months).toEqual(['2021-09']);
    expect(understandQuestion('phiên họp tháng 9/2021 kết luận gì').period?.months).toEqual(['2021-09']);
  });
});

describe('understandQuestion: periods named from today', () => {
  const today = new Date('2022-04-15T12:00:00');
  it('reads "năm nay", "tháng trước", "last month" against the day given', () => {
    expect(understandQuestion('Năm nay HĐND thành phố họp mấy lần?', { today }).period).toEqual({
      months: [],
      year: 2022,
      label: 'năm 2022',
    });
    expect(understandQuestion('thang truoc ubnd hop ngay nao', { today }).period?.months).toEqual(['2022-03']);
    expect(understandQuestion('What did the committee decide last month?', { today }).period).toMatchObject({
      months: ['2022-03'],
      label: 'March 2022',
    });
    // The words say when, not what about.
    expect(understandQuestion('tháng trước UBND kết luận gì về rác thải', { today }).topicTerms).toEqual([
      'rac',
      'thai',
    ]);
  });

  it('leaves a comparison inside the question alone', () => {
    expect(understandQuestion('thu ngân sách năm 2022 tăng bao nhiêu so với năm trước', { today }).period?.year).toBe(
      2022,
    );
  });
});

describe('understandQuestion: the latest session', () => {
  it.each([
    'Phiên họp gần đây nhất của BTV Thành ủy kết luận gì?',
    'phien hop moi nhat cua ubnd tp tu son ban ve gi',
    'Kỳ họp vừa qua HĐND thông qua mấy nghị quyết?',
    'What did the latest HĐND session decide?',
    'What did the most recent meeting conclude?',
  ])('asks about the newest session: %s', (question) => {
    const plan = understandQuestion(question, { knownPlaces: KNOWN_PLACES });
    expect(plan.latest).toBe(true);
    expect(plan.topicTerms).not.toEqual(expect.arrayContaining(['gan', 'moi', 'vua']));
  });

  it('does not take "tháng vừa qua" (last month) or a plain question for it', () => {
    expect(understandQuestion('Trong tháng vừa qua UBND chỉ đạo gì?').latest).toBeUndefined();
    expect(understandQuestion('Phiên họp tháng 9/2021 kết luận gì?').latest).toBeUndefined();
  });
});

describe('understandQuestion: bodies', () => {
  it('gives the canonical name and its other names when a place is named', () => {
    const plan = understandQuestion('hdnd tp tu son hop khi nao');
    expect(plan.body).toEqual({ name: 'HĐND thành phố Từ Sơn', organ: 'HĐND', aliases: ['HĐND thị xã Từ Sơn'] });
  });

  it('gives only the organ when no place is named', () => {
    expect(understandQuestion('ubnd kết luận gì')?.body).toEqual({ name: null, organ: 'UBND', aliases: [] });
    expect(understandQuestion("What did the people's committee conclude?").body).toEqual({
      name: null,
      organ: 'UBND',
      aliases: [],
    });
  });

  it("reads a standing board named without its committee as any committee's standing board", () => {
    expect(understandQuestion('btv kết luận gì về đất đai').body).toEqual({ name: null, organ: 'BTV', aliases: [] });
    expect(understandQuestion('What did the standing committee conclude?').body).toEqual({
      name: null,
      organ: 'BTV',
      aliases: [],
    });
    expect(understandQuestion('What did the party committee conclude?').body).toBeNull();
  });

  it("names every unit's body when the place is named without its unit", () => {
    const body = understandQuestion('Which resolutions did HĐND Từ Sơn pass?').body;
    expect(body?.name).toBe('HĐND Từ Sơn');
    expect(body?.aliases).toEqual(expect.arrayContaining(['HĐND thành phố Từ Sơn', 'HĐND thị xã Từ Sơn']));
  });

  it('uses known places for names typed in lower case', () => {
    expect(understandQuestion('ubnd phuong dong ngan ket luan gi').body?.name).toBeNull();
    expect(understandQuestion('ubnd phuong dong ngan ket luan gi', { knownPlaces: ['Đông Ngàn'] }).body?.name).toBe(
      'UBND phường Đông Ngàn',
    );
  });
});

describe('understandQuestion: language and search text', () => {
  it('keeps English when Vietnamese names and abbreviations sit inside', () => {
    expect(understandQuestion('What did HĐND Từ Sơn decide?').language).toBe('en');
    expect(understandQuestion('Tu Son budget?').language).toBe('en');
    expect(understandQuestion('ngan sach covid').language).toBe('vi-plain');
    expect(understandQuestion('kntc hdnd ubnd 2021').language).toBe('vi-plain');
  });

  it('searches Vietnamese questions as normalised', () => {
    const plan = understandQuestion('t9 thu ngan sach dc bn');
    expect(plan.normalized).toBe('tháng 9 thu ngan sach được bao nhiêu');
    expect(plan.searchText).toBe(plan.normalized);
  });

  it('searches English questions in the Vietnamese of the glossary, with names and numbers kept', () => {
    const plan = understandQuestion('What did the September session conclude about agriculture?');
    expect(plan.searchText).toContain('nông nghiệp');
    expect(plan.searchText).toContain('kết luận');
    for (const english of ['September', 'session', 'conclude', 'agriculture', 'What'])
      expect(plan.searchText).not.toContain(english);
    const named = understandQuestion('Complaints handled by HĐND Từ Sơn in 2021', { knownPlaces: KNOWN_PLACES });
    expect(named.searchText).toContain('khiếu nại tố cáo');
    expect(named.searchText).toContain('HĐND Từ Sơn 2021');
    expect(understandQuestion("What did the people's council decide at its 4th session?").searchText).toContain(
      'thứ 4',
    );
  });
});

describe('questions for the main points of a meeting', () => {
  it.each([
    'Phiên họp tháng 9/2022 của BTV Thành ủy Từ Sơn bàn về vấn đề gì?',
    'Kỳ họp thứ 10 đã thông qua những nội dung gì?',
    'Hội nghị có nội dung chính gì?',
    'phien hop thang 4 ban ve van de gi',
    'phiên họp gần nhất có gì mới',
    'What was discussed at the latest session?',
    'Summarise the September 2022 meeting',
  ])('reads "%s" as an overview with no topic of its own', (question) => {
    const plan = understandQuestion(question, { knownPlaces: KNOWN_PLACES });
    expect(plan.overview).toBe(true);
    expect(plan.topicWords).toEqual([]);
  });

  it('keeps the subject of a question about one thing discussed', () => {
    const plan = understandQuestion('Phiên họp tháng 9 kết luận gì về nông nghiệp?', { knownPlaces: KNOWN_PLACES });
    expect(plan.overview).toBeUndefined();
    expect(plan.topicWords).toContain('nong nghiep');
  });
});

describe('a Party congress in a question', () => {
  it('is the meeting asked about when the question says which congress', () => {
    const plan = understandQuestion('Đại hội Đảng bộ huyện lần thứ XXI tổ chức ngày nào?');
    expect(plan.sessionKind).toBe('đại hội');
    expect(plan.sessionNumber).toBe(21);
  });

  it('is what the question asks about otherwise, answered from a conference report', () => {
    const plan = understandQuestion('Huyện ủy yêu cầu đại hội Đảng bộ huyện nhiệm kỳ 2020-2025 xong trước khi nào?');
    expect(plan.sessionKind).toBeNull();
    expect(plan.topicWords).toContain('dai hoi');
  });
});

describe('a body named as the office a who-question asks about', () => {
  it('ranks reports instead of filtering them, in English as in Vietnamese', () => {
    const english = understandQuestion("Who was elected chairman of the Dong Ngan ward People's Committee?", {
      knownPlaces: KNOWN_PLACES,
    });
    expect(english.body).toEqual({ name: null, organ: 'UBND', aliases: [] });
    const vietnamese = understandQuestion('Ai là Chủ tịch UBND phường Đông Ngàn?', { knownPlaces: KNOWN_PLACES });
    expect(vietnamese.body?.name).toBeNull();
  });

  it('still filters by a body that is the subject', () => {
    const plan = understandQuestion("What did the Dong Ngan ward People's Committee decide?", {
      knownPlaces: KNOWN_PLACES,
    });
    expect(plan.body?.name).toBe('UBND phường Đông Ngàn');
  });
});

describe('a council standing committee named in English', () => {
  it("is the council's standing office, not a Party standing board", () => {
    const plan = understandQuestion('What did the Tu Son city council standing committee review in October 2021?', {
      knownPlaces: KNOWN_PLACES,
    });
    expect(plan.body?.name).toBe('Thường trực HĐND thành phố Từ Sơn');
  });

  it('leaves "town council seats" as what is asked about', () => {
    expect(understandQuestion('How many town council seats were up in May 2021?').body).toBeNull();
  });
});
