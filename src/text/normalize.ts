// Vietnamese text normalisation: one canonical stored form, one folded form for matching.

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
// Circumflex, breve and horn change the vowel itself (â, ă, ơ, ư ...): they are not tones.
const VOWEL_MODIFIERS = new Set(['\u0302', '\u0306', '\u031B']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const FINAL_CONSONANTS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

interface Letter {
  base: string;
  modifier: string;
}

/**
 * Moves the tone mark of every Vietnamese syllable to its canonical vowel, so the two
 * spelling conventions in use ("hoà"/"hòa", "thuỷ"/"thủy", "uỷ"/"ủy") store and compare equal.
 * The canonical form is the classic one used by most official documents: "hòa", "thủy", "ủy".
 */
export function canonicalizeTones(text: string): string {
  // In NFC every Vietnamese letter is one character, so only words holding a non-ASCII letter
  // can carry a tone; each distinct word is placed once.
  return text.normalize('NFC').replace(/\p{L}*[\u00C0-\u1EFF]\p{L}*/gu, cachedPlaceTone);
}

// Vietnamese has a few thousand distinct syllables, so a bounded cache answers almost every word.
const placedWords = new Map<string, string>();
const PLACED_WORDS_LIMIT = 50_000;

function cachedPlaceTone(word: string): string {
  let placed = placedWords.get(word);
  if (placed === undefined) {
    placed = placeToneInWord(word.normalize('NFD')).normalize('NFC');
    if (placedWords.size >= PLACED_WORDS_LIMIT) placedWords.clear();
    placedWords.set(word, placed);
  }
  return placed;
}

function placeToneInWord(word: string): string {
  let tone = '';
  const letters: Letter[] = [];
  for (const ch of word) {
    if (TONE_MARKS.has(ch)) {
      // Two tones in one word is not a Vietnamese syllable: leave it untouched.
      if (tone) return word;
      tone = ch;
    } else if (VOWEL_MODIFIERS.has(ch) || /\p{M}/u.test(ch)) {
      const last = letters[letters.length - 1];
      if (!last) return word;
      last.modifier += ch;
    } else {
      letters.push({ base: ch, modifier: '' });
    }
  }
  if (!tone) return word;
  const target = toneIndex(letters);
  if (target < 0) return word;
  return letters.map((letter, i) => letter.base + letter.modifier + (i === target ? tone : '')).join('');
}

/** Index of the letter that carries the tone, or -1 when the word has no vowel nucleus. */
function toneIndex(letters: Letter[]): number {
  const lower = letters.map((l) => l.base.toLowerCase());
  const isVowel = (i: number) => VOWELS.has(lower[i] ?? '');
  let start = 0;
  while (start < letters.length && !isVowel(start)) start++;
  if (start >= letters.length) return -1;
  // "qu" and "gi" + vowel: the u / i belongs to the initial consonant ("quả", "già").
  if (lower[start - 1] === 'q' && lower[start] === 'u' && isVowel(start + 1)) start++;
  if (lower[start - 1] === 'g' && lower[start] === 'i' && isVowel(start + 1)) start++;
  let end = start;
  while (end < letters.length && isVowel(end)) end++;
  const nucleus = lower.slice(start, end).join('');
  const finalConsonant = lower.slice(end).join('');
  // Anything else after the vowels is not a Vietnamese syllable ("café"): keep its accent as written.
  if (!FINAL_CONSONANTS.has(finalConsonant)) return -1;
  const hasFinalConsonant = finalConsonant !== '';
  const modified: number[] = [];
  for (let i = start; i < end; i++) if (letters[i]?.modifier) modified.push(i);
  if (modified.length > 0) return modified[modified.length - 1] ?? start;
  if (nucleus.length === 1) return start;
  if (nucleus.length >= 3) return start + 1;
  if (hasFinalConsonant) return start + 1;
  return start;
}

const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * The stored form of any text: NFC, canonical tone placement, LF line ends, NBSP and tabs as
 * plain spaces, runs of spaces collapsed, at most one blank line between paragraphs.
 */
export function normalizeText(raw: string): string {
  const lines = canonicalizeTones(raw)
    .replace(INVISIBLE, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(SPACE_LIKE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The matching form: diacritics removed, đ → d, lower case ("Lê Quang Đạo" → "le quang dao").
 * Lengths may differ from the input, so offsets are never taken from folded text.
 */
export function foldText(text: string): string {
  // Folding runs over every chunk and question: one pass over the characters with a table.
  const lower = text.toLowerCase();
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) continue;
    const replacement = strippedCharacter(code, lower[i] as string);
    if (replacement === lower[i]) continue;
    folded += lower.slice(copiedUpTo, i) + replacement;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? lower : folded + lower.slice(copiedUpTo);
}

/**
 * Diacritics removed and đ → d, but case and length kept ("Thứ IV" → "Thu IV"), so offsets into
 * the result are offsets into the input; a character that would vanish or grow is kept as written.
 */
export function removeDiacritics(text: string): string {
  return text.replace(/[^\x00-\x7F]/g, (character) => {
    const stripped = strippedCharacter(character.charCodeAt(0), character);
    return stripped.length === 1 ? stripped : character;
  });
}

// Latin letters with diacritics, combining marks and Vietnamese letters all sit below U+1F00.
const STRIP_TABLE_SIZE = 0x1f00;
const stripTable: Array<string | undefined> = new Array(STRIP_TABLE_SIZE);

/** One character without its marks (a lone combining mark becomes ''), đ/Đ → d/D; filled lazily. */
function strippedCharacter(code: number, character: string): string {
  if (code >= STRIP_TABLE_SIZE) return character;
  let stripped = stripTable[code];
  if (stripped === undefined) {
    stripped = character.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
    stripTable[code] = stripped;
  }
  return stripped;
}

/** True when the text carries Vietnamese diacritics (used to tell "nong nghiep" from "nông nghiệp"). */
export function hasVietnameseDiacritics(text: string): boolean {
  return /[đĐ]/.test(text) || /[\u0300-\u0303\u0306\u0309\u031B\u0323]/.test(text.normalize('NFD'));
}
