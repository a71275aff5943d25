// What the answer says when it is not a cited answer, or needs a note, in the question's language.
import type { ReportSummary } from '../store/index.ts';
import type { QuestionLanguage, QuestionScope } from '../question/index.ts';
import { vietnameseMonth } from '../text/index.ts';
import { describeReport, englishMonth } from './lead-line.ts';

type Language = 'vi' | 'en';

/** What every surface adds to the source line of a sample report, in the answer's language. */
export const SAMPLE_LABEL: Readonly<Record<Language, string>> = {
  vi: 'báo cáo mẫu minh họa, không phải văn bản chính thức',
  en: 'illustrative sample, not an official record',
};

/** Vietnamese for Vietnamese questions typed with or without diacritics. */
export function replyLanguage(language: QuestionLanguage): Language {
  return language === 'en' ? 'en' : 'vi';
}

/** The question names a period, body or session that no stored report covers. */
export function notCovered(
  uncovered: readonly string[],
  nearby: readonly ReportSummary[],
  language: QuestionLanguage,
): string {
  const lines =
    replyLanguage(language) === 'en'
      ? [`No stored report covers ${uncovered.join(', ')}.`, nearby.length > 0 ? 'The nearest sessions on record:' : '']
      : [
          `Chưa có báo cáo nào về ${uncovered.join(', ')} trong dữ liệu.`,
          nearby.length > 0 ? 'Các phiên họp gần nhất hiện có:' : '',
        ];
  return [...lines.filter(Boolean), ...nearby.map((report) => `- ${describeReport(report, language)}`)].join('\n');
}

/** Nothing retrieved speaks of what was asked. */
export function notInReports(nearby: readonly ReportSummary[], language: QuestionLanguage): string {
  const lines =
    replyLanguage(language) === 'en'
      ? ['The stored reports do not say anything about this.', nearby.length > 0 ? 'Reports on record include:' : '']
      : ['Các báo cáo hiện có không đề cập nội dung này.', nearby.length > 0 ? 'Một số báo cáo hiện có:' : ''];
  return [...lines.filter(Boolean), ...nearby.map((report) => `- ${describeReport(report, language)}`)].join('\n');
}

/** Said when the language model failed and the answer is quoted from the reports instead. */
export function llmFallbackNote(language: QuestionLanguage): string {
  return replyLanguage(language) === 'en'
    ? 'The language model could not be reached, so this answer quotes the reports directly.'
    : 'Không gọi được mô hình ngôn ngữ nên câu trả lời được trích nguyên văn từ báo cáo.';
}

/**
 * Said when what the question names (a body, a period, a session) is in no report's recorded
 * details, and the answer rests on reports whose own title or opening names it.
 */
export function matchedInTextNote(named: readonly string[], language: QuestionLanguage): string {
  return replyLanguage(language) === 'en'
    ? `No report records ${named.join(', ')} in its session details; this answer rests on reports whose title or opening names it.`
    : `Chưa báo cáo nào ghi nhận ${named.join(', ')} trong thông tin phiên họp; câu trả lời dựa trên báo cáo có nêu điều này ở tiêu đề hoặc đoạn mở đầu.`;
}

/** Said when a follow-up question was read in the previous question's session. */
export function assumedScopeNote(scope: QuestionScope, language: QuestionLanguage): string {
  return replyLanguage(language) === 'en'
    ? `Read as a follow-up to your previous question: ${describeScope(scope, 'en')}.`
    : `Hiểu theo câu hỏi trước: ${describeScope(scope, 'vi')}.`;
}

/** "tháng 9/2021, BTV Thị ủy Từ Sơn, kỳ họp thứ 4" or "September 2021, BTV Thị ủy Từ Sơn, session 4"; body names stay as written. */
function describeScope(scope: QuestionScope, language: Language): string {
  const months = scope.period?.months ?? [];
  // One month is said in the answer's language; other periods keep the label the question gave them.
  const period =
    months.length === 1 && !months[0]!.startsWith('*')
      ? language === 'en'
        ? englishMonth(months[0]!)
        : `tháng ${vietnameseMonth(months[0]!)}`
      : scope.period?.label;
  const session =
    scope.sessionNumber !== null
      ? language === 'en'
        ? `session ${scope.sessionNumber}`
        : `kỳ họp thứ ${scope.sessionNumber}`
      : scope.sessionKind;
  return [period, scope.body?.name ?? scope.body?.organ, session].filter(Boolean).join(', ');
}
