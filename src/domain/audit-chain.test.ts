import { describe, expect, it } from 'vitest';
import { auditEntryHash, canonicalJson, GENESIS_HASH, verifyChainSegment, type AuditContent } from './audit-chain.js';

type StoredEntry = AuditContent & { prevHash: string; hash: string };

const start = () => ({ expectedSeq: 1, prevHash: GENESIS_HASH, count: 0 });

/** A valid chain of `n` entries, built the way writeAudit builds it. */
function buildChain(n: number): StoredEntry[] {
  const rows: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      seq,
      at: new Date(Date.UTC(2026, 10, 1, 8, 0, seq)).toISOString(),
      actorAccountId: seq % 3 === 0 ? null : `acc-${seq % 2}`,
      action: seq % 2 ? 'member.update' : 'unit.create',
      recordType: seq % 2 ? 'member' : 'unit',
      recordId: `rec-${seq}`,
      unitId: seq % 4 === 0 ? null : `unit-${seq % 5}`,
      beforeJson: seq === 1 ? null : canonicalJson({ name: `Tên ${seq - 1}`, phone: null }),
      afterJson: canonicalJson({ name: `Tên ${seq}`, phone: '0912 345 678' }),
    };
    const hash = auditEntryHash(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

const copy = (rows: StoredEntry[]) => rows.map((r) => ({ ...r }));

describe('canonicalJson', () => {
  it('does not depend on the order keys were written in', () => {
    const a = { b: 1, a: { d: [1, { z: true, y: null }], c: 'Đồng Thứ' } };
    const b = { a: { c: 'Đồng Thứ', d: [1, { y: null, z: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"Đồng Thứ","d":[1,{"y":null,"z":true}]},"b":1}');
  });

  it('keeps array order, drops undefined, keeps null', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson({ x: [{ b: 2, a: 1 }] })).toBe('{"x":[{"a":1,"b":2}]}');
  });

  it('passes scalars and dates through like JSON.stringify', () => {
    expect(canonicalJson('chuỗi')).toBe('"chuỗi"');
    expect(canonicalJson(42)).toBe('42');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson({ at: new Date('2026-11-01T00:00:00.000Z') })).toBe('{"at":"2026-11-01T00:00:00.000Z"}');
  });
});

describe('auditEntryHash', () => {
  const base = buildChain(1)[0]!;
  const { prevHash, hash: _hash, ...content } = base;

  it('is a stable sha-256 hex digest', () => {
    expect(auditEntryHash(prevHash, content)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash(prevHash, { ...content })).toBe(auditEntryHash(prevHash, content));
  });

  it('changes when any field changes', () => {
    const original = auditEntryHash(prevHash, content);
    const variants: Partial<AuditContent>[] = [
      { seq: 2 },
      { at: '2026-11-01T08:00:02.000Z' },
      { actorAccountId: 'someone-else' },
      { actorAccountId: null },
      { action: 'member.create' },
      { recordType: 'unit' },
      { recordId: 'rec-2' },
      { recordId: null },
      { unitId: 'unit-9' },
      { unitId: null },
      { beforeJson: '{}' },
      { afterJson: canonicalJson({ name: 'Tên 1', phone: '0912 345 679' }) },
      { afterJson: null },
    ];
    for (const change of variants) {
      expect(auditEntryHash(prevHash, { ...content, ...change }), JSON.stringify(change)).not.toBe(original);
    }
    expect(auditEntryHash('f'.repeat(64), content)).not.toBe(original);
  });

  it('cannot be fooled by moving text between fields', () => {
    const a = auditEntryHash(GENESIS_HASH, { ...content, action: 'a', recordType: 'bc' });
    const b = auditEntryHash(GENESIS_HASH, { ...content, action: 'ab', recordType: 'c' });
    expect(a).not.toBe(b);
  });
});

