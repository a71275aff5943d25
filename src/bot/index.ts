export { createBot, MAX_QUESTION_CHARS } from './bot.ts';
export type { BotDeps } from './deps.ts';
export { startBot } from './run.ts';
export type { RunningBot } from './run.ts';
