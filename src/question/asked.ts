// What a question asks the reports to state, read from how citizens write questions: the kind
// of answer its question words call for (an amount of money, a share, a figure, a day, a time),
// the years it is about, and the things it names (proper names, numbered documents). An answer
// that states none of this is not an answer to the question, however close its topic.
import { translateToVietnamese } from './glossary.ts';
import { isVietnameseWord } from './lexicon.ts';
import { localities, numberedDocuments, properNames } from './names.ts';
import type { Ask, AnswerKind, Asked, Question, QuestionLanguage, Wants } from './types.ts';
import { QUESTION_WORDS } from './question-words.ts';
import { foldedTerms, foldText, hasVietnameseDiacritics, tokenize } from '../text/index.ts';

/** What `askedBy` reads of a question. */
type Read = Pick<Question, 'normalized' | 'language' | 'period'>;

/** Reads what `plan`'s question asks the reports to state (in its scope: years of its session months are no ask). */
export function askedBy(plan: Read): Asked {
  const folded = foldText(plan.normalized);
  const asks = plan.language === 'en' ? englishAsks(folded) : vietnameseAsks(plan.normalized);
  const filtered = new Set((plan.period?.months ?? []).map((month) => month.slice(0, 4)));
  const years = [...new Set(yearsIn(plan.normalized))].filter((year) => !filtered.has(String(year)));
  return { asks, years, names: properNames(plan), localities: localities(plan), documents: numberedDocuments(folded) };
}

// What kind of sentence answers a question best, by its question words (folded). The Vietnamese
// question words frame the question ("ngày nào", "ai") and are not what it is about; "tỷ lệ",
// "phần trăm" also ask for a figure but are what an answer says too.
const WANTS: ReadonlyArray<{ kind: Wants['kinds'][number]; framing: RegExp; content?: RegExp; english: RegExp }> = [
  {
    kind: 'figure',
    // "mấy" folds like "máy" (machine): not in "nhà máy", "máy móc".
    framing: /\b(?:bao nhieu|bn|(?<!nha )may(?! moc))\b/g,
    content: /\b(?:ty le|phan tram)\b/,
    english: /\b(?:how much|how many|what percentage|what share|what proportion|what rate|what target|what value)\b/,
  },
  {
    kind: 'date',
    framing:
      /\b(?:khi nao|(?:vao )?(?:ngay|hom|buoi|luc|thoi gian) nao|bao gio|ngay may|han chot|thoi han|truoc ngay)\b/g,
    english: /\b(?:when|what date|which date|which days?|by when|by what date|deadline)\b/,
  },
  { kind: 'person', framing: /\b(?:do ai|ai)\b/g, english: /\b(?:who|whom)\b/ },
];

/** What kind of sentence answers the question best (see `Wants`). */
export function wantsOf(normalized: string, language: QuestionLanguage): Wants {
  const folded = foldText(normalized);
  const framing = new Set<string>();
  const wanted = WANTS.filter((want) => {
    if (language === 'en') return want.english.test(folded);
    const words = [...folded.matchAll(want.framing)].flatMap((m) => m[0].split(' '));
    for (const word of words) framing.add(word);
    return words.length > 0 || (want.content?.test(folded) ?? false);
  });
  return { kinds: wanted.map((want) => want.kind), framing: [...framing] };
}

/** Years written in a text, in order: "2021", "2-12-2020", "2021-2025"; not "2.105" or "12.2021,5". */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)/g)].map((m) => Number(m[0]));
}

// ---------------------------------------------------------------------------------------------
// Vietnamese: "bao nhiêu"/"mấy" ask for a figure, which the word after it or the noun before it
// can narrow to money ("bao nhiêu tiền", "giá ... bao nhiêu") or a share ("bao nhiêu phần trăm",
// "tỷ lệ ... bao nhiêu"); "khi nào", "bao giờ", "ngày nào" ask for a time.

