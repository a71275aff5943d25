// Question understanding: what a citizen's question asks for, as a `Question` the retriever and
// the answerers follow — the text to search, the session month or year, the issuing body, the
// session, the part of a report it points at, and the words that say what it is about.
import {
  findBodies,
  findSessionKind,
  findSessionNumber,
  foldKeepingOffsets,
  foldText,
  hasVietnameseDiacritics,
  lookupAbbreviation,
  recognizeBody,
  removeDiacritics,
} from '../text/index.ts';
import { askedBy, wantsOf } from './asked.ts';
import { englishBody, planBody, placeSpans, ANY_STANDING_BOARD, BARE_STANDING_BOARD, type PlanBody } from './bodies.ts';
import { translateToVietnamese } from './glossary.ts';
import { detectLanguage } from './language.ts';
import { contentMonths, findAllPeriods, isCumulative, periodFilter } from './periods.ts';
import { findSections } from './sections.ts';
import { ENGLISH_ORDINAL } from './periods.ts';
import { ENGLISH_SESSION_KIND, ENGLISH_SESSION_NUMBER, KIND_OF_ENGLISH, latestSpan } from './sessions.ts';
import { overviewCues } from './overview.ts';
import { normalizeQuestion } from './shorthand.ts';
import { topicOf } from './topic.ts';
import type { PeriodFilter, Question, QuestionLanguage, Span } from './types.ts';

interface Extraction {
  period: PeriodFilter | null;
  body: PlanBody | null;
  sessionKind: string | null;
  sessionNumber: number | null;
  latest: boolean;
  datedMonths: string[];
  /** Where the period, body and session phrases sit in the extraction text, for taking them out of the topic. */
  spans: Span[];
}

/** Period, body and session of a Vietnamese question, from its text (or the same without diacritics, offset for offset). */
function extractVietnamese(
  texts: readonly string[],
  language: QuestionLanguage,
  knownPlaces: readonly string[],
  today: Date,
): Extraction {
  const spans: Span[] = [];
  const firstFound = <T>(find: (text: string) => T | null): { value: T; text: string } | null => {
    for (const text of texts) {
      const value = find(text);
      if (value !== null) return { value, text };
    }
    return null;
  };
  const periods = firstFound((text) => {
    const found = findAllPeriods(text, today);
    return found.length > 0 ? found : null;
  });
  for (const p of periods?.value ?? []) {
    // A cumulative span is what the question is about ("9 tháng đầu năm"): only its year is taken out.
    if (isCumulative(periods?.text ?? '', p)) {
      const year = /\d{4}\s*$/.exec(periods?.text.slice(p.start, p.end) ?? '');
      if (year) spans.push([p.end - year[0].length, p.end]);
    } else spans.push([p.start, p.end]);
  }
  const period = periods ? periodFilter(periods.text, periods.value, language) : null;
  const datedMonths = periods ? contentMonths(periods.text, periods.value, language) : [];

  let body: PlanBody | null = null;
  const recognized = firstFound((text) => recognizeBody(text, { knownPlaces }));
  if (recognized) {
    // Asked who holds an office ("Ai là Chủ tịch UBND xã X?"), the body in the office's title is whom
    // the question is about, not who issued the report: its organ and place rank reports, they do
    // not filter them.
    const asksWhoHolds =
      recognized.value.attributive && /(?<![\p{L}\d])ai(?![\p{L}\d])/u.test(foldText(recognized.text));
    body = asksWhoHolds
      ? { name: null, organ: recognized.value.organ, aliases: [] }
      : planBody(recognized.value, knownPlaces);
    for (const m of findBodies(recognized.text, { knownPlaces })) spans.push([m.start, m.end]);
    if (recognized.value.place) spans.push(...placeSpans(recognized.text, recognized.value.place));
  }
  for (const m of (texts[texts.length - 1] ?? '').matchAll(BARE_STANDING_BOARD)) {
    body ??= ANY_STANDING_BOARD;
    spans.push([m.index, m.index + m[0].length]);
  }
  const number = firstFound((text) => findSessionNumber(text, { congress: true }));
  if (number) spans.push([number.value.start, number.value.end]);
  const found = firstFound((text) => findSessionKind(text));
  // A congress ("đại hội", once a term) is the meeting asked about only when the question says
  // which one ("Đại hội lần thứ XXI"); otherwise it is what the question asks about ("đại hội phải
  // tổ chức trước khi nào?"), which a conference's report answers.
  // "là kỳ họp thường lệ hay chuyên đề?" asks which kind it was: no kind to filter by.
  const asksWhichKind = texts.some((text) => KIND_CHOICE.test(foldText(text)));
  const kind = (found?.value.value === 'đại hội' && !number) || asksWhichKind ? null : found;
  if (kind) spans.push([kind.value.start, kind.value.end]);
  const latest = latestSpan(texts[texts.length - 1] ?? '');
  if (latest) spans.push(latest);
  return {
    period,
    body,
    sessionKind: kind?.value.value ?? null,
    sessionNumber: number?.value.value ?? null,
    latest: latest !== null,
    datedMonths,
    spans,
  };
}

