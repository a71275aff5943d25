// PDF text comes as the lines the page was typeset in: sentences wrap mid-phrase, page breaks
// cut paragraphs in two, and the blank lines between paragraphs are usually gone. These rules
// rebuild paragraphs from how official Vietnamese documents are laid out.

// "1.", "1.2.", "a)", "đ)", "II.", "- ", "+ ", "• ": items that always start a line of their own.
const ITEM_START = /^(\d{1,3}(\.\d{1,3})*[.)]\s|[a-zđ]\)\s|[IVXLC]{1,6}\.\s|[-+•–*]\s)/u;
const TERMINAL_END = /[.!?…:;]["”’)\]]*$/u;
const PAGE_NUMBER = /^(trang\s+)?[-–—\s]*\d{1,4}(\s*\/\s*\d{1,4})?[-–—\s]*$/iu;
const MAX_HEADER_CHARS = 80;
// A line at least this share of the usual line length was wrapped by the typesetter.
const FULL_LINE_SHARE = 0.7;

/**
 * Rejoins the lines of a PDF's pages into paragraphs. A line joins the next when the sentence
 * goes on: the next line starts in lower case, or the line fills the width and does not end a
 * sentence. Short all-caps lines (headers), list items and blank lines start new paragraphs;
 * a page break on its own never does. Page-number lines at the top or bottom of a page are dropped.
 */
export function joinWrappedLines(pages: readonly string[]): string[] {
  const lines = pages.flatMap(pageLines);
  const fullLength = typicalLineLength(lines) * FULL_LINE_SHARE;
  const paragraphs: string[] = [];
  let current = '';
  let previous = '';
  for (const line of lines) {
    if (line === '') {
      if (current) paragraphs.push(current);
      current = previous = '';
      continue;
    }
    if (current && continuesSentence(previous, line, fullLength)) {
      current += /\p{L}-$/u.test(previous) ? line : ` ${line}`;
    } else {
      if (current) paragraphs.push(current);
      current = line;
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function pageLines(page: string): string[] {
  const lines = page.split(/\r?\n/).map((line) => line.trim());
  const content = lines.map((line, i) => ({ line, i })).filter(({ line }) => line !== '');
  const first = content[0];
  const last = content[content.length - 1];
  return lines.filter((line, i) => {
    const edge = i === first?.i || i === last?.i;
    return !(edge && content.length > 1 && PAGE_NUMBER.test(line));
  });
}

function continuesSentence(previous: string, next: string, fullLength: number): boolean {
  if (isHeaderLine(previous) || isHeaderLine(next) || ITEM_START.test(next)) return false;
  if (/^[\p{Ll}\p{N}]/u.test(next)) return true;
  return !TERMINAL_END.test(previous) && previous.length >= fullLength;
}

function isHeaderLine(line: string): boolean {
  return line.length <= MAX_HEADER_CHARS && /\p{Lu}.*\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}

function typicalLineLength(lines: readonly string[]): number {
  const lengths = lines
    .filter((line) => line !== '')
    .map((line) => line.length)
    .sort((a, b) => a - b);
  // The upper quartile: most lines of a body text are full, headings and paragraph ends are short.
  return lengths[Math.floor(lengths.length * 0.75)] ?? 0;
}
