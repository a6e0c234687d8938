/**
 * Loaders for the labelled data the evaluation scores: the project's corpus/*.jsonl (not
 * corpus/signatures) and the evaluation-only files in ../shared/datasets/eval/ when that folder exists.
 * A malformed line is reported with its file and line number and skipped; it never sinks the file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTEXTS, type Context } from '../types.ts';
import type { LabelledSample } from './types.ts';

/** The project root (two levels above src/eval/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
/** Evaluation-only public data; absent outside the team's machines, so every user of it must skip cleanly. */
export const SHARED_EVAL_DIR = process.env.TOLLGATE_SHARED_EVAL_DIR ?? join(PROJECT_ROOT, '..', 'shared', 'datasets', 'eval');

export interface LoadError {
  source: string;
  line: number;
  message: string;
}

/** A named set of files scored together; its benign rows fix the 1%-FPR threshold for its groups. */
export interface Suite {
  name: string;
  samples: LabelledSample[];
  errors: LoadError[];
  files: string[];
}

const kContexts = new Set<string>(CONTEXTS);

/**
 * Turns one parsed JSON row into a sample, or returns a message that names what is wrong.
 * Accepts both the corpus shape (`family`, `lang`, `task`) and the shared shape (`category`, `meta.language`, `meta.user_task`).
 */
export function toSample(row: unknown, source: string, line: number): LabelledSample | string {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return 'row is not a JSON object';
  const r = row as Record<string, unknown>;
  const meta = (r.meta !== null && typeof r.meta === 'object' ? r.meta : {}) as Record<string, unknown>;
  if (typeof r.text !== 'string') return `"text" must be a string, got ${typeof r.text}`;
  if (r.label !== 'attack' && r.label !== 'benign') return `"label" must be "attack" or "benign", got ${JSON.stringify(r.label)}`;
  const context = r.context ?? 'user_prompt';
  if (typeof context !== 'string' || !kContexts.has(context)) {
    return `"context" must be one of ${CONTEXTS.join(', ')}, got ${JSON.stringify(r.context)}`;
  }
  const family = pickString(r.family, r.category) ?? 'unknown';
  const lang = languageCode(pickString(r.lang, meta.language, meta.lang) ?? 'und');
  const task = pickString(r.task, meta.user_task);
  const sample: LabelledSample = {
    id: pickString(r.id) ?? `${source}:${line}`,
    text: r.text,
    attack: r.label === 'attack',
    family,
    context: context as Context,
    lang,
    source,
  };
  if (task !== undefined) sample.task = task;
  const group = pickString(r.group);
  if (group !== undefined) sample.group = group;
  return sample;
}

/** Language names used by the shared files, mapped to the ISO 639-1 codes the corpus uses. */
const kLanguageCodes: Record<string, string> = {
  arabic: 'ar', bengali: 'bn', chinese: 'zh', english: 'en', filipino: 'tl', 'filipino/tagalog': 'tl', tagalog: 'tl',
  french: 'fr', german: 'de', hindi: 'hi', indonesian: 'id', italian: 'it', japanese: 'ja', korean: 'ko',
  portuguese: 'pt', russian: 'ru', spanish: 'es', thai: 'th', turkish: 'tr', vietnamese: 'vi',
};

/** `Hindi` → `hi`; codes and unknown names pass through lower-cased. */
export function languageCode(lang: string): string {
  const lower = lang.trim().toLowerCase();
  return kLanguageCodes[lower] ?? lower;
}

function pickString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.length > 0) return v;
  return undefined;
}

/** Parses a JSON Lines text into samples and per-line errors. Blank lines are ignored. */
export function parseJsonLines(content: string, source: string): { samples: LabelledSample[]; errors: LoadError[] } {
  const samples: LabelledSample[] = [];
  const errors: LoadError[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (err) {
      errors.push({ source, line: i + 1, message: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const sample = toSample(row, source, i + 1);
    if (typeof sample === 'string') errors.push({ source, line: i + 1, message: sample });
    else samples.push(sample);
  }
  return { samples, errors };
}

/** The *.jsonl files directly inside `dir`, sorted; empty when the folder is absent. */
export function listJsonl(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads every *.jsonl file of `dir` as one suite; source names are relative to the project root. */
export function loadSuite(name: string, dir: string): Suite {
  const suite: Suite = { name, samples: [], errors: [], files: [] };
  for (const file of listJsonl(dir)) {
    const source = relative(PROJECT_ROOT, file);
    const { samples, errors } = parseJsonLines(readFileSync(file, 'utf8'), source);
    suite.samples.push(...samples);
    suite.errors.push(...errors);
    suite.files.push(source);
  }
  return suite;
}

/** corpus/*.jsonl (the signature packs in corpus/signatures/ are not labelled samples). */
export function loadCorpus(dir: string = CORPUS_DIR): Suite {
  return loadSuite('corpus', dir);
}

/** ../shared/datasets/eval/*.jsonl, or null when the folder is absent. */
export function loadSharedEval(dir: string = SHARED_EVAL_DIR): Suite | null {
  if (!existsSync(dir)) return null;
  return loadSuite('shared', dir);
}
