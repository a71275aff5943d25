import { countWords, splitSentences } from '../text/index.ts';
import { closingMatterStart, isDateline, isHeaderBoilerplate, officialHeaderEnd } from './boilerplate.ts';
import { sectionCue, type SectionLabel } from './sections.ts';

/** How reports are cut into chunks. */
export interface ChunkOptions {
  /** Size a chunk aims for, in words; a chunk only exceeds it when one sentence does. */
  targetWords: number;
  /** Sentences repeated at the start of the next chunk when a paragraph is cut by size. */
  overlapSentences: number;
}

/** One passage of a report: whole sentences, offsets into the report's normalised text. */
export interface Chunk {
  ordinal: number;
  start: number;
  end: number;
  section: SectionLabel | null;
  text: string;
}

interface Unit {
  start: number;
  end: number;
  words: number;
  paragraph: number;
  section: SectionLabel;
  /** Form, not content (mottos, datelines, distribution lists): never part of a chunk. */
  skip: boolean;
}

// A paragraph break is a good place to cut once the chunk has most of its size.
const PARAGRAPH_CUT_SHARE = 0.6;
// A tail this small is merged into the chunk before it rather than left on its own.
const TAIL_MERGE_SHARE = 0.3;

/**
 * Cuts normalised report text into chunks along its structure: sentence boundaries are never
 * cut, paragraph boundaries are preferred, a section change always starts a new chunk, and
 * the form of official notices (two-column header, distribution list, signatures) is left out.
 */
export function chunkText(text: string, options: ChunkOptions): Chunk[] {
  const units = sentenceUnits(text);
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let currentWords = 0;
  const flush = (): void => {
    if (current.length > 0) groups.push(current);
    current = [];
    currentWords = 0;
  };
  for (const unit of units) {
    if (unit.skip) {
      flush();
      continue;
    }
    const last = current[current.length - 1];
    if (last) {
      const sectionChanges = unit.section !== last.section;
      const newParagraph = unit.paragraph !== last.paragraph;
      const tooBig = currentWords + unit.words > options.targetWords;
      const goodParagraphCut = newParagraph && currentWords >= options.targetWords * PARAGRAPH_CUT_SHARE;
      if (sectionChanges || tooBig || goodParagraphCut) {
        const carried = sectionChanges || newParagraph ? [] : overlap(current, options);
        flush();
        current = carried;
        currentWords = carried.reduce((sum, u) => sum + u.words, 0);
      }
    }
    current.push(unit);
    currentWords += unit.words;
  }
  flush();
  return mergeSmallTails(groups, options).map((group, ordinal) => {
    const first = group[0] as Unit;
    const lastUnit = group[group.length - 1] as Unit;
    return {
      ordinal,
      start: first.start,
      end: lastUnit.end,
      section: first.section,
      text: text.slice(first.start, lastUnit.end),
    };
  });
}

function overlap(current: Unit[], options: ChunkOptions): Unit[] {
  if (options.overlapSentences <= 0) return [];
  const tail = current.slice(-options.overlapSentences);
  // Carrying over most of a chunk would make two near-identical passages.
  const tailWords = tail.reduce((sum, u) => sum + u.words, 0);
  return tail.length < current.length && tailWords <= options.targetWords / 3 ? tail : [];
}

function mergeSmallTails(groups: Unit[][], options: ChunkOptions): Unit[][] {
  const merged: Unit[][] = [];
  for (const group of groups) {
    const previous = merged[merged.length - 1];
    const words = group.reduce((sum, u) => sum + u.words, 0);
    const previousLast = previous?.[previous.length - 1];
    const first = group[0] as Unit;
    const contiguous =
      previousLast !== undefined &&
      previousLast.section === first.section &&
      previousLast.paragraph === first.paragraph &&
      // Overlapped sentences are already in the previous group.
      first.start >= previousLast.start;
    if (previous && contiguous && words < options.targetWords * TAIL_MERGE_SHARE) {
      for (const unit of group) if (unit.start > (previous[previous.length - 1] as Unit).start) previous.push(unit);
    } else {
      merged.push(group);
    }
  }
  return merged;
}

function sentenceUnits(text: string): Unit[] {
  const contentStart = officialHeaderEnd(text);
  const contentEnd = closingMatterStart(text);
  const paragraphs = paragraphSpans(text);
  const units: Unit[] = [];
  let paragraphIndex = 0;
  let section: SectionLabel = 'opening';
  let sectionOfParagraph = -1;
  for (const sentence of splitSentences(text)) {
    while (paragraphIndex < paragraphs.length - 1 && sentence.start >= (paragraphs[paragraphIndex] as Span).end) {
      paragraphIndex++;
    }
    if (sectionOfParagraph !== paragraphIndex) {
      const paragraph = paragraphs[paragraphIndex] as Span;
      section = sectionCue(text.slice(paragraph.start, paragraph.end)) ?? section;
      sectionOfParagraph = paragraphIndex;
    }
    const sentenceText = text.slice(sentence.start, sentence.end);
    units.push({
      start: sentence.start,
      end: sentence.end,
      words: countWords(sentenceText),
      paragraph: paragraphIndex,
      section,
      skip: sentence.start < contentStart || sentence.start >= contentEnd || isFormLine(sentenceText),
    });
  }
  return units;
}

function isFormLine(sentence: string): boolean {
  return sentence.split('\n').every((line) => isHeaderBoilerplate(line) || isDateline(line));
}

interface Span {
  start: number;
  end: number;
}

function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}
