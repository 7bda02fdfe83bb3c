import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { seedDemo, type DemoSummary, type SeedOptions } from '../../demo/seed/index.js';
import type { DialectName } from '../../db/dialect.js';
import { verifyAuditChain } from './service.js';

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A freshly seeded demo database of its own, for the test of the demo's chain. */
async function withSeededDatabase(
  dialect: DialectName,
  work: (db: TestDatabase, summary: DemoSummary) => Promise<void>,
  options: SeedOptions = { meetings: false },
): Promise<void> {
  const db = await openTestDatabase(dialect);
  try {
    await work(db, await seedDemo(db, options));
  } finally {
    await db.dispose();
  }
}

/** A database of its own holding a built commune (63 audit entries), for tests that tamper with the chain. */
async function withBuiltDatabase(dialect: DialectName, work: (db: TestDatabase) => Promise<void>): Promise<void> {
  const db = await openTestDatabase(dialect);
  try {
    await buildCommune({ db }, { cells: 2, membersPerCell: 30 });
    expect(await seqs(db)).toHaveLength(63);
    await work(db);
  } finally {
    await db.dispose();
  }
}

async function seqs(db: TestDatabase): Promise<number[]> {
  return (await db.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
}

forEachDialect((dialect) => {
  describe('GET /api/audit', () => {
    const t = useTestApp(dialect);
    const { home, staff } = useStaffedCommune(t, { membersPerCell: [6, 27] });

    /** `who` is a signed-in cookie header value; null = anonymous. */
    async function history(who: string | null, query: Record<string, string>, lang?: string) {
      const headers: Record<string, string> = {};
      if (who) headers.cookie = who;
      if (lang) headers['accept-language'] = lang;
      return t().app.inject({ method: 'GET', url: '/api/audit', headers, query });
    }
    /** The history query of a member: the first cell's plain member unless another is named. */
    const memberQuery = async (memberId = staff().member.memberId!) => ({ recordType: 'member', recordId: memberId });

    describe('who may call it', () => {
      const rows: AccessRow<{ memberId: string }>[] = [
        {
          route: 'GET /api/audit',
          method: 'GET',
          url: (f) => `/api/audit?recordType=member&recordId=${f.memberId}`,
          missing: () => `/api/audit?recordType=member&recordId=${missingId()}`,
          // The office keeps the records but never reads their trail (separation of duties).
          forbidden: [() => staff().office.cookie, () => staff().secretary.cookie, () => staff().member.cookie],
          other: async () => (await buildAccount(t(), { roles: [{ role: 'inspection', unitId: home().cells[1]!.id }] })).cookie,
          happy: {
            who: () => staff().inspection.cookie,
            status: 200,
            check: (res, f) => expect((res.json().items as Entry[]).map((i) => i.recordId)).toContain(f.memberId),
          },
        },
      ];
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ memberId: staff().member.memberId! }),
        state: (f) => t().db.db.selectFrom('audit_log').select('seq').where('record_id', '=', f.memberId).orderBy('seq').execute(),
      });
    });

    it('is 403 for the office even for a record with no history: the role decides first', async () => {
      expect((await history(staff().office.cookie, { recordType: 'member', recordId: missingId() })).statusCode).toBe(403);
    });

    it('is 404 for a record with no history, and for a record outside the caller\'s scope', async () => {
      const missing = await history(staff().inspection.cookie, { recordType: 'member', recordId: missingId() });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe('Không tìm thấy bản ghi.');
      const wrongType = await history(staff().inspection.cookie, { recordType: 'unit', recordId: staff().member.memberId! });
      expect(wrongType.statusCode).toBe(404);
      expect(wrongType.body).toBe(missing.body);
      const { cookie } = await buildAccount(t(), { roles: [{ role: 'inspection', unitId: home().cells[1]!.id }] });
      const other = await history(cookie, await memberQuery());
      const otherMissing = await history(cookie, { recordType: 'member', recordId: missingId() });
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(otherMissing.body);
      expect((await history(cookie, await memberQuery(staff().otherSecretary.memberId!))).statusCode).toBe(200);
    });

    it('rejects bad queries with 400 naming the field', async () => {
      const badId = await history(staff().inspection.cookie, { recordType: 'member', recordId: 'khong-phai' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields).toEqual([{ field: 'recordId', message: 'Mã bản ghi (recordId): sai định dạng (mã định danh UUID)' }]);
      const noType = await history(staff().inspection.cookie, { recordId: missingId() }, 'en');
      expect(noType.statusCode).toBe(400);
      expect(noType.json().error.fields).toEqual([{ field: 'recordType', message: 'recordType: is required' }]);
      const big = await history(staff().inspection.cookie, { ...(await memberQuery()), pageSize: '101' });
      expect(big.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['pageSize']);
    });

    it('shows inspection and the committee the history, newest first, with before and after', async () => {
      const id = staff().member.memberId!;
      const old = await t().db.db.selectFrom('members').select(['phone', 'birth_year']).where('id', '=', id).executeTakeFirstOrThrow();
      const patch = await t().app.inject({
        method: 'PATCH',
        url: `/api/members/${id}`,
        headers: { cookie: staff().office.cookie },
        payload: { phone: '0988 777 666' },
      });
      expect(patch.statusCode).toBe(200);
      const vanphong = await t().db.db.selectFrom('accounts').select(['id', 'display_name']).where('id', '=', staff().office.accountId).executeTakeFirstOrThrow();

      for (const [who, cookie] of Object.entries({ inspection: staff().inspection.cookie, committee: staff().committee.cookie })) {
        const res = await history(cookie, await memberQuery());
        expect(res.statusCode, who).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
        const items = body.items as Entry[];
        expect(items.map((i) => i.action)).toEqual(['member.update', 'member.create']);
        expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
        expect(items[0]).toMatchObject({ recordType: 'member', recordId: id, actorId: vanphong.id, actorName: vanphong.display_name });
        expect(items[0]!.before).toMatchObject({ phone: old.phone, birthYear: old.birth_year });
        expect(items[0]!.after).toMatchObject({ phone: '0988 777 666', birthYear: old.birth_year });
        expect(Date.parse(items[0]!.at)).not.toBeNaN();
        // The base data was loaded by the system, not by a person.
        expect(items[1]).toMatchObject({ actorId: null, actorName: null, before: null });
        expect(items[1]!.after).toMatchObject({ source: 'factory', unitId: home().cells[0]!.id });
      }
      const page2 = await history(staff().inspection.cookie, { ...(await memberQuery()), page: '2', pageSize: '1' });
      expect(page2.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect((page2.json().items as Entry[]).map((i) => i.action)).toEqual(['member.create']);
    });

    it('shows the history of a unit too', async () => {
      const res = await history(staff().inspection.cookie, { recordType: 'unit', recordId: home().cells[0]!.id });
      expect(res.statusCode).toBe(200);
      expect((res.json().items as Entry[]).at(-1)).toMatchObject({ action: 'unit.create', recordType: 'unit' });
    });
  });

  describe('audit chain under concurrent writes', () => {
    const t = useTestApp(dialect);
    const { home, staff } = useStaffedCommune(t, { membersPerCell: [6, 27] });

    it('stays intact and gapless with 20 member updates at once', async () => {
      const cookie = staff().office.cookie;
      const members = await t()
        .db.db.selectFrom('members')
        .select('id')
        .where('unit_id', '=', home().cells[1]!.id)
        .orderBy('sort_key')
        .limit(20)
        .execute();
      expect(members).toHaveLength(20);
      const before = await auditCount(t());
      const results = await Promise.all(
        members.map((m, i) =>
          t().app.inject({
            method: 'PATCH',
            url: `/api/members/${m.id}`,
            headers: { cookie },
            payload: { phone: `0977 000 ${String(100 + i)}` },
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
      expect(await auditCount(t())).toBe(before + 20);
      const all = await seqs(t().db);
      expect(all).toEqual(all.map((_, i) => i + 1));
      const lastHash = (await t().db.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).hash;
      expect(await verifyAuditChain(t().db)).toEqual({ ok: true, count: all.length, headHash: lastHash });
      const updates = await t()
        .db.db.selectFrom('audit_log')
        .select('record_id')
        .where('action', '=', 'member.update')
        .where('record_id', 'in', members.map((m) => m.id))
        .execute();
      expect(updates.map((u) => u.record_id).sort()).toEqual(members.map((m) => m.id).sort());
    });

    it('loses no field when several people edit one member at the same time, and each entry starts where the last ended', async () => {
      const cookie = staff().committee.cookie;
      const id = staff().otherSecretary.memberId!;
      const mark = Math.max(...(await seqs(t().db)));
      const patches: Record<string, unknown>[] = [
        { phone: '0966 555 444' },
        { birthYear: 1971 },
        { gender: 'other' },
        { joinedOn: '1999-09-02' },
        { officialOn: '2000-09-02' },
        { status: 'probationary' },
        { middleName: 'Đồng Thời' },
        { cardNumber: `CC-${dialect}` },
        { familyName: 'Song' },
        { givenName: 'Hành' },
      ];
      const results = await Promise.all(
        patches.map((payload) => t().app.inject({ method: 'PATCH', url: `/api/members/${id}`, headers: { cookie }, payload })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(patches.length).fill(200));

      const final = (await t().app.inject({ method: 'GET', url: `/api/members/${id}`, headers: { cookie } })).json();
      expect(final).toMatchObject(Object.assign({}, ...patches));
      expect(final.fullName).toBe('Song Đồng Thời Hành');

      const entries = await t()
        .db.db.selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('record_type', '=', 'member')
        .where('record_id', '=', id)
        .where('action', '=', 'member.update')
        .where('seq', '>', mark)
        .orderBy('seq')
        .execute();
      expect(entries).toHaveLength(patches.length);
      for (let i = 1; i < entries.length; i++) expect(JSON.parse(entries[i]!.before_json!), `entry ${i}`).toEqual(JSON.parse(entries[i - 1]!.after_json!));
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });

  describe('verifyAuditChain', () => {
    it('accepts the seeded chain, one entry per unit, member, account, rubric, meeting, directive, task and commitment', async () => {
      await withSeededDatabase(dialect, async (db, summary) => {
        expect(summary.meetings).toBe(400 + summary.present.meetingsHeld + summary.present.meetingsPlanned);
        const count = summary.auditEntries;
        const byAction = await db.db
          .selectFrom('audit_log')
          .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('action')
          .execute();
        const counted = Object.fromEntries(byAction.map((r) => [r.action, Number(r.n)]));
        expect(counted).toMatchObject({
          'unit.create': summary.units,
          'member.create': summary.members,
          'meeting.create': summary.meetings,
          'directive.create': summary.directives,
          'task.create': summary.tasks,
          'commitment.create': summary.commitments,
        });
        expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBe(count);
        expect(await seqs(db)).toHaveLength(count);
        const { hash: headHash } = await db.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
        expect(await verifyAuditChain(db)).toEqual({ ok: true, count, headHash });
        // Paging through the table gives the same answer whatever the page size.
        expect(await verifyAuditChain(db, 7)).toEqual({ ok: true, count, headHash });
      }, { meetings: true });
      // Seeds the whole demo (2022 and this year, the rating's reviews, votes and decisions through their services).
    }, 120_000);

    it('names an entry whose content was edited in the database', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        await db.db.updateTable('audit_log').set({ after_json: '{"name":"Sửa lén"}' }).where('seq', '=', 10).execute();
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: 9, brokenSeq: 10, reason: 'hash_mismatch' });
        expect(await verifyAuditChain(db, 4)).toEqual({ ok: false, count: 9, brokenSeq: 10, reason: 'hash_mismatch' });
      });
    });

    it('names the gap left by a deleted entry', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        await db.db.deleteFrom('audit_log').where('seq', '=', 50).execute();
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: 49, brokenSeq: 50, reason: 'sequence_gap' });
        // A gap that falls exactly on a page boundary is found too.
        expect(await verifyAuditChain(db, 49)).toEqual({ ok: false, count: 49, brokenSeq: 50, reason: 'sequence_gap' });
      });
    });

    it('names an entry whose hash was edited', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        await db.db.updateTable('audit_log').set({ hash: 'f'.repeat(64) }).where('seq', '=', 30).execute();
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: 29, brokenSeq: 30, reason: 'hash_mismatch' });
      });
    });

    it('names an entry whose prev_hash was edited', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        await db.db.updateTable('audit_log').set({ prev_hash: '0'.repeat(64) }).where('seq', '=', 40).execute();
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: 39, brokenSeq: 40, reason: 'prev_hash_mismatch' });
      });
    });

    it('names two entries that swapped places', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        await db.db.transaction().execute(async (trx) => {
          await trx.updateTable('audit_log').set({ seq: -20 }).where('seq', '=', 20).execute();
          await trx.updateTable('audit_log').set({ seq: 20 }).where('seq', '=', 21).execute();
          await trx.updateTable('audit_log').set({ seq: 21 }).where('seq', '=', -20).execute();
        });
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: 19, brokenSeq: 20, reason: 'prev_hash_mismatch' });
      });
    });

    it('names the last entry when it was edited after later writes', async () => {
      await withBuiltDatabase(dialect, async (db) => {
        const last = Math.max(...(await seqs(db)));
        await sql`update audit_log set actor_account_id = ${'ai-do'} where seq = ${last}`.execute(db.db);
        expect(await verifyAuditChain(db)).toEqual({ ok: false, count: last - 1, brokenSeq: last, reason: 'hash_mismatch' });
      });
    });
  });
});
