// npm run bot:local: the real bot against a local Bot API emulator, with a terminal client, for
// anyone without Telegram access. Typed lines go to the bot as your messages; its replies print
// as plain text with their buttons numbered.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { botDependencies } from '../src/app.ts';
import { startBot } from '../src/bot/index.ts';
import { runCommand } from '../src/cli/run.ts';
import { ensureReports } from '../src/cli/sample-corpus.ts';
import { startEmulator, type BotMessage } from './lib/bot-api-emulator.ts';

const USAGE = `usage: npm run bot:local -- [--data DIR]
  type a question, or a command (/start, /help, /reports, /new, /about, /stats)
  :press N       press button N of the last message that has buttons
  :upload FILE   send a report file to the bot (you are an admin here)
  :quit          stop`;

const USER_ID = 1001;
// How long a line waits for the bot to answer before the next is sent; a 👍 gets no message at all.
const REPLY_WAIT_MS = 15_000;
const emulator = await startEmulator();
process.env.TELEGRAM_BOT_TOKEN = emulator.token;
process.env.TELEGRAM_API_ROOT = emulator.apiRoot;
process.env.ADMIN_USER_IDS = [process.env.ADMIN_USER_IDS, String(USER_ID)].filter(Boolean).join(',');
delete process.env.WEBHOOK_URL;

await runCommand(USAGE, {}, async (app) => {
  await ensureReports(app);
  const running = await startBot(botDependencies(app));
  const client = emulator.client({
    userId: USER_ID,
    chatId: USER_ID,
    firstName: 'Local',
    userName: 'local_user',
    type: 'private',
  });
  const from = {
    id: USER_ID,
    first_name: 'Local',
    username: 'local_user',
    is_bot: false,
    language_code: process.env.LANG?.startsWith('en') ? 'en' : 'vi',
  };
  process.stdout.write(`Bot @${running.bot.botInfo.username} is running against a local emulator.\n${USAGE}\n\n`);

  // Print what the bot sends (and edits) as it arrives.
  const shown: string[] = [];
  let buttons: Array<{ text: string; data: string }> = [];
  const printNew = () => {
    emulator.history(USER_ID).forEach((message, i) => {
      const text = plain(message);
      if (shown[i] === text) return;
      process.stdout.write(`${shown[i] === undefined ? '' : '(edited) '}${text}\n\n`);
      shown[i] = text;
      const row = (message.reply_markup?.inline_keyboard ?? []).flat().filter((b) => b.callback_data);
      if (row.length > 0) buttons = row.map((b) => ({ text: b.text, data: b.callback_data! }));
    });
  };
  const printer = setInterval(printNew, 100);

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    const before = conversation();
    const line = raw.trim();
    if (!line) continue;
    if (line === ':quit') break;
    if (line.startsWith(':press ')) {
      const button = buttons[Number(line.slice(7)) - 1];
      if (!button) {
        process.stdout.write('no such button\n');
        continue;
      }
      const messageId = emulator.lastBotMessageId(USER_ID, { withButtons: true }) ?? 0;
      await client.sendCallback(client.makeCallbackQuery(button.data, { from, message: { message_id: messageId } }));
    } else if (line.startsWith(':upload ')) {
      const file = line.slice(8).trim();
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) {
        process.stdout.write(`cannot read ${file}\n`);
        continue;
      }
      await emulator.sendWithoutText(client, { from, document: emulator.addFile(bytes, path.basename(file)) });
    } else if (line.startsWith('/')) {
      await client.sendCommand(client.makeCommand(line, { from }));
    } else {
      await client.sendMessage(client.makeMessage(line, { from }));
    }
    await settle(before);
  }
  clearInterval(printer);
  printNew();
  await running.stop();
  await emulator.stop();
  return 0;

  /**
   * Waits for the bot's reply or edit (every input gets one; a slow answer can take seconds), then
   * until the bot has been quiet for a moment, so piped input reads like a conversation.
   */
  async function settle(before: string): Promise<void> {
    const deadline = Date.now() + REPLY_WAIT_MS;
    while (conversation() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    let seen = '';
    while (seen !== conversation()) {
      seen = conversation();
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  }

  /** What the bot has shown so far, edits included. */
  function conversation(): string {
    return JSON.stringify(emulator.history(USER_ID).map((message) => [message.text, message.reply_markup]));
  }
});

/** A bot message as terminal text: tags dropped, entities decoded, buttons numbered. */
function plain(message: BotMessage): string {
  const text = message.text
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
  return buttons.length > 0 ? `${text}\n${buttons.map((b, i) => `[${i + 1}: ${b.text}]`).join(' ')}` : text;
}
