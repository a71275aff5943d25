import { readFileSync, writeFileSync } from 'node:fs';
import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Leveled log lines on stderr, so stdout stays clean for `--json` output. */
export interface Logger {
  debug(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** A logger writing `level message {detail}` lines at or above `level`. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const at =
    (lineLevel: LogLevel) =>
    (message: string, detail?: Record<string, unknown>): void => {
      if (ORDER[lineLevel] < ORDER[level]) return;
      write(`${lineLevel} ${message}${detail ? ' ' + JSON.stringify(detail) : ''}`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Logs a notice at info the first time `file` records it and at debug when it repeats: the same
 * line on every command of a data dir is noise, and a changed one (another embedder) is news.
 */
export function noticeOnce(log: Logger, file: string): (line: string) => void {
  return (line) => {
    let said: string | undefined;
    try {
      said = readFileSync(file, 'utf8');
    } catch {
      said = undefined;
    }
    if (said === line) return log.debug(line);
    log.info(line);
    try {
      writeFileSync(file, line);
    } catch {
      // A data dir that cannot be written to says the notice every time, which is no harm.
    }
  };
}
