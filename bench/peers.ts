/**
 * `npm run bench:peers`: the offline npm detectors a Node user would pick instead of tollgate, on the same
 * files the evaluation scores (corpus/*.jsonl and ../shared/datasets/eval/*.jsonl when present), side by
 * side: catch rate, false-positive rate, catch at 1% FPR, ROC AUC, latency p50/p99.
 *
 * Every peer runs with the network cut off inside this process (fetch, net connect and DNS lookups throw
 * and are counted), so a peer that needed the network would show up as failing or as attempting calls,
 * never as quietly good numbers. A peer that cannot load or throws on every input is reported as failed.
 * Writes bench/results/peers.json and bench/results/peers.md.
 *
 *   npm run bench:peers [-- --limit N]   (N samples per suite, evenly spaced, for a quick look)
 */
import dns from 'node:dns';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { basename, join } from 'node:path';
import { loadCorpus, loadSharedEval, PROJECT_ROOT, type Suite } from '../src/eval/datasets.ts';
import { openDetector } from '../src/eval/engine.ts';
import { currentCommit } from '../src/eval/evaluate.ts';
import { num, pct, us } from '../src/eval/report-md.ts';
import { catchAtFpr } from '../src/eval/metrics.ts';
import { scoreSamples } from '../src/eval/score.ts';
import { summarizeSuite, type SuiteReport } from '../src/eval/summarize.ts';
import type { Detector } from '../src/eval/types.ts';

const kResultsDir = join(PROJECT_ROOT, 'bench', 'results');
const require = createRequire(import.meta.url);

// ---- network cut-off -------------------------------------------------------------------------------

let currentDetector = 'none';
const networkAttempts: Record<string, string[]> = {};

function recordAttempt(what: string): void {
  (networkAttempts[currentDetector] ??= []).push(what);
}

/** Makes every outbound connection attempt in this process throw, and records who tried. */
function cutNetwork(): void {
  const blocked = (what: string): Error => new Error(`network disabled during the peer benchmark (${what})`);
  globalThis.fetch = (async (input: unknown) => {
    recordAttempt(`fetch ${String(input)}`);
    throw blocked('fetch');
  }) as typeof fetch;
  net.Socket.prototype.connect = function connect(...args: unknown[]): never {
    recordAttempt(`connect ${JSON.stringify(args[0])}`);
    throw blocked('net.connect');
  } as typeof net.Socket.prototype.connect;
  dns.lookup = ((host: string) => {
    recordAttempt(`dns ${host}`);
    throw blocked('dns.lookup');
  }) as unknown as typeof dns.lookup;
}

/** Proves the cut-off works before trusting a "none attempted" cell: a fetch and a socket must both be refused and counted. */
async function verifyNetworkCut(): Promise<void> {
  currentDetector = 'self-check';
  let refused = 0;
  await fetch('http://192.0.2.1/').catch(() => refused++);
  try {
    net.connect(80, '192.0.2.1');
  } catch {
    refused++;
  }
  if (refused !== 2 || networkAttempts['self-check']?.length !== 2) throw new Error('network cut-off did not engage; refusing to report "offline"');
  delete networkAttempts['self-check'];
}

// ---- peer adapters ---------------------------------------------------------------------------------

interface Contender {
  name: string;
  /** The configuration used, in one line, so the table says what was measured. */
  config: string;
  open(): Promise<Detector>;
  close?(): Promise<void>;
}

/** @andersmyrmel/vard: regex rules with severities; `moderate` is its default preset. Throws (blocks) on a threat. */
const vardContender: Contender = {
  name: '@andersmyrmel/vard 1.2',
  config: 'moderate preset (threshold 0.7), maxLength raised so long documents are scanned, not rejected for length',
  async open() {
    const mod = (await import('@andersmyrmel/vard')) as unknown as { default: { moderate(): VardGuard } };
    const guard = mod.default.moderate().maxLength(Number.MAX_SAFE_INTEGER);
    return {
      async scan(input) {
        const r = guard.safeParse(input.text);
        if (r.safe) return { flagged: false, score: 0 };
        const score = Math.max(0, ...(r.threats ?? []).map((t) => t.severity));
        return { flagged: true, score };
      },
    };
  },
};
interface VardGuard {
  maxLength(n: number): VardGuard;
  safeParse(text: string): { safe: boolean; threats?: { severity: number }[] };
}

