import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readSync, unlinkSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** Size and SHA-256 of a file, read in chunks so a large index never sits in memory twice. */
export function fileDigest(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let read; (read = readSync(fd, buffer, 0, CHUNK_BYTES, bytes)) > 0; bytes += read) {
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Flushes a file (or a directory's entries, after a rename) to disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes a leftover temp file; anything else found under that name (e.g. a directory) is not ours to remove. */
export function removeStrayFile(path: string): void {
  try {
    if (lstatSync(path).isFile()) unlinkSync(path);
  } catch {
    // Already gone, or cleanup is impossible: the save has failed either way and says so.
  }
}
