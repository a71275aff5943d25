// The commands: /start (welcome and example questions), /help, /about, /reports, /new, /privacy
// (what is kept, for how long), /forget (delete it now) and, for ADMIN_USER_IDS, /stats. /ask is
// a question (questions.ts).
import { Composer } from 'grammy';
import { newestFirst } from '../store/index.ts';
import { encodeButton } from './callback-data.ts';
import { isAdmin } from './chat.ts';
import type { BotDeps } from './deps.ts';
import { escapeHtml } from './html.ts';
import { exampleQuestion, reportsPage } from './render.ts';
import { say, send } from './reply.ts';
import type { BotContext, ChatState } from './session.ts';
import { textsFor } from './texts.ts';

const EXAMPLE_QUESTIONS = 3;

export function commands(
  deps: Pick<BotDeps, 'telegram' | 'reports' | 'questions' | 'questionLogDays'>,
  chat: ChatState,
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const textsOf = (ctx: BotContext) => textsFor(chat.languageOf(ctx));

  composer.command('start', async (ctx) => {
    const language = chat.languageOf(ctx);
    const texts = textsFor(language);
    await say(ctx, texts.welcome);
    // A button per newest report, asking what its session concluded: a question it answers.
    const examples = newestFirst(deps.reports.list()).slice(0, EXAMPLE_QUESTIONS);
    if (examples.length === 0) return;
    const keyboard = examples.map((report) => [
      {
        text: exampleQuestion(report, language),
        callback_data: encodeButton({ kind: 'example', reportId: report.id }),
      },
    ]);
    await ctx.reply(escapeHtml(texts.examplesIntro), {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: keyboard },
    });
  });
  composer.command('help', (ctx) => say(ctx, textsOf(ctx).help));
  composer.command('about', (ctx) => say(ctx, textsOf(ctx).about));
  composer.command('reports', (ctx) =>
    send(ctx, [reportsPage(deps.reports.list(), 0, textsOf(ctx), chat.languageOf(ctx))]),
  );
  composer.command('new', (ctx) => {
    chat.forgetFollowUp(ctx);
    return say(ctx, textsOf(ctx).forgotten);
  });
  composer.command('privacy', (ctx) => say(ctx, textsOf(ctx).privacy(deps.questionLogDays)));
  composer.command('forget', (ctx) => {
    if (!ctx.from) return;
    const { questions, votes } = deps.questions.forget(String(ctx.from.id));
    chat.forgetFollowUp(ctx);
    return say(ctx, textsOf(ctx).forgotYou(questions, votes));
  });
  composer.command('stats', async (ctx) => {
    if (!isAdmin(ctx, deps.telegram)) return say(ctx, textsOf(ctx).adminOnly);
    const { reports, chunks } = deps.reports.counts();
    const stats = deps.questions.stats();
    await say(
      ctx,
      textsOf(ctx).stats({
        reports,
        chunks,
        today: stats.since,
        total: stats.total,
        askers: stats.askers,
        up: stats.feedback.up,
        down: stats.feedback.down,
        todayUp: stats.sinceFeedback.up,
        todayDown: stats.sinceFeedback.down,
      }),
    );
  });
  return composer;
}