// Phrases are written with diacritics: a word typed with them must match as written, a word typed
// without them matches folded. A single syllable that folds onto common unrelated words ("giá" →
// "gia" as in "gia đình", "tiền" → "tien" as in "Tiên Du") must be typed with its diacritics.
interface Cue {
  phrase: string;
  accentedOnly?: boolean;
}
const MONEY_AFTER: readonly Cue[] = [
  { phrase: 'tiền' },
  { phrase: 'đồng' },
  { phrase: 'tỷ đồng' },
  { phrase: 'triệu đồng' },
  { phrase: 'nghìn đồng' },
  { phrase: 'ngàn đồng' },
  { phrase: 'tỷ' },
  { phrase: 'triệu' },
];
const PERCENT_AFTER: readonly Cue[] = [{ phrase: 'phần trăm' }];
const MONEY_BEFORE: readonly Cue[] = [
  { phrase: 'giá', accentedOnly: true },
  { phrase: 'phí', accentedOnly: true },
  { phrase: 'tiền', accentedOnly: true },
  { phrase: 'lương', accentedOnly: true },
  { phrase: 'vốn', accentedOnly: true },
  { phrase: 'giá vé' },
  { phrase: 'giá dịch vụ' },
  { phrase: 'giá đất' },
  { phrase: 'giá thuê' },
  { phrase: 'giá bán' },
  { phrase: 'bảng giá' },
  { phrase: 'đơn giá' },
  { phrase: 'mức giá' },
  { phrase: 'chi phí' },
  { phrase: 'kinh phí' },
  { phrase: 'học phí' },
  { phrase: 'viện phí' },
  { phrase: 'lệ phí' },
  { phrase: 'mức phí' },
  { phrase: 'số tiền' },
  { phrase: 'tiền thuê' },
  { phrase: 'tiền phạt' },
  { phrase: 'tiền lương' },
  { phrase: 'mức lương' },
  { phrase: 'lương tối thiểu' },
  { phrase: 'mức đầu tư' },
  { phrase: 'vốn đầu tư' },
  { phrase: 'tổng vốn' },
  { phrase: 'số vốn' },
  { phrase: 'trị giá' },
  { phrase: 'giá trị' },
];
const PERCENT_BEFORE: readonly Cue[] = [{ phrase: 'tỷ lệ' }, { phrase: 'tỉ lệ' }, { phrase: 'phần trăm' }];
const DAY_ASKS: readonly Cue[] = [
  { phrase: 'ngày nào' },
  { phrase: 'hôm nào' },
  { phrase: 'ngày mấy' },
  { phrase: 'bữa nào' },
  { phrase: 'ngày bao nhiêu' },
];
const TIME_ASKS: readonly Cue[] = [
  { phrase: 'khi nào' },
  { phrase: 'bao giờ' },
  { phrase: 'lúc nào' },
  { phrase: 'thời gian nào' },
  { phrase: 'thời điểm nào' },
  { phrase: 'tháng nào' },
  { phrase: 'năm nào' },
  { phrase: 'quý nào' },
  { phrase: 'hạn chót' },
  { phrase: 'thời hạn' },
];

interface Word {
  /** As written, lower case. */
  written: string;
  folded: string;
  accented: boolean;
  start: number;
  end: number;
}

