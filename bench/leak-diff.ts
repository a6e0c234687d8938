/**
 * Differential check for speed work on the leak pass: the findings of the working tree against those of a
 * reference copy, span for span, on the same texts. The reference is `src/` copied to a scratch directory
 * with the files under change replaced by their saved "before" versions, so edits made meanwhile to the
 * other leak files (new rules, validators) are in both sides and only the speed change is compared.
 *
 *   npx tsx bench/leak-diff.ts --before DIR [--files prefilter.ts,unanchored.ts,detect.ts,text.ts]
 *
 * DIR holds the "before" copies of the listed src/leak files (e.g. `cp src/leak/{prefilter,…}.ts DIR/`
 * before starting). Texts: the secret test vectors (../shared/datasets/secrets, evaluation data, read only
 * to compare outputs), the team corpus (corpus/leaks), the training texts (../shared/datasets/train), the
 * generated leak examples of four seeds and the coverage cases, every JSON Lines file concatenated into one
 * long text, and the bench text (4 MB and 1 MB). Each text goes through `detectLeaks` and through the two
 * engine hooks (`confirmLeaks` with the JS prefilter's hits, `scanUnanchored`). Exit code 1 on any difference.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildText } from './leak-text.ts';
import { leakExamples } from '../test/leak/fixtures/examples.ts';
import { expand, kAssignments, kCurl, kCurlNearMisses, kNearMisses, kTokens } from '../test/leak/fixtures/coverage-cases.ts';

const arg = (name: string): string | undefined => {
  const k = process.argv.indexOf(name);
  return k >= 0 ? process.argv[k + 1] : undefined;
};
const before = arg('--before');
if (before === undefined || !existsSync(before)) throw new Error(`leak-diff: --before DIR (the saved "before" copies) is required; got ${JSON.stringify(before)}`);
const files = (arg('--files') ?? 'prefilter.ts,unanchored.ts,detect.ts,text.ts').split(',');

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const scratch = path.join(process.env.TMPDIR ?? '/tmp', `leak-diff-ref-${process.pid}`);
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
cpSync(path.join(root, 'src'), path.join(scratch, 'src'), { recursive: true });
for (const f of files) {
  const from = path.join(before, f);
  if (!existsSync(from)) throw new Error(`leak-diff: ${from} missing (listed in --files)`);
  cpSync(from, path.join(scratch, 'src', 'leak', f));
}
symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'));

type Detect = typeof import('../src/leak/detect.ts');
type Prefilter = typeof import('../src/leak/prefilter.ts');
const live = { detect: (await import('../src/leak/detect.ts')) as Detect, prefilter: (await import('../src/leak/prefilter.ts')) as Prefilter };
const ref = {
  detect: (await import(pathToFileURL(path.join(scratch, 'src/leak/detect.ts')).href)) as Detect,
  prefilter: (await import(pathToFileURL(path.join(scratch, 'src/leak/prefilter.ts')).href)) as Prefilter,
};

// ------------------------------------------------------------------------------------------- texts
const texts: Array<{ source: string; text: string }> = [];
const jsonlTexts = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
const dirs = [path.join(root, '../shared/datasets/secrets'), path.join(root, 'corpus/leaks'), path.join(root, '../shared/datasets/train')];
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.log(`(skipped, absent: ${dir})`);
    continue;
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    const rows = jsonlTexts(path.join(dir, f));
    rows.forEach((text, k) => texts.push({ source: `${path.basename(dir)}/${f}:${k}`, text }));
    texts.push({ source: `${path.basename(dir)}/${f} (all lines as one text)`, text: rows.join('\n') });
  }
}
for (const seed of [2026, 1, 2, 3]) leakExamples(seed).forEach((e) => texts.push({ source: `examples(${seed}):${e.id}`, text: e.text }));
const coverage = [...kTokens.map(([tpl]) => tpl), ...kAssignments, ...kNearMisses, ...kCurl, ...kCurlNearMisses].map(expand);
coverage.forEach((text, k) => texts.push({ source: `coverage:${k}`, text }));
texts.push({ source: 'bench text 4 MB', text: buildText(4 * 1024 * 1024).text });
texts.push({ source: 'bench text 1 MB', text: buildText(1024 * 1024).text });

// ----------------------------------------------------------------------------------------- compare
function outputs(side: typeof live, text: string): string {
  const hits = new side.prefilter.AnchorMatcher(side.detect.anchoredRules()).findAll(text);
  return JSON.stringify([side.detect.detectLeaks(text), side.detect.confirmLeaks(text, hits), side.detect.scanUnanchored(text)]);
}
const whole = createHash('sha256');
let differ = 0;
let findings = 0;
let chars = 0;
for (const { source, text } of texts) {
  const a = outputs(ref, text);
  const b = outputs(live, text);
  whole.update(b);
  chars += text.length;
  findings += (JSON.parse(b) as unknown[][])[0]!.length;
  if (a !== b) {
    differ++;
    if (differ <= 5) console.log(`DIFFERENT: ${source}\n  before: ${a.slice(0, 600)}\n  after:  ${b.slice(0, 600)}`);
  }
}
rmSync(scratch, { recursive: true, force: true });
console.log(
  `${texts.length} texts (${(chars / 1048576).toFixed(1)} M code units), ${findings} detectLeaks findings after; ` +
    `${differ} texts differ (detectLeaks, confirmLeaks, scanUnanchored); fingerprint ${whole.digest('hex').slice(0, 16)}`,
);
process.exit(differ === 0 ? 0 : 1);
