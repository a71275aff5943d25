import { DOCUMENT_TYPES, foldText } from '../text/index.ts';
import { PARTY_NAME, STATE_MOTTO, STATE_NAME } from './mottos.ts';

// Lines of an official notice's header that are form, not content: the national and Party
// mottos, the ornament line, the document number. The issuing body and date stay (they are
// metadata that citations show) but are not worth a chunk of their own either.
const HEADER_LINE = [
  new RegExp(`^${STATE_NAME}$`),
  new RegExp(`^${STATE_MOTTO}$`),
  new RegExp(`^${PARTY_NAME}$`),
  /^[*\-_=.\s]+$/,
  /^so\s*:?\s*\d+\s*[-/][\p{L}\d/.-]*$/u,
];

// A dateline or view counter ("13/10/2021 08:29 Số lượt xem: 98", "Thứ Hai, 14/03/2022 | 16:05",
// "Cập nhật lúc 09:30 ngày 21/04/2022"): only these words besides numbers and punctuation.
const DATELINE_WORDS = new Set(
  'thu hai ba tu nam sau bay chu nhat cn ngay dang cap luc gio so luot xem doc dang tin'.split(' '),
);

// Where the closing matter of a notice starts: the distribution list and the signature block
// ("T/M BAN THƯỜNG VỤ", "K/T CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. ...", "Q. CHỦ TỊCH").
const CLOSING_START = /^(noi nhan\s*:|(t\/m|k\/t|t\/l|tm\.|kt\.|tl\.|q\.)\s*\S)/;

// The title line that ends a notice's two-column header: the document type in capitals.
const DOCUMENT_TYPE_TITLE = new RegExp(
  String.raw`^(${DOCUMENT_TYPES.filter((type) => type.endsNoticeHeader)
    .map((type) => type.name.toUpperCase())
    .join('|')})\b`,
  'u',
);
const MOTTO = new RegExp(`^(${STATE_NAME}|${PARTY_NAME})$`);
// How every header line starts once folded: most lines are turned down on their first characters.
const HEADER_LINE_START = /^(?:cong|doc\s|dang|[*\-_=.\s]|so[\s:\d])/;
const HEADER_START_CHARS = 4;
// Header blocks are short; a motto further down is quoted content, not a header.
const HEADER_SEARCH_LINES = 20;

/**
 * Offset where the content of an official notice starts: after its two-column header
 * (issuing body, number, motto, "Place, ngày ..."), at the document-type title. 0 when the
 * text does not open with such a header (news items, plain reports).
 */
export function officialHeaderEnd(text: string): number {
  const lines = firstLines(text, HEADER_SEARCH_LINES);
  if (!lines.some((line) => mayBeHeaderLine(line.trim()) && MOTTO.test(foldText(line.trim())))) return 0;
  let offset = 0;
  for (const line of lines) {
    if (DOCUMENT_TYPE_TITLE.test(line.trim())) return offset;
    offset += line.length + 1;
  }
  return 0;
}

/** True for a line that only states when something was posted or how often it was read. */
export function isDateline(line: string): boolean {
  // Folding keeps digits and separators, so most lines are turned down before it.
  if (!/\d{1,2}[/.-]\d{1,2}/.test(line)) return false;
  const words = foldText(line).match(/\p{L}+/gu) ?? [];
  return words.length <= 10 && words.every((word) => DATELINE_WORDS.has(word));
}

/** True for a header line that carries no content (motto, ornament, "Số: 12-TB/TU"). */
export function isHeaderBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  if (!mayBeHeaderLine(trimmed)) return false;
  const folded = foldText(trimmed);
  return HEADER_LINE.some((pattern) => pattern.test(folded));
}

/**
 * Offset where the closing matter (distribution list, signature block) begins, or the text's
 * length when there is none. Only the last third of a document is searched, so a body sentence
 * that happens to start with "Nơi nhận" near the top is never cut.
 */
export function closingMatterStart(text: string): number {
  const searchFrom = Math.floor(text.length * (2 / 3));
  const linePattern = /^.*$/gm;
  linePattern.lastIndex = text.lastIndexOf('\n', searchFrom) + 1;
  for (let match = linePattern.exec(text); match; match = linePattern.exec(text)) {
    if (CLOSING_START.test(foldText(match[0].trim()))) return match.index;
    if (match[0].length === 0) linePattern.lastIndex++;
  }
  return text.length;
}

/** False when a trimmed line cannot be a header line, judged on its first characters folded. */
function mayBeHeaderLine(trimmed: string): boolean {
  const start = foldText(trimmed.slice(0, HEADER_START_CHARS));
  // Folded shorter, a character vanished (a lone combining mark): the whole line must decide.
  return start.length < Math.min(trimmed.length, HEADER_START_CHARS) || HEADER_LINE_START.test(start);
}

/** The first `count` lines of `text`, without splitting the rest of it. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  return lines;
}
