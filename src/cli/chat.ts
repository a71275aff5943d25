import { createInterface } from 'node:readline/promises';
import { answer, type Answer } from '../answer/index.ts';
import { answerAsText, passagesAsText } from './answer-text.ts';
import { runCommand } from './run.ts';
import { ensureReports } from './sample-corpus.ts';

const USAGE = 'usage: npm run chat -- [--data DIR]   (:sources shows the last answer\'s passages, :quit ends)';

await runCommand(USAGE, {}, async (app) => {
  await ensureReports(app);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, historySize: 200 });
  process.stdout.write('Hỏi về các phiên họp (gõ :sources để xem các đoạn trích, :quit để thoát).\n');
  let last: Answer | undefined;
  try {
    for (;;) {
      const line = (await prompt.question('> ').catch(() => ':quit')).trim();
      if (line === ':quit' || line === ':q') break;
      if (!line) continue;
      if (line === ':sources') {
        process.stdout.write((last ? passagesAsText(last) : 'Chưa có câu trả lời nào.') + '\n');
        continue;
      }
      last = await answer(line, app);
      process.stdout.write(answerAsText(last) + '\n');
    }
  } finally {
    prompt.close();
  }
  return 0;
});
