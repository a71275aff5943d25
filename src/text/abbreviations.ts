// Abbreviations of Vietnamese official and Party writing, and their expansion for matching.

import { foldText } from './normalize.ts';
import { foldedTerms, tokenize, type Token } from './tokens.ts';
import { isSyllableShaped } from './words.ts';
import { listOf, loadVocabulary, matching, splitList } from '../vocabulary/index.ts';

/** An abbreviation as officially written, with every long form it stands for. */
export interface Abbreviation {
  short: string;
  long: string[];
}

/**
 * Abbreviations of council, Party and state writing, from `vocabulary/abbreviations.tsv` (document
 * types after Appendix VI of Decree 30/2020/NĐ-CP). Where one short form stands for several
 * things, every long form is listed.
 */
export const ABBREVIATIONS: readonly Abbreviation[] = loadVocabulary('abbreviations', {
  columns: ['short', 'long'],
  unique: 'short',
  validate: { short: matching(/^\p{L}+(?:[-/]\p{L}+)*$/u, 'letters, joined by "-" or "/"'), long: listOf() },
}).map((row) => ({ short: row.short, long: splitList(row.long) }));

interface FoldedAbbreviation {
  abbreviation: Abbreviation;
  /** The folded short form as written ("cn-ttcn"), which long-form matches add. */
  short: string;
  /** Folded long forms as space-joined tokens ("khieu nai to cao"). */
  long: string[];
  /**
   * True when the folded short form could be an ordinary word or chat shorthand ("tu" = từ,
   * "kh" = không, "tx"): it counts as an abbreviation only when written as one in the original.
   */
  ambiguous: boolean;
  /**
   * False when the folded short form is itself a common syllable ("tu", "ca"): adding it for a
   * long form would match every "từ" or "cá". The document side's expansion of "TU" to its long
   * forms is what links those.
   */
  addShortForLong: boolean;
}

interface PhraseMeaning {
  /**
   * Short forms the phrase spells ("kntc", "cn ttcn", "cnttcn"); more than one when they differ
   * only in diacritics ("HD" hướng dẫn, "HĐ" hợp đồng).
   */
  asShort: FoldedAbbreviation[];
  /** Abbreviations this phrase is a long form of. */
  asLong: FoldedAbbreviation[];
}

// Folded phrase (tokens joined by one space) → what it means; plus every proper prefix of a
// multi-token phrase, so matching stops extending an n-gram as soon as no phrase can follow.
const PHRASES = new Map<string, PhraseMeaning>();
const PREFIXES = new Set<string>();
// Any spelling of a short form (folded) → its abbreviations, for lookups.
const BY_SHORT = new Map<string, Abbreviation[]>();

function phraseMeaning(phrase: string): PhraseMeaning {
  let meaning = PHRASES.get(phrase);
  if (!meaning) {
    meaning = { asShort: [], asLong: [] };
    PHRASES.set(phrase, meaning);
    const words = phrase.split(' ');
    for (let n = 1; n < words.length; n++) PREFIXES.add(words.slice(0, n).join(' '));
  }
  return meaning;
}

/** "cn-ttcn" is also written "cnttcn" and "cn ttcn". */
function shortSpellings(foldedShort: string): string[] {
  const parts = foldedShort.split(/[-/]/);
  if (parts.length === 1) return [foldedShort];
  return [foldedShort, parts.join(''), parts.join(' ')];
}

for (const abbreviation of ABBREVIATIONS) {
  const short = foldText(abbreviation.short);
  const letters = short.replace(/[-/]/g, '');
  const folded: FoldedAbbreviation = {
    abbreviation,
    short,
    long: abbreviation.long.map((form) => foldedTerms(form).join(' ')),
    ambiguous: letters.length <= 2 || isSyllableShaped(letters),
    addShortForLong: !isSyllableShaped(letters),
  };
  for (const spelling of shortSpellings(short)) {
    phraseMeaning(spelling).asShort.push(folded);
    BY_SHORT.set(spelling, [...(BY_SHORT.get(spelling) ?? []), abbreviation]);
  }
  for (const long of folded.long) phraseMeaning(long).asLong.push(folded);
}

/**
 * Extra folded phrases for matching, given FOLDED text (`foldText` output), in both directions:
 * the long forms of every short form present ("kntc" → "khieu nai to cao") and the short form of
 * every long form present as a whole phrase ("khieu nai to cao" → "kntc"). Folded text has lost
 * its capitals, so short forms that could be ordinary words ("tu", "ca", "tx", "kh") are never
 * expanded here. Use this only when the original text is gone; otherwise prefer
 * `expandAbbreviationsInText`, which expands "TX" and "CA" when they are written in capitals.
 */
export function expandAbbreviations(foldedText: string): string[] {
  const folded = foldText(foldedText);
  const tokens = tokenize(folded);
  return expand({ source: folded, tokens, terms: tokens.map((token) => token.text), caseKnown: false });
}

