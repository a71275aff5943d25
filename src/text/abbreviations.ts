// Abbreviations of Vietnamese official and Party writing, and their expansion for matching.

import { foldText } from './normalize.ts';
import { foldedTerms, tokenize, type Token } from './tokens.ts';

/** An abbreviation as officially written, with every long form it stands for. */
export interface Abbreviation {
  short: string;
  long: string[];
}

/**
 * Abbreviations of council, Party and state writing. Document types follow Appendix VI of
 * Decree 30/2020/NĐ-CP and the Party's own document rules (which add CV, KL, CTr). Where one
 * short form stands for several things, every long form is listed.
 */
export const ABBREVIATIONS: readonly Abbreviation[] = [
  // Party committees and their members
  { short: 'BCH', long: ['ban chấp hành', 'ban chỉ huy'] },
  { short: 'BTV', long: ['ban thường vụ'] },
  { short: 'UVBTV', long: ['ủy viên ban thường vụ'] },
  { short: 'TW', long: ['trung ương'] },
  { short: 'TU', long: ['tỉnh ủy', 'thành ủy', 'thị ủy'] },
  { short: 'TUV', long: ['tỉnh ủy viên', 'thành ủy viên', 'thị ủy viên'] },
  { short: 'HU', long: ['huyện ủy'] },
  { short: 'HUV', long: ['huyện ủy viên'] },
  { short: 'QU', long: ['quận ủy'] },
  { short: 'ĐU', long: ['đảng ủy'] },
  { short: 'ĐUV', long: ['đảng ủy viên'] },
  { short: 'UBKT', long: ['ủy ban kiểm tra'] },
  { short: 'BCĐ', long: ['ban chỉ đạo'] },
  { short: 'BT', long: ['bí thư'] },
  { short: 'PBT', long: ['phó bí thư'] },
  { short: 'ĐV', long: ['đảng viên'] },
  { short: 'TCCSĐ', long: ['tổ chức cơ sở đảng'] },
  { short: 'ĐHĐB', long: ['đại hội đại biểu'] },
  // State bodies and offices
  { short: 'HĐND', long: ['hội đồng nhân dân'] },
  { short: 'UBND', long: ['ủy ban nhân dân'] },
  { short: 'CT', long: ['chủ tịch', 'chỉ thị'] },
  { short: 'PCT', long: ['phó chủ tịch'] },
  { short: 'ĐBQH', long: ['đại biểu quốc hội'] },
  { short: 'VKSND', long: ['viện kiểm sát nhân dân'] },
  { short: 'TAND', long: ['tòa án nhân dân'] },
  { short: 'CA', long: ['công an'] },
  { short: 'QS', long: ['quân sự'] },
  { short: 'BCHQS', long: ['ban chỉ huy quân sự'] },
  { short: 'BQL', long: ['ban quản lý'] },
  { short: 'TTYT', long: ['trung tâm y tế'] },
  { short: 'CBCC', long: ['cán bộ công chức'] },
  { short: 'CBCCVC', long: ['cán bộ công chức viên chức'] },
  // Mass organisations
  { short: 'MTTQ', long: ['mặt trận tổ quốc'] },
  { short: 'UBMTTQ', long: ['ủy ban mặt trận tổ quốc'] },
  { short: 'CCB', long: ['cựu chiến binh'] },
  { short: 'HND', long: ['hội nông dân'] },
  { short: 'LHPN', long: ['liên hiệp phụ nữ'] },
  { short: 'ĐTN', long: ['đoàn thanh niên'] },
  { short: 'ĐTNCS', long: ['đoàn thanh niên cộng sản'] },
  { short: 'TNCS', long: ['thanh niên cộng sản'] },
  // Administrative units
  { short: 'TP', long: ['thành phố'] },
  { short: 'TX', long: ['thị xã'] },
  { short: 'TT', long: ['thị trấn', 'thường trực', 'thông tư', 'trung tâm'] },
  { short: 'TDP', long: ['tổ dân phố'] },
  { short: 'ĐVHC', long: ['đơn vị hành chính'] },
  // Economy, land and construction
  { short: 'KT-XH', long: ['kinh tế - xã hội'] },
  { short: 'VH-XH', long: ['văn hóa - xã hội'] },
  { short: 'CN-TTCN', long: ['công nghiệp - tiểu thủ công nghiệp'] },
  { short: 'TTCN', long: ['tiểu thủ công nghiệp'] },
  { short: 'CNH-HĐH', long: ['công nghiệp hóa, hiện đại hóa'] },
  { short: 'KCN', long: ['khu công nghiệp'] },
  { short: 'CCN', long: ['cụm công nghiệp'] },
  { short: 'HTX', long: ['hợp tác xã'] },
  { short: 'DN', long: ['doanh nghiệp'] },
  { short: 'NSNN', long: ['ngân sách nhà nước'] },
  { short: 'GTSX', long: ['giá trị sản xuất'] },
  { short: 'XDCB', long: ['xây dựng cơ bản'] },
  { short: 'ĐTXD', long: ['đầu tư xây dựng'] },
  { short: 'TTXD', long: ['trật tự xây dựng'] },
  { short: 'GPMB', long: ['giải phóng mặt bằng'] },
  { short: 'QSDĐ', long: ['quyền sử dụng đất'] },
  { short: 'GCNQSDĐ', long: ['giấy chứng nhận quyền sử dụng đất'] },
  { short: 'TNMT', long: ['tài nguyên và môi trường', 'tài nguyên môi trường'] },
  { short: 'NTM', long: ['nông thôn mới'] },
  { short: 'CSVC', long: ['cơ sở vật chất'] },
  { short: 'CNTT', long: ['công nghệ thông tin'] },
  // Administration, order and safety
  { short: 'CCHC', long: ['cải cách hành chính'] },
  { short: 'TTHC', long: ['thủ tục hành chính'] },
  { short: 'KNTC', long: ['khiếu nại, tố cáo'] },
  { short: 'ANCT', long: ['an ninh chính trị'] },
  { short: 'TTATXH', long: ['trật tự an toàn xã hội'] },
  { short: 'ANTT', long: ['an ninh trật tự'] },
  { short: 'ATGT', long: ['an toàn giao thông'] },
  { short: 'PCCC', long: ['phòng cháy, chữa cháy'] },
  { short: 'PCTT', long: ['phòng chống thiên tai'] },
  { short: 'TKCN', long: ['tìm kiếm cứu nạn'] },
  { short: 'VSATTP', long: ['vệ sinh an toàn thực phẩm'] },
  { short: 'ATTP', long: ['an toàn thực phẩm'] },
  // Social affairs and education
  { short: 'BHYT', long: ['bảo hiểm y tế'] },
  { short: 'BHXH', long: ['bảo hiểm xã hội'] },
  // Health reports name the common outbreaks by their initials.
  { short: 'SXH', long: ['sốt xuất huyết'] },
  { short: 'TCM', long: ['tay chân miệng'] },
  { short: 'TYT', long: ['trạm y tế'] },
  { short: 'THCS', long: ['trung học cơ sở'] },
  { short: 'THPT', long: ['trung học phổ thông'] },
  { short: 'GD-ĐT', long: ['giáo dục và đào tạo', 'giáo dục - đào tạo'] },
  { short: 'XHCN', long: ['xã hội chủ nghĩa'] },
  // Document types
  { short: 'NQ', long: ['nghị quyết'] },
  { short: 'QĐ', long: ['quyết định'] },
  { short: 'KL', long: ['kết luận'] },
  { short: 'QC', long: ['quy chế'] },
  { short: 'QyĐ', long: ['quy định'] },
  { short: 'TB', long: ['thông báo'] },
  { short: 'HD', long: ['hướng dẫn'] },
  { short: 'CTr', long: ['chương trình'] },
  { short: 'KH', long: ['kế hoạch'] },
  { short: 'PA', long: ['phương án'] },
  { short: 'ĐA', long: ['đề án'] },
  { short: 'BC', long: ['báo cáo'] },
  { short: 'BB', long: ['biên bản'] },
  { short: 'TTr', long: ['tờ trình'] },
  { short: 'HĐ', long: ['hợp đồng', 'hội đồng'] },
  { short: 'CV', long: ['công văn'] },
  { short: 'CĐ', long: ['công điện'] },
  { short: 'GM', long: ['giấy mời'] },
];

