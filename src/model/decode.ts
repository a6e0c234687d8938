/**
 * Finds encoded spans inside a text and decodes them, so the scorer can read what an attacker hid:
 * base64, hex (plain and \x41 escapes), URL percent-encoding, ROT13, leetspeak, Unicode tag characters
 * and characters spelled out one by one with spaces, dots or dashes between them (any script).
 * Pure function; bounded in depth and output size. Offsets are UTF-16 indices into the input.
 */

import { LETTER_BIGRAM_LOGP } from './letter-bigrams.ts';
import { decodeGates, LINE_LEETSPEAK, LINE_ROT13, type GateResult } from './decode-gates.ts';

export type Encoding = 'base64' | 'hex' | 'url' | 'rot13' | 'unicode_tags' | 'spaced' | 'leetspeak';

export interface DecodedSpan {
  start: number;
  end: number;
  decodedText: string;
  encoding: Encoding;
  /** 1 for a span of the original text, 2 for a span found inside a decoded one, ... */
  depth: number;
}

export interface DecodeOptions {
  /** Nested layers to follow (base64 inside hex, ...). Default 2. */
  maxDepth?: number;
  /** Stop after this many decoded characters in total. Default 65,536. */
  maxDecodedChars?: number;
  /** Stop after this many spans. Default 64. */
  maxSpans?: number;
}

const kTags = /(?:\u{E0000}|\u{E0001}|[\u{E0020}-\u{E007F}])+/gu;

function printableRatio(s: string): number {
  if (s.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0xa0 && c !== 0xfffd)) ok++;
  }
  return ok / s.length;
}

const kUtf8 = new TextDecoder('utf-8', { fatal: false });

function bytesToText(bytes: Uint8Array): string | undefined {
  const text = kUtf8.decode(bytes);
  // Binary payloads (images, keys, compressed data) are not text an LLM would read as instructions.
  if (printableRatio(text) < 0.9) return undefined;
  if (!/[A-Za-z\p{L}]{2,}/u.test(text)) return undefined;
  return text;
}

function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/-/g, '+').replace(/_/g, '/');
  if (clean.replace(/=+$/, '').length % 4 === 1) return undefined;
  // Identifiers, hashes and long words also match the alphabet: require a mix of cases or digits.
  if (!/[a-z]/.test(s) || !/[A-Z0-9]/.test(s)) return undefined;
  try {
    return bytesToText(Buffer.from(clean, 'base64'));
  } catch {
    return undefined;
  }
}

function decodeHex(s: string): string | undefined {
  const digits = s.replace(/\\x/g, '').replace(/^0x/, '').replace(/[ :]/g, '');
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
  // Pure decimal digit runs are numbers, not hex text.
  if (/^[0-9]+$/.test(digits)) return undefined;
  return bytesToText(Buffer.from(digits, 'hex'));
}

function decodePercent(s: string): string | undefined {
  // Tolerant: %XX become bytes, everything else stays as its UTF-8; a stray % does not void the span.
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 0x25 && i + 2 < s.length + 0 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else for (const b of Buffer.from(s[i], 'utf8')) bytes.push(b);
  }
  const t = kUtf8.decode(Uint8Array.from(bytes));
  return t !== s && printableRatio(t) >= 0.9 ? t : undefined;
}

function rot13(s: string): string {
  return s.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Fewest letter transitions for a line's ROT13 verdict (shorter lines are too noisy to judge). */
const kRot13MinTransitions = 24;
/** Average log-probability gain per transition (nats) that rotation must bring to count as decoding. */
const kRot13MinGain = 0.35;

/**
 * Average letter-bigram log-probability of a line as written and after ROT13, in one pass (a–z
 * only; any other character is a word boundary). Language-general: the table is averaged over
 * Latin-script languages (letter-bigrams.ts), so German or Turkish ROT13 reads as rotated too.
 */
function bigramPlausibility(line: string): { plain: number; rotated: number; transitions: number } {
  let plain = 0;
  let rotated = 0;
  let transitions = 0;
  let prev = 0;
  let prevRot = 0;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) | 0x20 : 0; // ASCII lower case
    const sym = c >= 0x61 && c <= 0x7a ? c - 0x60 : 0;
    if (sym === 0 && prev === 0) continue;
    const rot = sym === 0 ? 0 : ((sym + 12) % 26) + 1;
    plain += LETTER_BIGRAM_LOGP[prev * 27 + sym]!;
    rotated += LETTER_BIGRAM_LOGP[prevRot * 27 + rot]!;
    transitions++;
    prev = sym;
    prevRot = rot;
  }
  return { plain: plain / 8 / Math.max(1, transitions), rotated: rotated / 8 / Math.max(1, transitions), transitions };
}

