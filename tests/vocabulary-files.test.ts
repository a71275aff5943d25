import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOSSARY } from '../src/question/glossary.ts';
import { SHORTHAND_WORDS } from '../src/question/shorthand.ts';
import { ABBREVIATIONS } from '../src/text/index.ts';
import { UNIT_RENAMES } from '../src/text/bodies.ts';
import { listOf, loadVocabulary, matching, VOCABULARY_FOLDER, VocabularyError } from '../src/vocabulary/index.ts';

// Every file of vocabulary/, its columns and its real number of rows. A change to a file changes
// its count here: the diff then shows how many rows were meant to be added or removed.
const FILES = {
  abbreviations: { columns: ['short', 'long'], rows: 105 },
  'document-types': { columns: ['name', 'abbreviation', 'title', 'header', 'numbered'], rows: 13 },
  'english-stop-words': { columns: ['word'], rows: 145 },
  fillers: { columns: ['list', 'phrase'], rows: 101 },
  'framing-phrases': { columns: ['phrase', 'typed_plain', 'content_near'], rows: 70 },
  glossary: { columns: ['english', 'vietnamese'], rows: 1058 },
  'question-words': { columns: ['word'], rows: 48 },
  renames: { columns: ['place', 'province', 'from', 'to', 'since', 'resolution'], rows: 3 },
  shorthand: { columns: ['shorthand', 'word'], rows: 31 },
  surnames: { columns: ['surname'], rows: 54 },
  'unit-kinds': { columns: ['spelling', 'kind'], rows: 13 },
} as const;

