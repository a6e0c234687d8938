import type { Finding } from '../types.ts';
import type { NormalizeStats } from '../wasm/exports.ts';

/**
 * Hidden characters are evidence in themselves: ordinary prose has no Unicode tag characters and
 * no bidi overrides, and rarely more than a few zero-width joiners (emoji sequences use them).
 * Findings span the whole text because the characters are spread through it.
 */
export function obfuscationFindings(stats: NormalizeStats, textLength: number): Finding[] {
  const findings: Finding[] = [];
  const whole = (id: string, severity: Finding['severity'], evidence: string, details: Record<string, unknown>): Finding => ({
    id,
    family: 'obfuscation',
    owasp: 'LLM01',
    severity,
    start: 0,
    end: textLength,
    evidence,
    details,
  });
  if (stats.tags > 0) {
    findings.push(whole('obf.unicode-tags', 'high', `${stats.tags} Unicode tag characters (invisible text, decoded and scanned)`, { count: stats.tags }));
  }
  if (stats.bidi > 0) {
    findings.push(whole('obf.bidi-control', stats.bidi > 2 ? 'medium' : 'low', `${stats.bidi} bidirectional control characters`, { count: stats.bidi }));
  }
  // A handful of zero-width joiners is normal in emoji and some scripts; dozens are not.
  if (stats.invisible >= 8) {
    findings.push(whole('obf.invisible-chars', stats.invisible >= 32 ? 'medium' : 'low', `${stats.invisible} zero-width or invisible characters removed`, { count: stats.invisible }));
  }
  if (stats.collapsed > 0) {
    findings.push(whole('obf.spaced-letters', 'low', `${stats.collapsed} runs of spaced-out letters joined`, { count: stats.collapsed }));
  }
  return findings;
}
