// The broad question a citizen asks most about a meeting: "bàn về vấn đề gì?", "có nội dung gì?",
// "tóm tắt phiên họp", "what was discussed?". It asks for the session's main points, not for one
// detail, so its cue words are no topic the passages must hold.
import type { Question, Span } from './types.ts';

// Folded. A question about what a meeting covered, in the words people use for it.
const OVERVIEW_CUES = new RegExp(
  [
    String.raw`\b(?:ban|thao luan|xem xet|thong qua|de cap|cho y kien)(?: ve)?(?: (?:nhung|cac))? (?:van de|noi dung|viec)(?: (?:chinh|chu yeu|quan trong|gi|nao))*\b`,
    String.raw`\b(?:co|gom|voi) (?:nhung |cac )?noi dung (?:chinh |chu yeu )?(?:gi|nao)\b`,
    String.raw`\bnoi dung (?:chinh|chu yeu)\b`,
    String.raw`\b(?:nhung|cac) noi dung (?:gi|nao)\b`,
    String.raw`\b(?:ban|thao luan) (?:ve )?(?:nhung )?gi\b`,
    String.raw`\bco gi (?:moi|dang chu y|dac biet)\b`,
    // What a body did over a period, and which meetings it held: answered by its sessions.
    String.raw`\bda lam (?:duoc )?(?:nhung )?(?:(?:cong )?viec )?gi\b`,
    String.raw`\bhoat dong (?:gi|nhu the nao|ra sao)\b`,
    String.raw`\b(?:co|hop|to chuc)(?: (?:nhung|cac))? (?:ky hop|phien hop|cuoc hop|hoi nghi|phien|ky) (?:nao|gi)\b`,
    String.raw`\btom tat\b`,
    String.raw`\bdien bien\b`,
    String.raw`\bwhat (?:was|were|did they|did it|did the \w+(?: \w+)?) (?:discuss(?:ed)?|cover(?:ed)?|decide(?:d)?|happen(?:ed)?)\b`,
    String.raw`\bwhat happened at\b`,
    String.raw`\bwhat did (?:the )?[\w' ]{0,60}? do\b`,
    String.raw`\b(?:which|what) (?:sessions|meetings)\b`,
    String.raw`\bsummari[sz]e\b|\bsummary of\b|\bmain (?:points|topics|issues)\b`,
  ].join('|'),
  'g',
);

/** Where a folded question asks for the main points of a meeting; empty when it does not. */
export function overviewCues(folded: string): Span[] {
  return [...folded.matchAll(OVERVIEW_CUES)].map((m): Span => [m.index, m.index + m[0].length]);
}

/** A question for a meeting's main points that names no subject of its own ("bàn về vấn đề gì?"). */
export function isOverview(question: Question): boolean {
  return question.overview === true && question.topicWords.length === 0;
}

/**
 * A broad question about a body over a year or a span of months, naming no one session ("HĐND
 * phường X năm 2023 đã làm gì?", "có những kỳ họp nào?"): answered by its sessions, one line each.
 */
export function isSessionList(question: Question): boolean {
  const { period } = question;
  if (!isOverview(question) || question.body === null || question.sessionNumber !== null || question.latest)
    return false;
  return period !== null && period.months.filter((month) => !month.startsWith('*')).length !== 1;
}
