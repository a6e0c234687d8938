/**
 * Registry of pluggable report sections, run in this order after the main evaluation.
 * To add one: write src/eval/sections/<name>.ts exporting an `EvalSection`, then add ONE line below.
 */
import type { EvalSection } from './types.ts';

export const kSections: EvalSection[] = [
  // e.g. secretsSection, // src/eval/sections/secrets.ts (leak engineer)
  // e.g. semanticAblationSection, // src/eval/sections/semantic-ablation.ts (semantic engineer)
];
