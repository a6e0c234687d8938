/**
 * Registry of pluggable report sections, run in this order after the main evaluation.
 * To add one: write src/eval/sections/<name>.ts exporting an `EvalSection`, then add ONE line below.
 */
import type { EvalSection } from './types.ts';
import { semanticSection } from './semantic.ts';

export const kSections: EvalSection[] = [
  // e.g. secretsSection, // src/eval/sections/secrets.ts (leak engineer)
  semanticSection, // src/eval/sections/semantic.ts (semantic engineer)
];
