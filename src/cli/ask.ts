import { createInterface } from 'node:readline';
import { answerAsText } from './answer-text.ts';
import { runCommand } from './run.ts';
import { ensureReports } from './sample-corpus.ts';

const USAGE = `usage: npm run ask -- [--json] [--data DIR] [--k N] "question"
       without a question, reads one question per line from standard input`;

await runCommand(USAGE, { k: { type: 'string' } }, async (app, { values, positionals }) => {
  const k = values.k === undefined ? 10 : Number(values.k);
  if (!Number.isInteger(k) || k <= 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  await ensureReports(app);
  const reply = async (question: string): Promise<void> => {
    const result = await app.ask(question, { k });
    process.stdout.write(values.json ? JSON.stringify(result) + '\n' : answerAsText(result) + '\n\n');
  };
  const question = positionals.join(' ').trim();
  if (question) {
    await reply(question);
    return 0;
  }
  // At a terminal, waiting silently for stdin looks like a hang: say what is expected.
  if (process.stdin.isTTY) {
    process.stderr.write('Gõ câu hỏi, mỗi dòng một câu; Ctrl+D để kết thúc.\n' + USAGE + '\n');
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) await reply(line.trim());
  }
  return 0;
});
