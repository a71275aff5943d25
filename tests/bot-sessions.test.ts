// What the bot remembers about a chat, through the real bot against the emulator: the follow-up
// scope for FOLLOW_UP_MINUTES and the chat's language for a day, each from its last answer, kept
// in the session storage the bot is given (here one that holds JSON, as a shared store would).
import type { StorageAdapter } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botDependencies } from '../src/app.ts';
import { startBot, type RunningBot } from '../src/bot/index.ts';
import type { ChatSession } from '../src/bot/index.ts';
import { startEmulator, type Emulator } from '../scripts/lib/bot-api-emulator.ts';
import { corpusApp } from './helpers/app.ts';

const FOLLOW_UP_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const ASSUMED = 'Hiểu theo câu hỏi trước';
let emulator: Emulator;
let running: RunningBot;
// The bot's clock runs this far ahead of the real one; a test moves it on.
let ahead = 0;
const stored = new Map<string, string>();

/** A session store that keeps JSON text, as a store shared between processes would. */
const jsonStorage: StorageAdapter<ChatSession> = {
  read: (key) => {
    const text = stored.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as ChatSession);
  },
  write: (key, value) => void stored.set(key, JSON.stringify(value)),
  delete: (key) => void stored.delete(key),
};

beforeAll(async () => {
  emulator = await startEmulator();
  const { app } = await corpusApp({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    FOLLOW_UP_MINUTES: String(FOLLOW_UP_MS / 60_000),
  });
  running = await startBot({ ...botDependencies(app), sessions: jsonStorage, now: () => Date.now() + ahead });
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await emulator?.stop();
});

let nextUser = 3000;
function citizen(languageCode = 'vi') {
  const userId = nextUser++;
  const client = emulator.client({
    userId,
    chatId: userId,
    firstName: 'Mai',
    userName: `mai${userId}`,
    type: 'private',
  });
  const from = { id: userId, first_name: 'Mai', username: `mai${userId}`, is_bot: false, language_code: languageCode };
  return {
    chatId: userId,
    say: (text: string) => client.sendMessage(client.makeMessage(text, { from })),
    command: (text: string) => client.sendCommand(client.makeCommand(text, { from })),
    reply: async () => (await emulator.botMessages(userId, 1))[0]!.text,
  };
}

describe('chat sessions', () => {
  it('reads a follow-up in the previous scope until FOLLOW_UP_MINUTES after the last answer, then no longer', async () => {
    const user = citizen();
    await user.say('Phiên họp tháng 3/2022 của UBND thành phố Từ Sơn kết luận gì về cải cách hành chính?');
    expect(await user.reply()).toContain('tháng 3/2022 của UBND thành phố Từ Sơn');

    ahead += FOLLOW_UP_MS - 1_000;
    await user.say('còn về giáo dục thì sao?');
    expect(await user.reply()).toContain(ASSUMED);

    // The follow-up's answer renewed the scope: it lasts FOLLOW_UP_MINUTES from there.
    ahead += FOLLOW_UP_MS - 1_000;
    await user.say('còn về y tế thì sao?');
    expect(await user.reply()).toContain(ASSUMED);

    ahead += FOLLOW_UP_MS + 1_000;
    await user.say('còn về giáo dục thì sao?');
    expect(await user.reply()).not.toContain(ASSUMED);
  });

  it("forgets the scope on /new but keeps the chat's language", async () => {
    const user = citizen();
    await user.say('What did the September 2021 session conclude about agriculture?');
    expect(await user.reply()).toContain('According to the report');
    await user.command('/new');
    expect(await user.reply()).toBe('Starting a new topic.');
    expect(await savedSession(user.chatId, (session) => !session.followUp)).toEqual({
      language: { value: 'en', until: expect.any(Number) },
    });
  });

  it("speaks the language of the chat's last answer for a day, then the user's app language again", async () => {
    const user = citizen('vi');
    await user.say('What did the September 2021 session conclude about agriculture?');
    expect(await user.reply()).toContain('According to the report');
    ahead += DAY_MS - 60_000;
    await user.command('/help');
    expect(await user.reply()).toMatch(/^Ask about council sessions/);
    ahead += 2 * 60_000;
    await user.command('/help');
    expect(await user.reply()).toMatch(/^Gửi câu hỏi về các phiên họp/);
  });

  it("keeps each chat's session, as JSON, in the storage the bot is given", async () => {
    const user = citizen();
    await user.say('Phiên họp tháng 3/2022 của UBND thành phố Từ Sơn kết luận gì về cải cách hành chính?');
    await user.reply();
    const session = await savedSession(user.chatId, (saved) => saved.followUp !== undefined);
    expect(session.language?.value).toBe('vi');
    expect(session.followUp?.value.period?.months).toEqual(['2022-03']);
    expect(session.language!.until - session.followUp!.until).toBeGreaterThanOrEqual(DAY_MS - FOLLOW_UP_MS - 1_000);
    expect(session.language!.until - session.followUp!.until).toBeLessThanOrEqual(DAY_MS - FOLLOW_UP_MS);
  });
});

/** The chat's session as the storage holds it, once `ready` (it is saved after the reply is sent). */
async function savedSession(chatId: number, ready: (session: ChatSession) => boolean): Promise<ChatSession> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = stored.get(String(chatId));
    const session = text === undefined ? undefined : (JSON.parse(text) as ChatSession);
    if (session && ready(session)) return session;
    if (Date.now() > deadline) throw new Error(`session of chat ${chatId} not saved in time: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
