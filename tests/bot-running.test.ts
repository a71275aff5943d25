// How the bot is run: npm start without a token, a clean stop on SIGTERM, webhook mode with its
// secret-token check, and npm run stats over the question log.
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { botDependencies, openApp } from '../src/app.ts';
import { startBot } from '../src/bot/index.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { startEmulator, type Emulator } from '../scripts/lib/bot-api-emulator.ts';
import { CORPUS_DIR, PROJECT_ROOT, tempApp, tempFolder, TEST_ENV } from './helpers/app.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

function cli(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, TELEGRAM_BOT_TOKEN: '', LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  });
}

describe('npm start', () => {
  it('without a token, exits saying how to get one and what else to run', () => {
    const result = cli('src/cli/bot.ts', ['--data', tempFolder()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('@BotFather');
    expect(result.stderr).toContain('npm run bot:local');
    expect(result.stderr).toContain('npm run ask');
  });

  it('polls the Bot API server it is pointed at, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bot.ts', '--data', tempFolder()], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        ...TEST_ENV,
        LOG_LEVEL: 'info',
        TELEGRAM_BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // A failed test must not leave the bot running, writing into its data folder.
    onTestFinished(async () => {
      child.kill('SIGKILL');
      await exited;
    });
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('is running (polling)') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stderr).toContain('is running (polling)');

    const client = emulator.client({ userId: 77, chatId: 77 });
    await client.sendMessage(client.makeMessage('phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp'));
    const [reply] = await emulator.botMessages(77, 1);
    expect(reply!.text).toContain('Theo báo cáo');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping the bot');
  }, 90_000);
});

describe('npm run bot:local', () => {
  it('runs the real bot against a local emulator and chats through the terminal', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bot-local.ts', '--data', tempFolder()], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...TEST_ENV, LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '' },
      input: '/start\nphien hop thang 9 nam 2021 ket luan gi ve nong nghiep\n:press 1\n:quit\n',
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Xin chào');
    expect(result.stdout).toContain('Theo báo cáo phiên họp thường kỳ tháng 9/2021');
    expect(result.stdout).toMatch(/\[1: 📄 1\]/);
    expect(result.stdout).toContain('Nguồn [1]');
  }, 150_000);
});

/** A port nothing listens on now: the system's choice, not a random guess that another test may hold. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('webhook mode', () => {
  it('accepts updates only with the secret token it registered', async () => {
    const { app, dispose } = tempApp({
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      WEBHOOK_URL: 'http://127.0.0.1:1/telegram',
      WEBHOOK_SECRET: 'hook-secret_1',
      PORT: String(await freePort()),
    });
    await ingestPaths([CORPUS_DIR], app);
    const running = await startBot(botDependencies(app));
    try {
      expect(running.mode).toBe('webhook');
      const update = {
        update_id: 9001,
        message: {
          message_id: 5,
          date: 1,
          chat: { id: 88, type: 'private', first_name: 'Hoa' },
          from: { id: 88, is_bot: false, first_name: 'Hoa' },
          text: 'phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp',
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${app.config.telegram.port}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(update),
        });
      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'hook-secret_1' })).status).toBe(200);
      const [reply] = await emulator.botMessages(88, 1);
      expect(reply!.text).toContain('Theo báo cáo');
    } finally {
      await running.stop();
      dispose();
    }
  }, 60_000);
});

describe('failures', () => {
  it('apologise to the user in their language and log the detail with the update id', async () => {
    const dataDir = tempFolder('council-app-');
    const lines: string[] = [];
    const config = loadConfig({
      ...TEST_ENV,
      COUNCIL_DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
    });
    const app = openApp(
      config,
      createLogger('error', (line) => lines.push(line)),
    );
    await ingestPaths([CORPUS_DIR], app);
    const broken = { ...botDependencies(app), ask: () => Promise.reject(new Error('answerer exploded')) };
    const running = await startBot(broken);
    try {
      const client = emulator.client({ userId: 99, chatId: 99 });
      const from = { id: 99, is_bot: false, first_name: 'Tom', language_code: 'en' };
      await client.sendMessage(
        client.makeMessage('What did the September 2021 session conclude about agriculture?', { from }),
      );
      const [apology] = await emulator.botMessages(99, 1);
      expect(apology!.text).toBe('Sorry, something went wrong while handling that. Please try again later.');
      expect(
        lines.some(
          (line) => line.includes('update failed') && /"updateId":\d+/.test(line) && line.includes('answerer exploded'),
        ),
      ).toBe(true);
    } finally {
      await running.stop();
      app.close();
    }
  }, 60_000);
});

describe('npm run stats', () => {
  it('summarises the question log: today, modes, feedback, latest questions', () => {
    const { app, dataDir, dispose } = tempApp();
    try {
      const entry = {
        surface: 'telegram',
        chatId: '1',
        userId: '1',
        updateId: 1,
        language: 'vi',
        answer: '…',
        citations: [],
        timingsMs: { retrieve: 3, answer: 2, total: 5 },
      };
      const first = app.store.questions.record({
        ...entry,
        question: 'thu ngân sách 9 tháng bao nhiêu?',
        mode: 'extractive',
      });
      app.store.questions.record({ ...entry, question: 'giá vé xe buýt?', mode: 'no-answer' });
      app.store.questions.record({
        ...entry,
        question: 'năm ngoái',
        mode: 'extractive',
        askedAt: new Date(Date.now() - 3 * 86_400_000),
      });
      app.store.questions.recordFeedback(first, '1', 1);
      app.store.questions.recordFeedback(first, '2', -1);
      app.store.questions.recordFeedback(first, '2', 1);

      const json = cli('src/cli/stats.ts', ['--data', dataDir, '--json']);
      expect(json.status).toBe(0);
      const stats = JSON.parse(json.stdout) as {
        questions: {
          total: number;
          since: number;
          byMode: Record<string, number>;
          feedback: { up: number; down: number };
        };
      };
      expect(stats.questions).toMatchObject({
        total: 3,
        since: 2,
        byMode: { extractive: 2, 'no-answer': 1 },
        feedback: { up: 2, down: 0 },
      });

      const text = cli('src/cli/stats.ts', ['--data', dataDir]);
      expect(text.stdout).toContain(
        'questions asked the Telegram bot today 2, overall 3 (ask, chat and search are not counted)',
      );
      expect(text.stdout).toContain('giá vé xe buýt?');
    } finally {
      dispose();
    }
  });
});
