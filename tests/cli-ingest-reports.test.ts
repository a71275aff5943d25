import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TEST_ENV, tempFolder } from './helpers/app.ts';

function cli(script: 'ingest' | 'reports', args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = `HĐND phường Đình Bảng tổ chức kỳ họp thứ tư, nhiệm kỳ 2021-2026

Ngày 15/12/2021, HĐND phường Đình Bảng khai mạc kỳ họp thứ tư.

Kỳ họp đã thông qua nghị quyết về dự toán thu ngân sách năm 2022 là 45 tỷ đồng.`;

describe('npm run ingest / npm run reports', () => {
  let dataDir: string;
  let input: string;
  beforeAll(() => {
    dataDir = tempFolder('council-cli-data-');
    input = tempFolder();
  });

  it('prints the ingest summary as one JSON object and exits 0', () => {
    writeFileSync(path.join(input, 'dinh-bang.txt'), REPORT);
    const { status, stdout } = cli('ingest', [input, '--data', dataDir, '--json']);
    expect(status).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ added: 1, updated: 0, unchanged: 0, skipped: [], failed: [] });
  });

  it('lists reports as a JSON array with the documented fields', () => {
    const { status, stdout } = cli('reports', ['--data', dataDir, '--json']);
    expect(status).toBe(0);
    const [report] = JSON.parse(stdout);
    for (const field of ['id', 'title', 'body', 'sessionMonth', 'meetingDate', 'publishedDate', 'source', 'chunks']) {
      expect(report).toHaveProperty(field);
    }
    expect(report.meetingDate).toBe('2021-12-15');
    expect(report.chunks).toBeGreaterThan(0);
  });

  it('takes the data dir from COUNCIL_DATA_DIR when --data is absent', () => {
    const { stdout } = cli('reports', ['--json'], { COUNCIL_DATA_DIR: dataDir });
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('exits non-zero and lists the failure when a file could not be ingested', () => {
    writeFileSync(path.join(input, 'empty.md'), '');
    const { status, stdout } = cli('ingest', [input, '--data', dataDir, '--json']);
    expect(status).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary.unchanged).toBe(1);
    expect(summary.failed).toEqual([
      {
        path: path.join(input, 'empty.md'),
        reason: expect.stringMatching(/empty/i),
        reasonVi: expect.stringMatching(/rỗng/),
      },
    ]);
  });

  it('prints a readable summary without --json', () => {
    rmSync(path.join(input, 'empty.md'));
    const { status, stdout } = cli('ingest', [input, '--data', dataDir]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/added 0, updated 0, unchanged 1, already stored 0, skipped 0, failed 0/);
  });

  it('removes a report by path, updating the vector index without calling it out of step', () => {
    const removed = cli('ingest', ['--remove', path.join(input, 'dinh-bang.txt'), '--data', dataDir, '--json']);
    expect(removed.status).toBe(0);
    expect(removed.stderr).not.toMatch(/out of step|rebuilding/);
    expect(JSON.parse(removed.stdout).removed).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.parse(cli('reports', ['--data', dataDir, '--json']).stdout)).toEqual([]);
  });

  it('names the variable and the fix on a bad setting', () => {
    const { status, stderr } = cli('reports', ['--data', dataDir], { MAX_FILE_MB: 'lots' });
    expect(status).toBe(2);
    expect(stderr).toMatch(/MAX_FILE_MB: "lots" is not a positive number/);
  });

  it.each([
    [
      { EMBEDDER: 'openai', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
      /^configuration error: openai embedder .*set OPENAI_API_KEY/,
    ],
    [
      { EMBEDDER: 'transformers', EMBEDDING_MODEL_PATH: '/nonexistent/model' },
      /^configuration error: transformers embedder .*EMBEDDING_MODEL_PATH/,
    ],
  ])('stops with one line naming the fix when the embedder cannot be had (%o)', (env, message) => {
    const { status, stdout, stderr } = cli('ingest', [input, '--data', tempFolder('council-embedder-')], env);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('explains its usage on an unknown flag', () => {
    mkdirSync(path.join(input, 'x'), { recursive: true });
    const { status, stderr } = cli('ingest', ['--bogus', input]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/usage: npm run ingest/);
  });
});
