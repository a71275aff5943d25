// What the bot needs from the rest of the service, declared by the bot (as grammY's BotConfig
// declares what a Bot takes) so that it depends on these few functions and not on the app that
// provides them: botDependencies in src/app.ts builds them from the app, and a test may build its own.
import type { StorageAdapter } from 'grammy';
import type { Answer } from '../answer/index.ts';
import type { TelegramConfig } from '../config.ts';
import type { IngestSummary } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import type { QuestionScope } from '../question/index.ts';
import type {
  Forgotten,
  LoggedQuestion,
  Passage,
  QuestionEntry,
  QuestionStats,
  ReportSummary,
} from '../store/index.ts';
import type { ChatSession } from './session.ts';

/** Everything the bot uses: its settings, the answering pipeline, the stored reports and the question log. */
export interface BotDeps {
  /** Token, Bot API server, webhook, admins, rate limit, how long a follow-up scope lasts. */
  telegram: TelegramConfig;
  log: Logger;
  /** Answers a question; one that names no session is read in `context`, the chat's previous scope. */
  ask(question: string, options: { context: QuestionScope | null }): Promise<Answer>;
  /** The stored reports: /reports, the /start examples, the sources under an answer, /stats. */
  reports: {
    list(): readonly ReportSummary[];
    get(id: string): ReportSummary | undefined;
    counts(): { reports: number; chunks: number };
  };
  /** The question log: every answer is recorded (its id goes into its buttons); 📄, 👍 / 👎 and /stats read it back. */
  questions: {
    record(entry: QuestionEntry): number;
    get(id: number): Pick<LoggedQuestion, 'language' | 'citations'> | undefined;
    /** One vote per person per answer; false when the answer is not in the log. */
    recordFeedback(questionId: number, userId: string, value: 1 | -1): boolean;
    /** Questions and votes overall and since the start of today. */
    stats(): Pick<QuestionStats, 'total' | 'since' | 'askers' | 'feedback' | 'sinceFeedback'>;
    /** Deletes everything kept about one person (their raw user id): /forget. */
    forget(userId: string): Forgotten;
    /** Deletes questions and votes older than `cutoff` (the retention limit); returns how many questions went. */
    deleteOlderThan(cutoff: Date): number;
  };
  /** How many days questions are kept (QUESTION_LOG_DAYS): older ones are deleted at start and daily; /privacy says so. */
  questionLogDays: number;
  /** A cited passage in full, for its 📄 button; undefined once its report is gone. */
  passage(chunkId: string): Passage | undefined;
  /** Ingests files as `npm run ingest` does, so an uploaded report is stored, chunked and searchable. */
  ingest(paths: readonly string[]): Promise<IngestSummary>;
  /** Where uploaded reports are kept (by file name, so a new version of a file updates its report). */
  uploadsDir: string;
  /** The largest upload accepted (the Bot API's own download limit applies as well). */
  maxUploadBytes: number;
  /** Loads what the first question would otherwise wait seconds for (embedder, indexes, word list). */
  warmUp(): Promise<void>;
  /** Where chats' sessions (language, follow-up scope) are kept; this process's memory when unset. */
  sessions?: StorageAdapter<ChatSession>;
  /** The clock chat memories and the rate limit read; Date.now when unset (a test moves it). */
  now?: () => number;
}
