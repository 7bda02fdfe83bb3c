import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, CELL_LUU_QUANG, COMMUNE, useDemoApp, type DemoUsername } from '../../../test/helpers/app.js';
import { verifyAuditChain } from '../../features/audit/service.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import type { InspectionDetail, InspectionListResponse, InspectionOverview, InspectionSummary } from '../../features/inspections/schemas.js';
import type { MemberDisciplineResponse } from '../../features/discipline/schemas.js';

/**
 * The committee's inspection and supervision as the seeded demo serves it: the 2022 story through
 * the UBKT's eyes, the member's reprimand, and this year's programme under way (seeded as of
 * today, the day the server counts from).
 */
forEachDialect((dialect) => {
  describe('the seeded inspection and supervision', () => {
    const t = useDemoApp(dialect, {}, { meetings: true });
    const get = async <T>(url: string, as: DemoUsername): Promise<T> => {
      const res = await t().app.inject({ method: 'GET', url, headers: { cookie: await t().login(as) } });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json() as T;
    };
    const list2022 = async () => (await get<InspectionListResponse>(`/api/inspections?unitId=${await t().unitId(COMMUNE)}&year=2022`, 'ubkt')).items;
    const dongThuThematic = (items: InspectionSummary[]) => items.find((c) => c.kindCode === 'supervision_thematic' && c.subject.unitName === CELL_DONG_THU)!;

    it('lists the five kinds of 2022 for the UBKT, every case closed; Đồng Thứ’s thematic supervision with its three recommendations fixed', async () => {
      const items = await list2022();
      expect(new Set(items.map((c) => c.kindCode))).toEqual(new Set(['supervision_thematic', 'supervision_regular', 'inspection_signs_of_violation', 'denunciation']));
      expect(items.filter((c) => c.kindCode === 'supervision_regular')).toHaveLength(25);
      expect(items.filter((c) => c.kindCode === 'supervision_thematic').map((c) => c.subject.unitName).sort()).toEqual([CELL_DONG_THU, CELL_LUU_QUANG].sort());
      expect(items.every((c) => c.status === 'closed' && c.lateSteps === 0)).toBe(true);
      expect(dongThuThematic(items).recommendationCounts).toEqual({ total: 3, fixed: 3, open: 0, overdue: 0 });
      expect(items.find((c) => c.kindCode === 'denunciation')).toBeTruthy();
    });

    it('shows the Đồng Thứ case’s steps in order, none late, with evidence links to the cell’s real first-quarter meetings and tasks linked both ways', async () => {
      const c = await get<InspectionDetail>(`/api/inspections/${dongThuThematic(await list2022()).id}`, 'ubkt');
      const done = c.steps.filter((s) => s.entry);
      expect(done.map((s) => s.code)).toEqual(['decision', 'plan', 'notice', 'subject_report', 'verification', 'draft_report', 'result_report', 'conclusion', 'follow_up']);
      const dates = done.map((s) => s.entry!.doneOn);
      expect([...dates].sort()).toEqual(dates);
      expect(c.steps.filter((s) => s.late)).toEqual([]);
      const evidence = done.find((s) => s.code === 'verification')!.entry!.evidence;
      const db = t().db.db;
      const meetings = await db.selectFrom('meetings').select(['id', 'meeting_date']).where('unit_id', '=', await t().unitId(CELL_DONG_THU)).where('meeting_date', '<', '2022-04-01').orderBy('meeting_date').execute();
      expect(meetings.length).toBeGreaterThanOrEqual(3);
      expect(evidence.map((e) => e.recordId).sort()).toEqual(meetings.map((m) => m.id).sort());
      expect(evidence.every((e) => e.recordType === 'meeting')).toBe(true);
      const april = (await db.selectFrom('meetings').select('meeting_date').where('unit_id', '=', await t().unitId(CELL_DONG_THU)).where('kind', '=', 'regular').where('meeting_date', 'like', '2022-04%').executeTakeFirstOrThrow()).meeting_date;
      expect(c.conclusion!.concludedOn < april).toBe(true);
      const secretary = await t().memberIdOf('bithu.dongthu');
      for (const r of c.recommendations) {
        expect(r.status).toBe('fixed');
        expect(r.verifiedOn! > april).toBe(true);
        const task = await db.selectFrom('tasks').selectAll().where('id', '=', r.followUp!.id).executeTakeFirstOrThrow();
        expect(task).toMatchObject({ source_kind: 'inspection', source_inspection_id: c.id, owner_member_id: secretary, status: 'on_time' });
      }
    });

    it('records the member’s khiển trách from the inspection, decided by the UBKT', async () => {
      const inspection = (await list2022()).find((c) => c.kindCode === 'inspection_signs_of_violation')!;
      const record = await get<MemberDisciplineResponse>(`/api/members/${inspection.subject.memberId}/discipline`, 'ubkt');
      expect(record.items).toHaveLength(1);
      expect(record.items[0]).toMatchObject({ formCode: 'reprimand', formName: 'Khiển trách', decidingBody: 'inspection_committee', sourceInspectionId: inspection.id, memberStatus: 'official' });
      const denunciation = await get<InspectionDetail>(`/api/inspections/${(await list2022()).find((c) => c.kindCode === 'denunciation')!.id}`, 'ubkt');
      expect(denunciation).toMatchObject({ status: 'closed', complaint: { verdict: 'unfounded' } });
      expect(denunciation.complaint!.complainantName).toBeTruthy();
      expect(denunciation.complaint!.receivedOn! <= denunciation.decidedOn).toBe(true);
    });

    it('shows Đồng Thứ’s secretary this year’s case waiting for the cell’s report', async () => {
      const mine = await get<{ items: InspectionSummary[] }>('/api/me/inspections', 'bithu.dongthu');
      const waiting = mine.items.filter((c) => c.status === 'open' && c.nextStep === 'subject_report');
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.subject.unitName).toBe(CELL_DONG_THU);
      expect(waiting[0]!.decidedOn <= todayInVietnam()).toBe(true);
    });

    it('gives the UBKT’s overview something in every section', async () => {
      const o = await get<InspectionOverview>(`/api/inspections/overview?unitId=${await t().unitId(COMMUNE)}`, 'ubkt');
      expect(o.programmes.length).toBeGreaterThanOrEqual(1);
      expect(o.programmes[0]!.status).toBe('adopted');
      expect(o.openCases).toBeGreaterThanOrEqual(2);
      expect(o.lateCases.length).toBeGreaterThanOrEqual(1);
      expect(o.waitingForSubject.map((c) => c.subject.unitName)).toContain(CELL_DONG_THU);
      expect(o.overdueRecommendations.length).toBeGreaterThanOrEqual(1);
    });

    it('keeps the audit chain whole', async () => {
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
