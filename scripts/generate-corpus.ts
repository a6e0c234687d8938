/**
 * Generates tollgate's labelled corpus into corpus/<family>.jsonl (and corpus/schema.json) from the
 * templates, vocabularies and slot fillers in scripts/corpus-gen/, all written by the team.
 *
 *   npx tsx scripts/generate-corpus.ts [--out corpus] [--seed N]
 *
 * Deterministic: one seeded PRNG drives every choice, rows are written in generation order, so the
 * same seed gives the same bytes. Every candidate goes through the same duplicate index as
 * `tollgate corpus add` (exact, or word 3-gram Jaccard ≥ 0.8), so the corpus holds no near copies;
 * an indirect attack and its clean twin share a group and are exempt from each other.
 *
 * Rows a researcher added with `tollgate corpus add` (ids not starting with "gen-") are kept when
 * the corpus is regenerated in place.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuplicateIndex, fingerprint } from '../src/corpus/duplicate-index.ts';
import { canonicalSample, type CorpusSample } from '../src/corpus/sample.ts';
import { kCorpusJsonSchema } from '../src/corpus/schema.ts';
import type { Context, OwaspId } from '../src/types.ts';
import { benignDocInstructions, benignUserPrompt } from './corpus-gen/benign-prompts.ts';
import { AGENT_BENIGN, BENIGN_INSERTS, DESK_PROMPTS, HARD_DOC_TASKS, HARD_DOCS, HARD_PROMPTS, MODEL_BENIGN } from './corpus-gen/benign.ts';
import { RETRIEVED_CARRIERS, TOOL_CARRIERS, type Carrier } from './corpus-gen/carriers.ts';
import {
  AGENT_SLOTS,
  DIRECT_INJECTION,
  EXFILTRATION_AGENT,
  EXFILTRATION_OUTPUT,
  EXFILTRATION_PROMPT,
  EXTRACTION,
  HIJACK_AGENT,
  HIJACK_OUTPUT,
  HIJACK_PROMPT,
  JAILBREAK,
  makeDirect,
  type DirectSpec,
} from './corpus-gen/direct.ts';
import './corpus-gen/extra-langs.ts';
import { GENERAL_PROMPTS, HARD_GENERAL, SENSITIVE_BENIGN } from './corpus-gen/general.ts';
import { ALL_LANGS, LANGS, makePayload, type AnyLang, type Intent, type Lang } from './corpus-gen/payloads.ts';
import { fill, Rng } from './corpus-gen/rng.ts';

export const DEFAULT_SEED = 20261122;
export const GENERATED_ID_PREFIX = 'gen-';

/** Language mix: half English, the rest spread evenly over the other five. */
const kLangWeights: Record<AnyLang, number> = { en: 0.5, zh: 0.1, es: 0.1, de: 0.1, ja: 0.1, fr: 0.1, it: 0.04, pt: 0.04, ru: 0.04, ko: 0.04, nl: 0.03, pl: 0.03, tr: 0.03, id: 0.03, vi: 0.03, ar: 0.03, hi: 0.03 };

function pickLang<L extends AnyLang>(rng: Rng, allowed: readonly L[]): L {
  const total = allowed.reduce((s, l) => s + kLangWeights[l], 0);
  let x = rng.next() * total;
  for (const l of allowed) {
    x -= kLangWeights[l];
    if (x < 0) return l;
  }
  return allowed[allowed.length - 1]!;
}

type Row = Omit<CorpusSample, 'id' | 'family'>;

/** A producer returns one candidate: a single row, or an attack and its clean twin. */
type Producer = (rng: Rng) => Row[];

interface FamilyPlan {
  family: string;
  /** How many candidates (single rows or twin pairs) to accept. */
  count: number;
  produce: Producer;
}

const kIntentOwasp: Record<Intent, OwaspId> = { override: 'LLM01', offtask: 'LLM01', extraction: 'LLM07', exfiltration: 'LLM02', hijack: 'LLM06' };

// Payload intents inside data, weighted toward the trading-specific ones the product guards.
const kIndirectIntents: readonly Intent[] = ['override', 'offtask', 'offtask', 'extraction', 'exfiltration', 'exfiltration', 'hijack', 'hijack', 'hijack'];

