/**
 * Speed as a ratio, never absolute time: the engine's end-to-end scan throughput against a V8 RegExp
 * alternation of the same literal anchors over the same texts, measured back to back in one process
 * (the machine is noisy, so only ratios measured together mean anything).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Detector } from './types.ts';

export interface SpeedRatio {
  bytes: number;
  texts: number;
  anchors: number;
  rounds: number;
  /** Median MB/s over the rounds. */
  engineMBps: number;
  regexpMBps: number;
  /** engineMBps / regexpMBps: above 1 means the engine is faster than the alternation. */
  ratio: number;
}

/** Collects every string inside an `anchors` array anywhere in a parsed signature pack. */
export function collectAnchors(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) collectAnchors(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'anchors' && Array.isArray(v)) {
        for (const a of v) if (typeof a === 'string' && a.length > 0) out.add(a);
      } else {
        collectAnchors(v, out);
      }
    }
  }
  return out;
}

/** All literal anchors of the JSON signature packs in `dir` (corpus/signatures/). */
export function loadPackAnchors(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const anchors = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      collectAnchors(JSON.parse(readFileSync(join(dir, f), 'utf8')), anchors);
    } catch (err) {
      throw new Error(`cannot read signature pack ${join(dir, f)}: ${(err as Error).message}`);
    }
  }
  return [...anchors];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The baseline: one case-insensitive alternation of every anchor, as a naive Node user would write it. */
export function alternation(anchors: readonly string[]): RegExp {
  if (anchors.length === 0) throw new RangeError('alternation needs at least one anchor');
  return new RegExp(anchors.map(escapeRegExp).join('|'), 'gi');
}

/** Deterministic generator, so every gate run times the same workload and history lines compare. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/**
 * The engine-core issue's matcher workload: `count` distinct lowercase literals of 5–12 letters, and
 * documents of about `docBytes` random words (2% of them literals) totalling about `totalBytes`.
 */
export function literalWorkload(count: number, totalBytes: number, docBytes = 64 * 1024, seed = 20261122): { literals: string[]; docs: string[] } {
  const r = lcg(seed);
  const word = (min: number, max: number): string => {
    const n = min + Math.floor(r() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    return w;
  };
  const set = new Set<string>();
  while (set.size < count) set.add(word(5, 12));
  const literals = [...set];
  const docs: string[] = [];
  let total = 0;
  while (total < totalBytes) {
    const words: string[] = [];
    let size = 0;
    while (size < docBytes) {
      const w = r() < 0.02 ? literals[Math.floor(r() * literals.length)]! : word(2, 9);
      words.push(w);
      size += w.length + 1;
    }
    docs.push(words.join(' '));
    total += size;
  }
  return { literals, docs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Times `rounds` alternating passes of the engine and of the RegExp over the same texts and returns the
 * median throughput of each and their ratio. The RegExp counts every match (as the engine does).
 */
export async function measureScanVsRegExp(
  engine: Detector,
  texts: readonly string[],
  anchors: readonly string[],
  rounds = 5,
): Promise<SpeedRatio> {
  if (texts.length === 0) throw new RangeError('measureScanVsRegExp needs at least one text');
  const re = alternation(anchors);
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t, 'utf8');
  const engineRates: number[] = [];
  const regexpRates: number[] = [];
  let sink = 0;
  // One untimed pass each so both run in the optimizing tier.
  for (const t of texts.slice(0, 200)) {
    await engine.scan({ text: t });
    re.lastIndex = 0;
    while (re.exec(t) !== null) sink++;
  }
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (const t of texts) {
      const res = await engine.scan({ text: t });
      sink += res.flagged ? 1 : 0;
    }
    engineRates.push(bytes / 1e6 / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    for (const t of texts) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t)) !== null) {
        sink++;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    regexpRates.push(bytes / 1e6 / ((performance.now() - t0) / 1000));
  }
  if (sink < 0) throw new Error('unreachable');
  const engineMBps = median(engineRates);
  const regexpMBps = median(regexpRates);
  return { bytes, texts: texts.length, anchors: anchors.length, rounds, engineMBps, regexpMBps, ratio: engineMBps / regexpMBps };
}