function extractEnglish(text: string, knownPlaces: readonly string[], today: Date): Extraction {
  const spans: Span[] = [];
  const mentions = findAllPeriods(text, today);
  for (const p of mentions) spans.push([p.start, p.end]);
  const period = periodFilter(text, mentions, 'en');
  const datedMonths = contentMonths(text, mentions, 'en');

  let body: PlanBody | null = null;
  const inVietnamese = recognizeBody(text, { knownPlaces });
  if (inVietnamese) {
    body = planBody(inVietnamese, knownPlaces);
    for (const m of findBodies(text, { knownPlaces })) spans.push([m.start, m.end]);
    if (inVietnamese.place) spans.push(...placeSpans(text, inVietnamese.place));
  } else {
    const english = englishBody(text, knownPlaces);
    if (english) {
      // "Who was elected chairman of the X People's Committee?": the body is the office asked about,
      // as in Vietnamese, so it ranks reports instead of filtering them.
      const first = Math.min(...english.spans.map(([start]) => start));
      const ofOffice = /\bwho\b/i.test(text) && ENGLISH_OFFICE_BEFORE.test(text.slice(Math.max(0, first - 40), first));
      body = ofOffice ? { name: null, organ: english.body.organ, aliases: [] } : english.body;
      spans.push(...english.spans);
    }
  }

  const number = ENGLISH_SESSION_NUMBER.exec(text);
  let sessionNumber: number | null = null;
  if (number) {
    sessionNumber = Number(number[1] ?? number[3]) || ENGLISH_ORDINAL[(number[2] ?? '').toLowerCase()] || null;
    spans.push([number.index, number.index + number[0].length]);
  }
  const kindMatch = ENGLISH_SESSION_KIND.exec(text);
  const sessionKind = kindMatch ? (KIND_OF_ENGLISH.find(([re]) => re.test(kindMatch[1] ?? ''))?.[1] ?? null) : null;
  if (kindMatch) spans.push([kindMatch.index, kindMatch.index + kindMatch[0].length]);
  const latest = latestSpan(text);
  if (latest) spans.push(latest);
  return { period, body, sessionKind, sessionNumber, latest: latest !== null, datedMonths, spans };
}

const KIND_WORD = '(?:thuong le|thuong ky|dinh ky|chuyen de|bat thuong|mo rong)';
const KIND_CHOICE = new RegExp(
  `\\b${KIND_WORD}\\s+(?:hay|hoac|or)\\s+(?:(?:ky hop|phien hop|hop)\\s+)?${KIND_WORD}\\b`,
);

// An office named before a body in English: "chairman of the", "vice chair of".
const ENGLISH_OFFICE_BEFORE =
  /\b(?:chair(?:man|woman|person)?|vice[\s-]chair\w*|secretary|head|director|deputy|member)s?\s+of\s+(?:the\s+)?$/i;

