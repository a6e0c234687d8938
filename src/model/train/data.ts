/**
 * Training documents for the semantic scorer, from the three allowed sources only: the team's corpus
 * (corpus/**.jsonl), ../shared/datasets/train/*.jsonl, and benign prose harvested from the
 * documentation pinned devDependencies ship in node_modules. Evaluation-only files are never read here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Context } from '../../types.ts';

export type DocKind = 'benign' | 'direct' | 'indirect';

export interface TrainDoc {
  id: string;
  text: string;
  label: 'attack' | 'benign';
  kind: DocKind;
  context: Context;
  task?: string;
  /** Rows sharing a group (twins, one template, one package's docs) stay on one side of the split. */
  group: string;
  /** Short source tag for metrics: `bipia_email`, `corpus`, `docs`, ... */
  source: string;
  family: string;
  /** UTF-16 span of the injected text when known (BIPIA attack_str); otherwise multiple-instance. */
  attackSpan?: [number, number];
  /** Whether an attack is malicious in itself (override, jailbreak, exfiltration) rather than only off-task. */
  intent: boolean;
  /** Scales the document's positive weight (default 1). */
  weight?: number;
}

export interface InputFile {
  path: string;
  sha256: string;
  rows: number;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function readJsonl(path: string): Array<Record<string, any>> {
  const out: Array<Record<string, any>> = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A malformed line is skipped, not fatal: the manifest records row counts.
    }
  }
  return out;
}

const kTrainFiles = [
  'bipia_train_email.jsonl',
  'cyberseceval_prompt_injection.jsonl',
  'deepset_prompt_injections.jsonl',
  'jailbreakbench_artifacts.jsonl',
  'jailbreak_llms_jailbreak_prompts.jsonl',
  'financial_twitter_news_a.jsonl',
  'financial_tatqa_reports_a.jsonl',
];

/** Rows of ../shared/datasets/train (the only shared folder training may read). */
export function loadSharedTrain(root: string, inputs: InputFile[]): TrainDoc[] {
  const dir = join(root, 'train');
  const docs: TrainDoc[] = [];
  for (const file of kTrainFiles) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const rows = readJsonl(path);
    inputs.push({ path: `../shared/datasets/train/${file}`, sha256: sha256(bytes), rows: rows.length });
    const source = file.replace(/\.jsonl$/, '');
    for (const r of rows) {
      if (typeof r.text !== 'string' || r.text.trim() === '') continue;
      const label = r.label === 'attack' ? 'attack' : 'benign';
      const context = (r.context ?? 'user_prompt') as Context;
      const meta = r.meta ?? {};
      const doc: TrainDoc = {
        id: String(r.id),
        text: r.text,
        label,
        kind: label === 'benign' ? 'benign' : context === 'user_prompt' ? 'direct' : 'indirect',
        context,
        group: `${source}:${sha256(r.text).slice(0, 12)}`,
        source,
        family: String(r.category ?? label),
        intent: label === 'attack',
      };
      if (source === 'bipia_train_email') {
        if (typeof meta.user_task === 'string') doc.task = meta.user_task;
        if (label === 'attack' && typeof meta.attack_str === 'string') {
          const at = r.text.indexOf(meta.attack_str);
          if (at >= 0) doc.attackSpan = [at, at + meta.attack_str.length];
          // Held-out attacks must be unseen strings: group by the attack, not by the e-mail.
          doc.group = `bipia:${meta.attack_name ?? meta.attack_str}`;
          doc.family = String(meta.attack_name ?? 'bipia').replace(/-\d+$/, '');
        } else {
          doc.group = `bipia:ctx${meta.context_idx ?? doc.id}`;
        }
        // BIPIA's text attacks are mostly harmless tasks that are wrong only because they are off-task.
        doc.intent = false;
      } else if (source === 'jailbreakbench_artifacts') {
        doc.group = `jbb:${sha256(String(meta.goal ?? r.text)).slice(0, 12)}`;
        // Only the JailbreakChat rows are jailbreaks in the injection sense (persona and rule-override
        // templates). GCG, DSN and random-search rows are harmful requests with adversarial suffixes and
        // PAIR rows are harmful requests in a fictional frame: a content-safety label, not injection.
        // As positives they taught "a sensitive topic, or a story framing" = attack (measured: benign
        // prompts on sensitive topics flagged 27% with them at weight 0.12, 17% without). They stay in
        // the held-out metrics and the nearest-attack exemplars.
        doc.weight = meta.method === 'JailbreakChat' ? 0.3 : 0;
      } else if (source === 'jailbreak_llms_jailbreak_prompts') {
        // Long role-play prompts: half weight, so "creative framing" does not become the attack signal.
        doc.weight = 0.5;
      } else if (source.startsWith('financial_')) {
        doc.group = `${source}:${r.id}`;
      }
      docs.push(doc);
    }
  }
  return docs;
}

