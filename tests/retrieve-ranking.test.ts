import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { selectReports, type ReportOpening } from '../src/retrieve/filters.ts';
import { LabelSet } from '../src/retrieve/label-set.ts';
import { understandQuestion } from '../src/question/index.ts';
import type { ChunkRecord, ReportRecord, ReportSummary } from '../src/store/index.ts';
import { tempApp } from './helpers/app.ts';

/** A report's opening as the catalog gives it; its text is the title and lead here. */
function opened(title: string, lead: string): ReportOpening {
  return { title, lead, text: `${title}\n\n${lead}` };
}

function report(overrides: Partial<ReportRecord>): ReportRecord {
  return {
    id: 'r',
    path: null,
    format: 'txt',
    contentHash: 'h',
    text: '',
    title: null,
    body: null,
    bodyAliases: [],
    sessionKind: 'thường kỳ',
    sessionNumber: null,
    sessionMonth: null,
    meetingDate: null,
    meetingEndDate: null,
    publishedDate: null,
    documentDate: null,
    sample: false,
    source: 'test',
    warnings: [],
    ...overrides,
  };
}

function summary(overrides: Partial<ReportSummary>): ReportSummary {
  const { text: _text, contentHash: _hash, ...rest } = report(overrides);
  return { ...rest, chunks: 1, ingestedAt: '2024-01-01T00:00:00Z', ...overrides };
}

describe('ranking rules', () => {
  let app: App;
  let dispose: () => void;
  const texts = [
    'UBND phường Tân Hồng họp phiên thường kỳ tháng 5/2023',
    'Sáng ngày 30/5, UBND phường Tân Hồng tổ chức phiên họp thường kỳ tháng 5 năm 2023 để đánh giá công tác trật tự xây dựng và vệ sinh môi trường.',
    'Về trật tự xây dựng, trong tháng phường phát hiện 12 trường hợp vi phạm, đã xử lý 9 trường hợp; lượng rác thải thu gom mỗi ngày khoảng 20 tấn.',
    'Kết luận phiên họp, Chủ tịch UBND phường yêu cầu xử lý dứt điểm các vi phạm trật tự xây dựng trước ngày 30/6/2023.',
  ];
  const sections = ['opening', 'opening', 'assessment', 'conclusion'];

  beforeAll(async () => {
    ({ app, dispose } = tempApp());
    const embedder = await app.embedder();
    const chunks: ChunkRecord[] = texts.map((text, ordinal) => ({
      ordinal,
      start: 0,
      end: text.length,
      section: sections[ordinal]!,
      header: '',
      text,
    }));
    app.store.saveReport(
      report({
        id: 'tan-hong-2023-05',
        text: texts.join('\n\n'),
        title: texts[0]!,
        body: 'UBND phường Tân Hồng',
        sessionMonth: '2023-05',
        meetingDate: '2023-05-30',
      }),
      chunks,
      { identity: { id: embedder.id, dimension: embedder.dimension }, vectors: await embedder.embedPassages(texts) },
    );
  });
  afterAll(() => dispose());

  const first = async (question: string) => (await app.search(question, { k: 4 })).passages[0]?.text;

  it('puts a passage with something to say above the headline it shares its words with', async () => {
    expect(await first('Phiên họp thường kỳ tháng 5/2023 của UBND phường Tân Hồng bàn những gì?')).not.toBe(texts[0]);
  });

  it('answers when a meeting was held with the passage that states its meeting day', async () => {
    expect(await first('UBND phường Tân Hồng họp phiên tháng 5/2023 vào ngày nào?')).toBe(texts[1]);
    expect(await first('when did the Tan Hong ward committee meet in May 2023?')).toBe(texts[1]);
  });

  it('answers a deadline question with the deadline, not the meeting day', async () => {
    expect(await first('Phường Tân Hồng phải xử lý dứt điểm vi phạm trật tự xây dựng trước ngày nào?')).toBe(texts[3]);
  });
});

describe('what a question says about dates', () => {
  it('asks when a meeting sat only when it names the meeting and no deadline', () => {
    expect(understandQuestion('UBND phường họp phiên tháng 4/2022 vào ngày nào?').asksWhenHeld).toBe(true);
    expect(understandQuestion('When did the city council meet in December 2021?').asksWhenHeld).toBe(true);
    expect(understandQuestion('Bầu cử đại biểu Quốc hội năm 2021 tổ chức vào ngày nào?').asksWhenHeld).toBe(false);
    expect(
      understandQuestion('By what date must the plots be checked after the August 2022 meeting?').asksWhenHeld,
    ).toBe(false);
  });

  it('dates a month or quarter named without a year by the one year the question names', () => {
    expect(
      understandQuestion('Phiên họp tháng 3/2022 hôm nào, và quý I thu ngân sách được bao nhiêu?').period?.months,
    ).toEqual(['2022-03', '2022-01', '2022-02']);
    expect(understandQuestion('So sánh tháng 3/2022 với tháng 3/2021 và quý I').period?.months).toContain('*-01');
  });
});

