import { foldText } from '../text/index.ts';

import type { SectionLabel } from '../store/index.ts';

export type { SectionLabel } from '../store/index.ts';

// Cues are matched on the folded start of a paragraph, where official writing announces what
// follows ("Kết luận tại phiên họp, ...", "Tiếp đó, BTV đã cho ý kiến ...", "II. ĐÁNH GIÁ ...").
const CUES: ReadonlyArray<[SectionLabel, RegExp]> = [
  // "Thông báo kết luận" names a document type (the title), not the conclusion section.
  ['conclusion', /\b((?<!thong bao )ket luan|phat bieu chi dao|be mac)\b/],
  ['decisions', /\b(bieu quyet|thong qua (cac |ban )?nghi quyet|nghi quyet (ky hop|phien hop)|quyet nghi)\b/],
  [
    'opinions',
    /\b(cho y kien|thao luan|gop y|y kien (dong gop|cua cac)|cac dong chi .{0,40}\b(da|deu|tap trung)|dai bieu .{0,30}(chat van|phat bieu)|chat van|tra loi chat van)\b/,
  ],
  [
    'assessment',
    /\b(danh gia|ket qua (thuc hien|dat duoc)|tinh hinh (thuc hien|kinh te)|bao cao (tinh hinh|ket qua)|nghe bao cao)\b/,
  ],
];

// How far into a paragraph a cue may sit: a lead-in such as "Trong phiên họp kỳ này, BTV Thị ủy
// đã dành nhiều thời gian đánh giá ..." puts it fifteen words in.
const CUE_WINDOW_WORDS = 20;

/**
 * The section a paragraph opens, or undefined when it continues the current one.
 * Only the paragraph's first words count, and the earliest cue wins: "đã cho ý kiến vào các báo
 * cáo tình hình ..." is about opinions, though an assessment phrase follows.
 */
export function sectionCue(paragraph: string): SectionLabel | undefined {
  const start = foldText(openingWords(paragraph)).split(/\s+/).slice(0, CUE_WINDOW_WORDS).join(' ');
  let earliest: { label: SectionLabel; at: number } | undefined;
  for (const [label, cue] of CUES) {
    const at = start.search(cue);
    if (at >= 0 && (earliest === undefined || at < earliest.at)) earliest = { label, at };
  }
  return earliest?.label;
}

/** The paragraph up to the whitespace after its first CUE_WINDOW_WORDS words: folding keeps word breaks, so only these need folding. */
function openingWords(paragraph: string): string {
  const gaps = /\s+/g;
  for (let count = 0; gaps.exec(paragraph); count++) {
    if (count + 1 === CUE_WINDOW_WORDS) return paragraph.slice(0, gaps.lastIndex);
  }
  return paragraph;
}
