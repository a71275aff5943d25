import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { Message } from 'grammy/types';
import path from 'node:path';
import { englishMonth, type Answer } from '../answer/index.ts';
import { SUPPORTED_EXTENSIONS } from '../ingest/readers/index.ts';
import { newestFirst, type ReportSummary } from '../store/index.ts';
import { vietnameseMonth } from '../text/index.ts';
import { decodeButton, encodeButton } from './callback-data.ts';
import type { BotDeps } from './deps.ts';
import { escapeHtml } from './html.ts';
import { RateLimiter } from './rate-limit.ts';
import { answerMessages, passageMessages, reportsPage, type OutgoingMessage } from './render.ts';
import { chatKey, chatSessions, chatState, type BotContext } from './session.ts';
import { textsFor, type BotLanguage } from './texts.ts';
import { BOT_API_DOWNLOAD_LIMIT, downloadFile, ingestUpload } from './upload.ts';

/** Questions longer than this get a reply saying so instead of an answer. */
export const MAX_QUESTION_CHARS = 500;
const DEFAULT_API_ROOT = 'https://api.telegram.org';
// Auto-retry waits out a 429 for at most this long, so one flooded chat never holds a worker for minutes.
const MAX_RETRY_DELAY_SECONDS = 30;
const TYPING_REFRESH_MS = 4_000;
const EXAMPLE_QUESTIONS = 3;

/**
 * The Telegram bot: questions in private chats (any text) and groups (mention, reply, /ask),
 * answered with citations, source and feedback buttons; /start, /help, /about, /reports, /new;
 * staff uploads and /stats for ADMIN_USER_IDS. Transport (polling or webhook) is up to the caller.
 */
