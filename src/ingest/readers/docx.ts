import mammoth from 'mammoth';
import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import type { ParsedDocument } from '../types.ts';
import { htmlToParagraphs } from './blocks.ts';
import { parseHtmlDocument } from './dom.ts';

// "PK": every zip archive, an empty one included, starts with it.
const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads a Word .docx file. Goes through mammoth's HTML rather than its raw text, which drops
 * the <w:br/> breaks inside table cells and glues the lines of an official header together.
 */
export async function readDocx(path: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new IngestError(path, REASONS.oldDoc());
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new IngestError(path, REASONS.invalidDocx('not a zip archive'));
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split(/\. |\n/)[0];
    throw new IngestError(path, REASONS.invalidDocx(detail ?? 'unreadable'), { cause: error });
  }
  const body = parseHtmlDocument(html).body;
  const paragraphs = htmlToParagraphs(body);
  if (paragraphs.length === 0) throw new IngestError(path, REASONS.noText());
  const title = body.querySelector('h1, h2')?.textContent?.replace(/\s+/g, ' ').trim();
  return { format: 'docx', text: paragraphs.join('\n\n'), ...(title ? { title } : {}) };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
