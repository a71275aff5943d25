import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openApp, type App } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { EmbedderError } from '../embed/index.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags every command takes. */
const COMMON_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** A command's parsed flags (`--data`, `--json`, `--help` and its own) and positional arguments. */
export interface CommandInput {
  values: { data?: string; json: boolean; help: boolean } & Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Runs a command: parses flags (common ones plus the command's), loads the configuration,
 * opens the app, and turns expected errors into one line on stderr and exit code 2.
 */
export async function runCommand(
  usage: string,
  options: Options,
  command: (app: App, input: CommandInput) => Promise<number> | number,
): Promise<void> {
  let input: CommandInput;
  try {
    const parsed = parseArgs({ options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    input = parsed as CommandInput;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  if (input.values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  let app: App;
  try {
    const dataDir = input.values.data;
    app = openApp(loadConfig(process.env, dataDir === undefined ? {} : { dataDir }));
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? 'configuration error' : 'cannot start'}: ${(error as Error).message}\n`,
    );
    process.exit(2);
  }
  try {
    process.exitCode = await command(app, input);
  } catch (error) {
    // The embedder loads at first need, so its settings are checked then: one line naming the fix.
    if (!(error instanceof EmbedderError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exitCode = 2;
  } finally {
    app.close();
  }
}