/** Words of an English question worth searching as they are: numbers, names, Vietnamese words, abbreviations. */
function keptAsWritten(word: string): boolean {
  if (/^\d+(?:st|nd|rd|th)$/i.test(word)) return false;
  return (
    /\d/.test(word) || /^\p{Lu}/u.test(word) || hasVietnameseDiacritics(word) || lookupAbbreviation(word) !== undefined
  );
}

function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

/**
 * Reads a citizen's question — Vietnamese with or without diacritics, chat shorthand, or English —
 * into a retrieval plan. `knownPlaces` are place names from the ingested reports, so that a
 * lower-case "tu son" or "dong ngan" is recognised as a place.
 */
export function understandQuestion(
  question: string,
  options: { knownPlaces?: readonly string[]; today?: Date } = {},
): Question {
  const read = readQuestion(question, options.knownPlaces ?? [], options.today ?? new Date());
  return { ...read, asked: askedBy(read), wants: wantsOf(read.normalized, read.language) };
}

/** Everything `understandQuestion` reads but what the question asks for, which depends on it. */
function readQuestion(
  question: string,
  knownPlaces: readonly string[],
  today: Date,
): Omit<Question, 'asked' | 'wants'> {
  const normalized = normalizeQuestion(question);
  const language = detectLanguage(question);

  if (language === 'en') {
    const extraction = extractEnglish(normalized, knownPlaces, today);
    const full = translateToVietnamese(normalized);
    const kept = full.unmatched.filter(keptAsWritten);
    const session = extraction.sessionNumber !== null ? [`thứ ${extraction.sessionNumber}`] : [];
    const searchText = [full.vietnamese, ...kept, ...session].filter(Boolean).join(' ');
    const overview = overviewCues(foldText(normalized));
    const rest = translateToVietnamese(blank(normalized, [...extraction.spans, ...overview]));
    const topicText = [rest.vietnamese, ...rest.unmatched.filter(keptAsWritten)].join(' ');
    const { sections, asksWhenHeld } = findSections(`${foldText(full.vietnamese)} ${foldText(normalized)}`);
    const topicTerms = vietnameseTopic(topicText, knownPlaces, today);
    // A translation lists a phrase's alternatives side by side ("người dân nhân dân công dân"),
    // which no report writes together: its syllables are its words.
    return {
      text: question,
      normalized,
      language,
      searchText,
      ...fields(extraction),
      sections,
      asksWhenHeld,
      topicTerms,
      topicWords: topicTerms,
      ...(overview.length > 0 ? { overview: true } : {}),
    };
  }

  const plain = removeDiacritics(normalized);
  const texts = language === 'vi' ? [normalized, plain] : [plain];
  const extraction = extractVietnamese(texts, language, knownPlaces, today);
  const cues = findSections(foldKeepingOffsets(plain));
  const overview = overviewCues(foldKeepingOffsets(plain));
  const topic = topicOf(normalized, [...extraction.spans, ...cues.spans, ...overview], language === 'vi-plain');
  return {
    text: question,
    normalized,
    language,
    searchText: normalized,
    ...fields(extraction),
    sections: cues.sections,
    asksWhenHeld: cues.asksWhenHeld,
    topicTerms: topic.terms,
    topicWords: topic.words,
    ...(overview.length > 0 ? { overview: true } : {}),
  };
}

function fields(
  extraction: Extraction,
): Pick<Question, 'period' | 'body' | 'sessionKind' | 'sessionNumber' | 'latest' | 'datedMonths'> {
  const { period, body, sessionKind, sessionNumber, latest, datedMonths } = extraction;
  return {
    period,
    body,
    sessionKind,
    sessionNumber,
    ...(latest ? { latest } : {}),
    ...(datedMonths.length > 0 ? { datedMonths } : {}),
  };
}

/** Topic terms of a glossary translation: its own period, body, session and cue phrases taken out. */
function vietnameseTopic(text: string, knownPlaces: readonly string[], today: Date): string[] {
  const extraction = extractVietnamese([text], 'vi', knownPlaces, today);
  const cues = findSections(foldKeepingOffsets(text));
  return topicOf(text, [...extraction.spans, ...cues.spans], true).terms;
}