/** llm-guard: regex guards; only the injection and jailbreak guards, since PII/profanity/toxicity/relevance judge other things. */
const llmGuardContender: Contender = {
  name: 'llm-guard 0.1.9',
  config: 'promptInjection + jailbreak guards (pii, profanity, toxicity, relevance off); score = 1 - guard score',
  async open() {
    const { LLMGuard } = require('llm-guard') as { LLMGuard: new (cfg: Record<string, boolean>) => LlmGuard };
    const guard = new LLMGuard({ pii: false, profanity: false, toxicity: false, relevance: false, jailbreak: true, promptInjection: true });
    return {
      async scan(input) {
        const r = await guard.validate(input.text);
        return { flagged: !r.isValid, score: 1 - r.score };
      },
    };
  },
};
interface LlmGuard {
  validate(text: string): Promise<{ isValid: boolean; score: number }>;
}

interface GuardrailCheck {
  allowed: boolean;
  confidence: number;
}
interface GuardrailModule {
  checkAll(text: string): Promise<{ allowed: boolean; injection: GuardrailCheck; jailbreak: GuardrailCheck; malicious: GuardrailCheck }>;
  checkInjection(text: string): Promise<GuardrailCheck>;
}

/** llm_guardrail: three TF-IDF + logistic-regression models shipped as JSON; `checkAll` is its recommended call. */
const guardrailAllContender: Contender = {
  name: 'llm_guardrail 2.1.2',
  config: 'checkAll (injection + jailbreak + malicious models, its recommended call); score = max model confidence',
  async open() {
    const g = (await import('llm_guardrail' as string)) as GuardrailModule;
    return {
      async scan(input) {
        const r = await g.checkAll(input.text);
        return { flagged: !r.allowed, score: Math.max(r.injection.confidence, r.jailbreak.confidence, r.malicious.confidence) };
      },
    };
  },
};

const guardrailInjectionContender: Contender = {
  name: 'llm_guardrail 2.1.2 (injection only)',
  config: 'checkInjection (prompt-injection model only)',
  async open() {
    const g = (await import('llm_guardrail' as string)) as GuardrailModule;
    return {
      async scan(input) {
        const r = await g.checkInjection(input.text);
        return { flagged: !r.allowed, score: r.confidence };
      },
    };
  },
};

let closeTollgate: (() => Promise<void>) | undefined;
const tollgateContender: Contender = {
  name: 'tollgate',
  config: 'inline engine; gets text, context and the user task from each row',
  async open() {
    const opened = await openDetector();
    closeTollgate = opened.close;
    this.config = `${opened.mode} engine; gets text, context and the user task from each row`;
    return opened.detector;
  },
  async close() {
    await closeTollgate?.();
  },
};

/** tollgate given only the text, as the peers are, to show what context and task add. */
let closeTollgateText: (() => Promise<void>) | undefined;
const tollgateTextOnlyContender: Contender = {
  name: 'tollgate (text only)',
  config: 'inline engine; text only, no context or task (the peers\' input)',
  async open() {
    const opened = await openDetector();
    closeTollgateText = opened.close;
    return { scan: (input) => opened.detector.scan({ text: input.text }) };
  },
  async close() {
    await closeTollgateText?.();
  },
};

// ---- run ---------------------------------------------------------------------------------------------

interface ContenderResult {
  name: string;
  config: string;
  status: 'ok' | 'failed';
  error?: string;
  networkAttempts: string[];
  suites: SuiteReport[];
  /** Scores per suite, kept to compare detectors at a matched false-positive rate. */
  scores: Record<string, { attack: number[]; benign: number[] }>;
}

