/**
 * Tamper-evident audit log: hash-chained decision records, signed Merkle checkpoints, a
 * pluggable sink (segment files by default), and the readers behind `tollgate audit`.
 */
export { AuditLog, openAuditLog, type AppendReceipt, type AuditLogOptions, type OpenAuditLogOptions } from './audit-log.ts';
export {
  auditRecordFromScan,
  auditRecordFromDecision,
  sha256Hex,
  recordHash,
  GENESIS_HASH,
  AUDIT_KINDS,
  type AuditEntry,
  type AuditRecord,
  type AuditFinding,
  type AuditKind,
  type AuditMeta,
} from './record.ts';
export type { AuditSink, SinkState } from './sink.ts';
export { FileSink, type FileSinkOptions } from './file-sink.ts';
export { verifyAuditDir, type VerifyReport, type VerifyProblem } from './verify.ts';
export { exportAuditLog, type ExportFormat } from './export.ts';
export { replayAuditLog, type ReplayReport, type ReplayChange, type ReplayScanner } from './replay.ts';
export { complianceColumns, OWASP_LLM_NAMES, EU_AI_ACT_BY_OWASP } from './compliance-map.ts';
export type { Checkpoint } from './checkpoint.ts';
export { loadSigningKey, type SigningKey } from './keys.ts';
