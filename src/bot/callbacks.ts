// Buttons: an example question from /start, 📄 (the cited passage in full), 👍 / 👎, and the
// pages of /reports. Their data is short (callback-data.ts); the rest is looked up.
import { Composer } from 'grammy';
import { decodeButton } from './callback-data.ts';
import type { BotDeps } from './deps.ts';
import type { AnswerQuestion } from './questions.ts';
import { exampleQuestion, passageMessages, reportsPage } from './render.ts';
import { say, send } from './reply.ts';
import type { BotContext, ChatState } from './session.ts';
import { textsFor, type BotLanguage } from './texts.ts';

export function callbacks(
  deps: Pick<BotDeps, 'reports' | 'questions' | 'passage'>,
  chat: ChatState,
  answerQuestion: AnswerQuestion,
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx) => {
    const action = decodeButton(ctx.callbackQuery.data);
    const texts = textsFor(chat.languageOf(ctx));
    // Old or forged buttons: only stop the spinner.
    if (!action) return void (await ctx.answerCallbackQuery());
    switch (action.kind) {
      case 'source': {
        await ctx.answerCallbackQuery();
        const logged = deps.questions.get(action.questionId);
        const citation = logged?.citations.find((c) => c.n === action.n);
        const passage = citation && deps.passage(citation.chunkId);
        // The passage is shown in the language of the answer that cited it.
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
        const page = reportsPage(deps.reports.list(), action.page, texts, chat.languageOf(ctx));
        return void (await ctx.editMessageText(page.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(page.keyboard ? { reply_markup: page.keyboard } : {}),
        }));
      }
      case 'example': {
        await ctx.answerCallbackQuery();
        const report = deps.reports.get(action.reportId);
        if (report) return answerQuestion(ctx, exampleQuestion(report, chat.languageOf(ctx)));
      }
    }
  });
  return composer;
}