/**
 * Files below `dir` (sorted, so training reads them in a fixed order), descending at most `depth`
 * levels, skipping directories `skipDir` names and keeping files `keepFile` accepts.
 */
function walkFiles(
  dir: string,
  depth: number,
  skipDir: (name: string, depth: number) => boolean,
  keepFile: (name: string, bytes: number) => boolean,
  out: string[] = [],
): string[] {
  if (depth < 0 || !existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!skipDir(name, depth)) walkFiles(p, depth - 1, skipDir, keepFile, out);
    } else if (keepFile(name, st.size)) out.push(p);
  }
  return out;
}

/** The team's corpus: corpus/**.jsonl except signature packs. */
export function loadCorpus(projectRoot: string, inputs: InputFile[]): TrainDoc[] {
  // signatures/ holds packs, leaks/ secret samples with their own schema, examples/ a README sample.
  const files = walkFiles(
    join(projectRoot, 'corpus'),
    4,
    (name) => name === 'signatures' || name === 'leaks' || name === 'examples' || name === 'node_modules' || name.startsWith('.'),
    (name) => name.endsWith('.jsonl'),
  );
  const docs: TrainDoc[] = [];
  for (const path of files) {
    const bytes = readFileSync(path);
    const rows = readJsonl(path);
    inputs.push({ path: relative(projectRoot, path), sha256: sha256(bytes), rows: rows.length });
    for (const r of rows) {
      if (typeof r.text !== 'string' || r.text.trim() === '' || (r.label !== 'attack' && r.label !== 'benign')) continue;
      const context = (r.context ?? 'user_prompt') as Context;
      const family = String(r.family ?? 'corpus');
      docs.push({
        id: `corpus:${r.id}`,
        text: r.text,
        label: r.label,
        kind: r.label === 'benign' ? 'benign' : context === 'user_prompt' ? 'direct' : 'indirect',
        context,
        ...(typeof r.task === 'string' && r.task.trim() !== '' ? { task: r.task } : {}),
        group: `corpus:${r.group ?? r.id}`,
        source: 'corpus',
        family,
        // The corpus's injections carry a harmful goal (hijack, exfiltration, extraction), not only an off-task one.
        intent: r.label === 'attack',
      });
    }
  }
  return docs;
}

/**
 * Benign documentation prose from node_modules (README and docs/*.md of the pinned dependency tree),
 * cut into chunks of about 3,000 characters at paragraph breaks. Full of imperatives addressed to the
 * reader ("Install the package", "Run the tests"): exactly the benign instructions data contains.
 */
export function harvestDocs(projectRoot: string, inputs: InputFile[], maxTotalChars = 4_000_000): TrainDoc[] {
  const nm = join(projectRoot, 'node_modules');
  const files = walkFiles(
    nm,
    4,
    (name, depth) => name === 'test' || name === 'tests' || name === '__tests__' || name === 'fixtures' || (name === 'node_modules' && depth < 3),
    (name, bytes) => /\.(md|markdown)$/i.test(name) && !/^(license|licence|code_of_conduct|security)/i.test(name) && bytes > 200 && bytes < 400_000,
  );
  const docs: TrainDoc[] = [];
  let total = 0;
  const digest = createHash('sha256');
  for (const path of files) {
    if (total >= maxTotalChars) break;
    const rel = relative(projectRoot, path);
    const text = readFileSync(path, 'utf8').slice(0, 60_000);
    digest.update(rel).update('\0').update(text);
    total += text.length;
    const pkg = rel.split('/').slice(1, rel.split('/')[1]?.startsWith('@') ? 3 : 2).join('/');
    let chunk = '';
    let n = 0;
    const flush = (): void => {
      if (chunk.trim().length > 40) {
        docs.push({ id: `docs:${rel}#${n++}`, text: chunk, label: 'benign', kind: 'benign', context: 'retrieved_doc', group: `docs:${pkg}`, source: 'docs', family: 'documentation', intent: false });
      }
      chunk = '';
    };
    for (const para of text.split(/\n\s*\n/)) {
      chunk += (chunk ? '\n\n' : '') + para;
      if (chunk.length >= 3000) flush();
    }
    flush();
  }
  inputs.push({ path: `node_modules/**/*.md (${files.length} files scanned, ${total} chars used)`, sha256: digest.digest('hex'), rows: docs.length });
  return docs;
}

/** Deterministic split by group: about `heldOutPercent`% of groups are held out. */
export function isHeldOut(group: string, heldOutPercent: number): boolean {
  const h = createHash('sha256').update(group).digest();
  return h.readUInt32BE(0) % 100 < heldOutPercent;
}
