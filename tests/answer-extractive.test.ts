import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../src/answer/index.ts';
import { AnswerError, type Answerer, type DraftAnswer } from '../src/answer/types.ts';
import type { App } from '../src/app.ts';
import type { RankedPassage, Retrieval } from '../src/retrieve/index.ts';
import { understandQuestion } from '../src/question/index.ts';
import { normalizeText } from '../src/text/index.ts';
import { corpusApp, PROJECT_ROOT, tempApp } from './helpers/app.ts';

interface EvalQuestion {
  id: string;
  question: string;
  facts: string[];
}

const EVAL = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'scripts/eval/questions.json'), 'utf8')) as EvalQuestion[];
const evalQuestion = (id: string): EvalQuestion => {
  const found = EVAL.find((q) => q.id === id);
  if (!found) throw new Error(`no eval question ${id}`);
  return found;
};

const MARKER = / \[(\d+)\]$/;
const LEAD = /^(?:Theo báo cáo|According to the report)\b.*:$/;

/** The answer's lines grouped under their lead lines: each cited line with its passage number and sentence. */
function groups(text: string): Array<{ lead: string; lines: Array<{ n: number; sentence: string }> }> {
  const result: Array<{ lead: string; lines: Array<{ n: number; sentence: string }> }> = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (LEAD.test(line)) {
      result.push({ lead: line, lines: [] });
      continue;
    }
    const marker = MARKER.exec(line);
    expect(marker, `every line after a lead line ends with a marker: ${line}`).not.toBeNull();
    expect(result.length, 'a lead line comes first').toBeGreaterThan(0);
    result[result.length - 1]!.lines.push({ n: Number(marker![1]), sentence: line.slice(0, marker!.index) });
  }
  return result;
}

/** The properties every draft has, whatever the question. */
function expectWellFormed(draft: DraftAnswer, passages: readonly RankedPassage[]): void {
  const grouped = groups(draft.text);
  const cited = grouped.flatMap((g) => g.lines);
  expect(cited.length).toBeGreaterThan(0);
  expect(cited.length).toBeLessThanOrEqual(5);
  expect(grouped.length).toBeLessThanOrEqual(2);

  for (const { n } of cited) {
    const passage = passages[n - 1];
    expect(passage, `[${n}] points at a given passage`).toBeDefined();
    const quote = draft.quotes.get(n);
    expect(quote, `[${n}] has a quote`).toBeDefined();
    expect(quote!.length).toBeLessThanOrEqual(300);
    expect(passage!.text).toContain(quote);
  }

  // One report per group; each quoted sentence stands in its passage (their order: see 'puts first ...').
  const reportsOfGroups = grouped.map((g) => {
    const reports = new Set(g.lines.map(({ n }) => passages[n - 1]!.reportId));
    expect(reports.size).toBe(1);
    const positions = g.lines.map(({ n, sentence }) => {
      const passage = passages[n - 1]!;
      const at = passage.text.replace(/\s+/g, ' ').indexOf(sentence);
      expect(at, `the sentence is in passage [${n}]: ${sentence}`).toBeGreaterThanOrEqual(0);
      return passage.start + at;
    });
    expect(positions.length).toBeGreaterThan(0);
    return [...reports][0];
  });
  expect(new Set(reportsOfGroups).size).toBe(reportsOfGroups.length);
}

