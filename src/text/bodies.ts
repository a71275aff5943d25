// Issuing bodies of council reports: Party committees (Thị ủy, Huyện ủy, Đảng ủy phường ...) and
// their standing boards, People's Councils (HĐND) and People's Committees (UBND), however they are
// written ("BTV Thị ủy", "Ban Thường vụ Thành ủy", "THÀNH ỦY TỪ SƠN", "hdnd tp tu son").
import { foldForMatching, foldKeepingOffsets, matchFolded } from './folded-match.ts';
import { isMisreadPlace, knownPlaceList, readPlace } from './place-names.ts';
import { UNIT_BY_FOLDED, UNIT_KINDS, UNIT_RENAMES, type UnitType } from './units.ts';

export { UNIT_RENAMES, type UnitRename, type UnitType } from './units.ts';

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
  const known = knownPlaceList(options.knownPlaces);
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
    const read = readPlace(t, end, known, unitType);
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
  // body: "Huyện ủy Yên Lạc" is "BCH Đảng bộ huyện Yên Lạc" (not its standing board, BTV).
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
  const known = knownPlaceList(options.knownPlaces);
  const places: Place[] = [];
  for (const m of matchFolded(t, PLACE_PATTERN)) {
    const unitType = UNIT_BY_FOLDED[(m.groups?.['unit'] ?? '').replace(/\s+/g, ' ')];
    if (m.groups?.['unit'] === 'tt') continue;
    const place = readPlace(t, m.index + m[0].length, known, unitType);
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
