// telegram-test-api with a small front that fills its gaps, so the real bot runs against it:
// getUpdates waits for updates like Telegram's long polling (the emulator answers at once, which
// would spin the poller), the best-effort methods it lacks (setMyCommands, sendChatAction) are
// acknowledged and recorded, and getFile plus file downloads serve files a test registers.
// Used by the bot's end-to-end tests and by `npm run bot:local`; never by the product itself.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';

// The package is CommonJS with `module.exports = TelegramServer`, which its typings do not say.
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof TelegramServerClass;
type TelegramServer = TelegramServerClass;

type ClientOptions = Parameters<TelegramServer['getClient']>[1];

/** A message the bot sent, as the emulator stored it. */
export interface BotMessage {
  chat_id: number | string;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
  reply_parameters?: { message_id: number };
  [key: string]: unknown;
}

/** A Bot API call the emulator does not implement, acknowledged by the front. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

export interface Emulator {
  /** Point TELEGRAM_API_ROOT here. */
  apiRoot: string;
  token: string;
  server: TelegramServer;
  /** A user chatting with the bot (private chat by default; `type: 'group'` for a group). */
  client(options?: ClientOptions): ReturnType<TelegramServer['getClient']>;
  /** Makes a file downloadable through getFile; returns the Document fields a message carries. */
  addFile(
    bytes: Uint8Array,
    fileName: string,
  ): { file_id: string; file_unique_id: string; file_name: string; file_size: number };
  /** Calls to methods the front answered itself (setMyCommands, sendChatAction, getFile). */
  calls: RecordedCall[];
  /** Waits until the bot has sent `count` new messages to the chat (or the time runs out) and returns them. */
  botMessages(chatId: number, count?: number, timeoutMs?: number): Promise<BotMessage[]>;
  /** Every message the bot sent to a chat so far, with edits applied. */
  history(chatId: number): BotMessage[];
  /** The id of the bot's last message to a chat (the last one with buttons, if asked): what a button press refers to. */
  lastBotMessageId(chatId: number, options?: { withButtons?: boolean }): number | undefined;
  /** Sends a user's message that carries `fields` (a document, a sticker) and no text. */
  sendWithoutText(client: ReturnType<TelegramServer['getClient']>, fields: Record<string, unknown>): Promise<unknown>;
  stop(): Promise<void>;
}

const ACKNOWLEDGED = new Set(['setMyCommands', 'deleteMyCommands', 'sendChatAction', 'setChatMenuButton']);
const POLL_STEP_MS = 40;

/** Starts the emulator and its front on free local ports. */
export async function startEmulator(
  token = `${100000 + Math.floor(Math.random() * 900000)}:${randomBytes(18).toString('base64url')}`,
): Promise<Emulator> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 24 * 60 * 60 });
  await server.start();
  const emulatorUrl = server.config.apiURL;
  const files = new Map<string, { bytes: Uint8Array; path: string }>();
  const calls: RecordedCall[] = [];
  const pending = new Map<number, BotMessage[]>();

  const front: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://front');
    const fileMatch = url.pathname.match(/^\/file\/bot([^/]+)\/(.+)$/);
    if (fileMatch) {
      const file = [...files.values()].find((f) => f.path === decodeURIComponent(fileMatch[2]!));
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
      return;
    }
    const methodMatch = url.pathname.match(/^\/bot([^/]+)\/([A-Za-z]+)$/);
    const body = await readBody(req);
    const method = methodMatch?.[2];
    const reply = (result: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    };
    if (method && ACKNOWLEDGED.has(method)) {
      calls.push({ method, body });
      return reply(true);
    }
    if (method === 'getFile') {
      calls.push({ method, body });
      const file = files.get(String(body.file_id));
      if (!file) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }));
        return;
      }
      return reply({
        file_id: body.file_id,
        file_unique_id: `u${body.file_id}`,
        file_size: file.bytes.length,
        file_path: file.path,
      });
    }
    if (method === 'getUpdates') return reply(await longPoll(methodMatch![1]!, Number(body.timeout ?? 0), req));
    const forwarded = await fetch(`${emulatorUrl}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    res.writeHead(forwarded.status, { 'content-type': 'application/json' }).end(await forwarded.text());
  };
  const longPoll = async (botToken: string, timeoutSeconds: number, req: IncomingMessage): Promise<unknown[]> => {
    const deadline = Date.now() + Math.min(timeoutSeconds, 30) * 1000;
    for (;;) {
      const response = (await (await fetch(`${emulatorUrl}/bot${botToken}/getUpdates`, { method: 'POST' })).json()) as {
        result: unknown[];
      };
      if (response.result.length > 0 || Date.now() >= deadline || req.destroyed) return response.result;
      await sleep(POLL_STEP_MS);
    }
  };
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  const sentTo = (chatId: number) =>
    server.storage.botMessages.filter((update) => String(update.message.chat_id) === String(chatId));
  const unread = async (chatId: number): Promise<BotMessage[]> => {
    const response = await fetch(`${emulatorUrl}/getUpdates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, chatId }),
    });
    return ((await response.json()) as { result: Array<{ message: BotMessage }> }).result.map(
      (update) => update.message,
    );
  };

  return {
    apiRoot,
    token,
    server,
    client: (options) => server.getClient(token, options),
    addFile(bytes, fileName) {
      const fileId = `f${files.size + 1}${randomBytes(6).toString('hex')}`;
      files.set(fileId, { bytes, path: `documents/${fileId}/${fileName}` });
      return { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, file_size: bytes.length };
    },
    calls,
    async botMessages(chatId, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      const got = pending.get(chatId) ?? [];
      while (got.length < count && Date.now() < deadline) {
        got.push(...(await unread(chatId)));
        if (got.length < count) await sleep(POLL_STEP_MS);
      }
      pending.set(chatId, got.slice(count));
      return got.slice(0, count);
    },
    history: (chatId) => sentTo(chatId).map((update) => update.message as unknown as BotMessage),
    lastBotMessageId: (chatId, options = {}) =>
      sentTo(chatId)
        .filter((update) => !options.withButtons || update.message.reply_markup)
        .at(-1)?.messageId,
    sendWithoutText(client, fields) {
      const message: Record<string, unknown> = { ...client.makeMessage(''), ...fields };
      delete message.text;
      return client.sendMessage(message as unknown as Parameters<typeof client.sendMessage>[0]);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        front.closeAllConnections();
        front.close(() => resolve());
      });
      await server.stop();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json'))
    return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
