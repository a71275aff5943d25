import { IngestError } from '../errors.ts';
import { REASONS } from '../reasons.ts';
import { detectLegacyEncodingInBytes } from './legacy-encoding.ts';

// Control characters other than tab, line feed, form feed and carriage return.
const CONTROL_CHARACTER = /[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g;
// Accepts exactly the byte sequences `scanUtf8` does (RFC 3629, as the Encoding Standard) and drops a leading BOM.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

interface Utf8Scan {
  /** Byte offset of the first byte that is not valid UTF-8, or -1. */
  firstInvalid: number;
  validMultiByte: number;
  invalidBytes: number;
}

/**
 * Decodes the bytes of a text-format file (txt, md, html) to a string, or throws an IngestError
 * saying why the file is not usable text: empty, binary, single-byte legacy Vietnamese, invalid
 * UTF-8, or a page that declares a charset other than UTF-8 (`declaredCharset`). Legacy text that
 * is valid UTF-8 is caught on the reader's output, where markup no longer dilutes it.
 */
export function decodeText(path: string, bytes: Uint8Array, declaredCharset?: string): string {
  if (bytes.length === 0) throw new IngestError(path, REASONS.emptyFile());
  const utf16 = decodeUtf16WithBom(bytes);
  const text = utf16 ?? decodeUtf8(path, bytes, declaredCharset);
  if (!/\S/.test(text)) throw new IngestError(path, REASONS.onlyWhitespace());
  const controls = text.match(CONTROL_CHARACTER)?.length ?? 0;
  if (controls >= 3 && controls / text.length > 0.01) {
    throw new IngestError(path, REASONS.binary(`${controls} control characters`));
  }
  if (declaredCharset && !isUtf8Name(declaredCharset) && /[^\x00-\x7F]/.test(text)) {
    throw new IngestError(path, REASONS.declaredCharset(declaredCharset));
  }
  return text;
}

function decodeUtf16WithBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return null;
}

function decodeUtf8(path: string, bytes: Uint8Array, declaredCharset: string | undefined): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new IngestError(path, REASONS.binary(`NUL byte at offset ${nul}`));
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Not UTF-8: the scan says where, and what the file more likely is.
  }
  const scan = scanUtf8(bytes);
  // A mostly valid UTF-8 file with a few bad bytes is damaged UTF-8, not a legacy encoding.
  const legacy = scan.validMultiByte < scan.invalidBytes ? detectLegacyEncodingInBytes(bytes) : null;
  if (legacy) throw new IngestError(path, REASONS.legacyEncoding(legacy));
  if (declaredCharset && !isUtf8Name(declaredCharset)) {
    throw new IngestError(path, REASONS.declaredCharset(declaredCharset));
  }
  throw new IngestError(path, REASONS.invalidUtf8(scan.firstInvalid));
}

function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { firstInvalid: -1, validMultiByte: 0, invalidBytes: 0 };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      scan.validMultiByte += 1;
      i += length;
    } else {
      if (scan.firstInvalid < 0) scan.firstInvalid = i;
      scan.invalidBytes += 1;
      i += 1;
    }
  }
  return scan;
}

/** Length of the valid multi-byte sequence starting at `i`, or 0 (RFC 3629 ranges). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  let continuation: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
  else if (lead >= 0xe0 && lead <= 0xef) continuation = 2;
  else if (lead >= 0xf0 && lead <= 0xf4) continuation = 3;
  else return 0;
  // Ranges that exclude overlong forms, surrogates and code points above U+10FFFF.
  if (lead === 0xe0) low = 0xa0;
  else if (lead === 0xed) high = 0x9f;
  else if (lead === 0xf0) low = 0x90;
  else if (lead === 0xf4) high = 0x8f;
  for (let k = 1; k <= continuation; k++) {
    const byte = bytes[i + k];
    const min = k === 1 ? low : 0x80;
    const max = k === 1 ? high : 0xbf;
    if (byte === undefined || byte < min || byte > max) return 0;
  }
  return continuation + 1;
}

function isUtf8Name(charset: string): boolean {
  return /^(utf-?8|us-ascii|ascii)$/i.test(charset.trim());
}
