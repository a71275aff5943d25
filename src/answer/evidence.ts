// Whether the sentences an answer would cite state what the question asks (see `asked.ts`): a
// question whose topic the reports touch can still ask for a detail they never give ("how much
// did it cost?" of a project whose cost no report states), and quoting the nearest sentences
// would then answer a different question.
import type { RankedPassage } from '../retrieve/index.ts';
import { findDates, findPeriods, foldText } from '../text/index.ts';
import { yearsIn, type Ask, type AnswerKind, type Asked, type NumberedDocument } from '../question/index.ts';
import { heldWeight, wordRunsOf } from './relevance.ts';

/** A sentence an answer cites, and the passage it is quoted from. */
export interface Claim {
  sentence: string;
  passage: RankedPassage;
}

/** What tells the part of a sentence that speaks of the question from the rest. */
export interface Focus {
  /** The question's topic words with their weights (see `topicWeights`). */
  weights: ReadonlyMap<string, number>;
  /** Places of the stored reports, folded: they name where a report is from, not what a sentence is about. */
  places: readonly string[];
}

/**
 * Why the claims do not state what was asked, or null when they do: a numbered document or a
 * name the question uses that none of `sources` (the texts of the reports retrieved, read only
 * when the question names something) mentions; a year the question is about that no claim
 * speaks of; a kind of answer (an amount, a share, a day) that no claim gives where it speaks of
 * what was asked.
 */
export function unmetAsk(
  asked: Asked,
  claims: readonly Claim[],
  sources: () => readonly string[],
  focus: Focus,
): string | null {
  const sourceText = asked.documents.length + asked.names.length > 0 ? sources().map(foldedWords).join('\n') : '';
  for (const document of asked.documents) {
    if (!mentionsDocument(sourceText, document))
      return `no report retrieved mentions ${document.type[0]} ${document.number}`;
  }
  for (const name of asked.names) {
    if (!sourceText.includes(` ${name} `)) return `no report retrieved mentions ${name}`;
  }
  for (const year of asked.years) {
    if (!claims.some((claim) => yearsInScope(claim).has(year))) return `no cited sentence speaks of ${year}`;
  }
  if (asked.asks.length > 0 && claims.length > 0) {
    const names = asked.names.filter((name) => !focus.places.includes(name));
    // A figure of one ward does not answer for another: a question naming a ward is answered by
    // a sentence naming it, or by the ward's own report.
    const local = asked.localities.length === 0 ? claims : claims.filter((claim) => isAbout(claim, asked.localities));
    const regions = local.flatMap((claim) =>
      focusRegions(claim.sentence, names, focus.weights).map((region) => ({
        ...region,
        before: passageBefore(claim).slice(-CONTEXT_CHARS),
      })),
    );
    if (!asked.asks.some((ask) => regions.some((region) => gives(ask, region, focus.weights)))) {
      const asks = asked.asks.map((ask) => [ask.kind, ...ask.counted].join(' '));
      return `no cited sentence gives the ${[...new Set(asks)].join(' or ')} asked for`;
    }
  }
  return null;
}

/** Whether a claim's sentence, or the report it is quoted from, names one of `localities`. */
function isAbout(claim: Claim, localities: readonly string[]): boolean {
  const { report, header } = claim.passage;
  const text = foldedWords(`${claim.sentence}\n${report.body ?? ''}\n${report.title ?? ''}\n${header}`);
  return localities.some((locality) => text.includes(` ${locality} `));
}

/**
 * The sentences a draft cites, each with the passage its marker points at: every line, or part
 * of a line, that ends in "[n]" markers ("… 3.241 tỷ đồng. [1]").
 */
