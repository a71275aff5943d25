import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { selectReports } from '../src/retrieve/filters.ts';
import { LabelSet } from '../src/retrieve/label-set.ts';
import { understandQuestion } from '../src/question/index.ts';
import type { ChunkRecord, ReportRecord, ReportSummary } from '../src/store/index.ts';
import { tempApp } from './helpers/app.ts';

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

  it('narrows by period and hands out the same report list for the same filters', () => {
    const plan = understandQuestion('tháng 5/2023 phường họp bàn gì về rác thải?');
    const first = selectReports(plan, reports, placeOf);
    const again = selectReports(understandQuestion('tháng 5/2023 có gì mới về trật tự xây dựng?'), reports, placeOf);
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
    );
    expect(selection.reportIds).toBeUndefined();
    expect(selection.preference('a')).toBeGreaterThan(1);
    expect(selection.preference('b')).toBe(selection.preference('a'));
    expect(selection.preference('e')).toBe(1);
  });

  it('ranks the reports of a named place higher without excluding the others', () => {
    const selection = selectReports(understandQuestion('rác thải ở Tân Hồng xử lý ra sao?'), reports, placeOf);
    expect(selection.reportIds).toBeUndefined();
    expect(selection.preference('a')).toBeGreaterThan(1);
    expect(selection.preference('c')).toBe(selection.preference('a'));
    expect(selection.preference('d')).toBe(1);
    expect(selection.preference('unknown')).toBe(1);
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
