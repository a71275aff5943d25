/**
 * Why one input could not be ingested. `reason` is the one line a staff member sees
 * (in the summary and the `--json` output); `path` names the file.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason}`, options);
  }
}
