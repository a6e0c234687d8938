/**
 * Checks that no corpus text is a copy of a shared dataset row (../shared/datasets/**.jsonl):
 * exact after the pre-stop hook's normalization (lower-case, whitespace collapsed), exact after
 * tollgate's token normalization, and near (word 3-gram Jaccard ≥ 0.8, the `corpus add` rule).
 *
 *   npx tsx scripts/check-corpus-copies.ts [--corpus corpus] [--shared ../shared/datasets]
 *
 * Exit 0 when nothing matches, 1 when something does (each match is printed), 0 with a note when
 * the shared folder is absent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuplicateIndex } from '../src/corpus/duplicate-index.ts';
import { readCorpus } from '../src/corpus/store.ts';

function jsonlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonlFiles(p));
    else if (name.endsWith('.jsonl')) out.push(p);
  }
  return out;
}

const hookNorm = (t: string): string => createHash('sha1').update(t.toLowerCase().split(/\s+/).filter(Boolean).join(' ')).digest('hex');

export function findCopies(corpusDir: string, sharedDir: string): string[] {
  const { rows } = readCorpus(corpusDir);
  const index = new DuplicateIndex();
  const hookHashes = new Map<string, string>();
  for (const r of rows) {
    // Label 'benign' for all: a copy is a copy whatever the label, so no twin exemption applies.
    index.add({ id: r.sample.id, text: r.sample.text, label: 'benign' });
    hookHashes.set(hookNorm(r.sample.text), r.sample.id);
  }
  const problems: string[] = [];
  for (const file of jsonlFiles(sharedDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() === '') continue;
      let text: unknown;
      try {
        text = (JSON.parse(lines[i]!) as { text?: unknown }).text;
      } catch {
        continue;
      }
      if (typeof text !== 'string' || text.trim() === '') continue;
      const where = `${file}:${i + 1}`;
      const hookHit = hookHashes.get(hookNorm(text));
      if (hookHit !== undefined) {
        problems.push(`${hookHit}: exact copy of ${where}`);
        continue;
      }
      const dup = index.check({ id: where, text, label: 'benign' });
      if (dup !== null) problems.push(`${dup.id}: ${dup.kind} duplicate (Jaccard ${dup.similarity.toFixed(2)}) of ${where}`);
    }
  }
  return problems;
}

function main(): number {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i === -1 ? fallback : (argv[i + 1] ?? fallback);
  };
  const corpus = arg('--corpus', 'corpus');
  const shared = arg('--shared', '../shared/datasets');
  if (!existsSync(shared)) {
    process.stdout.write(`${shared} not found; nothing to compare against\n`);
    return 0;
  }
  const problems = findCopies(corpus, shared);
  for (const p of problems) process.stdout.write(p + '\n');
  process.stdout.write(`${problems.length} corpus text(s) match a shared dataset row (exact or Jaccard ≥ 0.8)\n`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
