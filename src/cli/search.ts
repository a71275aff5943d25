import { runCommand } from './run.ts';

const USAGE = 'usage: npm run search -- [--json] [--data DIR] [--k N] "question"';

await runCommand(USAGE, { k: { type: 'string' } }, async (app, { values, positionals }) => {
  const question = positionals.join(' ').trim();
  const k = values.k === undefined ? 10 : Number(values.k);
  if (!question || !Number.isInteger(k) || k <= 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const started = performance.now();
  const result = await app.search(question, { k });
  const elapsedMs = performance.now() - started;
  if (values.json) {
    process.stdout.write(
      JSON.stringify({
        question,
        plan: result.question,
        filters: { applied: result.applied, uncovered: result.uncovered },
        passages: result.passages.map((p) => ({
          chunkId: p.id,
          reportId: p.reportId,
          title: p.report.title,
          body: p.report.body,
          sessionMonth: p.report.sessionMonth,
          meetingDate: p.report.meetingDate,
          section: p.section,
          score: p.score,
          lexicalRank: p.lexicalRank,
          denseRank: p.denseRank,
          text: p.text,
        })),
        timingMs: elapsedMs,
      }) + '\n',
    );
    return 0;
  }
  const lines = [`language: ${result.question.language}; filters: ${result.applied.join(', ') || 'none'}`];
  if (result.uncovered.length > 0) lines.push(`no stored report matches: ${result.uncovered.join(', ')}`);
  result.passages.forEach((p, i) => {
    lines.push(
      `${i + 1}. [${p.score.toFixed(4)}] ${p.report.body ?? '?'} · ${p.report.sessionMonth ?? p.report.meetingDate ?? '—'} · ${p.section ?? ''} (${p.id})`,
      `   ${p.text.replace(/\s+/g, ' ').slice(0, 240)}`,
    );
  });
  lines.push(`${result.passages.length} passages in ${elapsedMs.toFixed(0)} ms`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
});
