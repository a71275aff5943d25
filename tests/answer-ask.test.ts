import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/index.ts';
import { openApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { corpusApp, CORPUS_DIR, PROJECT_ROOT, TEST_ENV, tempFolder } from './helpers/app.ts';
import { errorReply, startFakeOpenAI, type FakeOpenAIServer, type ScriptedReply } from './helpers/openai-server.ts';
import { skipBecause } from './helpers/skip.ts';

function expectCheckableCitations(result: Answer): void {
  expect(result.citations.length).toBeGreaterThan(0);
  const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  expect(new Set(markers)).toEqual(new Set(result.citations.map((c) => c.n)));
  for (const citation of result.citations) {
    const passage = result.passages.find((p) => p.chunkId === citation.chunkId);
    expect(passage, `citation ${citation.n} points at a retrieved passage`).toBeDefined();
    expect(passage!.text.replace(/\s+/g, ' ')).toContain(citation.quote);
    expect(citation.quote.length).toBeLessThanOrEqual(300);
    expect(citation.title).toBeTruthy();
    expect(citation.source).toBeTruthy();
  }
}

describe('answering from the sample corpus (extractive, no API key)', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await corpusApp());
  });

  it('answers the README question with cited sentences led by the report it comes from', async () => {
    const result = await app.ask('Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?');
    expect(result.mode).toBe('extractive');
    expect(result.answer).toMatch(/^Theo báo cáo .*tháng 9\/2021.*BTV Thị ủy Từ Sơn.*6\/10\/2021/);
    expect(result.answer).toMatch(/bỏ hoang đất nông nghiệp|VietGap/);
    expectCheckableCitations(result);
    expect(result.timingsMs.total).toBeGreaterThanOrEqual(result.timingsMs.retrieve);
  });

  it('answers an English question with an English lead line, quoting the Vietnamese source', async () => {
    const result = await app.ask('What did the September 2021 session conclude about agriculture?');
    expect(result.language).toBe('en');
    expect(result.answer).toMatch(/^According to/);
    expectCheckableCitations(result);
  });

  it.each([
    [
      'a month no report covers',
      'Phiên họp tháng 2 năm 2021 kết luận gì?',
      /Chưa có báo cáo nào về tháng 2\/2021[\s\S]*Các phiên họp gần nhất hiện có:\n- /,
    ],
    [
      'a body no report covers',
      'HĐND tỉnh Bắc Ninh quyết định gì về ngân sách năm 2022?',
      /Chưa có báo cáo nào về HĐND tỉnh Bắc Ninh/,
    ],
    ['a topic no report speaks of', 'Giá vé xe buýt ở Từ Sơn là bao nhiêu?', /không đề cập nội dung này/],
    [
      'an English question on an absent topic',
      'How much does a football stadium ticket cost in Tu Son?',
      /do not say anything about this/,
    ],
  ])('says plainly when the reports do not cover %s', async (_what, question, expected) => {
    const result = await app.ask(question);
    expect(result.mode).toBe('no-answer');
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(expected);
  });
});

function chatJson(content: unknown): ScriptedReply {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(content) }, finish_reason: 'stop' }],
    },
  };
}

