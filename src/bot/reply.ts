// How the bot's messages go out: Telegram HTML without link previews, buttons on the message that
// carries them, and in groups a quote of the question being answered.
import type { Context } from 'grammy';
import { escapeHtml } from './html.ts';
import type { OutgoingMessage } from './render.ts';

const TYPING_REFRESH_MS = 4_000;

/** Sends messages in order; in a group the first quotes message `replyTo`. */
export async function send(ctx: Context, messages: readonly OutgoingMessage[], replyTo?: number): Promise<void> {
  for (const [i, message] of messages.entries()) {
    await ctx.reply(message.html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
      // In groups the answer quotes the question it answers; only the first part needs to.
      ...(replyTo !== undefined && i === 0
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    });
  }
}

/** Sends plain text (escaped). */
export function say(ctx: Context, text: string, replyTo?: number): Promise<void> {
  return send(ctx, [{ html: escapeHtml(text) }], replyTo);
}

/** Runs `work` while the chat shows "typing…" (refreshed, since one indicator lasts about 5 s). Best effort. */
export async function whileTyping<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const type = () => ctx.replyWithChatAction('typing').catch(() => undefined);
  void type();
  const timer = setInterval(type, TYPING_REFRESH_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
