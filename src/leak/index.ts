/**
 * Leak detection: secrets, wallet secrets, personal data and canary tokens, plus redaction.
 *
 * Engine integration: the DFA finds the anchors of corpus/signatures/secrets.json and pii.json; the scanner
 * passes those hits to `confirmLeaks(rawText, hits)` and calls `scanUnanchored(rawText)` once per text.
 * Canary findings come from a `CanaryRegistry` (`engine.canary()` issues tokens into it).
 * Standalone: `detectLeaks(text)` does all of it with a JS prefilter.
 *
 * @example
 * import { detectLeaks, redact } from './leak/index.ts';
 * const findings = detectLeaks('binance api_key: ' + key);
 * redact(text, findings, { mode: 'mask' });
 */
import type { Finding } from '../types.ts';
import { CanaryRegistry } from './canary.ts';
import { detectLeaks, mergeLeakFindings } from './detect.ts';
import { redact, type RedactOptions } from './redact.ts';

export { confirmLeaks, scanUnanchored, detectLeaks, mergeLeakFindings, anchoredRules } from './detect.ts';
export { CanaryRegistry, createCanary, type CanaryRecord } from './canary.ts';
export { redact, mergeSpans, REDACTION_MODES, type RedactionMode, type RedactOptions } from './redact.ts';
export { leakPackFiles } from './pack-json.ts';

/** Detects leaks (plus canaries from `canaries`, if given) and returns the redacted text with the findings. */
export function redactLeaks(text: string, options: RedactOptions & { canaries?: CanaryRegistry } = {}): { text: string; findings: Finding[] } {
  const findings = mergeLeakFindings([...detectLeaks(text), ...(options.canaries?.scan(text) ?? [])]);
  return { text: redact(text, findings, options), findings };
}
