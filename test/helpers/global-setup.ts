import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

// Pool and CLI tests run the built bundle (Node 20 cannot start .ts workers), so rebuild before any
// test runs whenever a source file is newer than the bundle: a stale dist/ would test old code.
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const bundle = 'dist/worker.js';
  const sources = Math.max(newestMtime('src'), newestMtime('assembly'), newestMtime('corpus/signatures'));
  if (!existsSync(bundle) || !existsSync('dist/cli.js') || statSync(bundle).mtimeMs < sources) {
    execSync('npm run build', { stdio: 'inherit' });
  }
}
