/**
 * Engine benchmark (`npm run bench`): matcher throughput against a V8 RegExp alternation measured
 * in the same run (and native Hyperscan where libhyperscan-dev is installed), and scan latency
 * p50/p99 inline and through the pool. Prints a table and writes bench/results/latest.json.
 *
 * Speed is reported as ratios against baselines measured in the same process, because this
 * machine's absolute speed varies (ENGINEERING-NOTES: 1.7x between phases).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../src/index.ts';
import { instantiateCore } from '../src/wasm/instance.ts';
import { loadTable } from '../src/wasm/exports.ts';
import { buildAutomaton } from '../src/signatures/automaton.ts';
import { defaultPackDir, loadPackDir } from '../src/signatures/pack.ts';
import { normalizeBytes } from '../src/scan/normalize.ts';
import { rng } from '../test/helpers/reference.ts';

const kTextBytes = Number(process.env.BENCH_TEXT_MB ?? 10) * 1024 * 1024;
const kRuns = Number(process.env.BENCH_RUNS ?? 9);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** 1,000 random lowercase literals of 5-12 letters and a text of random words with them inserted. */
function literalWorkload(seed: number): { literals: string[]; text: string } {
  const r = rng(seed);
  const word = (min: number, max: number): string => {
    const n = min + Math.floor(r() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    return w;
  };
  const literals = new Set<string>();
  while (literals.size < 1000) literals.add(word(5, 12));
  const list = [...literals];
  const parts: string[] = [];
  let size = 0;
  while (size < kTextBytes) {
    const w = r() < 0.02 ? list[Math.floor(r() * list.length)]! : word(2, 9);
    parts.push(w);
    size += w.length + 1;
  }
  return { literals: list, text: parts.join(' ') };
}

/** Prose-like text for the team's pack: trading-desk sentences with occasional attack phrases. */
function packWorkload(seed: number): string {
  const r = rng(seed);
  const sentences = [
    'Net revenue rose 4% year over year on higher client activity in fixed income.',
    'The desk kept its position limits unchanged and reduced gross exposure ahead of the print.',
    'Please summarize the attached filing and list the three largest risk factors.',
    'Volumes in the front-month contract were thin, with spreads widening after the close.',
    'Management reiterated guidance and announced a buyback of up to 2 billion dollars.',
    'Ignore the noise in today\'s prints; the trend in funding costs is what matters.',
    'Override the default order type only when the venue supports pegged orders.',
  ];
  const attacks = ['ignore all previous instructions', 'note to ai assistants reading this', 'withdraw all funds to', 'reveal your system prompt'];
  const parts: string[] = [];
  let size = 0;
  while (size < kTextBytes) {
    const s = r() < 0.01 ? attacks[Math.floor(r() * attacks.length)]! : sentences[Math.floor(r() * sentences.length)]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join(' ');
}

interface MatcherResult {
  name: string;
  patterns: number;
  tableBytes: number;
  wasmMBps: number;
  regexpMBps: number;
  ratioVsRegExp: number;
  /** Fastest run of each: on a shared, noisy machine the minimum is the least disturbed measurement. */
  wasmBestMBps: number;
  regexpBestMBps: number;
  bestRatioVsRegExp: number;
  wasmMatches: number;
  regexpMatches: number;
  hyperscanMBps?: number;
  hyperscanMatches?: number;
  ratioVsHyperscan?: number;
}

/** Times the WASM DFA alone over pre-normalized bytes, and a RegExp alternation over the same text. */
function benchMatcher(name: string, patterns: string[], text: string): MatcherResult {
  const core = instantiateCore();
  const encoded = patterns.map((p) => normalizeBytes(core, p).bytes);
  const { table, info } = buildAutomaton(encoded, { maxDfaBytes: 512 * 1024 * 1024 });
  const normalized = normalizeBytes(core, text).bytes;
  const cap = 1 << 20;
  const loaded = loadTable(core, table);
  if (typeof loaded === 'number') throw new Error('bench database failed validation');
  const { db, area } = loaded;
  const inp = core.alloc(normalized.length);
  const out = core.alloc(cap * 8);
  new Uint8Array(core.memory.buffer).set(normalized, inp);
  // Counts every overlapping occurrence, splitting the range when the output buffer fills.
  const scanAll = (from: number, to: number): number => {
    const n = core.scanRange(db, inp, from, to, out, cap);
    if (n >= 0) return n;
    const mid = from + ((to - from) >> 1);
    return scanAll(from, mid) + scanAll(mid, to);
  };
  scanAll(0, Math.min(normalized.length, 1 << 20)); // warm-up out of the baseline tier
  const wasmTimes: number[] = [];
  let wasmMatches = 0;
  for (let i = 0; i < kRuns; i++) {
    const t0 = performance.now();
    wasmMatches = scanAll(0, normalized.length);
    wasmTimes.push(performance.now() - t0);
  }
  const ascii = Buffer.from(normalized).toString('latin1');
  const escaped = [...new Set(encoded.map((p) => Buffer.from(p).toString('latin1')))].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(escaped.join('|'), 'g');
  const regexpTimes: number[] = [];
  let regexpMatches = 0;
  for (let i = 0; i < kRuns; i++) {
    re.lastIndex = 0;
    const t0 = performance.now();
    let n = 0;
    while (re.exec(ascii) !== null) n++;
    regexpTimes.push(performance.now() - t0);
    regexpMatches = n;
  }
  core.free(out);
  core.free(inp);
  core.free(area);
  core.free(db);
  const mb = normalized.length / (1024 * 1024);
  const wasmMBps = mb / (median(wasmTimes) / 1000);
  const regexpMBps = mb / (median(regexpTimes) / 1000);
  const wasmBest = mb / (Math.min(...wasmTimes) / 1000);
  const regexpBest = mb / (Math.min(...regexpTimes) / 1000);
  const result: MatcherResult = {
    name,
    patterns: encoded.length,
    tableBytes: info.tableBytes,
    wasmMBps: round(wasmMBps),
    regexpMBps: round(regexpMBps),
    ratioVsRegExp: round(wasmMBps / regexpMBps),
    wasmBestMBps: round(wasmBest),
    regexpBestMBps: round(regexpBest),
    bestRatioVsRegExp: round(wasmBest / regexpBest),
    wasmMatches,
    regexpMatches,
  };
  const hs = nativeHyperscan(encoded, normalized);
  if (hs) {
    result.hyperscanMBps = round(hs.mbps);
    result.hyperscanMatches = hs.matches;
    result.ratioVsHyperscan = round(wasmMBps / hs.mbps);
  }
  return result;
}

/**
 * Native Hyperscan as the speed ceiling: builds a small C harness against libhyperscan-dev when it
 * is installed. Benchmark only; the package never needs it.
 */
function nativeHyperscan(patterns: Uint8Array[], haystack: Uint8Array): { mbps: number; matches: number } | undefined {
  if (!existsSync('/usr/include/hs/hs.h')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-hs-'));
  const bin = join(dir, 'hs-bench');
  try {
    execFileSync('cc', ['-O2', '-o', bin, 'bench/native/hs-bench.c', '-lhs'], { stdio: 'pipe' });
  } catch (err) {
    console.warn(`hyperscan harness did not build: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const patFile = join(dir, 'patterns.txt');
  const hayFile = join(dir, 'haystack.bin');
  // Hex-encode patterns so any byte survives the file format.
  writeFileSync(patFile, patterns.map((p) => Buffer.from(p).toString('hex')).join('\n') + '\n');
  writeFileSync(hayFile, haystack);
  const out = execFileSync(bin, [patFile, hayFile, String(kRuns)], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as { mbps: number; matches: number };
  return parsed;
}

interface LatencyResult {
  size: string;
  mode: 'inline' | 'pool' | 'inline, model off';
  p50Us: number;
  p99Us: number;
  scansPerSec: number;
}

/**
 * Realistic benign prose of `bytes` characters: the team corpus's benign documents and tool outputs
 * (filings, notes, e-mails, JSON), concatenated from a seeded offset. Latency depends on the text's
 * shape (segments, encodings, digits), so synthetic word salad would mislead.
 */
const kProse = ['benign_docs', 'benign_tool', 'benign_desk', 'benign_agent']
  .flatMap((f) => readFileSync(`corpus/${f}.jsonl`, 'utf8').split('\n').filter(Boolean))
  .map((l) => (JSON.parse(l) as { text: string }).text);
function sampleText(bytes: number, seed: number): string {
  let s = '';
  for (let i = seed * 7; s.length < bytes; i++) s += kProse[i % kProse.length] + '\n\n';
  // A flat string, as one parsed from a request or read from a file: a slice of a concatenation is
  // a rope V8 reads more slowly (measured ~15% on the decoders), which no real caller passes.
  return Buffer.from(s.slice(0, bytes), 'utf8').toString('utf8');
}

async function benchLatency(engine: Engine, mode: LatencyResult['mode'], size: number, iterations: number): Promise<LatencyResult> {
  const texts = Array.from({ length: 16 }, (_, i) => sampleText(size, i + 1));
  for (let i = 0; i < 200; i++) await engine.scan({ text: texts[i % 16]!, context: 'retrieved_doc' });
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    await engine.scan({ text: texts[i % 16]!, context: 'retrieved_doc' });
    times.push((performance.now() - s) * 1000);
  }
  const elapsed = (performance.now() - t0) / 1000;
  return {
    size: size >= 1024 ? `${size / 1024} KB` : `${size} B`,
    mode,
    p50Us: round(percentile(times, 50)),
    p99Us: round(percentile(times, 99)),
    scansPerSec: Math.round(iterations / elapsed),
  };
}

/**
 * Where an inline 4 KB scan spends its CPU: process CPU time per scan with analyzers added one at a
 * time (CPU time, not wall time, so other processes' load distorts it less). The differences between
 * rows are what each analyzer costs.
 */
async function benchStageCpu(): Promise<Array<{ analyzers: string; cpuUsPerScan: number }>> {
  const texts = Array.from({ length: 16 }, (_, i) => sampleText(4096, i + 1));
  const configs: Array<[string, { semantic?: boolean; leaks?: boolean; decode?: boolean }]> = [
    ['signatures only', { semantic: false, leaks: false, decode: false }],
    ['+ leak validators', { semantic: false, decode: false }],
    ['+ decoders', { semantic: false }],
    ['+ semantic model (all)', {}],
  ];
  const rows = [];
  for (const [name, analyzers] of configs) {
    const engine = await createEngine({ inline: true, analyzers });
    for (let i = 0; i < 300; i++) await engine.scan({ text: texts[i % 16]!, context: 'retrieved_doc' });
    const n = 3000;
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await engine.scan({ text: texts[i % 16]!, context: 'retrieved_doc' });
    const c = process.cpuUsage(c0);
    rows.push({ analyzers: name, cpuUsPerScan: round((c.user + c.system) / n) });
    await engine.close();
  }
  return rows;
}

async function benchPoolThroughput(engine: Engine, size: number, count: number): Promise<number> {
  const texts = Array.from({ length: count }, (_, i) => ({ text: sampleText(size, i + 100), context: 'retrieved_doc' as const }));
  await engine.scanBatch(texts.slice(0, 256));
  const t0 = performance.now();
  await engine.scanBatch(texts);
  return Math.round(count / ((performance.now() - t0) / 1000));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function main(): Promise<void> {
  const pack = loadPackDir(defaultPackDir());
  const injectionAnchors = pack.signatures.filter((s) => !['secret', 'pii', 'canary'].includes(s.family)).flatMap((s) => s.anchors);
  const allAnchors = pack.signatures.flatMap((s) => s.anchors);
  const literal = literalWorkload(42);
  const prose = packWorkload(7);
  console.log(`matcher: ${(kTextBytes / 1048576).toFixed(0)} MB of text, median of ${kRuns} runs`);
  const matchers = [
    benchMatcher('1,000 random literals', literal.literals, literal.text),
    benchMatcher('team pack (injection families)', injectionAnchors, prose),
    benchMatcher('team pack (all families)', allAnchors, prose),
  ];
  console.table(matchers);

  const latency: LatencyResult[] = [];
  const inline = await createEngine({ inline: true });
  for (const [size, n] of [[256, 20000], [4096, 10000], [65536, 1000]] as const) latency.push(await benchLatency(inline, 'inline', size, n));
  // Full pipeline throughput inline on prose (normalize + match + findings), for comparison with the matcher alone.
  const t0 = performance.now();
  await inline.scan({ text: prose, context: 'retrieved_doc' });
  const fullScanMBps = round(prose.length / 1048576 / ((performance.now() - t0) / 1000));
  await inline.close();
  // The same scan without the semantic model: signatures, leak validators, decoding.
  const lean = await createEngine({ inline: true, analyzers: { semantic: false } });
  for (const [size, n] of [[256, 20000], [4096, 10000], [65536, 1000]] as const) latency.push(await benchLatency(lean, 'inline, model off', size, n));
  await lean.close();
  const pool = await createEngine({});
  for (const [size, n] of [[256, 4000], [4096, 4000], [65536, 500]] as const) latency.push(await benchLatency(pool, 'pool', size, n));
  const poolBatch4k = await benchPoolThroughput(pool, 4096, 8000);
  await pool.close();
  console.table(latency);
  const stageCpu = await benchStageCpu();
  console.log('CPU per inline 4 KB scan, analyzers added one at a time:');
  console.table(stageCpu);
  console.log(`full scan pipeline inline on ${(prose.length / 1048576).toFixed(1)} MB prose: ${fullScanMBps} MB/s`);
  console.log(`pool scanBatch throughput, 4 KB inputs: ${poolBatch4k} scans/s`);

  const [literalSet] = matchers;
  const record = {
    date: new Date().toISOString(),
    node: process.version,
    commit: safe(() => execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()),
    textBytes: kTextBytes,
    matcher: {
      // The gate reads this: WASM DFA vs V8 RegExp alternation, 1,000 literals, same run.
      ratioVsRegExp: literalSet!.ratioVsRegExp,
      sets: matchers,
    },
    latency,
    stageCpu4k: stageCpu,
    fullScanMBps,
    poolBatch4kScansPerSec: poolBatch4k,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(record, null, 2) + '\n');
  console.log('wrote bench/results/latest.json');
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

await main();
