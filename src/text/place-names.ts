// Place names as councils write them after a unit word: capitalised syllables ("Từ Sơn", "TỪ SƠN",
// "Vĩnh Thông"), a unit number ("phường 3"), or a place already known in any case ("tu son"); not
// a sentence's next word, an officer's name or "9 tháng".
import { foldKeepingOffsets, type FoldedText } from './folded-match.ts';
import { canonicalizeTones, foldText } from './normalize.ts';
import { isRegisteredPlace } from './places.ts';
import { UNIT_KINDS, UNIT_RENAMES, type UnitType } from './units.ts';
import { loadVocabulary, matching } from '../vocabulary/index.ts';

// Words that end a place name in a heading written in capitals ("THÀNH ỦY TỪ SƠN HỌP PHIÊN ...").
// Compared with their diacritics, so "NAM" (Hà Nam) and "NĂM" stay apart.
const NOT_PLACE = new Set([
  'họp',
  'tổ',
  'chức',
  'phiên',
  'kỳ',
  'khóa',
  'lần',
  'thứ',
  'nhiệm',
  'về',
  'thông',
  'báo',
  'tại',
  'triển',
  'khai',
  'năm',
  'tháng',
  'ngày',
  'làm',
  'việc',
  'quyết',
  'nghị',
  'kết',
  'luận',
  'của',
  'và',
  'với',
  'tiếp',
  'đảng',
  'cộng',
  'sản',
  'số',
  'hội',
  'ban',
  'ủy',
  'cho',
  'ý',
  'kiến',
  'đánh',
  'giá',
  'mạc',
  'bế',
  'hđnd',
  'ubnd',
  'btv',
  'bch',
  'tp',
  'tx',
]);

export interface KnownPlace {
  name: string;
  /** The name lower-cased and folded: how it is looked for in folded text. */
  key: string;
}

// Plain case mapping throughout: Vietnamese has no locale-specific case rules (ICU has them for
// Turkish, Azeri and Lithuanian), and toLocaleLowerCase('vi') costs many times more.
const knownPlace = (name: string): KnownPlace => ({ name, key: foldKeepingOffsets(name.toLowerCase()) });
const RENAMED_PLACES: readonly KnownPlace[] = UNIT_RENAMES.map((r) => knownPlace(r.place));

/** Places to recognise in any case: the ones given (from other reports) and those renamed. */
export function knownPlaceList(knownPlaces: readonly string[] = []): KnownPlace[] {
  return [...knownPlaces.map(knownPlace), ...RENAMED_PLACES];
}

/**
 * The place name that starts after `from` (past spaces): capitalised words, also across a line
 * wrap ("Vĩnh\nThông"), "Từ Sơn", "TỪ SƠN"; a unit number ("phường 3"); or a known place in any case
 * ("tu son"). None after a sentence's end: "HĐND tỉnh. Đồng thời, ..." names no place "Đồng".
 */
export function readPlace(
  t: FoldedText,
  from: number,
  known: readonly KnownPlace[],
  unitType?: UnitType | null,
): { name: string; end: number } | null {
  if (endsSentence(t, from)) return null;
  const rest = t.original.slice(from, from + 80);
  const lead = /^ */.exec(rest)?.[0].length ?? 0;
  const foldedRest = t.folded.slice(from + lead, from + 80);
  for (const { name, key } of known) {
    if (foldedRest.startsWith(key) && !/[\p{L}\d]/u.test(foldedRest.charAt(key.length))) {
      return { name, end: from + lead + key.length };
    }
  }
  const numbered = /^\d{1,2}(?![\d/.,-])/.exec(rest.slice(lead));
  if (numbered) return { name: numbered[0], end: from + lead + numbered[0].length };
  // A registered place is read in full where capitalised words would stop short of it, never cut shorter.
  const registered = unitType ? registeredPlaceAt(rest, lead, unitType) : null;
  const read = readCapitalised(rest, lead, from);
  return registered && (!read || registered.name.length > read.name.length)
    ? { name: registered.name, end: from + registered.end }
    : read;
}

