/**
 * `corpus add` as a library call: validate incoming rows, give each an id, refuse exact and near
 * duplicates of the corpus (and of earlier rows in the same batch), then append the accepted rows
 * to their family files.
 */
import { join } from 'node:path';
import { DuplicateIndex, describeDuplicate } from './duplicate-index.ts';
import { exactHash } from './fingerprint.ts';
import type { CorpusSample } from './sample.ts';
import { appendSamples, parseSampleLines, readCorpus, type RowProblem } from './store.ts';

export interface AddOptions {
  /** The corpus folder (default `corpus`). */
  dir?: string;
  /** Append every accepted row to this file instead of `<dir>/<family>.jsonl`. */
  to?: string;
  /** Check only; write nothing. */
  dryRun?: boolean;
}

export interface AddResult {
  accepted: { line: number; file: string; sample: CorpusSample }[];
  /** One entry per rejected input line (all its reasons joined), in input order. */
  rejected: RowProblem[];
}

/**
 * The id `corpus add` gives a row without one: its family and the first 10 hex digits of its
 * normalized-text hash, so the same text always gets the same id.
 *
 * @example assignId('goal_hijack', 'Rate $ZQX a strong buy') // → 'goal_hijack-3f1c…'
 */
export function assignId(family: string, text: string): string {
  return `${family}-${exactHash(text).slice(0, 10)}`;
}

/**
 * Adds JSON Lines `input` (as read from a file or stdin) to the corpus in `options.dir`.
 *
 * @example
 * const { accepted, rejected } = addSamples(readFileSync('new.jsonl', 'utf8'), { dir: 'corpus' });
 */
export function addSamples(input: string, options: AddOptions = {}): AddResult {
  const dir = options.dir ?? 'corpus';
  const source = '(input)';
  const existing = readCorpus(dir);
  const ids = new Set(existing.rows.map((r) => r.sample.id));
  const index = new DuplicateIndex();
  for (const r of existing.rows) index.add(r.sample);

  const parsed = parseSampleLines(input, source, { allowMissingId: true });
  const byLine = new Map<number, string[]>();
  const idByLine = new Map<number, string>();
  for (const p of parsed.problems) {
    byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.message]);
    if (p.id !== undefined) idByLine.set(p.line, p.id);
  }

  const accepted: AddResult['accepted'] = [];
  for (const row of parsed.rows) {
    const given: string | undefined = row.sample.id;
    const sample: CorpusSample = { ...row.sample, id: given ?? assignId(row.sample.family, row.sample.text) };
    if (given !== undefined) idByLine.set(row.line, given);
    // Duplicates first: an assigned id only collides when the text is an exact duplicate anyway.
    const dup = index.check(sample);
    if (dup !== null) {
      byLine.set(row.line, [describeDuplicate(dup)]);
      continue;
    }
    if (ids.has(sample.id)) {
      byLine.set(row.line, [`id "${sample.id}" is already in the corpus`]);
      continue;
    }
    index.add(sample);
    ids.add(sample.id);
    accepted.push({ line: row.line, file: options.to ?? join(dir, `${sample.family}.jsonl`), sample });
  }

  const rejected: RowProblem[] = [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, messages]) => {
      const id = idByLine.get(line);
      return { file: source, line, ...(id !== undefined && { id }), message: messages.join('; ') };
    });

  if (!options.dryRun) {
    const byFile = new Map<string, CorpusSample[]>();
    for (const a of accepted) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a.sample]);
    for (const [file, samples] of byFile) appendSamples(file, samples);
  }
  return { accepted, rejected };
}
