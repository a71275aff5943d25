// The words a question's syllables are grouped into (see text/words.ts): a general Vietnamese
// word list and the council vocabulary this program already knows (abbreviation expansions,
// glossary terms). A hand-made list could not tell "cầu vượt" or "điểm thi" from two words in a
// row; the word list (Viet74K, MIT, shipped by @vntk/dictionary) holds ~74k entries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ABBREVIATIONS, canonicalizeTones, foldText, MAX_WORD_SYLLABLES } from '../text/index.ts';
import { GLOSSARY } from './glossary.ts';

interface Lexicon {
  /** Lower case, tones placed the modern way ("hòa", "thủy"). */
  written: Set<string>;
  folded: Set<string>;
}

let lexicon: Lexicon | null = null;

/** Reads the word list now rather than on the first question (about half a second). */
export function loadVietnameseWords(): void {
  lexicon ??= loadLexicon();
}

/**
 * Whether syllables spell a word of two or three syllables: compared as written (lower case, any
 * tone placement) when `folded` is false, so "để bắt" is not "đề bạt"; else without diacritics,
 * for questions typed without them.
 */
export function isVietnameseWord(syllables: string, folded: boolean): boolean {
  lexicon ??= loadLexicon();
  return folded ? lexicon.folded.has(syllables) : lexicon.written.has(writtenForm(syllables));
}

function writtenForm(text: string): string {
  return canonicalizeTones(text.normalize('NFC').toLowerCase());
}

function loadLexicon(): Lexicon {
  const loaded: Lexicon = { written: new Set(), folded: new Set() };
  const add = (entry: string) => {
    const syllables = entry.trim().split(/\s+/);
    // Entries with hyphens or digits are loanwords and codes ("a-ba-giua"), not compounds of syllables.
    if (syllables.length < 2 || syllables.length > MAX_WORD_SYLLABLES || !syllables.every((s) => /^\p{L}+$/u.test(s)))
      return;
    const written = writtenForm(syllables.join(' '));
    loaded.written.add(written);
    loaded.folded.add(foldText(written));
  };
  for (const line of readFileSync(wordListPath(), 'utf8').split('\n')) add(line);
  for (const abbreviation of ABBREVIATIONS) for (const long of abbreviation.long) add(long);
  for (const entry of GLOSSARY) for (const term of entry.vietnamese) add(term);
  return loaded;
}

function wordListPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@vntk/dictionary/package.json')), 'data', 'Viet74K.txt');
}
