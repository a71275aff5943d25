import { createInterface } from 'node:readline/promises';
import type { Answer } from '../answer/index.ts';
import type { QuestionScope } from '../question/index.ts';
import { answerAsText, passagesAsText } from './answer-text.ts';
import { runCommand } from './run.ts';
import { ensureReports } from './sample-corpus.ts';

/** The chat's own commands; anything else not starting with ":" is a question. */
const COMMANDS: ReadonlyArray<{ names: readonly string[]; says: string }> = [
  { names: [':sources'], says: 'xem các đoạn trích của câu trả lời vừa rồi' },
  { names: [':new'], says: 'bắt đầu chủ đề mới (câu hỏi sau không nối tiếp câu trước)' },
  { names: [':help', ':h', ':?'], says: 'xem danh sách lệnh' },
  { names: [':quit', ':q'], says: 'thoát' },
];
const COMMAND_LIST = COMMANDS.map((command) => `  ${command.names.join(', ')}  ${command.says}`).join('\n');

const USAGE =
  "usage: npm run chat -- [--data DIR]   (:sources shows the last answer's passages, :new starts a new topic, :help lists commands, :quit ends)";

await runCommand(USAGE, {}, async (app) => {
  await ensureReports(app);
  const prompt = createInterface({ input: process.stdin, output: process.stdout, historySize: 200 });
  process.stdout.write(
    'Hỏi về các phiên họp (gõ :sources để xem các đoạn trích, :new để đổi chủ đề, :help để xem các lệnh, :quit để thoát).\n',
  );
  let last: Answer | undefined;
  let scope: QuestionScope | null = null;
  try {
    for (;;) {
      const line = (await prompt.question('> ').catch(() => ':quit')).trim();
      if (!line) continue;
      const command = COMMANDS.find((known) => known.names.includes(line))?.names[0];
      if (command === ':quit') break;
      if (command === ':sources') {
        process.stdout.write((last ? passagesAsText(last) : 'Chưa có câu trả lời nào.') + '\n');
        continue;
      }
      if (command === ':new') {
        scope = null;
        process.stdout.write('Đã bắt đầu chủ đề mới.\n');
        continue;
      }
      if (command === ':help') {
        process.stdout.write(`Các lệnh:\n${COMMAND_LIST}\n`);
        continue;
      }
      // A word after a colon is a mistyped command, not a question (a question has spaces or starts otherwise).
      if (/^:\S+$/u.test(line)) {
        process.stdout.write(`Không có lệnh ${line}. Các lệnh:\n${COMMAND_LIST}\n`);
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
