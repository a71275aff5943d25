// Metadata of one report: who met, what session, when it met, when it was published or signed.
// Official notices and news items lay out their top lines differently; both are read here.
import {
  bodyName,
  placeInAddress,
  DOCUMENT_TYPES,
  mayNameBody,
  bodyAliases,
  countWords,
  findBodies,
  findIssuingBody,
  type DateMention,
  findDates,
  findPeriods,
  findSessionKind,
  findSessionNumber,
  findTerm,
  isPlannedYear,
  foldForMatching,
  foldKeepingOffsets,
  formatMonth,
  inferYear,
  normalizeText,
  parseDate,
  resolveDay,
  type YearContext,
} from '../text/index.ts';
import { PARTY_NAME, STATE_MOTTO, STATE_NAME } from './mottos.ts';
import { readFrontMatter } from './front-matter.ts';
import { reportedPeriod } from './reported-period.ts';
import type { ParsedDocument, ReportMetadata } from './types.ts';

interface Line {
  text: string;
  folded: string;
  start: number;
  end: number;
}

type LineRole = 'motto' | 'number' | 'placeDate' | 'dateline' | 'source' | 'header' | 'heading' | 'lead' | 'body';

/** How many lines from the top can still be header, title or dateline. */
const TOP_LINES = 20;
/** A first line shorter than this without a sentence's closing mark is a headline, however long. */
const HEADLINE_MAX_LENGTH = 200;
/** A line at least this long is prose: the lead paragraph, not a heading. */
const PROSE_LENGTH = 80;
/** A shorter line ending like a sentence is prose from this many words: headings rarely end with a period. */
const PROSE_MIN_WORDS = 8;

const MOTTO = new RegExp(String.raw`^(?:${STATE_NAME}|${STATE_MOTTO}|${PARTY_NAME})\b|^[\s*_\-–=.\\]+$`);
const DOCUMENT_NUMBER = /^so\s*[:.]?\s*\d/;
const PLACE_DATE = /(?:^|[^\p{L}])\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3},\s*ngày\s+\d/u;
// "Nguồn: https://...": where a saved article came from, as people note it above the text.
const SOURCE_LINE = /^(?:ngu[oồ]n|source|url|link|li[eê]n k[eế]t|b[aà]i g[oố]c)\s*:?\s*(https?:\/\/\S+)\s*$/iu;
const PUBLISHED_CUE = /\b(?:cap nhat|ngay dang|dang luc|dang ngay|ngay xuat ban|xuat ban|published|posted|updated)\b/;
const DOCUMENT_TYPE = new RegExp(
  String.raw`^(?:${DOCUMENT_TYPES.filter((type) => type.titlesReports)
    .map((type) => type.folded)
    .join('|')})\b`,
);
const SESSION_WORDS = /\b(?:phien hop|ky hop|hoi nghi|hop phien|hop thuong ky|hop dinh ky|hop chuyen de)\b/;
const MEETING_WORDS =
  /\b(?:hop|to chuc|dien ra|khai mac|be mac|chu tri|tien hanh|phien hop|ky hop|hoi nghi|cuoc hop)\b/;
// Dates after these words are deadlines or effective dates, not when the meeting sat.
const NOT_MEETING_BEFORE = /\b(?:truoc|han|sau|tu|den|toi|cham nhat|hieu luc|thoi han|ke tu|bat dau)$/;
// What may stand between a session word and its month: "phiên họp thường kỳ tháng 9".
// A date right after a document's name or number is that document's date ("Báo cáo số 186/BC-UBND ngày 10/12/2021").
const DOCUMENT_REFERENCE =
  /(?:^|\b)(?:can cu|xet)\b|\bso\s*\d+[\w/.-]*\s+(?:\S+\s+){0,2}$|\b(?:luat|nghi dinh|thong tu|chi thi|cong van|quyet dinh|nghi quyet|bao cao|ke hoach|to trinh)\b[^,;]{0,80}$/;
const SESSION_BEFORE_MONTH =
  /\b(?:phien|hop|hoi nghi|giao ban)(?:\s+(?:hop|phien|thuong ky|dinh ky|chuyen de|bat thuong|thuong le|le ky|dot xuat|mo rong|giao ban))*\s+$/;

/**
 * Reads the metadata of one report from its normalised text (`doc.text`, see `normalizeText`), its
 * title and published hint, and its front matter, whose fields override what the text says.
 * Never throws: what is missing or does not parse is listed in `warnings`.
 */