/** Capitalised words at `lead` of `rest` (which starts at `from`), as a place name. */
function readCapitalised(rest: string, lead: number, from: number): { name: string; end: number } | null {
  const words: Array<{ text: string; end: number }> = [];
  const wordPattern = /^\p{Lu}\p{L}*/u;
  let at = lead;
  while (words.length < 4) {
    if (words.length > 0) {
      // A line wrap is crossed only after one syllable: a name runs on ("Châu\nKhê"), a title line ends.
      const gap = (words.length === 1 ? /^ *\n? */ : /^ */).exec(rest.slice(at))?.[0] ?? '';
      if (gap.length === 0) break;
      at += gap.length;
    }
    const word = wordPattern.exec(rest.slice(at))?.[0];
    if (!word) break;
    // A place is rarely one syllable: after one, a capitalised word of a heading ("Thông" of
    // "Vĩnh Thông") is read as the name's second syllable unless the heading is in capitals.
    const heading = NOT_PLACE.has(canonicalizeTones(word.toLowerCase()));
    if (heading && (words.length !== 1 || word === word.toUpperCase())) break;
    at += word.length;
    words.push({ text: word, end: at });
  }
  // Capitals running on past four words are a heading, not a name: keep the usual two syllables.
  const runsOn =
    words.length === 4 && words.every((w) => w.text === w.text.toUpperCase()) && /^ \p{Lu}/u.test(rest.slice(at));
  const kept = runsOn ? words.slice(0, 2) : words;
  const last = kept[kept.length - 1];
  if (!last) return null;
  return { name: kept.map((w) => titleCase(w.text)).join(' '), end: from + last.end };
}

/**
 * A unit of this kind in the register, named by the capitalised words at `at`, longest first: its
 * syllables may be words that end a heading elsewhere ("thị xã Giá Rai", "huyện Kỳ Anh").
 */
function registeredPlaceAt(rest: string, at: number, unitType: UnitType): { name: string; end: number } | null {
  const words = /^\p{Lu}\p{L}*(?: \p{Lu}\p{L}*){1,3}/u.exec(rest.slice(at))?.[0].split(' ') ?? [];
  for (let count = words.length; count >= 2; count--) {
    const name = words.slice(0, count).map(titleCase).join(' ');
    if (isRegisteredPlace(name, unitType)) return { name, end: at + words.slice(0, count).join(' ').length };
  }
  return null;
}

const SURNAMES = new Set(
  loadVocabulary('surnames', {
    columns: ['surname'],
    unique: 'surname',
    validate: { surname: matching(/^\p{Lu}\p{Ll}+$/u, 'a capitalised word') },
  }).map((row) => row.surname),
);

/**
 * Whether capitalised words after a unit are a person's name, not a place: "Phó Chủ tịch UBND
 * tỉnh Nguyễn Văn An" leaves out the province and names its officer. Three or more words opening
 * with a family name, and no unit of that kind in the register, are a name.
 */
function isPersonName(words: string, unitType: UnitType): boolean {
  const parts = words.split(' ');
  return parts.length >= 3 && SURNAMES.has(parts[0]!) && !isRegisteredPlace(words, unitType);
}

/** Wards and districts of cities are numbered ("phường 3", "quận 1"); "tỉnh 9 tháng" names no province. */
export function isMisreadPlace(name: string, unitType: UnitType): boolean {
  return /^\d+$/.test(name) ? unitType !== 'phường' && unitType !== 'quận' : isPersonName(name, unitType);
}

// Units written in full ("tỉnh", "thành phố"), as opposed to abbreviations ("tp", "t.x"): a full
// stop after one ends a sentence.
const FULL_UNIT_WORDS = new Set(
  UNIT_KINDS.filter((row) => row.spelling === foldText(row.kind)).map((row) => row.spelling),
);

/** Whether the text before `at` ends a sentence: a full stop right after a unit written in full ("tỉnh.", "huyện."). */
function endsSentence(t: FoldedText, at: number): boolean {
  if (t.original.charAt(at - 1) !== '.') return false;
  const unit = /(?:^|[^\p{L}.])(\p{L}+(?: \p{L}+)?)\.$/u.exec(t.folded.slice(Math.max(0, at - 12), at))?.[1] ?? '';
  return FULL_UNIT_WORDS.has(unit) || FULL_UNIT_WORDS.has(unit.split(' ').at(-1) ?? '');
}

function titleCase(word: string): string {
  if (/^\d+$/.test(word)) return word;
  const lower = word.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
