// The words that frame a question rather than say what it is about.

/** Folded words that ask rather than say what about: they would match every report. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'gi nao bao nhieu the sao ra khong co la cua ve cho va cac nhung duoc da dang se trong tai voi thi nhu ai khi hoi ' +
    'minh em toi nhe a oi vay roi nay do bi ko k hay hoac dau may hom buoi luc'
  ).split(' '),
);
