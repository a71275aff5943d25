// What the bot remembers about a chat between updates, in grammY's session: the language it was
// last answered in and the session of the council it is talking about, each with its own expiry.
// Sessions are keyed by chat and kept in a StorageAdapter (this process's memory unless the
// caller passes another), as plain JSON, so they can move to a store shared by several processes.
import {
  MemorySessionStorage,
  session,
  type Context,
  type MiddlewareFn,
  type SessionFlavor,
  type StorageAdapter,
} from 'grammy';
import type { QuestionScope } from '../question/index.ts';
import { languageOfUser, type BotLanguage } from './texts.ts';

/** How long a chat's language is remembered after its last answer. */
export const LANGUAGE_MEMORY_MS = 24 * 60 * 60_000;

/** A value and the time it is forgotten (ms since the epoch). */
export interface Remembered<T> {
  value: T;
  until: number;
}

/** A chat's session. */
export interface ChatSession {
  /** The language of the chat's last answer, which the bot's other messages follow; the user's app language otherwise. */
  language?: Remembered<BotLanguage>;
  /** The period, body and session the chat is talking about: a follow-up that names none is read in it. */
  followUp?: Remembered<QuestionScope>;
}

/** The context every handler of the bot sees: grammY's, with the chat's session. */
export type BotContext = Context & SessionFlavor<ChatSession>;

/** The chat an update belongs to (its sender for an update without one): the key of its session and of its queue. */
export function chatKey(ctx: Context): string | undefined {
  const id = ctx.chat?.id ?? ctx.from?.id;
  return id === undefined ? undefined : String(id);
}

/** The session middleware: each chat's session loaded from `storage` before its handlers run and saved after. */
export function chatSessions(options: {
  followUpMs: number;
  storage?: StorageAdapter<ChatSession>;
}): MiddlewareFn<BotContext> {
  return session<ChatSession, BotContext>({
    initial: () => ({}),
    getSessionKey: chatKey,
    // Nothing in a session outlives the longer of its two memories, so a quiet chat's session is dropped whole.
    storage: options.storage ?? new MemorySessionStorage<ChatSession>(Math.max(LANGUAGE_MEMORY_MS, options.followUpMs)),
  });
}

/** Reading and writing a chat's memories through their expiries. */
export interface ChatState {
  /** The chat's language: that of its last answer while remembered, else the user's app language. */
  languageOf(ctx: BotContext): BotLanguage;
  rememberLanguage(ctx: BotContext, language: BotLanguage): void;
  /** The scope a follow-up question in the chat is read in, while remembered. */
  followUpOf(ctx: BotContext): QuestionScope | null;
  rememberFollowUp(ctx: BotContext, scope: QuestionScope): void;
  /** /new: the next question starts afresh. */
  forgetFollowUp(ctx: BotContext): void;
}

/** Chat memories on a clock: the language for a day, the follow-up scope for `followUpMs`, each from when it was last set. */
export function chatState(followUpMs: number, now: () => number = Date.now): ChatState {
  const recall = <K extends keyof ChatSession>(
    ctx: BotContext,
    key: K,
  ): NonNullable<ChatSession[K]>['value'] | undefined => {
    const chat = sessionOf(ctx);
    const memory = chat?.[key];
    if (!chat || !memory) return undefined;
    if (now() > memory.until) {
      delete chat[key];
      return undefined;
    }
    return memory.value;
  };
  return {
    languageOf: (ctx) => recall(ctx, 'language') ?? languageOfUser(ctx.from?.language_code),
    rememberLanguage: (ctx, language) => {
      ctx.session.language = { value: language, until: now() + LANGUAGE_MEMORY_MS };
    },
    followUpOf: (ctx) => recall(ctx, 'followUp') ?? null,
    rememberFollowUp: (ctx, scope) => {
      ctx.session.followUp = { value: scope, until: now() + followUpMs };
    },
    forgetFollowUp: (ctx) => {
      delete ctx.session.followUp;
    },
  };
}

/**
 * The chat's session, or undefined where there is none to read: an update outside any chat, or
 * one that failed before the session middleware ran (the error handler still apologises).
 */
function sessionOf(ctx: BotContext): ChatSession | undefined {
  if (chatKey(ctx) === undefined) return undefined;
  return ctx.session as ChatSession | undefined;
}