interface FoldedAbbreviation {
  abbreviation: Abbreviation;
  /** The folded short form as written ("cn-ttcn"), which long-form matches add. */
  short: string;
  /** Folded long forms as space-joined tokens ("khieu nai to cao"). */
  long: string[];
  /**
   * True when the folded short form could be an ordinary word or chat shorthand ("tu" = từ,
   * "kh" = không, "tx"): it counts as an abbreviation only when written as one in the original.
   */
  ambiguous: boolean;
  /**
   * False when the folded short form is itself a common syllable ("tu", "ca"): adding it for a
   * long form would match every "từ" or "cá". The document side's expansion of "TU" to its long
   * forms is what links those.
   */
  addShortForLong: boolean;
}

interface PhraseMeaning {
  /**
   * Short forms the phrase spells ("kntc", "cn ttcn", "cnttcn"); more than one when they differ
   * only in diacritics ("HD" hướng dẫn, "HĐ" hợp đồng).
   */
  asShort: FoldedAbbreviation[];
  /** Abbreviations this phrase is a long form of. */
  asLong: FoldedAbbreviation[];
}

// A folded word shaped like a Vietnamese syllable: initial consonant, vowels, final consonant.
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

// Folded phrase (tokens joined by one space) → what it means; plus every proper prefix of a
// multi-token phrase, so matching stops extending an n-gram as soon as no phrase can follow.
const PHRASES = new Map<string, PhraseMeaning>();
const PREFIXES = new Set<string>();
// Any spelling of a short form (folded) → its abbreviations, for lookups.
const BY_SHORT = new Map<string, Abbreviation[]>();

