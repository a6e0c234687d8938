/**
 * Writes obfuscated variants of known attacks as JSON Lines, one per (attack, family), for robustness
 * measurement: `npx tsx scripts/mutate.ts [--in corpus.jsonl ...] [--limit N] > variants.jsonl`.
 * Without --in it reads every attack row of corpus/ (and, while the corpus is empty, the held-out attacks
 * of ../shared/datasets/train). Each line: { id, text, label: "attack", context, task?, technique, source_id }.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATION_FAMILIES, TRANSLATED_ATTACKS, mutate } from '../src/model/mutations.ts';
import { isHeldOut, loadCorpus, loadSharedTrain, type InputFile, type TrainDoc } from '../src/model/train/data.ts';

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

function main(): void {
  const argv = process.argv.slice(2);
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
