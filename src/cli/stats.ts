import { runCommand } from './run.ts';

const USAGE = `usage: npm run stats -- [--data DIR] [--json] [--recent N]
       what citizens asked the bot: counts today and overall, answer modes, feedback, latest questions`;

await runCommand(USAGE, { recent: { type: 'string' } }, (app, { values }) => {
  const recent = values.recent === undefined ? 10 : Number(values.recent);
  if (!Number.isInteger(recent) || recent < 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const stats = app.store.questions.stats(undefined, recent);
  const counts = app.store.counts();
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...counts, questions: stats }) + '\n');
    return 0;
  }
  const share = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ') || '—';
  const lines = [
    `reports ${counts.reports}, chunks ${counts.chunks}`,
    // Only the bot logs questions (the CLI is staff's own use): say so, lest the count read as every one.
    `questions asked the Telegram bot today ${stats.since}, overall ${stats.total} (ask, chat and search are not counted)`,
    `answer modes: ${share(stats.byMode)}`,
    `languages: ${share(stats.byLanguage)}`,
    `feedback today 👍 ${stats.sinceFeedback.up} 👎 ${stats.sinceFeedback.down}; overall 👍 ${stats.feedback.up} 👎 ${stats.feedback.down}`,
  ];
  if (stats.recent.length > 0) {
    lines.push('', 'latest questions:');
    for (const question of stats.recent) {
      const votes = question.up || question.down ? `  👍${question.up} 👎${question.down}` : '';
      lines.push(
        `  ${question.askedAt.slice(0, 16).replace('T', ' ')}  ${question.mode.padEnd(10)} ${Math.round(question.timingsMs.total)} ms${votes}`,
        `    ${question.question}`,
      );
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
});
