// npm run bench:cold [-- --data DIR] [--runs N]: wall time of whole command-line processes, cold
// (a new process each time, the OS file cache warm), as staff feel a quick query. Without --data,
// a temporary store holding the sample corpus. Prints the median and the slowest of N runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const QUESTION = 'Phiên họp tháng 4/2022 của UBND phường Đông Ngàn kết luận gì?';

const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
const temporary = values.data ? null : mkdtempSync(path.join(tmpdir(), 'council-cold-'));
const dataDir = values.data ?? temporary!;
const env = { ...process.env, COUNCIL_DATA_DIR: dataDir, EMBEDDER: process.env.EMBEDDER ?? 'hashing' };

function run(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`council-qa ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function measure(label: string, args: string[]): string {
  const times = Array.from({ length: runs }, () => run(args)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return `| ${label} | ${(median / 1000).toFixed(2)} | ${(times.at(-1)! / 1000).toFixed(2)} |`;
}

try {
  // The first ask on an empty data dir ingests the samples; it is not timed.
  run(['ask', '--json', QUESTION]);
  const stored = JSON.parse(
    spawnSync(process.execPath, [MAIN, 'reports', '--json'], { cwd: ROOT, env, encoding: 'utf8' }).stdout,
  ) as Array<{ chunks: number }>;
  const chunks = stored.reduce((sum, report) => sum + report.chunks, 0);
  console.log(`cold command-line processes: node ${process.version}, ${stored.length} reports, ${chunks} chunks`);
  console.log(`median and slowest of ${runs} whole processes (node dist/cli/main.js ...), seconds\n`);
  console.log('| command | median | slowest |');
  console.log('|---|---|---|');
  console.log(measure('council-qa --help', ['--help']));
  console.log(measure('council-qa reports --json', ['reports', '--json']));
  console.log(measure('council-qa ask --json "<question>"', ['ask', '--json', QUESTION]));
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
