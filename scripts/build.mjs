// Build: AssemblyScript modules (asc), then esbuild bundles of the library, the pool worker and the
// CLI into dist/, with the .wasm files and the embedded signature pack copied beside them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const asc = 'node_modules/.bin/asc';
// Each WASM module: entry, output name. Modules whose entry does not exist yet are skipped.
const modules = [
  { entry: 'assembly/index.ts', out: 'release.wasm', args: [] },
  // Statistics start small and grow per series (see src/anomaly): not the scanner's 16 MiB.
  { entry: 'assembly/stats/index.ts', out: 'stats.wasm', args: ['--initialMemory', '2'] },
  { entry: 'assembly/semantic/index.ts', out: 'semantic.wasm', args: [] },
  // Decoder gates (src/model/decode-gates.ts): a few tables and the text; one page to start.
  { entry: 'assembly/decode/index.ts', out: 'decode.wasm', args: ['--config', 'assembly/decode/asconfig.json'] },
];
mkdirSync('build', { recursive: true });
for (const m of modules) {
  if (!existsSync(m.entry)) continue;
  execFileSync(asc, [m.entry, '--target', 'release', ...m.args, '-o', `build/${m.out}`], { stdio: 'inherit' });
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { index: 'src/index.ts', worker: 'src/pool/worker.ts', cli: 'src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // piscina must stay external (bundling it breaks its worker bootstrap); so do all dependencies.
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
// Type declarations of the public API (src/index.ts and what it reaches). The sources import with
// explicit .ts extensions; consumers resolve the emitted .d.ts files through .js specifiers.
execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const file of walk('dist/types')) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2').replace(/(import\(['"]\.{1,2}\/[^'"]+)\.ts(['"]\))/g, '$1.js$2');
  if (fixed !== text) writeFileSync(file, fixed);
}
for (const f of readdirSync('build')) if (f.endsWith('.wasm')) cpSync(`build/${f}`, `dist/${f}`);
cpSync('corpus/signatures', 'dist/signatures', { recursive: true });
if (existsSync('src/model/weights')) cpSync('src/model/weights', 'dist/weights', { recursive: true });
console.log('build: dist/ ready');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
