/**
 * Writes obfuscated variants of known attacks as JSON Lines, one per (attack, family), for robustness
 * measurement: `npx tsx scripts/mutate.ts [--in corpus.jsonl ...] [--limit N] > variants.jsonl`.
 * Without --in it reads every attack row of corpus/ (and, while the corpus is empty, the held-out attacks
 * of ../shared/datasets/train). Each line: { id, text, label: "attack", context, task?, technique, source_id }.
 *
 * `npx tsx scripts/mutate.ts --measure [--limit N]` instead scans the held-out corpus attacks (first N,
 * default 400) and every variant with the full inline engine (signatures, decoders and the semantic
 * model) and prints the catch rate per family, its distance from the unmutated attacks, and the
 * translations per language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATION_FAMILIES, TRANSLATED_ATTACKS, mutate } from '../src/model/mutations.ts';
import { isHeldOut, loadCorpus, loadSharedTrain, type InputFile, type TrainDoc } from '../src/model/train/data.ts';
import type { Context } from '../src/types.ts';

export function attackSources(root: string, files: string[] = [], heldOutOnly = false): TrainDoc[] {
  const inputs: InputFile[] = [];
  if (files.length > 0) {
    const out: TrainDoc[] = [];
    for (const f of files) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line);
        if (r.label !== 'attack' || typeof r.text !== 'string') continue;
        out.push({ id: String(r.id), text: r.text, label: 'attack', kind: 'direct', context: r.context ?? 'user_prompt', task: r.task ?? r.meta?.user_task, group: String(r.group ?? r.id), source: f, family: String(r.family ?? 'attack'), intent: true });
      }
    }
    return out;
  }
  // heldOutOnly: the groups training held out (scripts/train.ts, 20%), so robustness is measured on unseen attacks.
  const corpus = loadCorpus(root, inputs).filter((d) => d.label === 'attack' && (!heldOutOnly || isHeldOut(d.group, 20)));
  if (corpus.length > 0) return corpus;
  const shared = join(root, '../shared/datasets');
  if (!existsSync(shared)) return [];
  // Held-out side of the training split, so the measurement is not on text the model trained on.
  return loadSharedTrain(shared, inputs).filter((d) => d.label === 'attack' && isHeldOut(d.group, 20) && d.text.length <= 2000);
}

export function* variants(attacks: TrainDoc[]): Generator<Record<string, unknown>> {
  for (const a of attacks) {
    const base = { label: 'attack', context: a.context, ...(a.task ? { task: a.task } : {}), source_id: a.id };
    yield { id: `${a.id}#none`, text: a.text, technique: 'none', ...base };
    for (const family of MUTATION_FAMILIES) yield { id: `${a.id}#${family}`, text: mutate(a.text, family), technique: family, ...base };
  }
}

export function translationVariants(): Array<Record<string, unknown>> {
  return TRANSLATED_ATTACKS.map((t, i) => ({ id: `translation-${i}-${t.lang}`, text: t.text, label: 'attack', context: 'retrieved_doc', task: 'Summarize this document for me.', technique: 'translation', lang: t.lang }));
}

export interface FamilyCatch {
  family: string;
  scanned: number;
  caught: number;
}

/**
 * Catch rate of each mutation family on the full engine: `scan` is the engine's scan (inline), the
 * attacks are the held-out corpus attacks. Translations are reported per language as `translation:xx`.
 */
export async function measureMutations(
  scan: (input: { text: string; context: Context; task?: string }) => Promise<{ flagged: boolean }>,
  attacks: TrainDoc[],
): Promise<FamilyCatch[]> {
  const byFamily = new Map<string, FamilyCatch>();
  const count = (family: string, flagged: boolean): void => {
    const e = byFamily.get(family) ?? { family, scanned: 0, caught: 0 };
    e.scanned++;
    if (flagged) e.caught++;
    byFamily.set(family, e);
  };
  for (const v of [...variants(attacks), ...translationVariants()]) {
    const r = await scan({ text: v.text as string, context: v.context as Context, ...(v.task ? { task: v.task as string } : {}) });
    count(v.technique as string, r.flagged);
    if (v.lang) count(`translation:${v.lang as string}`, r.flagged);
  }
  return [...byFamily.values()];
}

/** Markdown table of measureMutations' result, with each family's distance from the unmutated attacks. */
export function mutationMarkdown(rows: FamilyCatch[]): string {
  const rate = (e: FamilyCatch) => (100 * e.caught) / e.scanned;
  const base = rows.find((e) => e.family === 'none');
  const lines = ['| family | caught | vs unmutated |', '|---|---|---|'];
  for (const e of rows.filter((r) => !r.family.startsWith('translation:'))) {
    const delta = base && e.family !== 'none' ? `${(rate(e) - rate(base)).toFixed(1)} pts` : '';
    lines.push(`| ${e.family} | ${rate(e).toFixed(1)}% (${e.caught}/${e.scanned}) | ${delta} |`);
  }
  const langs = rows.filter((r) => r.family.startsWith('translation:')).map((e) => `${e.family.slice(12)} ${e.caught}/${e.scanned}`);
  if (langs.length > 0) lines.push('', `Translations by language: ${langs.join(', ')}`);
  return lines.join('\n');
}

async function measure(limit: number): Promise<void> {
  const { createEngine } = await import('../src/index.ts');
  const engine = await createEngine({ inline: true });
  try {
    const attacks = attackSources(process.cwd(), [], true).slice(0, limit);
    process.stdout.write(mutationMarkdown(await measureMutations((input) => engine.scan(input), attacks)) + '\n');
  } finally {
    await engine.close();
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--measure')) {
    const at = argv.indexOf('--limit');
    void measure(at >= 0 ? Number(argv[at + 1]) : 400);
    return;
  }
  const files: string[] = [];
  let limit = Infinity;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--in') files.push(argv[++i]);
    else if (argv[i] === '--limit') limit = Number(argv[++i]);
  }
  const attacks = attackSources(process.cwd(), files).slice(0, limit);
  for (const v of variants(attacks)) process.stdout.write(JSON.stringify(v) + '\n');
  for (const v of translationVariants()) process.stdout.write(JSON.stringify(v) + '\n');
}

if (process.argv[1]?.endsWith('mutate.ts')) main();