describe('the extractive answerer on the sample corpus', () => {
  let app: App;
  let answerer: Answerer;
  beforeAll(async () => {
    ({ app } = await corpusApp());
    answerer = createExtractiveAnswerer(await app.embedder());
  });

  const draftFor = async (question: string) => {
    const retrieval = await app.search(question);
    const passages = retrieval.passages.slice(0, 6);
    return { draft: await answerer.draft(retrieval, passages), passages, retrieval };
  };

  it.each([
    // Vietnamese with diacritics
    { id: 'vi-001', lead: 'Theo báo cáo phiên họp thường kỳ tháng 9/2021 của BTV Thị ủy Từ Sơn (họp ngày 6/10/2021):' },
    { id: 'vi-003', lead: 'Theo báo cáo kỳ họp thứ 4 của HĐND thành phố Từ Sơn (họp từ 7 đến 9/12/2021):' },
    { id: 'vi-005', lead: 'Theo báo cáo phiên họp thường kỳ tháng 6/2021 của BTV Thị ủy Từ Sơn (họp ngày 5/7/2021):' },
    {
      id: 'vi-026',
      lead: 'Theo báo cáo phiên họp thường kỳ tháng 4/2022 của UBND phường Đông Ngàn (họp ngày 29/4/2022):',
    },
    // Vietnamese typed without diacritics, with chat shorthand
    {
      id: 'vi-plain-001',
      lead: 'Theo báo cáo phiên họp thường kỳ tháng 9/2021 của BTV Thị ủy Từ Sơn (họp ngày 6/10/2021):',
    },
    {
      id: 'vi-plain-005',
      lead: 'Theo báo cáo phiên họp thường kỳ tháng 4/2022 của UBND phường Đông Ngàn (họp ngày 29/4/2022):',
    },
    { id: 'vi-plain-020', lead: 'Theo báo cáo kỳ họp thứ 4 của HĐND thành phố Từ Sơn (họp từ 7 đến 9/12/2021):' },
    // English: the lead line in English, the sentences quoted in Vietnamese
    {
      id: 'en-001',
      lead: 'According to the report of the regular September 2021 session of BTV Thị ủy Từ Sơn (met on 6 Oct 2021):',
    },
    {
      id: 'en-021',
      lead: 'According to the report of the regular April 2022 session of UBND phường Đông Ngàn (met on 29 Apr 2022):',
    },
    {
      id: 'en-019',
      lead: 'According to the report of the regular March 2022 session of UBND thành phố Từ Sơn (met on 28 Mar 2022):',
    },
    // Abbreviations in the question or in the report
    { id: 'abbrev-003', lead: 'Theo báo cáo kỳ họp thứ 2 (chuyên đề) của HĐND thị xã Từ Sơn (họp ngày 20/7/2021):' },
    {
      id: 'abbrev-013',
      lead: 'Theo báo cáo phiên họp thường kỳ tháng 4/2022 của UBND phường Đông Ngàn (họp ngày 29/4/2022):',
    },
    { id: 'abbrev-010', lead: 'Theo báo cáo kỳ họp thứ 2 (chuyên đề) của HĐND thị xã Từ Sơn (họp ngày 20/7/2021):' },
    // When a session met, and what a session after its month said
    { id: 'date-session-007', lead: 'Theo báo cáo kỳ họp thứ 4 của HĐND thành phố Từ Sơn (họp từ 7 đến 9/12/2021):' },
    {
      id: 'date-session-006',
      lead: 'Theo báo cáo phiên họp thường kỳ tháng 12/2023 của BTV Thành ủy Từ Sơn (họp ngày 22/1/2024):',
    },
  ])('$id: quotes the expected facts under a lead line naming the report', async ({ id, lead }) => {
    const { question, facts } = evalQuestion(id);
    const { draft, passages } = await draftFor(question);
    expectWellFormed(draft, passages);
    for (const fact of facts) expect(draft.text).toContain(normalizeText(fact));
    const grouped = groups(draft.text);
    expect(grouped[0]?.lead).toBe(lead);
    // The top passage's report, when it gives a sentence, comes first.
    const groupReports = grouped.map((g) => passages[g.lines[0]!.n - 1]!.reportId);
    if (groupReports.includes(passages[0]!.reportId)) expect(groupReports[0]).toBe(passages[0]!.reportId);
  });

  it('writes every lead line in the language of the question', async () => {
    const vietnamese = await draftFor(evalQuestion('vi-plain-005').question);
    const english = await draftFor(evalQuestion('en-021').question);
    for (const { lead } of groups(vietnamese.draft.text)) expect(lead).toMatch(/^Theo báo cáo /);
    for (const { lead } of groups(english.draft.text)) expect(lead).toMatch(/^According to the report /);
  });

  it('throws AnswerError when given no passages', async () => {
    const retrieval = await app.search(evalQuestion('vi-001').question);
    await expect(answerer.draft(retrieval, [])).rejects.toBeInstanceOf(AnswerError);
  });
});

