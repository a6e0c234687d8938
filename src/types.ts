/**
 * Public types shared by every part of tollgate: the scan result, findings, verdicts.
 * Kept free of runtime code so any module (worker, CLI, server, guard) can import it cheaply.
 */

/** Where a text came from. Instructions are normal in a `user_prompt` and suspicious inside data. */
export type Context = 'user_prompt' | 'retrieved_doc' | 'tool_output' | 'agent_message' | 'model_output';
export const CONTEXTS: readonly Context[] = [
  'user_prompt',
  'retrieved_doc',
  'tool_output',
  'agent_message',
  'model_output',
];

/** Every decision is one of these, ordered from least to most severe. */
export type Verdict = 'allow' | 'monitor' | 'challenge' | 'restrict' | 'deny';
export const VERDICTS: readonly Verdict[] = ['allow', 'monitor', 'challenge', 'restrict', 'deny'];

export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** OWASP Top 10 for LLM Applications (2025) ids. */
export type OwaspId =
  | 'LLM01' // prompt injection
  | 'LLM02' // sensitive information disclosure
  | 'LLM03' // supply chain
  | 'LLM04' // data and model poisoning
  | 'LLM05' // improper output handling
  | 'LLM06' // excessive agency
  | 'LLM07' // system prompt leakage
  | 'LLM08' // vector and embedding weaknesses
  | 'LLM09' // misinformation
  | 'LLM10'; // unbounded consumption

/** One reason a text was flagged. Offsets are UTF-16 indices into the caller's original string. */
export interface Finding {
  /** Signature or rule id, e.g. `inj.override.ignore-previous`, `secret.aws-access-key`, `model.segment`. */
  id: string;
  /** Family: `injection`, `jailbreak`, `extraction`, `exfiltration`, `goal_hijack`, `obfuscation`, `secret`, `pii`, `canary`, `semantic`, ... */
  family: string;
  owasp: OwaspId;
  severity: Severity;
  start: number;
  end: number;
  /** The matched text (for secrets: a masked form, never the secret itself). */
  evidence: string;
  /** Specific kind for secret/pii findings (`aws-access-key`, `payment-card`, ...). */
  rule?: string;
  /** Finding-specific extras (nearest known attacks, decoded layer, task relation, ...). */
  details?: Record<string, unknown>;
}

export interface ScanInput {
  text: string;
  context?: Context;
  /** The user's current request to the agent; lets the scorer see off-task instructions inside data. */
  task?: string;
  /** Trace/session id; the action guard uses it for trace taint. */
  session?: string;
}

export interface ScanTimings {
  /** Total wall time in microseconds, measured where the scan ran (worker or inline). */
  totalUs: number;
  normalizeUs?: number;
  matchUs?: number;
  modelUs?: number;
}

export interface ScanResult {
  flagged: boolean;
  verdict: Verdict;
  /** Risk score in [0, 1]. */
  score: number;
  findings: Finding[];
  timings: ScanTimings;
}
