/**
 * Reading and writing corpus/*.jsonl: parse each line on its own (a bad line fails that line, not
 * the file), remember where each row came from, and validate whole folders.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeDuplicate } from './duplicate-index.ts';
import { exactHash } from './fingerprint.ts';
import { canonicalSample, validateSample, type CorpusSample, type ValidateOptions } from './sample.ts';

export interface RowProblem {
  file: string;
  /** 1-based line number in `file`. */
  line: number;
  id?: string;
  message: string;
}

export interface ParsedRow {
  file: string;
  line: number;
  sample: CorpusSample;
}

export interface ParseResult {
  rows: ParsedRow[];
  problems: RowProblem[];
}

/**
 * Parses JSON Lines text into validated samples. Blank lines are skipped; every other line is
 * either a row or one problem per broken field, each naming the line.
 */
export function parseSampleLines(text: string, file: string, options: ValidateOptions = {}): ParseResult {
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ file, line, message: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    const fieldProblems = validateSample(value, options);
    const id = idOf(value);
    if (fieldProblems.length > 0) {
      for (const p of fieldProblems) problems.push({ file, line, ...(id !== undefined && { id }), message: p.message });
      continue;
    }
    rows.push({ file, line, sample: value as CorpusSample });
  }
  return { rows, problems };
}

/**
 * The corpus files in `dir`: the *.jsonl directly inside it, sorted for stable output. Subfolders
 * (signatures/, examples/, leaks/) hold other kinds of data and are not samples.
 */
export function listCorpusFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`corpus folder "${dir}" does not exist`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

/** Reads every corpus file in `dir`. */
export function readCorpus(dir: string): ParseResult {
  const rows: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  for (const file of listCorpusFiles(dir)) {
    const r = parseSampleLines(readFileSync(file, 'utf8'), file);
    rows.push(...r.rows);
    problems.push(...r.problems);
  }
  return { rows, problems };
}

export interface CorpusReport {
  files: number;
  rows: number;
  problems: RowProblem[];
}

/**
 * Validates a whole corpus folder: every row against the schema, ids unique across files, and no
 * exact duplicate texts (near duplicates are refused at `corpus add` time; checking them here too
 * would make validate depend on insertion order).
 */
export function validateCorpus(dir: string): CorpusReport {
  const files = listCorpusFiles(dir);
  const { rows, problems } = readCorpus(dir);
  const ids = new Map<string, ParsedRow>();
  const texts = new Map<string, ParsedRow>();
  for (const row of rows) {
    const first = ids.get(row.sample.id);
    if (first !== undefined) {
      problems.push({
        file: row.file,
        line: row.line,
        id: row.sample.id,
        message: `duplicate id "${row.sample.id}" (first at ${first.file}:${first.line})`,
      });
      continue;
    }
    ids.set(row.sample.id, row);
    const hash = exactHash(row.sample.text);
    const same = texts.get(hash);
    if (same === undefined) texts.set(hash, row);
    else {
      const match = { kind: 'exact', id: same.sample.id, similarity: 1, labelConflict: same.sample.label !== row.sample.label } as const;
      problems.push({ file: row.file, line: row.line, id: row.sample.id, message: describeDuplicate(match) });
    }
  }
  return { files: files.length, rows: rows.length, problems };
}

/** Appends samples to a JSON Lines file, one canonical row per line. */
export function appendSamples(file: string, samples: CorpusSample[]): void {
  if (samples.length === 0) return;
  const needsNewline = existsSync(file) && !readFileSync(file, 'utf8').endsWith('\n') && statSync(file).size > 0;
  const body = samples.map((s) => JSON.stringify(canonicalSample(s))).join('\n') + '\n';
  appendFileSync(file, (needsNewline ? '\n' : '') + body);
}

/** `file:line` plus the id when known: how every problem is printed. */
export function formatProblem(p: RowProblem): string {
  return `${basename(p.file)}:${p.line}${p.id !== undefined ? ` (${p.id})` : ''}: ${p.message}`;
}

function idOf(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