describe('what a session discussed (sample corpus, extractive)', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await corpusApp());
  });

  it.each([
    'UBND phường Đông Ngàn tháng 4/2022 bàn về vấn đề gì?',
    'Phiên họp tháng 4/2022 của UBND phường Đông Ngàn có nội dung gì?',
    'Tóm tắt phiên họp tháng 4/2022 của UBND phường Đông Ngàn',
    'ubnd phuong dong ngan thang 4/2022 ban ve van de gi',
    'UBND phuong Dong Ngan thang 4 2022 co noi dung gi',
    "What was discussed at the April 2022 session of the Dong Ngan ward People's Committee?",
  ])('answers "%s" with the main points of that session, in report order, each cited', async (question) => {
    const result = await app.ask(question);
    expect(result.mode).toBe('extractive');
    const reports = new Set(result.citations.map((c) => c.reportId));
    expect(reports.size).toBe(1);
    expect(result.citations[0]?.body).toBe('UBND phường Đông Ngàn');
    // What the meeting was, a headline figure of what it assessed, what was proposed and concluded.
    expect(result.answer).toMatch(/tổ chức phiên họp thường kỳ tháng 4/);
    expect(result.answer).toMatch(/\d/);
    expect(result.answer).toMatch(/đề nghị|đề xuất/);
    expect(result.answer).toMatch(/Kết luận/);
  });

  it('answers "what is new" about a body with the overview of its newest session', async () => {
    // Six reports of this body, from 11/2021 to 12/2023: the answer is the last one's, alone.
    const result = await app.ask('Phiên họp gần nhất của BTV Thành ủy Từ Sơn có gì mới?');
    expect(result.mode).toBe('extractive');
    expect(new Set(result.citations.map((c) => c.reportId)).size).toBe(1);
    expect(result.answer).toMatch(/^Theo báo cáo phiên họp thường kỳ tháng 12\/2023 của BTV Thành ủy Từ Sơn/);
    expect(result.citations.length).toBeGreaterThan(1);
  });

  it('opens an answer about agriculture with agriculture, not the industry figures beside it', async () => {
    const result = await app.ask('Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?');
    const [, first] = result.answer.split('\n');
    expect(first).toMatch(/nông nghiệp/);
    expect(first).not.toMatch(/CN-TTCN/);
  });

  it('still answers a question about one subject of the session with that subject', async () => {
    const result = await app.ask('Phiên họp tháng 4/2022 của UBND phường Đông Ngàn bàn gì về thùng rác?');
    expect(result.answer).toMatch(/thùng rác/);
  });

  it.each([
    [
      'Ban Thường vụ Thị ủy Từ Sơn năm 2021 đã làm gì?',
      /^Các báo cáo hiện có ghi 7 cuộc họp của BTV Thị ủy Từ Sơn trong năm 2021:$/,
    ],
    [
      'btv thi uy tu son nam 2021 co nhung phien hop nao',
      /^Các báo cáo hiện có ghi 7 cuộc họp của BTV Thị ủy Từ Sơn trong năm 2021:$/,
    ],
    [
      'What did the Tu Son town Party Standing Committee do in 2021?',
      /^The stored reports record 7 meetings of BTV Thị ủy Từ Sơn in 2021:$/,
    ],
  ])(
    'lists the sessions a broad question about a body over a year finds, one cited line each: %s',
    async (question, lead) => {
      const result = await app.ask(question);
      expect(result.mode).toBe('extractive');
      const [first, ...lines] = result.answer.split('\n');
      expect(first).toMatch(lead);
      // Seven sessions, March to December 2021 (the last one renamed Thành ủy), oldest first, each from its own report.
      expect(lines).toHaveLength(7);
      const months = lines.map((line) => /(?:tháng (\d+)\/2021|regular (\w+) 2021)/.exec(line)?.slice(1).find(Boolean));
      expect(months).toEqual(
        first!.startsWith('The')
          ? ['March', 'June', 'July', 'September', 'October', 'November', 'December']
          : ['3', '6', '7', '9', '10', '11', '12'],
      );
      for (const line of lines) expect(line).toMatch(/^- .+: .+ \[\d+\]$/);
      expect(new Set(result.citations.map((c) => c.reportId)).size).toBe(7);
      expectCheckableCitations(result);
      // A line tells the session's business, not who chaired it.
      expect(result.answer).not.toMatch(/chủ trì/);
    },
  );

  it('lists the sessions of a body under its former name too, and tells their business, not who presided', async () => {
    // The town's council (thị xã) became the city's (thành phố) on 1/11/2021: one body, two sessions in 2021.
    const result = await app.ask('HĐND thành phố Từ Sơn năm 2021 có những kỳ họp nào?');
    const [first, ...lines] = result.answer.split('\n');
    expect(first).toBe('Các báo cáo hiện có ghi 2 cuộc họp của HĐND thành phố Từ Sơn trong năm 2021:');
    expect(lines.map((line) => /^- kỳ họp thứ (\d+)/.exec(line)?.[1])).toEqual(['2', '4']);
    expect(result.answer).not.toMatch(/điều hành|chủ trì/);
  });

  it('answers a broad question with the overview when the period holds one session of the body', async () => {
    const result = await app.ask('UBND phường Đông Ngàn năm 2022 đã làm gì?');
    expect(result.answer).toMatch(/^Theo báo cáo phiên họp thường kỳ tháng 4\/2022 của UBND phường Đông Ngàn/);
    expect(result.citations.length).toBeGreaterThan(1);
  });

  it('does not list sessions for a question about what a body did on one subject', async () => {
    const result = await app.ask('BTV Thị ủy Từ Sơn năm 2021 đã làm gì để phòng chống dịch covid-19?');
    expect(result.answer).not.toMatch(/cuộc họp của/);
  });

  it.each(['Tóm tắt phiên họp tháng 4/2019 của UBND phường Đông Ngàn', 'UBND phường Đông Ngàn tháng 4 2019 bàn gì'])(
    'refuses a summary of a session no report covers: %s',
    async (question) => {
      const result = await app.ask(question);
      expect(result.mode).toBe('no-answer');
    },
  );
});