const kLeetLetter: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** The line with leet digits turned back into letters inside words that also hold letters. */
function unleet(line: string): string {
  return line.replace(/[\p{L}\p{M}0-9]+/gu, (w) => (/\p{L}/u.test(w) && /[013457]/.test(w) ? w.replace(/[013457]/g, (d) => kLeetLetter[d]!) : w));
}

/**
 * Line views: ROT13 and leetspeak, on the candidate lines of the gate scan.
 *
 * ROT13: a letter-frequency test picks candidates (assembly/decode): ROT13 swaps the vowels
 * a e i o u with n r v b h, and e t with r g, so rotated text has fewer vowels than those consonants
 * (the reverse of every Latin-script language). Candidates are confirmed here when rotation makes the
 * line's letter bigrams clearly more plausible (any Latin-script language, no word list).
 *
 * Leetspeak ("1gn0r3 4ll pr3v10u5"): a line where at least four words, and half of its words, mix
 * letters with the digits 0 1 3 4 5 7 (and no other digit). Model names, units, versions and ids
 * ("i7", "4C", "EX41S") are a small share of a line's words; leetspeak is most of them.
 */
function decodeLineViews(text: string, gates: GateResult, out: Array<Omit<DecodedSpan, 'depth'>>): void {
  const l = gates.lines;
  for (let k = 0; k < gates.lineCount; k++) {
    const start = l[3 * k]!;
    const end = l[3 * k + 1]!;
    const flags = l[3 * k + 2]!;
    if (flags & LINE_ROT13) {
      const line = text.slice(start, end);
      const p = bigramPlausibility(line); // counts letter transitions itself
      if (p.transitions >= kRot13MinTransitions && p.rotated - p.plain >= kRot13MinGain) out.push({ start, end, decodedText: rot13(line), encoding: 'rot13' });
    }
    if (flags & LINE_LEETSPEAK) out.push({ start, end, decodedText: unleet(text.slice(start, end)), encoding: 'leetspeak' });
  }
}

/**
 * Separators put between spelled-out characters: spaces (incl. no-break and ideographic), tab, dot,
 * dash, underscore, middle dots and bullets, asterisk, slash, bar, plus, tilde.
 */
function isSpacer(c: number): boolean {
  if (c < 0x80) return kAsciiSpacer[c] === 1;
  return c === 0xa0 || c === 0xb7 || c === 0x2022 || c === 0x2027 || c === 0x2219 || c === 0x30fb || c === 0x3000;
}
const kAsciiSpacer = new Uint8Array(128);
for (const ch of ' \t.-_*/|+~') kAsciiSpacer[ch.charCodeAt(0)] = 1;

/** Fewest single characters in a row that make a spelled-out run ("i g n o r e" has 6). */
const kSpacedMinUnits = 6;
/** Fewest letters in a run: rows of single digits or symbols (tables, bit strings) are data, not words. */
const kSpacedMinLetters = 4;
/** Widest gap inside a run (wider than the separator between letters: a word boundary). */
const kSpacedMaxGap = 8;
/** Longest stretch of plain text between two spelled-out runs that still joins them into one span. */
const kSpacedMaxBridge = 40;
const kLetter = /\p{L}/gu;
/**
 * Probe windows for spelled-out runs: a run of six one-character tokens spans at least 11 code
 * units, so windows of 6 units every 6 units always put one whole window inside it
 * (stride + width - 1 <= 11).
 */
const kProbeWidth = 6;
const kProbeStride = 6;

/**
 * Joins a spelled-out run. The most frequent one-character gap is the separator between letters. In
 * any gap, other separator characters are text the attacker spelled out too ("h t t p s : / /",
 * "w r a p .", or the space between dotted words) and are kept; more separators than the kept
 * characters need mark a word boundary ("k e y   t o", three spaces), which becomes one space.
 */
