import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TEST_ENV, tempFolder } from './helpers/app.ts';

// The compiled entry, as `npx council-qa` and the npm scripts run it (built by tests/global-build.ts).
const MAIN = path.join(PROJECT_ROOT, 'dist/cli/main.js');

function councilQa(args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, COUNCIL_DATA_DIR: tempFolder('council-main-') },
  });
}

describe('council-qa, the compiled command line', () => {
  it('lists its commands and exit codes on --help, exit 0', () => {
    const help = councilQa(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['ask', 'chat', 'search', 'ingest', 'reports', 'stats', 'reindex', 'bot'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toMatch(/exit codes: 0 done; 1 .*\n.*2 a usage or configuration error/);
  });

  it('names an unknown or missing command on stderr with exit code 2', () => {
    const unknown = councilQa(['aks']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown command: aks\nusage: council-qa/);
    expect(councilQa([]).status).toBe(2);
  });

  it('runs a command with its own options: --help, and reports as JSON', () => {
    const askHelp = councilQa(['ask', '--help']);
    expect(askHelp.status).toBe(0);
    expect(askHelp.stdout).toMatch(/--json/);
    const reports = councilQa(['reports', '--json']);
    expect(reports.status).toBe(0);
    expect(JSON.parse(reports.stdout)).toEqual([]);
  });

  it('answers a question as JSON from the sample reports, nothing else on stdout', () => {
    const asked = councilQa(['ask', '--json', 'Phiên họp tháng 4/2022 của UBND phường Đông Ngàn kết luận gì?']);
    expect(asked.status, asked.stderr).toBe(0);
    const answer = JSON.parse(asked.stdout);
    expect(answer.mode).toBe('extractive');
    expect(answer.citations[0].sample).toBe(true);
  });
});