describe('answering with an LLM behind an OpenAI-compatible server', () => {
  let server: FakeOpenAIServer;
  let app: App;
  let dataDir: string;
  const question = 'Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?';
  beforeAll(async () => {
    server = await startFakeOpenAI();
    dataDir = tempFolder('council-llm-');
    app = openApp(
      loadConfig({
        ...TEST_ENV,
        COUNCIL_DATA_DIR: dataDir,
        OPENAI_BASE_URL: server.baseURL,
        OPENAI_API_KEY: 'test-key',
        LLM_TIMEOUT_SECONDS: '1',
      }),
      createLogger('error'),
    );
    await ingestPaths([CORPUS_DIR], app);
  });
  afterAll(async () => {
    app.close();
    await server.close();
  });

  it('shows the model answer with its checked citations', async () => {
    server.script(
      'chat',
      chatJson({
        answer: 'Cần khắc phục tình trạng bỏ hoang đất nông nghiệp [1].',
        citations: [{ n: 1, quote: 'not a sentence of the passage' }],
      }),
    );
    const result = await app.ask(question);
    expect(result.mode).toBe('llm');
    expect(result.answer).toBe('Cần khắc phục tình trạng bỏ hoang đất nông nghiệp [1].');
    // The quote the model got wrong is replaced by a sentence really in the passage.
    expectCheckableCitations(result);
  });

  it('removes markers that point at no retrieved passage', async () => {
    server.script(
      'chat',
      chatJson({ answer: 'Quy hoạch vùng sản xuất đạt tiêu chuẩn VietGap [2]. Xây dựng sân bay [9].', citations: [] }),
    );
    const result = await app.ask(question);
    expect(result.mode).toBe('llm');
    expect(result.answer).not.toContain('[9]');
    expect(result.answer).toContain('[1]');
    expect(result.citations).toHaveLength(1);
    expectCheckableCitations(result);
  });

  it.each([
    ['an answer without any citation', chatJson({ answer: 'HACKED', citations: [] })],
    [
      'a malformed reply',
      {
        body: {
          id: 'x',
          object: 'chat.completion',
          created: 0,
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: '{not json' }, finish_reason: 'stop' }],
        },
      },
    ],
    ['a server error', errorReply(500, 'upstream down')],
  ])('falls back to the extractive answer with a note after %s', async (_what, reply) => {
    server.script('chat', reply, reply, reply, reply);
    const result = await app.ask(question);
    expect(result.mode).toBe('extractive');
    expect(result.answer).not.toContain('HACKED');
    expect(result.note).toMatch(/Không gọi được mô hình ngôn ngữ/);
    expectCheckableCitations(result);
  });

  it('does not ask the model when the reports do not cover the question', async () => {
    const before = server.requests.filter((r) => r.endpoint === 'chat').length;
    const result = await app.ask('Phiên họp tháng 2 năm 2021 kết luận gì?');
    expect(result.mode).toBe('no-answer');
    expect(server.requests.filter((r) => r.endpoint === 'chat').length).toBe(before);
  });
});

describe('npm run ask', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = tempFolder('council-ask-');
  });
  const ask = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--data', dataDir, ...args], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      input,
      env: { ...process.env, ...TEST_ENV },
    });

  it('ingests the sample corpus on an empty data dir, then prints the answer object as JSON', () => {
    const result = ask(['--json', 'Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/đang nạp các báo cáo mẫu/);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(
      expect.arrayContaining(['question', 'answer', 'mode', 'citations', 'passages', 'timingsMs']),
    );
    expect(output.mode).toBe('extractive');
    expect(Object.keys(output.citations[0])).toEqual(
      expect.arrayContaining(['n', 'chunkId', 'reportId', 'title', 'date', 'quote']),
    );
    expect(output.passages.length).toBe(10);
    expect(Object.keys(output.passages[0])).toEqual(
      expect.arrayContaining(['chunkId', 'reportId', 'title', 'text', 'score']),
    );
    expect(Object.keys(output.timingsMs)).toEqual(['retrieve', 'answer', 'total']);
    expect(output.answer).not.toMatch(/<[a-z]/i);
  });

  it('answers questions read from standard input, one JSON line each', () => {
    const result = ask(
      ['--json'],
      'thu ngan sach 9 thang dau nam 2021 dat bao nhieu\nPhiên họp tháng 2 năm 2021 kết luận gì?\n',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/đang nạp|Gõ câu hỏi/);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.mode)).toEqual(['extractive', 'no-answer']);
  });

  // util-linux `script` gives the command a terminal, as a person running it has.
  const noScript = spawnSync('script', ['--version']).status !== 0;
  it.skipIf(skipBecause(noScript, 'util-linux `script` not installed (gives a command a terminal)'))(
    'says what it expects when run at a terminal with no question (needs util-linux script)',
    () => {
      const command = [process.execPath, '--import', 'tsx', 'src/cli/ask.ts', '--data', dataDir].join(' ');
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        input: '\u0004', // Ctrl+D at the terminal: no question
        env: { ...process.env, ...TEST_ENV },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Gõ câu hỏi, mỗi dòng một câu; Ctrl\+D để kết thúc\.\r?\nusage: npm run ask/);
    },
  );

  it('prints a readable answer with its sources', () => {
    const result = ask(['What did the September 2021 session conclude about agriculture?']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^According to/);
    expect(result.stdout).toMatch(/Sources:\n\[1\] /);
  });
});
