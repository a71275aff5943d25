#!/usr/bin/env node
// council-qa <command> [...]: the one entry of the command line, compiled to dist/cli/main.js at
// install (npm run build) so a quick query pays for neither npm nor a TypeScript transpiler. Each
// command is imported only when named: `reports` never loads what `ask` or the bot needs.

const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<unknown> }>> = {
  ask: {
    summary: 'answer questions with cited sources (--json for the answer object)',
    load: () => import('./ask.ts'),
  },
  chat: { summary: 'ask in a conversation at the terminal (:help for its commands)', load: () => import('./chat.ts') },
  search: { summary: 'ranked passages for a query, and the filters that applied', load: () => import('./search.ts') },
  ingest: {
    summary: 'store reports from files and folders (--remove to take one out)',
    load: () => import('./ingest.ts'),
  },
  reports: { summary: 'list the stored reports, newest first', load: () => import('./reports.ts') },
  stats: { summary: "what the bot's users asked and how it answered", load: () => import('./stats.ts') },
  reindex: {
    summary: 'embed every stored chunk again with the configured embedder',
    load: () => import('./reindex.ts'),
  },
  bot: { summary: 'run the Telegram bot (TELEGRAM_BOT_TOKEN)', load: () => import('./bot.ts') },
};

const USAGE = [
  'usage: council-qa <command> [options]   (council-qa <command> --help for its options)',
  '',
  ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`),
  '',
  'exit codes: 0 done; 1 the command ran but something failed (a file not ingested, a report not found);',
  '            2 a usage or configuration error, named on stderr',
].join('\n');

// Output piped into `head` and cut short is done, not failed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const [name] = process.argv.splice(2, 1);
const command = name === undefined ? undefined : COMMANDS[name];
if (name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else if (!command) {
  process.stderr.write(`${name === undefined ? 'no command given' : `unknown command: ${name}`}\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  // The command reads the rest of the arguments itself, as when it is run on its own.
  await command.load();
}
