// Vietnamese words from syllables. Vietnamese puts a space between the syllables of a word as
// between words ("giáo dục", "giao thông"), so a syllable says little on its own: "giao" of
// "giao thông" is no evidence of "giáo dục" once diacritics are folded away. Grouping a run of
// syllables into the words of a lexicon lets matching ask for the word, not its parts.

/**
 * The longest word a lexicon lookup tries, in syllables. Longer entries of a word list are mostly
 * two words in a row ("sản xuất nông nghiệp"), which reports also write apart ("sản xuất ... nông
 * nghiệp"); three covers the compounds that are one word ("hợp tác xã", "chủ đầu tư").
 */
export const MAX_WORD_SYLLABLES = 3;

// A folded word shaped like a Vietnamese syllable: initial consonant, vowels, final consonant.
const SYLLABLE_SHAPE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

/** Whether a folded, lower-case word is shaped like a Vietnamese syllable ("nghi", "quyet"; not "hdnd", "budget"). */
export function isSyllableShaped(folded: string): boolean {
  return SYLLABLE_SHAPE.test(folded);
}

/**
 * Splits a run of syllables into words, as [start, end) index pairs: the split that leaves the
 * fewest syllables outside a word `isWord` knows (syllables space-joined, up to
 * `MAX_WORD_SYLLABLES`), then the fewest words, then the longest word first. Greedy longest match
 * would read "cầu vượt đường | sắt" where "cầu vượt | đường sắt" leaves no syllable alone. Its
 * mistakes join two real words' syllables, which only makes a word-level match stricter, never
 * looser than the syllables alone.
 */
export function segmentWords(
  syllables: readonly string[],
  isWord: (phrase: string) => boolean,
): Array<readonly [number, number]> {
  // best[i]: the best split of the syllables from i on, as its cost and its first word's length.
  const best: Array<{ alone: number; words: number; first: number }> = [];
  best[syllables.length] = { alone: 0, words: 0, first: 0 };
  for (let start = syllables.length - 1; start >= 0; start--) {
    let chosen: { alone: number; words: number; first: number } | null = null;
    for (let length = Math.min(MAX_WORD_SYLLABLES, syllables.length - start); length >= 1; length--) {
      if (length > 1 && !isWord(syllables.slice(start, start + length).join(' '))) continue;
      const after = best[start + length]!;
      const candidate = { alone: after.alone + (length === 1 ? 1 : 0), words: after.words + 1, first: length };
      if (
        !chosen ||
        candidate.alone < chosen.alone ||
        (candidate.alone === chosen.alone && candidate.words < chosen.words)
      )
        chosen = candidate;
    }
    best[start] = chosen!;
  }
  const words: Array<readonly [number, number]> = [];
  for (let start = 0; start < syllables.length; start += best[start]!.first)
    words.push([start, start + best[start]!.first]);
  return words;
}

/**
 * Every run of one to `MAX_WORD_SYLLABLES` adjacent syllables of `syllables`, space-joined: what
 * a text can be matched against word by word (a set holding "giao thong" but not "giao duc").
 */
export function syllableRuns(syllables: readonly string[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    let run = syllables[i]!;
    runs.push(run);
    for (let n = 2; n <= MAX_WORD_SYLLABLES && i + n <= syllables.length; n++) {
      run = `${run} ${syllables[i + n - 1]!}`;
      runs.push(run);
    }
  }
  return runs;
}
