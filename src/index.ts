/**
 * tollgate: a WebAssembly-accelerated detection engine for AI trading agents.
 *
 * @example
 * import { createEngine } from 'tollgate';
 * const engine = await createEngine({ inline: true });
 * const result = await engine.scan({ text: toolOutput, context: 'tool_output', task: userRequest });
 * // result.verdict: 'allow' | 'monitor' | 'challenge' | 'restrict' | 'deny'
 * await engine.close();
 */
export { createEngine, Engine, type EngineOptions, type ScanBatchEntry } from './engine.ts';
export { compile, loadDatabase, type Database, type DatabaseInfo, type CompileOptions, type LoadOptions } from './signatures/database.ts';
export { loadPackDir, validatePack, defaultPackDir, type Signature, type SignaturePack } from './signatures/pack.ts';
export {
  TollgateError,
  InputError,
  PackError,
  LimitError,
  DatabaseError,
  SignatureError,
  ScanError,
  WorkerError,
  ClosedError,
} from './errors.ts';
export type { Context, Verdict, Severity, OwaspId, Finding, ScanInput, ScanResult, ScanTimings } from './types.ts';
export { CONTEXTS, VERDICTS } from './types.ts';
export { createGuard, issuePassport, verifyPassport, decodePassport, parseSpec, writeKeyPair, loadPrivateKey, loadPublicKey } from './guard/index.ts';
export type { Guard, GuardOptions, GuardStore } from './guard/index.ts';
export type { Action, AuthorizeContext, Decision, PassportSpec } from './guard/types.ts';
export * from './anomaly/index.ts';
export { openAuditLog, auditRecordFromScan, auditRecordFromDecision, verifyAuditDir, exportAuditLog, replayAuditLog } from './audit/index.ts';
export type { AuditLog, AuditEntry, AuditRecord, AuditSink, VerifyReport } from './audit/index.ts';
