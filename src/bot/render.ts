// Answers, passages and report lists as Telegram HTML messages with their buttons.
import { InlineKeyboard } from 'grammy';
import { describeReport, englishMonth, SAMPLE_LABEL, type Answer } from '../answer/index.ts';
import { newestFirst, type Passage, type ReportSummary } from '../store/index.ts';
import { vietnameseMonth } from '../text/index.ts';
import { encodeButton } from './callback-data.ts';
import { escapeHtml, link, splitMessage } from './html.ts';
import type { BotLanguage, BotTexts } from './texts.ts';

/** One message to send: HTML text and, on the last one, its buttons. */
export interface OutgoingMessage {
  html: string;
  keyboard?: InlineKeyboard;
}

const SOURCE_BUTTONS_PER_ROW = 5;
export const REPORTS_PER_PAGE = 5;

/**
 * The answer as the bot sends it: the text with its [n] markers, a note if any, then the cited
 * reports (linked when a URL is known), split under Telegram's limit; the last message carries
 * a 📄 button per citation and 👍 / 👎.
 */
export function answerMessages(
  answer: Answer,
  questionId: number,
  reportOf: (reportId: string) => ReportSummary | undefined,
  texts: BotTexts,
  language: BotLanguage,
): OutgoingMessage[] {
  const paragraphs = [escapeHtml(answer.answer)];
  if (answer.note) paragraphs.push(`<i>${escapeHtml(answer.note)}</i>`);
  if (answer.citations.length > 0) {
    const markersByReport = new Map<string, number[]>();
    for (const citation of answer.citations)
      markersByReport.set(citation.reportId, [...(markersByReport.get(citation.reportId) ?? []), citation.n]);
    const lines = [...markersByReport].map(([reportId, markers]) => {
      const citation = answer.citations.find((c) => c.reportId === reportId)!;
      const report = reportOf(reportId);
      const described = report ? describeReport(report, language) : (citation.date ?? '');
      const title = link(citation.title, citation.source);
      return `${markers.map((n) => `[${n}]`).join('')} ${title}${described ? ` — ${escapeHtml(described)}` : ''}${sampleMark(citation.sample, language)}`;
    });
    paragraphs.push(`<b>${escapeHtml(texts.sources)}</b>\n${lines.join('\n')}`);
  }
  const keyboard = new InlineKeyboard();
  answer.citations.forEach((citation, i) => {
    if (i > 0 && i % SOURCE_BUTTONS_PER_ROW === 0) keyboard.row();
    keyboard.text(texts.sourceButton(citation.n), encodeButton({ kind: 'source', questionId, n: citation.n }));
  });
  if (answer.citations.length > 0) keyboard.row();
  keyboard
    .text('👍', encodeButton({ kind: 'feedback', questionId, value: 1 }))
    .text('👎', encodeButton({ kind: 'feedback', questionId, value: -1 }));
  return withKeyboardOnLast(splitMessage(paragraphs.join('\n\n')), keyboard);
}

/** A cited passage in full, its report named above it and the quoted sentence in bold. */
export function passageMessages(
  passage: Passage,
  n: number,
  quote: string,
  texts: BotTexts,
  language: BotLanguage,
): OutgoingMessage[] {
  const title = link(passage.report.title ?? passage.header, passage.report.source);
  const described = describeReport(passage.report, language);
  const text = passage.text.replace(/\s+/g, ' ').trim();
  // Quotes are verbatim (whitespace-collapsed) prefixes of a sentence of the passage.
  const at = quote ? text.indexOf(quote) : -1;
  const shown =
    at < 0
      ? escapeHtml(text)
      : `${escapeHtml(text.slice(0, at))}<b>${escapeHtml(quote)}</b>${escapeHtml(text.slice(at + quote.length))}`;
  const head = `<b>${escapeHtml(texts.passageHeading(n))}</b> ${title}${described ? `\n${escapeHtml(described)}` : ''}${sampleMark(passage.report.sample, language)}`;
  return splitMessage(`${head}\n\n<blockquote expandable>${shown}</blockquote>`).map((html) => ({ html }));
}

/** One page of the stored reports, newest first, with ◀ / ▶ buttons. */
export function reportsPage(
  reports: readonly ReportSummary[],
  page: number,
  texts: BotTexts,
  language: BotLanguage,
): OutgoingMessage {
  if (reports.length === 0) return { html: escapeHtml(texts.noReports) };
  const pages = Math.ceil(reports.length / REPORTS_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const lines = newestFirst(reports)
    .slice(current * REPORTS_PER_PAGE, (current + 1) * REPORTS_PER_PAGE)
    .map((report, i) => {
      const described = describeReport(report, language);
      return `${current * REPORTS_PER_PAGE + i + 1}. ${link(report.title ?? report.source, report.source)}${described ? `\n    ${escapeHtml(described)}` : ''}${sampleMark(report.sample, language)}`;
    });
  const keyboard = new InlineKeyboard();
  if (current > 0) keyboard.text('◀', encodeButton({ kind: 'reports', page: current - 1 }));
  if (current < pages - 1) keyboard.text('▶', encodeButton({ kind: 'reports', page: current + 1 }));
  return {
    html: `<b>${escapeHtml(texts.reportsHeading(current + 1, pages, reports.length))}</b>\n\n${lines.join('\n\n')}`,
    keyboard,
  };
}

/** A question about a stored report that it answers: what its session concluded (the /start examples). */
export function exampleQuestion(report: ReportSummary, language: BotLanguage): string {
  if (language === 'en')
    return `What did the ${report.body ?? 'council'} session${report.sessionMonth ? ` in ${englishMonth(report.sessionMonth)}` : ''} conclude?`;
  return `Phiên họp${report.sessionMonth ? ` tháng ${vietnameseMonth(report.sessionMonth)}` : ''} của ${report.body ?? 'hội đồng'} kết luận những gì?`;
}

/** " (báo cáo mẫu minh họa, ...)" after a sample report's source line; nothing for a real report. */
function sampleMark(sample: boolean, language: BotLanguage): string {
  return sample ? ` <i>(${escapeHtml(SAMPLE_LABEL[language])})</i>` : '';
}

function withKeyboardOnLast(parts: string[], keyboard: InlineKeyboard): OutgoingMessage[] {
  return parts.map((html, i) => (i === parts.length - 1 ? { html, keyboard } : { html }));
}
