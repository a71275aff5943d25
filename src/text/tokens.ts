// Syllable and number tokens: the units of lexical matching.

import { foldText } from './normalize.ts';

/** One syllable, number or compound (code, date, range) with its offsets into the input. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// A run of letters/digits (marks included, so NFD input still forms whole syllables), extended
// across "/" and "-" between letters or digits ("1/11/2021", "2021-2026", "CN-TTCN", "18-TB/TU").
// "." and "," join only digit to digit ("71.125", "68,4"): between letters they are a glued
// sentence end or a missing space ("năm 2021.Đồng", "đất,giao"), or a dotted abbreviation
// ("TP.HCM") that matches better as its parts.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:[/-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** Syllables and numbers of `text` in order, with offsets; punctuation and spaces are skipped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ text: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/**
 * The folded token texts of `text` (no diacritics, đ → d, lower case): the form used for
 * lexical matching. Folds once and tokenizes the folded text, which yields the same tokens as
 * folding each token because folding never turns a letter into a separator or back.
 */
export function foldedTerms(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
}

/** Words as a reader counts them: whitespace-separated syllables and numbers. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
