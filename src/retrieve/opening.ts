// A report's own words, for the filters its metadata does not satisfy: what its title and lead
// state (bodies, months, years, session number and kind), read once per report.
import type { Question } from '../question/index.ts';
import type { ReportSummary } from '../store/index.ts';
import {
  bodyAliases,
  findBodies,
  findDates,
  findPeriods,
  findSessionKind,
  findSessionNumber,
  findSessionNumbers,
  findTerm,
  foldText,
  namesSessionKind,
  type SessionKind,
} from '../text/index.ts';
import { bodyMatches, type NamedBody } from './issuers.ts';

/** A report's own words that say what it is: its title, and the opening of its text. */
export interface ReportOpening {
  title: string;
  lead: string;
  /** The report's whole text: read only for a standing office's meeting that prepares sessions (see `namesInOpening`). */
  text: string;
}

/** What a report's title and lead state: the bodies they name, months and years, session number and kind. */
interface OpeningFacts {
  // Read-only: each is read from the opening on first use.
  /** Bodies named in the title; with those of the lead, for reports whose body was not read. */
  titleBodies: NamedBody[];
  leadBodies: NamedBody[];
  /** Months ("YYYY-MM") of the periods and dates named in title and lead. */
  months: Set<string>;
  years: Set<number>;
  /** The council's term its opening names ("nhiệm kỳ 2016-2021"): a report dated by nothing else is of one of its years. */
  term: readonly [number, number] | null;
  sessionNumber: number | null;
  /** Every session number named, and whether the meeting prepares a council session ("chuẩn bị kỳ họp thứ 8"). */
  sessionNumbers: number[];
  prepares: boolean;
  /** Title and lead folded, with a space each side. */
  folded: string;
  sessionKind: string | null;
}

// A meeting that prepares a council session: "chuẩn bị (nội dung) kỳ họp", "dự kiến ... kỳ họp",
// "thống nhất nội dung, chương trình kỳ họp".
const PREPARES_SESSION =
  /\b(?:chuan bi|du kien|thong nhat (?:noi dung|chuong trinh)|chuong trinh)\b[^.]{0,80}\bky hop\b/;

/** A council's standing office, whose meetings prepare the council's sessions. */
function isStandingOffice(report: ReportSummary): boolean {
  return /^thường trực /i.test(report.body ?? '');
}

// What openings state, read once per opening (the catalog keeps one opening per report).
const openingFactsCache = new WeakMap<ReportOpening, OpeningFacts>();
const titleBodiesCache = new WeakMap<ReportOpening, NamedBody[]>();

const foldedTitles = new WeakMap<ReportOpening, string>();

/** The opening's title folded, with a space each side, for quick whole-word tests. */
function foldedTitleOf(opening: ReportOpening): string {
  let folded = foldedTitles.get(opening);
  if (folded === undefined) foldedTitles.set(opening, (folded = ` ${foldText(opening.title)} `));
  return folded;
}

function bodiesNamed(text: string): NamedBody[] {
  return findBodies(text).map((mention): NamedBody => ({ body: mention.name, bodyAliases: bodyAliases(mention) }));
}

function titleBodiesOf(opening: ReportOpening): NamedBody[] {
  let bodies = titleBodiesCache.get(opening);
  if (!bodies) titleBodiesCache.set(opening, (bodies = bodiesNamed(opening.title)));
  return bodies;
}

function openingFactsOf(opening: ReportOpening): OpeningFacts {
  let found = openingFactsCache.get(opening);
  if (!found) openingFactsCache.set(opening, (found = openingFacts(opening)));
  return found;
}

/**
 * What an opening states, each fact read on first use: the filters test cheap facts first and most
 * reports never need the costly ones (bodies, dates).
 */
function openingFacts(opening: ReportOpening): OpeningFacts {
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, read: () => T): T => {
    if (!memo.has(key)) memo.set(key, read());
    return memo.get(key) as T;
  };
  const text = () => once('text', () => `${opening.title}\n${opening.lead}`);
  const dated = () =>
    once('dated', () => {
      const months = new Set<string>();
      const years = new Set<number>();
      for (const period of findPeriods(text())) {
        if (period.year === null) continue;
        years.add(period.year);
        if (period.kind === 'month') months.add(`${period.year}-${String(period.month).padStart(2, '0')}`);
      }
      for (const date of findDates(text())) {
        if (date.first.year === null) continue;
        years.add(date.first.year);
        months.add(`${date.first.year}-${String(date.first.month).padStart(2, '0')}`);
      }
      return { months, years };
    });
  const folded = () => once('folded', () => ` ${foldText(text()).replace(/\s+/g, ' ')} `);
  return {
    get titleBodies() {
      return titleBodiesOf(opening);
    },
    get leadBodies() {
      return once('leadBodies', () => bodiesNamed(opening.lead));
    },
    get months() {
      return dated().months;
    },
    get years() {
      return dated().years;
    },
    get term() {
      return once('term', () => findTerm(text())?.years ?? null);
    },
    get sessionNumber() {
      return once('sessionNumber', () => findSessionNumber(text())?.value ?? null);
    },
    get sessionNumbers() {
      return once('sessionNumbers', () => findSessionNumbers(text()).map((phrase) => phrase.value));
    },
    get prepares() {
      return once('prepares', () => PREPARES_SESSION.test(folded()));
    },
    get folded() {
      return folded();
    },
    get sessionKind() {
      return once('sessionKind', () => findSessionKind(text())?.value ?? null);
    },
  };
}