function joinSpaced(run: string): string | undefined {
  const counts = new Map<number, number>();
  const parts: Array<{ unit: string; gap: string }> = [];
  let i = 0;
  while (i < run.length) {
    let g = i;
    while (g < run.length && isSpacer(run.charCodeAt(g))) g++;
    const gap = run.slice(i, g);
    if (gap.length === 1) counts.set(gap.charCodeAt(0), (counts.get(gap.charCodeAt(0)) ?? 0) + 1);
    const len = g + 1 < run.length && isHighSurrogate(run.charCodeAt(g)) ? 2 : 1;
    parts.push({ unit: run.slice(g, g + len), gap });
    i = g + len;
  }
  let sep = -1;
  let best = 0;
  for (const [c, k] of counts) if (k > best) [sep, best] = [c, k];
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const { unit, gap } = parts[k]!;
    if (k > 0 && !(gap.length === 1 && gap.charCodeAt(0) === sep)) {
      let kept = '';
      let seps = 0;
      for (let j = 0; j < gap.length; j++) {
        if (gap.charCodeAt(j) === sep) seps++;
        else kept += gap[j];
      }
      out += seps > kept.length + 1 && !kept.endsWith(' ') ? `${kept} ` : kept;
    }
    out += unit;
  }
  kLetter.lastIndex = 0;
  let letters = 0;
  while (kLetter.exec(out) !== null) if (++letters >= kSpacedMinLetters) return out;
  return undefined;
}

/**
 * Characters spelled out one by one ("i g n o r e", "p.r.e.v.i.o.u.s", "仕 事 が"): runs of at least
 * six one-character tokens with a short separator gap between each, on one line.
 *
 * Ordinary text must cost almost nothing, so the text is probed rather than read: a run spans at
 * least 11 code units and never holds two adjacent non-separators (bar a surrogate pair), so a
 * 6-unit window every 6 units lands inside every run, and a window with two adjacent letters rules
 * its neighbourhood out (most windows of prose are rejected by their middle pair alone). Windows of separators only (indentation, rules) are skipped too: that can
 * miss a run only where letters sit five or more separators apart throughout. Only windows that
 * pass start the token scanner, from a few units back.
 */
