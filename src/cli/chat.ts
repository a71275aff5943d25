import { createInterface } from 'node:readline/promises';
import type { Answer } from '../answer/index.ts';
import type { QuestionScope } from '../question/index.ts';
import { answerAsText, passagesAsText } from './answer-text.ts';
import { runCommand } from './run.ts';
import { ensureReports } from './sample-corpus.ts';

const USAGE =
  "usage: npm run chat -- [--data DIR]   (:sources shows the last answer's passages, :new starts a new topic, :quit ends)";

await runCommand(USAGE, {}, async (app) => {
  await ensureReports(app);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, historySize: 200 });
  process.stdout.write(
    'Hỏi về các phiên họp (gõ :sources để xem các đoạn trích, :new để đổi chủ đề, :quit để thoát).\n',
  );
  let last: Answer | undefined;
  let scope: QuestionScope | null = null;
  try {
    for (;;) {
      const line = (await prompt.question('> ').catch(() => ':quit')).trim();
      if (line === ':quit' || line === ':q') break;
      if (!line) continue;
      if (line === ':sources') {
        process.stdout.write((last ? passagesAsText(last) : 'Chưa có câu trả lời nào.') + '\n');
        continue;
      }
      if (line === ':new') {
        scope = null;
        continue;
      }
      // A follow-up that names no session is read in the previous answer's (said in its note).
      last = await app.ask(line, { context: scope });
      scope = last.scope;
      process.stdout.write(answerAsText(last) + '\n');
    }
  } finally {
    prompt.close();
  }
  return 0;
});
