import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { openApp } from '../src/app.ts';
import { answerMessages, passageMessages, reportsPage } from '../src/bot/render.ts';
import { textsFor } from '../src/bot/texts.ts';
import { answerAsText } from '../src/cli/answer-text.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { CORPUS_DIR, PROJECT_ROOT, TEST_ENV, tempApp, tempFolder } from './helpers/app.ts';

const QUESTION = 'Phiên họp tháng 4/2022 của UBND phường Đông Ngàn kết luận gì?';
const SAMPLE_VI = 'báo cáo mẫu minh họa, không phải văn bản chính thức';
const SAMPLE_EN = 'illustrative sample, not an official record';

// A made-up council's own report, as a staff member would ingest it.
const REAL_REPORT = `UBND xã Minh Tân họp phiên thường kỳ tháng 3 năm 2024

Chiều ngày 28/3/2024, UBND xã Minh Tân tổ chức phiên họp thường kỳ tháng 3 năm 2024. Phiên họp đánh giá thu ngân sách quý I đạt 31% dự toán và giao các thôn hoàn thành nạo vét kênh tưới trước ngày 15/4/2024.`;

function cli(script: 'ingest' | 'reports' | 'ask', args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV },
  });
}

describe('the sample corpus', () => {
  it('names no web address at all, so none can pass for a council page', () => {
    for (const name of readdirSync(CORPUS_DIR)) {
      const file = path.join(CORPUS_DIR, name);
      if (/\.(docx|pdf)$/i.test(name)) continue;
      expect(readFileSync(file, 'utf8'), name).not.toMatch(/https?:\/\/|www\.|\.gov\.vn|\.com\b/i);
    }
  });
});

describe('reports from the sample corpus', () => {
  let app: App;
  let dispose: () => void;
  beforeEach(async () => {
    ({ app, dispose } = tempApp());
    await ingestPaths([CORPUS_DIR], app);
  });
  afterEach(() => dispose());

  it('are flagged as samples, their source their place in the repository', () => {
    const reports = app.store.listReports();
    expect(reports.length).toBeGreaterThan(10);
    for (const report of reports) {
      expect(report.sample).toBe(true);
      expect(report.source).toBe(`corpus/${path.basename(report.path!)}`);
    }
  });

  it('are labelled as samples wherever an answer cites one: text, JSON, bot', async () => {
    const answer = await app.ask(QUESTION);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((citation) => citation.sample)).toBe(true);
    expect(JSON.parse(JSON.stringify(answer)).citations[0].sample).toBe(true);

    const text = answerAsText(answer);
    for (const line of text.split('\n').filter((l) => /^\s+corpus\//.test(l))) expect(line).toContain(`(${SAMPLE_VI})`);

    const texts = textsFor('vi');
    const [message] = answerMessages(answer, 1, (id) => app.store.getReport(id), texts, 'vi');
    expect(message!.html).toContain(`<i>(${SAMPLE_VI})</i>`);
    const passage = app.store.passageById(answer.citations[0]!.chunkId)!;
    expect(passageMessages(passage, 1, answer.citations[0]!.quote, texts, 'vi')[0]!.html).toContain(SAMPLE_VI);
    expect(reportsPage(app.store.listReports(), 0, textsFor('en'), 'en').html).toContain(SAMPLE_EN);

    const english = await app.ask('What did the April 2022 session of the Dong Ngan ward People’s Committee conclude?');
    expect(answerAsText(english)).toContain(`(${SAMPLE_EN})`);
  });

  it('are removed when the first real report is stored, and the summary says so', async () => {
    const input = tempFolder();
    writeFileSync(path.join(input, 'minh-tan-2024-03.txt'), REAL_REPORT);
    const summary = await ingestPaths([input], app);
    expect(summary.added).toBe(1);
    expect(summary.samplesRemoved).toBeGreaterThan(10);
    const reports = app.store.listReports();
    expect(reports.map((r) => r.sample)).toEqual([false]);
    expect((await app.vectorIndex()).size).toBe(app.store.counts().chunks);
    const answer = await app.ask(QUESTION);
    expect(answer.citations).toEqual([]);
  });

  it('stay, still flagged, with keepSamples', async () => {
    const input = tempFolder();
    writeFileSync(path.join(input, 'minh-tan-2024-03.txt'), REAL_REPORT);
    const before = app.store.counts().reports;
    const summary = await ingestPaths([input], app, { keepSamples: true });
    expect(summary.samplesRemoved).toBe(0);
    const reports = app.store.listReports();
    expect(reports).toHaveLength(before + 1);
    expect(reports.filter((r) => !r.sample).map((r) => r.title)).toEqual([
      'UBND xã Minh Tân họp phiên thường kỳ tháng 3 năm 2024',
    ]);
  });
});

describe('a store made before samples were flagged', () => {
  it('flags its sample reports and drops their made-up addresses when opened', async () => {
    const { app, dataDir, dispose } = tempApp();
    await ingestPaths([CORPUS_DIR], app);
    const databasePath = app.config.databasePath;
    dispose();
    // As the previous version stored them: unflagged, under an address on a real domain.
    const db = new Database(databasePath);
    db.prepare("UPDATE reports SET sample = 0, source = 'https://tuson.bacninh.gov.vn/tin-tuc/x'").run();
    db.close();
    const reopened = openApp(loadConfig({ ...TEST_ENV, COUNCIL_DATA_DIR: dataDir }), createLogger('error'));
    try {
      const reports = reopened.store.listReports();
      expect(reports.every((r) => r.sample && r.source.startsWith('corpus/'))).toBe(true);
    } finally {
      reopened.close();
    }
  });
});

describe('npm run ingest and npm run reports with samples', () => {
  it('say that the samples went, and --keep-samples keeps them flagged', () => {
    const data = tempFolder('council-cli-data-');
    const kept = tempFolder('council-cli-data-');
    const input = tempFolder();
    writeFileSync(path.join(input, 'minh-tan-2024-03.txt'), REAL_REPORT);
    for (const dir of [data, kept]) expect(cli('ingest', [CORPUS_DIR, '--data', dir]).status).toBe(0);
    expect(cli('reports', ['--data', data]).stdout).toContain('SAMPLE (illustrative, not an official record)');

    const removed = cli('ingest', [input, '--data', data]);
    expect(removed.stdout).toMatch(/removed the \d+ sample reports: answers now come from real reports only/);
    expect(cli('reports', ['--data', data]).stdout).not.toContain('SAMPLE');

    const keep = cli('ingest', [input, '--data', kept, '--keep-samples']);
    expect(keep.stdout).not.toContain('removed the');
    const listed = JSON.parse(cli('reports', ['--data', kept, '--json']).stdout) as Array<{ sample: boolean }>;
    expect(listed.filter((r) => !r.sample)).toHaveLength(1);
    expect(listed.filter((r) => r.sample).length).toBeGreaterThan(10);
  });
});