function vietnameseAsks(normalized: string): Ask[] {
  const words: Word[] = tokenize(normalized).map((t) => ({
    written: t.text.toLowerCase(),
    folded: foldText(t.text),
    accented: hasVietnameseDiacritics(t.text),
    start: t.start,
    end: t.end,
  }));
  const spelled = (word: Word | undefined, part: string, cue: Cue) =>
    word !== undefined && (word.accented || cue.accentedOnly ? word.written === part : word.folded === foldText(part));
  const at = (cues: readonly Cue[], i: number): number => {
    for (const cue of cues) {
      const parts = cue.phrase.split(' ');
      if (parts.every((part, k) => spelled(words[i + k], part, cue))) return parts.length;
    }
    return 0;
  };
  const asks: Ask[] = [];
  // Where the current clause began: a noun before "bao nhiêu" narrows it only within its clause.
  let clauseStart = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "ai" asks who: "do ai", "ai chủ trì", "ai là chủ đầu tư", "là ai"; what follows it is the
    // role asked about, which the answer must name with the person ("trúng cử", "chủ đầu tư").
    // After a verb that directs ("giao ai", "muốn ai vào cuộc") "ai" is whom the task went to,
    // and the task is told in the report's own words.
    if (word.written === 'ai') {
      let roleAt = i + 1;
      let elected = false;
      for (;;) {
        const next = words.slice(roleAt, roleAt + 2).map((w) => w.folded);
        if (ELECTED_AFTER.includes(next.join(' '))) {
          elected = true;
          roleAt += 2;
        } else if (ROLE_LEAD.has(next[0] ?? '')) {
          elected ||= next[0] === 'bau';
          roleAt++;
        } else break;
      }
      const before = words.slice(Math.max(0, i - 2), i).map((w) => w.folded);
      const directed = DIRECTING_VERBS.has(before.at(-1) ?? '') || DIRECTING_VERBS.has(before.join(' '));
      // "bầu ai làm Chủ tịch", "ai trúng cử Chủ tịch": who was elected, so the answer must say the
      // election (in any of the words for it), not only name someone holding the office.
      elected ||= ELECTING_VERBS.some((verb) => before.join(' ').endsWith(verb));
      const role = directed ? [] : countedAfter(words, roleAt, normalized);
      asks.push({ kind: 'agent', counted: role, ...(elected ? { required: [ELECTION_WORDS] } : {}) });
      clauseStart = i + 1;
      continue;
    }
    // "công ty nào", "đơn vị nào" ask which organisation: the answer must be one.
    const agentNoun = word.folded === 'nao' ? agentNounBefore(words, i) : 0;
    if (agentNoun > 0) {
      asks.push({ kind: 'agent', counted: words.slice(i - agentNoun, i).map((w) => w.folded) });
      clauseStart = i + 1;
      continue;
    }
    const day = at(DAY_ASKS, i);
    const time = day > 0 ? 0 : at(TIME_ASKS, i);
    if (day > 0 || time > 0) {
      // "khi nào khởi công", "bao giờ thì học sinh đi học lại": the answer's day is that event's.
      // A one-syllable verb ("bao giờ xong") is too plain to hold the report to: it says "hoàn thành".
      let event = i + day + time;
      while (EVENT_LEAD.has(words[event]?.folded ?? '')) event++;
      const named = countedAfter(words, event, normalized);
      asks.push({ kind: day > 0 ? 'day' : 'time', counted: isVietnameseWord(named.join(' '), true) ? named : [] });
      i += day + time - 1;
      clauseStart = i + 1;
      continue;
    }
    const quantity = word.folded === 'bao' && words[i + 1]?.folded === 'nhieu' ? 2 : isHowMany(words, i) ? 1 : 0;
    if (quantity === 0) continue;
    const after = i + quantity;
    const before = words.slice(clauseStart, i);
    let kind: AnswerKind = 'figure';
    // "%" is no word: it is read from the text right after the question word.
    if (at(PERCENT_AFTER, after) > 0 || /^\s*%/.test(normalized.slice(words[after - 1]!.end))) kind = 'percent';
    else if (at(MONEY_AFTER, after) > 0 && words[after + 1]?.folded !== 'le') kind = 'money';
    else if (before.some((_, k) => at(PERCENT_BEFORE, clauseStart + k) > 0)) kind = 'percent';
    else if (before.some((_, k) => at(MONEY_BEFORE, clauseStart + k) > 0)) kind = 'money';
    asks.push({ kind, counted: kind === 'figure' ? countedAfter(words, after, normalized) : [] });
    clauseStart = after;
    i = after - 1;
  }
  return asks;
}

