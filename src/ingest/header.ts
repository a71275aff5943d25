import { vietnameseDate, vietnameseMonth } from '../text/index.ts';
import type { ReportMetadata } from './types.ts';

/**
 * The short context line stored with every chunk ("BTV Thị ủy Từ Sơn · phiên họp thường kỳ
 * tháng 9/2021 · họp ngày 6/10/2021"): embedded with the passage so a passage that never names
 * its body or month still matches questions about them, and shown with citations.
 */
export function contextHeader(metadata: ReportMetadata): string {
  const parts: string[] = [];
  if (metadata.body) parts.push(metadata.body);
  const session = sessionPhrase(metadata);
  if (session) parts.push(session);
  if (metadata.meetingDate) {
    const end =
      metadata.meetingEndDate && metadata.meetingEndDate !== metadata.meetingDate ? metadata.meetingEndDate : null;
    parts.push(
      end
        ? `họp từ ${vietnameseDate(metadata.meetingDate)} đến ${vietnameseDate(end)}`
        : `họp ngày ${vietnameseDate(metadata.meetingDate)}`,
    );
  } else if (metadata.documentDate) {
    parts.push(`ngày ${vietnameseDate(metadata.documentDate)}`);
  } else if (metadata.publishedDate) {
    parts.push(`đăng ngày ${vietnameseDate(metadata.publishedDate)}`);
  }
  if (parts.length === 0 && metadata.title) parts.push(metadata.title);
  return parts.join(' · ');
}

function sessionPhrase(metadata: ReportMetadata): string | null {
  const words: string[] = [];
  if (metadata.sessionNumber !== null) words.push(`kỳ họp thứ ${metadata.sessionNumber}`);
  else words.push('phiên họp');
  if (metadata.sessionKind) words.push(metadata.sessionKind);
  if (metadata.sessionMonth) words.push(`tháng ${vietnameseMonth(metadata.sessionMonth)}`);
  return words.length > 1 || metadata.sessionNumber !== null ? words.join(' ') : null;
}