export function createBot(deps: BotDeps): Bot<BotContext> {
  const { telegram } = deps;
  if (!telegram.token) throw new Error('createBot needs TELEGRAM_BOT_TOKEN');
  const token = telegram.token;
  const apiRoot = telegram.apiRoot ?? DEFAULT_API_ROOT;
  const bot = new Bot<BotContext>(token, { client: { apiRoot } });
  bot.api.config.use(autoRetry({ maxDelaySeconds: MAX_RETRY_DELAY_SECONDS, maxRetryAttempts: 3 }));

  const now = deps.now ?? Date.now;
  const limiter = new RateLimiter(telegram.rateLimitPerMinute, now);
  const chat = chatState(telegram.followUpMs, now);
  const languageOf = chat.languageOf;
  const isAdmin = (ctx: Context) => ctx.from !== undefined && telegram.adminUserIds.includes(ctx.from.id);

  const send = async (ctx: Context, messages: readonly OutgoingMessage[], replyTo?: number): Promise<void> => {
    for (const [i, message] of messages.entries()) {
      await ctx.reply(message.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
        // In groups the answer quotes the question it answers; only the first part needs to.
        ...(replyTo !== undefined && i === 0 ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      });
    }
  };
  const say = (ctx: Context, text: string, replyTo?: number) => send(ctx, [{ html: escapeHtml(text) }], replyTo);

  const answerQuestion = async (ctx: BotContext, rawQuestion: string): Promise<void> => {
    const question = rawQuestion.trim();
    const replyTo = ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
    const texts = textsFor(languageOf(ctx));
    if (!question) return say(ctx, texts.askUsage, replyTo);
    if (question.length > MAX_QUESTION_CHARS) return say(ctx, texts.tooLong(MAX_QUESTION_CHARS, question.length), replyTo);
    const wait = limiter.take(String(ctx.from?.id ?? chatKey(ctx) ?? ''));
    if (wait > 0) return say(ctx, texts.rateLimited(wait), replyTo);

    const result = await whileTyping(ctx, () => deps.ask(question, { context: chat.followUpOf(ctx) }));
    const language: BotLanguage = result.language === 'en' ? 'en' : 'vi';
    chat.rememberLanguage(ctx, language);
    if (result.scope) chat.rememberFollowUp(ctx, result.scope);
    const questionId = logAnswer(ctx, result);
    await send(ctx, answerMessages(result, questionId, (id) => deps.reports.get(id), textsFor(language), language), replyTo);
  };

  const logAnswer = (ctx: Context, result: Answer): number =>
    deps.questions.record({
      surface: 'telegram',
      chatId: ctx.chat ? String(ctx.chat.id) : null,
      userId: ctx.from ? String(ctx.from.id) : null,
      updateId: ctx.update.update_id,
      question: result.question,
      language: result.language,
      mode: result.mode,
      answer: result.answer,
      citations: result.citations.map(({ n, chunkId, quote }) => ({ n, chunkId, quote })),
      timingsMs: result.timingsMs,
    });

  // Per chat in order, chats in parallel (under @grammyjs/runner): before the session middleware, so
  // two updates of one chat never load and save its session at the same time.
  bot.use(sequentialize(chatKey));
  bot.use(chatSessions({ followUpMs: telegram.followUpMs, storage: deps.sessions }));

  bot.command('start', async (ctx) => {
    const language = languageOf(ctx);
    const texts = textsFor(language);
    await say(ctx, texts.welcome);
    const examples = newestFirst(deps.reports.list()).slice(0, EXAMPLE_QUESTIONS);
    if (examples.length === 0) return;
    const keyboard = examples.map((report) => [{ text: exampleQuestion(report, language), callback_data: encodeButton({ kind: 'example', reportId: report.id }) }]);
    await ctx.reply(escapeHtml(texts.examplesIntro), { parse_mode: 'HTML', reply_markup: { inline_keyboard: keyboard } });
  });
  bot.command('help', (ctx) => say(ctx, textsFor(languageOf(ctx)).help));
  bot.command('about', (ctx) => say(ctx, textsFor(languageOf(ctx)).about));
  bot.command('reports', (ctx) => send(ctx, [reportsPage(deps.reports.list(), 0, textsFor(languageOf(ctx)), languageOf(ctx))]));
  bot.command('new', (ctx) => {
    chat.forgetFollowUp(ctx);
    return say(ctx, textsFor(languageOf(ctx)).forgotten);
  });
  bot.command('ask', (ctx) => answerQuestion(ctx, ctx.match));
  bot.command('stats', async (ctx) => {
    const texts = textsFor(languageOf(ctx));
    if (!isAdmin(ctx)) return say(ctx, texts.adminOnly);
    const { reports, chunks } = deps.reports.counts();
    const stats = deps.questions.stats();
    await say(
      ctx,
      texts.stats({
        reports,
        chunks,
        today: stats.since,
        total: stats.total,
        up: stats.feedback.up,
        down: stats.feedback.down,
        todayUp: stats.sinceFeedback.up,
        todayDown: stats.sinceFeedback.down,
      }),
    );
  });

  bot.on('message:text', async (ctx) => {
    if (ctx.chat.type === 'private') {
      // An unknown command in a private chat: show what the bot understands.
      if (ctx.msg.text.startsWith('/')) return say(ctx, textsFor(languageOf(ctx)).help);
      return answerQuestion(ctx, ctx.msg.text);
    }
    const question = addressedQuestion(ctx.msg, ctx.me.username, ctx.me.id);
    if (question !== null) return answerQuestion(ctx, question);
  });

  bot.on('message:document', async (ctx) => {
    if (ctx.chat.type !== 'private' && !addressedToBot(ctx.msg, ctx.me.username, ctx.me.id)) return;
    const texts = textsFor(languageOf(ctx));
    if (!isAdmin(ctx)) return say(ctx, texts.adminOnly);
    const { document } = ctx.msg;
    const fileName = document.file_name ?? 'report';
    if (!SUPPORTED_EXTENSIONS.includes(path.extname(fileName).toLowerCase())) return say(ctx, texts.unsupportedFile(SUPPORTED_EXTENSIONS.join(', ')));
    const limit = Math.min(deps.maxUploadBytes, BOT_API_DOWNLOAD_LIMIT);
    if ((document.file_size ?? 0) > limit) return say(ctx, texts.fileTooBig(megabytes(document.file_size ?? 0), megabytes(limit)));
    await say(ctx, texts.ingesting(fileName));
    const file = await ctx.api.getFile(document.file_id);
    if (!file.file_path) throw new Error(`getFile returned no file_path for ${document.file_id}`);
    const bytes = await downloadFile(apiRoot, token, file.file_path);
    const summary = await ingestUpload(fileName, bytes, deps);
    deps.log.info('report uploaded through the bot', { user: ctx.from.id, fileName, summary: { ...summary, reports: summary.reports.map((r) => r.id) } });
    const failure = summary.failed[0] ?? summary.skipped[0];
    if (failure) return say(ctx, texts.ingestFailed(languageOf(ctx) === 'en' ? failure.reason : failure.reasonVi));
    const report = summary.reports[0]!;
    const title = report.title ?? fileName;
    await say(
      ctx,
      report.status === 'added'
        ? texts.ingestAdded(title, report.chunks)
        : report.status === 'updated'
          ? texts.ingestUpdated(title, report.chunks)
          : texts.ingestUnchanged(title),
    );
  });

  // Stickers, photos, voice and the like carry no question: say what the bot does.
  bot.on(['message:sticker', 'message:photo', 'message:voice', 'message:video', 'message:video_note', 'message:audio', 'message:animation'], async (ctx) => {
    if (ctx.chat.type !== 'private' && !addressedToBot(ctx.msg, ctx.me.username, ctx.me.id)) return;
    await say(ctx, textsFor(languageOf(ctx)).help);
  });

  bot.on('callback_query:data', async (ctx) => {
    const action = decodeButton(ctx.callbackQuery.data);
    const texts = textsFor(languageOf(ctx));
    if (!action) return void (await ctx.answerCallbackQuery());
    switch (action.kind) {
      case 'source': {
        await ctx.answerCallbackQuery();
        const logged = deps.questions.get(action.questionId);
        const citation = logged?.citations.find((c) => c.n === action.n);
        const passage = citation && deps.passage(citation.chunkId);
        const language: BotLanguage = logged?.language === 'en' ? 'en' : 'vi';
        if (!citation || !passage) return say(ctx, textsFor(language).passageGone);
        return send(ctx, passageMessages(passage, citation.n, citation.quote, textsFor(language), language));
      }
      case 'feedback': {
        const recorded = deps.questions.recordFeedback(action.questionId, String(ctx.from.id), action.value);
        return void (await ctx.answerCallbackQuery(recorded ? { text: texts.feedbackThanks } : {}));
      }
      case 'reports': {
        await ctx.answerCallbackQuery();
        const page = reportsPage(deps.reports.list(), action.page, texts, languageOf(ctx));
        return void (await ctx.editMessageText(page.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(page.keyboard ? { reply_markup: page.keyboard } : {}) }));
      }
      case 'example': {
        await ctx.answerCallbackQuery();
        const report = deps.reports.get(action.reportId);
        if (report) return answerQuestion(ctx, exampleQuestion(report, languageOf(ctx)));
      }
    }
  });

  bot.catch(async (error) => {
    const ctx = error.ctx;
    deps.log.error('update failed', { updateId: ctx.update.update_id, chat: ctx.chat?.id, error: String(error.error), stack: (error.error as Error)?.stack });
    try {
      await ctx.reply(escapeHtml(textsFor(languageOf(ctx)).failure), { parse_mode: 'HTML' });
    } catch (replyError) {
      deps.log.warn('could not send the apology', { updateId: ctx.update.update_id, error: String(replyError) });
    }
  });
  return bot;
}

