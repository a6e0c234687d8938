/** The internal result of a confirmation, before it becomes a public Finding. */
import type { Severity } from '../types.ts';

export type LeakFamily = 'secret' | 'pii';

export interface LeakSpan {
  start: number;
  end: number;
  family: LeakFamily;
  rule: string;
  severity: Severity;
  /** Characters of a public, non-secret prefix the evidence may show (`ghp_`, `AKIA`). */
  reveal?: number;
  /** Overlap resolution: the more specific detector wins (format-validated > context-gated > generic). */
  priority: number;
  details?: Record<string, unknown>;
}

/** Priorities: a checksum or format-proven match outranks a context guess. */
export const PRIORITY = { validated: 3, format: 2, context: 1, generic: 0 } as const;
