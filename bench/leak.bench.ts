/**
 * Leak detection throughput: our pass (JS anchor prefilter + bounded confirmation + one charCode pass
 * for the unanchored detectors) against a V8 RegExp baseline of the same patterns, in the same run, on
 * the same text: (a) one alternation of every pattern, one pass; (b) each pattern as its own global
 * regex over the whole text, which is what a per-rule scanner does. Reports MB/s and ratios, writes
 * bench/results/leak-latest.json.
 *
 *   npm run bench:leak              # 4 MB of trading-agent text, one leak per ~4 KB
 *   npx tsx bench/leak.bench.ts --mb 8
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createEngine } from '../src/engine.ts';
import { detectLeaks } from '../src/leak/index.ts';
import { anchoredRules } from '../src/leak/detect.ts';
import { TokenFactory } from '../test/leak/fixtures/tokens.ts';

const mb = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 4;

/** Team-written filler in the style of agent transcripts, tool outputs and market data. */
function buildText(bytes: number): { text: string; leaks: number } {
  const t = new TokenFactory(77);
  const filler = [
    () => `The agent rebalanced the ${['BTC', 'ETH', 'SOL', 'AAPL', 'NVDA'][t.int(5)]} position to ${t.int(40)}% of NAV after the ${t.int(60)}-minute momentum signal crossed zero. `,
    () => `tool_output: {"symbol": "ETHUSDT", "bid": ${3000 + t.int(900)}.${t.int(99)}, "ask": ${3000 + t.int(900)}.${t.int(99)}, "ts": 17163${t.digits(7)}} `,
    () => `Risk check passed: gross exposure ${t.int(9)}.${t.int(9)}x, max drawdown ${t.int(20)}.${t.int(9)}%, VaR(99%) $${t.int(900)},${t.digits(3)}. `,
    () => `User asked whether to hedge with puts; the model suggested a ${t.int(30)}-delta collar expiring in ${t.int(90)} days. `,
    () => `orderId=${t.digits(10)} status=FILLED qty=${t.int(500)} price=${t.int(70000)}.${t.int(99)} venue=${['binance', 'kraken', 'coinbase'][t.int(3)]} `,
    () => `Retrieved document says the fund's mandate limits single-name exposure and forbids leverage above 2x during earnings weeks.\n`,
  ];
  const leaks = [
    () => `api_key: ${t.binanceKey()}\n`,
    () => `AWS_ACCESS_KEY_ID=${t.awsAccessKey()} `,
    () => `token ${t.githubPat()} `,
    () => `card ${t.card('4')} `,
    () => `restore with ${t.mnemonic(12)}. `,
    () => `contact jane.roe@northpoint-capital.com `,
    () => `Authorization: Bearer ${t.jwt()}\n`,
  ];
  let text = '';
  let n = 0;
  let next = 4096;
  while (text.length < bytes) {
    text += filler[t.int(filler.length)]!();
    if (text.length >= next) {
      text += leaks[n % leaks.length]!();
      n++;
      next += 4096;
    }
  }
  return { text, leaks: n };
}

/** Regexes for the unanchored and context detectors, equivalent in what they look for (without validation). */
const kExtraPatterns = [
  /(?:secret|token|api_?key|apikey|password|passwd|pwd|passphrase|credential)[\w.\-]*["']?\s*[:=]\s*["']?[A-Za-z0-9_\-+/=!@#$%^&*]{8,}/i,
  /\b(?:\d[ \-]?){12,18}\d\b/,
  /\b\d{3}-\d{2}-\d{4}\b/,
  /(?:\+\d{1,3}[ \-]?)?\(?\d{3}\)?[ \-.]\d{3}[ \-.]\d{4}\b/,
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/,
  /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}/,
  /\b[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}\b/,
  /\b(?:[a-z]{3,8}\s+){11,23}[a-z]{3,8}\b/,
  /[A-Za-z0-9+/]{24,}={0,2}/,
  /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----/,
  /(?:private|priv|secret)[\w .\-]{0,20}[:=]\s*(?:0x)?[0-9a-fA-F]{64}\b/i,
];

function patterns(): RegExp[] {
  const fromRules = anchoredRules()
    .map((r) => (r.confirm as { pattern?: RegExp }).pattern)
    .filter((p): p is RegExp => p !== undefined);
  return [...fromRules, ...kExtraPatterns];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(fn: () => number, runs: number): { ms: number; count: number } {
  let count = 0;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), count };
}

const { text, leaks } = buildText(mb * 1024 * 1024);
const pats = patterns();
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
// also load the wordlists and tier up the scan loops), then the medians are taken.
for (let i = 0; i < 3; i++) detectLeaks(text);
runAlternation();
runPerPattern();
const ours = time(() => detectLeaks(text).length, 7);
const alt = time(runAlternation, 3);
const per = time(runPerPattern, 3);
// The whole inline engine scan (WASM DFA over normalized text for every family, leak confirmation,
// unanchored pass, decoders, semantic scorer), on the same text, for scale.
const engine = await createEngine({ inline: true });
await engine.scan({ text, context: 'tool_output' });
const engineMs: number[] = [];
let engineLeaks = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await engine.scan({ text, context: 'tool_output' });
  engineMs.push(performance.now() - t0);
  engineLeaks = r.findings.filter((f) => f.family === 'secret' || f.family === 'pii').length;
}
await engine.close();
const eng = { ms: median(engineMs), count: engineLeaks };

const mbs = (ms: number): number => text.length / 1024 / 1024 / (ms / 1000);
const rows = [
  { impl: 'tollgate leak pass (prefilter + confirm + unanchored)', ms: ours.ms, mbPerS: mbs(ours.ms), matches: ours.count },
  { impl: `V8 RegExp alternation (${pats.length} patterns, one pass)`, ms: alt.ms, mbPerS: mbs(alt.ms), matches: alt.count },
  { impl: `V8 RegExp per pattern (${pats.length} passes)`, ms: per.ms, mbPerS: mbs(per.ms), matches: per.count },
  { impl: 'engine.scan inline (all families + analyzers)', ms: eng.ms, mbPerS: mbs(eng.ms), matches: eng.count },
];
console.log(`text: ${(text.length / 1024 / 1024).toFixed(1)} MB (UTF-16 units), ${leaks} planted leaks; median of runs`);
console.table(rows.map((r) => ({ ...r, ms: r.ms.toFixed(1), mbPerS: r.mbPerS.toFixed(1) })));
console.log(`leak pass vs alternation: ${(alt.ms / ours.ms).toFixed(2)}x, vs per-pattern: ${(per.ms / ours.ms).toFixed(2)}x; engine.scan vs alternation: ${(alt.ms / eng.ms).toFixed(2)}x`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/leak-latest.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, textMB: text.length / 1048576, leaks, rows, ratioVsAlternation: alt.ms / ours.ms, ratioVsPerPattern: per.ms / ours.ms, engineRatioVsAlternation: alt.ms / eng.ms }, null, 2) + '\n',
);
