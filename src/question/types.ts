// The value question understanding produces, which retrieval and answering read.
import type { SectionLabel } from '../store/index.ts';

export type QuestionLanguage = 'vi' | 'vi-plain' | 'en'; // vi-plain = Vietnamese typed without diacritics

export interface PeriodFilter {
  /** Session months the question names, "YYYY-MM"; a month without a year is "*-MM". */
  months: string[];
  /** A year the question names without a month ("năm 2022", "in 2022"). */
  year: number | null;
  /** Human label for messages: "tháng 9/2021", "quý III năm 2022", "September 2021". */
  label: string;
}

/** A citizen's question as understood: what retrieval filters and searches by, and what an answer must state. */
export interface Question {
  /** As asked. */
  text: string;
  normalized: string;
  language: QuestionLanguage;
  /** Vietnamese text to match lexically and to embed: the normalised question, or for English the glossary translation plus any remaining words (numbers, names). */
  searchText: string;
  period: PeriodFilter | null;
  /** Issuing body the question names, canonical ("HĐND thành phố Từ Sơn"), with its aliases; or a generic organ when no place is named ("HĐND", "Thị ủy", "UBND") as `organ`. */
  body: { name: string | null; organ: string; aliases: string[] } | null;
  sessionKind: string | null;
  sessionNumber: number | null;
  /** Sections the question points at, in the order it names them. */
  sections: SectionLabel[];
  /** The question asks when a meeting was held ("họp ngày nào", "when did the council meet"); absent means no. */
  asksWhenHeld?: boolean;
  /** The question asks about the newest session of what it names ("phiên họp gần đây nhất", "the latest session"); absent means no. */
  latest?: boolean;
  /**
   * Months ("YYYY-MM") the question dates what it asks about by, not its session: "by late
   * October 2021", "đến cuối tháng 6/2022", and the last month of a span a review covers ("9 tháng
   * đầu năm 2021" → 2021-09). Reports of those months (or the next) rank a little higher.
   */
  datedMonths?: string[];
  /** Content terms (folded) left once period, body, session and question words are taken out: what the question is about. */
  topicTerms: string[];
  /** The same syllables grouped into the words they form where they stand together ("cau vuot", "duong sat"), folded. */
  topicWords: string[];
  /** The question asks for the main points of a meeting ("bàn về vấn đề gì?", "tóm tắt", "what was discussed?"); absent means no. */
  overview?: boolean;
  /** What the question asks the reports to state: an amount, a share, a count, a day, who; names and numbered documents. */
  asked: Asked;
  /** What kind of sentence answers it best, by its question words; see `Wants`. */
  wants: Wants;
}

/**
 * What kind of report sentence answers a question best, by its question words: one with a figure
 * ("bao nhiêu", "how many"), a date ("khi nào", "when") or a person ("ai", "who"). The answerer
 * prefers such sentences; it does not refuse without one (that is `Asked`).
 */
export interface Wants {
  kinds: Array<'figure' | 'date' | 'person'>;
  /** Folded question words that only frame the question ("ngay", "nao"), left out of its topic. */
  framing: string[];
}

/** Where a phrase sits in the question: [start, end). */
export type Span = readonly [start: number, end: number];

/** Whether span `a` overlaps any of `spans`. */
export function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some(([s, e]) => a[0] < e && s < a[1]);
}

/**
 * The kinds of answer a question can ask for: `money` (an amount in đồng), `percent` (a share),
 * `figure` (any number that is not a date), `day` (a calendar day), `time` (a day, month,
 * quarter or year), `agent` (a person, an office or an organisation: "ai", "who").
 */
export type AnswerKind = 'money' | 'percent' | 'figure' | 'day' | 'time' | 'agent';

/** One thing a question word asks for ("bao nhiêu ca sốt xuất huyết", "khi nào", "how many"). */
export interface Ask {
  kind: AnswerKind;
  /**
   * Folded words saying what is counted ("bao nhiêu ca sốt xuất huyết" → ca, sot) or, for an
   * agent, which role or organisation is asked about ("ai trúng cử" → trung, cu; "công ty nào").
   */
  counted: string[];
  /** Folded words the answering sentence must say, "|" between alternatives: the election a "bầu ai làm ..." asks about. */
  required?: string[];
}

/** What a question asks the reports to state. */
export interface Asked {
  /** One per question word that asks for something, in order. */
  asks: Ask[];
  /** Years the question is about, besides those of a session month retrieval already filtered on. */
  years: number[];
  /** Proper names the question uses, folded ("trang ha", "den do"). */
  names: string[];
  /** Wards, communes and townships the question names with their unit word ("phường Phù Khê" → "phu khe"), folded. */
  localities: string[];
  /** Numbered documents the question names ("Nghị quyết 25", "KH 94"). */
  documents: NumberedDocument[];
}

/** A document named by its type and number. */
export interface NumberedDocument {
  /** How reports write its type, folded: in full, then abbreviated ("nghi quyet", "nq"). */
  type: readonly string[];
  number: string;
}