function indirect(carriers: readonly Carrier[]): Producer {
  return (rng) => {
    const carrier = rng.pick(carriers);
    const lang = pickLang(rng, carrier.langs);
    const doc = carrier.build(rng, lang);
    const intent = rng.pick(kIndirectIntents);
    // Mostly the document's language; sometimes another (often English) planted in a foreign document.
    const payloadLang: Lang = rng.chance(0.8) ? lang : rng.chance(0.5) ? 'en' : pickLang(rng, LANGS);
    const payload = makePayload(rng, payloadLang, intent);
    const hidden = ['hidden_div', 'zero_font', 'aria_hidden'].includes(doc.position);
    const technique = hidden ? 'hidden_text' : doc.position === 'comment' && carrier.name === 'web_page_html' ? 'html_comment' : undefined;
    const notes = `carrier=${carrier.name}; position=${doc.position}; payload=${intent}/${payloadLang}`;
    const attack: Row = {
      text: doc.render(payload.text),
      label: 'attack',
      owasp: 'LLM01',
      context: carrier.context,
      lang,
      task: doc.task,
      ...(technique !== undefined && { technique }),
      notes,
    };
    const twin: Row = {
      text: doc.render(null),
      label: 'benign',
      owasp: 'LLM01',
      context: carrier.context,
      lang,
      task: doc.task,
      notes: `clean twin; carrier=${carrier.name}`,
    };
    return [attack, twin];
  };
}

/** Cycles through a spec's templates evenly (a shuffled deck per language) so no template dominates. */
function direct(spec: DirectSpec, label: 'attack' | 'benign', owasp: OwaspId, context: Context, langs: readonly AnyLang[] = ALL_LANGS, prefix?: (rng: Rng) => string): Producer {
  return (rng) => {
    const lang = pickLang(rng, langs.filter((l) => spec.templates[l] !== undefined));
    const text = (prefix ? prefix(rng) : '') + makeDirect(rng, spec, lang);
    return [{ text, label, owasp, context, lang }];
  };
}

/** An injected instruction on its own, as another agent's message (a compromised peer passing it on). */
function agentPayload(intents: readonly Intent[]): Producer {
  return (rng) => {
    const lang = pickLang(rng, LANGS);
    const intent = rng.pick(intents);
    const agent = fill(rng, '[{AGENT}] ', AGENT_SLOTS);
    return [{ text: agent + makePayload(rng, lang, intent).text, label: 'attack', owasp: kIntentOwasp[intent], context: 'agent_message', lang, notes: `payload=${intent}` }];
  };
}

/** An injected instruction pasted into the user's own prompt after an ordinary request. */
function userPayload(intents: readonly Intent[]): Producer {
  return (rng) => {
    const lang = pickLang(rng, LANGS);
    const intent = rng.pick(intents);
    const lead = rng.chance(0.5) ? makeDirect(rng, DESK_PROMPTS, lang) + (lang === 'zh' || lang === 'ja' ? '' : ' ') : '';
    return [{ text: lead + makePayload(rng, lang, intent).text, label: 'attack', owasp: kIntentOwasp[intent], context: 'user_prompt', lang, notes: `payload=${intent}` }];
  };
}

function mix(...parts: [number, Producer][]): Producer {
  const total = parts.reduce((s, [w]) => s + w, 0);
  return (rng) => {
    let x = rng.next() * total;
    for (const [w, p] of parts) {
      x -= w;
      if (x < 0) return p(rng);
    }
    return parts[parts.length - 1]![1](rng);
  };
}

function cleanDoc(carriers: readonly Carrier[]): Producer {
  return (rng) => {
    const carrier = rng.pick(carriers);
    const lang = pickLang(rng, carrier.langs);
    const doc = carrier.build(rng, lang);
    return [{ text: doc.render(null), label: 'benign', owasp: 'LLM01', context: carrier.context, lang, task: doc.task, notes: `carrier=${carrier.name}` }];
  };
}

function hardDoc(context: Context): Producer {
  return (rng) => {
    const lang = pickLang(rng, LANGS);
    const text = makeDirect(rng, HARD_DOCS, lang);
    const task = rng.pick(HARD_DOC_TASKS[lang]!);
    return [{ text, label: 'benign', owasp: 'LLM01', context, lang, task, notes: 'hard negative' }];
  };
}

