// A report a staff member sends to the bot: downloaded into the uploads folder and
// ingested by the same pipeline as `npm run ingest`, so it is stored, chunked and searchable.
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IngestSummary } from '../ingest/index.ts';
import type { BotDeps } from './deps.ts';

/** The largest file a bot may download through the Bot API's getFile. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

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
export async function ingestUpload(fileName: string, bytes: Uint8Array, deps: Pick<BotDeps, 'uploadsDir' | 'ingest'>): Promise<IngestSummary> {
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
  if (summary.failed.length > 0 || summary.skipped.length > 0) {
    if (hadPrevious) await rename(backup, target);
    else await rm(target, { force: true });
  } else if (hadPrevious) {
    await rm(backup, { force: true });
  }
  return summary;
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
