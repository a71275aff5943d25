// A report a staff member (ADMIN_USER_IDS) sends to the bot: downloaded into the uploads folder
// and ingested by the same pipeline as `npm run ingest`, so it is stored, chunked and searchable.
import { Composer } from 'grammy';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS, type IngestSummary } from '../ingest/index.ts';
import { addressedToBot, isAdmin } from './chat.ts';
import type { BotDeps } from './deps.ts';
import { say } from './reply.ts';
import type { BotContext, ChatState } from './session.ts';
import { textsFor } from './texts.ts';

/** The largest file a bot may download through the Bot API's getFile. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** Where the bot's files are downloaded from: the Bot API server and the bot's token. */
export interface FileServer {
  apiRoot: string;
  token: string;
}

/** The handler of documents: an admin's report is ingested and the admin told how it went. */
export function uploads(
  deps: Pick<BotDeps, 'telegram' | 'log' | 'ingest' | 'uploadsDir' | 'maxUploadBytes'>,
  chat: ChatState,
  server: FileServer,
): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message:document', async (ctx) => {
    if (ctx.chat.type !== 'private' && !addressedToBot(ctx.msg, ctx.me.username, ctx.me.id)) return;
    const language = chat.languageOf(ctx);
    const texts = textsFor(language);
    if (!isAdmin(ctx, deps.telegram)) return say(ctx, texts.adminOnly);
    const { document } = ctx.msg;
    const fileName = document.file_name ?? 'report';
    if (!SUPPORTED_EXTENSIONS.includes(path.extname(fileName).toLowerCase()))
      return say(ctx, texts.unsupportedFile(SUPPORTED_EXTENSIONS.join(', ')));
    const limit = Math.min(deps.maxUploadBytes, BOT_API_DOWNLOAD_LIMIT);
    if ((document.file_size ?? 0) > limit)
      return say(ctx, texts.fileTooBig(megabytes(document.file_size ?? 0), megabytes(limit)));
    await say(ctx, texts.ingesting(fileName));
    const file = await ctx.api.getFile(document.file_id);
    if (!file.file_path) throw new Error(`getFile returned no file_path for ${document.file_id}`);
    const bytes = await downloadFile(server.apiRoot, server.token, file.file_path);
    const summary = await ingestUpload(fileName, bytes, deps);
    // No user id in the log: staff uploads are attributed in Telegram, not in our files.
    deps.log.info('report uploaded through the bot', {
      fileName,
      summary: { ...summary, reports: summary.reports.map((r) => r.id) },
    });
    const failure = summary.failed[0] ?? summary.skipped[0];
    if (failure) return say(ctx, texts.ingestFailed(language === 'en' ? failure.reason : failure.reasonVi));
    const report = summary.reports[0]!;
    if (report.duplicateOf) {
      const stored = report.duplicateOf;
      return say(ctx, texts.ingestDuplicate(storedName(stored), Math.round(stored.similarity * 100)));
    }
    const title = report.title ?? fileName;
    await say(
      ctx,
      report.status === 'added'
        ? texts.ingestAdded(title, report.chunks)
        : report.status === 'updated'
          ? texts.ingestUpdated(title, report.chunks)
          : texts.ingestUnchanged(title),
    );
  });
  return composer;
}

/** A download that failed: which file, and what the server said. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly filePath: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`download ${filePath}: ${message}`, options);
  }
}

/** Fetches a file the Bot API named in getFile's `file_path`. */
export async function downloadFile(apiRoot: string, token: string, filePath: string): Promise<Uint8Array> {
  const response = await fetch(`${apiRoot}/file/bot${token}/${filePath}`).catch((error: unknown) => {
    throw new DownloadError(filePath, (error as Error).message, { cause: error });
  });
  if (!response.ok) throw new DownloadError(filePath, `HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Saves an uploaded report in the uploads folder (its name kept, so sending a new version of the same
 * file updates that report) and ingests it. If the new version cannot be ingested, the previous
 * file is put back: the store keeps the previous report either way.
 */
export async function ingestUpload(
  fileName: string,
  bytes: Uint8Array,
  deps: Pick<BotDeps, 'uploadsDir' | 'ingest'>,
): Promise<IngestSummary> {
  const folder = deps.uploadsDir;
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, safeFileName(fileName));
  const backup = `${target}.previous`;
  const hadPrevious = await copyFile(target, backup).then(
    () => true,
    () => false,
  );
  await writeFile(target, bytes);
  const summary = await deps.ingest([target]);
  // A second copy of a stored report is not kept either: the store did not take it.
  const stored = summary.reports[0]?.status !== 'duplicate';
  if (summary.failed.length > 0 || summary.skipped.length > 0 || !stored) {
    if (hadPrevious) await rename(backup, target);
    else await rm(target, { force: true });
  } else if (hadPrevious) {
    await rm(backup, { force: true });
  }
  return summary;
}

/** How a stored report is named to staff: its file's name in the uploads folder, or its source. */
function storedName(report: { path: string | null; source: string }): string {
  return report.path ? path.basename(report.path) : report.source;
}

/** A file name safe to write: no folders, no control or reserved characters, letters (with diacritics) kept. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const cleaned = base
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned || 'report';
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
