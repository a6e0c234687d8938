import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

/** Builds build/semantic.wasm when it is missing or older than its AssemblyScript sources. */
export function ensureSemanticWasm(): void {
  const out = 'build/semantic.wasm';
  const sources = ['assembly/semantic/features.ts', 'assembly/semantic/fold.ts', 'assembly/semantic/index.ts', 'assembly/semantic/lexicon.ts', 'assembly/semantic/exemplars.ts'];
  const newest = Math.max(...sources.map((s) => statSync(s).mtimeMs));
  if (!existsSync(out) || statSync(out).mtimeMs < newest) execSync('npm run asbuild:semantic', { stdio: 'ignore' });
}
