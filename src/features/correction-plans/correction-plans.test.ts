import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildMemberAccount, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { PlanDetail } from './schemas.js';
import type { StatsResponse } from '../self-examinations/schemas.js';
import type { MyWork } from '../my-work/schemas.js';

const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe('correction plans (tự sửa): items, progress, verification', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /** A commune with the checklist, a first cell of 16 members (fresh plan owners), and the six staff roles. */
    const { home, staff, as } = useStaffedCommune(t, { membersPerCell: [16, 6], checklist: true });
    const freshMember = () => buildMemberAccount(t(), home().cells[0]!.id);
    let officeOnlyCookie = '';
    beforeAll(async () => {
      officeOnlyCookie = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const officeOnly = async () => officeOnlyCookie;
    const item = (extra: Record<string, unknown> = {}) => ({
      shortcoming: 'Còn nể nang, ngại va chạm khi góp ý đồng chí khác',
      action: 'Mỗi kỳ sinh hoạt góp ý thẳng thắn ít nhất một ý kiến',
      deadline: shiftDate(vnToday(), 30),
      successCriteria: 'Biên bản ba kỳ liên tiếp ghi ý kiến góp ý của đồng chí',
      ...extra,
    });
    async function planOf(cookie: string): Promise<PlanDetail> {
      const res = await call('POST', '/api/correction-plans', cookie, { year: YEAR });
      expect([200, 201], res.body).toContain(res.statusCode);
      return res.json() as PlanDetail;
    }
    async function withItem(cookie: string): Promise<PlanDetail> {
      const plan = await planOf(cookie);
      const res = await call('POST', `/api/correction-plans/${plan.id}/items`, cookie, item());
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as PlanDetail;
    }
    const planRows = async (id: string) => ({
      items: await t().db.db.selectFrom('correction_plan_items').selectAll().where('plan_id', '=', id).orderBy('id').execute(),
      plans: await t().db.db.selectFrom('correction_plans').select('id').execute(),
    });

    type Fixture = { member: Awaited<ReturnType<typeof freshMember>>; plan: PlanDetail };
    let owner: Fixture['member'] | undefined;
    const theOwner = async () => owner!.cookie;
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'GET /api/correction-plans/:id',
        method: 'GET',
        url: (f) => `/api/correction-plans/${f.plan.id}`,
        missing: () => `/api/correction-plans/${missingId()}`,
        forbidden: [as('office'), as('member')],
        other: as('otherSecretary'),
        happy: { who: as('inspection'), status: 200, audit: 'read.correction_plan', check: (res) => expect(res.json().actions).toEqual([]) },
      }),
      row({
        route: 'POST /api/correction-plans/:id/items',
        method: 'POST',
        url: (f) => `/api/correction-plans/${f.plan.id}/items`,
        missing: () => `/api/correction-plans/${missingId()}/items`,
        body: () => item(),
        // The secretary reads it but does not write a member's own plan.
        forbidden: [as('office'), as('secretary')],
        other: as('otherSecretary'),
        happy: { who: theOwner, status: 201, audit: 'correction_item.create', check: (res) => expect(res.json().items).toHaveLength(2) },
      }),
      row({
        route: 'POST /api/correction-plans/:id/items/:itemId/progress',
        method: 'POST',
        url: (f) => `/api/correction-plans/${f.plan.id}/items/${f.plan.items[0]!.id}/progress`,
        missing: (f) => `/api/correction-plans/${f.plan.id}/items/${missingId()}/progress`,
        body: () => ({ note: 'Kỳ họp tháng này đã góp ý cho đồng chí tổ trưởng', claimFixed: true }),
        forbidden: [as('office'), as('secretary')],
        other: as('otherSecretary'),
        happy: { who: theOwner, status: 201, audit: 'correction_item.claim', check: (res) => expect(res.json().items[0]).toMatchObject({ status: 'claimed', claimedOn: vnToday(), actions: ['progress'] }) },
      }),
      row({
        route: 'POST /api/correction-plans/:id/items/:itemId/verify',
        method: 'POST',
        url: (f) => `/api/correction-plans/${f.plan.id}/items/${f.plan.items[0]!.id}/verify`,
        missing: (f) => `/api/correction-plans/${f.plan.id}/items/${missingId()}/verify`,
        body: () => ({ decision: 'fixed', comment: 'Chi ủy xác nhận đã khắc phục' }),
        // UBKT supervises, it does not verify; the member never verifies their own.
        forbidden: [as('office'), as('inspection'), theOwner],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'correction_item.verify', check: (res) => expect(res.json().items[0]).toMatchObject({ status: 'fixed', fixedOnTime: true, verifiedOn: vnToday() }) },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => {
          owner = await freshMember();
          return { member: owner, plan: await withItem(owner.cookie) };
        },
        state: (f) => planRows(f.plan.id),
      });
    });

    it('POST /api/correction-plans: 401 anonymous, 403 without a member record, 201 the first time and 200 after, only the caller\'s own', async () => {
      expect((await call('POST', '/api/correction-plans', null, { year: YEAR })).statusCode).toBe(401);
      const office = await call('POST', '/api/correction-plans', await officeOnly(), { year: YEAR });
      expect(office.statusCode).toBe(403);
      const m = await freshMember();
      const first = await call('POST', '/api/correction-plans', m.cookie, { year: YEAR });
      expect(first.statusCode).toBe(201);
      const second = await call('POST', '/api/correction-plans', m.cookie, { year: YEAR });
      expect(second.statusCode).toBe(200);
      expect(second.json().id).toBe(first.json().id);
      expect(first.json().memberId).toBe(m.memberId);
      const far = await call('POST', '/api/correction-plans', m.cookie, { year: YEAR + 5 });
      expect(fieldsOf(far)).toEqual(['year']);
    });

    it('returned with a reason, reported again, verified; overdue items show on the cell board; verifying one\'s own is refused with a reason', async () => {
      const m = await freshMember();
      let plan = await withItem(m.cookie);
      const id = plan.items[0]!.id;
      const noReason = await call('POST', `/api/correction-plans/${plan.id}/items/${id}/verify`, staff().secretary.cookie, { decision: 'returned' });
      expect(noReason.statusCode).toBe(400);
      expect(fieldsOf(noReason)).toEqual(['comment']);
      plan = (await call('POST', `/api/correction-plans/${plan.id}/items/${id}/verify`, staff().secretary.cookie, { decision: 'returned', comment: 'Chưa thấy góp ý trong biên bản' })).json() as PlanDetail;
      expect(plan.items[0]).toMatchObject({ status: 'returned', verificationComment: 'Chưa thấy góp ý trong biên bản' });
      plan = (await call('POST', `/api/correction-plans/${plan.id}/items/${id}/progress`, m.cookie, { note: 'Đã góp ý tại kỳ họp', claimFixed: true })).json() as PlanDetail;
      plan = (await call('POST', `/api/correction-plans/${plan.id}/items/${id}/verify`, staff().secretary.cookie, { decision: 'fixed' })).json() as PlanDetail;
      expect(plan.items[0]!.progress.map((p) => p.kind)).toEqual(['returned', 'claimed', 'fixed']);
      expect(plan.counts).toMatchObject({ total: 1, fixed: 1, fixedOnTime: 1 });
      const again = await call('POST', `/api/correction-plans/${plan.id}/items/${id}/progress`, m.cookie, { note: 'thêm' });
      expect(again.statusCode).toBe(409);

      const past = await call('POST', `/api/correction-plans/${plan.id}/items`, m.cookie, item({ deadline: shiftDate(vnToday(), -3) }));
      expect(past.statusCode).toBe(400);
      expect(fieldsOf(past)).toEqual(['deadline']);
      // An overdue item (written straight to the table, with a deadline already past).
      await t().db.db.updateTable('correction_plan_items').set({ deadline: shiftDate(vnToday(), -2), status: 'open' }).where('id', '=', id).execute();
      const board = (await call('GET', `/api/units/${home().cells[0]!.id}/self-examination-stats?period=${YEAR}`, staff().secretary.cookie)).json() as StatsResponse;
      expect(board.dueItems.find((d) => d.id === id)).toMatchObject({ overdue: true });
      expect(board.memberRows.find((r) => r.memberId === m.memberId)).toMatchObject({ planOverdue: 1 });
      // …and on the member's own home, "Việc của tôi", with one due soon; nobody else's home shows them.
      const soon = await call('POST', `/api/correction-plans/${plan.id}/items`, m.cookie, item({ deadline: shiftDate(vnToday(), 5) }));
      const soonId = (soon.json() as PlanDetail).items.at(-1)!.id;
      const later = await call('POST', `/api/correction-plans/${plan.id}/items`, m.cookie, item({ deadline: shiftDate(vnToday(), 40) }));
      expect(later.statusCode).toBe(201);
      const work = (await call('GET', '/api/me/work', m.cookie)).json() as MyWork;
      expect(work.corrections.overdue).toEqual([{ id, planId: plan.id, year: YEAR, shortcoming: item().shortcoming, deadline: shiftDate(vnToday(), -2), status: 'open', overdue: true }]);
      expect(work.corrections.dueSoon.map((c) => c.id)).toEqual([soonId]);
      const secretaryWork = (await call('GET', '/api/me/work', staff().secretary.cookie)).json() as MyWork;
      expect([...secretaryWork.corrections.overdue, ...secretaryWork.corrections.dueSoon].map((c) => c.id)).not.toContain(id);
      // Reported fixed, it waits for the cell committee: no longer the member's to do.
      await call('POST', `/api/correction-plans/${plan.id}/items/${soonId}/progress`, m.cookie, { note: 'Đã làm xong', claimFixed: true });
      expect(((await call('GET', '/api/me/work', m.cookie)).json() as MyWork).corrections.dueSoon).toEqual([]);

      const secretary = await withItem(staff().secretary.cookie);
      const own = await call('POST', `/api/correction-plans/${secretary.id}/items/${secretary.items[0]!.id}/verify`, staff().secretary.cookie, { decision: 'fixed' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('plan_item_verify_own');
    });
  });
});
