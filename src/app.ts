import type { Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { Store } from './store/index.ts';

/** The pieces every command and the bot share, opened once. */
export interface App {
  config: Config;
  log: Logger;
  store: Store;
  close(): void;
}

/** The composition root: opens the store (and, as stages land, the other pieces) once. */
export function openApp(config: Config, log: Logger = createLogger(config.logLevel)): App {
  const store = Store.open(config.databasePath);
  return {
    config,
    log,
    store,
    close: () => store.close(),
  };
}
