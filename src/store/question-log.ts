import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A cited passage as remembered with a logged answer. */
export interface LoggedCitation {
  n: number;
  chunkId: string;
  quote: string;
}

/**
 * A question and its answer as a surface (the bot) logs them. `chatId` and `userId` are given
 * raw and stored only as pseudonyms (see `QuestionLog`).
 */
export interface QuestionEntry {
  surface: string;
  chatId: string | null;
  userId: string | null;
  updateId: number | null;
  question: string;
  language: string;
  mode: string;
  answer: string;
  citations: readonly LoggedCitation[];
  timingsMs: { retrieve: number; answer: number; total: number };
  askedAt?: Date;
}

/** A logged question with its id and time; its `chatId` and `userId` are pseudonyms. */
export interface LoggedQuestion extends Omit<QuestionEntry, 'askedAt' | 'citations'> {
  id: number;
  askedAt: string;
  citations: LoggedCitation[];
}

/** What staff see of the log: counts overall and since a moment, feedback, the latest questions. */
export interface QuestionStats {
  total: number;
  since: number;
  /** Distinct people who asked, counted by pseudonym. */
  askers: number;
  byMode: Record<string, number>;
  byLanguage: Record<string, number>;
  feedback: { up: number; down: number };
  sinceFeedback: { up: number; down: number };
  /** The latest questions, newest first, with their feedback balance. */
  recent: Array<LoggedQuestion & { up: number; down: number }>;
}

interface QuestionRow {
  id: number;
  asked_at: string;
  surface: string;
  chat_id: string | null;
  user_id: string | null;
  update_id: number | null;
  question: string;
  language: string;
  mode: string;
  answer: string;
  citations: string;
  retrieve_ms: number;
  answer_ms: number;
  total_ms: number;
}

/** What `forget` removed about one person. */
export interface Forgotten {
  questions: number;
  votes: number;
}

/**
 * The question log and feedback tables of the store. Askers are kept as pseudonyms: a keyed hash
 * (HMAC-SHA-256 under a secret kept outside the database) of their Telegram user or chat id,
 * enough to count distinct askers, keep one vote per person and find a person's rows when they
 * ask to be forgotten, and nothing from which the id can be read back without the secret.
 */
export class QuestionLog {
  constructor(
    private readonly db: Database.Database,
    private readonly key: string,
  ) {}

  /** The pseudonym stored for a raw user or chat id. */
  pseudonym(kind: 'user' | 'chat', id: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${id}`).digest('base64url').slice(0, 22);
  }

  private pseudonymOrNull(kind: 'user' | 'chat', id: string | null): string | null {
    return id === null ? null : this.pseudonym(kind, id);
  }

  /** Logs a question and its answer; returns the question's id (buttons carry it). */
  record(entry: QuestionEntry): number {
    const result = this.db
      .prepare(
        `INSERT INTO questions (asked_at, surface, chat_id, user_id, update_id, question, language, mode, answer, citations, retrieve_ms, answer_ms, total_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        (entry.askedAt ?? new Date()).toISOString(),
        entry.surface,
        this.pseudonymOrNull('chat', entry.chatId),
        this.pseudonymOrNull('user', entry.userId),
        entry.updateId,
        entry.question,
        entry.language,
        entry.mode,
        entry.answer,
        JSON.stringify(entry.citations),
        entry.timingsMs.retrieve,
        entry.timingsMs.answer,
        entry.timingsMs.total,
      );
    return Number(result.lastInsertRowid);
  }

  get(id: number): LoggedQuestion | undefined {
    const row = this.db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as QuestionRow | undefined;
    return row && toLogged(row);
  }

  /** Records one person's vote on an answer (a second vote replaces the first); false if the question is unknown. */
  recordFeedback(questionId: number, userId: string, value: 1 | -1, at: Date = new Date()): boolean {
    if (!this.db.prepare('SELECT 1 FROM questions WHERE id = ?').get(questionId)) return false;
    this.db
      .prepare(
        `INSERT INTO feedback (question_id, user_id, value, given_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (question_id, user_id) DO UPDATE SET value = excluded.value, given_at = excluded.given_at`,
      )
      .run(questionId, this.pseudonym('user', userId), value, at.toISOString());
    return true;
  }

