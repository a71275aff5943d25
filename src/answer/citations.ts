import type { RankedPassage } from '../retrieve/index.ts';
import { matchingText, splitSentences } from '../text/index.ts';
import type { Citation, DraftAnswer } from './types.ts';

/** Longest quote a citation carries. */
export const MAX_QUOTE_CHARS = 300;

/** A draft whose citations were checked: text renumbered [1..m] in order of first use. */
export interface CheckedAnswer {
  text: string;
  citations: Citation[];
}

/**
 * Keeps only citations a reader can check: a marker must point at a passage that was retrieved
 * for this question, and its quote must be found in that passage (a quote the answerer got
 * wrong is replaced by the passage sentence closest to the claim). Markers pointing nowhere are
 * removed; the rest are renumbered in order of first use.
 */
export function checkCitations(draft: DraftAnswer, passages: readonly RankedPassage[]): CheckedAnswer {
  const renumbered = new Map<number, number>();
  const citations: Citation[] = [];
  const text = draft.text
    .replace(/\s*\[(\d+)\]/g, (marker, digits: string, offset: number) => {
      const n = Number(digits);
      const passage = passages[n - 1];
      if (!passage) return '';
      let number = renumbered.get(n);
      if (number === undefined) {
        number = citations.length + 1;
        renumbered.set(n, number);
        const claim = claimBefore(draft.text, offset);
        citations.push(citationOf(number, passage, verifiedQuote(draft.quotes.get(n), passage, claim)));
      }
      return `${marker.match(/^\s*/)?.[0] ?? ''}[${number}]`;
    })
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .trim();
  return { text, citations };
}

function citationOf(n: number, passage: RankedPassage, quote: string): Citation {
  const report = passage.report;
  return {
    n,
    chunkId: passage.id,
    reportId: passage.reportId,
    title: report.title ?? report.body ?? passage.header,
    date: report.meetingDate ?? report.documentDate ?? report.publishedDate,
    body: report.body,
    sessionMonth: report.sessionMonth,
    meetingDate: report.meetingDate,
    publishedDate: report.publishedDate,
    source: report.source,
    sample: report.sample,
    quote,
  };
}

/** The sentence of the draft that a marker at `offset` closes. */
function claimBefore(text: string, offset: number): string {
  // "… VietGap. [1]": the claim is the sentence the marker follows, its full stop included.
  const before = text.slice(0, offset).replace(/[\s.!?]+$/, '');
  const start = Math.max(before.lastIndexOf('\n'), before.search(/[.!?][^.!?]*$/));
  return before.slice(start + 1);
}

/** The answerer's quote when the passage really contains it, else the passage sentence nearest the claim. */
function verifiedQuote(quote: string | undefined, passage: RankedPassage, claim: string): string {
  const cleaned = quote?.replace(/\s+/g, ' ').trim();
  if (cleaned && passage.text.replace(/\s+/g, ' ').includes(cleaned)) return clip(cleaned);
  const claimTerms = new Set(matchingText(claim).split(' '));
  let best = { overlap: -1, sentence: passage.text };
  for (const span of splitSentences(passage.text)) {
    const sentence = passage.text.slice(span.start, span.end);
    const overlap = matchingText(sentence)
      .split(' ')
      .filter((term) => claimTerms.has(term)).length;
    if (overlap > best.overlap) best = { overlap, sentence };
  }
  return clip(best.sentence.replace(/\s+/g, ' ').trim());
}

/** A quote of at most MAX_QUOTE_CHARS, cut at a word boundary so it stays a verbatim prefix. */
export function clip(quote: string): string {
  if (quote.length <= MAX_QUOTE_CHARS) return quote;
  const cut = quote.slice(0, MAX_QUOTE_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > MAX_QUOTE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
}
