// Question understanding: what a citizen's question asks for, as a plan the retriever can follow —
// the text to search, the session month or year, the issuing body, the session, the part of a
// report it points at, and the words that say what it is about.
//
// Periods: a month or quarter names the SESSION month ("tháng 9" is the September session, even when
// it met in October). Cumulative spans ("9 tháng đầu năm", "6 tháng cuối năm", "từ đầu năm") say
// what a report covers, not when its session sat, so they give no month filter (only their year,
// if named) and stay among the topic terms. "đầu năm" / "cuối năm" on their own name the first /
// last quarter's sessions (months 1-3 / 10-12). A month without a year is "*-MM". Relative times
// ("năm nay", "tháng trước") need a clock and are left to the caller.
//
// Bodies: a body named with its place gets its canonical name and the names it has had
// ("HĐND thành phố Từ Sơn" ↔ "HĐND thị xã Từ Sơn"); without a place only its organ. A bare "BTV"
// or "standing committee" gives the organ "BTV", which every standing board's name carries.
import type { SectionLabel } from '../ingest/sections.ts';
import {
  bodyAliases,
  findBodies,
  findDates,
  findPeriods,
  findRelativePeriods,
  findSessionKind,
  findSessionNumber,
  foldKeepingOffsets,
  foldText,
  hasVietnameseDiacritics,
  lookupAbbreviation,
  recognizeBody,
  removeDiacritics,
  segmentWords,
  tokenize,
  type BodyMention,
  type Period,
  type PeriodMention,
} from '../text/index.ts';
import { isEnglishVocabulary, translateToVietnamese } from './glossary.ts';
import { isVietnameseWord } from './lexicon.ts';
import { normalizeQuestion, SHORTHAND_WORDS } from './shorthand.ts';

export type QuestionLanguage = 'vi' | 'vi-plain' | 'en'; // vi-plain = Vietnamese typed without diacritics

export interface PeriodFilter {
  /** Session months the question names, "YYYY-MM"; a month without a year is "*-MM". */
  months: string[];
  /** A year the question names without a month ("năm 2022", "in 2022"). */
  year: number | null;
  /** Human label for messages: "tháng 9/2021", "quý III năm 2022", "September 2021". */
  label: string;
}

export interface QueryPlan {
  question: string;
  normalized: string;
  language: QuestionLanguage;
  /** Vietnamese text to match lexically and to embed: the normalised question, or for English the glossary translation plus any remaining words (numbers, names). */
  searchText: string;
  period: PeriodFilter | null;
  /** Issuing body the question names, canonical ("HĐND thành phố Từ Sơn"), with its aliases; or a generic organ when no place is named ("HĐND", "Thị ủy", "UBND") as `organ`. */
  body: { name: string | null; organ: string; aliases: string[] } | null;
  sessionKind: string | null;
  sessionNumber: number | null;
  /** Sections the question points at, in the order it names them. */
  sections: SectionLabel[];
  /** The question asks when a meeting was held ("họp ngày nào", "when did the council meet"); absent means no. */
  asksWhenHeld?: boolean;
  /** The question asks about the newest session of what it names ("phiên họp gần đây nhất", "the latest session"); absent means no. */
  latest?: boolean;
  /**
   * Months ("YYYY-MM") the question dates what it asks about by, not its session: "by late
   * October 2021", "đến cuối tháng 6/2022". Reports of those months rank a little higher.
   */
  datedMonths?: string[];
  /** Content terms (folded) left once period, body, session and question words are taken out: what the question is about. */
  topicTerms: string[];
  /** The same syllables grouped into the words they form where they stand together ("cau vuot", "duong sat"), folded. */
  topicWords: string[];
}

type Span = readonly [start: number, end: number];

// ---------------------------------------------------------------------------------------------
// Language

const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

/**
 * English when English words outnumber Vietnamese ones. Abbreviations ("HĐND"), chat shorthand and
 * capitalised names inside a sentence ("Tu Son") count for neither, so they keep an English
 * question English. Vietnamese is 'vi' when at least a quarter of its words carry diacritics, the
 * same bar the text rules use to decide that keywords must be spelled with them.
 */