/**
 * Extra folded phrases for matching, given the ORIGINAL text (NFC, with its capitals): like
 * `expandAbbreviations`, but a short form that could be an ordinary word counts as an
 * abbreviation when written exactly as one ("TX", "TTr", "ĐU"; not "tx", "từ", "cá", "đủ").
 * Unambiguous forms ("KNTC", "hdnd", "ubnd") count in any case. Use this for reports and for
 * questions alike.
 */
export function expandAbbreviationsInText(text: string): string[] {
  const tokens = tokenize(text);
  let terms = foldedTerms(text);
  // Folding keeps token boundaries for Vietnamese; fall back to per-token folding otherwise.
  if (terms.length !== tokens.length) terms = tokens.map((token) => foldText(token.text));
  return expand({ source: text, tokens, terms, caseKnown: true });
}

/**
 * The abbreviation written `short`, in any case, with or without diacritics or hyphens. When
 * two differ only in diacritics ("HD", "HĐ"), the one spelled like `short` wins.
 */
export function lookupAbbreviation(short: string): Abbreviation | undefined {
  const candidates = BY_SHORT.get(foldedTerms(short).join(' '));
  const upper = short.normalize('NFC').toUpperCase();
  return candidates?.find((candidate) => candidate.short.toUpperCase() === upper) ?? candidates?.[0];
}

/**
 * Whether a short form found in the text counts as the abbreviation: always when unambiguous;
 * an ambiguous one only when its original spelling (`written`, absent for folded input) is
 * exactly the abbreviation's, in its own or in upper case.
 */
function countsAsShort(abbreviation: FoldedAbbreviation, written: string | undefined): boolean {
  if (!abbreviation.ambiguous) return true;
  if (written === undefined) return false;
  const short = abbreviation.abbreviation.short;
  return written === short || written === short.toUpperCase();
}

/** Tokens of `source` with their folded texts; `caseKnown` when `source` kept its capitals. */
interface TokenStream {
  source: string;
  tokens: readonly Token[];
  terms: readonly string[];
  caseKnown: boolean;
}

// A phrase never runs across sentence or clause punctuation: "phiên họp. Đồng chí" is not
// "hợp đồng". Commas and dashes stay inside ("khiếu nại, tố cáo", "kinh tế - xã hội").
const PHRASE_BREAKS = new Set(['.', '!', '?', ';', ':', '…', '(', ')', '[', ']', '"', '“', '”', '\n']);

function expand(stream: TokenStream): string[] {
  const found = new Set<string>();
  const added = new Set<string>();
  for (let i = 0; i < stream.terms.length; i++) {
    const best = longestPhraseAt(stream, i);
    if (best) {
      found.add(best.phrase);
      addMeaning(best.meaning, added);
    } else {
      expandCompoundParts(stream, i, added);
    }
  }
  for (const phrase of found) added.delete(phrase);
  return [...added];
}

function writtenAt(stream: TokenStream, i: number): string | undefined {
  return stream.caseKnown ? stream.tokens[i]?.text : undefined;
}

function continuesPhrase(stream: TokenStream, j: number): boolean {
  const from = stream.tokens[j - 1]?.end ?? 0;
  const to = stream.tokens[j]?.start ?? 0;
  for (let k = from; k < to; k++) if (PHRASE_BREAKS.has(stream.source[k] ?? '')) return false;
  return true;
}

/** The longest phrase starting at token `i` that means something here. */
function longestPhraseAt(stream: TokenStream, i: number): { phrase: string; meaning: PhraseMeaning } | undefined {
  const { terms } = stream;
  let best: { phrase: string; meaning: PhraseMeaning } | undefined;
  let phrase = terms[i] ?? '';
  for (let j = i + 1; ; j++) {
    const meaning = PHRASES.get(phrase);
    if (meaning) {
      // Ambiguous short forms are single tokens, so the first token's spelling decides.
      const written = writtenAt(stream, i);
      const asShort = meaning.asShort.filter((abbreviation) => countsAsShort(abbreviation, written));
      if (asShort.length > 0 || meaning.asLong.length > 0)
        best = { phrase, meaning: { asShort, asLong: meaning.asLong } };
    }
    const next = terms[j];
    if (next === undefined || !PREFIXES.has(phrase) || !continuesPhrase(stream, j)) return best;
    phrase += ' ' + next;
  }
}

function addMeaning(meaning: PhraseMeaning, added: Set<string>): void {
  for (const abbreviation of meaning.asShort) for (const long of abbreviation.long) added.add(long);
  for (const abbreviation of meaning.asLong) if (abbreviation.addShortForLong) added.add(abbreviation.short);
}

/**
 * Document numbers and codes join abbreviations into one token ("18-TB/TU", "123/QĐ-UBND");
 * their parts are expanded like tokens of their own.
 */
function expandCompoundParts(stream: TokenStream, i: number, added: Set<string>): void {
  const term = stream.terms[i] ?? '';
  if (!/[-/]/.test(term)) return;
  const writtenParts = writtenAt(stream, i)?.split(/[-/]/);
  term.split(/[-/]/).forEach((part, k) => {
    for (const abbreviation of PHRASES.get(part)?.asShort ?? []) {
      if (countsAsShort(abbreviation, writtenParts?.[k])) for (const long of abbreviation.long) added.add(long);
    }
  });
}
