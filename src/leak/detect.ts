/**
 * Leak detection entry points. The engine finds anchors with its DFA and calls `confirmLeaks`
 * with the hits, plus `scanUnanchored` once per text; `detectLeaks` does both on its own with the
 * JS prefilter. All three return public Findings with masked evidence and raw-text offsets.
 */
import type { Finding } from '../types.ts';
import { AnchorMatcher, type AnchorHit, type PackedHits } from './prefilter.ts';
import { ANCHORED_RULES, type AnchoredRule } from './rules.ts';
import type { LeakSpan } from './span.ts';
import { keepBest } from './overlap.ts';
import { acquireCodes, maskEvidence, releaseCodes } from './text.ts';
import { scanUnanchoredCodes, scanUnanchoredSpans } from './unanchored.ts';

/** Signature id → index into ANCHORED_RULES. */
const kRuleIndex = new Map<string, number>(ANCHORED_RULES.map((r, k) => [r.id, k]));
let matcher: AnchorMatcher | null = null;
/** The matcher's signature number → index into ANCHORED_RULES (as `kRuleIndex` maps its id). */
let ruleOfSignature: Int32Array = new Int32Array(0);

function anchorMatcher(): AnchorMatcher {
  if (matcher === null) {
    matcher = new AnchorMatcher(ANCHORED_RULES);
    ruleOfSignature = Int32Array.from(matcher.signatureIds, (id) => kRuleIndex.get(id)!);
  }
  return matcher;
}

const byStartThenLonger = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || b.end - a.end;

/** True when `hits` are already sorted by `byStartThenLonger` (the prefilter's usually are: no copy, no sort). */
function inTextOrder(hits: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (let k = 1; k < hits.length; k++) if (byStartThenLonger(hits[k - 1]!, hits[k]!) > 0) return false;
  return true;
}

/** Runs each hit's confirmer once per (rule, anchor start); unknown signature ids are ignored (other families). */
export function confirmSpans(text: string, hits: readonly AnchorHit[]): LeakSpan[] {
  const out: LeakSpan[] = [];
  // Anchor hits of one rule that overlap (`api_key`, `_key`, `key:` in one identifier) confirm the same thing.
  // The engine's hits come in DFA match order per chunk, not text order: sort by position first.
  const ordered = inTextOrder(hits) ? hits : [...hits].sort(byStartThenLonger);
  const lastEnd = new Int32Array(ANCHORED_RULES.length).fill(-1);
  for (const h of ordered) {
    const k = kRuleIndex.get(h.signatureId);
    if (k === undefined) continue;
    if (h.start < lastEnd[k]!) continue;
    lastEnd[k] = h.end;
    const found = ANCHORED_RULES[k]!.confirm(text, h.start, h.end);
    for (let f = 0; f < found.length; f++) out.push(found[f]!);
  }
  return out;
}

/**
 * `confirmSpans` over the JS prefilter's packed hits (same hits, same order, same confirmations): no hit
 * objects and no id lookups. Hits out of text order are visited in the order the stable sort there gives.
 */
function confirmPacked(text: string, hits: PackedHits): LeakSpan[] {
  const out: LeakSpan[] = [];
  const n = hits.count;
  const sig = hits.signature;
  const starts = hits.start;
  const ends = hits.end;
  let ordered = true;
  for (let k = 1; k < n && ordered; k++) ordered = starts[k - 1]! < starts[k]! || (starts[k - 1] === starts[k] && ends[k - 1]! >= ends[k]!);
  let order: Int32Array | null = null;
  if (!ordered) {
    const idx = Array.from({ length: n }, (_, k) => k);
    idx.sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]! || a - b);
    order = Int32Array.from(idx);
  }
  const lastEnd = new Int32Array(ANCHORED_RULES.length).fill(-1);
  for (let q = 0; q < n; q++) {
    const h = order === null ? q : order[q]!;
    const k = ruleOfSignature[sig[h]!]!;
    const start = starts[h]!;
    if (start < lastEnd[k]!) continue;
    const end = ends[h]!;
    lastEnd[k] = end;
    const found = ANCHORED_RULES[k]!.confirm(text, start, end);
    for (let f = 0; f < found.length; f++) out.push(found[f]!);
  }
  return out;
}

/** Decoded layers are scanned with everything except a further decode (one level deep). */
function scanLayer(decoded: string): LeakSpan[] {
  const codes = acquireCodes(decoded);
  try {
    const spans = confirmPacked(decoded, anchorMatcher().findPackedCodes(codes, decoded.length));
    for (const s of scanUnanchoredCodes(decoded, codes)) spans.push(s);
    return resolveOverlaps(spans);
  } finally {
    releaseCodes();
  }
}

/** Keeps the most specific span where spans overlap: higher priority first, then the longer one. */
export function resolveOverlaps(spans: LeakSpan[]): LeakSpan[] {
  return keepBest(spans, (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
}

/** Turns a span into a public Finding; the evidence is masked, never the secret. */
export function toFinding(text: string, s: LeakSpan): Finding {
  const value = text.slice(s.start, s.end);
  const finding: Finding = {
    id: `${s.family}.${s.rule}`,
    family: s.family,
    owasp: 'LLM02',
    severity: s.severity,
    start: s.start,
    end: s.end,
    evidence: maskEvidence(value, s.reveal ?? 0),
    rule: s.rule,
  };
  if (s.details !== undefined) finding.details = s.details; // (last, as before: same key order in JSON)
  return finding;
}

/**
 * Engine hook: confirm the DFA's anchor hits on the RAW text. `hits` may include other families'
 * signatures (ignored). Offsets are UTF-16 indices into `text`.
 */
export function confirmLeaks(text: string, hits: ReadonlyArray<{ signatureId: string; start: number; end: number }>): Finding[] {
  return resolveOverlaps(confirmSpans(text, hits)).map((s) => toFinding(text, s));
}

/** Engine hook: the detectors with no literal anchor (cards, phones, SSNs, IBANs, WIF, mnemonics, encoded layers). */
export function scanUnanchored(text: string): Finding[] {
  return resolveOverlaps(scanUnanchoredSpans(text, scanLayer)).map((s) => toFinding(text, s));
}

/** Standalone: anchors found by the JS prefilter, then confirmation and the unanchored pass, overlaps resolved. */
export function detectLeaks(text: string): Finding[] {
  if (typeof text !== 'string') throw new TypeError(`detectLeaks: text must be a string, got ${text === null ? 'null' : typeof text}`);
  // The text's code units are copied once and read by both the anchor automaton and the unanchored pass.
  const codes = acquireCodes(text);
  let spans: LeakSpan[];
  try {
    spans = confirmPacked(text, anchorMatcher().findPackedCodes(codes, text.length));
    for (const s of scanUnanchoredCodes(text, codes, scanLayer)) spans.push(s);
  } finally {
    releaseCodes();
  }
  return resolveOverlaps(spans).map((s) => toFinding(text, s));
}

/** Merges findings produced separately (confirm + unanchored + engine) into one non-overlapping list per leak. */
export function mergeLeakFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.family === 'canary' ? 10 : f.details?.encoding !== undefined ? 2.5 : f.rule === 'generic-secret' || f.rule === 'password' ? 1 : 2);
  return keepBest(findings, (a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start));
}

/** The anchored rules (for the pack writer and tests). */
export function anchoredRules(): readonly AnchoredRule[] {
  return ANCHORED_RULES;
}
