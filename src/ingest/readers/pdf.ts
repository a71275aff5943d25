import { extractText, getDocumentProxy } from 'unpdf';
import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import type { ParsedDocument } from '../types.ts';
import { joinWrappedLines } from './pdf-paragraphs.ts';

/**
 * Reads a PDF's text layer page by page and rejoins its wrapped lines into paragraphs.
 * The PDF's metadata dates are ignored: they record when the file was exported.
 */
export async function readPdf(path: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (!hasPdfHeader(bytes)) throw new IngestError(path, REASONS.invalidPdf('no %PDF header'));
  const pages = await extractPages(path, bytes);
  if (pages.every((page) => page.trim() === '')) {
    throw new IngestError(path, REASONS.scannedPdf());
  }
  return { format: 'pdf', text: joinWrappedLines(pages).join('\n\n') };
}

async function extractPages(path: string, bytes: Uint8Array): Promise<string[]> {
  try {
    // pdf.js takes over the buffer it is given; the caller's bytes stay untouched.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      return (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new IngestError(path, REASONS.encryptedPdf(), { cause: error });
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError(path, REASONS.invalidPdf(detail), { cause: error });
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}