/** The user pastes a (clean) document into the prompt and asks for something about it. */
function pastedDoc(carriers: readonly Carrier[]): Producer {
  return (rng) => {
    const carrier = rng.pick(carriers);
    const lang = pickLang(rng, carrier.langs);
    const doc = carrier.build(rng, lang);
    const text = rng.chance(0.5) ? `${doc.task}\n\n${doc.render(null)}` : `${doc.render(null)}\n\n${doc.task}`;
    return [{ text, label: 'benign', owasp: 'LLM01', context: 'user_prompt', lang, notes: `pasted document; carrier=${carrier.name}` }];
  };
}

/** A carrier with benign text (a correction, a reminder for people) at its injection point. */
function benignInsert(carriers: readonly Carrier[]): Producer {
  return (rng) => {
    const carrier = rng.pick(carriers);
    const lang = pickLang(rng, carrier.langs);
    const doc = carrier.build(rng, lang);
    const insert = makeDirect(rng, BENIGN_INSERTS, lang);
    return [{ text: doc.render(insert), label: 'benign', owasp: 'LLM01', context: carrier.context, lang, task: doc.task, notes: `hard negative; carrier=${carrier.name}; benign note at ${doc.position}` }];
  };
}

export const PLANS: readonly FamilyPlan[] = [
  { family: 'direct_injection', count: 400, produce: mix([0.8, direct(DIRECT_INJECTION, 'attack', 'LLM01', 'user_prompt')], [0.2, userPayload(['override', 'offtask'])]) },
  { family: 'jailbreak', count: 300, produce: direct(JAILBREAK, 'attack', 'LLM01', 'user_prompt') },
  { family: 'prompt_extraction', count: 280, produce: mix([0.65, direct(EXTRACTION, 'attack', 'LLM07', 'user_prompt')], [0.15, userPayload(['extraction'])], [0.2, agentPayload(['extraction'])]) },
  {
    family: 'exfiltration',
    count: 300,
    produce: mix(
      [0.3, direct(EXFILTRATION_PROMPT, 'attack', 'LLM02', 'user_prompt')],
      [0.35, direct(EXFILTRATION_OUTPUT, 'attack', 'LLM02', 'model_output')],
      [0.15, direct(EXFILTRATION_AGENT, 'attack', 'LLM02', 'agent_message')],
      [0.2, agentPayload(['exfiltration'])],
    ),
  },
  {
    family: 'goal_hijack',
    count: 330,
    produce: mix(
      [0.3, direct(HIJACK_PROMPT, 'attack', 'LLM06', 'user_prompt')],
      [0.2, direct(HIJACK_AGENT, 'attack', 'LLM06', 'agent_message')],
      [0.2, agentPayload(['hijack'])],
      [0.3, direct(HIJACK_OUTPUT, 'attack', 'LLM06', 'model_output')],
    ),
  },
  { family: 'indirect_retrieved', count: 540, produce: indirect(RETRIEVED_CARRIERS) },
  { family: 'indirect_tool', count: 500, produce: indirect(TOOL_CARRIERS) },
  { family: 'benign_desk', count: 540, produce: mix([0.85, direct(DESK_PROMPTS, 'benign', 'LLM01', 'user_prompt')], [0.15, pastedDoc(RETRIEVED_CARRIERS)]) },
  { family: 'benign_general', count: 280, produce: direct(GENERAL_PROMPTS, 'benign', 'LLM01', 'user_prompt') },
  { family: 'benign_sensitive', count: 170, produce: direct(SENSITIVE_BENIGN, 'benign', 'LLM01', 'user_prompt') },
  { family: 'benign_docs', count: 260, produce: cleanDoc(RETRIEVED_CARRIERS) },
  { family: 'benign_tool', count: 260, produce: cleanDoc(TOOL_CARRIERS) },
  { family: 'benign_agent', count: 380, produce: mix([0.5, direct(AGENT_BENIGN, 'benign', 'LLM06', 'agent_message')], [0.5, direct(MODEL_BENIGN, 'benign', 'LLM02', 'model_output')]) },
  {
    family: 'hard_negative',
    count: 540,
    produce: mix(
      [0.38, direct(HARD_PROMPTS, 'benign', 'LLM01', 'user_prompt')],
      [0.22, direct(HARD_GENERAL, 'benign', 'LLM01', 'user_prompt')],
      [0.1, hardDoc('retrieved_doc')],
      [0.08, hardDoc('tool_output')],
      [0.12, benignInsert(RETRIEVED_CARRIERS)],
      [0.1, benignInsert(TOOL_CARRIERS)],
    ),
  },
  // Last, so the families above keep their bytes: long, second-person, role-play and trigger-word
  // prompts, and documents instructing their reader (scripts/corpus-gen/benign-prompts.ts).
  { family: 'benign_prompts', count: 2400, produce: benignUserPrompt },
  { family: 'benign_doc_instructions', count: 420, produce: benignDocInstructions },
];

