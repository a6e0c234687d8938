/**
 * `npm run gate`: runs the evaluation (corpus + shared eval files when present) on the inline engine,
 * measures speed as a ratio against a V8 RegExp alternation in this same process, compares everything
 * with bench/thresholds.json, appends one line to bench/history.jsonl, and exits non-zero naming every
 * metric outside its bound.
 *
 *   npm run gate [-- --thresholds <file>] [-- --no-history]
 * Exit: 0 all thresholds met, 1 some metric failed, 2 the gate itself could not run.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/eval/datasets.ts';
import { literalPack, openDetector } from '../src/eval/engine.ts';
import { runEvaluation } from '../src/eval/evaluate.ts';
import { checkGate, describeFailure, flattenEval, historyRecord, parseThresholds } from '../src/eval/gate.ts';
import { literalWorkload, loadPackAnchors, measureScanVsRegExp } from '../src/eval/speed.ts';

const kThresholdsFile = join(PROJECT_ROOT, 'bench', 'thresholds.json');
const kHistoryFile = join(PROJECT_ROOT, 'bench', 'history.jsonl');
const kBenchLatest = join(PROJECT_ROOT, 'bench', 'results', 'latest.json');
const kSignatureDir = join(PROJECT_ROOT, 'corpus', 'signatures');
/** Bytes timed for the speed ratio: enough to dwarf timer noise, few enough to stay in CI time. */
const kSpeedBytes = 2_000_000;
const kSpeedDocBytes = 64 * 1024;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The matcher ratio bench/run.ts last wrote, when present: recorded for trends, not gated (it is not from this run). */
function benchMatcherRatio(): number | null {
  if (!existsSync(kBenchLatest)) return null;
  try {
    const v = (JSON.parse(readFileSync(kBenchLatest, 'utf8')) as { matcher?: { ratioVsRegExp?: unknown } }).matcher?.ratioVsRegExp;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Documents for the speed ratio: the scored files' texts in file order (corpus first, so the set is the
 * same run to run), joined into ~64 KB documents so per-call overhead does not dominate either side,
 * up to kSpeedBytes in total.
 */
function speedDocuments(files: readonly string[]): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  let currentBytes = 0;
  let total = 0;
  for (const f of files) {
    for (const line of readFileSync(join(PROJECT_ROOT, f), 'utf8').split('\n')) {
      let text: unknown;
      try {
        text = (JSON.parse(line) as { text?: unknown }).text;
      } catch {
        continue; // malformed lines are already reported by the evaluation
      }
      if (typeof text !== 'string') continue;
      current.push(text);
      currentBytes += Buffer.byteLength(text, 'utf8');
      if (currentBytes >= kSpeedDocBytes) {
        docs.push(current.join('\n\n'));
        total += currentBytes;
        current = [];
        currentBytes = 0;
        if (total >= kSpeedBytes) return docs;
      }
    }
  }
  if (current.length > 0) docs.push(current.join('\n\n'));
  return docs;
}

/**
 * The engine-core issue's workload through the public API: an inline engine compiled from 1,000 random
 * literals against one RegExp alternation of the same literals, on the same ~64 KB documents.
 */
async function literalSetRatio(): Promise<number | null> {
  if (process.env.TOLLGATE_EVAL_STUB === '1') return null;
  const { literals, docs } = literalWorkload(1000, kSpeedBytes);
  const opened = await openDetector(literalPack(literals));
  try {
    const speed = await measureScanVsRegExp(opened.detector, docs, literals);
    console.error(
      `speed: 1,000-literal pack: engine ${speed.engineMBps.toFixed(1)} MB/s vs RegExp alternation ${speed.regexpMBps.toFixed(1)} MB/s ` +
        `over ${(speed.bytes / 1e6).toFixed(2)} MB, median of ${speed.rounds} rounds: ratio ${speed.ratio.toFixed(2)}`,
    );
    return speed.ratio;
  } finally {
    await opened.close();
  }
}

async function main(): Promise<number> {
  const thresholdsPath = argValue('--thresholds') ?? kThresholdsFile;
  const thresholds = parseThresholds(JSON.parse(readFileSync(thresholdsPath, 'utf8')));
  const opened = await openDetector();
  let evalJson;
  const metrics: Record<string, number | null> = {};
  try {
    ({ json: evalJson } = await runEvaluation({ engine: opened.detector, engineMode: opened.mode, log: (l) => console.error(l) }));
    Object.assign(metrics, flattenEval(evalJson));
    const anchors = loadPackAnchors(kSignatureDir);
    if (anchors.length === 0) {
      console.error(`speed: no literal anchors found in ${kSignatureDir}; speed.scanVsRegExp not measured`);
    } else {
      const texts = speedDocuments(evalJson.suites.flatMap((s) => s.files));
      const speed = await measureScanVsRegExp(opened.detector, texts, anchors);
      metrics['speed.scanVsRegExp'] = speed.ratio;
      console.error(
        `speed: engine ${speed.engineMBps.toFixed(1)} MB/s vs RegExp alternation of ${speed.anchors} anchors ${speed.regexpMBps.toFixed(1)} MB/s ` +
          `over ${speed.texts} texts (${(speed.bytes / 1e6).toFixed(2)} MB), median of ${speed.rounds} rounds: ratio ${speed.ratio.toFixed(2)}`,
      );
    }
    metrics['speed.benchMatcherVsRegExp'] = benchMatcherRatio();
  } finally {
    await opened.close();
  }
  metrics['speed.literalScanVsRegExp'] = await literalSetRatio();

  const outcome = checkGate(metrics, thresholds, { sharedPresent: evalJson.sharedPresent });
  for (const p of outcome.passed) console.log(`ok    ${p.metric} = ${p.value.toFixed(4)}`);
  for (const s of outcome.skipped) console.log(`skip  ${s.metric} (${s.reason})`);
  for (const f of outcome.failures) console.log(`FAIL  ${describeFailure(f)}`);
  if (!process.argv.includes('--no-history')) {
    const rec = historyRecord(metrics, thresholds, outcome, { commit: evalJson.commit, date: evalJson.generatedAt, sharedPresent: evalJson.sharedPresent });
    appendFileSync(kHistoryFile, JSON.stringify(rec) + '\n');
  }
  if (outcome.failures.length > 0) {
    console.log(`gate FAILED: ${outcome.failures.length} metric(s) outside bounds: ${outcome.failures.map((f) => f.metric).join(', ')}`);
    return 1;
  }
  console.log(`gate passed: ${outcome.passed.length} metric(s) within bounds, ${outcome.skipped.length} skipped`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`gate could not run: ${(err as Error).stack ?? err}`);
    process.exit(2);
  },
);
