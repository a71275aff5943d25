// The real bot (grammY, @grammyjs/runner long polling) against the telegram-test-api emulator,
// with the real store and index on the sample corpus: what citizens and staff see.
import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botDependencies, type App } from '../src/app.ts';
import { startBot, type RunningBot } from '../src/bot/index.ts';
import { ingestPaths } from '../src/ingest/index.ts';
import { startEmulator, type BotMessage, type Emulator } from '../scripts/lib/bot-api-emulator.ts';
import { CORPUS_DIR, tempApp, tempFolder } from './helpers/app.ts';
import { waitFor } from './helpers/wait.ts';

const ADMIN_ID = 4242;
const RATE_LIMIT = 6;
let emulator: Emulator;
let app: App;
let running: RunningBot;
let dispose: () => void;

beforeAll(async () => {
  emulator = await startEmulator();
  const made = tempApp({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_USER_IDS: String(ADMIN_ID),
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
  });
  app = made.app;
  dispose = made.dispose;
  // A copy of the sample corpus, stored as a council's own reports: the uploads below are real
  // reports too, and would otherwise remove samples the later tests page through.
  const reports = tempFolder('council-reports-');
  cpSync(CORPUS_DIR, reports, { recursive: true });
  await ingestPaths([reports], app);
  running = await startBot(botDependencies(app));
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await emulator?.stop();
  dispose?.();
});

let nextUser = 1000;
/** A new citizen in a private chat (each test its own, so rate limits and context never leak). */
function citizen(options: { languageCode?: string; userId?: number } = {}) {
  const userId = options.userId ?? nextUser++;
  const client = emulator.client({
    userId,
    chatId: userId,
    firstName: 'Lan',
    userName: `lan${userId}`,
    type: 'private',
  });
  const from = {
    id: userId,
    first_name: 'Lan',
    username: `lan${userId}`,
    is_bot: false,
    ...(options.languageCode ? { language_code: options.languageCode } : {}),
  };
  return {
    chatId: userId,
    say: (text: string) => client.sendMessage(client.makeMessage(text, { from })),
    command: (text: string) => client.sendCommand(client.makeCommand(text, { from })),
    press: (data: string, messageId = 1) =>
      client.sendCallback(client.makeCallbackQuery(data, { from, message: { message_id: messageId } })),
    send: (fields: Record<string, unknown>) => emulator.sendWithoutText(client, { from, ...fields }),
  };
}

const buttons = (message: BotMessage) => (message.reply_markup?.inline_keyboard ?? []).flat();

