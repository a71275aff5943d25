import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotError } from 'grammy';
import { callbacks } from './callbacks.ts';
import { commands } from './commands.ts';
import type { BotDeps } from './deps.ts';
import { escapeHtml } from './html.ts';
import { questionAnswerer, questions } from './questions.ts';
import { RateLimiter } from './rate-limit.ts';
import { chatKey, chatSessions, chatState, type BotContext, type ChatState } from './session.ts';
import { textsFor } from './texts.ts';
import { uploads } from './uploads.ts';

const DEFAULT_API_ROOT = 'https://api.telegram.org';
// Auto-retry waits out a 429 for at most this long, so one flooded chat never holds a worker for minutes.
const MAX_RETRY_DELAY_SECONDS = 30;

/**
 * The Telegram bot: questions in private chats (any text) and groups (mention, reply, /ask),
 * answered with citations, source and feedback buttons; /start, /help, /about, /reports, /new;
 * staff uploads and /stats for ADMIN_USER_IDS. Transport (polling or webhook) is up to the caller.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const { telegram } = deps;
  if (!telegram.token) throw new Error('createBot needs TELEGRAM_BOT_TOKEN');
  const server = { apiRoot: telegram.apiRoot ?? DEFAULT_API_ROOT, token: telegram.token };
  const bot = new Bot<BotContext>(server.token, { client: { apiRoot: server.apiRoot } });
  bot.api.config.use(autoRetry({ maxDelaySeconds: MAX_RETRY_DELAY_SECONDS, maxRetryAttempts: 3 }));

  const now = deps.now ?? Date.now;
  const chat = chatState(telegram.followUpMs, now);
  const answerQuestion = questionAnswerer(deps, chat, new RateLimiter(telegram.rateLimitPerMinute, now));

  // Per chat in order, chats in parallel (under @grammyjs/runner): before the session middleware, so
  // two updates of one chat never load and save its session at the same time.
  bot.use(sequentialize(chatKey));
  bot.use(chatSessions({ followUpMs: telegram.followUpMs, storage: deps.sessions }));
  bot.use(
    commands(deps, chat),
    questions(chat, answerQuestion),
    uploads(deps, chat, server),
    callbacks(deps, chat, answerQuestion),
  );
  bot.catch((error) => apologise(error, deps, chat));
  return bot;
}

/** A failed update: the detail goes to the log, an apology in the chat's language to the user. */
async function apologise(error: BotError<BotContext>, deps: Pick<BotDeps, 'log'>, chat: ChatState): Promise<void> {
  const { ctx } = error;
  deps.log.error('update failed', {
    updateId: ctx.update.update_id,
    chatType: ctx.chat?.type,
    error: String(error.error),
    stack: (error.error as Error)?.stack,
  });
  try {
    await ctx.reply(escapeHtml(textsFor(chat.languageOf(ctx)).failure), { parse_mode: 'HTML' });
  } catch (replyError) {
    deps.log.warn('could not send the apology', { updateId: ctx.update.update_id, error: String(replyError) });
  }
}