// Words between "khi nào" and the event it asks about: "bao giờ thì", "khi nào sẽ".
const EVENT_LEAD: ReadonlySet<string> = new Set(['thi', 'se', 'duoc', 'moi', 'bat', 'dau']);

// Words between "ai" and the role it asks about: "ai là người chủ trì", "ai được giao".
// Also the verbs that give a role ("ai được bầu làm Chủ tịch", "ai giữ chức", "ai làm chủ tọa"):
// the role is what the answer must name.
// Verbs that give an office, folded: "đã bầu ai làm Chủ tịch" asks whom the election named.
const ELECTING_VERBS: readonly string[] = ['bau', 'bau bo sung', 'bo nhiem', 'mien nhiem', 'cu giu'];
// After "ai": "ai trúng cử / đắc cử Chủ tịch".
const ELECTED_AFTER: readonly string[] = ['trung cu', 'dac cu'];
// Any of these, folded, says an election or appointment took place; "|" separates the alternatives.
const ELECTION_WORDS = 'bau|trung cu|dac cu|bo nhiem';
const ROLE_LEAD: ReadonlySet<string> = new Set([
  'la',
  'nguoi',
  'duoc',
  'se',
  'da',
  'dang',
  'lam',
  'bau',
  'giu',
  'chuc',
]);
const DIRECTING_VERBS: ReadonlySet<string> = new Set([
  'giao',
  'muon',
  'yeu cau',
  'de nghi',
  'chi dao',
  'can',
  'cu',
  'nho',
  'phan cong',
]);

// Nouns that "nào" turns into a question about who: organisations and people.
const AGENT_NOUNS: ReadonlyArray<readonly string[]> = [
  ['cong', 'ty'],
  ['doanh', 'nghiep'],
  ['nha', 'thau'],
  ['nha', 'dau', 'tu'],
  ['chu', 'dau', 'tu'],
  ['don', 'vi'],
  ['co', 'quan'],
  ['to', 'chuc'],
  ['ca', 'nhan'],
  ['dong', 'chi'],
  ['lanh', 'dao'],
  ['nguoi'],
];

/** Syllables of an agent noun that end right before word `i` ("công ty" of "công ty nào"), or 0. */
function agentNounBefore(words: readonly Word[], i: number): number {
  for (const noun of AGENT_NOUNS) {
    const start = i - noun.length;
    if (start >= 0 && noun.every((syllable, k) => words[start + k]!.folded === syllable)) return noun.length;
  }
  return 0;
}

// What "bao nhiêu" counts is the phrase after it, up to a function word or a break ("bao nhiêu ca
// sốt xuất huyết", "mấy dự án, vốn bao nhiêu"): the measure word and the noun after it.
const MAX_COUNTED_WORDS = 2;

// Prepositions that open what the count is set against, not what is counted: "đạt bao nhiêu theo
// phiên họp", "bao nhiêu so với cùng kỳ", "bao nhiêu đến hết tháng 6".
const PHRASE_ENDS: ReadonlySet<string> = new Set(['theo', 'so', 'den', 'tu', 'sau', 'truoc', 'o']);

function countedAfter(words: readonly Word[], from: number, normalized: string): string[] {
  const counted: string[] = [];
  for (let i = from; i < words.length && counted.length < MAX_COUNTED_WORDS; i++) {
    const word = words[i]!;
    const gap = normalized.slice(words[i - 1]!.end, word.start);
    const ends = QUESTION_WORDS.has(word.folded) || PHRASE_ENDS.has(word.folded) || /^\d/.test(word.folded);
    if (!/^\s+$/.test(gap) || ends) break;
    counted.push(word.folded);
  }
  return counted;
}

/** "mấy" (how many), not "máy" (machine) as in "nhà máy", "máy móc" when typed without diacritics. */
function isHowMany(words: readonly Word[], i: number): boolean {
  const word = words[i]!;
  if (word.accented) return word.written === 'mấy';
  return (
    word.folded === 'may' &&
    words[i - 1]?.folded !== 'nha' &&
    !['moc', 'tinh', 'bay', 'in', 'bom', 'xuc', 'cay'].includes(words[i + 1]?.folded ?? '')
  );
}

