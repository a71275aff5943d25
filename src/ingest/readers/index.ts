import { extname } from 'node:path';
import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import type { ParsedDocument } from '../types.ts';
import { detectLegacyEncodingInText } from './legacy-encoding.ts';
import { readText } from './text.ts';

type Reader = (path: string, bytes: Uint8Array) => ParsedDocument | Promise<ParsedDocument>;

// Each format's parser (YAML, the DOM and Readability, mammoth, pdf.js) is imported when a file of
// that format is first read: a question never pays for them.
const readMarkdown: Reader = async (path, bytes) => (await import('./markdown.ts')).readMarkdown(path, bytes);
const readHtml: Reader = async (path, bytes) => (await import('./html.ts')).readHtml(path, bytes);

const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': async (path, bytes) => (await import('./docx.ts')).readDocx(path, bytes),
  '.pdf': async (path, bytes) => (await import('./pdf.ts')).readPdf(path, bytes),
};

/** File extensions `readDocument` accepts (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(READERS));

/**
 * Reads one document by its extension (case-insensitive) into text as a reader sees it.
 * Throws an IngestError with a one-line reason for anything it cannot read.
 */
export async function readDocument(path: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const extension = extname(path).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new IngestError(path, REASONS.unsupportedType(extension, SUPPORTED_EXTENSIONS));
  }
  if (bytes.length === 0) throw new IngestError(path, REASONS.emptyFile());
  const document = await reader(path, bytes);
  // Legacy-font text survives every container: a .VnTime DOCX or PDF reads as "Th«ng b¸o" too.
  const legacy = detectLegacyEncodingInText(document.text);
  if (legacy) throw new IngestError(path, REASONS.legacyEncoding(legacy));
  return document;
}
