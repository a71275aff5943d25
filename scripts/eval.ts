// Retrieval quality on the evaluation set (scripts/eval/questions.json) over the sample corpus:
// hit@1, hit@5 and MRR@10 per question group, for each retrieval mode and each embedder that can
// run on this machine, then the answers' quality, and how well the metadata rules read each field.
// Each embedder gets a fresh data dir with the corpus ingested.
//
// `--corpus DIR --questions FILE [--metadata FILE]` evaluates another set of reports the same way
// (a blind probe of real council articles kept outside the repository); `--metadata` is the
// reports' metadata as a careful reader states it (tests/fixtures/corpus-metadata.json for the
// sample corpus).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../src/app.ts';
import { loadConfig, type EmbedderKind } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import type { RankedPassage, RetrievalMode } from '../src/retrieve/index.ts';
import { normalizeText } from '../src/text/index.ts';

interface EvalQuestion {
  id: string;
  group: string;
  question: string;
  evidence: Array<{ file: string; quote: string }>;
  facts: string[];
}

const root = path.resolve(import.meta.dirname, '..');
// `--questions <file>` evaluates another question set (e.g. a held-out one) in the same format.
const questionsArg = process.argv.indexOf('--questions');
const questionsFile =
  questionsArg >= 0 && process.argv[questionsArg + 1]
    ? path.resolve(process.argv[questionsArg + 1]!)
    : path.join(root, 'scripts/eval/questions.json');
const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as EvalQuestion[];
const corpusDir = path.resolve(argument('--corpus') ?? path.join(root, 'corpus'));
const metadataFile =
  argument('--metadata') ?? (argument('--corpus') ? null : path.join(root, 'tests/fixtures/corpus-metadata.json'));
const MODES: RetrievalMode[] = ['lexical', 'dense', 'hybrid'];
// `--per-question` prints one line per question and mode (evidence rank) and per answer (mode,
// cited chunks, text): two runs that print the same lines behaved the same, question by question.
const perQuestion = process.argv.includes('--per-question');

