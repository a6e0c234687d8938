/**
 * The corpus row: one labelled text, and the hand-written validator that checks a parsed JSON value
 * against the same rules corpus/schema.json states (no schema library: the messages must name the
 * field and the line, which generic validators word poorly).
 */
import { CONTEXTS, type Context, type OwaspId } from '../types.ts';

export type Label = 'attack' | 'benign';
export const LABELS: readonly Label[] = ['attack', 'benign'];

/** One corpus sample, as stored one per line in corpus/<family>.jsonl. */
export interface CorpusSample {
  id: string;
  text: string;
  label: Label;
  /** snake_case family; also the file the row lives in by default. */
  family: string;
  /** The OWASP LLM Top 10 risk the sample is an instance of (attack) or a negative for (benign). */
  owasp: OwaspId;
  context: Context;
  /** ISO 639-1 code of the text's main language (`en`, `zh`, `es`, `de`, `ja`, `fr`, ...). */
  lang: string;
  /** The user's request the agent was serving when it read this text; required for documents and tool outputs. */
  task?: string;
  /** Obfuscation applied to the text (`base64`, `homoglyph`, `zero_width`, ...), only where applied. */
  technique?: string | string[];
  notes?: string;
  /** Ties an indirect attack to its clean twin (and a template group together) so splits keep them on one side. */
  group?: string;
}

/** Contexts whose text is data the agent read, not an instruction from its user: they carry a `task`. */
export const DATA_CONTEXTS: readonly Context[] = ['retrieved_doc', 'tool_output'];

export const kIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const kFamilyPattern = /^[a-z][a-z0-9_]{1,63}$/;
export const kLangPattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const kOwaspPattern = /^LLM(0[1-9]|10)$/;
export const kTechniquePattern = /^[a-z][a-z0-9_]{1,63}$/;
export const kGroupPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const kFieldOrder = ['id', 'text', 'label', 'family', 'owasp', 'context', 'lang', 'task', 'technique', 'notes', 'group'] as const;
const kKnownFields = new Set<string>(kFieldOrder);

/** What is wrong with one field of one row. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ValidateOptions {
  /** When true a missing id is allowed (`corpus add` assigns one). */
  allowMissingId?: boolean;
}

/**
 * Checks a parsed JSON value against the corpus schema. Returns every problem found, each naming
 * its field and the bad value, so a researcher fixes a row in one pass.
 *
 * @example
 * validateSample({ id: 'x-1', text: 'hi', label: 'spam' })
 * // → [{ field: 'label', message: 'field "label" must be "attack" or "benign", got "spam"' }, ...]
 */
export function validateSample(value: unknown, options: ValidateOptions = {}): FieldProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return [{ field: '(row)', message: `row must be a JSON object, got ${got}` }];
  }
  const row = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const bad = (field: string, message: string): void => {
    problems.push({ field, message: `field "${field}" ${message}` });
  };

  for (const key of Object.keys(row)) {
    if (!kKnownFields.has(key)) bad(key, `is not a corpus field (allowed: ${kFieldOrder.join(', ')})`);
  }

  checkPatterned(row, 'id', kIdPattern, !options.allowMissingId, 'letters, digits and . _ : - (max 128)', bad);

  if (!('text' in row)) bad('text', 'is required');
  else if (typeof row.text !== 'string') bad('text', `must be a string, got ${describe(row.text)}`);
  else if (row.text.trim() === '') bad('text', 'must not be empty or whitespace only');

  checkEnum(row, 'label', LABELS, true, bad);
  checkPatterned(row, 'family', kFamilyPattern, true, 'snake_case, e.g. "indirect_tool"', bad);
  checkPatterned(row, 'owasp', kOwaspPattern, true, 'an OWASP LLM Top 10 id LLM01..LLM10', bad);
  checkEnum(row, 'context', CONTEXTS, true, bad);
  checkPatterned(row, 'lang', kLangPattern, true, 'an ISO 639 code such as "en" or "zh"', bad);

  const isDataContext = typeof row.context === 'string' && (DATA_CONTEXTS as readonly string[]).includes(row.context);
  if (!('task' in row)) {
    if (isDataContext) bad('task', `is required when context is "${row.context as string}" (the user's request the agent was serving)`);
  } else if (typeof row.task !== 'string' || row.task.trim() === '') {
    bad('task', `must be a non-empty string, got ${describe(row.task)}`);
  }

  if ('technique' in row) {
    const t = row.technique;
    const tags = Array.isArray(t) ? t : [t];
    if (Array.isArray(t) && t.length === 0) bad('technique', 'must not be an empty array');
    for (const tag of tags) {
      if (typeof tag !== 'string' || !kTechniquePattern.test(tag)) {
        bad('technique', `must be a snake_case tag or an array of them, got ${describe(tag)}`);
        break;
      }
    }
  }
  if ('notes' in row && typeof row.notes !== 'string') bad('notes', `must be a string, got ${describe(row.notes)}`);
  checkPatterned(row, 'group', kGroupPattern, false, 'letters, digits and . _ : - (max 128)', bad);
  return problems;
}

/** Re-creates a row with fields in the canonical order, so files diff cleanly. */
export function canonicalSample(sample: CorpusSample): CorpusSample {
  const out: Record<string, unknown> = {};
  for (const key of kFieldOrder) {
    const v = (sample as unknown as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as unknown as CorpusSample;
}

function checkPatterned(
  row: Record<string, unknown>,
  field: string,
  pattern: RegExp,
  required: boolean,
  expected: string,
  bad: (field: string, message: string) => void,
): void {
  if (!(field in row)) {
    if (required) bad(field, 'is required');
    return;
  }
  const v = row[field];
  if (typeof v !== 'string') bad(field, `must be a string (${expected}), got ${describe(v)}`);
  else if (!pattern.test(v)) bad(field, `must be ${expected}, got ${describe(v)}`);
}

function checkEnum(
  row: Record<string, unknown>,
  field: string,
  allowed: readonly string[],
  required: boolean,
  bad: (field: string, message: string) => void,
): void {
  if (!(field in row)) {
    if (required) bad(field, 'is required');
    return;
  }
  const v = row[field];
  if (typeof v !== 'string' || !allowed.includes(v)) {
    bad(field, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(v)}`);
  }
}

/** A short rendering of a bad value for messages: strings quoted and clipped, other types by kind. */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
