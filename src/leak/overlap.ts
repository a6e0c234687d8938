/**
 * Overlap resolution in O(n log n): spans are grouped into clusters of transitively overlapping spans
 * (one sweep by start), and only inside a cluster — almost always a single span — does the greedy
 * "best first, drop what overlaps a kept span" run. A text with 200,000 e-mail addresses resolves in
 * milliseconds instead of comparing every pair.
 */
export function keepBest<T extends { start: number; end: number }>(spans: readonly T[], better: (a: T, b: T) => number): T[] {
  if (spans.length <= 1) return spans.slice();
  const byStart = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let cluster: T[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 1) out.push(cluster[0]!);
    else if (cluster.length > 1) {
      const kept: T[] = [];
      for (const s of cluster.sort(better)) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
      kept.sort((a, b) => a.start - b.start);
      for (const k of kept) out.push(k);
    }
    cluster = [];
  };
  for (const s of byStart) {
    if (cluster.length > 0 && s.start >= clusterEnd) flush();
    cluster.push(s);
    clusterEnd = cluster.length === 1 ? s.end : Math.max(clusterEnd, s.end);
  }
  flush();
  return out;
}
