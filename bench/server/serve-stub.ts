// `tollgate serve` with a constant-time stub in place of the engine, to measure what the HTTP
// layer itself costs (parsing, HMAC, validation, metrics, audit) apart from detection.
import { serve } from '../../src/cli/serve.ts';
import type { Detector } from '../../src/server/detector.ts';
import type { ScanResult } from '../../src/types.ts';

const kAllow: ScanResult = { flagged: false, verdict: 'allow', score: 0, findings: [], timings: { totalUs: 0 } };
const stub: Detector = {
  versions: { engine: 'stub', pack: 'none' },
  scan: async () => kAllow,
  scanBatch: async (inputs) => inputs.map(() => kAllow),
};
serve({ args: process.argv.slice(2), io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }, detector: stub }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`serve-stub: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
