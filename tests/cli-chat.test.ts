import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TEST_ENV, tempFolder } from './helpers/app.ts';

/** Types each line only once the chat shows its prompt, as a person at a terminal would. */
function chatSession(lines: string[]): Promise<{ stdout: string; status: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', '--data', tempFolder('council-chat-')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...TEST_ENV },
  });
  let stdout = '';
  let prompts = 0;
  const pending = [...lines];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (data: string) => {
    stdout += data;
    const seen = stdout.split('> ').length - 1;
    while (prompts < seen) {
      prompts += 1;
      const next = pending.shift();
      if (next === undefined) child.stdin.end();
      else child.stdin.write(`${next}\n`);
    }
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ stdout, status })));
}

describe('npm run chat', () => {
  it('lists its commands on :help and on a mistyped one, confirms :new, and asks nothing of them', async () => {
    const { stdout, status } = await chatSession([':help', ':sourse', ':new', ':quit']);
    expect(status).toBe(0);
    const [, help, mistyped, started] = stdout.split('> ');
    expect(help).toMatch(/^Các lệnh:\n {2}:sources .*\n {2}:new .*\n {2}:help, :h, :\? .*\n {2}:quit, :q /);
    expect(mistyped).toMatch(/^Không có lệnh :sourse\. Các lệnh:\n {2}:sources/);
    expect(started).toBe('Đã bắt đầu chủ đề mới.\n');
    expect(stdout).not.toMatch(/không đề cập|Nguồn/);
  });
});
