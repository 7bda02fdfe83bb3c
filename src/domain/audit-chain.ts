import { createHash } from 'node:crypto';

/**
 * The audit log is hash-chained: each entry stores the previous entry's hash and the hash of
 * its own content plus that previous hash. Editing, deleting or reordering any stored entry
 * changes a hash that a later entry depends on, so `audit-verify` can name the first broken one.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  actorAccountId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  unitId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function auditEntryHash(prevHash: string, entry: AuditContent): string {
  const content = canonicalJson([
    entry.seq,
    entry.at,
    entry.actorAccountId,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.unitId,
    entry.beforeJson,
    entry.afterJson,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainCheck =
  | { ok: true; count: number; /** Hash of the last entry: record it elsewhere to detect removal of the newest entries. */ headHash: string }
  | { ok: false; count: number; brokenSeq: number; reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' };

/**
 * Verifies a run of stored entries in seq order, continuing from `state` (use
 * `{ expectedSeq: 1, prevHash: GENESIS_HASH }` at the start). Pure: the caller pages through the table.
 */
export function verifyChainSegment(
  rows: (AuditContent & { prevHash: string; hash: string })[],
  state: { expectedSeq: number; prevHash: string; count: number },
): ChainCheck & { state: typeof state } {
  let { expectedSeq, prevHash, count } = state;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, count, brokenSeq: expectedSeq, reason: 'sequence_gap', state };
    if (row.prevHash !== prevHash) return { ok: false, count, brokenSeq: row.seq, reason: 'prev_hash_mismatch', state };
    if (auditEntryHash(prevHash, row) !== row.hash) return { ok: false, count, brokenSeq: row.seq, reason: 'hash_mismatch', state };
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  const next = { expectedSeq, prevHash, count };
  return { ok: true, count, headHash: prevHash, state: next };
}
