import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { exactSearch } from '../src/index/index.ts';
import { corpusApp, PROJECT_ROOT, TEST_ENV } from './helpers/app.ts';

describe('retrieving passages from the sample corpus', () => {
  let app: App;
  let dataDir: string;
  beforeAll(async () => {
    ({ app, dataDir } = await corpusApp());
  });

  const top = async (question: string, k = 3) => (await app.search(question, { k })).passages;

  it.each([
    'Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?',
    'phien hop thang 9 nam 2021 ket luan gi ve nong nghiep',
    'What did the September 2021 session conclude about agriculture?',
  ])('answers "%s" with the September 2021 conclusion on farmland', async (question) => {
    const [first] = await top(question);
    expect(first?.report.sessionMonth).toBe('2021-09');
    expect(first?.report.body).toBe('BTV Thị ủy Từ Sơn');
    expect(first?.section).toBe('conclusion');
    expect(first?.text).toContain('bỏ hoang đất nông nghiệp');
  });

  it('keeps the session month apart from the meeting date: "tháng 12 năm 2021" is the session held in January 2022', async () => {
    const passages = await top('Phiên họp tháng 12 năm 2021 của Thành ủy Từ Sơn bàn những gì?', 5);
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages) {
      expect(passage.report.sessionMonth).toBe('2021-12');
      expect(passage.report.meetingDate).toBe('2022-01-05');
    }
  });

  it('reaches text that abbreviates from a question that spells out, and the reverse', async () => {
    const spelled = await top('Công tác giải quyết khiếu nại tố cáo của UBND thành phố tháng 3/2022 thế nào?');
    expect(spelled[0]?.text).toMatch(/KNTC|khiếu nại, tố cáo|khiếu nại tố cáo/);
    const abbreviated = await top('TTXD tháng 7/2021 có bao nhiêu vi phạm?');
    expect(abbreviated[0]?.report.sessionMonth).toBe('2021-07');
    expect(abbreviated.some((p) => /trật tự xây dựng|TTXD/.test(p.text))).toBe(true);
  });

  it('prefers the body a question names when two bodies met in the same month', async () => {
    const [tienDu] = await top('Huyện ủy Tiên Du tháng 9/2021 kết luận gì?');
    expect(tienDu?.report.body).toBe('BTV Huyện ủy Tiên Du');
    const [tuSon] = await top('Thị ủy Từ Sơn tháng 9/2021 kết luận gì?');
    expect(tuSon?.report.body).toBe('BTV Thị ủy Từ Sơn');
  });

  it('reads "the latest session" as the newest session of the body named, or of the organ', async () => {
    const party = await app.search('Phiên họp gần đây nhất của BTV Thành ủy Từ Sơn kết luận gì?', { k: 3 });
    expect(party.question.period?.months).toEqual(['2023-12']);
    expect(party.passages.every((p) => p.report.sessionMonth === '2023-12')).toBe(true);
    const council = await app.search('What did the latest HĐND session decide?', { k: 3 });
    expect(council.passages[0]?.report.meetingDate).toBe('2021-12-21');
    expect(council.passages.every((p) => p.report.body?.startsWith('HĐND'))).toBe(true);
  });

  it('counts "tháng trước" from the day it is asked, and says so when that month has no report', async () => {
    const question = 'Tháng trước UBND thành phố Từ Sơn họp ngày nào?';
    const april = await app.search(question, { k: 3, today: new Date('2022-04-15T12:00:00') });
    expect(april.passages[0]?.report.sessionMonth).toBe('2022-03');
    const later = await app.search(question, { k: 3, today: new Date('2026-11-26T12:00:00') });
    expect(later.passages).toEqual([]);
    expect(later.uncovered).toEqual(['tháng 10/2026']);
  });

  it('ranks the chunks a filter leaves by exact similarity, reading their vectors from the store', async () => {
    const question = 'Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?';
    const dense = await app.search(question, { k: 50, mode: 'dense' });
    // The September 2021 sessions: the town's and Tiên Du district's standing boards.
    const reportIds = [...new Set(dense.passages.map((p) => p.reportId))];
    expect(reportIds).toHaveLength(2);
    const ranges = reportIds.flatMap((id) => app.store.labelRanges().get(id)!);
    const stored = app.store.vectorsIn(ranges);
    expect(stored.map((v) => v.label)).toEqual(
      ranges.flatMap(({ first, count }) => Array.from({ length: count }, (_, i) => first + i)),
    );
    const [query] = await (await app.embedder()).embedQueries([dense.question.searchText]);
    const exact = exactSearch(stored, query!, 50);
    const byDenseRank = [...dense.passages].sort((a, b) => a.denseRank! - b.denseRank!);
    expect(byDenseRank.map((p) => p.rowid)).toEqual(exact.map((hit) => hit.label));
    byDenseRank.forEach((p, i) => expect(p.similarity).toBeCloseTo(exact[i]!.similarity, 6));
  });

  it('returns nothing for a month or a body no report covers, and says which filter failed', async () => {
    const month = await app.search('Phiên họp tháng 2 năm 2021 kết luận gì?');
    expect(month.passages).toEqual([]);
    expect(month.uncovered).toEqual(['tháng 2/2021']);
    const body = await app.search('HĐND tỉnh Bắc Ninh quyết định gì về ngân sách?');
    expect(body.passages).toEqual([]);
    expect(body.uncovered.length).toBe(1);
  });

  it('ranks by fused score, best first, with where each method ranked the passage', async () => {
    const passages = await top('thu ngân sách 9 tháng đầu năm 2021', 10);
    expect(passages.length).toBe(10);
    for (let i = 1; i < passages.length; i++) expect(passages[i - 1]!.score).toBeGreaterThanOrEqual(passages[i]!.score);
    expect(passages.some((p) => p.lexicalRank !== null && p.denseRank !== null)).toBe(true);
  });

  it('npm run search -- --json prints ranked passages with report, score and the filters that applied', () => {
    app.close();
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/search.ts',
        '--data',
        dataDir,
        '--json',
        '--k',
        '4',
        'BTV thị ủy họp tháng 9/2021 kết luận gì về KNTC?',
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...TEST_ENV } },
    );
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.filters.applied).toEqual(expect.arrayContaining(['tháng 9/2021']));
    expect(output.passages).toHaveLength(4);
    expect(output.passages[0]).toMatchObject({
      sessionMonth: '2021-09',
      title: expect.any(String),
      score: expect.any(Number),
    });
  });
});
