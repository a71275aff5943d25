// Keyword matching on folded text whose offsets equal the original's, so a match can be shown in
// place and checked against how its keywords are really spelled. Dates, sessions and bodies use it.
import { canonicalizeTones, foldText, removeDiacritics } from './normalize.ts';
import { rememberRecent } from './recent.ts';

/**
 * `foldText`, character by character, so that every offset into the result is the same offset
 * into the input. For NFC Vietnamese the two are identical; a character whose folding would
 * change the length (rare, non-Vietnamese) is kept as it is.
 */
export function foldKeepingOffsets(text: string): string {
  const whole = foldText(text);
  // The common case: NFC Vietnamese folds letter for letter, so the whole-text fold already aligns.
  if (whole.length === text.length) return whole;
  const lower = text.replace(/\p{Lu}/gu, (letter) => {
    const lowered = letter.toLowerCase();
    return lowered.length === letter.length ? lowered : letter;
  });
  return removeDiacritics(lower);
}

/** A text prepared for keyword matching: the original, its offset-aligned folded form, and how it is written. */
export interface FoldedText {
  readonly original: string;
  readonly folded: string;
  /** True when the text is written with diacritics, so a keyword must be spelled with them too. */
  readonly strict: boolean;
}

/** Prepares `text` for {@link matchFolded}. */
export const foldForMatching: (text: string) => FoldedText = rememberRecent((text) => {
  const folded = foldKeepingOffsets(text);
  return { original: text, folded, strict: writtenWithDiacritics(text, folded) };
});

// How it is written shows in the first few hundred words as well as in all of them.
const SPELLING_SAMPLE_CHARS = 3_000;

function writtenWithDiacritics(text: string, folded: string): boolean {
  let words = 0;
  let marked = 0;
  const limit = Math.min(text.length, SPELLING_SAMPLE_CHARS);
  for (const m of text.slice(0, limit).matchAll(/\p{L}+/gu)) {
    words++;
    if (folded.slice(m.index, m.index + m[0].length) !== m[0].toLowerCase()) marked++;
  }
  // Text written with diacritics has most of its words marked; a question typed without them has
  // almost none (a stray "ngày" in a mostly bare question should not make the rest unreadable).
  return words > 0 && marked / words >= 0.25;
}

// Folded keywords are ambiguous: "thang" is tháng (month) and thắng (win), "toi" is tối (evening),
// tới (until) and tôi (I), "dang" is Đảng and đang. In text written with diacritics a keyword
// only counts when spelled as one of these words.
const KEYWORD_SPELLINGS = new Map<string, Set<string>>();
for (const word of [
  'ngày',
  'tháng',
  'năm',
  'quý',
  'sáng',
  'chiều',
  'trưa',
  'tối',
  'tới',
  'đêm',
  'từ',
  'đến',
  'hết',
  'đầu',
  'cuối',
  'mùng',
  'mồng',
  'hôm',
  'kỳ',
  'họp',
  'phiên',
  'thứ',
  'lần',
  'thường',
  'chuyên',
  'đề',
  'bất',
  'lệ',
  'định',
  'hội',
  'nghị',
  'nhất',
  'một',
  'mốt',
  'hai',
  'ba',
  'bốn',
  'tư',
  'lăm',
  'sáu',
  'bảy',
  'bẩy',
  'tám',
  'chín',
  'mười',
  'mươi',
  'khóa',
  'nhiệm',
  'thị',
  'ủy',
  'thành',
  'phố',
  'xã',
  'huyện',
  'tỉnh',
  'quận',
  'phường',
  'trấn',
  'đảng',
  'bộ',
  'ban',
  'trực',
  'vụ',
  'chấp',
  'hành',
  'đồng',
  'nhân',
  'dân',
  'những',
  'các',
  'nhật',
]) {
  const key = foldText(word);
  const spellings = KEYWORD_SPELLINGS.get(key) ?? new Set<string>();
  spellings.add(word);
  KEYWORD_SPELLINGS.set(key, spellings);
}

const canonicalLowerCase = rememberRecent((word: string) => canonicalizeTones(word.toLowerCase()), 4_096);

/** True when every keyword in `original[start, end)` is spelled as a keyword (always true for text without diacritics). */
export function keywordsSpelledRight(text: FoldedText, start: number, end: number): boolean {
  if (!text.strict) return true;
  for (const m of text.original.slice(start, end).matchAll(/\p{L}+/gu)) {
    const offset = start + m.index;
    const spellings = KEYWORD_SPELLINGS.get(text.folded.slice(offset, offset + m[0].length));
    if (spellings && !spellings.has(canonicalLowerCase(m[0]))) return false;
  }
  return true;
}

/** Matches of a global `pattern` over the folded text whose keywords are spelled right in the original. */
export function* matchFolded(text: FoldedText, pattern: RegExp): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text.folded)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (keywordsSpelledRight(text, m.index, m.index + m[0].length)) yield m;
    else re.lastIndex = m.index + 1;
  }
}
