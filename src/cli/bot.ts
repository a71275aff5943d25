import { botDependencies } from '../app.ts';
import { startBot } from '../bot/index.ts';
import { runCommand } from './run.ts';
import { ensureReports } from './sample-corpus.ts';

const USAGE = `usage: npm start -- [--data DIR]
       runs the Telegram bot (TELEGRAM_BOT_TOKEN required; WEBHOOK_URL for webhook mode)`;

const NO_TOKEN = `TELEGRAM_BOT_TOKEN is not set, so the bot cannot start.
  To get a token: open Telegram, talk to @BotFather, send /newbot, pick a name, and copy the token it gives you:
    TELEGRAM_BOT_TOKEN=123456789:AA... npm start
  Without Telegram:
    npm run bot:local   chat with the real bot code through a local Bot API emulator
    npm run ask -- "Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?"   ask at the terminal
`;

await runCommand(USAGE, {}, async (app) => {
  if (!app.config.telegram.token) {
    process.stderr.write(NO_TOKEN);
    return 2;
  }
  await ensureReports(app);
  const running = await startBot(botDependencies(app));
  process.stderr.write(`Bot @${running.bot.botInfo.username} is running (${running.mode}); Ctrl+C stops it.\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  app.log.info('stopping the bot', { signal });
  await running.stop();
  return 0;
});
