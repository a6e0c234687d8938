/**
 * The V8 RegExp baseline of bench/leak.bench.ts (and bench/leak-ab.sh): every anchored rule's format regex,
 * plus regexes equivalent in what they look for to the unanchored and context detectors (without validation).
 */
import type { AnchoredRule } from '../src/leak/rules.ts';

/** Regexes for the unanchored and context detectors, equivalent in what they look for (without validation). */
const kExtraPatterns = [
  /(?:secret|token|api_?key|apikey|password|passwd|pwd|passphrase|credential)[\w.\-]*["']?\s*[:=]\s*["']?[A-Za-z0-9_\-+/=!@#$%^&*]{8,}/i,
  /\b(?:\d[ \-]?){12,18}\d\b/,
  /\b\d{3}-\d{2}-\d{4}\b/,
  /(?:\+\d{1,3}[ \-]?)?\(?\d{3}\)?[ \-.]\d{3}[ \-.]\d{4}\b/,
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/,
  /[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}/,
  /\b[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}\b/,
  /\b(?:[a-z]{3,8}\s+){11,23}[a-z]{3,8}\b/,
  /[A-Za-z0-9+/]{24,}={0,2}/,
  /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY-----/,
  /(?:private|priv|secret)[\w .\-]{0,20}[:=]\s*(?:0x)?[0-9a-fA-F]{64}\b/i,
];

/** The baseline patterns for `rules` (the anchored rules the leak pass runs): their format regexes, then the extra ones. */
export function baselinePatterns(rules: readonly AnchoredRule[]): RegExp[] {
  const fromRules = rules
    .map((r) => (r.confirm as { pattern?: RegExp }).pattern)
    .filter((p): p is RegExp => p !== undefined);
  return [...fromRules, ...kExtraPatterns];
}
