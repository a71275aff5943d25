import { replyLanguage, SAMPLE_LABEL, type Answer } from '../answer/index.ts';

/** An answer as plain terminal text: the answer, a note if any, then its sources with quotes. */
export function answerAsText(answer: Answer): string {
  const english = answer.language === 'en';
  const lines = [answer.answer];
  if (answer.note) lines.push('', `(${answer.note})`);
  if (answer.citations.length > 0) {
    lines.push('', english ? 'Sources:' : 'Nguồn:');
    for (const citation of answer.citations) {
      const date = citation.date ? ` · ${citation.date}` : '';
      lines.push(
        `[${citation.n}] ${citation.title}${citation.body ? ` · ${citation.body}` : ''}${date}`,
        `    “${citation.quote}”`,
        `    ${citation.source}${citation.sample ? ` (${SAMPLE_LABEL[replyLanguage(answer.language)]})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

/** The retrieved passages in full, best first (the chat's `:sources`). */
export function passagesAsText(answer: Answer): string {
  return answer.passages
    .map(
      (passage, i) =>
        `#${i + 1} ${passage.title} (${passage.chunkId}, score ${passage.score.toFixed(4)})\n${passage.text}`,
    )
    .join('\n\n');
}
