// Sentence boundaries in normalised Vietnamese official text.

import { lookupAbbreviation } from './abbreviations.ts';
import { foldText } from './normalize.ts';
import { countWords } from './tokens.ts';

/** A half-open range [start, end) of offsets into the text it was taken from. */
export interface Span {
  start: number;
  end: number;
}

// Sentence-ending punctuation with any closing quotes or brackets after it. "./." is the closing
// mark of an official document and ends its sentence whatever follows.
const TERMINAL = /\.\/\.|\.{2,}|…|[.!?]+/g;
const CLOSERS = /["”’»)\]]/;
const OPENERS = /["“‘«'(\[]/;
const LIST_MARKER = /^(?:[-–—•+*●▪]\s*\S|\(?\d+(?:\.\d+)*[.)]\s|\(?[a-zđA-ZĐ][.)]\s|[IVXLCDM]+[.)]\s)/u;
// The text of a sentence so far is only an enumerator ("1", "I", "a", "Điều 5"): its period
// belongs to the heading ("Điều 1. Phạm vi"), it does not end a sentence.
const ENUMERATOR = /^\(?(?:(?:Điều|Chương|Mục|Phần|Khoản|Tiết)\s+)?(?:\d+(?:\.\d+)*|[IVXLCDM]+|[a-zđ])$/iu;
// Words written with a period that is not a sentence end ("TP. Từ Sơn", "TS.", "v.v."),
// compared folded. Initials ("Nguyễn V. A.") are handled as single capitals.
const DOTTED_ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'ts', 'ths', 'th', 'pgs', 'gs', 'bs', 'ks', 'ncs', 'vv', 'tr']);
// A run-on sentence longer than this is cut at "; " so chunks can still end on a boundary.
const MAX_SENTENCE_WORDS = 80;

/**
 * Sentence spans of normalised text (paragraphs separated by "\n\n", lines by "\n"), trimmed of
 * surrounding whitespace, in order and without overlap. Paragraph breaks always end a sentence;
 * a line break does when the line ends with terminal punctuation, or when either side of it is a
 * heading or the next line a list item. Numbers, dates and abbreviations with periods are never
 * cut; a period glued to the next sentence ("năm 2021.Đồng thời") is a boundary.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const paragraphBreak = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(paragraphBreak)) {
    splitParagraph(text, start, match.index, spans);
    start = match.index + match[0].length;
  }
  splitParagraph(text, start, text.length, spans);
  return spans;
}

function splitParagraph(text: string, start: number, end: number, spans: Span[]): void {
  const byLayout = lineCuts(text, start, end);
  const cuts = [...byLayout, ...punctuationCuts(text, start, end, byLayout)].sort((a, b) => a - b);
  let from = start;
  for (const cut of [...cuts, end]) {
    if (cut <= from) continue;
    const span = trimmed(text, from, cut);
    if (span) for (const piece of splitRunOn(text, span)) spans.push(piece);
    from = cut;
  }
}

/** Ends of lines after which a new sentence starts because of the layout, not punctuation. */
function lineCuts(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0 || newline >= end) break;
    const nextEnd = text.indexOf('\n', newline + 1);
    const line = text.slice(lineStart, newline).trim();
    const next = text.slice(newline + 1, nextEnd < 0 || nextEnd > end ? end : nextEnd).trim();
    if (isHeading(line) || isHeading(next) || LIST_MARKER.test(next)) cuts.push(newline);
    lineStart = newline + 1;
  }
  return cuts;
}

