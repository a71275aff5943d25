// Session phrases: what kind of meeting ("phiên họp thường kỳ", "kỳ họp bất thường") and which one
// ("kỳ họp thứ 4" = "kỳ họp thứ tư" = "kỳ họp thứ IV"), in reports and in questions alike.
import { foldForMatching, matchFolded, type FoldedText } from './folded-match.ts';
import { parseRoman, readNumberWords } from './number-words.ts';

/**
 * Kinds of session named in council reports. A regular session is "thường kỳ", also written
 * "định kỳ", "thường lệ" (the Law on Local Government's word for a council's regular sessions) or
 * "lệ kỳ"; an extraordinary one "bất thường", also "đột xuất"; "mở rộng" is a meeting opened to
 * more than its members ("Hội nghị BCH ... lần thứ 21 (mở rộng)", "phiên họp mở rộng").
 */
export type SessionKind = 'thường kỳ' | 'chuyên đề' | 'bất thường' | 'mở rộng' | 'hội nghị' | 'đại hội';

const KIND_BY_FOLDED: Record<string, SessionKind> = {
  'thuong ky': 'thường kỳ',
  'dinh ky': 'thường kỳ',
  'thuong le': 'thường kỳ',
  'le ky': 'thường kỳ',
  'chuyen de': 'chuyên đề',
  'bat thuong': 'bất thường',
  'dot xuat': 'bất thường',
  'mo rong': 'mở rộng',
  'hoi nghi': 'hội nghị',
};
// Folded, as they follow a meeting word ("phiên họp thường kỳ", "họp lệ kỳ", "kỳ họp đột xuất").
const KIND_WORDS = String.raw`thuong\s+ky|dinh\s+ky|thuong\s+le|le\s+ky|chuyen\s+de|bat\s+thuong|dot\s+xuat`;

/** A phrase found in a text, with offsets into it. */
export interface SessionPhrase<T> {
  value: T;
  start: number;
  end: number;
}

