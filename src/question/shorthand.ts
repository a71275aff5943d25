// Questions as citizens type them in chat: greetings and filler around the question, shorthand
// for common words ("ko", "dc", "bn", "t9"). Normalising them lets the rest of question
// understanding read one form. The words are data (`vocabulary/shorthand.tsv`, whose header lists
// the shorthand left out on purpose, and `vocabulary/fillers.tsv`); how they are found is here.
//
// Words written in capitals are never shorthand: "BC", "KH", "ĐK" are official abbreviations (báo
// cáo, kế hoạch, điều kiện), which the text rules expand for matching; nor is an abbreviation
// before a number in any case ("kh 94" = Kế hoạch 94).
import { foldKeepingOffsets, hasVietnameseDiacritics, lookupAbbreviation, normalizeText } from '../text/index.ts';
import { loadVocabulary, matching, oneOf, type CellCheck } from '../vocabulary/index.ts';

const WORD_BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const WORD_BOUNDARY_AFTER = String.raw`(?![\p{L}\p{N}])`;

/** Chat shorthand → the word it stands for, written with diacritics. */
const SHORTHAND = loadVocabulary('shorthand', {
  columns: ['shorthand', 'word'],
  unique: 'shorthand',
  validate: { shorthand: matching(/^[\p{Ll}\p{M}]+$/u, 'one lower-case word') },
});

const SHORTHAND_BY_WORD = new Map<string, string>(SHORTHAND.map((row) => [row.shorthand, row.word]));

/** Every shorthand word this module expands, for callers that must not mistake them for foreign words. */
export const SHORTHAND_WORDS: ReadonlySet<string> = new Set(SHORTHAND_BY_WORD.keys());

// "t9" / "t9/2021" / "t9 2021" and "q3" / "q3/2022" / "q3 2022": a year written after a space
// gets "năm" so that it stays attached to its month or quarter.
const MONTH_OR_QUARTER = new RegExp(
  String.raw`${WORD_BOUNDARY_BEFORE}(?<letter>[tTqQ])(?<n>\d{1,2})(?:(?<sep>\s*[/.-]\s*|\s+)(?<year>(?:19|20)\d{2}))?${WORD_BOUNDARY_AFTER}`,
  'gu',
);
const WORD = new RegExp(String.raw`${WORD_BOUNDARY_BEFORE}[\p{L}\p{M}]+${WORD_BOUNDARY_AFTER}`, 'gu');
// "vậy" typed as "v" or "z" only as the question's last word: elsewhere "v" is as often "về".
const FINAL_PARTICLE = new RegExp(String.raw`${WORD_BOUNDARY_BEFORE}[vVzZ](?=\s*[?!.]*\s*$)`, 'u');

// ---------------------------------------------------------------------------------------------
// Filler

// The lists of `vocabulary/fillers.tsv`, each described in the file: what opens a question, then
// what ends it.
const FILLER_LISTS = [
  'greeting',
  'addressee',
  'request',
  'pronoun',
  'asking',
  'pronoun-asking',
  'english-request',
  'follow-up',
  'particle',
  'closing',
  'addressee-alone',
] as const;
type FillerList = (typeof FILLER_LISTS)[number];

// Lower case, words separated by single spaces: how filler is compared once found.
const SINGLE_SPACED = matching(/^\S+(?: \S+)*$/u, 'words separated by single spaces');
const FILLER_PHRASE: CellCheck = (value) =>
  value === value.toLowerCase() ? SINGLE_SPACED(value) : `"${value}" is not lower case`;

const FILLERS = loadVocabulary('fillers', {
  columns: ['list', 'phrase'],
  validate: { list: oneOf(FILLER_LISTS), phrase: FILLER_PHRASE },
});

function fillers(list: FillerList): string[] {
  return FILLERS.filter((row) => row.list === list).map((row) => row.phrase);
}

const PRONOUNS = fillers('pronoun');
const ADDRESSEES = fillers('addressee');
const ASKING = fillers('asking');
const PRONOUN_ASKING = fillers('pronoun-asking');

const LEADING_FILLER: readonly string[] = [
  ...fillers('greeting'),
  ...ADDRESSEES.map((a) => `chào ${a}`),
  ...ADDRESSEES.map((a) => `${a} ơi`),
  ...fillers('request'),
  ...PRONOUNS.flatMap((p) => [
    ...ASKING.map((asking) => `cho ${p} ${asking}`),
    ...PRONOUN_ASKING.map((asking) => `${p} ${asking}`),
  ]),
  ...fillers('english-request'),
  // A follow-up's opener says the question continues the previous one, not what it is about.
  ...fillers('follow-up'),
];

const TRAILING_FILLER: readonly string[] = [
  ...fillers('particle'),
  ...fillers('closing'),
  ...fillers('addressee-alone'),
  ...ADDRESSEES.map((a) => `${a} ơi`),
];

interface FillerPattern {
  pattern: RegExp;
  /** The phrases as spelled, lower case: text written with diacritics must spell them so. */
  spellings: ReadonlySet<string>;
}

