/**
 * Where sealed records and checkpoints are stored. `AuditLog` owns ordering, hashing and
 * signing; a sink only has to store lines durably, in order, and read back enough state to
 * continue the chain after a restart.
 *
 * Contract:
 * - `appendRecords(records)` stores the records in order and resolves only once they are durable
 *   (fsync for files, a committed transaction for PostgreSQL, `acks=all` for Kafka). The log
 *   acknowledges an append only after this resolves, so nothing acknowledged is lost on kill -9.
 * - `appendCheckpoint(cp)` is called only after the records it covers are durable.
 * - `open()` returns the last stored record and the hashes of all stored records in seq order
 *   (or enough to rebuild the Merkle frontier), so sealing continues from the right `prev`.
 * - Calls are never concurrent: the log awaits each before issuing the next.
 *
 * Other stores (not shipped; the interface is shaped for them):
 * - PostgreSQL: table `audit_records(seq bigint primary key, hash text not null, body jsonb not null)`
 *   and `audit_checkpoints(count bigint primary key, body jsonb)`. `appendRecords` is one
 *   multi-row INSERT in a transaction (`synchronous_commit = on`); the primary key on seq turns a
 *   second writer into a constraint error instead of a forked chain. `open()` selects
 *   `hash ORDER BY seq` (or the frontier saved with the last checkpoint plus the rows after it).
 *   Several server instances need one writer per chain: either a chain per instance
 *   (`chain_id` column) or a single writer that the instances send entries to.
 * - Kafka: one topic partition per chain (ordering is per partition), idempotent producer with
 *   `acks=all`; `appendRecords` resolves on the broker ack of the batch. Checkpoints go to a
 *   compacted side topic. `open()` reads the partition tail (or a snapshot of the frontier).
 */
import type { AuditRecord, SealedRecord } from './record.ts';
import type { Checkpoint } from './checkpoint.ts';

export interface SinkState {
  /** Hashes of every stored record, seq 1..n in order. */
  recordHashes: string[];
  lastRecord: AuditRecord | null;
  lastCheckpoint: Checkpoint | null;
  /** Human-readable notes about repairs made while opening (e.g. a torn unacknowledged line cut off). */
  notes: string[];
}

export interface AuditSink {
  open(): Promise<SinkState>;
  /** Each record comes with its JSON line (hash first, then the canonical body), ready to store. */
  appendRecords(records: SealedRecord[]): Promise<void>;
  appendCheckpoint(checkpoint: Checkpoint): Promise<void>;
  close(): Promise<void>;
}
