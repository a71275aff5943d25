// Inline buttons carry at most 64 bytes, so they hold short ids and the rest is looked up.

/** What a pressed button asks for. */
export type ButtonAction =
  | { kind: 'source'; questionId: number; n: number }
  | { kind: 'feedback'; questionId: number; value: 1 | -1 }
  | { kind: 'reports'; page: number }
  | { kind: 'example'; reportId: string };

/** The callback data of a button (always well under 64 bytes). */
export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'source':
      return `src:${action.questionId}:${action.n}`;
    case 'feedback':
      return `fb:${action.questionId}:${action.value > 0 ? 'up' : 'down'}`;
    case 'reports':
      return `rp:${action.page}`;
    case 'example':
      return `ex:${action.reportId}`;
  }
}

/** Reads callback data back; null for anything the bot did not make (old or forged buttons). */
export function decodeButton(data: string): ButtonAction | null {
  const [kind, first, second] = data.split(':');
  const number = (text: string | undefined) => (text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : null);
  switch (kind) {
    case 'src': {
      const questionId = number(first);
      const n = number(second);
      return questionId !== null && n !== null && n > 0 ? { kind: 'source', questionId, n } : null;
    }
    case 'fb': {
      const questionId = number(first);
      if (questionId === null || (second !== 'up' && second !== 'down')) return null;
      return { kind: 'feedback', questionId, value: second === 'up' ? 1 : -1 };
    }
    case 'rp': {
      const page = number(first);
      return page !== null ? { kind: 'reports', page } : null;
    }
    case 'ex':
      return first && /^[0-9a-f]{6,40}$/.test(first) ? { kind: 'example', reportId: first } : null;
    default:
      return null;
  }
}
