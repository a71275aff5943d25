import { YAMLParseError, parse as parseYaml } from 'yaml';
import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import type { ParsedDocument } from '../types.ts';
import { decodeText } from './decode.ts';
import { unifyLineEnds } from './text.ts';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET_ITEM = /^\s*[-*+]\s+(.*)$/;
const NUMBERED_ITEM = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Reads a Markdown file: YAML front matter, then the body as plain text with the syntax stripped. */
export function readMarkdown(path: string, bytes: Uint8Array): ParsedDocument {
  const source = unifyLineEnds(decodeText(path, bytes));
  const { frontMatter, body } = splitFrontMatter(path, source);
  const { paragraphs, firstH1 } = markdownToParagraphs(body);
  if (paragraphs.length === 0) throw new IngestError(path, REASONS.emptyMarkdown());
  const fromFrontMatter = typeof frontMatter?.['title'] === 'string' ? frontMatter['title'].trim() : '';
  const title = fromFrontMatter || firstH1;
  return {
    format: 'md',
    text: paragraphs.join('\n\n'),
    ...(title ? { title } : {}),
    ...(frontMatter ? { frontMatter } : {}),
  };
}

interface SplitSource {
  frontMatter?: Record<string, unknown>;
  body: string;
}

function splitFrontMatter(path: string, source: string): SplitSource {
  const lines = source.split('\n');
  if (!/^---\s*$/.test(lines[0] ?? '')) return { body: source };
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) throw new IngestError(path, REASONS.unclosedFrontMatter());
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  let parsed: unknown;
  try {
    parsed = parseYaml(yamlText);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // Line numbers count from the file's first line, the opening ---.
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    const what = error.message.split(' at line ')[0] ?? error.message;
    throw new IngestError(path, REASONS.malformedFrontMatter(line, what), { cause: error });
  }
  if (parsed === null || parsed === undefined) return { body };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new IngestError(path, REASONS.frontMatterNotFields());
  }
  return { frontMatter: parsed as Record<string, unknown>, body };
}

interface MarkdownText {
  paragraphs: string[];
  firstH1?: string;
}

/** Markdown body to paragraphs of plain text; a table row becomes a paragraph of cell lines. */
function markdownToParagraphs(body: string): MarkdownText {
  const paragraphs: string[] = [];
  let firstH1: string | undefined;
  let current: string[] = [];
  let fence: string | null = null;
  let inTable = false;

  const endParagraph = (): void => {
    const text = current.join('\n').trim();
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  const addHeading = (level: number, text: string): void => {
    endParagraph();
    if (text !== '') paragraphs.push(text);
    if (level === 1 && firstH1 === undefined && text !== '') firstH1 = text;
  };

  for (const rawLine of body.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    if (fence) {
      if (rawLine.trim().startsWith(fence)) {
        fence = null;
        endParagraph();
      } else {
        current.push(rawLine);
      }
      continue;
    }
    const fenceOpen = FENCE.exec(rawLine);
    if (fenceOpen) {
      endParagraph();
      fence = fenceOpen[1]!;
      continue;
    }
    const line = rawLine.replace(/^(\s*>\s?)+/, '');
    if (line.trim() === '') {
      endParagraph();
      inTable = false;
      continue;
    }
    if (LINK_DEFINITION.test(line)) continue;
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      addHeading(heading[1]!.length, stripInline(heading[2] ?? '').trim());
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && current.length > 0 && !inTable) {
      const text = stripInline(current.join(' ')).trim();
      current = [];
      addHeading(underline[1]!.startsWith('=') ? 1 : 2, text);
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      endParagraph();
      continue;
    }
    if (TABLE_DELIMITER.test(line) && current.length > 0 && current[current.length - 1]!.includes('|')) {
      const header = current.pop()!;
      endParagraph();
      paragraphs.push(tableRow(header));
      inTable = true;
      continue;
    }
    if (inTable && line.includes('|')) {
      const row = tableRow(line);
      if (row !== '') paragraphs.push(row);
      continue;
    }
    inTable = false;
    current.push(listItemOrText(line));
  }
  endParagraph();
  return { paragraphs: paragraphs.filter((p) => p !== ''), ...(firstH1 ? { firstH1 } : {}) };
}

function listItemOrText(line: string): string {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return `- ${stripInline(bullet[1]!).trim()}`;
  const numbered = NUMBERED_ITEM.exec(line);
  if (numbered) return `${numbered[1]}. ${stripInline(numbered[2]!).trim()}`;
  // A trailing backslash or two spaces mark a hard break; the line break itself is kept anyway.
  return stripInline(line.replace(/\\$/, '')).trim();
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => stripInline(cell).trim())
    .filter((cell) => cell !== '')
    .join('\n');
}

/** Removes inline Markdown syntax, keeping the text a reader sees (link text, code, emphasised words). */
function stripInline(text: string): string {
  // Every piece of inline syntax and every entity holds one of these characters; most lines hold none.
  if (!/[[<`*_~\\&]/.test(text)) return text;
  return decodeEntities(
    text
      .replace(/!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])/g, '')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/(`+)\s?(.+?)\s?\1/g, '$2')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/(?<!\\)(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}\\*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
      .replace(/(?<![\p{L}\p{N}\\_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}
