// What a question is about: its content words once question framing is taken out.
import { foldText, hasVietnameseDiacritics, segmentWords, tokenize } from '../text/index.ts';
import { isVietnameseWord } from './lexicon.ts';
import { overlaps, type Span } from './types.ts';
import { loadVocabulary, matching, oneOf, splitList } from '../vocabulary/index.ts';

interface StopPhrase {
  /** As spelled: a word written with diacritics must be spelled so. */
  spelled: string[];
  /** Typed without diacritics, the phrase is ambiguous with content ("dang": đang / Đảng) and stays. */
  strictOnly?: boolean;
  /** Typed without diacritics, the word is content next to these (folded): "ve" in "ve sinh" is vệ. */
  contentNear?: readonly string[];
}

// Question words, particles, pronouns and meeting words: they frame a question, not its subject.
const STOP_PHRASES: readonly StopPhrase[] = loadVocabulary('framing-phrases', {
  columns: ['phrase', 'typed_plain', 'content_near'],
  unique: 'phrase',
  validate: {
    phrase: matching(/^\p{Ll}+(?: \p{Ll}+)*$/u, 'lower case words'),
    typed_plain: oneOf(['framing', 'content']),
    content_near: matching(/^(?:-|[a-z]+(?:\|[a-z]+)*)$/, 'folded words separated by |, or -'),
  },
}).map((row) => ({
  spelled: row.phrase.split(' '),
  ...(row.typed_plain === 'content' ? { strictOnly: true } : {}),
  ...(row.content_near === '-' ? {} : { contentNear: splitList(row.content_near) }),
}));

const STOP_BY_FIRST = new Map<string, StopPhrase[]>();
for (const phrase of STOP_PHRASES) {
  const first = foldText(phrase.spelled[0] ?? '');
  STOP_BY_FIRST.set(
    first,
    [...(STOP_BY_FIRST.get(first) ?? []), phrase].sort((a, b) => b.spelled.length - a.spelled.length),
  );
}

function stopPhraseAt(words: readonly string[], folded: readonly string[], i: number): number {
  for (const phrase of STOP_BY_FIRST.get(folded[i] ?? '') ?? []) {
    const n = phrase.spelled.length;
    let matches = true;
    let plain = false;
    for (let k = 0; k < n && matches; k++) {
      const spelled = phrase.spelled[k] ?? '';
      const word = words[i + k] ?? '';
      if (folded[i + k] !== foldText(spelled)) matches = false;
      else if (hasVietnameseDiacritics(word)) matches = word.toLowerCase() === spelled;
      else plain = true;
    }
    if (!matches) continue;
    if (plain && phrase.strictOnly) continue;
    if (plain && phrase.contentNear?.some((w) => folded[i - 1] === w || folded[i + n] === w)) continue;
    return n;
  }
  return 0;
}

/** What a question is about: its folded content syllables, and the same grouped into words. */
interface Topic {
  terms: string[];
  words: string[];
}

/**
 * Folded content words of `text` outside `removed`, without question framing: each syllable
 * once, in order, and the words they form. Words are read within runs of syllables that stand
 * together in the question: a removed span or a framing phrase between two syllables parts them.
 */
export function topicOf(text: string, removed: readonly Span[], folded: boolean): Topic {
  const all = tokenize(text);
  const kept = all.flatMap((token, index) => (overlaps([token.start, token.end], removed) ? [] : [{ token, index }]));
  const words = kept.map((k) => k.token.text);
  const foldedWords = words.map((w) => foldText(w));
  const terms: string[] = [];
  const topicWords: string[] = [];
  // Indices into `words` of the current run of syllables standing together.
  let run: number[] = [];
  const endRun = () => {
    const spelled = run.map((i) => (folded ? foldedWords[i]! : words[i]!));
    for (const [start, end] of segmentWords(spelled, (phrase) => isVietnameseWord(phrase, folded))) {
      const word = run
        .slice(start, end)
        .map((i) => foldedWords[i]!)
        .join(' ');
      if (!topicWords.includes(word)) topicWords.push(word);
    }
    run = [];
  };
  for (let i = 0; i < words.length; ) {
    if (i > 0 && kept[i]!.index !== kept[i - 1]!.index + 1) endRun();
    const stop = stopPhraseAt(words, foldedWords, i);
    if (stop > 0) {
      endRun();
      i += stop;
      continue;
    }
    const term = foldedWords[i] ?? '';
    if (!terms.includes(term)) terms.push(term);
    run.push(i);
    i++;
  }
  endRun();
  return { terms, words: topicWords };
}
