/** Counts over a corpus: by label, family, context, language and technique. */
import type { CorpusSample } from './sample.ts';

export interface LabelCounts {
  attack: number;
  benign: number;
  total: number;
}

export interface CorpusStats {
  total: LabelCounts;
  family: Record<string, LabelCounts>;
  context: Record<string, LabelCounts>;
  lang: Record<string, LabelCounts>;
  /** Obfuscation technique tags; rows without one count under "none". */
  technique: Record<string, LabelCounts>;
  /** Groups holding both an attack and a benign row (indirect attacks with their clean twin). */
  twinnedGroups: number;
}

export function computeStats(samples: Iterable<CorpusSample>): CorpusStats {
  const stats: CorpusStats = { total: zero(), family: {}, context: {}, lang: {}, technique: {}, twinnedGroups: 0 };
  const groups = new Map<string, Set<string>>();
  for (const s of samples) {
    bump(stats.total, s.label);
    bump((stats.family[s.family] ??= zero()), s.label);
    bump((stats.context[s.context] ??= zero()), s.label);
    bump((stats.lang[s.lang] ??= zero()), s.label);
    const tags = s.technique === undefined ? ['none'] : Array.isArray(s.technique) ? s.technique : [s.technique];
    for (const t of tags) bump((stats.technique[t] ??= zero()), s.label);
    if (s.group !== undefined) {
      const labels = groups.get(s.group) ?? new Set<string>();
      labels.add(s.label);
      groups.set(s.group, labels);
    }
  }
  for (const labels of groups.values()) if (labels.size === 2) stats.twinnedGroups++;
  for (const key of ['family', 'context', 'lang', 'technique'] as const) stats[key] = sortedByKey(stats[key]);
  return stats;
}

/** Plain-text tables, one per dimension. */
export function formatStats(stats: CorpusStats): string {
  const lines: string[] = [];
  lines.push(`total ${stats.total.total} (attack ${stats.total.attack}, benign ${stats.total.benign}); twinned groups ${stats.twinnedGroups}`);
  for (const key of ['family', 'context', 'lang', 'technique'] as const) {
    const entries = Object.entries(stats[key]);
    const width = Math.max(key.length, ...entries.map(([k]) => k.length));
    lines.push('', `${key.padEnd(width)}  ${'attack'.padStart(7)}  ${'benign'.padStart(7)}  ${'total'.padStart(7)}`);
    for (const [k, c] of entries) {
      lines.push(`${k.padEnd(width)}  ${String(c.attack).padStart(7)}  ${String(c.benign).padStart(7)}  ${String(c.total).padStart(7)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function zero(): LabelCounts {
  return { attack: 0, benign: 0, total: 0 };
}

function bump(c: LabelCounts, label: string): void {
  if (label === 'attack') c.attack++;
  else c.benign++;
  c.total++;
}

function sortedByKey<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