function argument(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Rank (1-based) of the first passage that is evidence for the question, or null. */
function evidenceRank(question: EvalQuestion, passages: readonly RankedPassage[], app: App): number | null {
  const index = passages.findIndex((passage) => isEvidence(question, passage.reportId, passage.text, app));
  return index < 0 ? null : index + 1;
}

/** A chunk named by its report's file in the corpus, the same in every checkout (report ids hash the full path). */
function chunkName(app: App, chunkId: string): string {
  const [reportId, ordinal] = chunkId.split(':');
  const report = app.store.getReport(reportId ?? '');
  return `${report?.path ? path.relative(corpusDir, report.path) : reportId}:${ordinal}`;
}

interface Tally {
  n: number;
  hit1: number;
  hit5: number;
  rr: number;
}

async function evaluate(kind: EmbedderKind): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `council-eval-${kind}-`));
  const notices: string[] = [];
  const app = openApp(
    loadConfig({ ...process.env, EMBEDDER: kind, COUNCIL_DATA_DIR: dataDir }),
    createLogger('info', (line) => notices.push(line)),
  );
  try {
    const embedder = await app.embedder().catch((error: Error) => error);
    if (embedder instanceof Error) {
      console.log(`\n## ${kind}: not available here (${embedder.message.split('\n')[0]})`);
      return;
    }
    await ingestPaths([corpusDir], app);
    console.log(
      `\n## embedder ${embedder.id} (${app.store.counts().reports} reports, ${app.store.counts().chunks} chunks)`,
    );
    if (metadataFile) printMetadataAccuracy(app, metadataFile);
    const answerable = questions.filter((q) => q.evidence.length > 0);
    const unanswerable = questions.filter((q) => q.evidence.length === 0);
    for (const mode of MODES) {
      const tallies = new Map<string, Tally>();
      const misses: string[] = [];
      for (const question of answerable) {
        const { passages, applied, uncovered } = await app.search(question.question, { k: 10, mode });
        const rank = evidenceRank(question, passages, app);
        if (perQuestion)
          console.log(
            `rank ${mode} ${question.id} ${rank ?? '-'} ${passages.map((p) => chunkName(app, p.id)).join(',')}`,
          );
        for (const group of [question.group, 'all']) {
          const tally = tallies.get(group) ?? { n: 0, hit1: 0, hit5: 0, rr: 0 };
          tally.n++;
          if (rank === 1) tally.hit1++;
          if (rank !== null && rank <= 5) tally.hit5++;
          if (rank !== null) tally.rr += 1 / rank;
          tallies.set(group, tally);
        }
        if (mode === 'hybrid' && rank !== 1 && process.argv.includes('--top1')) {
          const top = passages[0];
          console.log(
            `  not first ${question.id} (rank ${rank ?? '>10'}): ${question.question}\n    got ${top?.report.body} ${top?.report.sessionMonth ?? top?.report.meetingDate} [${top?.section}] ${top?.text.slice(0, 110).replace(/\n/g, ' ')}\n    want ${question.evidence.map((e) => `${e.file}: ${e.quote}`).join(' | ')}`,
          );
        }
        if (mode === 'hybrid' && (rank === null || rank > 5))
          misses.push(
            `${question.id} (rank ${rank ?? '>10'}; filters ${applied.join(', ') || '-'}${uncovered.length ? `; uncovered ${uncovered.join(', ')}` : ''}): ${question.question}`,
          );
      }
      console.log(`\n${mode}:`);
      console.log('| group | n | hit@1 | hit@5 | MRR@10 |\n|---|---|---|---|---|');
      for (const [group, t] of [...tallies].sort(([a], [b]) =>
        a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
      )) {
        console.log(
          `| ${group} | ${t.n} | ${(t.hit1 / t.n).toFixed(2)} | ${(t.hit5 / t.n).toFixed(2)} | ${(t.rr / t.n).toFixed(2)} |`,
        );
      }
      if (misses.length > 0 && process.argv.includes('--misses'))
        console.log(misses.map((m) => `  miss ${m}`).join('\n'));
    }
    let uncovered = 0;
    for (const question of unanswerable)
      if ((await app.search(question.question, { k: 10 })).uncovered.length > 0) uncovered++;
    console.log(
      `\nunanswerable questions whose period/body no report covers (refused at retrieval): ${uncovered}/${unanswerable.length}`,
    );
    await evaluateAnswers(app);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Fact recall, citation precision and refusals of the answers (`answer()` as the CLI and bot use it). */
async function evaluateAnswers(app: App): Promise<void> {
  let answerable = 0;
  let factHits = 0;
  let falseRefusals = 0;
  let unanswerable = 0;
  let correctRefusals = 0;
  let citations = 0;
  let preciseCitations = 0;
  let evidenceCited = 0;
  const latencies: number[] = [];
  const failures: string[] = [];
  for (const question of questions) {
    const result = await app.ask(question.question);
    latencies.push(result.timingsMs.total);
    if (perQuestion) {
      const cited = result.citations.map((c) => `${c.n}=${chunkName(app, c.chunkId)}`).join(',');
      console.log(
        `answer ${question.id} ${result.mode} [${cited}] ${JSON.stringify(result.answer)} note=${JSON.stringify(result.note)} scope=${JSON.stringify(result.scope)}`,
      );
    }
    for (const citation of result.citations) {
      citations++;
      const passage = result.passages.find((p) => p.chunkId === citation.chunkId);
      if (passage && passage.text.replace(/\s+/g, ' ').includes(citation.quote)) preciseCitations++;
    }
    if (question.evidence.length === 0) {
      unanswerable++;
      if (result.mode === 'no-answer') correctRefusals++;
      else failures.push(`answered unanswerable ${question.id}: ${question.question}`);
      continue;
    }
    answerable++;
    if (result.mode === 'no-answer') {
      falseRefusals++;
      failures.push(`refused ${question.id}: ${question.question}`);
    }
    const cited = result.citations.flatMap((c) => result.passages.filter((p) => p.chunkId === c.chunkId));
    if (cited.some((passage) => isEvidence(question, passage.reportId, passage.text, app))) evidenceCited++;
    const text = normalizeText(result.answer);
    if (question.facts.every((fact) => text.includes(normalizeText(fact)))) factHits++;
    else if (result.mode !== 'no-answer') failures.push(`fact missing ${question.id}: ${question.facts.join(' | ')}`);
  }
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
  console.log('\nanswers (extractive unless an LLM is configured):');
  console.log(
    '| fact recall | citation precision | correct refusals | false refusals | p95 ms (retrieve + answer) |\n|---|---|---|---|---|',
  );
  console.log(
    `| ${(factHits / answerable).toFixed(2)} | ${(preciseCitations / Math.max(citations, 1)).toFixed(2)} | ${(correctRefusals / unanswerable).toFixed(2)} (${correctRefusals}/${unanswerable}) | ${(falseRefusals / answerable).toFixed(2)} (${falseRefusals}/${answerable}) | ${p95.toFixed(0)} |`,
  );
  console.log(
    `citation hit (answerable questions whose answer cites an evidence passage): ${(evidenceCited / Math.max(answerable, 1)).toFixed(2)} (${evidenceCited}/${answerable})`,
  );
  if (process.argv.includes('--misses')) console.log(failures.map((f) => `  ${f}`).join('\n'));
}

/** The metadata fields compared with what a careful reader states; `period` is the span a review meeting reports on. */
const METADATA_FIELDS = [
  'body',
  'sessionKind',
  'sessionNumber',
  'sessionMonth',
  'meetingDate',
  'publishedDate',
  'period',
] as const;
type GoldMetadata = { file: string } & Partial<Record<(typeof METADATA_FIELDS)[number], unknown>>;

/** Per field, the share of reports whose stored value is the one stated (absent in both counts as right). */
function printMetadataAccuracy(app: App, file: string): void {
  const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldMetadata[];
  const reports = app.store.listReports();
  const byPath = new Map(reports.map((report) => [report.path, report]));
  const wrong: string[] = [];
  console.log(`
metadata fields read right (${gold.length} reports, ${path.relative(root, file) || file}):`);
  console.log('| field | right | share |\n|---|---|---|');
  for (const field of METADATA_FIELDS) {
    const stated = gold.filter((entry) => field in entry);
    if (stated.length === 0) continue;
    let right = 0;
    for (const entry of stated) {
      const report = byPath.get(path.join(corpusDir, entry.file));
      // The month a session is for, or, for sittings named by number, the month it met: what a month filter reads.
      const stored =
        field === 'period'
          ? report?.period
            ? `${report.period.from}..${report.period.to}`
            : null
          : field === 'sessionMonth'
            ? (report?.sessionMonth ?? report?.meetingDate?.slice(0, 7) ?? null)
            : field === 'sessionKind' && (report?.sessionKind === 'hội nghị' || report?.sessionKind === 'đại hội')
              ? null // a conference or congress: a kind of meeting, no session kind
              : (report?.[field] ?? null);
      const expected =
        field === 'period'
          ? (entry.period as { from?: string | null } | null)?.from
            ? `${(entry.period as { from: string }).from}..${(entry.period as { to: string }).to}`
            : null
          : field === 'sessionMonth'
            ? (entry.sessionMonth ?? (entry.meetingDate as string | null | undefined)?.slice(0, 7) ?? null)
            : (entry[field] ?? null);
      // A body is read right when it is one of the names the report carries (renames, Party aliases).
      const names = field === 'body' && report ? [report.body, ...report.bodyAliases] : [stored];
      const same =
        typeof expected === 'string'
          ? names.some((name) => typeof name === 'string' && normalizeText(name) === normalizeText(expected))
          : stored === expected;
      if (same) right++;
      else wrong.push(`${entry.file} ${field}: stored ${JSON.stringify(stored)}, stated ${JSON.stringify(expected)}`);
    }
    const note =
      field === 'period'
        ? ' (first..last month)'
        : field === 'sessionMonth'
          ? ' (or the month met)'
          : field === 'sessionKind'
            ? ' (a conference has none)'
            : '';
    console.log(`| ${field}${note} | ${right}/${stated.length} | ${(right / stated.length).toFixed(2)} |`);
  }
  if (process.argv.includes('--misses')) console.log(wrong.map((line) => `  ${line}`).join('\n'));
}

/** Whether a passage of a report holds one of the question's evidence quotes from that report's file. */
function isEvidence(question: EvalQuestion, reportId: string, text: string, app: App): boolean {
  const report = app.store.getReport(reportId);
  return question.evidence.some(
    (e) => report?.path === path.join(corpusDir, e.file) && text.includes(normalizeText(e.quote)),
  );
}

const kinds = (process.env.EVAL_EMBEDDERS ?? 'hashing,transformers').split(',') as EmbedderKind[];
console.log(
  `# retrieval eval: ${questions.length} questions (${questions.filter((q) => q.evidence.length === 0).length} unanswerable)`,
);
for (const kind of kinds) await evaluate(kind);
