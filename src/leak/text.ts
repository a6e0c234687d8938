/** Small character and string helpers shared by the leak detectors (no regex on hot paths). */
import { charClasses, classCount, entropyFloor, isPeriodic, longestRepeat, longestSequence, shannonEntropy } from './validators/entropy.ts';

/**
 * The scans read a text's UTF-16 code units from a typed array rather than with `charCodeAt` (about half
 * the cost per character, and the same on flat and concatenated strings). One buffer per nesting level
 * (a decoded base64 layer is scanned while the outer scan is still running), reused across calls.
 */
const codeBuffers: Uint16Array[] = [];
/** A Buffer over the same memory as each code buffer (Node writes UTF-16 through it). */
const codeBytes: Buffer[] = [];
let codeDepth = 0;

/**
 * Copies `text` into a reused buffer of code units and returns it; `codes[text.length]` is a space, so a
 * loop may read one past the end. Pair every call with `releaseCodes()` (in a `finally`).
 */
export function acquireCodes(text: string): Uint16Array {
  const need = text.length + 1;
  let buf = codeBuffers[codeDepth];
  if (buf === undefined || buf.length < need) {
    buf = new Uint16Array(Math.max(need, 1024) + (need >> 2));
    codeBuffers[codeDepth] = buf;
    codeBytes[codeDepth] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  codeBytes[codeDepth]!.write(text, 0, 'utf16le');
  codeDepth++;
  buf[text.length] = 32;
  return buf;
}

/** Buffers above this many code units are dropped after use rather than kept for the next text. */
const kKeepCodes = 1 << 24;

/** Returns the buffer taken by the matching `acquireCodes`. */
export function releaseCodes(): void {
  codeDepth--;
  if (codeBuffers[codeDepth]!.length > kKeepCodes) {
    codeBuffers.length = codeDepth;
    codeBytes.length = codeDepth;
  }
}

/** [A-Za-z0-9] */
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters of identifiers and config keys: [A-Za-z0-9_.-] */
export function isIdentChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46;
}

/** True when position `i` starts a token: beginning of text or a preceding char outside `[A-Za-z0-9]`. */
export function boundaryBefore(text: string, i: number): boolean {
  return i === 0 || !isAlnum(text.charCodeAt(i - 1));
}

/** True when position `i` ends a token. */
export function boundaryAfter(text: string, i: number): boolean {
  return i >= text.length || !isAlnum(text.charCodeAt(i));
}

/** Whole-value templates and references: `${VAR}`, `{{ .Values.x }}`, `<token>`, `%VAR%`, `$VAR`, `env(...)`. */
const kTemplate =
  /^(?:\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|<[^<>]*>|%[A-Za-z_][A-Za-z0-9_]*%|%\(?[a-z_]*\)?s|\$[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\]|\([^)]*\))$/;
/** Shapes inside a value that only stand-ins have. */
const kPlaceholderShape = /x{5,}|X{5,}|\*{3,}|\.{3}|…|_{4,}|#{4,}|<[a-z_ \-]+>|\{\{\s*[\w.]+\s*\}\}|\$\{[\w.:\-]+\}/;
/** Words that mark documentation values; the value must be mostly this word, not merely contain it. */
const kPlaceholderWord =
  /^(?:your|my|the|some|a|an|insert|enter|put|replace|add|paste)?[_\-. ]?(?:api[_\-. ]?)?(?:key|token|secret|password|passwd|pass|pwd|pw|passphrase|credential|auth|value|string|here|id|user|username|example|sample|changeme|change[_\-. ]?me|placeholder|redacted|dummy|fake|test|testing|todo|tbd|foo|bar|baz|qux|abc|abc123|123456|12345678|password123|secret123|none|null|nil|undefined|true|false|empty|default|admin|root|guest|n\/a|na|xxx|hidden|removed|masked|notset|not[_\-. ]?set|unknown)(?:[_\-. ]?(?:here|goes[_\-. ]?here|value|string|key|token|secret|1|123))?$/i;
/**
 * Longest text kPlaceholderWord can match: `replace` + sep + `api_` + `password123` + sep + `goes_here`
 * (raise it with any longer word added there; test/leak/speed.test.ts checks this longest one).
 */
