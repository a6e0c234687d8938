/**
 * Output fingerprints for speed work: a change meant to make the scan faster must not change what it
 * returns. Hashes (SHA-256, first 16 hex digits) of what each stage gives on fixed inputs:
 *   normalize  the WASM normalizer's bytes, offset map and counters: corpus texts, seeded random texts,
 *              and every code point U+0080-U+10FFFF in chunks
 *   decode     decodeSpans on the corpus, its mutated attacks and random texts
 *   model      SemanticModel.score (user_prompt and retrieved_doc, with a task) on the same texts
 *   engine     engine.scan results (timings removed) on the same texts
 * Inputs are the team corpus plus seeded generated text, never evaluation data, so the numbers are
 * the same on every clone of a commit.
 *
 *   npx tsx bench/fingerprint.ts                 # print
 *   npx tsx bench/fingerprint.ts --save before.json
 *   npx tsx bench/fingerprint.ts --check before.json   # exit 1 and name the stages that differ
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createEngine } from '../src/index.ts';
import { decodeSpans, loadSemanticModelSync } from '../src/model/index.ts';
import { MUTATION_FAMILIES, mutate } from '../src/model/mutations.ts';
import { normalizeBytes } from '../src/scan/normalize.ts';
import { mulberry32 } from '../src/util/prng.ts';
import { instantiateCore } from '../src/wasm/instance.ts';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const f of readdirSync('corpus').filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(`corpus/${f}`, 'utf8').split('\n')) if (line.trim() !== '') texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts;
}

/** Random texts over pieces that exercise the fast paths and their edges (runs, repeats, scripts, surrogates). */
function randomTexts(count: number, seed: number): string[] {
  const rand = mulberry32(seed);
  const pieces = ['ab', 'Zq', '09', '+/', '_-', '==', ' ', ':', '\n', '4f 6b ', '1gn0r3', 'pr3v', 'i g n o r e', 'p.r.e.v', 'xxxxxxxx', 'haha', 'é', 'ł', 'ж', '東京', '한국', '😀', '\ud800', '|', '\t', '"k": "v", ', '%41', '\\x41', 'QUJD'];
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const n = Math.floor(rand() * 80);
    for (let i = 0; i < n; i++) text += pieces[Math.floor(rand() * pieces.length)]!.repeat(1 + Math.floor(rand() * 3));
    out.push(text);
  }
  return out;
}

function codePointChunks(): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    chunk += `a${String.fromCodePoint(cp)} `;
    if (chunk.length > 3000) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk);
  return chunks;
}

const digest = (h: ReturnType<typeof createHash>): string => h.digest('hex').slice(0, 16);

async function fingerprints(): Promise<Record<string, string>> {
  const corpus = corpusTexts();
  const attacks = corpus.filter((_, i) => i % 7 === 0).slice(0, 300);
  const texts = [...corpus, ...MUTATION_FAMILIES.flatMap((f) => attacks.map((a) => mutate(a, f))), ...randomTexts(3000, 20261122)];

  const core = instantiateCore();
  const norm = createHash('sha256');
  for (const t of [...corpus, ...randomTexts(3000, 7), ...codePointChunks()]) {
    const r = normalizeBytes(core, t);
    norm.update(r.bytes).update(new Uint8Array(r.map.buffer, r.map.byteOffset, r.map.byteLength)).update(JSON.stringify(r.stats));
  }

  const dec = createHash('sha256');
  for (const t of texts) dec.update(JSON.stringify(decodeSpans(t)));

  const model = loadSemanticModelSync();
  const mod = createHash('sha256');
  for (const t of texts) for (const context of ['user_prompt', 'retrieved_doc'] as const) mod.update(JSON.stringify(model.score({ text: t, context, task: 'summarize the quarterly report' })));

  const engine = await createEngine({ inline: true });
  const eng = createHash('sha256');
  for (const t of texts) {
    const r = await engine.scan({ text: t, context: 'retrieved_doc' });
    delete (r as { timings?: unknown }).timings;
    eng.update(JSON.stringify(r));
  }
  await engine.close();
  return { texts: String(texts.length), normalize: digest(norm), decode: digest(dec), model: digest(mod), engine: digest(eng) };
}

const now = await fingerprints();
console.log(JSON.stringify(now));
const save = flag('--save');
if (save) writeFileSync(save, JSON.stringify(now, null, 2) + '\n');
const check = flag('--check');
if (check) {
  const before = JSON.parse(readFileSync(check, 'utf8')) as Record<string, string>;
  const differ = Object.keys(now).filter((k) => before[k] !== now[k]);
  if (differ.length > 0) {
    console.error(`fingerprint: ${differ.join(', ')} differ from ${check}`);
    process.exit(1);
  }
  console.error(`fingerprint: same as ${check}`);
}
