import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, useDemoApp } from '../../../test/helpers/app.js';
import { verifyAuditChain } from '../../features/audit/service.js';

/**
 * The present as stored, seeded on a chosen day: beside the untouched 2022 story, this year's
 * meetings, tasks, commitments and "tự soi, tự sửa", every record with its history.
 */
forEachDialect((dialect) => {
  describe('the seeded present (7 December 2026)', () => {
    const t = useDemoApp(dialect, {}, { meetings: true, today: '2026-12-07' });
    const db = () => t().db.db;

    it('holds Đồng Thứ’s meetings approved up to November and December’s planned; tasks open and overdue by days; no 2022 task open', async () => {
      const dongThu = await t().unitId(CELL_DONG_THU);
      const meetings = await db().selectFrom('meetings').select(['meeting_date', 'status', 'att_pending', 'kind']).where('unit_id', '=', dongThu).where('meeting_date', '>=', '2026-01-01').orderBy('meeting_date').execute();
      // Eleven regular meetings and a thematic one in each quarter's middle month (the fourth is in November).
      expect(meetings.map((m) => m.status)).toEqual([...Array(15).fill('approved'), 'planned']);
      expect(meetings.filter((m) => m.kind === 'thematic').map((m) => m.meeting_date.slice(0, 7))).toEqual(['2026-02', '2026-05', '2026-08', '2026-11']);
      expect(meetings.at(-1)!.meeting_date > '2026-12-07').toBe(true);
      expect(Number(meetings.at(-1)!.att_pending)).toBeGreaterThan(10);
      const open = await db().selectFrom('tasks').select(['deadline', 'created_at']).where('status', '=', 'open').execute();
      expect(open.filter((x) => x.created_at < '2023').length).toBe(0);
      expect(open.filter((x) => x.deadline < '2026-12-07').length).toBeGreaterThan(0);
      for (const x of open) expect(x.deadline >= '2026-11-16').toBe(true);
    });

    it('stores this year’s commitments, self-examinations, feedback waiting and correction items', async () => {
      const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
      expect(await count(db().selectFrom('commitments').where('year', '=', 2026).where('confirmed_at', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBeGreaterThan(1500);
      expect(await count(db().selectFrom('self_examinations').where('period_key', '=', 'Q2026-4').where('status', '<>', 'draft').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBeGreaterThan(100);
      expect(await count(db().selectFrom('feedback').where('status', '=', 'open').where('given_on', '>=', '2026-11-01').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBeGreaterThan(20);
      expect(await count(db().selectFrom('correction_plan_items').where('status', '=', 'open').where('deadline', '>=', '2026-12-07').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBeGreaterThan(50);
      expect(await count(db().selectFrom('citizen_feedback').where('created_at', '>=', '2026-11-01').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBeGreaterThanOrEqual(3);
    });

    it('keeps the audit chain whole', async () => {
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