function fillerPattern(phrases: readonly string[], at: 'start' | 'end'): FillerPattern {
  const folded = [...new Set(phrases.map((p) => foldKeepingOffsets(p)))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const alternatives = `(?<filler>${folded.join('|')})`;
  const pattern =
    at === 'start'
      ? new RegExp(String.raw`^[\s,.;:!-]*${alternatives}(?![\p{L}\p{N}])[\s,.;:!-]*`, 'u')
      : new RegExp(String.raw`(?:^|(?<![\p{L}\p{N}]))${alternatives}(?<mark>[\s,.;:!-]*[?]?[\s.!]*)$`, 'u');
  return { pattern, spellings: new Set(phrases.map((p) => p.normalize('NFC'))) };
}

const LEADING = fillerPattern(LEADING_FILLER, 'start');
const TRAILING = fillerPattern(TRAILING_FILLER, 'end');

// Fillers spelled without diacritics that are also a content word typed without them: "nha" is
// the particle and "nhà" (house). Only a question written with diacritics tells them apart.
const BARE_CONTENT_WORDS = new Set(['nha']);

/**
 * Whether the filler matched in `written` is really the filler: spelled exactly as one ("cho mình
 * hỏi"), or typed without diacritics in a question typed without them ("cho minh hoi"); never a
 * content word that folds the same ("nhà" is not "nha", "hội" is not "hỏi", "ủy ban" has no "bạn").
 */
function isFiller(written: string, spellings: ReadonlySet<string>, question: string): boolean {
  const lower = written.toLowerCase().replace(/\s+/g, ' ');
  if (spellings.has(lower)) return !BARE_CONTENT_WORDS.has(lower) || hasVietnameseDiacritics(question);
  return !hasVietnameseDiacritics(question);
}

function stripFiller(text: string): string {
  let current = text.trim();
  for (;;) {
    const before = current;
    const folded = foldKeepingOffsets(current);
    const lead = LEADING.pattern.exec(folded);
    const leadFiller = lead?.groups?.['filler'];
    if (lead && leadFiller !== undefined && lead[0].length < current.length) {
      const at = folded.indexOf(leadFiller, lead.index);
      if (isFiller(current.slice(at, at + leadFiller.length), LEADING.spellings, current))
        current = current.slice(lead[0].length).trim();
    }
    const foldedNow = foldKeepingOffsets(current);
    const trail = TRAILING.pattern.exec(foldedNow);
    const trailFiller = trail?.groups?.['filler'];
    if (trail && trailFiller !== undefined && trail.index > 0) {
      const written = current.slice(trail.index, trail.index + trailFiller.length);
      const mark = trail.groups?.['mark']?.includes('?') ? '?' : '';
      if (isFiller(written, TRAILING.spellings, current))
        current = current.slice(0, trail.index).replace(/[\s,;:-]+$/, '') + mark;
    }
    if (current === before) return current;
  }
}

// ---------------------------------------------------------------------------------------------
// Shorthand

function writtenInCapitals(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase();
}

function expandShorthand(text: string): string {
  const expanded = text
    .replace(MONTH_OR_QUARTER, (whole, ...args: unknown[]) => {
      const groups = args[args.length - 1] as Record<string, string | undefined>;
      const n = Number(groups['n']);
      const isMonth = /t/i.test(groups['letter'] ?? '');
      if (isMonth ? n < 1 || n > 12 : n < 1 || n > 4) return whole;
      const word = isMonth ? 'tháng' : 'quý';
      const year = groups['year'];
      if (year === undefined) return `${word} ${n}`;
      return /\S/.test(groups['sep'] ?? '') ? `${word} ${n}/${year}` : `${word} ${n} năm ${year}`;
    })
    .replace(WORD, (word, at: number, whole: string) => {
      if (writtenInCapitals(word)) return word;
      // Before a number a document type is meant, in any case: "kh 94" is Kế hoạch 94, "bc 12" Báo cáo 12.
      if (/^\s+\d/.test(whole.slice(at + word.length)) && lookupAbbreviation(word)) return word;
      return SHORTHAND_BY_WORD.get(word.toLowerCase()) ?? word;
    });
  return expanded.replace(FINAL_PARTICLE, 'vậy');
}

/**
 * A question as typed in chat, in one readable form: normalised (NFC, canonical tones, spaces),
 * greetings and filler around it removed ("chào bot, cho mình hỏi ... với ạ"), and chat shorthand
 * written out with diacritics ("ko" → "không", "dc" → "được", "bn" → "bao nhiêu", "t9/2021" →
 * "tháng 9/2021", "q3 2022" → "quý 3 năm 2022"). Content words are never removed.
 */
export function normalizeQuestion(raw: string): string {
  const text = normalizeText(raw).replace(/\s*\n+\s*/g, ' ');
  // Filler is stripped before and after expansion: "bn ơi" is an addressee, "vs ạ" ends a request.
  const cleaned = stripFiller(expandShorthand(stripFiller(text)));
  return cleaned
    .replace(/^[\s,.;:!-]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