function phraseMeaning(phrase: string): PhraseMeaning {
  let meaning = PHRASES.get(phrase);
  if (!meaning) {
    meaning = { asShort: [], asLong: [] };
    PHRASES.set(phrase, meaning);
    const words = phrase.split(' ');
    for (let n = 1; n < words.length; n++) PREFIXES.add(words.slice(0, n).join(' '));
  }
  return meaning;
}

/** "cn-ttcn" is also written "cnttcn" and "cn ttcn". */
function shortSpellings(foldedShort: string): string[] {
  const parts = foldedShort.split(/[-/]/);
  if (parts.length === 1) return [foldedShort];
  return [foldedShort, parts.join(''), parts.join(' ')];
}

for (const abbreviation of ABBREVIATIONS) {
  const short = foldText(abbreviation.short);
  const letters = short.replace(/[-/]/g, '');
  const folded: FoldedAbbreviation = {
    abbreviation,
    short,
    long: abbreviation.long.map((form) => foldedTerms(form).join(' ')),
    ambiguous: letters.length <= 2 || SYLLABLE.test(letters),
    addShortForLong: !SYLLABLE.test(letters),
  };
  for (const spelling of shortSpellings(short)) {
    phraseMeaning(spelling).asShort.push(folded);
    BY_SHORT.set(spelling, [...(BY_SHORT.get(spelling) ?? []), abbreviation]);
  }
  for (const long of folded.long) phraseMeaning(long).asLong.push(folded);
}

/**
 * Extra folded phrases for matching, given FOLDED text (`foldText` output), in both directions:
 * the long forms of every short form present ("kntc" → "khieu nai to cao") and the short form of
 * every long form present as a whole phrase ("khieu nai to cao" → "kntc"). Folded text has lost
 * its capitals, so short forms that could be ordinary words ("tu", "ca", "tx", "kh") are never
 * expanded here. Use this only when the original text is gone; otherwise prefer
 * `expandAbbreviationsInText`, which expands "TX" and "CA" when they are written in capitals.
 */
export function expandAbbreviations(foldedText: string): string[] {
  const folded = foldText(foldedText);
  const tokens = tokenize(folded);
  return expand({ source: folded, tokens, terms: tokens.map((token) => token.text), caseKnown: false });
}

/**
 * Extra folded phrases for matching, given the ORIGINAL text (NFC, with its capitals): like
 * `expandAbbreviations`, but a short form that could be an ordinary word counts as an
 * abbreviation when written exactly as one ("TX", "TTr", "ĐU"; not "tx", "từ", "cá", "đủ").
 * Unambiguous forms ("KNTC", "hdnd", "ubnd") count in any case. Use this for reports and for
 * questions alike.
 */
export function expandAbbreviationsInText(text: string): string[] {
  const tokens = tokenize(text);
  let terms = foldedTerms(text);
  // Folding keeps token boundaries for Vietnamese; fall back to per-token folding otherwise.
  if (terms.length !== tokens.length) terms = tokens.map((token) => foldText(token.text));
  return expand({ source: text, tokens, terms, caseKnown: true });
}

/**
 * The abbreviation written `short`, in any case, with or without diacritics or hyphens. When
 * two differ only in diacritics ("HD", "HĐ"), the one spelled like `short` wins.
 */
