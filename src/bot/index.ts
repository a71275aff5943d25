export { createBot, MAX_QUESTION_CHARS } from './bot.ts';
export type { BotApp } from './bot.ts';
export { startBot } from './run.ts';
export type { RunningBot } from './run.ts';
