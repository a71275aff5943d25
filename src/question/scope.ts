// Follow-up questions in a conversation: "còn về giáo dục thì sao?" after a question about the
// September session is about the September session too.
import { askedBy } from './asked.ts';
import { monthFilter } from './periods.ts';
import type { Question } from './types.ts';

/** What a question is scoped to: the period, body and session it names. */
export type QuestionScope = Pick<Question, 'period' | 'body' | 'sessionKind' | 'sessionNumber'>;

/** The scope a plan names, or null when it names no period, body or session. */
export function scopeOf(plan: QuestionScope): QuestionScope | null {
  const { period, body, sessionKind, sessionNumber } = plan;
  return period || body || sessionKind || sessionNumber !== null ? { period, body, sessionKind, sessionNumber } : null;
}

/**
 * The question read in the light of the previous question's scope: a question that names no period,
 * body or session takes all of the previous ones; one that names only a period ("còn tháng 10
 * thì sao?") keeps the previous body and session. A question that names a body or session is
 * its own. Returns the question unchanged, and `inherited` null, when nothing was taken.
 */
export function inheritScope(
  plan: Question,
  previous: QuestionScope | null | undefined,
): { question: Question; inherited: QuestionScope | null } {
  if (!previous || plan.body || plan.sessionKind || plan.sessionNumber !== null)
    return { question: plan, inherited: null };
  const inherited: QuestionScope = plan.period
    ? {
        period: plan.period,
        body: previous.body,
        sessionKind: previous.sessionKind,
        sessionNumber: previous.sessionNumber,
      }
    : previous;
  if (!scopeOf({ ...inherited, period: plan.period ? null : inherited.period }))
    return { question: plan, inherited: null };
  return { question: rescoped(plan, inherited), inherited };
}

/** The question about the session of one month ("YYYY-MM"): "the latest session" once its month is known. */
export function inSessionMonth(question: Question, month: string): Question {
  return rescoped(question, { period: monthFilter(month, question.language) });
}

/** The question in another scope, with what it asks read again in it (the years of its session months are no ask). */
function rescoped(question: Question, scope: Partial<QuestionScope>): Question {
  const next = { ...question, ...scope };
  return { ...next, asked: askedBy(next) };
}
