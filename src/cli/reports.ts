import { runCommand } from './run.ts';

const USAGE = 'usage: npm run reports -- [--data DIR] [--json]';

await runCommand(USAGE, {}, (app, { values }) => {
  const reports = app.store.listReports();
  if (values.json) {
    process.stdout.write(JSON.stringify(reports) + '\n');
    return 0;
  }
  if (reports.length === 0) {
    process.stdout.write(`no reports stored in ${app.config.dataDir}; add some with npm run ingest -- corpus/\n`);
    return 0;
  }
  for (const report of reports) {
    const when = report.meetingDate ?? report.publishedDate ?? report.documentDate ?? '—';
    process.stdout.write(
      `${report.id}  ${when}  ${report.body ?? '(body unknown)'}  session ${report.sessionMonth ?? '—'}  ${report.chunks} chunks${report.sample ? '  SAMPLE (illustrative, not an official record)' : ''}\n` +
        `    ${report.title ?? '(untitled)'}\n    ${report.source}\n`,
    );
  }
  return 0;
});