function detectLanguage(question: string): QuestionLanguage {
  let english = 0;
  let vietnamese = 0;
  let marked = 0;
  let index = 0;
  for (const m of question.matchAll(/\p{L}+(?:['’]\p{L}+)?/gu)) {
    const word = m[0];
    const first = index++ === 0;
    const lower = word.toLowerCase();
    if (SHORTHAND_WORDS.has(lower) || (word.length > 1 && lookupAbbreviation(word) !== undefined)) continue;
    if (hasVietnameseDiacritics(word)) {
      vietnamese++;
      marked++;
      continue;
    }
    const syllable = VIETNAMESE_SYLLABLE.test(lower);
    const known = isEnglishVocabulary(word);
    if (syllable && known) continue;
    if (syllable) {
      if (!first && /^\p{Lu}/u.test(word)) continue;
      vietnamese++;
    } else if (/^[a-z'’]{2,}$/.test(lower)) english++;
  }
  if (english > 0 && (english > vietnamese || (english === vietnamese && marked === 0))) return 'en';
  return vietnamese > 0 && marked / vietnamese >= 0.25 ? 'vi' : 'vi-plain';
}


// ---------------------------------------------------------------------------------------------
// Periods

const YEAR = String.raw`((?:19|20)\d{2})`;
const ENGLISH_COUNT: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const ENGLISH_ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const ORDINAL_WORD = `(?:${Object.keys(ENGLISH_ORDINAL).join('|')})`;
const OF_YEAR = String.raw`(?:\s+(?:of\s+(?:the\s+year\s+)?|in\s+)?${YEAR}|\s+of\s+the\s+year)?`;

// Forms `findPeriods` does not read: a bare "9/2021", and English spans of a year.
const EXTRA_PERIODS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Period | null]> = [
  [
    new RegExp(String.raw`(?<![\d/.,-])(\d{1,2})\s*[/-]\s*${YEAR}(?![\d/.,-])`, 'g'),
    (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { kind: 'month', month, year: Number(m[2]) } : null;
    },
  ],
  [
    new RegExp(String.raw`\b(first|last)\s+(\d{1,2}|${Object.keys(ENGLISH_COUNT).join('|')})\s+months\b${OF_YEAR}`, 'gi'),
    (m) => {
      const count = Number(m[2]) || ENGLISH_COUNT[(m[2] ?? '').toLowerCase()] || 0;
      const side = (m[1] ?? '').toLowerCase() === 'first' ? 'start' : 'end';
      return count >= 1 && count <= 12 ? { kind: 'months', side, count, year: yearOf(m[3]) } : null;
    },
  ],
  [
    new RegExp(String.raw`\b(first|second)\s+half\b${OF_YEAR}`, 'gi'),
    (m) => ({ kind: 'months', side: (m[1] ?? '').toLowerCase() === 'first' ? 'start' : 'end', count: 6, year: yearOf(m[2]) }),
  ],
  [
    new RegExp(String.raw`\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b${OF_YEAR}`, 'gi'),
    (m) => ({ kind: 'quarter', quarter: ENGLISH_ORDINAL[(m[1] ?? '').toLowerCase()] ?? Number.parseInt(m[1] ?? '', 10), year: yearOf(m[2]) }),
  ],
  [
    new RegExp(String.raw`\bquarter\s+([1-4])\b${OF_YEAR}`, 'gi'),
    (m) => ({ kind: 'quarter', quarter: Number(m[1]), year: yearOf(m[2]) }),
  ],
  [
    new RegExp(String.raw`\b(beginning|start|end)\s+of\s+(?:the\s+year|${YEAR})\b|\byear[\s-]end\b`, 'gi'),
    (m) => ({ kind: 'partOfYear', side: /^(?:beginning|start)$/i.test(m[1] ?? '') ? 'start' : 'end', year: yearOf(m[2]) }),
  ],
];

function yearOf(digits: string | undefined): number | null {
  return digits === undefined ? null : Number(digits);
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some(([s, e]) => a[0] < e && s < a[1]);
}

function findAllPeriods(text: string, today: Date): PeriodMention[] {
  const found: PeriodMention[] = [...findPeriods(text)];
  const claimed: Span[] = [...found.map((p): Span => [p.start, p.end]), ...findDates(text).map((d): Span => [d.start, d.end])];
  const claim = (mention: PeriodMention) => {
    const span: Span = [mention.start, mention.end];
    if (overlaps(span, claimed)) return;
    claimed.push(span);
    found.push(mention);
  };
  for (const relative of findRelativePeriods(text, today)) claim(relative);
  for (const [pattern, read] of EXTRA_PERIODS) {
    for (const m of text.matchAll(pattern)) {
      if (overlaps([m.index, m.index + m[0].length], claimed)) continue;
      const period = read(m as RegExpExecArray);
      if (period) claim({ ...period, start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "từ đầu năm", "nửa đầu năm", "since the beginning of the year": a cumulative span, not the first quarter's sessions. */
function isCumulative(text: string, mention: PeriodMention): boolean {
  if (mention.kind === 'months') return true;
  if (mention.kind !== 'partOfYear') return false;
  return /\b(?:tu|nua|since|from(?:\s+the)?|(?:first|second)\s+half\s+of(?:\s+the)?)\s*$/i.test(
    removeDiacritics(text.slice(Math.max(0, mention.start - 24), mention.start)),
  );
}

// A month that dates something said in a report, not the session: "đến cuối tháng 6/2022",
// "trước ngày 15 tháng 8", "by the end of June 2022", "the May 2021 election".
const CONTENT_DATE_BEFORE = /\b(?:den|truoc|sau|cuoi|giua|het|tu|ke tu|han|by|before|after|until|till|since|end of|middle of|mid)[\s-]*(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:ngay\s+\d{1,2}\s*)?$/i;
const SESSION_NOUN_AFTER = /^\s*(?:session|meeting|sitting|conference|plenary)\b/i;
const SESSION_NOUN_NEAR_AFTER = /^[\s,]*(?:[a-z'-]+\s+){0,2}(?:session|meeting|sitting|conference|plenary)\b/i;

function isContentDate(text: string, mention: PeriodMention, language: QuestionLanguage): boolean {
  if (mention.kind !== 'month' && mention.kind !== 'partOfYear') return false;
  const after = text.slice(mention.end, mention.end + 24);
  // "after the August 2022 city meeting" still names the session.
  if (SESSION_NOUN_NEAR_AFTER.test(removeDiacritics(after))) return false;
  const before = removeDiacritics(text.slice(Math.max(0, mention.start - 24), mention.start));
  if (CONTENT_DATE_BEFORE.test(before)) return true;
  // In English a month used as a modifier dates its noun: "the May 2021 election" is not a session.
  return language === 'en' && mention.kind === 'month' && /^\s+[a-z]/i.test(after) && !SESSION_NOUN_AFTER.test(after) && !/^\s+(?:and|or|to|in|of|at|for|on|by)\b/i.test(after);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The dated months ("YYYY-MM") of the mentions that date what a report says rather than its session. */
function contentMonths(text: string, mentions: readonly PeriodMention[], language: QuestionLanguage): string[] {
  return mentions.flatMap((mention) =>
    mention.kind === 'month' && mention.year !== null && isContentDate(text, mention, language) ? [`${mention.year}-${pad(mention.month)}`] : [],
  );
}
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const MONTH_NAMES = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthsOf(mention: PeriodMention): number[] {
  switch (mention.kind) {
    case 'month':
      return [mention.month];
    case 'quarter':
      return [1, 2, 3].map((k) => (mention.quarter - 1) * 3 + k);
    case 'partOfYear':
      return mention.side === 'start' ? [1, 2, 3] : [10, 11, 12];
    default:
      return [];
  }
}

/** The filter for one session month ("YYYY-MM"), labelled in the question's language. */
export function monthFilter(month: string, language: QuestionLanguage): PeriodFilter {
  const mention: PeriodMention = { kind: 'month', month: Number(month.slice(5, 7)), year: Number(month.slice(0, 4)), start: 0, end: 0 };
  return { months: [month], year: null, label: periodLabel(mention, language) };
}

function periodLabel(mention: PeriodMention, language: QuestionLanguage): string {
  const y = mention.year;
  if (language === 'en') {
    switch (mention.kind) {
      case 'month':
        return [MONTH_NAMES[mention.month], y].filter(Boolean).join(' ');
      case 'quarter':
        return [`Q${mention.quarter}`, y].filter(Boolean).join(' ');
      case 'months':
        return `${mention.side === 'start' ? 'first' : 'last'} ${mention.count} months${y ? ` of ${y}` : ''}`;
      case 'partOfYear':
        return `${mention.side === 'start' ? 'beginning' : 'end'} of ${y ?? 'the year'}`;
      case 'year':
        return String(y);
    }
  }
  switch (mention.kind) {
    case 'month':
      return `tháng ${mention.month}${y ? `/${y}` : ''}`;
    case 'quarter':
      return `quý ${ROMAN[mention.quarter]}${y ? ` năm ${y}` : ''}`;
    case 'months':
      return `${mention.count} tháng ${mention.side === 'start' ? 'đầu' : 'cuối'} năm${y ? ` ${y}` : ''}`;
    case 'partOfYear':
      return `${mention.side === 'start' ? 'đầu' : 'cuối'} năm${y ? ` ${y}` : ''}`;
    case 'year':
      return `năm ${y}`;
  }
}

function periodFilter(text: string, mentions: readonly PeriodMention[], language: QuestionLanguage): PeriodFilter | null {
  const months: string[] = [];
  const labels: string[] = [];
  let year: number | null = null;
  for (const mention of mentions) {
    // A date of something the report says is no filter at all: "the December 2020 resolution"
    // is found in a 2021 report. Its words stay in the search text.
    if (isContentDate(text, mention, language)) continue;
    // "đầu năm"/"cuối năm" are the time a report talks about ("những tháng cuối năm"), not a
    // session: only their year, if named, narrows the search.
    const sessionMonths = isCumulative(text, mention) || mention.kind === 'partOfYear' ? [] : monthsOf(mention);
    if (sessionMonths.length === 0 && mention.year === null) continue;
    labels.push(periodLabel(mention, language));
    if (sessionMonths.length === 0) year ??= mention.year;
    for (const month of sessionMonths) {
      const key = `${mention.year ?? '*'}-${pad(month)}`;
      if (!months.includes(key)) months.push(key);
    }
  }
  const label = labels.join(', ');
  // "tháng 9, năm 2021": a year named apart from its month still dates the month; so does the one
  // year a question names with another period ("phiên tháng 3/2022 ... quý I" is quý I of 2022).
  const namedYears = new Set(months.filter((m) => !m.startsWith('*')).map((m) => Number(m.slice(0, 4))));
  const yearOfUndated = year ?? (namedYears.size === 1 ? [...namedYears][0]! : null);
  if (yearOfUndated !== null && months.some((m) => m.startsWith('*'))) {
    const dated = months.map((m) => (m.startsWith('*') ? `${yearOfUndated}${m.slice(1)}` : m));
    return { months: [...new Set(dated)], year: null, label };
  }
  return months.length === 0 && year === null ? null : { months, year, label };
}

// ---------------------------------------------------------------------------------------------
// Bodies

type PlanBody = NonNullable<QueryPlan['body']>;

/**
 * A standing board named without its committee ("BTV", "the standing committee"): whichever
 * committee's. Its organ is the role, which every standing board's canonical name carries
 * ("BTV Thị ủy Từ Sơn", "BTV Huyện ủy Tiên Du").
 */
const ANY_STANDING_BOARD: PlanBody = { name: null, organ: 'BTV', aliases: [] };
const BARE_STANDING_BOARD = /\b(?:btv|ban\s+thuong\s+vu)\b/gi;

// Units a council or committee named with its place but not its unit ("HĐND Từ Sơn") may govern.
const UNIT_TYPES = ['tỉnh', 'thành phố', 'thị xã', 'huyện', 'quận', 'phường', 'xã', 'thị trấn'];

function planBody(mention: BodyMention, knownPlaces: readonly string[]): PlanBody {
  if (!mention.place) return { name: null, organ: mention.organ, aliases: [] };
  if (mention.unitType) return { name: mention.name, organ: mention.organ, aliases: bodyAliases(mention) };
  // "HĐND Từ Sơn" leaves out the unit that canonical names carry: every unit's body is meant.
  const places = [mention.place, ...knownPlaces];
  const aliases = UNIT_TYPES.flatMap((unit) => {
    const named = recognizeBody(`${[mention.role, mention.organ, unit, mention.place].filter(Boolean).join(' ')}`, { knownPlaces: places });
    return named?.place ? [named.name] : [];
  });
  return { name: mention.name, organ: mention.organ, aliases: aliases.filter((alias) => alias !== mention.name) };
}

const ENGLISH_UNIT: Record<string, string> = {
  town: 'thị xã', city: 'thành phố', district: 'huyện', ward: 'phường', commune: 'xã', province: 'tỉnh', provincial: 'tỉnh',
};
const ENGLISH_PARTY_COMMITTEE: Record<string, string> = {
  town: 'Thị ủy', city: 'Thành ủy', district: 'Huyện ủy', province: 'Tỉnh ủy', provincial: 'Tỉnh ủy', ward: 'Đảng ủy', commune: 'Đảng ủy',
};
const UNIT_WORD = '(town|city|district|ward|commune|province|provincial)';
const ENGLISH_BODY = new RegExp(
  String.raw`\b(?:${UNIT_WORD}(?:['’]s)?\s+)?(?:(party\s+committee)|people['’]?s\s+(council|committee)|(standing\s+(?:committee|board)))\b`,
  'gi',
);

/** The body an English question names: its organ in English, its place as a known Vietnamese name. */
function englishBody(text: string, knownPlaces: readonly string[]): { body: PlanBody; spans: Span[] } | null {
  const organs = [...text.matchAll(ENGLISH_BODY)];
  if (organs.length === 0) return null;
  const standing = organs.some((m) => m[4]);
  const organ = organs.find((m) => m[2] || m[3]);
  const spans: Span[] = organs.map((m): Span => [m.index, m.index + m[0].length]);
  const unitWord = (organ?.[1] ?? '').toLowerCase();
  const place = findKnownPlace(text, knownPlaces);
  if (place) spans.push(place.span);
  const unitNearPlace = place ? new RegExp(String.raw`^\s*${UNIT_WORD}\b`, 'i').exec(text.slice(place.span[1]))?.[1]?.toLowerCase() : undefined;
  const unit = unitWord || unitNearPlace || '';
  let vietnamese: string;
  if (organ?.[3]) {
    vietnamese = `${organ[3].toLowerCase() === 'council' ? 'HĐND' : 'UBND'}${ENGLISH_UNIT[unit] ? ` ${ENGLISH_UNIT[unit]}` : ''}`;
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

// ---------------------------------------------------------------------------------------------
// Sessions

const ENGLISH_SESSION_NUMBER = new RegExp(
  String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORD}))\s+(?:(?:regular|ordinary|thematic|extraordinary|special|plenary)\s+)?(?:session|meeting|sitting)\b` +
    String.raw`|\b(?:session|meeting|sitting)\s+(?:no\.?\s*|number\s+|#\s*)?(\d{1,2})\b(?![/.-]\d)`,
  'i',
);
const ENGLISH_SESSION_KIND = new RegExp(
  String.raw`\b(regular|ordinary|periodic|routine|monthly|thematic|special[\s-]topic|speciali[sz]ed|extraordinary|unscheduled|emergency)\s+(?:\w+\s+)?(?:session|meeting|sitting)`,
  'i',
);
const KIND_OF_ENGLISH: ReadonlyArray<[RegExp, string]> = [
  [/^(?:regular|ordinary|periodic|routine|monthly)$/i, 'thường kỳ'],
  [/^(?:thematic|special[\s-]topic|speciali[sz]ed)$/i, 'chuyên đề'],
  [/^(?:extraordinary|unscheduled|emergency)$/i, 'bất thường'],
];

// ---------------------------------------------------------------------------------------------
// Sections and topic words

// Folded cue phrases of a question: which part of a report it asks for.
const SECTION_CUES: ReadonlyArray<[SectionLabel, RegExp]> = [
  ['conclusion', /\b(?:ket\s+luan|chi\s+dao|yeu\s+cau)\b/g],
  ['opinions', /\b(?:de\s+xuat|kien\s+nghi|y\s+kien|de\s+nghi|gop\s+y|thao\s+luan|chat\s+van)\b/g],
  ['assessment', /\b(?:danh\s+gia|ket\s+qua|tinh\s+hinh|nhan\s+xet)\b/g],
  ['decisions', /\b(?:nghi\s+quyet|thong\s+qua|bieu\s+quyet|quyet\s+nghi|quyet\s+dinh)\b/g],
];

// "When did it meet?", "who chaired?": the report's opening states the day and the chair.
const WHEN_WORDS = /\b(?:khi nao|ngay nao|hom nao|bao gio|luc nao|buoi nao|thoi gian nao|when|what date|which day|what day)\b/;
const MEETING_WORDS = /\b(?:hop|phien|ky hop|dien ra|to chuc|khai mac|meet|meeting|met|session|held|sitting)\b/;
const CHAIR_WORDS = /\b(?:chu tri|chaired|chair)\b/;
// "By what date", "trước ngày nào", "hạn": a deadline the meeting set, not the day it sat.
const DEADLINE_WORDS = /\b(?:by (?:when|what date|which date|what day)|deadline|truoc ngay nao|han chot|thoi han)\b/;
// Only these name the meeting itself: "tổ chức", "diễn ra" or "held" also ask when an election or a ceremony took place.
const MEETING_NOUNS = /\b(?:hop|phien|khai mac|be mac|meet|meeting|met|session|sitting)\b/;

function findSections(foldedText: string): { sections: SectionLabel[]; spans: Span[]; asksWhenHeld: boolean } {
  const hits: Array<{ label: SectionLabel; at: number; end: number }> = [];
  for (const [label, cue] of SECTION_CUES) {
    for (const m of foldedText.matchAll(cue)) hits.push({ label, at: m.index, end: m.index + m[0].length });
  }
  const asksWhen = WHEN_WORDS.exec(foldedText);
  if (asksWhen && MEETING_WORDS.test(foldedText)) hits.push({ label: 'opening', at: asksWhen.index, end: asksWhen.index });
  const asksWhenHeld = asksWhen !== null && MEETING_NOUNS.test(foldedText) && !DEADLINE_WORDS.test(foldedText);
  const asksWhoChaired = CHAIR_WORDS.exec(foldedText);
  if (asksWhoChaired) hits.push({ label: 'opening', at: asksWhoChaired.index, end: asksWhoChaired.index });
  hits.sort((a, b) => a.at - b.at);
  return { sections: [...new Set(hits.map((h) => h.label))], spans: hits.map((h): Span => [h.at, h.end]), asksWhenHeld };
}

interface StopPhrase {
  /** As spelled: a word written with diacritics must be spelled so. */
  spelled: string[];
  /** Typed without diacritics, the phrase is ambiguous with content ("dang": đang / Đảng) and stays. */
  strictOnly?: boolean;
  /** Typed without diacritics, the word is content next to these (folded): "ve" in "ve sinh" is vệ. */
  contentNear?: readonly string[];
}

// Question words, particles, pronouns and meeting words: they frame a question, not its subject.
const STOP_PHRASES: readonly StopPhrase[] = [
  ...['như thế nào', 'thế nào', 'ra sao', 'bao nhiêu', 'bao giờ', 'khi nào', 'lúc nào', 'ở đâu', 'là gì', 'những gì', 'cái gì',
    'đến nay', 'hiện nay', 'hiện tại', 'gần đây']
    .map((p) => ({ spelled: p.split(' ') })),
  ...['gì', 'nào', 'sao', 'không', 'được', 'là', 'và', 'với', 'của', 'cho', 'các', 'nhé', 'rồi', 'muốn', 'biết',
    'cần', 'hãy', 'em', 'ạ', 'nhỉ', 'hả', 'phiên', 'sẽ'].map((w) => ({ spelled: [w] })),
  ...['phiên họp', 'kỳ họp', 'cuộc họp', 'buổi họp', 'hội nghị', 'cho biết'].map((p) => ({ spelled: p.split(' ') })),
  ...['hỏi', 'đang', 'đâu', 'chưa', 'thì', 'mà', 'trong', 'tại', 'cái', 'từ', 'mình', 'tôi', 'bạn', 'ở']
    .map((w) => ({ spelled: [w], strictOnly: true })),
  { spelled: ['họp'], contentNear: ['tac', 'dong', 'phu', 'tong', 'ly', 'le', 'nhat', 'phap', 'thich'] },
  { spelled: ['xin'], contentNear: ['vac'] },
  { spelled: ['về'], contentNear: ['sinh', 'bao', 'phong'] },
  { spelled: ['đã'], contentNear: ['dang'] },
  { spelled: ['có'], contentNear: ['so', 'cau', 'che', 'quan'] },
  { spelled: ['những'], contentNear: ['tham'] },
  { spelled: ['vậy'], contentNear: ['cho', 'von', 'tien', 'no'] },
];

const STOP_BY_FIRST = new Map<string, StopPhrase[]>();
for (const phrase of STOP_PHRASES) {
  const first = foldText(phrase.spelled[0] ?? '');
  STOP_BY_FIRST.set(first, [...(STOP_BY_FIRST.get(first) ?? []), phrase].sort((a, b) => b.spelled.length - a.spelled.length));
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
function topicOf(text: string, removed: readonly Span[], folded: boolean): Topic {
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
      const word = run.slice(start, end).map((i) => foldedWords[i]!).join(' ');
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

// ---------------------------------------------------------------------------------------------
// The plan

// "phiên họp gần đây nhất", "kỳ họp vừa qua", "the latest session": the newest session of what
// the question names. "tháng vừa qua" is last month (a relative period), not this.
const LATEST = /\b(?:gan day nhat|gan nhat|moi nhat|(?<!\b(?:thang|nam|quy|tuan) )vua (?:qua|roi|dien ra|to chuc|hop)|latest|most recent|(?:last|recent) (?:session|meeting|sitting|plenary))\b/;

interface Extraction {
  period: PeriodFilter | null;
  body: PlanBody | null;
  sessionKind: string | null;
  sessionNumber: number | null;
  latest: boolean;
  datedMonths: string[];
  /** Where the period, body and session phrases sit in the extraction text, for taking them out of the topic. */
  spans: Span[];
}

/** Period, body and session of a Vietnamese question, from its text (or the same without diacritics, offset for offset). */
function extractVietnamese(texts: readonly string[], language: QuestionLanguage, knownPlaces: readonly string[], today: Date): Extraction {
  const spans: Span[] = [];
  const firstFound = <T>(find: (text: string) => T | null): { value: T; text: string } | null => {
    for (const text of texts) {
      const value = find(text);
      if (value !== null) return { value, text };
    }
    return null;
  };
  const periods = firstFound((text) => {
    const found = findAllPeriods(text, today);
    return found.length > 0 ? found : null;
  });
  for (const p of periods?.value ?? []) {
    // A cumulative span is what the question is about ("9 tháng đầu năm"): only its year is taken out.
    if (isCumulative(periods?.text ?? '', p)) {
      const year = /\d{4}\s*$/.exec(periods?.text.slice(p.start, p.end) ?? '');
      if (year) spans.push([p.end - year[0].length, p.end]);
    } else spans.push([p.start, p.end]);
  }
  const period = periods ? periodFilter(periods.text, periods.value, language) : null;
  const datedMonths = periods ? contentMonths(periods.text, periods.value, language) : [];

  let body: PlanBody | null = null;
  const recognized = firstFound((text) => recognizeBody(text, { knownPlaces }));
  if (recognized) {
    body = planBody(recognized.value, knownPlaces);
    for (const m of findBodies(recognized.text, { knownPlaces })) spans.push([m.start, m.end]);
    if (recognized.value.place) spans.push(...placeSpans(recognized.text, recognized.value.place));
  }
  for (const m of (texts[texts.length - 1] ?? '').matchAll(BARE_STANDING_BOARD)) {
    body ??= ANY_STANDING_BOARD;
    spans.push([m.index, m.index + m[0].length]);
  }
  const number = firstFound((text) => findSessionNumber(text));
  if (number) spans.push([number.value.start, number.value.end]);
  const kind = firstFound((text) => findSessionKind(text));
  if (kind) spans.push([kind.value.start, kind.value.end]);
  const latest = latestSpan(texts[texts.length - 1] ?? '');
  if (latest) spans.push(latest);
  return { period, body, sessionKind: kind?.value.value ?? null, sessionNumber: number?.value.value ?? null, latest: latest !== null, datedMonths, spans };
}

/** Where the question asks for the newest session ("gần đây nhất", "latest"), if it does. */
function latestSpan(text: string): Span | null {
  const m = LATEST.exec(foldKeepingOffsets(text));
  return m ? [m.index, m.index + m[0].length] : null;
}

/** Every place of `name` in `text`, with the unit word before it ("thành phố Từ Sơn", "tp tu son"). */
function placeSpans(text: string, name: string): Span[] {
  const folded = foldKeepingOffsets(text);
  const key = escapeRegExp(foldText(name));
  const pattern = new RegExp(String.raw`(?:\b(?:thanh\s+pho|thi\s+xa|thi\s+tran|tp|tx|huyen|quan|phuong|xa|tinh)\.?\s+)?(?<![\p{L}\d])${key}(?![\p{L}\d])`, 'gu');
  return [...folded.matchAll(pattern)].map((m): Span => [m.index, m.index + m[0].length]);
}

function extractEnglish(text: string, knownPlaces: readonly string[], today: Date): Extraction {
  const spans: Span[] = [];
  const mentions = findAllPeriods(text, today);
  for (const p of mentions) spans.push([p.start, p.end]);
  const period = periodFilter(text, mentions, 'en');
  const datedMonths = contentMonths(text, mentions, 'en');

  let body: PlanBody | null = null;
  const inVietnamese = recognizeBody(text, { knownPlaces });
  if (inVietnamese) {
    body = planBody(inVietnamese, knownPlaces);
    for (const m of findBodies(text, { knownPlaces })) spans.push([m.start, m.end]);
    if (inVietnamese.place) spans.push(...placeSpans(text, inVietnamese.place));
  } else {
    const english = englishBody(text, knownPlaces);
    if (english) {
      body = english.body;
      spans.push(...english.spans);
    }
  }

  const number = ENGLISH_SESSION_NUMBER.exec(text);
  let sessionNumber: number | null = null;
  if (number) {
    sessionNumber = Number(number[1] ?? number[3]) || ENGLISH_ORDINAL[(number[2] ?? '').toLowerCase()] || null;
    spans.push([number.index, number.index + number[0].length]);
  }
  const kindMatch = ENGLISH_SESSION_KIND.exec(text);
  const sessionKind = kindMatch ? (KIND_OF_ENGLISH.find(([re]) => re.test(kindMatch[1] ?? ''))?.[1] ?? null) : null;
  if (kindMatch) spans.push([kindMatch.index, kindMatch.index + kindMatch[0].length]);
  const latest = latestSpan(text);
  if (latest) spans.push(latest);
  return { period, body, sessionKind, sessionNumber, latest: latest !== null, datedMonths, spans };
}

/** Words of an English question worth searching as they are: numbers, names, Vietnamese words, abbreviations. */
function keptAsWritten(word: string): boolean {
  if (/^\d+(?:st|nd|rd|th)$/i.test(word)) return false;
  return /\d/.test(word) || /^\p{Lu}/u.test(word) || hasVietnameseDiacritics(word) || lookupAbbreviation(word) !== undefined;
}

function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

/**
 * Reads a citizen's question — Vietnamese with or without diacritics, chat shorthand, or English —
 * into a retrieval plan. `knownPlaces` are place names from the ingested reports, so that a
 * lower-case "tu son" or "dong ngan" is recognised as a place.
 */
export function understandQuestion(question: string, options: { knownPlaces?: readonly string[]; today?: Date } = {}): QueryPlan {
  const knownPlaces = options.knownPlaces ?? [];
  const today = options.today ?? new Date();
  const normalized = normalizeQuestion(question);
  const language = detectLanguage(question);

  if (language === 'en') {
    const extraction = extractEnglish(normalized, knownPlaces, today);
    const full = translateToVietnamese(normalized);
    const kept = full.unmatched.filter(keptAsWritten);
    const session = extraction.sessionNumber !== null ? [`thứ ${extraction.sessionNumber}`] : [];
    const searchText = [full.vietnamese, ...kept, ...session].filter(Boolean).join(' ');
    const rest = translateToVietnamese(blank(normalized, extraction.spans));
    const topicText = [rest.vietnamese, ...rest.unmatched.filter(keptAsWritten)].join(' ');
    const { sections, asksWhenHeld } = findSections(`${foldText(full.vietnamese)} ${foldText(normalized)}`);
    const topicTerms = vietnameseTopic(topicText, knownPlaces, today);
    // A translation lists a phrase's alternatives side by side ("người dân nhân dân công dân"),
    // which no report writes together: its syllables are its words.
    return { question, normalized, language, searchText, ...fields(extraction), sections, asksWhenHeld, topicTerms, topicWords: topicTerms };
  }

  const plain = removeDiacritics(normalized);
  const texts = language === 'vi' ? [normalized, plain] : [plain];
  const extraction = extractVietnamese(texts, language, knownPlaces, today);
  const cues = findSections(foldKeepingOffsets(plain));
  const topic = topicOf(normalized, [...extraction.spans, ...cues.spans], language === 'vi-plain');
  return {
    question, normalized, language, searchText: normalized, ...fields(extraction), sections: cues.sections, asksWhenHeld: cues.asksWhenHeld,
    topicTerms: topic.terms, topicWords: topic.words,
  };
}

function fields(extraction: Extraction): Pick<QueryPlan, 'period' | 'body' | 'sessionKind' | 'sessionNumber' | 'latest' | 'datedMonths'> {
  const { period, body, sessionKind, sessionNumber, latest, datedMonths } = extraction;
  return { period, body, sessionKind, sessionNumber, ...(latest ? { latest } : {}), ...(datedMonths.length > 0 ? { datedMonths } : {}) };
}

/** Topic terms of a glossary translation: its own period, body, session and cue phrases taken out. */
function vietnameseTopic(text: string, knownPlaces: readonly string[], today: Date): string[] {
  const extraction = extractVietnamese([text], 'vi', knownPlaces, today);
  const cues = findSections(foldKeepingOffsets(text));
  return topicOf(text, [...extraction.spans, ...cues.spans], true).terms;
}
