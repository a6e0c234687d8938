/**
 * Reads the Numenta Anomaly Benchmark as published (../shared/datasets/nab from the project root):
 * the 58 CSV series, their labelled anomaly windows and the cost profiles. Evaluation data only:
 * nothing here is copied into the project.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const NAB_DIR = process.env.TOLLGATE_NAB_DIR ?? join(process.cwd(), '..', 'shared', 'datasets', 'nab');

export interface NabFile {
  /** `<category>/<file>.csv`, as in combined_windows.json */
  name: string;
  /** ms since epoch (timestamps are read as UTC) */
  ts: Float64Array;
  values: Float64Array;
  /** inclusive index ranges of the labelled windows */
  windows: Array<[number, number]>;
}

export interface CostProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export function nabAvailable(dir = NAB_DIR): boolean {
  return existsSync(join(dir, 'labels', 'combined_windows.json'));
}

/** NAB timestamps look like `2014-04-10 07:15:00` or `2014-04-10 07:15:00.000000`. */
export function parseNabTime(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(s.trim());
  if (!m) throw new Error(`not a NAB timestamp: '${s}'`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function loadProfiles(dir = NAB_DIR): Record<string, CostProfile> {
  const raw = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')) as Record<string, { CostMatrix: CostProfile }>;
  const out: Record<string, CostProfile> = {};
  for (const [name, p] of Object.entries(raw)) {
    out[name] = { tpWeight: p.CostMatrix.tpWeight, fpWeight: p.CostMatrix.fpWeight, fnWeight: p.CostMatrix.fnWeight };
  }
  return out;
}

/** All labelled files, sorted by name (the order the tune/report split is defined on). */
export function loadCorpus(dir = NAB_DIR): NabFile[] {
  const windows = JSON.parse(readFileSync(join(dir, 'labels', 'combined_windows.json'), 'utf8')) as Record<string, [string, string][]>;
  const names = Object.keys(windows).sort();
  return names.map((name) => {
    const lines = readFileSync(join(dir, 'data', name), 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
    const ts = new Float64Array(lines.length);
    const values = new Float64Array(lines.length);
    lines.forEach((line, i) => {
      const comma = line.indexOf(',');
      ts[i] = parseNabTime(line.slice(0, comma));
      values[i] = Number(line.slice(comma + 1));
    });
    const idx = (t: number): number => {
      // first index with ts >= t (windows are given on the series' own timestamps)
      let lo = 0;
      let hi = ts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ts[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const ranges = windows[name]!.map(([a, b]): [number, number] => {
      const start = idx(parseNabTime(a));
      let end = idx(parseNabTime(b));
      if (end >= ts.length || ts[end]! > parseNabTime(b)) end -= 1;
      return [start, end];
    });
    return { name, ts, values, windows: ranges };
  });
}

/**
 * The fixed split: files sorted by name, even positions are the tuning half, odd positions the
 * reported (never tuned on) half. Decided before any score was looked at.
 */
export function splitHalves<T extends { name: string }>(files: T[]): { tune: T[]; holdout: T[] } {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { tune: sorted.filter((_, i) => i % 2 === 0), holdout: sorted.filter((_, i) => i % 2 === 1) };
}
