// Issuing bodies of council reports: Party committees (Thị ủy, Huyện ủy, Đảng ủy phường ...) and
// their standing boards, People's Councils (HĐND) and People's Committees (UBND), however they are
// written ("BTV Thị ủy", "Ban Thường vụ Thành ủy", "THÀNH ỦY TỪ SƠN", "hdnd tp tu son").
import { foldForMatching, foldKeepingOffsets, matchFolded, type FoldedText } from './folded-match.ts';
import { canonicalizeTones, foldText } from './normalize.ts';
import { loadVocabulary, matching, oneOf } from '../vocabulary/index.ts';
import { isRegisteredPlace } from './places.ts';

const UNIT_TYPES = ['tỉnh', 'thành phố', 'thị xã', 'huyện', 'quận', 'phường', 'xã', 'thị trấn'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
export type Organ =
  | 'Tỉnh ủy'
  | 'Thành ủy'
  | 'Thị ủy'
  | 'Huyện ủy'
  | 'Quận ủy'
  | 'Đảng ủy'
  | 'Đảng bộ'
  | 'HĐND'
  | 'UBND';
/** The part of the organ that acts: its standing board (BTV), standing office (Thường trực) or executive committee (BCH). */
export type BodyRole = 'BTV' | 'Thường trực' | 'BCH';

/** A body named in a text. */
export interface BodyMention {
  /** Canonical display form: abbreviated organ, lower-case unit type, place in title case ("HĐND thành phố Từ Sơn"). */
  name: string;
  role: BodyRole | null;
  organ: Organ;
  unitType: UnitType | null;
  place: string | null;
  start: number;
  end: number;
  /** Named inside a person's title or a sub-unit's name ("Bí thư Thị ủy", "Ban Tuyên giáo Thị ủy"), not as an actor. */
  attributive: boolean;
}

/** A town or district that changed its kind of unit, so its bodies carry two names. */
export interface UnitRename {
  place: string;
  from: UnitType;
  to: UnitType;
  /** Day the new status took effect. */
  since: string;
}

const UNIT_TYPE = oneOf(UNIT_TYPES);
/** A vocabulary cell checked with UNIT_TYPE. */
const unitType = (checked: string): UnitType => checked as UnitType;

/**
 * Known upgrades of administrative units, from `vocabulary/renames.tsv`: only ones confirmed by the
 * resolution that made them.
 */
export const UNIT_RENAMES: readonly UnitRename[] = loadVocabulary('renames', {
  columns: ['place', 'province', 'from', 'to', 'since', 'resolution'],
  validate: { from: UNIT_TYPE, to: UNIT_TYPE, since: matching(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD') },
}).map((row) => ({ place: row.place, from: unitType(row.from), to: unitType(row.to), since: row.since }));

const PARTY_COMMITTEE_UNIT: Partial<Record<Organ, UnitType>> = {
  'Tỉnh ủy': 'tỉnh',
  'Thành ủy': 'thành phố',
  'Thị ủy': 'thị xã',
  'Huyện ủy': 'huyện',
  'Quận ủy': 'quận',
};
const PARTY_COMMITTEE_OF_UNIT = Object.fromEntries(
  Object.entries(PARTY_COMMITTEE_UNIT).map(([o, u]) => [u, o]),
) as Partial<Record<UnitType, Organ>>;

const ROLE_BY_FOLDED: Record<string, BodyRole> = {
  'ban thuong vu': 'BTV',
  btv: 'BTV',
  'thuong truc': 'Thường trực',
  tt: 'Thường trực',
  'ban chap hanh': 'BCH',
  bch: 'BCH',
};
const ORGAN_BY_FOLDED: Record<string, Organ> = {
  'tinh uy': 'Tỉnh ủy',
  'thanh uy': 'Thành ủy',
  'thi uy': 'Thị ủy',
  'huyen uy': 'Huyện ủy',
  'quan uy': 'Quận ủy',
  'dang uy': 'Đảng ủy',
  'dang bo': 'Đảng bộ',
  hdnd: 'HĐND',
  'hoi dong nhan dan': 'HĐND',
  ubnd: 'UBND',
  'uy ban nhan dan': 'UBND',
};

// How kinds of unit are written, folded ("tx", "thi xa"): `vocabulary/unit-kinds.tsv`.
const UNIT_KINDS = loadVocabulary('unit-kinds', {
  columns: ['spelling', 'kind'],
  unique: 'spelling',
  validate: { spelling: matching(/^[a-z.]+(?: [a-z.]+)*$/, 'folded (lower case, no diacritics)'), kind: UNIT_TYPE },
});
const UNIT_BY_FOLDED: Record<string, UnitType> = Object.fromEntries(
  UNIT_KINDS.map((row) => [row.spelling, unitType(row.kind)]),
);

// Longest spelling first, so that none stops short at a shorter one it begins with.
const UNIT_SPELLINGS = UNIT_KINDS.map((row) => row.spelling)
  .sort((a, b) => b.length - a.length)
  .map((spelling) => spelling.replace(/\./g, '\\.').replace(/ /g, String.raw`\s+`));
const UNIT = String.raw`(?<unit>${UNIT_SPELLINGS.join('|')})\.?`;
const BODY_PATTERN = new RegExp(
  String.raw`\b(?:(?<role>ban\s+thuong\s+vu|btv|thuong\s+truc|tt|ban\s+chap\s+hanh|bch)\s+)?` +
    String.raw`(?:(?<committee>tinh\s+uy|thanh\s+uy|thi\s+uy|huyen\s+uy|quan\s+uy)` +
    String.raw`|(?<party>dang\s+uy|dang\s+bo)\s+${UNIT}` +
    String.raw`|(?<council>hdnd|hoi\s+dong\s+nhan\s+dan|ubnd|uy\s+ban\s+nhan\s+dan)(?:\s+${UNIT.replace('<unit>', '<cunit>')})?)(?![\p{L}\d])`,
  'gu',
);
const PLACE_PATTERN = new RegExp(String.raw`\b${UNIT}(?=\s)`, 'g');
// Every organ BODY_PATTERN knows has one of these in its folded name.
const ORGAN_WORD = /uy|dang|hdnd|ubnd|hoi/;

/** False when folded text (see `foldKeepingOffsets`) names no body, so `findBodies` would find none: a cheap test first. */
export function mayNameBody(folded: string): boolean {
  return ORGAN_WORD.test(folded);
}

// Words a person's title or a sub-unit puts before an organ's name.
const ATTRIBUTIVE_BEFORE =
  /\b(?:chu\s+tich|bi\s+thu|uy\s+vien|tuv|thanh\s+vien|dai\s+bieu|truong\s+ban|chanh\s+van\s+phong|van\s+phong|lanh\s+dao|can\s+bo|ban\s+(?!thuong\s+vu|chap\s+hanh)\p{L}+(?:\s+\p{L}+)?|uy\s+ban\s+kiem\s+tra|ubkt)\s*$/u;
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

/** A body without where it was found: what an issuing body or a question's filter needs. */
export type Body = Pick<BodyMention, 'name' | 'role' | 'organ' | 'unitType' | 'place'>;

/** Options for recognising bodies. */
export interface BodyOptions {
  /** Place names already known (from other reports), matched also when written in lower case ("tu son"). */
  knownPlaces?: readonly string[];
}

/** Every body named in `text`, in order, each with the place written next to it (if any). */
export function findBodies(text: string, options: BodyOptions = {}): BodyMention[] {
  const t = foldForMatching(text);
  const known = knownPlaceList(options);
  const mentions: BodyMention[] = [];
  for (const m of matchFolded(t, BODY_PATTERN)) {
    const g = m.groups ?? {};
    // "NQ-HĐND", "TTr-UBND": the issuer's code inside a document number, not a mention.
    if (/[-/]$/.test(t.original.slice(Math.max(0, m.index - 1), m.index))) continue;
    const roleWord = g['role']?.replace(/\s+/g, ' ');
    // "TT" is an abbreviation only in capitals, and before a committee it means Thường trực, not thị trấn.
    if (roleWord === 'tt' && t.original.slice(m.index, m.index + 2) !== 'TT') continue;
    const role = roleWord ? (ROLE_BY_FOLDED[roleWord] ?? null) : null;
    const organ = ORGAN_BY_FOLDED[(g['committee'] ?? g['party'] ?? g['council'] ?? '').replace(/\s+/g, ' ')];
    if (!organ) continue;
    const unitWord = g['unit'] ?? g['cunit'];
    const unitType = unitWord
      ? (UNIT_BY_FOLDED[unitWord.replace(/\s+/g, ' ')] ?? null)
      : (PARTY_COMMITTEE_UNIT[organ] ?? null);
    if (unitWord === 'tt' && !/TT\.?$/.test(t.original.slice(m.index, m.index + m[0].length))) continue;
    const end = m.index + m[0].length;
    const read = readPlace(t, end, known);
    const place = read && unitType && isMisreadPlace(read.name, unitType) ? null : read;
    const before = t.folded.slice(Math.max(0, m.index - 40), m.index);
    mentions.push({
      name: '',
      role,
      organ,
      unitType,
      place: place?.name ?? null,
      start: m.index,
      end: place?.end ?? end,
      attributive: ATTRIBUTIVE_BEFORE.test(before),
    });
  }
  return mentions.map((mention) => ({ ...mention, name: bodyName(mention) }));
}

/**
 * The body a short text is about — a question ("hdnd tp tu son", "thi uy"), a title or a front matter
 * value — with its place filled in from elsewhere in the same text when it is not written beside it.
 */
export function recognizeBody(text: string, options: BodyOptions = {}): BodyMention | null {
  const mentions = findBodies(text, options);
  const chosen = mentions.find((m) => !m.attributive) ?? mentions[0];
  return chosen ? withPlace(chosen, mentions, text, options) : null;
}

/**
 * The body that issued a report: named in its title, else the lowest body of its header lines,
 * else the subject of its lead sentence ("BTV thị ủy Từ Sơn tổ chức phiên họp"), never one the
 * report only mentions later ("yêu cầu UBND TX ..."). A missing place is taken from the rest of the text.
 */
export function findIssuingBody(text: string, title: string | null, options: BodyOptions = {}): Body | null {
  const all = findBodies(text, options);
  const actors = all.filter((m) => !m.attributive);
  const titleMentions = title ? findBodies(title, options).filter((m) => !m.attributive) : [];
  const top = topLines(text);
  const header = actors.filter((m) => m.end <= top.headerEnd);
  // A portal's long headline reads as the first prose line: the lead is then the paragraph after it.
  const inLead = actors.filter((m) => m.start >= top.leadStart && m.start < top.leadEnd);
  const lead = inLead.length > 0 ? inLead : actors.filter((m) => m.start >= top.leadEnd && m.start < top.nextEnd);
  const subject = lead.find((m) => MEETING_VERB_AFTER.test(foldKeepingOffsets(text.slice(m.end, m.end + 60))));
  // "... cuộc họp do Chủ tịch UBND tỉnh chủ trì": a meeting its chair's office names, when no body is its subject.
  const chaired = all.find(
    (m) =>
      m.attributive &&
      m.start >= top.leadStart &&
      m.start < top.nextEnd &&
      CHAIRED_AFTER.test(foldKeepingOffsets(text.slice(m.end, m.end + 60))),
  );
  const chosen = titleMentions[0] ?? header[header.length - 1] ?? subject ?? lead[0] ?? chaired ?? null;
  if (!chosen) return null;
  const context = [...titleMentions, ...all];
  const sharper = chosen.role
    ? null
    : [...titleMentions, ...header, ...lead].find((m) => m.role && sameBody(m, chosen));
  const { name, role, organ, unitType, place } = withPlace(
    { ...chosen, role: sharper?.role ?? chosen.role },
    context,
    text,
    options,
  );
  return { name, role, organ, unitType, place };
}

const CHAIRED_AFTER = /^[^.;\n]{0,50}?\bchu\s+tri\b/;
const MEETING_VERB_AFTER = /^[^.;\n]{0,40}?\b(?:to\s+chuc|hop|tien\s+hanh|khai\s+mac|be\s+mac|nhom\s+hop|dien\s+ra)\b/;

// How far past a lead that names no body the next paragraph is read: a dateline, then a lead sentence.
const NEXT_PARAGRAPH_CHARS = 600;

/** A line this long, or ending as a sentence does, is prose: the header and title are above it. */
const PROSE_LENGTH = 80;

/** Where the header ends, the lead paragraph lies, and the paragraph after it ends. */
function topLines(text: string): { headerEnd: number; leadStart: number; leadEnd: number; nextEnd: number } {
  let offset = 0;
  let headerEnd = 0;
  // Line by line from the top: the lead is near it, so the rest is never split.
  while (offset <= text.length) {
    const start = offset;
    const newline = text.indexOf('\n', start);
    const line = text.slice(start, newline < 0 ? text.length : newline);
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    if (trimmed.length >= PROSE_LENGTH || /[.;]$/.test(trimmed)) {
      const next = text.indexOf('\n', offset);
      const leadEnd = next < 0 ? text.length : next;
      return { headerEnd, leadStart: start, leadEnd, nextEnd: Math.min(text.length, leadEnd + NEXT_PARAGRAPH_CHARS) };
    }
    headerEnd = start + line.length;
  }
  return { headerEnd, leadStart: headerEnd, leadEnd: headerEnd, nextEnd: headerEnd };
}

/** Other names of the same body: the name before or after its unit was renamed ("Thị ủy Từ Sơn" ↔ "Thành ủy Từ Sơn"). */
export function bodyAliases(body: Omit<Body, 'name'>): string[] {
  if (!body.place || !body.unitType) return [];
  const place = body.place.toLowerCase();
  const aliases: string[] = [];
  for (const rename of UNIT_RENAMES) {
    if (rename.place.toLowerCase() !== place) continue;
    const other = body.unitType === rename.from ? rename.to : body.unitType === rename.to ? rename.from : null;
    if (!other) continue;
    const organ = PARTY_COMMITTEE_UNIT[body.organ] ? PARTY_COMMITTEE_OF_UNIT[other] : body.organ;
    if (organ) aliases.push(bodyName({ ...body, organ, unitType: other }));
  }
  // The Party committee of a place and the executive committee of its Party organisation are one
  // body: "Huyện ủy Hiệp Đức" is "BCH Đảng bộ huyện Hiệp Đức" (not its standing board, BTV).
  if (body.role === null || body.role === 'BCH') {
    const committee = PARTY_COMMITTEE_OF_UNIT[body.unitType];
    if (committee && body.organ === committee) aliases.push(bodyName({ ...body, role: 'BCH', organ: 'Đảng bộ' }));
    if (committee && body.organ === 'Đảng bộ') aliases.push(bodyName({ ...body, role: null, organ: committee }));
  }
  return aliases;
}

/** Canonical display name of a body ("BTV Thị ủy Từ Sơn", "UBND phường Đông Ngàn", "BCH Đảng bộ thành phố Từ Sơn"). */
export function bodyName(body: Omit<Body, 'name'>): string {
  const unit = PARTY_COMMITTEE_UNIT[body.organ] ? null : body.unitType;
  return [body.role, body.organ, unit, body.place].filter(Boolean).join(' ');
}

function sameBody(a: BodyMention, b: BodyMention): boolean {
  return a.organ === b.organ && a.unitType === b.unitType && (!a.place || !b.place || a.place === b.place);
}

interface Place {
  unitType: UnitType;
  name: string;
}

/** Units named with their place anywhere in the text ("Thị xã Từ Sơn", "phường Đông Ngàn"). */
function findPlaces(text: string, options: BodyOptions): Place[] {
  const t = foldForMatching(text);
  const known = knownPlaceList(options);
  const places: Place[] = [];
  for (const m of matchFolded(t, PLACE_PATTERN)) {
    const unitType = UNIT_BY_FOLDED[(m.groups?.['unit'] ?? '').replace(/\s+/g, ' ')];
    if (m.groups?.['unit'] === 'tt') continue;
    const place = readPlace(t, m.index + m[0].length, known);
    if (unitType && place && !isMisreadPlace(place.name, unitType)) places.push({ unitType, name: place.name });
  }
  return places;
}

/**
 * Fills in a missing place: from another mention of the same organ, else from the unit it governs
 * named elsewhere in `text` (looked for only then: most bodies are named with their place).
 */
function withPlace(
  body: BodyMention,
  mentions: readonly BodyMention[],
  text: string,
  options: BodyOptions,
): BodyMention {
  let place = body.place;
  let unitType = body.unitType;
  if (!place) {
    const sibling = mentions.find((m) => m.place && m.organ === body.organ && (!unitType || m.unitType === unitType));
    const unit = sibling || !unitType ? undefined : findPlaces(text, options).find((p) => p.unitType === unitType);
    place = sibling?.place ?? unit?.name ?? null;
    unitType = sibling?.unitType ?? unit?.unitType ?? unitType;
  }
  const filled = { ...body, place, unitType };
  return { ...filled, name: bodyName(filled) };
}

interface KnownPlace {
  name: string;
  /** The name lower-cased and folded: how it is looked for in folded text. */
  key: string;
}

// Plain case mapping throughout: Vietnamese has no locale-specific case rules (ICU has them for
// Turkish, Azeri and Lithuanian), and toLocaleLowerCase('vi') costs many times more.
const knownPlace = (name: string): KnownPlace => ({ name, key: foldKeepingOffsets(name.toLowerCase()) });
const RENAMED_PLACES: readonly KnownPlace[] = UNIT_RENAMES.map((r) => knownPlace(r.place));

function knownPlaceList(options: BodyOptions): KnownPlace[] {
  return [...(options.knownPlaces ?? []).map(knownPlace), ...RENAMED_PLACES];
}

/**
 * The place name that starts after `from` (past spaces): capitalised words, also across a line
 * wrap ("Bạch\nThông"), "Từ Sơn", "TỪ SƠN"; a unit number ("phường 3"); or a known place in any case
 * ("tu son"). None after a sentence's end: "HĐND tỉnh. Đồng thời, ..." names no place "Đồng".
 */
function readPlace(t: FoldedText, from: number, known: readonly KnownPlace[]): { name: string; end: number } | null {
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
    // "Bạch Thông") is read as the name's second syllable unless the heading is in capitals.
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

const SURNAMES = new Set(
  loadVocabulary('surnames', {
    columns: ['surname'],
    unique: 'surname',
    validate: { surname: matching(/^\p{Lu}\p{Ll}+$/u, 'a capitalised word') },
  }).map((row) => row.surname),
);

/**
 * Whether capitalised words after a unit are a person's name, not a place: "Phó Chủ tịch UBND
 * tỉnh Trần Hoàng Tuấn" leaves out the province and names its officer. Three or more words opening
 * with a family name, and no unit of that kind in the register, are a name.
 */
function isPersonName(words: string, unitType: UnitType): boolean {
  const parts = words.split(' ');
  return parts.length >= 3 && SURNAMES.has(parts[0]!) && !isRegisteredPlace(words, unitType);
}

/** Wards and districts of cities are numbered ("phường 3", "quận 1"); "tỉnh 9 tháng" names no province. */
function isMisreadPlace(name: string, unitType: UnitType): boolean {
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
