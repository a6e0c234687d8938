/**
 * Leak detection throughput: our pass (JS anchor prefilter + bounded confirmation + one charCode pass
 * for the unanchored detectors) against a V8 RegExp baseline of the same patterns, in the same run, on
 * the same text: (a) one alternation of every pattern, one pass; (b) each pattern as its own global
 * regex over the whole text, which is what a per-rule scanner does. Reports MB/s and ratios, writes
 * bench/results/leak-latest.json.
 *
 *   npm run bench:leak              # 4 MB of trading-agent text, one leak per ~4 KB, 7 interleaved rounds
 *   npx tsx bench/leak.bench.ts --mb 8 --rounds 9
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createEngine } from '../src/engine.ts';
import { detectLeaks } from '../src/leak/index.ts';
import { anchoredRules } from '../src/leak/detect.ts';
import { buildText } from './leak-text.ts';
import { baselinePatterns } from './leak-baseline.ts';

const mb = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 4;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * Wall time and process CPU time of one call, in ms, and what it returned. CPU time leaves out the time
 * spent waiting for a core while other processes run (it still includes V8's helper threads).
 */
function timeOnce(fn: () => number): { ms: number; cpuMs: number; count: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const count = fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, count };
}

const { text, leaks } = buildText(mb * 1024 * 1024);
const pats = baselinePatterns(anchoredRules());
// Sources use named groups and the d flag; strip group names so one alternation compiles.
const strip = (re: RegExp): string => re.source.replace(/\(\?<[A-Za-z0-9]+>/g, '(?:');
const alternation = new RegExp(pats.map((p) => `(?:${strip(p)})`).join('|'), 'g');
const separate = pats.map((p) => new RegExp(strip(p), p.flags.includes('i') ? 'gi' : 'g'));

const runAlternation = (): number => {
  let n = 0;
  alternation.lastIndex = 0;
  while (alternation.exec(text) !== null) n++;
  return n;
};
const runPerPattern = (): number => {
  let n = 0;
  for (const re of separate) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  }
  return n;
};
// Warm-up: every implementation runs over the full text until V8 has optimized it (our first passes
// also load the wordlists and tier up the scan loops and the confirmers; the regexes tier up from bytecode to
// native code). A fixed count was not enough: after 5 passes ours still took 45-55 ms in the first timed
// rounds and 33-39 ms from the third on (bench/leak-ab.sh, 2026-11-22), so each implementation now runs
// until three passes in a row agree within 10% (at least `min`, at most 30), the same rule for all.
const warmUp = (fn: () => number, min: number): number => {
  const ms: number[] = [];
  while (ms.length < 30) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    const last = ms.slice(-3);
    if (ms.length >= min && Math.max(...last) <= 1.1 * Math.min(...last)) break;
  }
  return ms.length;
};
const warmUpPasses = { leakPass: warmUp(() => detectLeaks(text).length, 5), alternation: warmUp(runAlternation, 3), perPattern: warmUp(runPerPattern, 3) };
// Timed rounds interleave the implementations, so load from other processes on a shared machine falls on
// all of them alike; each round gives one paired ratio (baseline time / our time of that round), and the
// report is the median per implementation and the median of the paired ratios.
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 7;
const oursMs: number[] = [];
const altMs: number[] = [];
const perMs: number[] = [];
const altRatios: number[] = [];
const perRatios: number[] = [];
const oursCpu: number[] = [];
const altCpu: number[] = [];
const altCpuRatios: number[] = [];
let oursCount = 0;
let altCount = 0;
let perCount = 0;
for (let r = 0; r < rounds; r++) {
  const o = timeOnce(() => detectLeaks(text).length);
  const alt = timeOnce(runAlternation);
  const per = timeOnce(runPerPattern);
  oursMs.push(o.ms);
  altMs.push(alt.ms);
  perMs.push(per.ms);
  altRatios.push(alt.ms / o.ms);
  perRatios.push(per.ms / o.ms);
  oursCpu.push(o.cpuMs);
  altCpu.push(alt.cpuMs);
  altCpuRatios.push(alt.cpuMs / o.cpuMs);
  oursCount = o.count;
  altCount = alt.count;
  perCount = per.count;
}
const ours = { ms: median(oursMs), count: oursCount };
const alt = { ms: median(altMs), count: altCount };
const per = { ms: median(perMs), count: perCount };
// The whole inline engine scan on the same text: the WASM DFA over normalized text for every signature
// family (injection, secret, pii) in one pass, leak confirmation, the unanchored pass, decoders, and the
// semantic scorer; and the same with the semantic scorer off (every signature family still on).
async function engineRun(analyzers: { semantic?: boolean }): Promise<{ ms: number; count: number }> {
  const engine = await createEngine({ inline: true, analyzers });
  await engine.scan({ text, context: 'tool_output' });
  const ms: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await engine.scan({ text, context: 'tool_output' });
    ms.push(performance.now() - t0);
    count = r.findings.filter((f) => f.family === 'secret' || f.family === 'pii').length;
  }
  await engine.close();
  return { ms: median(ms), count };
}
const eng = await engineRun({});
const engSignatures = await engineRun({ semantic: false });

