import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import { createBot } from './bot.ts';
import type { BotDeps } from './deps.ts';
import type { BotContext } from './session.ts';
import { textsFor } from './texts.ts';

/** A started bot: how it receives updates, and how to stop it. */
export interface RunningBot {
  bot: Bot<BotContext>;
  mode: 'polling' | 'webhook';
  /** Stops receiving updates and waits for the ones in progress. */
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * Starts the bot: webhook when WEBHOOK_URL is set (an HTTP server on PORT checking Telegram's
 * secret-token header), long polling with @grammyjs/runner otherwise. Registers the command
 * menus first, best effort (not every Bot API server implements setMyCommands).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const bot = createBot(deps);
  // Questions past the retention limit go at start and then daily, while the bot runs.
  const expire = () => {
    const cutoff = new Date((deps.now?.() ?? Date.now()) - deps.questionLogDays * DAY_MS);
    const deleted = deps.questions.deleteOlderThan(cutoff);
    if (deleted > 0)
      deps.log.info('questions past the retention limit deleted', { deleted, days: deps.questionLogDays });
  };
  expire();
  const daily = setInterval(expire, DAY_MS);
  daily.unref();
  // Load now what the first question would need, so the first citizen does not wait seconds for it.
  await deps.warmUp();
  await bot.init();
  await registerCommands(bot, deps);
  const { webhookUrl, port } = deps.telegram;
  if (!webhookUrl) {
    await bot.api.deleteWebhook();
    const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
    deps.log.info('bot started (long polling)', { username: bot.botInfo.username });
    return {
      bot,
      mode: 'polling',
      stop: () => {
        clearInterval(daily);
        return runner.isRunning() ? runner.stop() : Promise.resolve();
      },
    };
  }
  const secretToken = deps.telegram.webhookSecret ?? randomBytes(24).toString('hex');
  // An LLM answer can outlast Telegram's patience: acknowledge the update after a while and keep
  // working, rather than fail the request and have Telegram deliver the same question again.
  const server: Server = createServer(
    webhookCallback(bot, 'http', { secretToken, onTimeout: 'return', timeoutMilliseconds: 8_000 }),
  );
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  await bot.api.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES });
  deps.log.info('bot started (webhook)', { username: bot.botInfo.username, url: webhookUrl, port });
  return {
    bot,
    mode: 'webhook',
    stop: () => {
      clearInterval(daily);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The command menu in Vietnamese (the default) and English, for private chats and groups. */
async function registerCommands(bot: Bot<BotContext>, deps: Pick<BotDeps, 'log'>): Promise<void> {
  for (const [language, languageCode] of [
    ['vi', undefined],
    ['en', 'en'],
  ] as const) {
    const { commands } = textsFor(language);
    for (const scope of [{ type: 'all_private_chats' }, { type: 'all_group_chats' }] as const) {
      try {
        await bot.api.setMyCommands(commands, { scope, ...(languageCode ? { language_code: languageCode } : {}) });
      } catch (error) {
        deps.log.warn('could not register the command menu; commands still work when typed', {
          language,
          scope: scope.type,
          error: String(error),
        });
        return;
      }
    }
  }
}
