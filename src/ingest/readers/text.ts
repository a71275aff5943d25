import type { ParsedDocument } from '../types.ts';
import { decodeText } from './decode.ts';

/** Reads a plain-text file (UTF-8 with or without BOM, or UTF-16 with BOM; CRLF or LF). */
export function readText(path: string, bytes: Uint8Array): ParsedDocument {
  return { format: 'txt', text: unifyLineEnds(decodeText(path, bytes)) };
}

/** CRLF and lone CR (old Mac files) to LF. */
export function unifyLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
