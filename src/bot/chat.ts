// Who a message is from and whether it is for the bot: in a group only mentions of the bot and
// replies to it are, so the bot stays out of the members' own conversation.
import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { TelegramConfig } from '../config.ts';

/** Whether the sender is one of ADMIN_USER_IDS (uploads, /stats). */
export function isAdmin(ctx: Context, telegram: Pick<TelegramConfig, 'adminUserIds'>): boolean {
  return ctx.from !== undefined && telegram.adminUserIds.includes(ctx.from.id);
}

/** In a group, the question in a message addressed to the bot (mention or reply), else null. */
export function addressedQuestion(message: Message, botUsername: string, botId: number): string | null {
  if (!addressedToBot(message, botUsername, botId)) return null;
  const text = message.text ?? message.caption ?? '';
  return text
    .replace(new RegExp(`@${botUsername}\\b`, 'gi'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a group message mentions the bot or replies to one of its messages. */
export function addressedToBot(message: Message, botUsername: string, botId: number): boolean {
  if (message.reply_to_message?.from?.id === botId) return true;
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const mention = `@${botUsername}`.toLowerCase();
  if (
    entities.some(
      (e) =>
        (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === mention) ||
        (e.type === 'text_mention' && e.user.id === botId),
    )
  ) {
    return true;
  }
  return new RegExp(`(^|\\s)@${botUsername}\\b`, 'i').test(text);
}
