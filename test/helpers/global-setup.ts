import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

// The pool and CLI tests run the built bundle (Node 20 cannot start .ts workers),
// so build once before any test file runs unless the build is already current.
export default function setup(): void {
  const wasm = 'build/release.wasm';
  const cli = 'dist/cli.js';
  if (!existsSync(wasm) || !existsSync(cli) || process.env.TOLLGATE_REBUILD === '1') {
    execSync('npm run build', { stdio: 'inherit' });
    return;
  }
  void statSync;
}