// ---------------------------------------------------------------------------------------------
// English

// Money is asked for when the thing asked about is a sum: "how much does it cost", "what is the
// total investment of"; "what investment target" asks for whatever the target is.
const ENGLISH_MONEY_NOUN = String.raw`(?:cost|costs|price|prices|fee|fees|tuition|salary|salaries|wage|wages|investment|capital|budget|funding)`;
const ENGLISH_MONEY = new RegExp(
  String.raw`\bhow much\b.*\b(?:cost|costs|spend|spent|pay|paid|invest|invested|worth|money)\b|\bwhat (?:is|was|were|are|will be) (?:the )?(?:total |estimated |planned |approved )?${ENGLISH_MONEY_NOUN}\b`,
);

// What "how many" counts: the words after it up to a preposition or a clause break ("how many
// people died of covid" → people died), in the reports' Vietnamese.
const ENGLISH_COUNTED =
  /\bhow many ((?:(?!of|in|at|on|for|by|to|from|with|during|since|and|or|did|does|do|has|have|had|is|are|was|were)[a-z0-9-]+ ?){1,3})/;

// "people" counts whoever the rest of the phrase says ("how many people died"): alone it names no one in particular.
const GENERIC_COUNT_NOUN = /\b(?:people|persons)\b/g;

function countedInEnglish(folded: string): string[] {
  const counted = ENGLISH_COUNTED.exec(folded)?.[1]?.replace(GENERIC_COUNT_NOUN, ' ');
  return counted ? inReportsWords(counted) : [];
}

/** The folded syllables of an English phrase's glossary Vietnamese: what the reports would write. */
function inReportsWords(english: string): string[] {
  return foldedTerms(translateToVietnamese(english).vietnamese);
}

// "which company", "which contractor": the answer must be one, named as the reports name it.
const ENGLISH_AGENT_NOUN = /\bwhich (company|companies|firm|firms|contractor|contractors|investor|investors)\b/;

// The verb after "who" that says what was done: "who chaired", "who was elected", "who presided over".
const ENGLISH_WHO_DID =
  /\bwho (?:was |were |has been |had been )?(chaired|presided|elected|appointed|nominated|opened|closed|signed)\b/;

function englishAsks(folded: string): Ask[] {
  const asks: Ask[] = [];
  if (/\b(?:when|by what date|what date|which date|what day|which day|which days|deadline)\b/.test(folded)) {
    asks.push({ kind: /\b(?:what|which) (?:date|day|days)\b/.test(folded) ? 'day' : 'time', counted: [] });
  }
  const agentNoun = ENGLISH_AGENT_NOUN.exec(folded);
  if (agentNoun) asks.push({ kind: 'agent', counted: inReportsWords(agentNoun[1]!) });
  else if (
    /\b(?:who|whom|whose|which (?:organi[sz]ation|agency|department|unit|team|body|office|official|officials))\b/.test(
      folded,
    )
  ) {
    // "who chaired", "who was elected": what the person did, in the reports' words, is what the answer must say.
    const did = ENGLISH_WHO_DID.exec(folded)?.[1];
    asks.push({ kind: 'agent', counted: did ? inReportsWords(did).slice(0, MAX_COUNTED_WORDS) : [] });
  }
  if (/\b(?:what|how)\b.*\b(?:percentage|percent|proportion|share|rate)\b/.test(folded))
    asks.push({ kind: 'percent', counted: [] });
  else if (ENGLISH_MONEY.test(folded)) asks.push({ kind: 'money', counted: [] });
  else if (/\b(?:how much|how many|what number)\b/.test(folded))
    asks.push({ kind: 'figure', counted: countedInEnglish(folded) });
  return asks;
}