export function claimsOf(draftText: string, passages: readonly RankedPassage[]): Claim[] {
  const claims: Claim[] = [];
  for (const line of draftText.split('\n')) {
    let from = 0;
    let sentence = '';
    for (const marker of line.matchAll(/\[(\d+)\]/g)) {
      // Markers in a row ("… [1][2]") cite the same sentence.
      sentence = line.slice(from, marker.index).trim() || sentence;
      from = marker.index + marker[0].length;
      const passage = passages[Number(marker[1]) - 1];
      if (passage && sentence) claims.push({ sentence, passage });
    }
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * Whether a folded text (punctuation turned to spaces) names the document: its type, maybe "số",
 * then a list of numbers holding its own ("Nghị quyết 18, 19"), or its number with the type's
 * abbreviation after it ("18-NQ/TU").
 */
function mentionsDocument(sourceText: string, document: NumberedDocument): boolean {
  const names = document.type.join('|');
  const listed = new RegExp(String.raw` (?:${names}) (?:so )?(?:\d+ (?:va )?)*?${document.number} `);
  const suffixed = new RegExp(String.raw` ${document.number} (?:${names}) `);
  return listed.test(sourceText) || suffixed.test(sourceText);
}

// ---------------------------------------------------------------------------------------------
// Years

/**
 * The years a claim speaks of: those it names, the last one its passage named before it (a
 * heading "Kết quả năm 2023" or a lead-in "chỉ tiêu năm 2022 như sau:"), those its report's
 * title names ("Nghị quyết về nhiệm vụ năm 2022"), and its session's year. A year-end session
 * speaks of the next year only where it says so: its results are the current year's.
 */
function yearsInScope(claim: Claim): Set<number> {
  const years = new Set(yearsIn(claim.sentence));
  const last = yearsIn(passageBefore(claim)).at(-1);
  if (last !== undefined) years.add(last);
  const { sessionMonth, meetingDate, documentDate, publishedDate, title } = claim.passage.report;
  for (const year of yearsIn(title ?? '')) years.add(year);
  const session = sessionMonth ?? meetingDate ?? documentDate ?? publishedDate;
  if (session) years.add(Number(session.slice(0, 4)));
  return years;
}

// ---------------------------------------------------------------------------------------------
// Kinds of answer

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const PERCENT = new RegExp(String.raw`${NUMBER}\s*%|\bphần trăm\b`, 'iu');
const MONEY = new RegExp(
  String.raw`${NUMBER}\s*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s*)?(?:đồng|VNĐ|VND|USD)(?!\p{L})|${NUMBER}\s*(?:tỷ|tỉ)(?!\s*lệ)(?!\p{L})`,
  'iu',
);
// Counting words written out ("hai nghị quyết"); "một" and "năm" are left out, being more often
// "a" and "year" than 1 and 5.
const COUNT_WORDS = /(?<!\p{L})(?:hai|ba|bốn|sáu|bảy|tám|chín|mười)(?!\p{L})/iu;
const PERIOD =
  /\b(?:quy\s+(?:[ivx]+|\d)|thang\s+\d{1,2}|nam\s+(?:19|20)\d\d|trong\s+(?:tuan|thang|nam)|(?:cuoi|dau|giua|het)\s+nam)\b/;

// Who did something, as official writing names them: a person ("đồng chí Nguyễn Văn A", "ông
// Trần B"), an office ("Chủ tịch UBND phường", "Bí thư"), or an organisation ("Phòng Tài chính",
// "Công an thành phố", "UBND", "Công ty ...").
const PERSON = /(?<!\p{L})(?:[đĐ]ồng chí|[ôÔ]ng|[bB]à)\s+\p{Lu}/u;
/** Whether a text names a person as official writing does ("đồng chí Nguyễn Văn A", "ông Trần B"). */
export function namesPerson(text: string): boolean {
  return PERSON.test(text);
}
const OFFICE =
  /(?<!\p{L})(?:chủ tịch|bí thư|giám đốc|trưởng|chánh|thủ trưởng|chủ tọa|chủ nhiệm|đại biểu|ủy viên|cán bộ|công chức)(?!\p{L})/iu;
const ORGANISATION =
  /(?<!\p{L})(?:Ban|Phòng|Sở|Bộ|Công an|Trung tâm|Đoàn|Ủy ban|Uỷ ban|Văn phòng|Thanh tra|Chi cục|Công ty|Hội|Hợp tác xã|Đảng ủy|Đảng uỷ|Thành ủy|Thành uỷ|Thị ủy|Thị uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Trường|Viện|Tòa án|Toà án|Mặt trận|Trạm|Tổ)\s+\p{L}|(?<!\p{L})(?:UBND|HĐND|BTV|BCH|MTTQ|UBKT|UB MTTQ)(?!\p{L})|(?:doanh nghiệp|hợp tác xã|nhà trường|nhà đầu tư|chủ đầu tư|nhà thầu)\s+\p{Lu}/u;

const GIVES: Record<AnswerKind, (text: string) => boolean> = {
  agent: (text) => namesPerson(text) || OFFICE.test(text) || ORGANISATION.test(text),
  money: (text) => MONEY.test(text),
  percent: (text) => PERCENT.test(text),
  figure: (text) => hasFigure(text),
  day: (text) => findDates(text).length > 0,
  time: (text) => findDates(text).length > 0 || PERIOD.test(foldText(text)) || yearsIn(text).length > 0,
};

/**
 * Whether a region gives what one ask wants: its kind of answer, and for a count a figure of the
 * thing counted, so that "1.000 ca mắc" (covid) does not answer "bao nhiêu ca sốt xuất huyết": the
 * region must hold at least half the weight of the topic words the counted phrase holds.
 */
function gives(ask: Ask, region: Region, weights: ReadonlyMap<string, number>): boolean {
  // A figure stands beside what it measures ("thu ngân sách đạt 612 tỷ đồng"): one in a sentence
  // that never names what was asked measures something else.
  if (region.offTopic && !FRONTED.has(ask.kind)) return false;
  if (!GIVES[ask.kind](FRONTED.has(ask.kind) ? region.part : region.rest)) return false;
  // "bầu ai làm ...": the sentence says the election and names whom it chose, not only an office
  // or someone already holding it.
  if (ask.required) {
    const said = wordRunsOf(`${region.before ?? ''} ${region.part}`);
    if (!ask.required.every((alternatives) => alternatives.split('|').some((words) => said.has(words)))) return false;
    if (!namesPerson(region.part)) return false;
  }
  // The topic words that start within the counted phrase: "học sinh" of "bao giờ học sinh đi học lại", not "đi học".
  const counted = new Map([...weights].filter(([word]) => ask.counted.includes(word.split(' ')[0]!)));
  // What is counted may be no topic word (the section cue "nghị quyết" of "bao nhiêu nghị quyết được
  // thông qua"): then the sentence must say it as written.
  if (counted.size === 0) {
    return ask.counted.length === 0 || wordRunsOf(`${region.before ?? ''} ${region.rest}`).has(ask.counted.join(' '));
  }
  const total = [...counted.values()].reduce((sum, weight) => sum + weight, 0);
  // What is counted is named where the figure stands ("38 đơn"); what kind of it may be the
  // subject of the sentence before ("giải quyết KNTC quý I ... Trong 45 đơn thuộc thẩm quyền").
  const here = wordRunsOf(region.rest);
  if (heldWeight(counted, here) === 0) return false;
  return heldWeight(counted, new Set([...here, ...wordRunsOf(region.before ?? '')])) >= total / 2;
}

/** The text of a claim's passage before the claim (spaces collapsed, as drafts quote it); empty when not found. */
function passageBefore(claim: Claim): string {
  const text = claim.passage.text.replace(/\s+/g, ' ');
  const at = text.indexOf(claim.sentence);
  return at > 0 ? text.slice(0, at) : '';
}

// About one sentence of official prose: what a sentence refers back to.
const CONTEXT_CHARS = 200;

/** A number that is not a year or part of a date, or a count written out: an amount, a share, a count. */
export function hasFigure(text: string): boolean {
  let masked = text;
  // Dates and the spans a report covers ("9 tháng đầu năm", "quý III") say when, not how much.
  for (const span of [...findDates(text), ...findPeriods(text)])
    masked = masked.slice(0, span.start) + ' '.repeat(span.end - span.start) + masked.slice(span.end);
  // "a)", "1." open list items, and "kỳ họp thứ 7", "lần thứ 21" name which: labels, not figures.
  masked = masked.replace(/^\s*(?:\d+|[a-zđ])[.)]\s/iu, ' ').replace(/(?<!\p{L})thứ\s+\d+/giu, ' ');
  const numbers = masked.match(new RegExp(NUMBER, 'g')) ?? [];
  return numbers.some((number) => !/^(?:19|20)\d\d$/.test(number)) || COUNT_WORDS.test(masked);
}

// ---------------------------------------------------------------------------------------------
// Where a sentence speaks of what was asked

// Vietnamese fronts when something happens ("Từ ngày 14/2/2022, học sinh trở lại trường") and
// puts who does it first ("Giao Phòng Kinh tế rà soát ..."): a day, a time or an agent may stand
// anywhere in the part that speaks of what was asked.
const FRONTED: ReadonlySet<AnswerKind> = new Set(['day', 'time', 'agent']);

/** Where in a sentence its answer to the question can stand. */
interface Region {
  /** The semicolon-separated part of the sentence that speaks of what was asked. */
  part: string;
  /** That part from the clause that speaks of it to its end. */
  rest: string;
  /** The sentence holds none of the question's topic: only a day, a time or an agent may stand apart from it. */
  offTopic?: boolean;
  /** The text before the sentence in its passage. */
  before?: string;
}

/**
 * The regions of a sentence that speak of what was asked: the clause that holds a name the
 * question uses, else the clause holding most of its topic. Official sentences state the thing,
 * then its figures ("Cụm công nghiệp A đạt tỷ lệ lấp đầy 92%; cụm công nghiệp B đang ..."), so a
 * figure before the thing asked about, or across a semicolon, belongs to something else.
 */
function focusRegions(sentence: string, names: readonly string[], weights: ReadonlyMap<string, number>): Region[] {
  const clauses: Array<Region & { named: boolean; weight: number }> = [];
  for (const part of sentence.split(/;\s*/)) {
    const pieces = part.split(/,\s+/);
    pieces.forEach((piece, i) => {
      const words = foldedWords(piece);
      const named = names.some((name) => words.includes(` ${name} `));
      clauses.push({ part, rest: pieces.slice(i).join(', '), named, weight: heldWeight(weights, wordRunsOf(piece)) });
    });
  }
  const named = clauses.filter((c) => c.named);
  if (named.length > 0)
    return named.map((c) => ({ ...c, offTopic: weights.size > 0 && heldWeight(weights, wordRunsOf(c.rest)) === 0 }));
  const best = Math.max(...clauses.map((c) => c.weight));
  return best > 0
    ? clauses.filter((c) => c.weight === best)
    : [{ part: sentence, rest: sentence, offTopic: weights.size > 0 }];
}

/** A text's folded words between spaces, punctuation dropped, so " name " finds a whole name. */
function foldedWords(text: string): string {
  return ` ${foldText(text).replace(/[^\p{L}\d]+/gu, ' ')} `;
}