/** A line in capitals ("THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ") stands on its own. */
function isHeading(line: string): boolean {
  return /\p{Lu}[^]*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

/** Offsets just after punctuation that ends a sentence inside [start, end). */
function punctuationCuts(text: string, start: number, end: number, byLayout: readonly number[]): number[] {
  const cuts: number[] = [];
  let sentenceStart = start;
  let layoutIndex = 0;
  TERMINAL.lastIndex = start;
  for (let match = TERMINAL.exec(text); match && match.index < end; match = TERMINAL.exec(text)) {
    for (; layoutIndex < byLayout.length && (byLayout[layoutIndex] ?? end) < match.index; layoutIndex++) {
      sentenceStart = Math.max(sentenceStart, byLayout[layoutIndex] ?? start);
    }
    let after = match.index + match[0].length;
    while (after < end && CLOSERS.test(text[after] ?? '')) after++;
    if (after >= end) break;
    if (endsSentence(text, match.index, match[0], after, end, sentenceStart)) {
      cuts.push(after);
      sentenceStart = after;
    }
  }
  return cuts;
}

function endsSentence(
  text: string,
  at: number,
  mark: string,
  after: number,
  end: number,
  sentenceStart: number,
): boolean {
  if (mark === './.') return true;
  const isPeriod = mark === '.';
  const next = text[after] ?? '';
  if (/\s/.test(next)) {
    if (isPeriod && (isDottedAbbreviation(text, at) || isEnumerator(text, sentenceStart, at))) return false;
    let first = after;
    while (first < end && /\s/.test(text[first] ?? '')) first++;
    if (text.slice(after, first).includes('\n')) return true;
    return startsSentence(text, first);
  }
  // Glued to the next sentence: "năm 2021.Đồng thời", "quy định .Về", "đất canh tác…Đồng chí".
  if (!/\p{Lu}/u.test(next)) return false;
  return !isPeriod || !(isDottedAbbreviation(text, at) || isWrittenAbbreviation(wordBefore(text, at)));
}

function isEnumerator(text: string, sentenceStart: number, at: number): boolean {
  return at - sentenceStart <= 16 && ENUMERATOR.test(text.slice(sentenceStart, at).trim());
}

function startsSentence(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.test(ch) || LIST_MARKER.test(text.slice(at, at + 12));
}

function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && /[\p{L}\p{M}]/u.test(text[from - 1] ?? '')) from--;
  return text.slice(from, at);
}

/** The period at `at` closes an abbreviation ("TP.", "Tp.", "ThS.", "v.v.", "Th.S") or an initial. */
function isDottedAbbreviation(text: string, at: number): boolean {
  const word = wordBefore(text, at);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true;
  const before = text[at - word.length - 1];
  if (before === '.' && word.length <= 2) return true;
  return DOTTED_ABBREVIATIONS.has(foldText(word));
}

/** "UBND" or "TTr" as officially written, not the syllable "tu" of an ordinary word. */
function isWrittenAbbreviation(word: string): boolean {
  const abbreviation = word ? lookupAbbreviation(word) : undefined;
  return abbreviation !== undefined && (word === abbreviation.short || word === abbreviation.short.toUpperCase());
}

function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : undefined;
}

/**
 * Fallback for run-on sentences: over MAX_SENTENCE_WORDS words, cut after "; " into pieces of at
 * most that many words where the semicolons allow. Semicolons otherwise never end a sentence.
 */
function splitRunOn(text: string, span: Span): Span[] {
  // Words need whitespace between them: a sentence of at most twice as many characters cannot have too many.
  if (span.end - span.start <= 2 * MAX_SENTENCE_WORDS) return [span];
  const sentence = text.slice(span.start, span.end);
  if (countWords(sentence) <= MAX_SENTENCE_WORDS) return [span];
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let words = 0;
  let clauseStart = span.start;
  const clauseEnds = [...sentence.matchAll(/;\s+/g)].map((m) => span.start + m.index + 1);
  for (const clauseEnd of [...clauseEnds, span.end]) {
    const clauseWords = countWords(text.slice(clauseStart, clauseEnd));
    if (words > 0 && words + clauseWords > MAX_SENTENCE_WORDS) {
      const piece = trimmed(text, pieceStart, clauseStart);
      if (piece) pieces.push(piece);
      pieceStart = clauseStart;
      words = 0;
    }
    words += clauseWords;
    clauseStart = clauseEnd;
  }
  const last = trimmed(text, pieceStart, span.end);
  if (last) pieces.push(last);
  return pieces;
}
