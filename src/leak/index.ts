/**
 * Leak detection: secrets, wallet secrets, personal data and canary tokens, plus redaction.
 * The engine calls `confirmLeaks` (anchor hits from its DFA) and `scanUnanchored`; everything also
 * works standalone through `detectLeaks`.
 */
export { confirmLeaks, scanUnanchored, detectLeaks, mergeLeakFindings, anchoredRules } from './detect.ts';
