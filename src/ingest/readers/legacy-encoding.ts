// Vietnamese text from before Unicode (TCVN3/ABC, VNI, Windows-1258) would enter the index as
// mojibake. These checks recognise each encoding by what it turns Vietnamese words into.
import { countWords } from '../../text/index.ts';

/** A pre-Unicode Vietnamese encoding the readers recognise. */
export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI' | 'Windows-1258';

// TCVN3 stores ă â ê ô ơ ư đ and most toned vowels in the Latin-1 symbol range, so its words
// carry "¸", "µ", "«", "§" ... between letters ("Th«ng b¸o", "§¶ng"). Real text has these
// symbols only beside words (a © line, French quotes), never in a large share of its words.
const TCVN3_SYMBOLS = '¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾';
const TCVN3_SYMBOL = new RegExp(`[${TCVN3_SYMBOLS}]`);
const TCVN3_WORD = new RegExp(`[A-Za-z${TCVN3_SYMBOLS}]*[${TCVN3_SYMBOLS}][A-Za-z${TCVN3_SYMBOLS}]*`, 'g');

// VNI writes a base letter followed by a mark letter: "aù" (á), "oâ" (ô), "ñ" (đ), "öô" (ươ).
// Vietnamese Unicode never puts these marks after a vowel, and never starts a word with "ñ",
// so foreign names ("Muñoz", "Müller") do not match.
const VNI_SIGNATURE =
  /[aeiouyâêôöAEIOUYÂÊÔÖ][ùøûõïåäëüÙØÛÕÏÅÄËÜ]|[aeoAEO][âêÂÊ]|(?<!\p{L})[ñÑ][aeiouyAEIOUYöôÖÔ]|[öÖ][ôÔ]/gu;

// Windows-1258 keeps tones as combining marks after the vowel and has its own bytes for
// ă ơ ư đ; decoded as cp1258, a real Vietnamese file is full of both.
const CP1258_SIGNATURE = /\p{L}[\u0300\u0301\u0303\u0309\u0323]|[ăâêôơưđĂÂÊÔƠƯĐ]/gu;

const MIN_SIGNATURES = 3;

/**
 * Recognises TCVN3 or VNI text that reached us as (valid) Unicode, e.g. a legacy file opened
 * as Latin-1 and saved as UTF-8. Returns null for ordinary text, Vietnamese or not.
 */
export function detectLegacyEncodingInText(text: string): LegacyEncoding | null {
  // Looking for words around symbols backtracks over every word: first see whether there are any.
  const tcvn3Words = TCVN3_SYMBOL.test(text)
    ? (text.match(TCVN3_WORD) ?? []).filter((w) => /[A-Za-z]/.test(w) || w.length > 1).length
    : 0;
  const vni = text.match(VNI_SIGNATURE)?.length ?? 0;
  // Ordinary text has no signatures at all: only then is it worth counting its words.
  if (tcvn3Words < MIN_SIGNATURES && vni < MIN_SIGNATURES) return null;
  const words = countWords(text);
  if (tcvn3Words >= MIN_SIGNATURES && tcvn3Words / words >= 0.15) return 'TCVN3 (ABC)';
  if (vni >= MIN_SIGNATURES && vni / words >= 0.1) return 'VNI';
  return null;
}

/** Recognises a legacy Vietnamese encoding in bytes that are not UTF-8. */
export function detectLegacyEncodingInBytes(bytes: Uint8Array): LegacyEncoding | null {
  // TCVN3 and VNI files are single-byte files made for Windows-1252 fonts (.VnTime, VNI-Times).
  const asWestern = detectLegacyEncodingInText(new TextDecoder('windows-1252').decode(bytes));
  if (asWestern) return asWestern;
  const asCp1258 = new TextDecoder('windows-1258').decode(bytes);
  const words = countWords(asCp1258);
  const signatures = asCp1258.match(CP1258_SIGNATURE)?.length ?? 0;
  if (signatures >= MIN_SIGNATURES && signatures / Math.max(words, 1) >= 0.1) return 'Windows-1258';
  return null;
}