describe('the extractive answerer on passages made for the test', () => {
  let app: App;
  let dispose: () => void;
  let answerer: Answerer;
  beforeAll(async () => {
    ({ app, dispose } = tempApp());
    answerer = createExtractiveAnswerer(await app.embedder());
  });
  afterAll(() => dispose());

  const report = (id: string, month: string): RankedPassage['report'] => ({
    id,
    source: `https://example.gov.vn/${id}`,
    title: `UBND xã Hòa Bình họp phiên thường kỳ tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`,
    body: 'UBND xã Hòa Bình',
    sessionKind: 'thường kỳ',
    sessionNumber: null,
    sessionMonth: month,
    meetingDate: `${month}-28`,
    meetingEndDate: null,
    publishedDate: null,
    documentDate: null,
    sample: false,
  });
  const passage = (reportId: string, month: string, ordinal: number, text: string): RankedPassage => ({
    rowid: ordinal + 1,
    id: `${reportId}:${ordinal}`,
    reportId,
    ordinal,
    start: ordinal * 1000,
    end: ordinal * 1000 + text.length,
    section: 'assessment',
    header: `UBND xã Hòa Bình · phiên họp thường kỳ tháng ${month}`,
    text,
    report: report(reportId, month),
    score: 1 / (ordinal + 2),
    lexicalRank: ordinal + 1,
    denseRank: ordinal + 1,
    similarity: 0.5,
  });
  const retrievalOf = (question: string, passages: RankedPassage[]): Retrieval => ({
    question: understandQuestion(question),
    passages,
    applied: [],
    uncovered: [],
    assumed: [],
    inherited: null,
    sessions: null,
  });

  it('quotes what a resolution decided, not the closing clauses every resolution carries, unless they are asked about', async () => {
    const resolution = passage(
      'nq-hoa-binh',
      '2023-12',
      0,
      'Điều 1. Thông qua chỉ tiêu năm 2024: tổng thu ngân sách trên địa bàn xã đạt 31 tỷ đồng, tỷ lệ hộ nghèo dưới 1%. ' +
        'Điều 2. Giao UBND xã tổ chức thực hiện Nghị quyết này. ' +
        'Thường trực HĐND xã và các đại biểu HĐND xã giám sát việc thực hiện Nghị quyết. ' +
        'Nghị quyết này đã được HĐND xã Hòa Bình khóa III, kỳ họp thứ 9 thông qua ngày 20 tháng 12 năm 2023 và có hiệu lực từ ngày thông qua.',
    );
    const decided = await answerer.draft(retrievalOf('HĐND xã Hòa Bình thông qua nghị quyết gì?', [resolution]), [
      resolution,
    ]);
    expect(decided.text).toContain('31 tỷ đồng');
    expect(decided.text).not.toMatch(/tổ chức thực hiện Nghị quyết|giám sát việc thực hiện|có hiệu lực/);
    const when = await answerer.draft(retrievalOf('Nghị quyết được thông qua ngày nào?', [resolution]), [resolution]);
    expect(when.text).toContain('thông qua ngày 20 tháng 12 năm 2023');
    const effect = await answerer.draft(retrievalOf('nghi quyet co hieu luc tu khi nao', [resolution]), [resolution]);
    expect(effect.text).toContain('có hiệu lực từ ngày thông qua');
  });

  it('puts first, within a report, the sentence that states most of what was asked', async () => {
    const text =
      'Phiên họp đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm 2023 và bàn nhiệm vụ 6 tháng cuối năm. ' +
      'Giá trị sản xuất công nghiệp ước đạt 920 tỷ đồng, tăng 6% so với cùng kỳ. ' +
      'Tổng thu ngân sách 6 tháng đầu năm đạt 12,4 tỷ đồng, bằng 55% dự toán năm.';
    const review = passage('ubnd-hoa-binh-06', '2023-06', 0, text);
    const draft = await answerer.draft(
      retrievalOf('Thu ngân sách 6 tháng đầu năm 2023 của xã Hòa Bình đạt bao nhiêu?', [review]),
      [review],
    );
    const quoted = groups(draft.text).flatMap((group) => group.lines.map((line) => line.sentence));
    expect(quoted[0]).toBe('Tổng thu ngân sách 6 tháng đầu năm đạt 12,4 tỷ đồng, bằng 55% dự toán năm.');
  });

  it('tells a session without who attended, but keeps what the attending delegates did', async () => {
    const text =
      'Ngày 14/3/2023, HĐND xã Hòa Bình tổ chức kỳ họp thứ 8 (kỳ họp chuyên đề). ' +
      'Tham dự kỳ họp có đại diện lãnh đạo huyện, các ban ngành, đoàn thể của xã và 25 đại biểu HĐND xã. ' +
      'Tại kỳ họp, các đại biểu tham dự nghe các tờ trình và thông qua nghị quyết điều chỉnh kế hoạch đầu tư công năm 2023.';
    const session = { ...passage('hdnd-hoa-binh-03', '2023-03', 0, text), section: 'opening' };
    const draft = await answerer.draft(
      retrievalOf('Kỳ họp thứ 8 HĐND xã Hòa Bình tháng 3/2023 bàn về những nội dung gì?', [session]),
      [session],
    );
    const quoted = groups(draft.text).flatMap((group) => group.lines.map((line) => line.sentence));
    expect(quoted.some((sentence) => sentence.startsWith('Tham dự kỳ họp có'))).toBe(false);
    expect(quoted).toContain(
      'Tại kỳ họp, các đại biểu tham dự nghe các tờ trình và thông qua nghị quyết điều chỉnh kế hoạch đầu tư công năm 2023.',
    );
  });

  it('quotes the first items of a list a chosen sentence announces', async () => {
    const targets = passage(
      'nq-hoa-binh-targets',
      '2023-12',
      0,
      'Điều 1. HĐND xã thông qua các chỉ tiêu chủ yếu năm 2024 như sau:\n' +
        'a) Tổng thu ngân sách trên địa bàn đạt 31 tỷ đồng.\n' +
        'b) Giữ tỷ lệ hộ nghèo dưới 1%.\n' +
        'c) Có thêm 2 thôn đạt chuẩn nông thôn mới kiểu mẫu.',
    );
    const draft = await answerer.draft(
      retrievalOf('Năm 2024 HĐND xã Hòa Bình thông qua những chỉ tiêu chủ yếu nào?', [targets]),
      [targets],
    );
    const quoted = groups(draft.text).flatMap((group) => group.lines.map((line) => line.sentence));
    expect(quoted[0]).toMatch(/như sau:$/);
    expect(quoted).toEqual(
      expect.arrayContaining(['a) Tổng thu ngân sách trên địa bàn đạt 31 tỷ đồng.', 'b) Giữ tỷ lệ hộ nghèo dưới 1%.']),
    );
  });

  it('cuts a quote over 300 characters to a verbatim prefix ending at a word', async () => {
    const clauses = [
      'Tổng thu ngân sách trên địa bàn xã năm 2022 đạt 48,7 tỷ đồng, bằng 112% dự toán',
      'trong đó thu từ đấu giá quyền sử dụng đất đạt 31,2 tỷ đồng',
      'thu thuế ngoài quốc doanh đạt 6,4 tỷ đồng',
      'thu phí và lệ phí đạt 1,9 tỷ đồng',
      'các khoản thu khác đạt 9,2 tỷ đồng',
      'chi ngân sách xã đạt 27,5 tỷ đồng, chủ yếu cho đầu tư xây dựng trường học, đường giao thông nông thôn và nhà văn hóa các thôn',
    ];
    const long = `${clauses.join(', ')}.`;
    expect(long.length).toBeGreaterThan(300);
    const text = `KẾT QUẢ NĂM 2022\n\n${long} Công tác vệ sinh môi trường được duy trì thường xuyên.`;
    const passages = [passage('r1', '2022-12', 0, text)];
    const draft = await answerer.draft(
      retrievalOf('Năm 2022 xã Hòa Bình thu ngân sách được bao nhiêu?', passages),
      passages,
    );

    const quote = draft.quotes.get(1);
    expect(quote).toBeDefined();
    expect(quote!.length).toBeLessThanOrEqual(300);
    expect(quote!.length).toBeGreaterThan(200);
    expect(long.startsWith(quote!)).toBe(true);
    expect(long[quote!.length]).toBe(' ');
    expect(draft.text).toContain('48,7 tỷ đồng');
    // The heading is not quoted as a sentence.
    expect(draft.text).not.toContain('KẾT QUẢ NĂM 2022 [');
  });

  it("gives each contributing report its own lead line, the top passage's report first", async () => {
    const passages = [
      passage(
        'r-june',
        '2022-06',
        0,
        'Sáu tháng đầu năm, xã đã đưa vào sử dụng 3 tuyến đường giao thông nông thôn với tổng chiều dài 4,2 km. Công tác tiếp công dân được duy trì.',
      ),
      passage(
        'r-march',
        '2022-03',
        1,
        'Quý I, xã khởi công 2 tuyến đường giao thông nông thôn dài 2,8 km bằng nguồn vốn xã hội hóa. Phong trào văn nghệ được duy trì.',
      ),
    ];
    const draft = await answerer.draft(
      retrievalOf('Xã Hòa Bình làm được bao nhiêu km đường giao thông nông thôn?', passages),
      passages,
    );
    expectWellFormed(draft, passages);
    const grouped = groups(draft.text);
    expect(grouped.map((g) => g.lead)).toEqual([
      'Theo báo cáo phiên họp thường kỳ tháng 6/2022 của UBND xã Hòa Bình (họp ngày 28/6/2022):',
      'Theo báo cáo phiên họp thường kỳ tháng 3/2022 của UBND xã Hòa Bình (họp ngày 28/3/2022):',
    ]);
    expect(draft.text).toContain('4,2 km');
    expect(draft.text).toContain('2,8 km');
    expect(draft.text).not.toContain('văn nghệ');
  });

  it('throws AnswerError when the passages hold no sentence at all', async () => {
    const passages = [passage('r1', '2022-12', 0, 'KẾT QUẢ NĂM 2022\n\nNơi nhận:')];
    await expect(
      answerer.draft(retrievalOf('Năm 2022 xã thu ngân sách bao nhiêu?', passages), passages),
    ).rejects.toBeInstanceOf(AnswerError);
  });
});