export interface GenerateResult {
  files: Record<string, CorpusSample[]>;
  /** Candidates dropped as exact or near duplicates, per family. */
  dropped: Record<string, number>;
}

/** Builds the whole corpus in memory. Pure: the same seed gives the same rows. */
export function generateCorpus(seed = DEFAULT_SEED): GenerateResult {
  const root = new Rng(seed);
  const index = new DuplicateIndex();
  const files: Record<string, CorpusSample[]> = {};
  const dropped: Record<string, number> = {};
  for (const plan of PLANS) {
    const rng = root.fork(plan.family);
    const rows: CorpusSample[] = [];
    let accepted = 0;
    let attempts = 0;
    let seq = 0;
    dropped[plan.family] = 0;
    while (accepted < plan.count) {
      if (++attempts > plan.count * 20) throw new Error(`${plan.family}: only ${accepted} of ${plan.count} unique samples after ${attempts} attempts; add templates`);
      const candidate = plan.produce(rng);
      const group = candidate.length > 1 ? `${GENERATED_ID_PREFIX}${plan.family}-g${String(accepted + 1).padStart(4, '0')}` : undefined;
      const samples = candidate.map((row) => ({ ...row, id: `${GENERATED_ID_PREFIX}${plan.family}-${String(++seq).padStart(5, '0')}`, family: plan.family, ...(group !== undefined && { group }) }) as CorpusSample);
      const prints = samples.map(fingerprint);
      if (prints.some((p) => index.check(p) !== null)) {
        seq -= samples.length;
        dropped[plan.family]!++;
        continue;
      }
      for (const p of prints) index.add(p);
      rows.push(...samples.map(canonicalSample));
      accepted++;
    }
    files[plan.family] = rows;
  }
  return { files, dropped };
}

/** Serializes one family file: one canonical JSON object per line. */
export function serialize(rows: readonly CorpusSample[]): string {
  return rows.map((r) => JSON.stringify(canonicalSample(r))).join('\n') + '\n';
}

/** Writes the corpus and schema to `outDir`, keeping rows there that the generator did not make. */
export function writeCorpus(outDir: string, result: GenerateResult): void {
  mkdirSync(outDir, { recursive: true });
  for (const [family, rows] of Object.entries(result.files)) {
    const file = join(outDir, `${family}.jsonl`);
    const kept = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '' && !isGenerated(line))
      : [];
    writeFileSync(file, serialize(rows) + (kept.length > 0 ? kept.join('\n') + '\n' : ''));
  }
  writeFileSync(join(outDir, 'schema.json'), JSON.stringify(kCorpusJsonSchema, null, 2) + '\n');
}

function isGenerated(line: string): boolean {
  try {
    const id = (JSON.parse(line) as { id?: unknown }).id;
    return typeof id === 'string' && id.startsWith(GENERATED_ID_PREFIX);
  } catch {
    return false; // a broken hand-added line is kept so `corpus validate` can point at it
  }
}

function parseArgs(argv: string[]): { out: string; seed: number } {
  let out = 'corpus';
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i] ?? out;
    else if (a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`--seed must be a non-negative integer, got ${argv[i]}`);
      seed = v;
    } else throw new Error(`unknown argument ${a} (usage: generate-corpus.ts [--out DIR] [--seed N])`);
  }
  return { out, seed };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { out, seed } = parseArgs(process.argv.slice(2));
  const result = generateCorpus(seed);
  writeCorpus(out, result);
  let attack = 0;
  let benign = 0;
  for (const [family, rows] of Object.entries(result.files)) {
    const a = rows.filter((r) => r.label === 'attack').length;
    attack += a;
    benign += rows.length - a;
    process.stdout.write(`${family.padEnd(20)} ${String(rows.length).padStart(5)} rows (${a} attack), ${result.dropped[family]} near/exact duplicates dropped\n`);
  }
  process.stdout.write(`total ${attack + benign}: ${attack} attack, ${benign} benign → ${out}/\n`);
}
