// Bodies: a body named with its place gets its canonical name and the names it has had
// ("HĐND thành phố Từ Sơn" ↔ "HĐND thị xã Từ Sơn"); without a place only its organ. A bare "BTV"
// or "standing committee" gives the organ "BTV", which every standing board's name carries.
import { bodyAliases, foldKeepingOffsets, foldText, recognizeBody, type BodyMention } from '../text/index.ts';
import type { Question, Span } from './types.ts';

export type PlanBody = NonNullable<Question['body']>;

/**
 * A standing board named without its committee ("BTV", "the standing committee"): whichever
 * committee's. Its organ is the role, which every standing board's canonical name carries
 * ("BTV Thị ủy Từ Sơn", "BTV Huyện ủy Tiên Du").
 */
export const ANY_STANDING_BOARD: PlanBody = { name: null, organ: 'BTV', aliases: [] };
export const BARE_STANDING_BOARD = /\b(?:btv|ban\s+thuong\s+vu)\b/gi;

// Units a council or committee named with its place but not its unit ("HĐND Từ Sơn") may govern.
const UNIT_TYPES = ['tỉnh', 'thành phố', 'thị xã', 'huyện', 'quận', 'phường', 'xã', 'thị trấn'];

export function planBody(mention: BodyMention, knownPlaces: readonly string[]): PlanBody {
  if (!mention.place) return { name: null, organ: mention.organ, aliases: [] };
  if (mention.unitType) return { name: mention.name, organ: mention.organ, aliases: bodyAliases(mention) };
  // "HĐND Từ Sơn" leaves out the unit that canonical names carry: every unit's body is meant.
  const places = [mention.place, ...knownPlaces];
  const aliases = UNIT_TYPES.flatMap((unit) => {
    const named = recognizeBody(`${[mention.role, mention.organ, unit, mention.place].filter(Boolean).join(' ')}`, {
      knownPlaces: places,
    });
    return named?.place ? [named.name] : [];
  });
  return { name: mention.name, organ: mention.organ, aliases: aliases.filter((alias) => alias !== mention.name) };
}

const ENGLISH_UNIT: Record<string, string> = {
  town: 'thị xã',
  city: 'thành phố',
  district: 'huyện',
  ward: 'phường',
  commune: 'xã',
  province: 'tỉnh',
  provincial: 'tỉnh',
};
const ENGLISH_PARTY_COMMITTEE: Record<string, string> = {
  town: 'Thị ủy',
  city: 'Thành ủy',
  district: 'Huyện ủy',
  province: 'Tỉnh ủy',
  provincial: 'Tỉnh ủy',
  ward: 'Đảng ủy',
  commune: 'Đảng ủy',
};
const UNIT_WORD = '(town|city|district|ward|commune|province|provincial)';
const ENGLISH_BODY = new RegExp(
  String.raw`\b(?:${UNIT_WORD}(?:['’]s)?\s+)?(?:(party\s+committee)|people['’]?s\s+(council|committee)|(standing\s+(?:committee|board))|(council))\b`,
  'gi',
);

/** The body an English question names: its organ in English, its place as a known Vietnamese name. */
export function englishBody(text: string, knownPlaces: readonly string[]): { body: PlanBody; spans: Span[] } | null {
  const matches = [...text.matchAll(ENGLISH_BODY)];
  const standing = matches.some((m) => m[4]);
  // "council" without "People's" names the issuer only as "the provincial council standing
  // committee"; "town council seats" are what a question asks about.
  const organs = matches.filter((m) => !m[5] || (m[1] && standing));
  if (organs.length === 0) return null;
  const organ = organs.find((m) => m[2] || m[3] || m[5]);
  const spans: Span[] = organs.map((m): Span => [m.index, m.index + m[0].length]);
  const unitWord = (organ?.[1] ?? '').toLowerCase();
  const place = findKnownPlace(text, knownPlaces);
  if (place) spans.push(place.span);
  const unitNearPlace = place
    ? new RegExp(String.raw`^\s*${UNIT_WORD}\b`, 'i').exec(text.slice(place.span[1]))?.[1]?.toLowerCase()
    : undefined;
  const unit = unitWord || unitNearPlace || '';
  let vietnamese: string;
  const council = organ?.[5] !== undefined || organ?.[3]?.toLowerCase() === 'council';
  if (organ?.[3] || organ?.[5]) {
    // "the provincial council standing committee" is the council's standing office (Thường trực HĐND).
    const office = council && standing ? 'Thường trực ' : '';
    vietnamese = `${office}${council ? 'HĐND' : 'UBND'}${ENGLISH_UNIT[unit] ? ` ${ENGLISH_UNIT[unit]}` : ''}`;
  } else {
    const committee = ENGLISH_PARTY_COMMITTEE[unit];
    // A party committee of no named level cannot be told from the ward ones: no filter.
    if (!committee) return standing ? { body: ANY_STANDING_BOARD, spans } : null;
    vietnamese = `${standing ? 'BTV ' : ''}${committee}`;
  }
  const recognized = recognizeBody(place ? `${vietnamese} ${place.name}` : vietnamese, { knownPlaces });
  return recognized ? { body: planBody(recognized, knownPlaces), spans } : null;
}

function findKnownPlace(text: string, knownPlaces: readonly string[]): { name: string; span: Span } | null {
  const folded = foldKeepingOffsets(text);
  for (const name of knownPlaces) {
    const key = foldText(name);
    const at = new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(key)}(?![\p{L}\d])`, 'u').exec(folded);
    if (at) return { name, span: [at.index, at.index + key.length] };
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every place of `name` in `text`, with the unit word before it ("thành phố Từ Sơn", "tp tu son"). */
export function placeSpans(text: string, name: string): Span[] {
  const folded = foldKeepingOffsets(text);
  const key = escapeRegExp(foldText(name));
  const pattern = new RegExp(
    String.raw`(?:\b(?:thanh\s+pho|thi\s+xa|thi\s+tran|tp|tx|huyen|quan|phuong|xa|tinh)\.?\s+)?(?<![\p{L}\d])${key}(?![\p{L}\d])`,
    'gu',
  );
  return [...folded.matchAll(pattern)].map((m): Span => [m.index, m.index + m[0].length]);
}
