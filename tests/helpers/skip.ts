/**
 * Whether to skip a suite, saying why once on stderr when it is skipped: a skipped suite's name
 * alone is easy to miss in the report, and a missing package or folder is worth a line.
 */
export function skipBecause(missing: boolean, reason: string): boolean {
  if (missing) process.stderr.write(`skipped: ${reason}\n`);
  return missing;
}