export function extractMetadata(doc: ParsedDocument, source: string): ReportMetadata {
  const warnings: string[] = [];
  const given = readFrontMatter(doc.frontMatter ?? {}, warnings);
  const { lines, roles } = readTop(doc.text, doc.title ? normalizeText(doc.title) : null);
  // Front matter's source first, then a source line at the top, then the file.
  const origin = given.source ?? sourceLine(lines, roles) ?? source;
  const title = given.title ?? chooseTitle(doc.title ? normalizeText(doc.title) : null, findTitle(lines, roles));
  const lead = leadScope(lines, roles);
  const headingText = headings(lines, roles);

  const inAddress = dateInAddress(origin);
  const publishedDate =
    given.publishedDate ??
    publishedFromHint(doc.publishedHint, warnings) ??
    findPublishedDate(lines, roles) ??
    inAddress?.date ??
    null;
  const documentDate = given.documentDate ?? findDocumentDate(lines, roles);
  const notAfter = publishedDate ?? documentDate ?? inAddress?.monthEnd ?? null;

  // The years a report states (every date in it read again) matter only when no other date settles
  // the year of one written without it (see inferYear), so they are worked out on first use.
  let years: readonly number[] | undefined;
  const statedYearsOnce = (): readonly number[] =>
    (years ??= statedYears([title ?? '', lead.text].join('\n'), doc.text));
  const session = findSessionMonth(title, lead.text);
  let sessionMonth = given.sessionMonth ?? (session?.year != null ? formatMonth(session.year, session.month) : null);

  const meeting = findMeeting(doc.text, lines, roles, title, lead);
  let meetingDate = given.meetingDate;
  let meetingEndDate = given.meetingEndDate;
  if (meeting && meetingDate === null) {
    const context: YearContext = {
      notAfter,
      notBefore: sessionMonth,
      get years() {
        return statedYearsOnce();
      },
    };
    meetingDate = resolveDay(meeting.first, context);
    if (meeting.last && meetingDate) {
      const firstYear = Number(meetingDate.slice(0, 4));
      const lastYear = meeting.last.year ?? (meeting.last.month < meeting.first.month ? firstYear + 1 : firstYear);
      meetingEndDate ??= resolveDay({ ...meeting.last, year: lastYear }, context);
    }
  }
  // A resolution is dated the day the session passed it.
  if (meetingDate === null && documentDate && isResolutionOfSession(title, headingText)) meetingDate = documentDate;
  if (sessionMonth === null && session) {
    const year = inferYear(session.month, null, {
      notAfter: meetingDate ?? notAfter,
      get years() {
        return statedYearsOnce();
      },
    });
    sessionMonth = year === null ? null : formatMonth(year, session.month);
  }

  const body = given.body ?? bodyFound(doc.text, title, origin);
  const sessionScope = [title ?? '', lead.text, headingText];
  const sessionKind = given.sessionKind ?? firstFound(sessionScope, (s) => findSessionKind(s)?.value);
  const sessionNumber = given.sessionNumber ?? firstFound(sessionScope, (s) => findSessionNumber(s)?.value);

  if (!title) warnings.push('no title found');
  if (!body) warnings.push('no issuing body found');
  if (!sessionKind) warnings.push('no session kind found');
  if (!sessionMonth && !sessionNumber) warnings.push('no session month or number found');
  if (!meetingDate) warnings.push('no meeting date found');
  if (!publishedDate && !documentDate) warnings.push('no published or document date found');

  return {
    title,
    body: body?.name ?? null,
    bodyAliases: body?.aliases ?? [],
    sessionKind,
    sessionNumber,
    sessionMonth,
    meetingDate,
    meetingEndDate,
    publishedDate,
    documentDate,
    period: reportedPeriod(title, lead.text, meetingDate ?? publishedDate ?? documentDate),
    source: origin,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout of the top of a report

/**
 * The non-empty lines at the top of a report and the part each plays, read down to the lead and
 * the line after it (which may continue the lead), or TOP_LINES lines when there is no lead. The
 * rest of a report is body, read as a whole.
 */
function readTop(text: string, title: string | null): { lines: Line[]; roles: LineRole[] } {
  const lines: Line[] = [];
  const roles: LineRole[] = [];
  for (let start = 0; start <= text.length && lines.length <= TOP_LINES; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    // Markdown heading marks and escapes are layout, not words.
    const raw = text
      .slice(start, end)
      .replace(/^#{1,6}\s+/, '')
      .replace(/\\([*_#\\-])/g, '$1')
      .trim();
    if (raw) {
      const afterLead = roles[roles.length - 1] === 'lead';
      const line = { text: raw, folded: foldKeepingOffsets(raw), start, end };
      // A line its author marked as a heading ("# ...", or the title a reader found) is one, even
      // when it ends with a full stop.
      const marked = /^#{1,6}\s/.test(text.slice(start, end)) || raw === title;
      lines.push(line);
      roles.push(
        afterLead || lines.length > TOP_LINES
          ? 'body'
          : marked && !MOTTO.test(line.folded)
            ? 'heading'
            : topLineRole(line, lines.length === 1),
      );
      if (afterLead) break;
    }
    start = end + 1;
  }
  return { lines, roles };
}

function topLineRole(line: Line, first: boolean): LineRole {
  if (MOTTO.test(line.folded)) return 'motto';
  if (SOURCE_LINE.test(line.text)) return 'source';
  // A portal's headline can be as long as a sentence; it opens the page and ends without a full stop.
  if (first && line.text.length < HEADLINE_MAX_LENGTH && !/[.!?…:;]$/.test(line.text)) return 'heading';
  if (DOCUMENT_NUMBER.test(line.folded)) return 'number';
  if (line.text.length < PROSE_LENGTH && PLACE_DATE.test(line.text)) return 'placeDate';
  if (isDateline(line)) return 'dateline';
  if (isProse(line) && !DOCUMENT_TYPE.test(line.folded)) return 'lead';
  return isHeaderBody(line) ? 'header' : 'heading';
}

/** Prose, not a heading: long, or a full sentence ("Ngày 15/12/2021, HĐND phường ... khai mạc kỳ họp thứ tư."). */
function isProse(line: Line): boolean {
  return line.text.length >= PROSE_LENGTH || (/[.!?…]$/.test(line.text) && countWords(line.text) >= PROSE_MIN_WORDS);
}

/** A line that states when the page was published: a full date with a time, a cue, a weekday, or little else. */
function isDateline(line: Line): boolean {
  if (line.text.length >= PROSE_LENGTH || MEETING_WORDS.test(line.folded)) return false;
  const first = findDates(line.text).find((d) => d.first.year !== null);
  if (!first) return false;
  return (
    first.time !== null ||
    PUBLISHED_CUE.test(line.folded) ||
    /^thu\s/.test(line.folded.slice(first.start)) ||
    line.text.length - (first.end - first.start) < 30
  );
}

/** "THÀNH ỦY TỪ SƠN", "ĐẢNG BỘ TỈNH BẮC NINH": a header line that only names a body. */
function isHeaderBody(line: Line): boolean {
  return mayNameBody(line.folded) && findBodies(line.text).some((b) => line.text.length - (b.end - b.start) <= 3);
}

function findTitle(lines: readonly Line[], roles: readonly LineRole[]): string | null {
  const headings = lines
    .map((line, i) => ({ line, role: roles[i], next: lines[i + 1], nextRole: roles[i + 1] }))
    .filter((h) => h.role === 'heading');
  const named =
    headings.find((h) => SESSION_WORDS.test(h.line.folded) || DOCUMENT_TYPE.test(h.line.folded)) ?? headings[0];
  if (!named) return null;
  // "THÔNG BÁO" over "Kết luận của ...", or a heading continued in lower case ("tại phiên họp ..."): one title.
  const continues =
    named.next &&
    named.nextRole === 'heading' &&
    (isOnlyDocumentType(named.line.folded) || /^\p{Ll}/u.test(named.next.text));
  return continues && named.next ? `${named.line.text} ${named.next.text}` : named.line.text;
}

/** The header and heading lines above the lead, one per line. */
function headings(lines: readonly Line[], roles: readonly LineRole[]): string {
  return lines
    .filter((_, i) => roles[i] === 'heading' || roles[i] === 'header')
    .map((l) => l.text)
    .join('\n');
}

function firstFound<T>(texts: readonly string[], find: (text: string) => T | undefined): T | null {
  for (const text of texts) {
    const found = find(text);
    if (found !== undefined) return found;
  }
  return null;
}

function isResolutionOfSession(title: string | null, headingText: string): boolean {
  return (
    /^nghi quyet\b/.test(foldKeepingOffsets(title ?? '')) &&
    /\b(?:ky hop|phien hop|hoi nghi)\b/.test(foldKeepingOffsets(headingText))
  );
}

/** The reader's title, unless it is a bare "NGHỊ QUYẾT" the text continues on the next line. */
function chooseTitle(fromReader: string | null, fromText: string | null): string | null {
  if (!fromReader) return fromText;
  const continued = fromText !== null && fromText.length > fromReader.length && fromText.startsWith(fromReader);
  return continued && isOnlyDocumentType(foldKeepingOffsets(fromReader)) ? fromText : fromReader;
}

function isOnlyDocumentType(folded: string): boolean {
  return DOCUMENT_TYPE.test(folded) && countWords(folded) <= 3;
}

/** The lead paragraph and the one after it: where a news item says who met and when. */
function leadScope(lines: readonly Line[], roles: readonly LineRole[]): { text: string; start: number; end: number } {
  const at = roles.indexOf('lead');
  if (at < 0) return { text: '', start: 0, end: 0 };
  const first = lines[at];
  const second = lines[at + 1];
  if (!first) return { text: '', start: 0, end: 0 };
  const last = second && !/^\p{Lu}[\p{Lu}\s\d.,:-]*$/u.test(second.text) ? second : first;
  return { text: [first.text, last === first ? '' : last.text].join('\n').trim(), start: first.start, end: last.end };
}

// ---------------------------------------------------------------------------------------------
// Dates

function publishedFromHint(hint: string | undefined, warnings: string[]): string | null {
  if (!hint?.trim()) return null;
  const date = parseDate(hint);
  if (!date) warnings.push(`published date hint "${hint.trim()}" is not a date`);
  return date;
}

// Where news addresses carry the day they were published: "/2021/06/10/", "-20160701125107954.htm"
// (the day and a time stamp), and only the month: "/202106/", "/2021/06/". Years from 2000 on.
const DAY_IN_ADDRESS = [
  /\/(20\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/.?#-]|$)/,
  /\D(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4,}(?=\D|$)/,
];
const MONTH_IN_ADDRESS = /\/(20\d\d)\/?(0[1-9]|1[0-2])\//;

/**
 * The publication date a web address states, if any: a full day, or only its month (then the
 * month's last day bounds the meeting's year). Only the path is read; a host has no dates.
 */
function dateInAddress(source: string): { date: string | null; monthEnd: string } | null {
  let address: URL;
  try {
    address = new URL(source);
  } catch {
    return null;
  }
  const path = `${address.pathname}${address.search}`;
  const latestYear = new Date().getFullYear() + 1;
  for (const pattern of DAY_IN_ADDRESS) {
    const m = pattern.exec(path);
    if (!m || Number(m[1]) > latestYear) continue;
    const date = parseDate(`${m[3]}/${m[2]}/${m[1]}`);
    if (date) return { date, monthEnd: date };
  }
  const month = MONTH_IN_ADDRESS.exec(path);
  if (!month || Number(month[1]) > latestYear) return null;
  const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return { date: null, monthEnd: `${month[1]}-${month[2]}-${String(last).padStart(2, '0')}` };
}

function sourceLine(lines: readonly Line[], roles: readonly LineRole[]): string | null {
  const line = lines.find((_, i) => roles[i] === 'source');
  return line ? (SOURCE_LINE.exec(line.text)?.[1] ?? null) : null;
}

function findPublishedDate(lines: readonly Line[], roles: readonly LineRole[]): string | null {
  const line = lines.find((_, i) => roles[i] === 'dateline');
  return line ? parseDate(line.text) : null;
}

function findDocumentDate(lines: readonly Line[], roles: readonly LineRole[]): string | null {
  const line = lines.find((_, i) => roles[i] === 'placeDate');
  return line ? parseDate(line.text) : null;
}

/** Years the document states, those near the top first. */
function statedYears(focus: string, text: string): number[] {
  const years: number[] = [];
  const planned: number[] = [];
  for (const part of [focus, text]) {
    for (const d of findDates(part)) if (d.first.year !== null) years.push(d.first.year);
    for (const p of findPeriods(part))
      if (p.year !== null) (isPlannedYear(part, p.start) ? planned : years).push(p.year);
  }
  // A term's years bound its meetings ("khóa XVIII, nhiệm kỳ 2025 - 2030"), its first year first;
  // a year a plan is for ("chương trình công tác năm 2026") is often the next one, so it comes last.
  const term = findTerm(focus)?.years ?? findTerm(text)?.years;
  if (term) for (let year = term[0]; year <= term[1]; year++) years.push(year);
  return [...new Set([...years, ...planned])];
}

/** The month a session is for: a month named right after the session words, in the title or else the lead. */
function findSessionMonth(title: string | null, lead: string): { month: number; year: number | null } | null {
  for (const part of [title ?? '', lead]) {
    const periods = findPeriods(part);
    // Finding the periods folded the text already.
    const { folded } = foldForMatching(part);
    for (const p of periods) {
      if (p.kind !== 'month') continue;
      if (SESSION_BEFORE_MONTH.test(folded.slice(Math.max(0, p.start - 60), p.start)))
        return { month: p.month, year: p.year };
    }
  }
  return null;
}

/**
 * When the meeting sat: the best-attested date of the title and lead — one said with "sáng"/"chiều"
 * or in a sentence about meeting — else such a date anywhere in the body. Deadlines are never it.
 */
function findMeeting(
  text: string,
  lines: readonly Line[],
  roles: readonly LineRole[],
  title: string | null,
  lead: { start: number; end: number },
): DateMention | null {
  const datelines = lines.filter((_, i) => roles[i] === 'dateline' || roles[i] === 'placeDate');
  const inText = findDates(text).filter((d) => !datelines.some((l) => d.start >= l.start && d.end <= l.end));
  const best = (folded: string, dates: readonly DateMention[], minimum: number): DateMention | null => {
    let chosen: { date: DateMention; score: number } | null = null;
    for (const date of dates) {
      const score = meetingScore(folded, date);
      if (score >= minimum && (!chosen || score > chosen.score)) chosen = { date, score };
    }
    return chosen?.date ?? null;
  };
  // Finding the dates folded the text already.
  const foldedText = foldForMatching(text).folded;
  return (
    best(foldKeepingOffsets(title ?? ''), findDates(title ?? ''), 2) ??
    best(
      foldedText,
      inText.filter((d) => d.start >= lead.start && d.end <= lead.end),
      2,
    ) ??
    best(
      foldedText,
      inText.filter((d) => d.start >= lead.end),
      5,
    )
  );
}

// Where a clause ends in folded text: a sentence mark, not the dot of a unit's abbreviation
// ("HĐND TX. Giá Rai", "UBND TP. Vinh"), or a line break.
const CLAUSE_END = /(?<!\b(?:tp|tx|tt))[.!?;](?:\s|$)|\n/g;

/**
 * How surely a date is the meeting's: said with "sáng"/"chiều" (3), in a sentence about meeting (2),
 * introduced as a date (1). `folded` is the text the date was found in, folded with its offsets kept.
 */
function meetingScore(folded: string, date: DateMention): number {
  if (NOT_MEETING_BEFORE.test(date.before)) return 0;
  const before = folded.slice(Math.max(0, date.start - 150), date.start);
  const clauseStart = Math.max(0, ...[...before.matchAll(CLAUSE_END)].map((m) => m.index + m[0].length));
  const sentence = `${before.slice(clauseStart)} ${folded.slice(date.end, date.end + 150).split(CLAUSE_END)[0] ?? ''}`;
  if (DOCUMENT_REFERENCE.test(before.slice(clauseStart))) return 0;
  const aboutMeeting = MEETING_WORDS.test(sentence);
  if (!date.partOfDay && !aboutMeeting) return 0;
  return (date.partOfDay ? 3 : 0) + (aboutMeeting ? 2 : 0) + (date.cued ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Body

/**
 * The issuing body, with its place taken from the report's web address when the text names none
 * ("HĐND tỉnh" on hdndtuyenquang.gov.vn is HĐND tỉnh Tuyên Quang): portals name their council in
 * their header and address, not in every article.
 */
function bodyFound(text: string, title: string | null, source: string): { name: string; aliases: string[] } | null {
  const found = findIssuingBody(text, title);
  if (!found) return null;
  const place = found.place ?? (found.unitType ? placeInAddress(source, found.unitType) : null);
  const body = place === found.place ? found : { ...found, place, name: bodyName({ ...found, place }) };
  return { name: body.name, aliases: bodyAliases(body) };
}