  /**
   * Deletes everything kept about one person (raw Telegram user id): their questions with their
   * answers, and their votes. The store overwrites what it deletes (secure_delete).
   */
  forget(userId: string): Forgotten {
    const who = this.pseudonym('user', userId);
    return this.db.transaction(() => {
      const votes = this.db.prepare('DELETE FROM feedback WHERE user_id = ?').run(who).changes;
      const questions = this.db.prepare('DELETE FROM questions WHERE user_id = ?').run(who).changes;
      return { questions, votes };
    })();
  }

  /** Deletes the questions (with their votes) and votes older than `cutoff`; returns how many questions went. */
  deleteOlderThan(cutoff: Date): number {
    const before = cutoff.toISOString();
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM feedback WHERE given_at < ?').run(before);
      return this.db.prepare('DELETE FROM questions WHERE asked_at < ?').run(before).changes;
    })();
  }

  /** Replaces the raw ids a store kept before pseudonyms with their pseudonyms (a schema migration step). */
  pseudonymizeStoredIds(): void {
    const hash = (kind: 'user' | 'chat') => (id: string | null) => (id === null ? null : this.pseudonym(kind, id));
    this.db.function('pseudonym_user', { deterministic: true }, hash('user'));
    this.db.function('pseudonym_chat', { deterministic: true }, hash('chat'));
    this.db.exec(`
      UPDATE questions SET user_id = pseudonym_user(user_id), chat_id = pseudonym_chat(chat_id);
      UPDATE feedback SET user_id = pseudonym_user(user_id);
    `);
  }

  /** Counts overall and since `since` (by default the start of today, local time), and the `recent` latest questions. */
  stats(since: Date = startOfLocalDay(new Date()), recent = 10): QuestionStats {
    const sinceIso = since.toISOString();
    const counts = this.db
      .prepare(
        'SELECT COUNT(*) AS total, COALESCE(SUM(asked_at >= ?), 0) AS since, COUNT(DISTINCT user_id) AS askers FROM questions',
      )
      .get(sinceIso) as { total: number; since: number; askers: number };
    const grouped = (column: 'mode' | 'language') =>
      Object.fromEntries(
        (
          this.db
            .prepare(`SELECT ${column} AS key, COUNT(*) AS n FROM questions GROUP BY ${column} ORDER BY n DESC`)
            .all() as Array<{ key: string; n: number }>
        ).map((row) => [row.key, row.n]),
      );
    const votes = (where: string, ...params: string[]) =>
      this.db
        .prepare(
          `SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM feedback ${where}`,
        )
        .get(...params) as { up: number; down: number };
    const latest = this.db
      .prepare(
        `SELECT q.*, COALESCE(SUM(f.value = 1), 0) AS up, COALESCE(SUM(f.value = -1), 0) AS down
         FROM questions q LEFT JOIN feedback f ON f.question_id = q.id
         GROUP BY q.id ORDER BY q.id DESC LIMIT ?`,
      )
      .all(recent) as Array<QuestionRow & { up: number; down: number }>;
    return {
      ...counts,
      byMode: grouped('mode'),
      byLanguage: grouped('language'),
      feedback: votes(''),
      sinceFeedback: votes('WHERE given_at >= ?', sinceIso),
      recent: latest.map((row) => ({ ...toLogged(row), up: row.up, down: row.down })),
    };
  }
}

function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function toLogged(row: QuestionRow): LoggedQuestion {
  return {
    id: row.id,
    askedAt: row.asked_at,
    surface: row.surface,
    chatId: row.chat_id,
    userId: row.user_id,
    updateId: row.update_id,
    question: row.question,
    language: row.language,
    mode: row.mode,
    answer: row.answer,
    citations: JSON.parse(row.citations) as LoggedCitation[],
    timingsMs: { retrieve: row.retrieve_ms, answer: row.answer_ms, total: row.total_ms },
  };
}
