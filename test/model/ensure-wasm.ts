import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';

/** Builds build/semantic.wasm when it is missing or older than its AssemblyScript sources. */
export function ensureSemanticWasm(): void {
  const out = 'build/semantic.wasm';
  const sources = readdirSync('assembly/semantic').filter((f) => f.endsWith('.ts')).map((f) => `assembly/semantic/${f}`);
  const newest = Math.max(...sources.map((s) => statSync(s).mtimeMs));
  if (!existsSync(out) || statSync(out).mtimeMs < newest) execSync('npm run asbuild:semantic', { stdio: 'ignore' });
}