function evenlySpaced<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const out: T[] = [];
  for (let i = 0; i < limit; i++) out.push(items[Math.floor((i * items.length) / limit)]!);
  return out;
}

async function runContender(c: Contender, suites: readonly Suite[]): Promise<ContenderResult> {
  currentDetector = c.name;
  const result: ContenderResult = { name: c.name, config: c.config, status: 'ok', networkAttempts: [], suites: [], scores: {} };
  let detector: Detector;
  try {
    detector = await c.open();
    result.config = c.config;
  } catch (err) {
    return { ...result, status: 'failed', error: `could not load: ${(err as Error).message}`, networkAttempts: networkAttempts[c.name] ?? [] };
  }
  try {
    for (const suite of suites) {
      const started = Date.now();
      const { scored, failures } = await scoreSamples(detector, suite.samples, { warmupScans: 20 });
      console.error(`  ${c.name} on ${suite.name}: ${scored.length} scored, ${failures.length} threw, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (scored.length === 0 && failures.length > 0) {
        result.status = 'failed';
        result.error = `every scan threw, e.g. ${failures[0]!.message}`;
      }
      result.suites.push(summarizeSuite(suite, scored, failures));
      result.scores[suite.name] = {
        attack: scored.filter((x) => x.sample.attack).map((x) => x.score),
        benign: scored.filter((x) => !x.sample.attack).map((x) => x.score),
      };
    }
  } finally {
    await c.close?.();
  }
  result.networkAttempts = networkAttempts[c.name] ?? [];
  if (result.networkAttempts.length > 0 && result.status === 'ok') {
    result.error = `${result.networkAttempts.length} network attempt(s) blocked, e.g. ${result.networkAttempts[0]}`;
  }
  return result;
}

/**
 * tollgate's catch rate when its score threshold is moved so that its FPR is at most `fpr` (the
 * "equal or lower false-positive rate" comparison against a peer's own operating point).
 */
function tollgateCatchAtFpr(results: readonly ContenderResult[], suiteName: string, fpr: number | null): number | null {
  const t = results.find((r) => r.name === 'tollgate' && r.status === 'ok')?.scores[suiteName];
  if (!t || fpr === null) return null;
  return catchAtFpr(t.attack, t.benign, fpr);
}

function summaryTable(results: readonly ContenderResult[], suiteName: string): string {
  const lines = [
    '| detector | catch (TPR) | FPR | catch @1% FPR | ROC AUC | F1 | p50 | p99 | scan errors | network | tollgate catch at ≤ this FPR |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of results) {
    const s = r.suites.find((x) => x.name === suiteName);
    if (r.status === 'failed' || !s) {
      lines.push(`| ${r.name} | failed: ${(r.error ?? 'no result').replace(/\|/g, '\\|')} | | | | | | | | | |`);
      continue;
    }
    const o = s.overall;
    const netCell = r.networkAttempts.length === 0 ? 'none attempted' : `${r.networkAttempts.length} blocked`;
    lines.push(
      `| ${r.name} | ${pct(o.tpr)} | ${pct(o.fpr)} | ${pct(o.catchAt1PctFpr)} | ${num(o.rocAuc)} | ${num(o.f1)} | ${us(s.latency.p50Us)} | ${us(s.latency.p99Us)} | ${s.scanFailures.length} | ${netCell} | ${r.name.startsWith('tollgate') ? '' : pct(tollgateCatchAtFpr(results, suiteName, o.fpr))} |`,
    );
  }
  return lines.join('\n');
}

/** Per-file cells: catch for attack rows, FPR for benign rows. */
function perFileTable(results: readonly ContenderResult[], suite: Suite): string {
  const ok = results.filter((r) => r.status === 'ok');
  const lines = [
    `| file | attacks | benign | ${ok.map((r) => r.name).join(' | ')} |`,
    `|---|---:|---:|${ok.map(() => '---:').join('|')}|`,
  ];
  for (const file of suite.files) {
    const first = ok[0]?.suites.find((s) => s.name === suite.name)?.bySource[file];
    if (!first) continue;
    const cells = ok.map((r) => {
      const m = r.suites.find((s) => s.name === suite.name)?.bySource[file];
      if (!m) return 'n/a';
      const parts: string[] = [];
      if (m.attacks > 0) parts.push(`catch ${pct(m.tpr)}`);
      if (m.benign > 0) parts.push(`FPR ${pct(m.fpr)}`);
      return parts.join(', ');
    });
    lines.push(`| ${basename(file)} | ${first.attacks} | ${first.benign} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function argNumber(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new TypeError(`${name} must be a positive integer, got ${JSON.stringify(process.argv[i + 1])}`);
  return v;
}

async function main(): Promise<number> {
  const limit = argNumber('--limit');
  const suites: Suite[] = [loadCorpus()];
  const shared = loadSharedEval();
  if (shared) suites.push(shared);
  else console.error('../shared/datasets/eval absent: peers compared on the corpus only');
  if (limit) for (const s of suites) s.samples = evenlySpaced(s.samples, limit);

  cutNetwork();
  await verifyNetworkCut();
  const contenders = [tollgateContender, tollgateTextOnlyContender, vardContender, llmGuardContender, guardrailAllContender, guardrailInjectionContender];
  const results: ContenderResult[] = [];
  for (const c of contenders) {
    console.error(`running ${c.name}`);
    results.push(await runContender(c, suites));
  }

  const md: string[] = [
    '# tollgate vs offline npm detectors',
    '',
    `Generated ${new Date().toISOString()} at commit \`${currentCommit()}\` by \`npm run bench:peers${limit ? ` -- --limit ${limit}` : ''}\` (Node ${process.versions.node}). ` +
      'Every detector ran in this one process, sequentially, on the same rows, with outbound network calls blocked and counted. ' +
      'Catch rate and FPR use each detector\'s own block decision; catch @1% FPR and ROC AUC use its score (see eval.md for definitions). ' +
      'The last column moves tollgate\'s score threshold until its FPR is at most that peer\'s FPR and gives tollgate\'s catch rate there: the equal-or-lower-FPR comparison. ' +
      'Latency is the wall time of one call, p50/p99 over the suite. ' +
      'The corpus is tollgate\'s own (allowed) training data, so tollgate\'s corpus row is largely in-sample (eval.md has the held-out figure); ' +
      'the shared evaluation files are never trained on and are the fair comparison.',
    '',
  ];
  for (const r of results) md.push(`- **${r.name}**: ${r.config}${r.status === 'failed' ? ` — FAILED: ${r.error}` : r.error ? ` — ${r.error}` : ''}`);
  md.push('');
  for (const suite of suites) {
    md.push(`## ${suite.name} (${suite.samples.length} rows)`, '', summaryTable(results, suite.name), '', '### Per file', '', perFileTable(results, suite), '');
  }
  const markdown = md.join('\n');
  mkdirSync(kResultsDir, { recursive: true });
  writeFileSync(join(kResultsDir, 'peers.md'), markdown);
  writeFileSync(
    join(kResultsDir, 'peers.json'),
    JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        commit: currentCommit(),
        limit: limit ?? null,
        contenders: results.map((r) => ({
          name: r.name,
          config: r.config,
          status: r.status,
          error: r.error ?? null,
          networkAttempts: r.networkAttempts,
          suites: r.suites.map((s) => ({ name: s.name, overall: s.overall, latency: s.latency, bySource: s.bySource, scanFailures: s.scanFailures.length })),
        })),
      },
      null,
      2,
    ) + '\n',
  );
  for (const suite of suites) console.log(`\n${suite.name}\n${summaryTable(results, suite.name)}`);
  console.log('\nwrote bench/results/peers.json and bench/results/peers.md');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench:peers failed: ${(err as Error).stack ?? err}`);
    process.exit(2);
  },
);