export function lookupAbbreviation(short: string): Abbreviation | undefined {
  const candidates = BY_SHORT.get(foldedTerms(short).join(' '));
  const upper = short.normalize('NFC').toUpperCase();
  return candidates?.find((candidate) => candidate.short.toUpperCase() === upper) ?? candidates?.[0];
}

/**
 * Whether a short form found in the text counts as the abbreviation: always when unambiguous;
 * an ambiguous one only when its original spelling (`written`, absent for folded input) is
 * exactly the abbreviation's, in its own or in upper case.
 */
function countsAsShort(abbreviation: FoldedAbbreviation, written: string | undefined): boolean {
  if (!abbreviation.ambiguous) return true;
  if (written === undefined) return false;
  const short = abbreviation.abbreviation.short;
  return written === short || written === short.toUpperCase();
}

/** Tokens of `source` with their folded texts; `caseKnown` when `source` kept its capitals. */
interface TokenStream {
  source: string;
  tokens: readonly Token[];
  terms: readonly string[];
  caseKnown: boolean;
}

// A phrase never runs across sentence or clause punctuation: "phiên họp. Đồng chí" is not
// "hợp đồng". Commas and dashes stay inside ("khiếu nại, tố cáo", "kinh tế - xã hội").
const PHRASE_BREAKS = new Set(['.', '!', '?', ';', ':', '…', '(', ')', '[', ']', '"', '“', '”', '\n']);

function expand(stream: TokenStream): string[] {
  const found = new Set<string>();
  const added = new Set<string>();
  for (let i = 0; i < stream.terms.length; i++) {
    const best = longestPhraseAt(stream, i);
    if (best) {
      found.add(best.phrase);
      addMeaning(best.meaning, added);
    } else {
      expandCompoundParts(stream, i, added);
    }
  }
  for (const phrase of found) added.delete(phrase);
  return [...added];
}

function writtenAt(stream: TokenStream, i: number): string | undefined {
  return stream.caseKnown ? stream.tokens[i]?.text : undefined;
}

function continuesPhrase(stream: TokenStream, j: number): boolean {
  const from = stream.tokens[j - 1]?.end ?? 0;
  const to = stream.tokens[j]?.start ?? 0;
  for (let k = from; k < to; k++) if (PHRASE_BREAKS.has(stream.source[k] ?? '')) return false;
  return true;
}

/** The longest phrase starting at token `i` that means something here. */
function longestPhraseAt(stream: TokenStream, i: number): { phrase: string; meaning: PhraseMeaning } | undefined {
  const { terms } = stream;
  let best: { phrase: string; meaning: PhraseMeaning } | undefined;
  let phrase = terms[i] ?? '';
  for (let j = i + 1; ; j++) {
    const meaning = PHRASES.get(phrase);
    if (meaning) {
      // Ambiguous short forms are single tokens, so the first token's spelling decides.
      const written = writtenAt(stream, i);
      const asShort = meaning.asShort.filter((abbreviation) => countsAsShort(abbreviation, written));
      if (asShort.length > 0 || meaning.asLong.length > 0) best = { phrase, meaning: { asShort, asLong: meaning.asLong } };
    }
    const next = terms[j];
    if (next === undefined || !PREFIXES.has(phrase) || !continuesPhrase(stream, j)) return best;
    phrase += ' ' + next;
  }
}

function addMeaning(meaning: PhraseMeaning, added: Set<string>): void {
  for (const abbreviation of meaning.asShort) for (const long of abbreviation.long) added.add(long);
  for (const abbreviation of meaning.asLong) if (abbreviation.addShortForLong) added.add(abbreviation.short);
}

/**
 * Document numbers and codes join abbreviations into one token ("18-TB/TU", "123/QĐ-UBND");
 * their parts are expanded like tokens of their own.
 */
function expandCompoundParts(stream: TokenStream, i: number, added: Set<string>): void {
  const term = stream.terms[i] ?? '';
  if (!/[-/]/.test(term)) return;
  const writtenParts = writtenAt(stream, i)?.split(/[-/]/);
  term.split(/[-/]/).forEach((part, k) => {
    for (const abbreviation of PHRASES.get(part)?.asShort ?? []) {
      if (countsAsShort(abbreviation, writtenParts?.[k])) for (const long of abbreviation.long) added.add(long);
    }
  });
}