const kLongestPlaceholderWord = 33;
/** References to where a secret is kept rather than the secret: env lookups, secret managers, calls. */
const kReference = /(?:process\.env|os\.environ|os\.getenv|getenv\(|environ\[|System\.getenv|ENV\[|env\(|^env\.|^secrets\.|^vault:|^arn:|^ssm:|^sm:\/\/|^projects\/[^/]+\/secrets\/|^ref\+|^\$\(|^`)/;

/** True when a candidate value is a template, reference or documentation placeholder. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  // (speed: a template starts with one of $ { < % [ (, and a placeholder word is at most 33 characters long)
  const c0 = v.charCodeAt(0);
  const template = c0 === 36 || c0 === 123 || c0 === 60 || c0 === 37 || c0 === 91 || c0 === 40;
  return (
    (template && kTemplate.test(v)) ||
    kPlaceholderShape.test(v) ||
    (v.length <= kLongestPlaceholderWord && kPlaceholderWord.test(v)) ||
    kReference.test(v) ||
    (/example|sample|changeme|placeholder|redacted|dummy|fake/i.test(v) && !/[0-9]{3,}.*[A-Z]|[A-Z].*[0-9]{3,}/.test(v))
  );
}

/** A word of an identifier: lowercase (camelCase humps allowed), Capitalized, or ALL CAPS; digits after a letter. */
const kWordPart = '(?:[a-z][a-z0-9]*(?:[A-Z][a-z][a-z0-9]*)*|[A-Z][a-z][a-z0-9]*(?:[A-Z][a-z][a-z0-9]*)*|[A-Z][A-Z0-9]*)';
const kIdentifierWords = new RegExp(`^${kWordPart}(?:[_\\-.:/](?:${kWordPart}|[0-9][a-z0-9]*|[0-9][A-Z0-9]*)){2,}\\/?$`);

/**
 * True when `value` looks machine-generated rather than typed: long enough, several character classes,
 * enough Shannon entropy for its length, and no long repeated or ascending runs. Thresholds come from
 * the team's own examples (test/leak/entropy.test.ts), not from evaluation data.
 */
export function looksRandom(value: string, minLength = 16): boolean {
  const n = value.length;
  if (n < minLength) return false;
  if (longestRepeat(value) >= 5 || longestSequence(value) >= 5 || isPeriodic(value)) return false;
  const classes = charClasses(value);
  const isHex = /^[0-9a-fA-F]+$/.test(value);
  if (shannonEntropy(value) < entropyFloor(value)) return false;
  if (isHex) return /[0-9]/.test(value) && /[a-fA-F]/.test(value);
  if (classCount(classes & 7) < 2) return false;
  // Snake/kebab-case identifiers (`order_book_snapshot_v2`, `Risk-Limits-EU`, `apiGateway.prodEnv.v2`), paths,
  // URLs and dotted names are words, not tokens. Each part is a word: one case, or camelCase where every
  // capital starts a lowercase run; random base64url split by `_`/`-` (`mW_ivyUwBCbD7Q2Bo8…-t62sS`) is not.
  if (kIdentifierWords.test(value)) return false;
  if (looksLikePathOrUrl(value)) return false;
  // Random tokens under 32 chars almost always contain a digit; letters-only values are words or CamelCase names.
  if ((classes & 4) === 0 && n < 32) return false;
  return true;
}

/**
 * The evidence string for a finding: the public prefix (when the format has one) then one `*` per hidden
 * character, capped, with the length. Never contains the secret part.
 */
export function maskEvidence(value: string, reveal = 0): string {
  const shown = Math.min(reveal, Math.max(0, value.length - 4));
  const hidden = value.length - shown;
  const stars = '*'.repeat(Math.min(hidden, 16));
  return `${value.slice(0, shown)}${stars}${hidden > 16 ? '…' : ''} (${value.length} chars)`;
}

/**
 * A file path or URL rather than a token: a scheme, or slash-separated segments none of which is a long
 * random-looking run (so base64 that happens to start with `/` is not a path).
 */
export function looksLikePathOrUrl(value: string): boolean {
  if (/^[a-z][a-z0-9+.\-]*:\/\/[^\s]+$/i.test(value)) return true;
  if (/^[A-Za-z]:\\/.test(value)) return true;
  // Segments of [\w.\-@] separated by single slashes. Written so each character has one way to match: the
  // form `(?:[\w.\-@]+\/?)*$` backtracks exponentially on a long run that fails at its end (30 s for 31
  // characters of base64 after a slash).
  if (!/^(?:~|\.{1,2})?\/(?:[\w.\-@]+\/)*[\w.\-@]*$/.test(value)) return false;
  return value.split('/').every((seg) => seg.length <= 24 && !(/[a-z]/.test(seg) && /[A-Z]/.test(seg) && /\d/.test(seg) && seg.length > 12));
}