/**
 * Whether a report's own words state what a filter asks where its metadata does not: a body its
 * title names (or its lead, when no body was read); a month, year, session number or kind its title
 * or lead names, when the report's metadata left that field empty. A field the metadata did read is
 * not second-guessed by a month or number the text mentions in passing.
 */
export function namesInOpening(
  filter: { field: 'body' | 'period' | 'sessionNumber' | 'sessionKind' },
  plan: Question,
  report: ReportSummary,
  words: ReportOpening,
): boolean {
  // Cheap tests first: this runs over every report when no metadata satisfies a filter.
  switch (filter.field) {
    case 'body': {
      const wanted = plan.body?.name ? [plan.body.name, ...plan.body.aliases] : [];
      if (report.body) {
        // A title that does not spell the place of any wanted name names none of them.
        const title = foldedTitleOf(words);
        if (!wanted.some((name) => title.includes(` ${foldText(name).split(' ').slice(-2).join(' ')} `))) return false;
        return titleBodiesOf(words).some((mentioned) => bodyMatches(wanted, mentioned));
      }
      const opening = openingFactsOf(words);
      return [...opening.titleBodies, ...opening.leadBodies].some((mentioned) => bodyMatches(wanted, mentioned));
    }
    case 'period': {
      const period = plan.period;
      if (!period || report.sessionMonth || report.meetingDate) return false;
      // A report whose meeting day was not read is most likely of the month it was published in.
      const published = report.publishedDate?.slice(0, 7) ?? report.documentDate?.slice(0, 7);
      if (
        published &&
        period.months.some(
          (wanted) => wanted === published || (wanted.startsWith('*-') && published.endsWith(wanted.slice(1))),
        )
      ) {
        return true;
      }
      const opening = openingFactsOf(words);
      const named =
        period.months.length > 0
          ? period.months.some((wanted) =>
              wanted.startsWith('*-')
                ? [...opening.months].some((month) => month.endsWith(wanted.slice(1)))
                : opening.months.has(wanted),
            )
          : period.year !== null && opening.years.has(period.year);
      if (named) return true;
      // A report that states no date of its own, only its council's term, may be of any year of it;
      // one that states none at all cannot be ruled out by a year.
      const term = opening.term;
      const undated = !report.documentDate && !report.publishedDate;
      if (undated && opening.years.size === 0 && term === null && period.months.length === 0) return true;
      const years = period.months.length > 0 ? period.months.map((month) => Number(month.slice(0, 4))) : [period.year];
      return undated && term !== null && years.some((year) => year !== null && year >= term[0] && year <= term[1]);
    }
    case 'sessionNumber': {
      if (report.sessionNumber !== null && !isStandingOffice(report)) return false;
      const opening = openingFactsOf(words);
      if (report.sessionNumber === null) return opening.sessionNumber === plan.sessionNumber;
      // Only a standing office gets here (checked above). Its meeting that prepares a session reports
      // on it too: its number was read as the meeting's own ("phiên họp thứ 20"), the session asked
      // about is the one it prepares.
      return opening.prepares && plan.sessionNumber !== null && opening.sessionNumbers.includes(plan.sessionNumber);
    }
    case 'sessionKind': {
      if (report.sessionKind !== null && !isStandingOffice(report)) return false;
      const opening = openingFactsOf(words);
      if (report.sessionKind === null) return opening.sessionKind === plan.sessionKind;
      // The standing office's meeting that prepares an extraordinary or thematic session speaks of
      // its kind, often past the opening ("sẽ tổ chức hai kỳ họp (kỳ họp chuyên đề và ...)").
      return (
        opening.prepares && plan.sessionKind !== null && namesSessionKind(words.text, plan.sessionKind as SessionKind)
      );
    }
  }
}
