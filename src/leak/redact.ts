/**
 * Redaction: replaces every finding span in the caller's text. Overlapping spans are merged first, so a
 * secret reported by two detectors is replaced once; a finding inside an encoded span (base64, hex)
 * already carries the offsets of the encoded run in the original text, so the whole run is replaced.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Finding } from '../types.ts';

export type RedactionMode = 'mask' | 'hash' | 'remove';
export const REDACTION_MODES: readonly RedactionMode[] = ['mask', 'hash', 'remove'];

export interface RedactOptions {
  /** `mask` (default): one `*` per character, line breaks kept, so offsets and lengths stay valid.
   *  `hash`: `[<rule>:<8 hex of SHA-256>]`, the same secret always gives the same tag (correlate without revealing).
   *  `remove`: the span is deleted. */
  mode?: RedactionMode;
  /** With `hash`: an HMAC key, so short values (SSNs, cards) cannot be recovered by hashing every candidate. */
  hashKey?: string | Buffer;
  maskChar?: string;
}

type Span = Pick<Finding, 'start' | 'end'> & Partial<Pick<Finding, 'rule' | 'id' | 'family'>>;

/** Merged, sorted, validated spans. Throws RangeError naming the first bad span. */
export function mergeSpans(text: string, findings: readonly Span[]): Array<{ start: number; end: number; label: string }> {
  const spans = findings.map((f, i) => {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.end > text.length || f.start >= f.end) {
      throw new RangeError(`redact: finding ${i} (${f.id ?? f.rule ?? 'unnamed'}) has span [${f.start}, ${f.end}) outside the text of length ${text.length}`);
    }
    return { start: f.start, end: f.end, label: f.rule ?? f.id ?? f.family ?? 'redacted' };
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Returns `text` with every finding span replaced according to `options.mode`. */
export function redact(text: string, findings: readonly Span[], options: RedactOptions = {}): string {
  if (typeof text !== 'string') throw new TypeError(`redact: text must be a string, got ${typeof text}`);
  const mode = options.mode ?? 'mask';
  if (!REDACTION_MODES.includes(mode)) throw new TypeError(`redact: mode must be one of ${REDACTION_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  const maskChar = options.maskChar ?? '*';
  if (maskChar.length !== 1) throw new TypeError(`redact: maskChar must be one UTF-16 unit, got ${JSON.stringify(maskChar)}`);
  const spans = mergeSpans(text, findings);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.start);
    const value = text.slice(s.start, s.end);
    if (mode === 'mask') out += value.replace(/[^\r\n]/g, maskChar);
    else if (mode === 'hash') out += `[${s.label}:${digest(value, options.hashKey)}]`;
    pos = s.end;
  }
  return out + text.slice(pos);
}

function digest(value: string, key: string | Buffer | undefined): string {
  const h = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  return h.update(value, 'utf8').digest('hex').slice(0, 8);
}
