// The compiled command line (dist/, what `npm run <command>` and `npx council-qa` run) is built
// from the sources under test once before the suite, so no test runs a stale build.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function build(): void {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
