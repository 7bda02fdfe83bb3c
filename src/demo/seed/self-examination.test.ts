import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, COMMUNE, useDemoApp } from '../../../test/helpers/app.js';
import { verifyAuditChain } from '../../features/audit/service.js';
import { followup, shortcoming } from '../../features/self-examinations/schemas.js';
import { buildDemoCommune } from '../commune.js';
import { buildDemoMeetings } from '../meetings.js';
import { buildDemoSelfExamination } from '../self-examination.js';

const expected = buildDemoSelfExamination(buildDemoCommune(), buildDemoMeetings(buildDemoCommune()));

/**
 * The demo's "tự soi, tự sửa" read back with SQL: what demo-self-examination.test.ts checks on the
 * builder holds for the stored rows, the links between them resolve, and anonymous feedback leaves
 * no trace of its author, on both dialects.
 */
forEachDialect((dialect) => {
  describe('the seeded self-examinations, feedback and correction plans', () => {
    const t = useDemoApp(dialect, {}, { meetings: true, present: false });
    const db = () => t().db.db;
    const count = async (table: 'self_examinations' | 'self_examination_answers' | 'feedback' | 'correction_plans' | 'correction_plan_items' | 'correction_plan_progress') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const accountId = async (username: string) =>
      (await db().selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    it('stores everything the builder made, against the commune’s checklist', async () => {
      expect(await count('self_examinations')).toBe(expected.selfExaminations.length);
      expect(await count('self_examination_answers')).toBe(expected.selfExaminations.reduce((n, e) => n + e.answers.length, 0));
      expect(await count('feedback')).toBe(expected.feedback.length);
      expect(await count('correction_plans')).toBe(expected.plans.length);
      expect(await count('correction_plan_items')).toBe(expected.planItems.length);
      expect(await count('correction_plan_progress')).toBe(expected.planItems.reduce((n, i) => n + i.progress.length, 0));
      const commune = await t().unitId(COMMUNE);
      const versions = await db().selectFrom('checklist_versions').selectAll().execute();
      expect(versions).toHaveLength(1);
      expect(versions[0]!.unit_id).toBe(commune);
      const exams = await db().selectFrom('self_examinations').select(['checklist_version_id', 'period_key', 'year', 'shortcomings_json', 'followups_json']).execute();
      for (const e of exams) {
        expect(e.checklist_version_id).toBe(versions[0]!.id);
        expect(e.period_key).toBe(`Y${e.year}`);
        // The stored lists are exactly what the self-examination API reads and writes.
        z.array(shortcoming).parse(JSON.parse(e.shortcomings_json));
        z.array(followup).parse(JSON.parse(e.followups_json));
      }
      // Answers name items of the version the self-examination was made against, in its unit.
      const strays = await db()
        .selectFrom('self_examination_answers as a')
        .innerJoin('self_examinations as e', 'e.id', 'a.self_examination_id')
        .innerJoin('checklist_items as i', 'i.id', 'a.item_id')
        .select('a.item_id')
        .where((eb) => eb.or([eb('i.version_id', '<>', eb.ref('e.checklist_version_id')), eb('a.unit_id', '<>', eb.ref('e.unit_id'))]))
        .execute();
      expect(strays).toEqual([]);
    });

    it('links feedback given in a meeting to that meeting, and every acceptance to its one plan item', async () => {
      const dongThu = await t().unitId(CELL_DONG_THU);
      const april = await db().selectFrom('meetings').select(['id', 'meeting_date']).where('unit_id', '=', dongThu).where('meeting_date', 'like', '2022-04-%').where('kind', '=', 'regular').executeTakeFirstOrThrow();
      const inApril = await db().selectFrom('feedback').selectAll().where('meeting_id', '=', april.id).execute();
      expect(new Set(inApril.map((f) => f.topic))).toEqual(new Set(['working_style', 'speech', 'behaviour', 'setting_example', 'cell_leadership']));
      for (const f of inApril) expect([f.unit_id, f.given_on]).toEqual([dongThu, april.meeting_date]);
      const misplaced = await db()
        .selectFrom('feedback as f')
        .innerJoin('meetings as m', 'm.id', 'f.meeting_id')
        .select('f.id')
        .where((eb) => eb.or([eb('m.unit_id', '<>', eb.ref('f.unit_id')), eb('m.meeting_date', '<>', eb.ref('f.given_on'))]))
        .execute();
      expect(misplaced).toEqual([]);
      const rows = await db()
        .selectFrom('feedback as f')
        .leftJoin('correction_plan_items as i', 'i.source_feedback_id', 'f.id')
        .leftJoin('correction_plans as p', 'p.id', 'i.plan_id')
        .select(['f.id', 'f.status', 'f.receiver_member_id', 'f.answered_by_member_id', 'i.id as item_id', 'i.member_id', 'i.source_kind', 'p.member_id as plan_member'])
        .execute();
      const byFeedback = new Map<string, typeof rows>();
      for (const r of rows) byFeedback.set(r.id, [...(byFeedback.get(r.id) ?? []), r]);
      for (const list of byFeedback.values()) {
        const f = list[0]!;
        if (f.status !== 'accepted') {
          expect(list.map((r) => r.item_id)).toEqual([null]);
          continue;
        }
        expect(list).toHaveLength(1);
        expect(f).toMatchObject({ source_kind: 'feedback', member_id: f.receiver_member_id ?? f.answered_by_member_id, plan_member: f.receiver_member_id ?? f.answered_by_member_id });
      }
    });

    it('keeps no trace of the anonymous feedback’s author, in the row or in the audit log', async () => {
      const anonymous = await db().selectFrom('feedback').selectAll().where('anonymous', '=', 1).execute();
      expect(anonymous).toHaveLength(1);
      const f = anonymous[0]!;
      expect([f.giver_member_id, f.receiver_member_id, f.direction]).toEqual([null, null, 'upward']);
      expect(f.created_at).toBe(`${f.given_on}T00:00:00.000Z`);
      const entries = await db().selectFrom('audit_log').select(['actor_account_id', 'after_json', 'before_json']).where('record_id', '=', f.id).execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.actor_account_id).toBeNull();
      const members = await db().selectFrom('members').select('id').where('unit_id', '=', f.unit_id).execute();
      for (const m of members) expect(entries[0]!.after_json).not.toContain(m.id);
      expect(JSON.parse(entries[0]!.after_json!)).not.toHaveProperty('giverMemberId');
    });

    it('gives the demo accounts of Đồng Thứ a self-examination page to show', async () => {
      const holder = await t().memberIdOf('dangvien.dongthu');
      const secretary = await accountId('bithu.dongthu');
      const own = await db().selectFrom('self_examinations').selectAll().where('member_id', '=', holder).execute();
      expect(own.length).toBeGreaterThanOrEqual(1);
      for (const e of own) expect([e.status, e.reviewed_by_account_id]).toEqual(['reviewed', secretary]);
      const items = await db().selectFrom('correction_plan_items').select(['status', 'created_by_account_id', 'verified_by_account_id']).where('member_id', '=', holder).execute();
      expect(items.filter((i) => i.status === 'fixed').length).toBeGreaterThan(items.length / 2);
      expect(items.some((i) => i.status === 'open')).toBe(true);
      const holderAccount = await accountId('dangvien.dongthu');
      for (const i of items) {
        expect(i.created_by_account_id).toBe(holderAccount);
        if (i.status === 'fixed') expect(i.verified_by_account_id).toBe(secretary);
      }
      expect((await db().selectFrom('feedback').select('id').where('receiver_member_id', '=', holder).execute()).length).toBeGreaterThanOrEqual(2);
      expect((await db().selectFrom('feedback').select('id').where('giver_member_id', '=', holder).execute()).length).toBeGreaterThanOrEqual(1);
      const reviewed = await db().selectFrom('self_examinations').select('id').where('reviewed_by_account_id', '=', secretary).execute();
      expect(reviewed.length).toBeGreaterThanOrEqual(15);
    });

    it('audits each self-examination, feedback and plan item in the verifiable chain', async () => {
      const byAction = await db().selectFrom('audit_log').select(['action', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('action').execute();
      const counted = Object.fromEntries(byAction.map((r) => [r.action, Number(r.n)]));
      expect(counted).toMatchObject({
        'checklist.load': 1,
        'self_examination.create': await count('self_examinations'),
        'feedback.create': await count('feedback'),
        'correction_item.create': await count('correction_plan_items'),
      });
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