/** Runs `work` while the chat shows "typing…" (refreshed, since one indicator lasts about 5 s). Best effort. */
async function whileTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const type = () => ctx.replyWithChatAction('typing').catch(() => undefined);
  void type();
  const timer = setInterval(type, TYPING_REFRESH_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** In a group, the question in a message addressed to the bot (mention or reply), else null. */
function addressedQuestion(message: Message, botUsername: string, botId: number): string | null {
  if (!addressedToBot(message, botUsername, botId)) return null;
  const text = message.text ?? message.caption ?? '';
  return text.replace(new RegExp(`@${botUsername}\\b`, 'gi'), ' ').replace(/\s+/g, ' ').trim();
}

function addressedToBot(message: Message, botUsername: string, botId: number): boolean {
  if (message.reply_to_message?.from?.id === botId) return true;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const mention = `@${botUsername}`.toLowerCase();
  if (entities.some((e) => (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention) || (e.type === 'text_mention' && e.user.id === botId))) {
    return true;
  }
  return new RegExp(`(^|\\s)@${botUsername}\\b`, 'i').test(text);
}

/** A question about a stored report that it answers: what its session concluded. */
function exampleQuestion(report: ReportSummary, language: BotLanguage): string {
  if (language === 'en') return `What did the ${report.body ?? 'council'} session${report.sessionMonth ? ` in ${englishMonth(report.sessionMonth)}` : ''} conclude?`;
  return `Phiên họp${report.sessionMonth ? ` tháng ${vietnameseMonth(report.sessionMonth)}` : ''} của ${report.body ?? 'hội đồng'} kết luận những gì?`;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