describe('telegram bot against the Bot API emulator', () => {
  it('registers Vietnamese and English command menus and greets /start with example questions', async () => {
    const menus = emulator.calls.filter((call) => call.method === 'setMyCommands');
    expect(menus.some((call) => call.body.language_code === undefined)).toBe(true);
    expect(menus.some((call) => call.body.language_code === 'en')).toBe(true);
    expect(JSON.stringify(menus)).toContain('reports');

    const user = citizen();
    await user.command('/start');
    const [welcome, examples] = await emulator.botMessages(user.chatId, 2);
    expect(welcome!.text).toContain('Xin chào');
    expect(buttons(examples!)).toHaveLength(3);
    expect(buttons(examples!)[0]!.text).toMatch(/kết luận/);

    await user.press(buttons(examples!)[0]!.callback_data!);
    const [answer] = await emulator.botMessages(user.chatId, 1);
    expect(answer!.text).toMatch(/\[1\]/);
  });

  it('answers a private question with citations, a sources list and source and feedback buttons', async () => {
    const user = citizen();
    await user.say('Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?');
    const [reply] = await emulator.botMessages(user.chatId, 1);
    expect(reply!.parse_mode).toBe('HTML');
    expect(reply!.text).toContain('Theo báo cáo');
    expect(reply!.text).toMatch(/\[1\]/);
    expect(reply!.text).toContain('<b>Nguồn</b>');
    const labels = buttons(reply!).map((b) => b.text);
    expect(labels).toContain('📄 1');
    expect(labels).toEqual(expect.arrayContaining(['👍', '👎']));

    const logged = app.store.questions
      .stats(new Date(0))
      .recent.find((q) => q.chatId === app.store.questions.pseudonym('chat', String(user.chatId)));
    expect(logged?.mode).toBe('extractive');
    expect(logged?.citations.length).toBeGreaterThan(0);
  });

  it('sends the full cited passage, its quote in bold, when a source button is pressed', async () => {
    const user = citizen();
    await user.say('phien hop thang 9 nam 2021 ket luan gi ve nong nghiep');
    const [reply] = await emulator.botMessages(user.chatId, 1);
    const source = buttons(reply!).find((b) => b.text === '📄 1')!;
    await user.press(source.callback_data!);
    const [passage] = await emulator.botMessages(user.chatId, 1);
    expect(passage!.text).toContain('Nguồn [1]');
    expect(passage!.text).toContain('<blockquote expandable>');
    const logged = app.store.questions
      .stats(new Date(0))
      .recent.find((q) => q.chatId === app.store.questions.pseudonym('chat', String(user.chatId)))!;
    const quote = logged.citations[0]!.quote;
    expect(passage!.text).toContain(
      `<b>${quote.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</b>`,
    );
  });

  it('records 👍 / 👎 feedback, one vote per person per answer', async () => {
    const user = citizen();
    await user.say('HĐND thành phố họp kỳ họp thứ 4 bàn những gì?');
    const [reply] = await emulator.botMessages(user.chatId, 1);
    const up = buttons(reply!).find((b) => b.text === '👍')!;
    const down = buttons(reply!).find((b) => b.text === '👎')!;
    const before = app.store.questions.stats(new Date(0)).feedback;
    await user.press(up.callback_data!);
    await user.press(down.callback_data!);
    await waitFor(() => app.store.questions.stats(new Date(0)).feedback.down === before.down + 1);
    const after = app.store.questions.stats(new Date(0)).feedback;
    expect(after).toEqual({ up: before.up, down: before.down + 1 });
  });

  it("reads a follow-up in the previous question's session, says so, and forgets it on /new", async () => {
    const user = citizen();
    await user.say('Phiên họp tháng 3/2022 của UBND thành phố Từ Sơn kết luận gì về cải cách hành chính?');
    await user.say('còn về giáo dục thì sao?');
    const [first, followUp] = await emulator.botMessages(user.chatId, 2);
    expect(first!.text).toContain('tháng 3/2022 của UBND thành phố Từ Sơn');
    expect(followUp!.text).toContain('<i>Hiểu theo câu hỏi trước: tháng 3/2022, UBND thành phố Từ Sơn.</i>');
    expect(followUp!.text).toContain('tháng 3/2022 của UBND thành phố Từ Sơn');

    await user.command('/new');
    await user.say('còn về giáo dục thì sao?');
    const [forgotten, fresh] = await emulator.botMessages(user.chatId, 2);
    expect(forgotten!.text).toContain('chủ đề mới');
    expect(fresh!.text).not.toContain('Hiểu theo câu hỏi trước');
  });

  it('answers English questions in English', async () => {
    const user = citizen({ languageCode: 'en' });
    await user.say('What did the September 2021 session conclude about agriculture?');
    const [reply] = await emulator.botMessages(user.chatId, 1);
    expect(reply!.text).toContain('According to the report');
    expect(reply!.text).toContain('<b>Sources</b>');
  });

  it('in a group answers a mention and a reply to the bot, and ignores other chatter', async () => {
    const groupId = -100777;
    const client = emulator.client({
      userId: 555,
      chatId: groupId,
      type: 'group',
      chatTitle: 'Khu phố 3',
      firstName: 'Minh',
      userName: 'minh',
    });
    await client.sendMessage(client.makeMessage('hôm nay trời đẹp quá, đi cà phê không?'));
    const mention = '@TestNameBot phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?';
    await client.sendMessage(
      client.makeMessage(mention, { entities: [{ type: 'mention', offset: 0, length: 12 }] } as never),
    );
    // Updates of one chat are handled in order: had the chatter been answered, that reply would come first.
    const [answer] = await emulator.botMessages(groupId, 1);
    expect(answer!.text).toContain('Theo báo cáo');
    expect(answer!.reply_parameters?.message_id).toBeGreaterThan(0);

    await client.sendMessage(
      client.makeMessage('còn về giáo dục thì sao', {
        reply_to_message: { message_id: 1, from: { id: 666, is_bot: true, first_name: 'Bot' } },
      } as never),
    );
    await client.sendCommand(
      client.makeCommand('/ask@TestNameBot phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp?'),
    );
    const [replyAnswer, askAnswer] = await emulator.botMessages(groupId, 2);
    expect(replyAnswer!.text.length).toBeGreaterThan(0);
    expect(askAnswer!.text).toContain('Theo báo cáo');
  });

  it('limits each person to the configured questions a minute, politely', async () => {
    const user = citizen();
    for (let i = 0; i < RATE_LIMIT + 1; i++)
      await user.say(`Phiên họp tháng 9 năm 2021 kết luận gì về nông nghiệp? (${i})`);
    const replies = await emulator.botMessages(user.chatId, RATE_LIMIT + 1);
    expect(replies.slice(0, RATE_LIMIT).every((r) => r.text.includes('Theo báo cáo'))).toBe(true);
    expect(replies[RATE_LIMIT]!.text).toMatch(/Vui lòng đợi khoảng \d+ giây/);
  });

  it('refuses an overlong question with the limit, and answers a sticker with the help text', async () => {
    const user = citizen();
    await user.say('nông nghiệp '.repeat(60));
    const [tooLong] = await emulator.botMessages(user.chatId, 1);
    expect(tooLong!.text).toContain('vượt giới hạn 500 ký tự');

    await user.send({
      sticker: {
        file_id: 'sticker1',
        file_unique_id: 's1',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
    const [help] = await emulator.botMessages(user.chatId, 1);
    expect(help!.text).toContain('/reports');
  });

  it('ingests a report an admin uploads, makes it searchable, and shows its markup escaped', async () => {
    const admin = citizen({ userId: ADMIN_ID });
    const report = [
      '---',
      'title: "Thông báo kết luận phiên họp <b>chuyên đề</b> về chợ & <script>alert(1)</script>"',
      'url: https://example.org/tb-cho?a=1&b=2',
      '---',
      '',
      'Ngày 14/5/2024, UBND phường Hòa Bình tổ chức phiên họp chuyên đề tháng 5/2024 về quản lý chợ & phố đi bộ.',
      '',
      'Phiên họp kết luận: giao Ban quản lý chợ sắp xếp lại 120 ki-ốt tại chợ Hòa Bình trước ngày 30/6/2024, thẻ <b> tạm và <script> không được hiển thị.',
    ].join('\n');
    await admin.send({ document: emulator.addFile(new TextEncoder().encode(report), 'tb-cho-hoa-binh.md') });
    const [progress, done] = await emulator.botMessages(admin.chatId, 2);
    expect(progress!.text).toContain('Đang nạp');
    expect(done!.text).toContain('Đã thêm báo cáo');
    expect(done!.text).not.toContain('<script>');
    expect(done!.text).toContain('&lt;script&gt;');

    await admin.say('Phiên họp tháng 5/2024 kết luận gì về ki-ốt chợ Hòa Bình?');
    const [answer] = await emulator.botMessages(admin.chatId, 1);
    expect(answer!.text).toContain('120 ki-ốt');
    expect(answer!.text).toContain('&amp;');
    expect(answer!.text).not.toMatch(/<script>|<b> tạm/);
    expect(answer!.text).toContain('href="https://example.org/tb-cho?a=1&amp;b=2"');
  });

  it('tells an admin that a report sent again under another name is already stored, and keeps one copy', async () => {
    const admin = citizen({ userId: ADMIN_ID });
    const report = [
      'Ngày 12/3/2025, UBND xã Tân Lập họp phiên thường kỳ tháng 3/2025.',
      '',
      'Phiên họp giao Văn phòng UBND xã hoàn thành số hóa 2.400 hồ sơ hộ tịch trước ngày 30/4/2025.',
    ].join('\n');
    await admin.send({ document: emulator.addFile(new TextEncoder().encode(report), 'tan-lap-thang-3.txt') });
    const [, added] = await emulator.botMessages(admin.chatId, 2);
    expect(added!.text).toContain('Đã thêm báo cáo');
    const before = app.store.counts();

    await admin.send({ document: emulator.addFile(new TextEncoder().encode(report), 'ban-sao-tan-lap.txt') });
    const [, again] = await emulator.botMessages(admin.chatId, 2);
    expect(again!.text).toBe(
      'Không thêm: nội dung tệp này đã có (trùng hoàn toàn) trong báo cáo đã lưu từ tan-lap-thang-3.txt.',
    );
    expect(app.store.counts()).toEqual(before);
  });

  it('tells an admin in Vietnamese why a file could not be ingested, keeping what was stored', async () => {
    const admin = citizen({ userId: ADMIN_ID });
    const before = app.store.counts();
    await admin.send({
      document: emulator.addFile(
        new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01]),
        'bien-ban-scan.pdf',
      ),
    });
    const [, failed] = await emulator.botMessages(admin.chatId, 2);
    expect(failed!.text).toMatch(/^Không nạp được tệp: không phải tệp PDF hợp lệ/);
    expect(failed!.text).toContain('Dữ liệu đã lưu không bị ảnh hưởng');
    expect(app.store.counts()).toEqual(before);

    await admin.send({ document: emulator.addFile(new TextEncoder().encode('x'), 'bang-tinh.xlsx') });
    const [unsupported] = await emulator.botMessages(admin.chatId, 1);
    expect(unsupported!.text).toContain('Không đọc được loại tệp này');
  });

  it('refuses uploads and /stats from anyone but an admin, and shows /stats to an admin', async () => {
    const user = citizen();
    const before = app.store.counts().reports;
    await user.send({
      document: emulator.addFile(new TextEncoder().encode('Phiên họp tháng 1/2025 của UBND xã.'), 'bao-cao.txt'),
    });
    const [refused] = await emulator.botMessages(user.chatId, 1);
    expect(refused!.text).toContain('Chỉ cán bộ quản trị');
    expect(app.store.counts().reports).toBe(before);
    await user.command('/stats');
    const [statsRefused] = await emulator.botMessages(user.chatId, 1);
    expect(statsRefused!.text).toContain('Chỉ cán bộ quản trị');

    const admin = citizen({ userId: ADMIN_ID });
    await admin.command('/stats');
    const [stats] = await emulator.botMessages(admin.chatId, 1);
    expect(stats!.text).toMatch(/Báo cáo: \d+, đoạn: \d+/);
    expect(stats!.text).toMatch(/Câu hỏi đã trả lời hôm nay: [1-9]/);
  });

  it('lists stored reports newest first and pages through them with buttons', async () => {
    const user = citizen();
    await user.command('/reports');
    const [page] = await emulator.botMessages(user.chatId, 1);
    expect(page!.text).toMatch(/trang 1\/\d+/);
    const next = buttons(page!).find((b) => b.text === '▶')!;
    const sent = emulator.history(user.chatId).length;
    await user.press(next.callback_data!, emulator.lastBotMessageId(user.chatId));
    await waitFor(() => /trang 2\//.test(emulator.history(user.chatId).at(-1)!.text));
    expect(emulator.history(user.chatId)).toHaveLength(sent);
  });
});