describe('vocabulary files', () => {
  it('are exactly the files listed here', () => {
    const names = readdirSync(VOCABULARY_FOLDER).map((file) => file.replace(/\.tsv$/, ''));
    expect(names.sort()).toEqual(Object.keys(FILES).sort());
  });

  it.each(Object.entries(FILES))('%s.tsv: header comment, header row and row count', (name, { columns, rows }) => {
    const text = readFileSync(join(VOCABULARY_FOLDER, `${name}.tsv`), 'utf8');
    const comment = text.split('\n').filter((_line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#')));
    expect(comment.length).toBeGreaterThan(0);
    expect(comment.join('\n')).toMatch(/^# Columns:$/m);
    expect(comment.join('\n')).toMatch(/^# Sources?: \S/m);
    expect(text).toBe(text.normalize('NFC'));
    expect(loadVocabulary(name, { columns })).toHaveLength(rows);
  });

  it('load through their modules, which check each cell', () => {
    expect(GLOSSARY).toHaveLength(3087);
    expect(ABBREVIATIONS).toHaveLength(FILES.abbreviations.rows);
    expect(SHORTHAND_WORDS.size).toBe(FILES.shorthand.rows);
    expect(UNIT_RENAMES).toHaveLength(FILES.renames.rows);
  });

  it('give each English phrase of the glossary one row', () => {
    const phrases = GLOSSARY.map((entry) => entry.english);
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});

describe('loadVocabulary', () => {
  const folder = mkdtempSync(join(tmpdir(), 'vocabulary-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, lines: string[]): void => writeFileSync(join(folder, `${name}.tsv`), lines.join('\n'));
  const header = ['# A test vocabulary.', '# Columns: short, long', 'short\tlong'];

  it('reads rows by column, skipping comments and blank lines anywhere', () => {
    write('good', [...header, 'HĐND\thội đồng nhân dân', '', '# a section', 'UBND\tủy ban nhân dân']);
    expect(loadVocabulary('good', { columns: ['short', 'long'], folder })).toEqual([
      { short: 'HĐND', long: 'hội đồng nhân dân' },
      { short: 'UBND', long: 'ủy ban nhân dân' },
    ]);
  });

  it('reads Windows line ends, a byte order mark and decomposed text as the same rows', () => {
    writeFileSync(
      join(folder, 'windows.tsv'),
      `\uFEFF${header.join('\r\n')}\r\nHĐND\thội đồng nhân dân\r\n`.normalize('NFD'),
    );
    const [row] = loadVocabulary('windows', { columns: ['short', 'long'], folder });
    expect(row).toEqual({ short: 'HĐND', long: 'hội đồng nhân dân' });
  });

  it('reads a file once', () => {
    write('once', [...header, 'A\ta']);
    expect(loadVocabulary('once', { columns: ['short', 'long'], folder })).toHaveLength(1);
    write('once', [...header, 'A\ta', 'B\tb']);
    expect(loadVocabulary('once', { columns: ['short', 'long'], folder })).toHaveLength(1);
  });

  it('names file and line of a row with too many or too few columns', () => {
    write('columns', [...header, 'A\ta', 'B\tb\tc']);
    expect(() => loadVocabulary('columns', { columns: ['short', 'long'], folder })).toThrow(
      new VocabularyError(`${join(folder, 'columns.tsv')}:5: expected 2 columns, found 3`),
    );
    write('short-row', [...header, '', 'A']);
    expect(() => loadVocabulary('short-row', { columns: ['short', 'long'], folder })).toThrow(
      `${join(folder, 'short-row.tsv')}:5: expected 2 columns, found 1`,
    );
  });

  it('names the line of a cell its check refuses, and the column', () => {
    write('checked', [...header, 'HĐND\thội đồng nhân dân', '# comment', 'ub nd\tủy ban nhân dân']);
    const load = () =>
      loadVocabulary('checked', {
        columns: ['short', 'long'],
        folder,
        validate: { short: matching(/^\S+$/, 'one word') },
      });
    expect(load).toThrow(`${join(folder, 'checked.tsv')}:6: short: "ub nd" is not one word`);
  });

  it('refuses empty cells unless the column has a check, and spaces around a cell', () => {
    write('empty', [...header, 'A\t']);
    expect(() => loadVocabulary('empty', { columns: ['short', 'long'], folder })).toThrow(/empty\.tsv:4: long: empty$/);
    write('spaces', [...header, 'A \ta']);
    expect(() => loadVocabulary('spaces', { columns: ['short', 'long'], folder })).toThrow(
      /spaces\.tsv:4: short: spaces around "A "$/,
    );
    write('list', [...header, 'A\ta||b']);
    expect(() => loadVocabulary('list', { columns: ['short', 'long'], folder, validate: { long: listOf() } })).toThrow(
      /list\.tsv:4: long: empty item in "a\|\|b"$/,
    );
  });

  it('names both lines of a repeated key', () => {
    write('repeated', [...header, 'A\ta', 'B\tb', 'A\tc']);
    expect(() => loadVocabulary('repeated', { columns: ['short', 'long'], folder, unique: 'short' })).toThrow(
      /repeated\.tsv:6: short: "A" already on line 4$/,
    );
  });

  it('names the header row when it does not name the columns, and a file without one', () => {
    write('header', ['# comment', 'short\tlongs', 'A\ta']);
    expect(() => loadVocabulary('header', { columns: ['short', 'long'], folder })).toThrow(
      /header\.tsv:2: expected header "short\\tlong", found "short\\tlongs"$/,
    );
    write('comments-only', ['# nothing else']);
    expect(() => loadVocabulary('comments-only', { columns: ['short', 'long'], folder })).toThrow(
      /comments-only\.tsv: no header row/,
    );
    write('no-rows', header);
    expect(() => loadVocabulary('no-rows', { columns: ['short', 'long'], folder })).toThrow(/no-rows\.tsv: no rows$/);
  });

  it('names a missing file relative to the repository', () => {
    expect(() => loadVocabulary('no-such-vocabulary', { columns: ['a'] })).toThrow(
      /^vocabulary\/no-such-vocabulary\.tsv: cannot read: ENOENT/,
    );
    expect(() => loadVocabulary('../package', { columns: ['a'] })).toThrow(/bad vocabulary name/);
  });
});
