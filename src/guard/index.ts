/** Public surface of the action guard; src/index.ts and the CLI import from here. */
export { createGuard, type Guard, type GuardOptions } from './guard.ts';
export { createMemoryStore, openJournaledStore, JOURNAL_FILE, StaleStateError, type GuardStore, type DecisionKeys } from './store.ts';
export { issuePassport, verifyPassport, decodePassport, parseSpec, widenings, signClaims } from './passport.ts';
export { writeKeyPair, loadPrivateKey, loadPublicKey, keyId, PRIVATE_KEY_ENV, PUBLIC_KEY_ENV } from './keys.ts';
export type { GuardStateView, JournalRecord, WorkingOrder, KillState } from './state.ts';
export type * from './types.ts';
