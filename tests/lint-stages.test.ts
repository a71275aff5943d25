import { describe, expect, it } from 'vitest';
import { checkStages, type Edge, importsOf, stageOf } from '../scripts/check-stages.ts';

// Made-up import graphs: the rules are about stages, not about today's files.
const imports = (...pairs: Array<[string, string]>): Edge[] =>
  pairs.map(([from, to]) => ({ from, to, typeOnly: false }));
const rulesHit = (edges: Edge[]) => checkStages(edges).map((problem) => problem.rule);

describe('stages of src/', () => {
  it('names the first folder, or the top-level file without its extension', () => {
    expect(stageOf('src/answer/answer.ts')).toBe('answer');
    expect(stageOf('src/ingest/readers/pdf.ts')).toBe('ingest');
    expect(stageOf('src/app.ts')).toBe('app');
  });
});

describe('the stage check', () => {
  it('passes a graph where imports only run one way, through entry files', () => {
    const edges = imports(
      ['src/answer/answer.ts', 'src/retrieve/index.ts'],
      ['src/retrieve/retrieve.ts', 'src/store/index.ts'],
      ['src/retrieve/retrieve.ts', 'src/retrieve/lexical.ts'],
      ['src/retrieve/lexical.ts', 'src/retrieve/retrieve.ts'], // a cycle inside one stage is Biome's to report
      ['src/app.ts', 'src/answer/index.ts'],
      ['src/cli/ask.ts', 'src/app.ts'],
      ['src/cli/ask.ts', 'src/text/normalize.ts'], // cli may reach into a stage
      ['src/store/store.ts', 'src/log.ts'],
    );
    expect(checkStages(edges)).toEqual([]);
  });

  it('reports every import of a stage cycle, with the shortest loops, also through type-only imports', () => {
    const edges: Edge[] = [
      { from: 'src/store/store.ts', to: 'src/ingest/index.ts', typeOnly: true },
      { from: 'src/ingest/pipeline.ts', to: 'src/store/index.ts', typeOnly: false },
      { from: 'src/ingest/pipeline.ts', to: 'src/text/index.ts', typeOnly: false },
    ];
    const problems = checkStages(edges);
    expect(problems.map((problem) => `${problem.edge.from} → ${problem.edge.to}`)).toEqual([
      'src/store/store.ts → src/ingest/index.ts',
      'src/ingest/pipeline.ts → src/store/index.ts',
    ]);
    expect(problems[0]?.message).toBe('stage cycle between ingest, store, e.g.:\n    ingest → store → ingest');
  });

  it('finds a cycle over several stages', () => {
    const edges = imports(
      ['src/answer/answer.ts', 'src/retrieve/index.ts'],
      ['src/retrieve/retrieve.ts', 'src/store/index.ts'],
      ['src/store/store.ts', 'src/answer/index.ts'],
    );
    expect(rulesHit(edges)).toEqual(['stage-cycle', 'stage-cycle', 'stage-cycle']);
    expect(checkStages(edges)[0]?.message).toContain('answer → retrieve → store → answer');
  });

  it('reports app.ts imported from a stage, but not from cli', () => {
    const edges = imports(['src/bot/bot.ts', 'src/app.ts'], ['src/cli/bot.ts', 'src/app.ts']);
    const problems = checkStages(edges);
    expect(problems.map((problem) => [problem.rule, problem.edge.from])).toEqual([['app-import', 'src/bot/bot.ts']]);
  });

  it('reports an import past another stage’s entry file', () => {
    const edges = imports(
      ['src/store/store.ts', 'src/ingest/types.ts'],
      ['src/bot/bot.ts', 'src/ingest/readers/index.ts'],
    );
    expect(rulesHit(edges)).toEqual(['entry-file', 'entry-file']);
  });
});

describe('reading imports', () => {
  it('resolves relative imports and re-exports, over several lines, and marks type-only ones', () => {
    const source = [
      "import path from 'node:path';",
      "import type { App } from '../app.ts';",
      "import { type Store, openStore } from '../store/index.ts';",
      'import {',
      '  type Chunk,',
      '  type Section,',
      "} from '../ingest/index.ts';",
      "export { normalize } from '../text/index.ts';",
      "// import { nothing } from '../bot/index.ts' is only a comment",
    ].join('\n');
    expect(importsOf('src/answer/answer.ts', source)).toEqual([
      { from: 'src/answer/answer.ts', to: 'src/app.ts', typeOnly: true },
      { from: 'src/answer/answer.ts', to: 'src/store/index.ts', typeOnly: false },
      { from: 'src/answer/answer.ts', to: 'src/ingest/index.ts', typeOnly: true },
      { from: 'src/answer/answer.ts', to: 'src/text/index.ts', typeOnly: false },
    ]);
  });
});
