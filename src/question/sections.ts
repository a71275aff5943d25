// Which part of a report a question asks for: the conclusion, the opinions, the assessment, the decisions, the opening (when it met, who chaired).
import type { SectionLabel } from '../store/index.ts';
import type { Span } from './types.ts';

// Folded cue phrases of a question: which part of a report it asks for.
const SECTION_CUES: ReadonlyArray<[SectionLabel, RegExp]> = [
  ['conclusion', /\b(?:ket\s+luan|chi\s+dao|yeu\s+cau)\b/g],
  ['opinions', /\b(?:de\s+xuat|kien\s+nghi|y\s+kien|de\s+nghi|gop\s+y|thao\s+luan|chat\s+van)\b/g],
  ['assessment', /\b(?:danh\s+gia|ket\s+qua|tinh\s+hinh|nhan\s+xet)\b/g],
  ['decisions', /\b(?:nghi\s+quyet|thong\s+qua|bieu\s+quyet|quyet\s+nghi|quyet\s+dinh)\b/g],
];

// "When did it meet?", "who chaired?": the report's opening states the day and the chair.
const WHEN_WORDS =
  /\b(?:khi nao|ngay nao|hom nao|bao gio|luc nao|buoi nao|thoi gian nao|when|what date|which day|what day)\b/;
const MEETING_WORDS = /\b(?:hop|phien|ky hop|dien ra|to chuc|khai mac|meet|meeting|met|session|held|sitting)\b/;
const CHAIR_WORDS = /\b(?:chu tri|chaired|chair)\b/;
// "By what date", "trước ngày nào", "hạn": a deadline the meeting set, not the day it sat.
const DEADLINE_WORDS = /\b(?:by (?:when|what date|which date|what day)|deadline|truoc ngay nao|han chot|thoi han)\b/;
// Only these name the meeting itself: "tổ chức", "diễn ra" or "held" also ask when an election or a ceremony took place.
const MEETING_NOUNS = /\b(?:hop|phien|khai mac|be mac|meet|meeting|met|session|sitting)\b/;

export function findSections(foldedText: string): { sections: SectionLabel[]; spans: Span[]; asksWhenHeld: boolean } {
  const hits: Array<{ label: SectionLabel; at: number; end: number }> = [];
  for (const [label, cue] of SECTION_CUES) {
    for (const m of foldedText.matchAll(cue)) hits.push({ label, at: m.index, end: m.index + m[0].length });
  }
  const asksWhen = WHEN_WORDS.exec(foldedText);
  if (asksWhen && MEETING_WORDS.test(foldedText))
    hits.push({ label: 'opening', at: asksWhen.index, end: asksWhen.index });
  const asksWhenHeld = asksWhen !== null && MEETING_NOUNS.test(foldedText) && !DEADLINE_WORDS.test(foldedText);
  const asksWhoChaired = CHAIR_WORDS.exec(foldedText);
  if (asksWhoChaired) hits.push({ label: 'opening', at: asksWhoChaired.index, end: asksWhoChaired.index });
  hits.sort((a, b) => a.at - b.at);
  return {
    sections: [...new Set(hits.map((h) => h.label))],
    spans: hits.map((h): Span => [h.at, h.end]),
    asksWhenHeld,
  };
}