const mbs = (ms: number): number => text.length / 1024 / 1024 / (ms / 1000);
const rows = [
  { impl: 'tollgate leak pass (prefilter + confirm + unanchored)', ms: ours.ms, mbPerS: mbs(ours.ms), matches: ours.count },
  { impl: `V8 RegExp alternation (${pats.length} patterns, one pass)`, ms: alt.ms, mbPerS: mbs(alt.ms), matches: alt.count },
  { impl: `V8 RegExp per pattern (${pats.length} passes)`, ms: per.ms, mbPerS: mbs(per.ms), matches: per.count },
  { impl: 'engine.scan inline, every signature family, semantic model off', ms: engSignatures.ms, mbPerS: mbs(engSignatures.ms), matches: engSignatures.count },
  { impl: 'engine.scan inline (all families + analyzers)', ms: eng.ms, mbPerS: mbs(eng.ms), matches: eng.count },
];
const ratioVsAlternation = median(altRatios);
const ratioVsPerPattern = median(perRatios);
const cpuRatioVsAlternation = median(altCpuRatios);
console.log(
  `text: ${(text.length / 1024 / 1024).toFixed(1)} MB (UTF-16 units), ${leaks} planted leaks; ${rounds} interleaved rounds, medians ` +
    `(warm-up passes: leak pass ${warmUpPasses.leakPass}, alternation ${warmUpPasses.alternation}, per-pattern ${warmUpPasses.perPattern})`,
);
console.table(rows.map((r) => ({ ...r, ms: r.ms.toFixed(1), mbPerS: r.mbPerS.toFixed(1) })));
console.log(
  `leak pass vs alternation: ${ratioVsAlternation.toFixed(2)}x (paired per round: ${altRatios.map((x) => x.toFixed(1)).join(', ')}), ` +
    `vs per-pattern: ${ratioVsPerPattern.toFixed(2)}x; engine.scan vs alternation: ${(alt.ms / engSignatures.ms).toFixed(2)}x semantic model off, ${(alt.ms / eng.ms).toFixed(2)}x all analyzers`,
);
console.log(
  `CPU time (process): leak pass ${median(oursCpu).toFixed(1)} ms, alternation ${median(altCpu).toFixed(1)} ms, ` +
    `paired ratio ${cpuRatioVsAlternation.toFixed(2)}x (per round: ${altCpuRatios.map((x) => x.toFixed(1)).join(', ')}); load average ${os.loadavg()[0]!.toFixed(1)}`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/leak-latest.json', import.meta.url),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      textMB: text.length / 1048576,
      leaks,
      rounds,
      rows,
      ratioVsAlternation,
      ratioVsPerPattern,
      pairedRatiosVsAlternation: altRatios,
      cpuMs: { leakPass: median(oursCpu), alternation: median(altCpu) },
      cpuRatioVsAlternation,
      pairedCpuRatiosVsAlternation: altCpuRatios,
      loadAverage: os.loadavg()[0],
      warmUpPasses,
      engineSignaturesRatioVsAlternation: alt.ms / engSignatures.ms,
      engineRatioVsAlternation: alt.ms / eng.ms,
    },
    null,
    2,
  ) + '\n',
);
