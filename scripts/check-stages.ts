/**
 * Stage rules for src/ (issue 11). A stage is the first folder under src/ (text, ingest, store, …);
 * a file directly in src/ (app.ts, config.ts, log.ts) is a stage of its own. Type-only imports
 * count: a cycle through `Pick<App>` still ties the stages together.
 *
 * - stage-cycle: the stage graph has no cycle.
 * - app-import: only src/app.ts and src/cli/** import src/app.ts (app.ts wires, stages don't use it).
 * - entry-file: a stage other than cli and app reaches another stage only through that stage's index.ts.
 *
 * Usage: tsx scripts/check-stages.ts. Exits 1 and lists each file → file import at fault.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One import of one file by another, both as repository paths ('src/answer/answer.ts'). */
export interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export type Rule = 'stage-cycle' | 'app-import' | 'entry-file';

export interface Problem {
  rule: Rule;
  /** What is wrong, e.g. the stages of the cycle. Problems with the same message belong together. */
  message: string;
  edge: Edge;
}

/** 'src/answer/answer.ts' → 'answer'; 'src/app.ts' → 'app'. */
export function stageOf(file: string): string {
  const [, first = '', ...rest] = file.split('/');
  return rest.length === 0 ? first.replace(/\.ts$/, '') : first;
}

/** The file other stages must import: the folder's index.ts, or the top-level file itself. */
function entryOf(stage: string, file: string): string {
  return file.split('/').length === 2 ? file : `src/${stage}/index.ts`;
}

/** The checks, on an import graph already read (so a test can hand it a made-up one). */
export function checkStages(edges: readonly Edge[]): Problem[] {
  const problems: Problem[] = [];
  const across = edges.filter((edge) => stageOf(edge.from) !== stageOf(edge.to));

  // An import from stage a to stage b closes a cycle when b leads back to a.
  const next = stageGraph(across);
  const searches = new Map([...next.keys()].map((stage) => [stage, searchFrom(next, stage)]));
  const leadsBack = (from: string, to: string) => searches.get(from)?.has(to) ?? false;
  const cycleOf = (stage: string) =>
    [stage, ...next.keys()].filter((other) => leadsBack(stage, other) && leadsBack(other, stage));
  const cycles = new Map<string, { loops: Set<string>; edges: Edge[] }>();
  for (const edge of across) {
    const [a, b] = [stageOf(edge.from), stageOf(edge.to)];
    if (!leadsBack(b, a)) continue;
    const stages = [...new Set(cycleOf(a))].sort().join(', ');
    if (!cycles.has(stages)) cycles.set(stages, { loops: new Set(), edges: [] });
    cycles.get(stages)?.loops.add(loopThrough(a, b, searches.get(b) as Map<string, string>).join(' → '));
    cycles.get(stages)?.edges.push(edge);
  }
  for (const [stages, { loops, edges: inCycle }] of cycles) {
    const examples = [...loops].sort((x, y) => x.length - y.length || x.localeCompare(y));
    const message = `stage cycle between ${stages}, e.g.:${examples.map((loop) => `\n    ${loop}`).join('')}`;
    for (const edge of inCycle) problems.push({ rule: 'stage-cycle', message, edge });
  }

  for (const edge of across) {
    if (edge.to === 'src/app.ts' && stageOf(edge.from) !== 'cli') {
      problems.push({ rule: 'app-import', message: 'only src/app.ts and src/cli/** may import src/app.ts', edge });
    }
  }

  for (const edge of across) {
    const [from, to] = [stageOf(edge.from), stageOf(edge.to)];
    if (from === 'cli' || from === 'app' || edge.to === entryOf(to, edge.to)) continue;
    const message = `${to} is imported other than through its entry file ${entryOf(to, edge.to)}`;
    problems.push({ rule: 'entry-file', message, edge });
  }
  return problems;
}

/** Stage → the stages it imports. */
function stageGraph(edges: readonly Edge[]): Map<string, Set<string>> {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = stageOf(edge.from);
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(stageOf(edge.to));
  }
  return next;
}

/** Breadth first from `start`: each stage reached (`start` too, through a cycle) → the stage it was reached from. */
function searchFrom(next: Map<string, Set<string>>, start: string): Map<string, string> {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const stage = queue[i] as string;
    for (const to of [...(next.get(stage) ?? [])].sort()) {
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, stage);
      queue.push(to);
    }
  }
  return cameFrom;
}

/** The shortest loop a → b → … → a, written from its first stage in sort order (so each loop reads one way). */
function loopThrough(a: string, b: string, fromB: Map<string, string>): string[] {
  const stages = [a];
  while (stages[0] !== b) stages.unshift(fromB.get(stages[0] as string) as string);
  const first = stages.indexOf([...stages].sort()[0] as string);
  const loop = [...stages.slice(first), ...stages.slice(0, first)];
  return [...loop, loop[0] as string];
}

// `import … from '…'` and `export … from '…'` at the start of a line (possibly over several lines),
// side-effect `import '…'`, and `import('…')` with a literal path.
const STATIC_IMPORT = /^(import|export)\b([^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE_IMPORT = /^import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Whether the clause between `import`/`export` and `from` imports types only. */
function isTypeOnly(clause: string): boolean {
  const text = clause.trim();
  if (/^type\b/.test(text)) return true;
  const braces = /^\{([^}]*)\}$/.exec(text);
  if (!braces) return false;
  const names = (braces[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => /^type\s/.test(name));
}

/**
 * The relative imports of one file, resolved to repository paths, one edge per imported file
 * (type only when every import of it is); package imports are left out.
 */
export function importsOf(file: string, source: string): Edge[] {
  const found: Array<{ specifier: string; typeOnly: boolean }> = [];
  for (const m of source.matchAll(STATIC_IMPORT))
    found.push({ specifier: m[3] ?? '', typeOnly: isTypeOnly(m[2] ?? '') });
  for (const m of source.matchAll(BARE_IMPORT)) found.push({ specifier: m[1] ?? '', typeOnly: false });
  for (const m of source.matchAll(DYNAMIC_IMPORT)) found.push({ specifier: m[1] ?? '', typeOnly: false });
  const edges = new Map<string, Edge>();
  for (const { specifier, typeOnly } of found) {
    if (!specifier.startsWith('.')) continue;
    const to = path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts');
    const seen = edges.get(to);
    edges.set(to, { from: file, to, typeOnly: typeOnly && (seen?.typeOnly ?? true) });
  }
  return [...edges.values()];
}

/** Every import between files under src/ of the repository at `root`. */
export function readImports(root: string): Edge[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/${name.split(path.sep).join('/')}`)
    .sort();
  return files.flatMap((file) =>
    importsOf(file, readFileSync(path.join(root, file), 'utf8')).filter((edge) => edge.to.startsWith('src/')),
  );
}

function main(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const problems = checkStages(readImports(root));
  const messages = [...new Set(problems.map((problem) => problem.message))];
  for (const message of messages) {
    console.log(message);
    for (const { edge } of problems.filter((problem) => problem.message === message)) {
      const stages = `${stageOf(edge.from)} → ${stageOf(edge.to)}:`.padEnd(20);
      console.log(`  ${stages} ${edge.from} → ${edge.to}${edge.typeOnly ? ' (type only)' : ''}`);
    }
  }
  const counts = (['stage-cycle', 'app-import', 'entry-file'] as const).map(
    (rule) => `${problems.filter((problem) => problem.rule === rule).length} ${rule}`,
  );
  console.log(`check-stages: ${counts.join(', ')}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
