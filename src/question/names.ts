// What a question names that the reports must mention for an answer to be about it: proper names
// written with capitals, the ward or commune it names with its unit word, numbered documents.
import { ABBREVIATIONS, DOCUMENT_TYPES, foldText, tokenize } from '../text/index.ts';
import { isEnglishVocabulary } from './glossary.ts';
import type { NumberedDocument, Question } from './types.ts';

/** What the readers of names take of a question. */
type Read = Pick<Question, 'normalized' | 'language'>;

// Institutions written with capitals ("Ban Thường vụ", "Mặt trận Tổ quốc") are no proper names:
// the expansions of the official abbreviations name them.
const INSTITUTIONS = ABBREVIATIONS.flatMap((abbreviation) => abbreviation.long.map((long) => ` ${foldText(long)} `));

/**
 * Proper names the question writes with capitals: two or more capitalised syllables in a row
 * ("Đồng Quang", "Trang Ha"), not English words ("Standing Committee"), institutions, abbreviations
 * ("HĐND") or the capital every question starts with. A name is known by its last two syllables, which
 * carry it in "Phường Tam Sơn" or "Tết Nhâm Dần" while reports put other words before them
 * ("Tết Nguyên đán Nhâm Dần"). Questions typed without capitals name nothing this way.
 */
export function properNames(plan: Read): string[] {
  const names: string[] = [];
  let run: string[] = [];
  let previousEnd = 0;
  const close = () => {
    const name = foldText(run.slice(-2).join(' '));
    if (run.length >= 2 && !INSTITUTIONS.some((institution) => institution.includes(` ${name} `))) names.push(name);
    run = [];
  };
  const text = plan.normalized.replace(/['’]s\b/g, '');
  tokenize(text).forEach((token, i) => {
    const word = token.text;
    const capitalised =
      i > 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && !(plan.language === 'en' && isEnglishVocabulary(word));
    if (!capitalised || !/^\s+$/.test(text.slice(previousEnd, token.start))) close();
    if (capitalised) run.push(word);
    previousEnd = token.end;
  });
  close();
  return [...new Set(names)];
}

// A ward, commune or township is named with its unit word and two syllables ("phường Đông Ngàn",
// "xa tam son", "thị trấn Chờ"); the unit words of a city or district name places whose reports
// speak of their wards too, so they do not narrow what answers.
// Typed with diacritics, "xã" (commune) is not "xa" (far: "xa khu dân cư").
const NOT_A_NAME = String.raw`(?:nao|nào|do|đó|nay|này|khac|khác|moi|mới|tren|trên|trong|va|và|co|có|da|đã|dang|đang|duoc|được|nam|năm|thang|tháng|thu|la|là|ve|về|o|ở|tai|tại|tu|từ|can|cần|se|sẽ|bao|khi|dat|đạt|cua|của)(?![\p{L}\d])`;
const localityPattern = (units: string) =>
  new RegExp(String.raw`(?<![\p{L}\d])(?:${units})\s+(?!${NOT_A_NAME})(\p{L}+)(?:\s+(?!${NOT_A_NAME})(\p{L}+))?`, 'gu');
/** The words that name a ward, a commune and a township, folded. */
export const LOCALITY_UNITS: readonly string[] = ['phuong', 'xa', 'thi tran'];
// "thị xã" (a town) is no commune.
const LOCALITY_WRITTEN = localityPattern('phường|(?<!thị\\s)xã|thị trấn');
const LOCALITY_FOLDED = localityPattern(
  LOCALITY_UNITS.map((unit) => (unit === 'xa' ? '(?<!thi\\s)xa' : unit)).join('|'),
);

/** "phường Phù Khê" → "phu khe"; "phường" alone or "xã nào" name none. */
export function localities(plan: Read): string[] {
  if (plan.language === 'en') return [];
  const [text, pattern] =
    plan.language === 'vi'
      ? [plan.normalized.toLowerCase(), LOCALITY_WRITTEN]
      : [foldText(plan.normalized), LOCALITY_FOLDED];
  return [...new Set([...text.matchAll(pattern)].map((m) => foldText([m[1], m[2]].filter(Boolean).join(' '))))];
}

// The kinds of document a question names with a number, folded: in full and abbreviated.
const NUMBERED_TYPES: ReadonlyArray<readonly string[]> = DOCUMENT_TYPES.filter((type) => type.numberedInQuestions).map(
  (type) => (type.abbreviation ? [type.folded, type.abbreviation] : [type.folded]),
);
const DOCUMENT = new RegExp(String.raw`\b(${NUMBERED_TYPES.flat().join('|')})\s+(so\s+)?(\d{1,4})(?![\d/.,]\d)`, 'g');

/** "Nghị quyết 25", "nghi quyet so 19", "KH 94"; not "kế hoạch 2022", a plan for a year. */
export function numberedDocuments(folded: string): NumberedDocument[] {
  return [...folded.matchAll(DOCUMENT)].flatMap((m) => {
    const [, written, so, number] = m as unknown as [string, string, string | undefined, string];
    if (!so && /^(?:19|20)\d\d$/.test(number)) return [];
    const type = NUMBERED_TYPES.find((spellings) => spellings.includes(written));
    return type ? [{ type, number }] : [];
  });
}
