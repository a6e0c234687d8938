/**
 * Which evaluated rows the semantic model was trained on, read from its manifest
 * (src/model/weights/manifest.json: input files and the held-out share). The corpus is allowed
 * training data, so corpus metrics are mostly in-sample; the rows the trainer held out (by group,
 * so twins stay together) give the honest corpus figure. Any evaluation-only file found among the
 * training inputs is contamination, and the report says so.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHeldOut } from '../model/train/data.ts';
import { PROJECT_ROOT } from './datasets.ts';
import type { LabelledSample } from './types.ts';

export const MODEL_MANIFEST = join(PROJECT_ROOT, 'src', 'model', 'weights', 'manifest.json');

export interface TrainingManifest {
  heldOutPercent: number;
  /** Input paths relative to the project root, as the trainer recorded them. */
  inputs: Set<string>;
  /** SHA-256 of each input when the model was trained, keyed like `inputs`. */
  inputHashes?: Map<string, string>;
}

/**
 * Input files that changed since the model was trained (their rows' trained/held-out status is then
 * approximate: new rows fall on either side by their group hash but were never seen).
 */
export function staleInputs(manifest: TrainingManifest, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const want = manifest.inputHashes?.get(key(f));
    if (!want) continue;
    const have = createHash('sha256').update(readFileSync(join(PROJECT_ROOT, f))).digest('hex');
    if (have !== want) out.push(f);
  }
  return out;
}

/** The trainer's manifest, or null when there is no trained model (or it does not say how it split). */
export function loadTrainingManifest(path: string = MODEL_MANIFEST): TrainingManifest | null {
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8')) as { inputs?: { path?: unknown; sha256?: unknown }[]; hyperParameters?: { heldOutPercent?: unknown } };
  const held = m.hyperParameters?.heldOutPercent;
  if (typeof held !== 'number' || !Array.isArray(m.inputs)) return null;
  const inputHashes = new Map<string, string>();
  for (const i of m.inputs) if (typeof i.sha256 === 'string') inputHashes.set(key(String(i.path)), i.sha256);
  return { heldOutPercent: held, inputs: new Set(m.inputs.map((i) => key(String(i.path)))), inputHashes };
}

/** Normalizes `../shared/datasets/x` and `corpus/x` paths so both sides compare. */
function key(path: string): string {
  return path.replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
}

/**
 * True when the model saw this row in training: its file is an input and, for corpus rows (which the
 * trainer splits by group), its group was not held out. Other inputs are used whole.
 */
export function trainedOn(sample: LabelledSample, manifest: TrainingManifest, fromCorpus: boolean): boolean {
  if (!manifest.inputs.has(key(sample.source))) return false;
  if (!fromCorpus) return true;
  return !isHeldOut(`corpus:${sample.group ?? sample.id}`, manifest.heldOutPercent);
}
