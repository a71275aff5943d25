import type { Reason } from './reasons.ts';

/**
 * Why one input could not be ingested. `reason` is the one line a staff member sees (in the
 * summary and the `--json` output), `reasonVi` the same in Vietnamese (bot uploads); `path`
 * names the file.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly reason: string;
  readonly reasonVi: string;
  constructor(
    readonly path: string,
    reason: Reason,
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason.en}`, options);
    this.reason = reason.en;
    this.reasonVi = reason.vi;
  }
}
