import path from 'node:path';
import { ingestPaths, type IngestSummary } from '../ingest/index.ts';
import { progressBar } from './progress.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: npm run ingest -- <files or folders...> [--keep-samples] [--data DIR] [--json]
       npm run ingest -- --remove <report id | path> [--data DIR] [--json]`;

const OPTIONS = { remove: { type: 'string' }, 'keep-samples': { type: 'boolean' } } as const;

await runCommand(USAGE, OPTIONS, async (app, { values, positionals }) => {
  if (typeof values.remove === 'string') {
    const target = values.remove;
    // Opened before the store changes, so the index still matches it and is updated, not rebuilt.
    const index = await app.vectorIndex();
    const removed = app.store.removeReport(target) ?? app.store.removeReport(path.resolve(target));
    if (removed) {
      for (const label of removed.removedLabels) index.remove(label);
      index.save();
    }
    if (values.json) process.stdout.write(JSON.stringify({ removed: removed?.id ?? null }) + '\n');
    else
      process.stdout.write(removed ? `removed report ${removed.id}\n` : `no stored report has id or path ${target}\n`);
    return removed ? 0 : 1;
  }
  if (positionals.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const draw = progressBar('ingest');
  const summary = await ingestPaths(positionals, app, {
    onProgress: (done, total) => {
      if (total >= 20) draw(done, total);
    },
    keepSamples: values['keep-samples'] === true,
  });
  process.stdout.write(values.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
  return summary.failed.length > 0 ? 1 : 0;
});

function sameText(similarity: number): string {
  return similarity === 1 ? 'the same text' : `${Math.round(similarity * 100)}% the same text`;
}

function formatSummary(summary: IngestSummary): string {
  const lines = [
    `added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, already stored ${summary.duplicate}, skipped ${summary.skipped.length}, failed ${summary.failed.length}`,
  ];
  for (const report of summary.reports) {
    if (report.status === 'unchanged') continue;
    if (report.duplicateOf) {
      const { id, path: storedPath, source, similarity } = report.duplicateOf;
      lines.push(
        `  not added: ${report.path}: already stored as ${id} (${storedPath ?? source}); ${sameText(similarity)}, not added again (remove the stored one with --remove ${id} to replace it)`,
      );
      continue;
    }
    lines.push(
      `  ${report.status}: ${report.path} → ${report.id} (${report.chunks} chunks)${report.title ? ` "${report.title}"` : ''}`,
    );
    for (const warning of report.warnings) lines.push(`    warning: ${warning}`);
  }
  if (summary.samplesRemoved > 0)
    lines.push(
      `  removed the ${summary.samplesRemoved} sample reports: answers now come from real reports only (--keep-samples keeps them)`,
    );
  for (const { path: skippedPath, reason } of summary.skipped) lines.push(`  skipped: ${skippedPath}: ${reason}`);
  for (const { path: failedPath, reason } of summary.failed) lines.push(`  failed: ${failedPath}: ${reason}`);
  return lines.join('\n') + '\n';
}