describe('choosing reports', () => {
  const reports = [
    summary({ id: 'a', body: 'UBND phường Tân Hồng', sessionMonth: '2023-05' }),
    summary({ id: 'b', body: 'UBND phường Tân Hồng', sessionMonth: '2023-06' }),
    summary({ id: 'c', body: 'HĐND phường Tân Hồng', sessionMonth: '2023-05' }),
    summary({ id: 'd', body: 'UBND phường Đồng Kỵ', sessionMonth: '2023-05' }),
  ];
  const placeOf = (report: ReportSummary) => (report.body?.endsWith('Tân Hồng') ? 'Tân Hồng' : 'Đồng Kỵ');
  const noOpening = () => opened('', '');

  it('narrows by period and hands out the same report list for the same filters', () => {
    const plan = understandQuestion('tháng 5/2023 phường họp bàn gì về rác thải?');
    const first = selectReports(plan, reports, placeOf, noOpening);
    const again = selectReports(
      understandQuestion('tháng 5/2023 có gì mới về trật tự xây dựng?'),
      reports,
      placeOf,
      noOpening,
    );
    expect(first.reportIds).toEqual(['a', 'c', 'd']);
    expect(again.reportIds).toBe(first.reportIds);
    expect(again.applied).toEqual(first.applied);
    expect(again.applied).not.toBe(first.applied);
  });

  it('ranks the sessions of a month the question dates its subject by (or the next) higher, filtering none', () => {
    const plan = understandQuestion('What share of households had joined health insurance by late May 2023?');
    expect(plan.period).toBeNull();
    expect(plan.datedMonths).toEqual(['2023-05']);
    const selection = selectReports(
      plan,
      [...reports, summary({ id: 'e', body: 'UBND phường Đồng Kỵ', sessionMonth: '2023-07' })],
      placeOf,
      noOpening,
    );
    expect(selection.reportIds).toBeUndefined();
    expect(selection.preference('a')).toBeGreaterThan(1);
    expect(selection.preference('b')).toBe(selection.preference('a'));
    expect(selection.preference('e')).toBe(1);
  });

  it('ranks the reports of a named place higher without excluding the others', () => {
    const selection = selectReports(
      understandQuestion('rác thải ở Tân Hồng xử lý ra sao?'),
      reports,
      placeOf,
      noOpening,
    );
    expect(selection.reportIds).toBeUndefined();
    expect(selection.preference('a')).toBeGreaterThan(1);
    expect(selection.preference('c')).toBe(selection.preference('a'));
    expect(selection.preference('d')).toBe(1);
    expect(selection.preference('unknown')).toBe(1);
  });

  describe('when the metadata rules missed or garbled a field', () => {
    // Articles as portals publish them; the rules read "HĐND tỉnh. Đồng thời" as a body "HĐND tỉnh Đồng"
    // and left the session number of a conference unread.
    const published = [
      summary({ id: 'p', body: 'HĐND tỉnh Đồng', title: 'Khai mạc Kỳ họp thứ 14 HĐND tỉnh Quảng Ninh khóa XIV' }),
      summary({ id: 'q', body: 'HĐND tỉnh Lạng Sơn', sessionNumber: 9, sessionMonth: '2023-07' }),
      summary({
        id: 'r',
        body: 'BCH Đảng bộ huyện Vĩnh Thông',
        sessionKind: 'hội nghị',
        sessionMonth: '2023-04',
        title: 'Hội nghị Ban Chấp hành Đảng bộ huyện',
      }),
    ];
    const openings: Record<string, ReportOpening> = {
      p: opened(published[0]!.title!, 'Sáng 12/7, HĐND tỉnh Quảng Ninh khai mạc kỳ họp thứ 14.'),
      q: opened('', 'Sáng 10/7, HĐND tỉnh Lạng Sơn khai mạc kỳ họp thứ 9, xem xét tình hình 6 tháng đầu năm.'),
      r: opened(
        published[2]!.title!,
        'Ngày 20/4, hội nghị lần thứ 14 của Ban Chấp hành Đảng bộ huyện Vĩnh Thông được tổ chức.',
      ),
    };
    const openingOf = (report: ReportSummary) => openings[report.id]!;
    const select = (question: string) => selectReports(understandQuestion(question), published, () => null, openingOf);

    it('finds the report whose own title names the body, and says the body was assumed', () => {
      const selection = select('Kỳ họp thứ 14 HĐND tỉnh Quảng Ninh thông qua bao nhiêu nghị quyết?');
      expect(selection.uncovered).toEqual([]);
      expect(selection.reportIds).toEqual(['p']);
      expect(selection.assumed).toEqual(['HĐND tỉnh Quảng Ninh', 'kỳ họp thứ 14']);
    });

    it('reads a session number the lead states where the metadata has none', () => {
      const selection = select('Hội nghị lần thứ 14 của BCH Đảng bộ huyện Vĩnh Thông bàn về nội dung gì?');
      expect(selection.reportIds).toEqual(['r']);
      expect(selection.assumed).toContain('kỳ họp thứ 14');
    });

    it('still says a body no report names, in metadata or words, is not covered', () => {
      const selection = select('Kỳ họp thứ 14 HĐND tỉnh Cao Bằng quyết định gì?');
      expect(selection.uncovered).toContain('HĐND tỉnh Cao Bằng');
      expect(selection.reportIds).toBeUndefined();
    });

    it('does not second-guess a session number the metadata read with one the text mentions', () => {
      const selection = select('HĐND tỉnh Lạng Sơn kỳ họp thứ 14 quyết định gì?');
      expect(selection.uncovered).toEqual(['kỳ họp thứ 14']);
    });

    it('does not exclude, by a year, a report dated only by its council term', () => {
      const termOnly = [summary({ id: 't', body: 'HĐND thành phố Hải Dương', sessionKind: 'bất thường' })];
      const lead = opened('Thông cáo về Kỳ họp thứ 5 (bất thường) HĐND thành phố khóa IX, nhiệm kỳ 2016-2021', '');
      const inTerm = selectReports(
        understandQuestion('Kỳ họp bất thường của HĐND thành phố Hải Dương năm 2017 quyết định gì?'),
        termOnly,
        () => null,
        () => lead,
      );
      expect(inTerm.reportIds).toEqual(['t']);
      expect(inTerm.assumed).toEqual(['năm 2017']);
      const outside = selectReports(
        understandQuestion('Kỳ họp bất thường của HĐND thành phố Hải Dương năm 2023 quyết định gì?'),
        termOnly,
        () => null,
        () => lead,
      );
      expect(outside.uncovered).toEqual(['năm 2023']);
    });

    it('takes a report whose meeting day was not read as of the month it was published in', () => {
      const published = [
        summary({ id: 'u', body: 'HĐND tỉnh Lạng Sơn', sessionKind: 'bất thường', publishedDate: '2020-04-13' }),
      ];
      const opening = () => opened('Kỳ họp thứ 17 (bất thường) HĐND tỉnh', '');
      const april = selectReports(
        understandQuestion('HĐND tỉnh Lạng Sơn họp bất thường tháng 4/2020 quyết định gì?'),
        published,
        () => null,
        opening,
      );
      expect(april.reportIds).toEqual(['u']);
      expect(april.assumed).toEqual(['tháng 4/2020']);
      const june = selectReports(
        understandQuestion('HĐND tỉnh Lạng Sơn họp bất thường tháng 6/2020 quyết định gì?'),
        published,
        () => null,
        opening,
      );
      expect(june.uncovered).toEqual(['tháng 6/2020']);
    });

    it('cannot rule out by a year a report that states no date at all', () => {
      const undated = [summary({ id: 'v', body: 'Huyện ủy Tiên Du', sessionKind: 'hội nghị' })];
      const opening = () => opened('Huyện ủy Tiên Du tổ chức hội nghị lần thứ 10', '');
      const selection = selectReports(
        understandQuestion('Hội nghị Huyện ủy Tiên Du 9 tháng đầu năm 2019 đánh giá gì?'),
        undated,
        () => null,
        opening,
      );
      expect(selection.reportIds).toEqual(['v']);
      expect(selection.assumed).toEqual(['9 tháng đầu năm 2019']);
    });

    it('finds a half-year review by the year it reports on', () => {
      const reviews = [
        summary({
          id: 'w',
          body: 'UBND tỉnh Lạng Sơn',
          sessionKind: 'hội nghị',
          period: { label: '6 tháng đầu năm 2015', from: '2015-01', to: '2015-06' },
        }),
      ];
      const selection = selectReports(
        understandQuestion('UBND tỉnh Lạng Sơn năm 2015 giải ngân được bao nhiêu?'),
        reviews,
        () => null,
        () => opened('', ''),
      );
      expect(selection.reportIds).toEqual(['w']);
      expect(selection.assumed).toEqual([]);
    });

    it('takes the standing office of a council for the council, and the session its meeting prepares', () => {
      const office = [
        summary({ id: 'x', body: 'Thường trực HĐND huyện Tiên Yên', sessionNumber: 20, sessionKind: 'thường kỳ' }),
      ];
      const opening = () =>
        opened(
          'Thường trực HĐND huyện họp phiên thường kỳ',
          'Ngày 2/7, Thường trực HĐND huyện Tiên Yên họp phiên thứ 20 để chuẩn bị nội dung kỳ họp thứ 8 HĐND huyện khóa XX.',
        );
      const selection = selectReports(
        understandQuestion('Kỳ họp thứ 8 HĐND huyện Tiên Yên dự kiến diễn ra vào ngày nào?'),
        office,
        () => null,
        opening,
      );
      expect(selection.reportIds).toEqual(['x']);
      expect(selection.assumed).toEqual(['kỳ họp thứ 8']);
      const asOffice = selectReports(
        understandQuestion('Thường trực HĐND huyện Tiên Yên họp phiên thứ 20 bàn gì?'),
        office,
        () => null,
        opening,
      );
      expect(asOffice.reportIds).toEqual(['x']);
    });

    it('finds the meeting that prepares an extraordinary session by the kind of that session', () => {
      const office = [
        summary({ id: 'y', body: 'Thường trực HĐND tỉnh Lạng Sơn', sessionKind: 'thường kỳ', sessionMonth: '2019-10' }),
      ];
      const opening = () =>
        opened(
          'Phiên họp thường kỳ tháng 10/2019 của Thường trực HĐND tỉnh',
          'Phiên họp cho ý kiến về việc chuẩn bị kỳ họp bất thường của HĐND tỉnh dự kiến tổ chức trong tháng 11.',
        );
      const selection = selectReports(
        understandQuestion(
          'Theo phiên họp tháng 10/2019 của Thường trực HĐND tỉnh Lạng Sơn, kỳ họp bất thường dự kiến diễn ra khi nào?',
        ),
        office,
        () => null,
        opening,
      );
      expect(selection.reportIds).toEqual(['y']);
      expect(selection.assumed).toEqual(['bất thường']);
    });

    it('finds the meeting that prepares a thematic session when its kind is named past the opening', () => {
      const office = [summary({ id: 'z', body: 'Thường trực HĐND huyện Yên Phong', sessionKind: 'hội nghị' })];
      const title = 'Thường trực HĐND huyện họp liên tịch chuẩn bị các kỳ họp cuối năm';
      const lead =
        'Chiều 14/10, Thường trực HĐND huyện Yên Phong tổ chức hội nghị liên tịch để chuẩn bị tổ chức các kỳ họp trong năm.';
      const rest = 'Từ nay đến cuối năm sẽ tổ chức hai kỳ họp (kỳ họp chuyên đề và kỳ họp thường lệ cuối năm).';
      const question = understandQuestion('Kỳ họp chuyên đề của HĐND huyện Yên Phong dự kiến họp ngày nào?');
      const withText = selectReports(
        question,
        office,
        () => null,
        () => ({ title, lead, text: `${title}\n\n${lead}\n\n${rest}` }),
      );
      expect(withText.reportIds).toEqual(['z']);
      expect(withText.assumed).toEqual(['chuyên đề']);
      // A preparatory meeting that names no such session is no answer to it.
      const without = selectReports(
        question,
        [...office],
        () => null,
        () => opened(title, lead),
      );
      expect(without.uncovered).toEqual(['chuyên đề']);
    });

    it('does not filter by kind a question asking which kind a session was', () => {
      expect(
        understandQuestion('Kỳ họp thứ 8 HĐND thành phố là kỳ họp thường lệ hay chuyên đề?').sessionKind,
      ).toBeNull();
    });

    it('changes nothing when the metadata satisfies the filters', () => {
      const selection = select('HĐND tỉnh Lạng Sơn kỳ họp thứ 9 quyết định gì?');
      expect(selection.reportIds).toEqual(['q']);
      expect(selection.assumed).toEqual([]);
    });
  });

  it('holds the chunk labels of the chosen reports', () => {
    const ranges = new Map([
      ['a', [{ first: 1, count: 3 }]],
      ['b', [{ first: 4, count: 2 }]],
      [
        'c',
        [
          { first: 9, count: 1 },
          { first: 12, count: 1 },
        ],
      ],
    ]);
    const labels = LabelSet.of(['a', 'c', 'missing'], ranges, 20);
    expect([...Array(20).keys()].filter((label) => labels.has(label))).toEqual([1, 2, 3, 9, 12]);
    expect(labels.has(25)).toBe(false);
    expect(labels.size).toBe(5);
    expect(labels.ranges).toEqual([
      { first: 1, count: 3 },
      { first: 9, count: 1 },
      { first: 12, count: 1 },
    ]);
  });
});