function findSpaced(text: string, out: Array<Omit<DecodedSpan, 'depth'>>): void {
  const n = text.length;
  let scanned = 0;
  for (let p = 0; p + kProbeWidth <= n; p += kProbeStride) {
    if (p < scanned) p = scanned;
    if (p + kProbeWidth > n) break;
    if (!spacedWindow(text, p)) continue;
    // Back up to the start of a token, no further than the last probe or the scanned part.
    let from = Math.max(scanned, p - kProbeStride);
    while (from > scanned && !isSpacer(text.charCodeAt(from - 1)) && !isLineBreak(text.charCodeAt(from - 1))) from--;
    scanned = scanSpaced(text, from, p + kProbeWidth, out);
  }
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/**
 * True when text[p..p+5] could lie inside a run: no two adjacent non-separators (a surrogate pair
 * excepted) and at least one non-separator.
 */
function spacedWindow(text: string, p: number): boolean {
  // Fast reject on the middle pair (two letters in most windows of prose).
  if (!isSpacer(text.charCodeAt(p + 2)) && !isSpacer(text.charCodeAt(p + 3)) && !isHighSurrogate(text.charCodeAt(p + 2))) return false;
  let prevSolid = false;
  let solids = 0;
  for (let k = p; k < p + kProbeWidth; k++) {
    const c = text.charCodeAt(k);
    const solid = !isSpacer(c);
    if (solid && prevSolid && !isHighSurrogate(text.charCodeAt(k - 1))) return false;
    prevSolid = solid;
    if (solid) solids++;
  }
  // Indentation and rules ("    ", "----") are all separators: a run's later windows hold letters.
  return solids > 0;
}

/**
 * The token scanner: from a token boundary, collects runs of one-character tokens and emits them;
 * stops at the first run break at or after `minEnd` (or the end of the text). Returns where it
 * stopped. State lives in locals (a closure over them runs several times slower).
 */
function scanSpaced(text: string, from: number, minEnd: number, out: Array<Omit<DecodedSpan, 'depth'>>): number {
  const n = text.length;
  let runStart = 0;
  let runEnd = 0;
  let units = 0;
  let i = from;
  while (i < n) {
    // Gap: separators before the next token.
    const gapStart = i;
    let c = text.charCodeAt(i);
    while (isSpacer(c) && ++i < n) c = text.charCodeAt(i);
    if (i >= n) break;
    if (isLineBreak(c)) {
      if (units >= kSpacedMinUnits) emitSpaced(text, runStart, runEnd, out);
      units = 0;
      i++;
      if (i >= minEnd) return i;
      continue;
    }
    // Token: everything up to the next separator or line break.
    const tokStart = i;
    while (++i < n) {
      c = text.charCodeAt(i);
      if (isSpacer(c) || isLineBreak(c)) break;
    }
    const len = i - tokStart;
    if (len > 2 || (len === 2 && !isHighSurrogate(text.charCodeAt(tokStart)))) {
      if (units >= kSpacedMinUnits) emitSpaced(text, runStart, runEnd, out);
      units = 0;
      if (i >= minEnd) return i;
      continue;
    }
    if (units > 0 && tokStart - gapStart > kSpacedMaxGap) {
      if (units >= kSpacedMinUnits) emitSpaced(text, runStart, runEnd, out);
      units = 0;
    }
    if (units === 0) runStart = tokStart;
    units++;
    runEnd = i;
  }
  if (units >= kSpacedMinUnits) emitSpaced(text, runStart, runEnd, out);
  return n;
}

/**
 * Adds a spelled-out run as a span. Spelled-out words mixed with plain ones ("i g n o r e   all
 * p r e v i o u s") make one span when only a short stretch of the same line separates them.
 */
function emitSpaced(text: string, start: number, end: number, out: Array<Omit<DecodedSpan, 'depth'>>): void {
  const joined = joinSpaced(text.slice(start, end));
  if (joined === undefined) return;
  const last = out.length > 0 ? out[out.length - 1]! : undefined;
  if (last?.encoding === 'spaced' && start - last.end <= kSpacedMaxBridge && start >= last.end) {
    const between = text.slice(last.end, start);
    if (!/[\n\r]/.test(between)) {
      last.decodedText = `${last.decodedText} ${between.trim()} ${joined}`.replace(/ {2,}/g, ' ');
      last.end = end;
      return;
    }
  }
  out.push({ start, end, decodedText: joined, encoding: 'spaced' });
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Runs of 16+ base64-alphabet characters (found by the gate scan): contiguous hex when every
 * character is a hex digit, else base64.
 */
function decodeRuns(text: string, gates: GateResult, out: Array<Omit<DecodedSpan, 'depth'>>): void {
  const r = gates.runs;
  for (let k = 0; k < gates.runCount; k++) {
    const s = r[4 * k]!;
    const j = r[4 * k + 1]!;
    const end = r[4 * k + 2]!;
    const allHex = r[4 * k + 3] === 1;
    if (text.charCodeAt(s) === 0x30 && (text.charCodeAt(s + 1) === 0x78 || text.charCodeAt(s + 1) === 0x58)) {
      // 0x-prefixed hex: the x breaks the all-hex test, so check the rest.
      const rest = text.slice(s + 2, j);
      if (/^[0-9a-fA-F]+$/.test(rest)) {
        const d = decodeHex(rest);
        if (d) out.push({ start: s, end: j, decodedText: d, encoding: 'hex' });
        continue;
      }
    }
    const d = allHex && (j - s) % 2 === 0 ? decodeHex(text.slice(s, j)) : undefined;
    if (d) out.push({ start: s, end: j, decodedText: d, encoding: 'hex' });
    else {
      const b = decodeBase64(text.slice(s, end));
      if (b) out.push({ start: s, end, decodedText: b, encoding: 'base64' });
    }
  }
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isPercentBreak(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e;
}

/**
 * Runs with three or more %XX escapes, linked by at most 40 other non-space characters. A linear
 * scan: a regex with a bounded gap backtracks at every '%' of ordinary text ("5% growth").
 */
function findPercent(text: string, out: Array<Omit<DecodedSpan, 'depth'>>): void {
  const n = text.length;
  let i = text.indexOf('%');
  while (i >= 0 && i + 2 < n) {
    if (!isHexDigit(text.charCodeAt(i + 1)) || !isHexDigit(text.charCodeAt(i + 2))) {
      i = text.indexOf('%', i + 1);
      continue;
    }
    // Start of the run: back to the previous break character.
    let start = i;
    while (start > 0 && !isPercentBreak(text.charCodeAt(start - 1))) start--;
    let escapes = 0;
    let j = i;
    let gap = 0;
    let end = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x25 && j + 2 < n && isHexDigit(text.charCodeAt(j + 1)) && isHexDigit(text.charCodeAt(j + 2))) {
        escapes++;
        gap = 0;
        j += 3;
        end = j;
        continue;
      }
      if (isPercentBreak(c) || ++gap > 40) break;
      j++;
      end = j;
    }
    if (escapes >= 3) {
      const span = text.slice(start, end);
      const d = decodePercent(span);
      if (d) out.push({ start, end, decodedText: d, encoding: 'url' });
    }
    i = text.indexOf('%', Math.max(end, i + 1));
  }
}

const kHexEscapes = /(?:\\x[0-9a-fA-F]{2}){6,}|(?:[0-9a-fA-F]{2}[ :]){7,}[0-9a-fA-F]{2}/g;

function findAt(text: string): Array<Omit<DecodedSpan, 'depth'>> {
  const out: Array<Omit<DecodedSpan, 'depth'>> = [];
  let m: RegExpExecArray | null;
  if (text.indexOf('\udb40') >= 0) {
    kTags.lastIndex = 0;
    while ((m = kTags.exec(text)) !== null) {
      let decoded = '';
      for (const ch of m[0]) {
        const cp = ch.codePointAt(0)! - 0xe0000;
        if (cp >= 0x20 && cp < 0x7f) decoded += String.fromCharCode(cp);
      }
      if (decoded.trim().length >= 2) out.push({ start: m.index, end: m.index + m[0].length, decodedText: decoded, encoding: 'unicode_tags' });
    }
  }
  // The gate views stay valid until the next gate scan, which nothing below starts.
  const gates = decodeGates().scan(text);
  decodeRuns(text, gates, out);
  // Escaped (\x41) and separated (41 42 43) hex are rarer: only look when their marks are present.
  if (gates.hexPairs || text.indexOf('\\x') >= 0) {
    kHexEscapes.lastIndex = 0;
    while ((m = kHexEscapes.exec(text)) !== null) {
      const d = decodeHex(m[0].trim());
      if (d) out.push({ start: m.index, end: m.index + m[0].length, decodedText: d, encoding: 'hex' });
    }
  }
  findPercent(text, out);
  decodeLineViews(text, gates, out);
  findSpaced(text, out);
  return out;
}

/**
 * Every decodable span of `text`, outermost first. Spans found inside a decoded text keep the outer
 * span's offsets (they point at the part of the caller's string that hides them) and a higher depth.
 *
 * @example
 * decodeSpans('note: aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=')
 * // → [{ start: 6, end: 50, decodedText: 'ignore all previous instructions', encoding: 'base64', depth: 1 }]
 */
export function decodeSpans(text: string, options: DecodeOptions = {}): DecodedSpan[] {
  const maxDepth = options.maxDepth ?? 2;
  const maxChars = options.maxDecodedChars ?? 65_536;
  const maxSpans = options.maxSpans ?? 64;
  const result: DecodedSpan[] = [];
  let budget = maxChars;
  let frontier: Array<{ text: string; start: number; end: number }> = [{ text, start: -1, end: -1 }];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const layer of frontier) {
      for (const span of findAt(layer.text)) {
        if (result.length >= maxSpans || budget <= 0) return result;
        const decodedText = span.decodedText.slice(0, budget);
        budget -= decodedText.length;
        const start = layer.start < 0 ? span.start : layer.start;
        const end = layer.start < 0 ? span.end : layer.end;
        result.push({ start, end, decodedText, encoding: span.encoding, depth });
        next.push({ text: decodedText, start, end });
      }
    }
    frontier = next;
  }
  return result;
}