describe('verifyChainSegment', () => {
  const chain = buildChain(12);

  it('accepts an intact chain and reports its length', () => {
    const result = verifyChainSegment(chain, start());
    expect(result.ok).toBe(true);
    expect(result.count).toBe(12);
    expect(result.state).toEqual({ expectedSeq: 13, prevHash: chain[11]!.hash, count: 12 });
    expect(verifyChainSegment([], start())).toMatchObject({ ok: true, count: 0 });
  });

  it('detects an edited row (hash mismatch at that row)', () => {
    const rows = copy(chain);
    rows[4]!.afterJson = canonicalJson({ name: 'Tên đã sửa', phone: '0912 345 678' });
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: false, brokenSeq: 5, reason: 'hash_mismatch', count: 4 });
  });

  it('detects an edited row even when its own hash was recomputed (the next row no longer links)', () => {
    const rows = copy(chain);
    const row = rows[4]!;
    row.actorAccountId = 'forged';
    row.hash = auditEntryHash(row.prevHash, row);
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: false, brokenSeq: 6, reason: 'prev_hash_mismatch', count: 5 });
  });

  it('detects a deleted row (sequence gap)', () => {
    const rows = copy(chain).filter((r) => r.seq !== 7);
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: false, brokenSeq: 7, reason: 'sequence_gap', count: 6 });
  });

  it('cannot see a cut-off last row except by the count (nothing after it links to it)', () => {
    const rows = copy(chain).slice(0, -1);
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: true, count: 11 });
  });

  it('detects reordered rows', () => {
    // Returned out of seq order.
    const swapped = copy(chain);
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(verifyChainSegment(swapped, start())).toMatchObject({ ok: false, brokenSeq: 3, reason: 'sequence_gap' });
    // Renumbered so the seqs still look right: the links no longer match.
    const renumbered = copy(chain);
    const third = renumbered[2]!;
    const fourth = renumbered[3]!;
    renumbered[2] = { ...fourth, seq: 3 };
    renumbered[3] = { ...third, seq: 4 };
    expect(verifyChainSegment(renumbered, start())).toMatchObject({ ok: false, brokenSeq: 3, reason: 'prev_hash_mismatch', count: 2 });
  });

  it('detects an edited prev_hash', () => {
    const rows = copy(chain);
    rows[8]!.prevHash = 'a'.repeat(64);
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: false, brokenSeq: 9, reason: 'prev_hash_mismatch', count: 8 });
    const first = copy(chain);
    first[0]!.prevHash = 'b'.repeat(64);
    expect(verifyChainSegment(first, start())).toMatchObject({ ok: false, brokenSeq: 1, reason: 'prev_hash_mismatch', count: 0 });
  });

  it('detects an edited hash (the row itself no longer matches)', () => {
    const rows = copy(chain);
    rows[9]!.hash = 'c'.repeat(64);
    expect(verifyChainSegment(rows, start())).toMatchObject({ ok: false, brokenSeq: 10, reason: 'hash_mismatch', count: 9 });
  });

  it('continues across segments exactly like one pass', () => {
    let state = start();
    for (const segment of [chain.slice(0, 5), chain.slice(5, 6), chain.slice(6)]) {
      const result = verifyChainSegment(segment, state);
      expect(result.ok).toBe(true);
      state = result.state;
    }
    expect(state).toEqual(verifyChainSegment(chain, start()).state);
    expect(state.count).toBe(12);
  });

  it('names the right entry when the break is in a later segment', () => {
    const rows = copy(chain);
    rows[7]!.recordId = 'rec-khac';
    const first = verifyChainSegment(rows.slice(0, 5), start());
    expect(first.ok).toBe(true);
    expect(verifyChainSegment(rows.slice(5), first.state)).toMatchObject({ ok: false, brokenSeq: 8, reason: 'hash_mismatch', count: 7 });
  });

  it('notices a gap or a wrong link at a segment boundary', () => {
    const first = verifyChainSegment(chain.slice(0, 5), start());
    // Row 6 lost between pages.
    expect(verifyChainSegment(chain.slice(6), first.state)).toMatchObject({ ok: false, brokenSeq: 6, reason: 'sequence_gap', count: 5 });
    // A segment that does not start where the previous one ended.
    expect(verifyChainSegment(chain.slice(5), { ...first.state, prevHash: GENESIS_HASH })).toMatchObject({
      ok: false,
      brokenSeq: 6,
      reason: 'prev_hash_mismatch',
    });
  });
});
