// English questions against Vietnamese reports: a glossary of local council vocabulary turns an
// English question into the Vietnamese words the reports use, for lexical matching and embedding.
import { ENGLISH_MONTHS, normalizeText } from '../text/index.ts';
import { listOf, loadVocabulary, matching, splitList } from '../vocabulary/index.ts';

const ENGLISH_PHRASE = matching(/^[a-z0-9'’-]+(?: [a-z0-9'’-]+)*$/, 'lower-case English words, single-spaced');

// English phrases and the Vietnamese terms reports use for them: see the header of the file.
const ROWS = loadVocabulary('glossary', {
  columns: ['english', 'vietnamese'],
  validate: { english: listOf(ENGLISH_PHRASE), vietnamese: listOf() },
});

// Function words and question frames: never content.
const STOP_WORDS = new Set(
  loadVocabulary('english-stop-words', {
    columns: ['word'],
    unique: 'word',
    validate: { word: matching(/^[a-z'’]+$/, 'one lower-case English word') },
  }).map((row) => row.word),
);

/** One row of the glossary: an English phrase and the Vietnamese terms it stands for. */
export interface GlossaryEntry {
  english: string;
  vietnamese: readonly string[];
}

/**
 * Every English phrase of the glossary, in its base form, with its Vietnamese terms; the month
 * names come from the one list of them. "may" is left out: it is the month only when capitalised
 * inside a sentence (see `matchAt`), else a modal verb.
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...ROWS.flatMap((row) => {
    const terms = splitList(row.vietnamese).map((term) => normalizeText(term));
    return splitList(row.english).map((phrase) => ({ english: phrase, vietnamese: terms }));
  }),
  ...Object.entries(ENGLISH_MONTHS)
    .filter(([name]) => name !== 'may')
    .map(([name, month]) => ({ english: name, vietnamese: [`tháng ${month}`] })),
];

const ENGLISH_WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/**
 * A light English stemmer: enough that plurals, -ed and -ing forms meet their base form
 * ("complaints", "concluded", "concluding", "proposals"). The glossary and the question both go
 * through it, so only consistency matters, not linguistic accuracy.
 */
function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) {
    // "progress", "status", "analysis": not plurals.
  } else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** "plann" → "plan", "stopp" → "stop"; "install", "press" keep their pairs. */
function undouble(w: string): string {
  return /([b-df-hj-np-rtv-xz])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
}

function englishTokens(text: string): Token[] {
  return [...text.matchAll(ENGLISH_WORD)].map((m) => ({
    text: m[0],
    stem: stem(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// Stemmed phrase → its Vietnamese terms; the longest phrase length bounds the search at a token.
const BY_STEMS = new Map<string, readonly string[]>();
let longestPhrase = 1;
for (const entry of GLOSSARY) {
  const stems = englishTokens(entry.english).map((t) => t.stem);
  BY_STEMS.set(stems.join(' '), entry.vietnamese);
  longestPhrase = Math.max(longestPhrase, stems.length);
}

const GLOSSARY_WORDS = new Set([...BY_STEMS.keys()].flatMap((phrase) => phrase.split(' ')));

/** True for a word English questions are made of: a function word or a word of the glossary, in any inflection. */
export function isEnglishVocabulary(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase()) || GLOSSARY_WORDS.has(stem(word));
}

/** What an English question says in the reports' Vietnamese. */
export interface Translation {
  /** The Vietnamese terms found, in question order, space-joined. */
  vietnamese: string;
  /** The English phrases that matched, as written in the question. */
  matched: string[];
  /** Content words no phrase matched (names, numbers, words the glossary lacks), as written. */
  unmatched: string[];
}

/**
 * Translates the council vocabulary of an English question into Vietnamese, phrase by phrase,
 * the longest phrase first ("public investment disbursement" before "investment"), in any case
 * and inflection. Function words are dropped.
 */
export function translateToVietnamese(englishQuestion: string): Translation {
  const tokens = englishTokens(englishQuestion);
  const terms: string[] = [];
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = longestMatchAt(tokens, i);
    if (found) {
      const first = tokens[i] as Token;
      const last = tokens[i + found.length - 1] as Token;
      matched.push(englishQuestion.slice(first.start, last.end));
      for (const term of found.vietnamese) if (!terms.includes(term)) terms.push(term);
      i += found.length;
      continue;
    }
    const token = tokens[i] as Token;
    if (!STOP_WORDS.has(token.text.toLowerCase())) unmatched.push(token.text);
    i++;
  }
  return { vietnamese: terms.join(' '), matched, unmatched };
}

function longestMatchAt(tokens: readonly Token[], i: number): { length: number; vietnamese: readonly string[] } | null {
  for (let n = Math.min(longestPhrase, tokens.length - i); n >= 1; n--) {
    const phrase = tokens
      .slice(i, i + n)
      .map((t) => t.stem)
      .join(' ');
    const vietnamese = BY_STEMS.get(phrase);
    if (vietnamese) return { length: n, vietnamese };
  }
  // "May" is the month only when capitalised inside the sentence; "may" is a modal verb.
  const token = tokens[i];
  if (token && token.text === 'May' && i > 0) return { length: 1, vietnamese: ['tháng 5'] };
  return null;
}
