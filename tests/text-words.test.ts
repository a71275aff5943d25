import { describe, expect, it } from 'vitest';
import { MAX_WORD_SYLLABLES, segmentWords, syllableRuns } from '../src/text/index.ts';

// A toy lexicon: the rules are about how syllables group, not about which words exist.
const LEXICON: ReadonlySet<string> = new Set(['cau vuot', 'duong sat', 'khoi cong', 'hop tac xa', 'hop tac']);
const isWord = (phrase: string) => LEXICON.has(phrase);
const words = (text: string) => {
  const syllables = text.split(' ');
  return segmentWords(syllables, isWord).map(([start, end]) => syllables.slice(start, end).join(' '));
};

describe('grouping syllables into words', () => {
  it('groups syllables into the words the lexicon knows, else leaves them alone', () => {
    expect(words('khoi cong cau vuot duong sat')).toEqual(['khoi cong', 'cau vuot', 'duong sat']);
    expect(words('thanh lap hop tac xa moi')).toEqual(['thanh', 'lap', 'hop tac xa', 'moi']);
  });

  it('prefers the split that leaves fewest syllables alone to the longest first word', () => {
    // "cầu vượt đường" is a word too, but would leave "sắt" alone.
    const withLonger = new Set([...LEXICON, 'cau vuot duong']);
    const syllables = 'cau vuot duong sat'.split(' ');
    const split = segmentWords(syllables, (phrase) => withLonger.has(phrase)).map(([s, e]) =>
      syllables.slice(s, e).join(' '),
    );
    expect(split).toEqual(['cau vuot', 'duong sat']);
  });

  it('takes the longer first word between two equally good splits', () => {
    const lexicon = new Set(['nha may', 'may nuoc']);
    const syllables = 'nha may nuoc'.split(' ');
    const split = segmentWords(syllables, (phrase) => lexicon.has(phrase)).map(([s, e]) =>
      syllables.slice(s, e).join(' '),
    );
    expect(split).toEqual(['nha may', 'nuoc']);
  });

  it('returns index spans that cover the run in order', () => {
    expect(segmentWords(['bao', 'gio', 'khoi', 'cong'], isWord)).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
    expect(segmentWords([], isWord)).toEqual([]);
  });

  it('never looks further than the longest word it allows', () => {
    const asked: string[] = [];
    segmentWords(['a', 'b', 'c', 'd', 'e'], (phrase) => {
      asked.push(phrase);
      return false;
    });
    expect(Math.max(...asked.map((phrase) => phrase.split(' ').length))).toBe(MAX_WORD_SYLLABLES);
  });
});

describe('the runs of syllables a text can be matched against word by word', () => {
  it('holds every run of adjacent syllables up to the longest word, and nothing that skips one', () => {
    const runs = new Set(syllableRuns(['nganh', 'giao', 'thong', 'va', 'giao', 'duc']));
    expect(runs.has('giao thong')).toBe(true);
    expect(runs.has('giao duc')).toBe(true);
    expect(runs.has('nganh giao thong')).toBe(true);
    expect(runs.has('thong')).toBe(true);
    expect(runs.has('nganh thong')).toBe(false);
    expect(runs.has('nganh giao thong va')).toBe(false);
  });
});
