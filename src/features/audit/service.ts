import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { nowIso } from '../../db/ids.js';
import { auditEntryHash, canonicalJson, GENESIS_HASH, verifyChainSegment, type ChainCheck } from '../../domain/audit-chain.js';
import * as repo from './repo.js';

export interface AuditWrite {
  actorAccountId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  unitId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The one way to run a write workflow: a transaction whose first statement takes the
 * audit-chain lock, so concurrent writers on PostgreSQL (READ COMMITTED) read each other's
 * committed rows instead of overwriting them (lost field updates, crossed unit moves forming a
 * cycle, a duplicate card number surfacing as a 500). Every write takes this lock in writeAudit
 * anyway; taking it first makes the reads part of the same serial section. SQLite runs one
 * writer at a time already.
 */
export function writeTransaction<T>(
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return handle.db.transaction().execute(async (trx) => {
    await handle.dialect.lockAuditChain(trx);
    return work(trx);
  });
}

/**
 * Appends one entry to the hash chain. Must be called with the transaction that makes the
 * change, so the change and its audit entry commit or roll back together.
 */
export function writeAudit(trx: Kysely<Database>, dialect: DialectHelpers, entry: AuditWrite): Promise<void> {
  return writeAuditEntries(trx, dialect, [entry]);
}

/**
 * Appends several entries in order, exactly as that many `writeAudit` calls would (same content,
 * same hashes), in batched inserts: bulk work (the demo year, imports) writes thousands, and one
 * call per entry costs three round trips on PostgreSQL.
 */
export async function writeAuditEntries(trx: Kysely<Database>, dialect: DialectHelpers, entries: readonly AuditWrite[]): Promise<void> {
  if (entries.length === 0) return;
  await dialect.lockAuditChain(trx);
  const last = await repo.lastEntry(trx);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = Number(last?.seq ?? 0);
  const json = (value: unknown) => (value === undefined || value === null ? null : canonicalJson(value));
  const rows = entries.map((entry): AuditLogTable => {
    const content = {
      seq: ++seq,
      at: nowIso(),
      actorAccountId: entry.actorAccountId,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      unitId: entry.unitId,
      beforeJson: json(entry.before),
      afterJson: json(entry.after),
    };
    const hash = auditEntryHash(prevHash, content);
    const row: AuditLogTable = {
      seq: content.seq,
      at: content.at,
      actor_account_id: content.actorAccountId,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      unit_id: content.unitId,
      before_json: content.beforeJson,
      after_json: content.afterJson,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await repo.insertEntries(trx, rows);
}

/** Walks the whole chain in pages; names the first broken entry. */
export async function verifyAuditChain(handle: Pick<DatabaseHandle, 'db'>, pageSize = 2000): Promise<ChainCheck> {
  let state = { expectedSeq: 1, prevHash: GENESIS_HASH, count: 0 };
  let afterSeq = 0;
  for (;;) {
    const rows = await repo.entriesAfter(handle.db, afterSeq, pageSize);
    if (rows.length === 0) return { ok: true, count: state.count, headHash: state.prevHash };
    const result = verifyChainSegment(
      rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at,
        actorAccountId: r.actor_account_id,
        action: r.action,
        recordType: r.record_type,
        recordId: r.record_id,
        unitId: r.unit_id,
        beforeJson: r.before_json,
        afterJson: r.after_json,
        prevHash: r.prev_hash,
        hash: r.hash,
      })),
      state,
    );
    if (!result.ok) return { ok: false, count: result.count, brokenSeq: result.brokenSeq, reason: result.reason };
    state = result.state;
    afterSeq = Number(rows[rows.length - 1]!.seq);
  }
}

export async function recordHistory(
  db: Kysely<Database>,
  query: { recordType: string; recordId: string; page: number; pageSize: number },
) {
  const { total, rows } = await repo.historyOf(db, query.recordType, query.recordId, query.page, query.pageSize);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_account_id,
      actorName: r.actor_name ?? null,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    })),
  };
}

/**
 * Logs a read of a sensitive record (a self-examination, a correction plan) by someone other
 * than its subject, in the hash chain like any change: the subject sees it as "who viewed my
 * record", and nobody can remove it unnoticed. `roles` are the viewer's roles over the record's
 * unit — why they could read it.
 */
export function logRead(
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
  actor: { accountId: string; assignments: readonly { role: string; unitPath: string }[] },
  record: { recordType: string; recordId: string; unitId: string; unitPath: string },
): Promise<void> {
  const roles = [...new Set(actor.assignments.filter((a) => record.unitPath.startsWith(a.unitPath) && a.role !== 'member').map((a) => a.role))];
  return writeTransaction(handle, (trx) =>
    writeAudit(trx, handle.dialect, {
      actorAccountId: actor.accountId,
      action: `read.${record.recordType}`,
      recordType: record.recordType,
      recordId: record.recordId,
      unitId: record.unitId,
      after: { roles },
    }),
  );
}
