// Vocabularies are data: the word lists of question understanding and the text rules (glossary,
// abbreviations, chat shorthand, fillers, unit kinds, renames) live in TSV files in `vocabulary/`
// at the repository root, not in code. This module reads them, once each, and checks every row, so
// a slip in a data file fails at startup with its file and line instead of silently changing
// answers.
//
// File format (UTF-8): `#` lines are comments, anywhere (the header comment says what a row means,
// its columns and where the rows come from); blank lines are skipped; the first other line is the
// header row naming the columns, tab-separated; every later line is one row with exactly that many
// tab-separated cells. Cells are read as NFC, so a file saved in decomposed form reads the same.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

const REPOSITORY = join(import.meta.dirname, '..', '..');

/** The folder vocabularies are read from unless a schema names another. */
export const VOCABULARY_FOLDER = join(REPOSITORY, 'vocabulary');

/** Checks one cell: returns what is wrong with it, or null when it is fine. */
export type CellCheck = (value: string) => string | null;

/** What a vocabulary file must hold. */
export interface VocabularySchema<C extends string> {
  /** Column names, in order, exactly as the header row spells them. */
  columns: readonly C[];
  /** A check per column; a column without one must not be empty. */
  validate?: Partial<Record<C, CellCheck>>;
  /** A column whose values must differ from row to row. */
  unique?: C;
  /** The folder to read from; `VOCABULARY_FOLDER` unless given (tests write bad files elsewhere). */
  folder?: string;
}

/** One row of a vocabulary: its cells by column name. */
export type VocabularyRow<C extends string> = Readonly<Record<C, string>>;

/** A vocabulary file that does not hold what its schema says; the message starts with file and line. */
export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

interface ParsedFile {
  /** Where the error messages say the file is: relative to the repository when inside it. */
  shown: string;
  header: { line: number; cells: string[] } | null;
  rows: Array<{ line: number; cells: string[] }>;
}

const files = new Map<string, ParsedFile>();

/**
 * The rows of `vocabulary/<name>.tsv`, checked against `schema`: the header row must name its
 * columns, each row must have one cell per column and pass the column's check. Throws a
 * `VocabularyError` naming file and line ("vocabulary/glossary.tsv:123: expected 2 columns, found
 * 3") on the first bad row. The file is read once; later calls reuse it.
 */
export function loadVocabulary<const C extends string>(
  name: string,
  schema: VocabularySchema<C>,
): ReadonlyArray<VocabularyRow<C>> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new VocabularyError(`bad vocabulary name "${name}": lower-case letters, digits and hyphens only`);
  }
  const file = parsedFile(join(schema.folder ?? VOCABULARY_FOLDER, `${name}.tsv`));
  const fail = (line: number | null, message: string): never => {
    throw new VocabularyError(`${file.shown}${line === null ? '' : `:${line}`}: ${message}`);
  };
  const { columns } = schema;
  if (!file.header) return fail(null, `no header row (expected "${columns.join('\\t')}")`);
  if (file.header.cells.join('\t') !== columns.join('\t')) {
    fail(file.header.line, `expected header "${columns.join('\\t')}", found "${file.header.cells.join('\\t')}"`);
  }
  if (file.rows.length === 0) fail(null, 'no rows');
  const seen = new Map<string, number>();
  return file.rows.map(({ line, cells }) => {
    if (cells.length !== columns.length) fail(line, `expected ${columns.length} columns, found ${cells.length}`);
    const row = {} as Record<C, string>;
    columns.forEach((column, i) => {
      const value = cells[i] ?? '';
      if (value !== value.trim()) fail(line, `${column}: spaces around "${value}"`);
      const check = schema.validate?.[column];
      const problem = check ? check(value) : value === '' ? 'empty' : null;
      if (problem !== null) fail(line, `${column}: ${problem}`);
      row[column] = value;
    });
    if (schema.unique !== undefined) {
      const key = row[schema.unique];
      const first = seen.get(key);
      if (first !== undefined) fail(line, `${schema.unique}: "${key}" already on line ${first}`);
      seen.set(key, line);
    }
    return row;
  });
}

function parsedFile(path: string): ParsedFile {
  const cached = files.get(path);
  if (cached) return cached;
  const fromRepository = relative(REPOSITORY, path);
  const shown = fromRepository.startsWith('..') || isAbsolute(fromRepository) ? path : fromRepository;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new VocabularyError(`${shown}: cannot read: ${(error as Error).message}`, { cause: error });
  }
  const parsed: ParsedFile = { shown, header: null, rows: [] };
  text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const entry = { line: i + 1, cells: raw.split('\t') };
      if (parsed.header) parsed.rows.push(entry);
      else parsed.header = entry;
    });
  files.set(path, parsed);
  return parsed;
}

// Cell checks for schemas.

/** A list cell's items: "a|b|c". */
export function splitList(value: string): string[] {
  return value.split('|');
}

/** One of `values`. */
export function oneOf(values: readonly string[]): CellCheck {
  return (value) => (values.includes(value) ? null : `"${value}" is not one of ${values.join(', ')}`);
}

/** Matches `pattern` (anchor it), described as `what` in the error. */
export function matching(pattern: RegExp, what: string): CellCheck {
  return (value) => (pattern.test(value) ? null : `"${value}" is not ${what}`);
}

/** Empty, or passes `check`. */
export function optional(check: CellCheck): CellCheck {
  return (value) => (value === '' ? null : check(value));
}

/** A "|"-separated list of items without spaces around them, none empty, each passing `check` if given. */
export function listOf(check?: CellCheck): CellCheck {
  return (value) => {
    for (const item of splitList(value)) {
      if (item === '') return `empty item in "${value}"`;
      if (item !== item.trim()) return `spaces around "${item}" in "${value}"`;
      const problem = check?.(item) ?? null;
      if (problem !== null) return problem;
    }
    return null;
  };
}
