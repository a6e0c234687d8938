/**
 * `npm run eval`: scores the inline engine on corpus/*.jsonl and ../shared/datasets/eval/*.jsonl (when
 * present) and writes bench/results/eval.json, eval.md and the SVG charts. Exit 0 on success, 2 on error.
 */
import { openDetector } from '../src/eval/engine.ts';
import { runEvaluation } from '../src/eval/evaluate.ts';
import { pct, us } from '../src/eval/report-md.ts';

async function main(): Promise<number> {
  const opened = await openDetector();
  try {
    const { json } = await runEvaluation({ engine: opened.detector, engineMode: opened.mode, log: (l) => console.error(l) });
    for (const s of json.suites) {
      const o = s.overall;
      console.log(
        `${s.name.padEnd(8)} attacks ${o.attacks} benign ${o.benign}  catch ${pct(o.tpr)}  FPR ${pct(o.fpr)}  F1 ${o.f1?.toFixed(3) ?? 'n/a'}  AUC ${o.rocAuc?.toFixed(3) ?? 'n/a'}  catch@1%FPR ${pct(o.catchAt1PctFpr)}  p50 ${us(s.latency.p50Us)} p99 ${us(s.latency.p99Us)}`,
      );
    }
    console.log(`wrote bench/results/eval.json, eval.md and SVGs in ${json.durationS.toFixed(1)} s`);
    return 0;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`eval failed: ${(err as Error).stack ?? err}`);
    process.exit(2);
  },
);
