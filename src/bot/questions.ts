// Questions: any text in a private chat, and in groups a mention of the bot, a reply to it or
// /ask. Each is answered with citations, logged, and read in the chat's follow-up scope.
import { Composer } from 'grammy';
import type { Answer } from '../answer/index.ts';
import type { QuestionEntry } from '../store/index.ts';
import { addressedQuestion, addressedToBot } from './chat.ts';
import type { BotDeps } from './deps.ts';
import type { RateLimiter } from './rate-limit.ts';
import { answerMessages } from './render.ts';
import { say, send, whileTyping } from './reply.ts';
import { chatKey, type BotContext, type ChatState } from './session.ts';
import { textsFor, type BotLanguage } from './texts.ts';

/** Questions longer than this get a reply saying so instead of an answer. */
export const MAX_QUESTION_CHARS = 500;

/** Answers a question in the chat it came from. */
export type AnswerQuestion = (ctx: BotContext, question: string) => Promise<void>;

/**
 * Answers a question: refuses an empty or overlong one and one over the sender's rate limit,
 * else answers in the chat's follow-up scope, remembers the answer's language and scope for the
 * chat, logs it (its id goes into the buttons) and sends it; in a group, quoting the question.
 */
export function questionAnswerer(
  deps: Pick<BotDeps, 'ask' | 'reports' | 'questions'>,
  chat: ChatState,
  limiter: RateLimiter,
): AnswerQuestion {
  return async (ctx, rawQuestion) => {
    const question = rawQuestion.trim();
    const replyTo = ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;
    const texts = textsFor(chat.languageOf(ctx));
    if (!question) return say(ctx, texts.askUsage, replyTo);
    if (question.length > MAX_QUESTION_CHARS)
      return say(ctx, texts.tooLong(MAX_QUESTION_CHARS, question.length), replyTo);
    const wait = limiter.take(String(ctx.from?.id ?? chatKey(ctx) ?? ''));
    if (wait > 0) return say(ctx, texts.rateLimited(wait), replyTo);

    const result = await whileTyping(ctx, () => deps.ask(question, { context: chat.followUpOf(ctx) }));
    const language: BotLanguage = result.language === 'en' ? 'en' : 'vi';
    chat.rememberLanguage(ctx, language);
    if (result.scope) chat.rememberFollowUp(ctx, result.scope);
    const questionId = deps.questions.record(logEntry(ctx, result));
    await send(
      ctx,
      answerMessages(result, questionId, (id) => deps.reports.get(id), textsFor(language), language),
      replyTo,
    );
  };
}

/** The handlers of questions, and of messages that carry none. */
export function questions(chat: ChatState, answerQuestion: AnswerQuestion): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('ask', (ctx) => answerQuestion(ctx, ctx.match));

  composer.on('message:text', async (ctx) => {
    if (ctx.chat.type === 'private') {
      // An unknown command in a private chat: show what the bot understands.
      if (ctx.msg.text.startsWith('/')) return say(ctx, textsFor(chat.languageOf(ctx)).help);
      return answerQuestion(ctx, ctx.msg.text);
    }
    const question = addressedQuestion(ctx.msg, ctx.me.username, ctx.me.id);
    if (question !== null) return answerQuestion(ctx, question);
  });

  // Stickers, photos, voice and the like carry no question: say what the bot does.
  composer.on(
    [
      'message:sticker',
      'message:photo',
      'message:voice',
      'message:video',
      'message:video_note',
      'message:audio',
      'message:animation',
    ],
    async (ctx) => {
      if (ctx.chat.type !== 'private' && !addressedToBot(ctx.msg, ctx.me.username, ctx.me.id)) return;
      await say(ctx, textsFor(chat.languageOf(ctx)).help);
    },
  );
  return composer;
}

/** An answer as the question log keeps it. */
function logEntry(ctx: BotContext, result: Answer): QuestionEntry {
  return {
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
  };
}
