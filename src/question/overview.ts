// The broad question a citizen asks most about a meeting: "bàn về vấn đề gì?", "có nội dung gì?",
// "tóm tắt phiên họp", "what was discussed?". It asks for the session's main points, not for one
// detail, so its cue words are no topic the passages must hold.
import type { Span } from './types.ts';

// Folded. A question about what a meeting covered, in the words people use for it.
const OVERVIEW_CUES = new RegExp(
  [
    String.raw`\b(?:ban|thao luan|xem xet|thong qua|de cap|cho y kien)(?: ve)?(?: (?:nhung|cac))? (?:van de|noi dung|viec)(?: (?:chinh|chu yeu|quan trong|gi|nao))*\b`,
    String.raw`\b(?:co|gom|voi) (?:nhung |cac )?noi dung (?:chinh |chu yeu )?(?:gi|nao)\b`,
    String.raw`\bnoi dung (?:chinh|chu yeu)\b`,
    String.raw`\b(?:nhung|cac) noi dung (?:gi|nao)\b`,
    String.raw`\b(?:ban|thao luan) (?:ve )?(?:nhung )?gi\b`,
    String.raw`\bco gi (?:moi|dang chu y|dac biet)\b`,
    String.raw`\btom tat\b`,
    String.raw`\bdien bien\b`,
    String.raw`\bwhat (?:was|were|did they|did it|did the \w+(?: \w+)?) (?:discuss(?:ed)?|cover(?:ed)?|decide(?:d)?|happen(?:ed)?)\b`,
    String.raw`\bwhat happened at\b`,
    String.raw`\bsummari[sz]e\b|\bsummary of\b|\bmain (?:points|topics|issues)\b`,
  ].join('|'),
  'g',
);

/** Where a folded question asks for the main points of a meeting; empty when it does not. */
export function overviewCues(folded: string): Span[] {
  return [...folded.matchAll(OVERVIEW_CUES)].map((m): Span => [m.index, m.index + m[0].length]);
}
