import type { ScanInput, ScanResult } from '../../src/types.ts';
import type { Detector } from '../../src/server/detector.ts';

/** A stand-in engine: flags "ignore previous", optionally waits on a gate so tests can hold scans in flight. */
export function fakeDetector(options: { gate?: () => Promise<void>; authorize?: boolean } = {}): Detector & { scans: number } {
  const detector: Detector & { scans: number } = {
    scans: 0,
    versions: { engine: 'test', pack: 'fake@1' },
    async scan(input: ScanInput): Promise<ScanResult> {
      detector.scans++;
      if (options.gate) await options.gate();
      const at = input.text.toLowerCase().indexOf('ignore previous');
      if (at === -1) return { flagged: false, verdict: 'allow', score: 0.01, findings: [], timings: { totalUs: 3 } };
      return {
        flagged: true,
        verdict: 'deny',
        score: 0.97,
        findings: [{ id: 'inj.override.ignore-previous', family: 'injection', owasp: 'LLM01', severity: 'high', start: at, end: at + 15, evidence: input.text.slice(at, at + 15) }],
        timings: { totalUs: 4 },
      };
    },
    async scanBatch(inputs: ScanInput[]): Promise<ScanResult[]> {
      return Promise.all(inputs.map((i) => detector.scan(i)));
    },
  };
  if (options.authorize) detector.authorize = async () => ({ verdict: 'allow', reasons: [], reasonCodes: [] });
  return detector;
}

/** A gate that holds every caller until `open()`. */
export function holdGate(): { wait: () => Promise<void>; open: () => void; waiting: () => number } {
  let release!: () => void;
  let count = 0;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return {
    wait: () => {
      count++;
      return opened;
    },
    open: () => release(),
    waiting: () => count,
  };
}
