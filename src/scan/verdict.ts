import type { Context, Finding, Severity, Verdict } from '../types.ts';

/**
 * Evidence fusion: each finding is a piece of evidence with a weight by severity; independent
 * pieces combine as 1 - prod(1 - w), so two medium clues outweigh one, and no number of low clues
 * reaches certainty. The semantic model's calibrated score joins as one more piece.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { low: 0.2, medium: 0.45, high: 0.75, critical: 0.93 };

/** Score at or above which a text is flagged. Calibrated scores put each context's threshold here. */
export const FLAG_SCORE = 0.5;
/** Score at or above which a flagged text is denied outright rather than challenged/restricted. */
export const DENY_SCORE = 0.85;
/** Score at or above which an unflagged text is still worth a look (monitor). */
export const MONITOR_SCORE = 0.25;

const kUntrusted = new Set<Context>(['retrieved_doc', 'tool_output', 'agent_message']);

export function fuseScore(findings: readonly Finding[], extra: number[] = []): number {
  let keep = 1;
  // Count each signature id once: repeated hits of one phrase are one clue, not many.
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    keep *= 1 - weightOf(f);
  }
  for (const e of extra) keep *= 1 - Math.min(Math.max(e, 0), 1);
  return round4(1 - keep);
}

/**
 * Joins signature evidence with the semantic model's calibrated score (0.5 at the context's
 * threshold). Either alone can flag; below its threshold the model still adds weight to signature
 * clues, but only the part of its score above MODEL_FLOOR, so a routine benign score (well under
 * the threshold) never tips a lone medium clue over.
 */
export const MODEL_FLOOR = 0.3;

export function fuseWithModel(findings: readonly Finding[], modelScore: number): number {
  const signatures = fuseScore(findings);
  const m = Math.min(Math.max(modelScore, 0), 1);
  const boost = m <= MODEL_FLOOR ? 0 : (m - MODEL_FLOOR) / (1 - MODEL_FLOOR);
  return round4(Math.max(signatures, m, fuseScore(findings, [boost])));
}

function weightOf(f: Finding): number {
  const w = f.details?.weight;
  return typeof w === 'number' ? w : SEVERITY_WEIGHT[f.severity];
}

/**
 * Maps a fused score and findings to a verdict:
 * - below MONITOR_SCORE allow; below FLAG_SCORE monitor;
 * - flagged with a leaked secret in an outgoing context (model_output, agent_message): restrict
 *   (redact before it leaves), deny for critical secrets;
 * - flagged in untrusted data (retrieved_doc, tool_output, agent_message): restrict — the text may
 *   reach the agent only with high-risk tools disabled — or deny at DENY_SCORE;
 * - flagged in a user prompt or model output: challenge (a human decides), or deny at DENY_SCORE.
 */
export function decideVerdict(score: number, findings: readonly Finding[], context: Context): Verdict {
  if (score < MONITOR_SCORE) return 'allow';
  if (score < FLAG_SCORE) return 'monitor';
  const leak = findings.some((f) => f.family === 'secret' || f.family === 'canary' || f.family === 'pii');
  if (leak && (context === 'model_output' || context === 'agent_message')) {
    return findings.some((f) => (f.family === 'secret' || f.family === 'canary') && f.severity === 'critical') ? 'deny' : 'restrict';
  }
  if (score >= DENY_SCORE) return 'deny';
  return kUntrusted.has(context) ? 'restrict' : 'challenge';
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
