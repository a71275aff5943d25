// Follow-up questions in a conversation: "còn về giáo dục thì sao?" after a question about the
// September session is about the September session too.
import type { QueryPlan } from './query.ts';

/** What a question is scoped to: the period, body and session it names. */
export type QuestionScope = Pick<QueryPlan, 'period' | 'body' | 'sessionKind' | 'sessionNumber'>;

/** The scope a plan names, or null when it names no period, body or session. */
export function scopeOf(plan: QuestionScope): QuestionScope | null {
  const { period, body, sessionKind, sessionNumber } = plan;
  return period || body || sessionKind || sessionNumber !== null ? { period, body, sessionKind, sessionNumber } : null;
}

/**
 * The plan read in the light of the previous question's scope: a question that names no period,
 * body or session takes all of the previous ones; one that names only a period ("còn tháng 10
 * thì sao?") keeps the previous body and session. A question that names a body or session is
 * its own. Returns the plan unchanged, and `inherited` null, when nothing was taken.
 */
export function inheritScope(plan: QueryPlan, previous: QuestionScope | null | undefined): { plan: QueryPlan; inherited: QuestionScope | null } {
  if (!previous || plan.body || plan.sessionKind || plan.sessionNumber !== null) return { plan, inherited: null };
  const inherited: QuestionScope = plan.period
    ? { period: plan.period, body: previous.body, sessionKind: previous.sessionKind, sessionNumber: previous.sessionNumber }
    : previous;
  if (!scopeOf({ ...inherited, period: plan.period ? null : inherited.period })) return { plan, inherited: null };
  return { plan: { ...plan, ...inherited }, inherited };
}
