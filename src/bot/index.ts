export { createBot } from './bot.ts';
export type { BotDeps } from './deps.ts';
export { MAX_QUESTION_CHARS } from './questions.ts';
export { startBot } from './run.ts';
export type { RunningBot } from './run.ts';
export type { BotContext, ChatSession } from './session.ts';