// Each number word ends a word: "thứ Chín" is not the Roman "C" of "Chín", "mười bảy" not "mười ba".
const NUMBER_TOKEN = '(?:\\d{1,3}|[ivxlc]+|nhat|tu|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)(?![a-z\\d])';
const ORDINAL = `(?:lan\\s+)?thu\\s+${NUMBER_TOKEN}(?:\\s+(?:muoi|mot|hai|ba|bon|tu|lam|sau|bay|tam|chin)(?![a-z\\d]))*`;
const MEETING = '(?:phien\\s+hop|cuoc\\s+hop|ky\\s+hop|hop\\s+phien|phien|hop)';
const KIND_PATTERN = new RegExp(
  `\\b${MEETING}\\s+(?:${ORDINAL}\\s*)?\\(?\\s*(?:${MEETING}\\s+)?(?<kind>${KIND_WORDS})\\b`,
  'g',
);
// "Hội nghị BCH Đảng bộ huyện lần thứ 21 (mở rộng)", "phiên họp mở rộng": "mở rộng" right after a
// meeting word, or in brackets closing a meeting's name; elsewhere it is the verb "expand".
const EXTENDED_PATTERN =
  /\b(?:hoi\s+nghi|phien\s+hop|ky\s+hop|cuoc\s+hop|hop\s+phien|phien|hop)\b(?:(?:\s+[^\s,.;:()]+){0,12}?\s*\(\s*|\s+)mo\s+rong\b/g;
// A conference ("hội nghị") or a Party congress ("đại hội", held once a term): a different meeting.
const CONFERENCE_PATTERN = /\b(?<kind>hoi\s+nghi|dai\s+hoi)\b/g;
/** "kỳ họp thứ 4", "Hội nghị BCH ... lần thứ năm"; with `congress`, also "Đại hội ... lần thứ XXI". */
function numberPattern(congress: boolean): RegExp {
  return new RegExp(
    `\\b(?:(?:ky\\s+hop|phien\\s+hop|phien|cuoc\\s+hop)\\s+(?:(?:${KIND_WORDS})\\s+)?|(?:hoi\\s+nghi${congress ? '|dai\\s+hoi' : ''})\\b(?:\\s+[^\\s,.;:()]+){0,10}?\\s+)(?<ordinal>${ORDINAL})`,
    'g',
  );
}
const NUMBER_PATTERN = numberPattern(false);
const CONGRESS_NUMBER_PATTERN = numberPattern(true);

/**
 * The first session kind named in `text`: "phiên họp thường kỳ", "họp phiên thường kỳ", "kỳ họp
 * bất thường", "kỳ họp thứ 4 (kỳ họp thường lệ)", "Hội nghị ... (mở rộng)" ...; "hội nghị" or "đại hội",
 * whichever is named first, only when nothing more precise is named.
 */
export function findSessionKind(text: string): SessionPhrase<SessionKind> | null {
  const t = foldForMatching(text);
  for (const m of matchFolded(t, KIND_PATTERN)) {
    const kind = KIND_BY_FOLDED[(m.groups?.['kind'] ?? '').replace(/\s+/g, ' ')];
    if (kind) return { value: kind, start: m.index, end: m.index + m[0].length };
  }
  for (const m of matchFolded(t, EXTENDED_PATTERN))
    return { value: 'mở rộng', start: m.index, end: m.index + m[0].length };
  for (const m of matchFolded(t, CONFERENCE_PATTERN)) {
    const value = m.groups?.['kind']?.startsWith('dai') ? 'đại hội' : 'hội nghị';
    return { value, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** Whether `text` names a session of this kind anywhere ("kỳ họp chuyên đề dự kiến ngày 23/10", "họp lệ kỳ"). */
export function namesSessionKind(text: string, kind: SessionKind): boolean {
  const t = foldForMatching(text);
  for (const m of matchFolded(t, KIND_PATTERN))
    if (KIND_BY_FOLDED[(m.groups?.['kind'] ?? '').replace(/\s+/g, ' ')] === kind) return true;
  return kind === 'mở rộng' && !matchFolded(t, EXTENDED_PATTERN).next().done;
}

/** A session kind given on its own ("thuong ky", "Chuyên đề", "kỳ họp bất thường"), as front matter or a filter states it. */
export function parseSessionKind(value: string): SessionKind | null {
  const folded = foldForMatching(value).folded.trim().replace(/\s+/g, ' ');
  return KIND_BY_FOLDED[folded] ?? findSessionKind(value)?.value ?? null;
}

/** The first session number in `text`: "kỳ họp thứ 4", "kỳ họp thứ tư", "phiên họp thứ IV", "Hội nghị BCH ... lần thứ năm". */
export function findSessionNumber(text: string, options: { congress?: boolean } = {}): SessionPhrase<number> | null {
  return findSessionNumbers(text, options)[0] ?? null;
}

/** Every session number `text` names, in order ("chuẩn bị nội dung kỳ họp thứ 8" names the one prepared too). */
export function findSessionNumbers(text: string, options: { congress?: boolean } = {}): SessionPhrase<number>[] {
  const t = foldForMatching(text);
  const found: SessionPhrase<number>[] = [];
  // A report names the number of the congress it prepares ("trình Đại hội lần thứ XXIV"); only a
  // question about a congress ("Đại hội lần thứ XXI tổ chức ngày nào?") means it.
  for (const m of matchFolded(t, options.congress ? CONGRESS_NUMBER_PATTERN : NUMBER_PATTERN)) {
    const ordinalText = m.groups?.['ordinal'] ?? '';
    const ordinalStart = m.index + m[0].length - ordinalText.length;
    const ordinal = readOrdinalAt(t, ordinalStart, ordinalStart + ordinalText.length);
    if (ordinal) found.push({ value: ordinal.value, start: m.index, end: ordinal.end });
  }
  return found;
}

/** An ordinal on its own: "thứ tư", "4", "IV", "hai mươi mốt", "lần thứ 3" → its number. */
export function parseOrdinal(value: string): number | null {
  const trimmed = value.trim();
  const t = foldForMatching(trimmed);
  const ordinal = readOrdinalAt(t, 0, trimmed.length);
  return ordinal && ordinal.end === trimmed.length ? ordinal.value : null;
}

/** Reads "thứ ..." (or a bare number) in `t` between `start` and `end`, stopping where the number words stop. */
function readOrdinalAt(t: FoldedText, start: number, end: number): { value: number; end: number } | null {
  const tokens: Array<{ word: string; start: number; end: number }> = [];
  for (const m of t.folded.slice(start, end).matchAll(/[a-z\d]+/g)) {
    tokens.push({ word: m[0], start: start + m.index, end: start + m.index + m[0].length });
  }
  let i = 0;
  if (tokens[i]?.word === 'lan') i++;
  if (tokens[i]?.word === 'thu') i++;
  const first = tokens[i];
  if (!first) return null;
  if (/^\d+$/.test(first.word)) return positive(Number(first.word), first.end);
  const written = t.original.slice(first.start, first.end);
  // Roman numerals are written in capitals ("thứ IV"); "vi" or "ma" in lower case are words.
  if (written === written.toUpperCase() && parseRoman(written) !== null)
    return positive(parseRoman(written) ?? 0, first.end);
  const afterThu = i > 0;
  if (afterThu && first.word === 'nhat') return { value: 1, end: first.end };
  if (afterThu && first.word === 'tu') return { value: 4, end: first.end };
  const words = readNumberWords(
    tokens.slice(i).map((tok) => tok.word),
    0,
  );
  if (!words) return null;
  return positive(words.value, tokens[i + words.length - 1]?.end ?? first.end);
}

function positive(value: number, end: number): { value: number; end: number } | null {
  return Number.isInteger(value) && value > 0 ? { value, end } : null;
}

/** The council's term: "khóa XX" → 20, "nhiệm kỳ 2021-2026" → [2021, 2026]. */
export interface TermPhrase {
  term: number | null;
  years: [number, number] | null;
}

const TERM_NUMBER = /\bkhoa\s+(?<n>[ivxlc]+|\d{1,2})\b/g;
const TERM_YEARS = /\bnhiem\s+ky\s+(?<from>\d{4})\s*[-–]\s*(?<to>\d{4})\b/g;

/** The first term number and term years named in `text`; null when neither is. */
export function findTerm(text: string): TermPhrase | null {
  const t = foldForMatching(text);
  let term: number | null = null;
  for (const m of matchFolded(t, TERM_NUMBER)) {
    const n = m.groups?.['n'] ?? '';
    const written = t.original.slice(m.index + m[0].length - n.length, m.index + m[0].length);
    term = /\d/.test(n) ? Number(n) : written === written.toUpperCase() ? parseRoman(written) : null;
    if (term !== null) break;
  }
  let years: [number, number] | null = null;
  for (const m of matchFolded(t, TERM_YEARS)) {
    const from = Number(m.groups?.['from']);
    const to = Number(m.groups?.['to']);
    if (to > from && to - from <= 10) {
      years = [from, to];
      break;
    }
  }
  return term === null && years === null ? null : { term, years };
}
