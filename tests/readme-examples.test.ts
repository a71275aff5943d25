import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TEST_ENV, tempFolder } from './helpers/app.ts';

/** The README's example commands whose output is JSON meant for a pipe or a parser. */
function jsonExamples(): string[] {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => /^npm run\b.*--json\b/.test(line) && !/[[<]/.test(line));
}

describe('the README examples that print JSON', () => {
  const examples = jsonExamples();
  it('are there to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s prints JSON alone on stdout, as written', (example) => {
    // What precedes a pipe is what the next program reads; the data dir is a temporary one.
    const command = example.split(/\s\|\s/)[0]!;
    const result = spawnSync('sh', ['-c', command], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...TEST_ENV, COUNCIL_DATA_DIR: tempFolder('council-readme-') },
    });
    expect(result.status, result.stderr).toBe(0);
    for (const line of result.stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
