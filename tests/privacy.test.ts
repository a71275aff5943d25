// The question log keeps what its purpose needs (Decree 13/2023/NĐ-CP): pseudonyms instead of
// Telegram ids, a retention limit, /privacy and /forget; checked on the bytes of the SQLite file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botDependencies, openApp, type App } from '../src/app.ts';
import { startBot, type RunningBot } from '../src/bot/index.ts';
import { loadConfig } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { createLogger } from '../src/log.ts';
import { Store } from '../src/store/index.ts';
import { MIGRATIONS, PSEUDONYMS_FROM } from '../src/store/schema.ts';
import { startEmulator, type Emulator } from '../scripts/lib/bot-api-emulator.ts';
import { CORPUS_DIR, TEST_ENV, tempFolder } from './helpers/app.ts';
import { waitFor } from './helpers/wait.ts';

// Telegram ids distinctive enough that finding their digits in the file means they were stored.
const ASKERS = [918273645, 918273646, 918273647];
const QUESTION = 'Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?';

/** Every byte the store keeps on disk, free pages and any write-ahead log included. */
function storeBytes(databasePath: string): string {
  return [databasePath, `${databasePath}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');
}

describe('the question log behind the bot', () => {
  let emulator: Emulator;
  let app: App;
  let running: RunningBot | undefined;
  let dataDir: string;
  const logLines: string[] = [];

  const open = (env: NodeJS.ProcessEnv = {}) =>
    openApp(
      loadConfig({
        ...TEST_ENV,
        COUNCIL_DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        ...env,
      }),
      createLogger('debug', (line) => logLines.push(line)),
    );

  beforeEach(async () => {
    emulator = await startEmulator();
    dataDir = tempFolder('council-privacy-');
    app = open();
    await ingestPaths([CORPUS_DIR], app);
    running = await startBot(botDependencies(app));
  }, 60_000);

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await emulator.stop();
    app.close();
  });

  const person = (userId: number, languageCode?: string) => {
    const client = emulator.client({ userId, chatId: userId, firstName: 'Lan', type: 'private' });
    const from = {
      id: userId,
      first_name: 'Lan',
      is_bot: false,
      ...(languageCode ? { language_code: languageCode } : {}),
    };
    return {
      say: (text: string) => client.sendMessage(client.makeMessage(text, { from })),
      command: (text: string) => client.sendCommand(client.makeCommand(text, { from })),
      press: (data: string) =>
        client.sendCallback(client.makeCallbackQuery(data, { from, message: { message_id: 1 } })),
      replies: (n: number) => emulator.botMessages(userId, n),
    };
  };

  it('stores no raw Telegram id anywhere in the file or the logs, yet counts askers and votes', async () => {
    for (const id of ASKERS) {
      const asker = person(id);
      await asker.say(QUESTION);
      const [answer] = await asker.replies(1);
      const up = (answer!.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === '👍')!;
      const votes = app.store.questions.stats(new Date(0)).feedback.up;
      await asker.press(up.callback_data!);
      await waitFor(() => app.store.questions.stats(new Date(0)).feedback.up === votes + 1);
    }
    const stats = app.store.questions.stats(new Date(0));
    expect(stats.askers).toBe(ASKERS.length);
    expect(stats.feedback.up).toBe(ASKERS.length);
    await running!.stop();
    running = undefined;
    app.close();
    const bytes = storeBytes(path.join(dataDir, 'council.sqlite'));
    // The questions themselves are kept (staff read them), only not who asked.
    expect(bytes).toContain(Buffer.from(QUESTION).toString('latin1'));
    for (const id of ASKERS) {
      expect(bytes.includes(String(id)), `id ${id} in the file`).toBe(false);
      expect(logLines.join('\n').includes(String(id)), `id ${id} in the logs`).toBe(false);
    }
    // The key stays outside the database, readable by its owner only.
    const key = path.join(dataDir, 'question-log.key');
    expect(statSync(key).mode & 0o077).toBe(0);
    expect(bytes.includes(readFileSync(key, 'utf8').trim())).toBe(false);
    app = open();
  });

  it('tells a person what is kept and for how long, in their language', async () => {
    const vi = person(ASKERS[0]!);
    await vi.command('/privacy');
    const [said] = await vi.replies(1);
    expect(said!.text).toMatch(/mã ẩn danh.*không lưu mã Telegram gốc/);
    expect(said!.text).toContain('sau 180 ngày');
    expect(said!.text).toContain('/forget');
    const en = person(ASKERS[1]!, 'en');
    await en.command('/privacy');
    const [english] = await en.replies(1);
    expect(english!.text).toContain('deleted automatically after 180 days');
  });

  it('forgets a person on /forget: their questions and votes are gone, even from free pages', async () => {
    const [id, other] = [ASKERS[0]!, ASKERS[1]!];
    const asker = person(id);
    const distinct = 'Phiên họp tháng 9 năm 2021 kết luận gì về kênh tưới Quỳnh Hoa?';
    await asker.say(distinct);
    await asker.replies(1);
    await asker.say(QUESTION);
    const [answer] = await asker.replies(1);
    const up = (answer!.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === '👍')!;
    await asker.press(up.callback_data!);
    await waitFor(() => app.store.questions.stats(new Date(0)).feedback.up === 1);
    await person(other).say(QUESTION);
    await emulator.botMessages(other, 1);

    // The questions in the main file (as after any checkpoint), so deleting them leaves free pages behind.
    const checkpoint = new Database(path.join(dataDir, 'council.sqlite'));
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    expect(storeBytes(path.join(dataDir, 'council.sqlite'))).toContain(Buffer.from('Quỳnh Hoa').toString('latin1'));

    await asker.command('/forget');
    const [confirmed] = await asker.replies(1);
    expect(confirmed!.text).toBe('Đã xóa 2 câu hỏi và 1 lượt đánh giá của bạn. Bot không còn lưu gì về bạn.');
    const pseudonym = app.store.questions.pseudonym('user', String(id));
    const recent = app.store.questions.stats(new Date(0)).recent;
    expect(recent.filter((q) => q.userId === pseudonym)).toEqual([]);
    expect(recent.filter((q) => q.userId === app.store.questions.pseudonym('user', String(other)))).toHaveLength(1);

    await running!.stop();
    running = undefined;
    app.close();
    expect(storeBytes(path.join(dataDir, 'council.sqlite')).includes(Buffer.from('Quỳnh Hoa').toString('latin1'))).toBe(
      false,
    );
    app = open();
  });

  it('deletes questions past QUESTION_LOG_DAYS when the bot starts again', async () => {
    await running!.stop();
    running = undefined;
    const day = 24 * 60 * 60 * 1000;
    const entry = (daysAgo: number, question: string) => ({
      surface: 'telegram',
      chatId: '1',
      userId: '1',
      updateId: null,
      question,
      language: 'vi',
      mode: 'extractive',
      answer: '…',
      citations: [],
      timingsMs: { retrieve: 1, answer: 1, total: 2 },
      askedAt: new Date(Date.now() - daysAgo * day),
    });
    app.store.questions.record(entry(40, 'cũ'));
    app.store.questions.record(entry(5, 'mới'));
    app.close();
    app = open({ QUESTION_LOG_DAYS: '30' });
    running = await startBot(botDependencies(app));
    expect(app.store.questions.stats(new Date(0)).recent.map((q) => q.question)).toEqual(['mới']);
  });
});

describe('forgetting in the store itself', () => {
  it('overwrites what it deletes, so a forgotten question is not left in a page beside others', () => {
    const databasePath = path.join(tempFolder('council-forget-'), 'council.sqlite');
    const store = Store.open(databasePath);
    const ask = (userId: string, question: string) =>
      store.questions.record({
        surface: 'telegram',
        chatId: userId,
        userId,
        updateId: null,
        question,
        language: 'vi',
        mode: 'extractive',
        answer: 'Theo báo cáo phiên họp thường kỳ, '.repeat(8),
        citations: [],
        timingsMs: { retrieve: 1, answer: 1, total: 2 },
      });
    for (let i = 0; i < 10; i++) ask(`other-${i}`, `Câu hỏi số ${i} về thu ngân sách`);
    ask('asker', 'Câu hỏi về kênh tưới Quỳnh Hoa');
    for (let i = 10; i < 20; i++) ask(`other-${i}`, `Câu hỏi số ${i} về thu ngân sách`);
    const checkpoint = new Database(databasePath);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    const marker = Buffer.from('Quỳnh Hoa').toString('latin1');
    expect(storeBytes(databasePath)).toContain(marker);
    expect(store.questions.forget('asker')).toEqual({ questions: 1, votes: 0 });
    store.close();
    expect(storeBytes(databasePath).includes(marker)).toBe(false);
    expect(storeBytes(databasePath)).toContain(Buffer.from('Câu hỏi số 19').toString('latin1'));
  });
});

describe('a store that kept raw ids (schema version 7)', () => {
  it('hashes them in place and leaves none in the file', () => {
    const dataDir = tempFolder('council-old-log-');
    const databasePath = path.join(dataDir, 'council.sqlite');
    const db = new Database(databasePath);
    for (const migration of MIGRATIONS.slice(0, PSEUDONYMS_FROM - 1)) db.exec(migration);
    db.pragma(`user_version = ${PSEUDONYMS_FROM - 1}`);
    db.prepare(
      `INSERT INTO questions (asked_at, surface, chat_id, user_id, update_id, question, language, mode, answer, retrieve_ms, answer_ms, total_ms)
       VALUES (?, 'telegram', '918273645', '918273645', 1, 'Câu hỏi', 'vi', 'extractive', '…', 1, 1, 2)`,
    ).run(new Date().toISOString());
    db.prepare("INSERT INTO feedback (question_id, user_id, value, given_at) VALUES (1, '918273646', 1, ?)").run(
      new Date().toISOString(),
    );
    db.close();
    expect(storeBytes(databasePath)).toContain('918273645');

    const store = Store.open(databasePath);
    try {
      const [logged] = store.questions.stats(new Date(0)).recent;
      expect(logged!.userId).toBe(store.questions.pseudonym('user', '918273645'));
      expect(logged!.chatId).toBe(store.questions.pseudonym('chat', '918273645'));
      expect(store.questions.stats(new Date(0)).feedback.up).toBe(1);
      // The same person voting again replaces their vote: the pseudonym is the one the migration wrote.
      store.questions.recordFeedback(1, '918273646', -1);
      expect(store.questions.stats(new Date(0)).feedback).toEqual({ up: 0, down: 1 });
    } finally {
      store.close();
    }
    const bytes = storeBytes(databasePath);
    expect(bytes.includes('918273645')).toBe(false);
    expect(bytes.includes('918273646')).toBe(false);
  });
});
