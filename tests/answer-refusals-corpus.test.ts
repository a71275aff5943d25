import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type Answer } from '../src/answer/index.ts';
import type { App } from '../src/app.ts';
import { retrieve } from '../src/retrieve/index.ts';
import { createLogger } from '../src/log.ts';
import { normalizeText } from '../src/text/index.ts';
import { corpusApp } from './helpers/app.ts';

// Questions whose topic the sample reports touch, asking for a detail no report states, and
// questions close to them that the reports do answer. Each refusal names the rule that made it.
describe('refusing questions the reports touch but do not answer (sample corpus, extractive)', () => {
  let app: App;
  const logged: string[] = [];
  beforeAll(async () => {
    ({ app } = await corpusApp());
  });

  const ask = (question: string): Promise<Answer> => {
    logged.length = 0;
    const quiet = { ...app, log: createLogger('info', (line) => logged.push(line)) };
    return retrieve(app.understand(question), app).then((retrieval) => answer(retrieval, quiet));
  };

  it.each([
    [
      'a share of a cluster whose share is not given (English)',
      'What occupancy rate has the Dong Quang industrial cluster reached?',
      /percent/,
    ],
    [
      'a count of fires where only crimes are counted',
      '9 tháng năm 2022 Từ Sơn xảy ra bao nhiêu vụ cháy nổ?',
      /figure vu chay/,
    ],
    [
      'a count of complaints about one subject',
      'Tiên Du tiếp nhận bao nhiêu đơn khiếu nại về môi trường?',
      /figure don khieu/,
    ],
    [
      'a year the cited sentences do not speak of (no diacritics)',
      'nam 2024 tu son ket nap dc bn dang vien moi',
      /2024/,
    ],
    ['a plan number no report mentions', 'Kế hoạch số 120 của UBND thị xã Từ Sơn nói về gì?', /ke hoach 120/],
    [
      'a resolution number no report mentions (no diacritics)',
      'nghi quyet 27 cua thi uy tu son ve van de gi',
      /nghi quyet 27/,
    ],
    ['a named project no report mentions', 'Dự án khu đô thị Nam Hồng có tổng vốn bao nhiêu?', /nam hong/],
    [
      'which organisation built a project whose builder no report names',
      'Đơn vị nào thi công dự án đường nối TL277 với Quốc lộ 1A?',
      /agent don vi/,
    ],
    [
      'who holds a role no report names for the project',
      'Ai là chủ đầu tư dự án Trường THPT Từ Sơn số 2?',
      /agent chu/,
    ],
    [
      'who was elected, where the reports only tell of the election (no diacritics)',
      'ai trung cu dai bieu HDND tinh o tu son',
      /agent dai bieu/,
    ],
  ])('refuses %s', async (_what, question, reason) => {
    const result = await ask(question);
    expect(result.mode).toBe('no-answer');
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(
      result.language === 'en' ? /do not say anything about this/ : /không đề cập nội dung này/,
    );
    const refusal = logged.find((line) => line.includes('the reports do not state what was asked'));
    expect(refusal, 'refused by the check of what was asked').toBeDefined();
    expect(refusal).toMatch(reason);
  });

  it.each([
    [
      'the share of the cluster the sentence gives it for',
      'Cụm công nghiệp Tương Giang lấp đầy được bao nhiêu phần trăm?',
      ['92%'],
    ],
    [
      'a year written in the sentence',
      'Năm 2024 Ủy ban Kiểm tra Thành ủy Từ Sơn tập trung giám sát những lĩnh vực nào?',
      ['quản lý đất đai'],
    ],
    ['a figure asked without diacritics', 'quy 1 nam 2021 thi xa tu son thu ngan sach dc bn', ['612 tỷ đồng']],
    [
      'a count asked in English',
      'How many mobile health stations did Tu Son set up for covid patients treated at home?',
      ['12 trạm y tế lưu động'],
    ],
    [
      'a day written before what happened',
      'Từ ngày nào học sinh lớp 7 đến lớp 12 ở Từ Sơn đi học trực tiếp trở lại?',
      ['14/2/2022'],
    ],
    [
      'who chaired, named with a title',
      'Ai chủ trì phiên họp UBND phường Đông Ngàn tháng 4/2022?',
      ['Nguyễn Văn Bình'],
    ],
    ['a resolution named in a list', 'Nghị quyết 19 của Thị ủy Từ Sơn về lĩnh vực gì?', ['Nghị quyết số 19']],
    ['a sum asked without diacritics', 'truong mam non tan hong dc duyet tong muc dau tu bn tien', ['62 tỷ đồng']],
    [
      'who chaired, where "chủ trì" is the role asked about',
      'Ai chủ trì phiên họp tháng 9/2021 của BTV Thị ủy Từ Sơn?',
      ['Lê Xuân Lợi'],
    ],
  ])('still answers %s', async (_what, question, facts) => {
    const result = await ask(question);
    expect(result.mode).toBe('extractive');
    for (const fact of facts) expect(normalizeText(result.answer)).toContain(normalizeText(fact));
    expect(logged.some((line) => line.includes('refused'))).toBe(false);
  });

  it('refuses a topic whose words the reports only hold syllable by syllable (no diacritics)', async () => {
    // "cầu", "vượt", "đường" and "sắt" all occur in the reports, never as "cầu vượt" or "đường sắt".
    const result = await ask('bao gio thi khoi cong cau vuot duong sat o tu son vay');
    expect(result.mode).toBe('no-answer');
    expect(result.citations).toEqual([]);
  });

  it('refuses a follow-up about a topic its session does not cover, however alike its syllables', async () => {
    const first = await ask('Phiên họp tháng 9/2021 của BTV Thị ủy Từ Sơn kết luận gì về nông nghiệp?');
    expect(first.mode).toBe('extractive');
    // The session speaks of "giao thông" (transport), not of "giáo dục" (education).
    const followUp = await app.ask('còn về giáo dục thì sao?', { context: first.scope });
    expect(followUp.mode).toBe('no-answer');
    expect(followUp.note).toMatch(/tháng 9\/2021/);
  });
});
