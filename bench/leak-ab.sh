#!/bin/sh
# Paired before/after bench of the leak pass: the pass with BASE_DIR's copies of src/leak files ("before") and
# the working tree's ("after"), each against the V8 RegExp alternation of bench/leak.bench.ts, interleaved in
# every round on the same bench text (bench/leak-text.ts); prints medians and per-round paired ratios.
# Both sides are bundled by esbuild with the same settings (tsx would compile a copy outside the repo differently).
#
#   mkdir /tmp/before && git show <commit>:src/leak/prefilter.ts > /tmp/before/prefilter.ts  # … each file
#   sh bench/leak-ab.sh /tmp/before [rounds]
set -e
BASE=$1; ROUNDS=${2:-11}
[ -d "$BASE" ] || { echo "usage: sh bench/leak-ab.sh BASE_DIR [rounds] (BASE_DIR: 'before' copies of src/leak files)" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REF=$ROOT/.leak-ab-ref
OUT=$(mktemp -d)
trap 'rm -rf "$REF" "$OUT"' EXIT
rm -rf "$REF" && mkdir -p "$REF" && cp -r "$ROOT/src" "$REF/src" && cp "$BASE"/*.ts "$REF/src/leak/"
cat > "$OUT/entry.ts" <<EOT
import os from 'node:os';
import * as ref from '$REF/src/leak/detect.ts';
import * as live from '$ROOT/src/leak/detect.ts';
import { buildText } from '$ROOT/bench/leak-text.ts';
import { baselinePatterns } from '$ROOT/bench/leak-baseline.ts';
const { text } = buildText(4 * 1024 * 1024);
const pats = baselinePatterns(live.anchoredRules());
const strip = (re: RegExp): string => re.source.replace(/\(\?<[A-Za-z0-9]+>/g, '(?:');
const alternation = new RegExp(pats.map((p) => \`(?:\${strip(p)})\`).join('|'), 'g');
const runAlt = (): number => { let n = 0; alternation.lastIndex = 0; while (alternation.exec(text) !== null) n++; return n; };
const time = (f: () => unknown): [number, number] => { const c0 = process.cpuUsage(); const t0 = performance.now(); f(); const ms = performance.now() - t0; const c = process.cpuUsage(c0); return [ms, (c.user + c.system) / 1000]; };
// Warm-up as in bench/leak.bench.ts: until three passes in a row agree within 10% (at least min, at most 30).
const warmUp = (fn: () => unknown, min: number): number => {
  const t: number[] = [];
  while (t.length < 30) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
    const last = t.slice(-3);
    if (t.length >= min && Math.max(...last) <= 1.1 * Math.min(...last)) break;
  }
  return t.length;
};
const warm = [warmUp(() => ref.detectLeaks(text), 5), warmUp(() => live.detectLeaks(text), 5), warmUp(runAlt, 3)];
const rounds = $ROUNDS;
const sides = { before: ref, after: live };
const wall = { before: [] as number[], after: [] as number[] };
const cpu = { before: [] as number[], after: [] as number[] };
const ms = { before: [] as number[], after: [] as number[], alt: [] as number[] };
for (let r = 0; r < rounds; r++) {
  const [aw, ac] = time(runAlt);
  ms.alt.push(aw);
  for (const k of (r % 2 ? ['before', 'after'] : ['after', 'before']) as Array<'before' | 'after'>) {
    const [w, c] = time(() => sides[k].detectLeaks(text));
    wall[k].push(aw / w);
    cpu[k].push(ac / c);
    ms[k].push(w);
  }
}
const med = (x: number[]): number => [...x].sort((p, q) => p - q)[x.length >> 1]!;
const mbs = (m: number): string => (text.length / 1048576 / (m / 1000)).toFixed(1);
console.log(\`warm-up passes (before, after, alternation): \${warm.join(', ')}; \${pats.length} patterns, \${rounds} rounds, load average \${os.loadavg()[0]!.toFixed(1)}; alternation \${med(ms.alt).toFixed(1)} ms (\${mbs(med(ms.alt))} MB/s)\`);
for (const k of ['before', 'after'] as const) {
  console.log(\`\${k}: \${med(ms[k]).toFixed(1)} ms (\${mbs(med(ms[k]))} MB/s); vs alternation wall \${med(wall[k]).toFixed(2)}x [\${wall[k].map((x) => x.toFixed(1)).join(' ')}], CPU \${med(cpu[k]).toFixed(2)}x\`);
}
EOT
cd "$ROOT" && npx esbuild "$OUT/entry.ts" --bundle --platform=node --format=esm --outfile="$OUT/ab.mjs" --log-level=error
node "$OUT/ab.mjs"
