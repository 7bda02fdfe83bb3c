import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildMemberAccount, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { FeedbackListResponse, FeedbackSummary } from './schemas.js';
import type { MySelfExamResponse } from '../self-examinations/schemas.js';
import type { PlanDetail } from '../correction-plans/schemas.js';
import type { ChecklistResponse } from '../checklist/schemas.js';

const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe('feedback (góp ý): giving, answering, anonymity, grave manifestations', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /** A commune with the checklist, a first cell of 20 members (fresh receivers), and the six staff roles. */
    const { home, staff, as } = useStaffedCommune(t, { membersPerCell: [20, 6], checklist: true });
    const freshMember = () => buildMemberAccount(t(), home().cells[0]!.id);
    let officeOnlyCookie = '';
    beforeAll(async () => {
      officeOnlyCookie = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const officeOnly = () => officeOnlyCookie;

    async function give(who: string, body: Record<string, unknown>): Promise<FeedbackSummary> {
      const res = await call('POST', '/api/feedback', who, { topic: 'working_style', text: 'Đồng chí cần đi sinh hoạt đúng giờ hơn.', ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as FeedbackSummary;
    }
    const feedbackRows = async (id: string) => ({
      feedback: await t().db.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst(),
      items: await t().db.db.selectFrom('correction_plan_items').select('id').where('source_feedback_id', '=', id).execute(),
    });
    const checklist = async () => (await call('GET', '/api/reference/manifestations', staff().member.cookie)).json() as ChecklistResponse;

    type Fixture = { receiver: Awaited<ReturnType<typeof freshMember>>; feedback: FeedbackSummary; dongThu: string };
    let receiver: Fixture['receiver'] | undefined;
    const theReceiver = async () => receiver!.cookie;
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'POST /api/feedback',
        method: 'POST',
        url: () => '/api/feedback',
        missing: () => '/api/feedback',
        body: (f) => ({ direction: 'member_to_member', receiverMemberId: f.receiver.memberId, topic: 'speech', text: 'Phát ngôn trong cuộc họp cần chừng mực hơn.' }),
        missingBody: () => ({ direction: 'member_to_member', receiverMemberId: missingId(), topic: 'speech', text: 'Phát ngôn trong cuộc họp cần chừng mực hơn.' }),
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 201, audit: 'feedback.create', check: (res) => expect(res.json()).toMatchObject({ status: 'open', topic: 'speech', anonymous: false, actions: [] }) },
      }),
      row({
        route: 'GET /api/feedback/:id',
        method: 'GET',
        url: (f) => `/api/feedback/${f.feedback.id}`,
        missing: () => `/api/feedback/${missingId()}`,
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        happy: { who: theReceiver, status: 200, check: (res) => expect(res.json().actions).toEqual(['answer']) },
      }),
      row({
        route: 'POST /api/feedback/:id/answer',
        method: 'POST',
        url: (f) => `/api/feedback/${f.feedback.id}/answer`,
        missing: () => `/api/feedback/${missingId()}/answer`,
        body: () => ({ decision: 'explain', text: 'Hôm đó tôi đi trực lũ, đã báo chi ủy trước.' }),
        // The giver and the secretary see it but it is not theirs to answer.
        forbidden: [officeOnly, as('member'), as('secretary')],
        other: as('otherSecretary'),
        happy: { who: theReceiver, status: 200, audit: 'feedback.answer', check: (res) => expect(res.json()).toMatchObject({ status: 'explained', actions: [] }) },
      }),
      row({
        route: 'GET /api/units/:id/feedback',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/feedback?year=${YEAR}`,
        missing: () => `/api/units/${missingId()}/feedback?year=${YEAR}`,
        forbidden: [as('member'), as('office')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect((res.json() as FeedbackListResponse).items.map((i) => i.id)).toContain(f.feedback.id) },
      }),
      row({
        route: 'GET /api/units/:id/feedback-options',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/feedback-options`,
        missing: () => `/api/units/${missingId()}/feedback-options`,
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 200, check: (res, f) => {
            expect(res.json()).toMatchObject({ asCell: false, selfMemberId: expect.any(String) });
            expect(res.json().members.some((m: { id: string }) => m.id === f.receiver.memberId)).toBe(true);
          },
        },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => {
          receiver = await freshMember();
          const feedback = await give(staff().member.cookie, { direction: 'member_to_member', receiverMemberId: receiver.memberId });
          return { receiver, feedback, dongThu: home().cells[0]!.id };
        },
        state: (f) => feedbackRows(f.feedback.id),
      });
    });

    it('accepting creates the plan item in the same step; answering twice is 409; the receiver sees it on their page and verifies nothing of their own', async () => {
      const r = await freshMember();
      const f = await give(staff().member.cookie, { direction: 'member_to_member', receiverMemberId: r.memberId, topic: 'setting_example' });
      const noPlan = await call('POST', `/api/feedback/${f.id}/answer`, r.cookie, { decision: 'accept' });
      expect(noPlan.statusCode).toBe(400);
      expect(fieldsOf(noPlan)).toEqual(['plan']);
      const past = await call('POST', `/api/feedback/${f.id}/answer`, r.cookie, { decision: 'accept', plan: { action: 'Dọn vật liệu lấn đường', deadline: shiftDate(vnToday(), -1), successCriteria: 'Đường làng thông thoáng' } });
      expect(past.statusCode).toBe(400);
      expect(fieldsOf(past)).toEqual(['plan.deadline']);
      expect((await feedbackRows(f.id)).feedback?.status).toBe('open');
      const accepted = await call('POST', `/api/feedback/${f.id}/answer`, r.cookie, {
        decision: 'accept',
        text: 'Tôi tiếp thu.',
        plan: { action: 'Dọn vật liệu xây dựng lấn ra đường làng', deadline: shiftDate(vnToday(), 14), successCriteria: 'Đường làng thông thoáng, chi ủy xác nhận' },
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const a = accepted.json() as FeedbackSummary;
      expect(a).toMatchObject({ status: 'accepted', answerText: 'Tôi tiếp thu.' });
      expect(a.planItemId).not.toBeNull();
      const plan = (await call('GET', `/api/correction-plans/${a.planId}`, r.cookie)).json() as PlanDetail;
      expect(plan.items.find((i) => i.id === a.planItemId)).toMatchObject({ sourceKind: 'feedback', sourceFeedbackId: f.id, shortcoming: f.text });
      const twice = await call('POST', `/api/feedback/${f.id}/answer`, r.cookie, { decision: 'explain', text: 'Lần hai' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('feedback_answered');
      const page = (await call('GET', '/api/me/self-examination', r.cookie)).json() as MySelfExamResponse;
      expect(page.feedbackReceived.map((x) => x.id)).toContain(f.id);
      const giverPage = (await call('GET', '/api/me/self-examination', staff().member.cookie)).json() as MySelfExamResponse;
      expect(giverPage.feedbackGiven.map((x) => x.id)).toContain(f.id);
    });

    it('anonymous upward feedback keeps no link to its author: not in the row, the audit log, any answer, or the author\'s own page', async () => {
      const author = await freshMember();
      const f = await give(author.cookie, { direction: 'upward', topic: 'cell_leadership', text: 'Chi ủy giao việc còn chung chung, chưa rõ người.', anonymous: true });
      expect(f).toMatchObject({ anonymous: true, giverMemberId: null, giverName: null, receiverMemberId: null });
      const stored = (await feedbackRows(f.id)).feedback!;
      expect(stored.giver_member_id).toBeNull();
      expect(stored.created_at).toBe(`${stored.given_on}T00:00:00.000Z`);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'feedback.create', actor_account_id: null });
      expect(JSON.stringify(entry)).not.toContain(author.memberId);
      expect(JSON.stringify(entry)).not.toContain(author.accountId);
      for (const [who, cookie] of Object.entries({ secretary: staff().secretary.cookie, inspection: staff().inspection.cookie, committee: staff().committee.cookie })) {
        const seen = await call('GET', `/api/feedback/${f.id}`, cookie);
        expect(seen.statusCode, who).toBe(200);
        expect(seen.body).not.toContain(author.memberId);
      }
      const list = await call('GET', `/api/units/${home().cells[0]!.id}/feedback`, staff().inspection.cookie);
      expect(list.body).not.toContain(author.memberId);
      // The author cannot find it again either: nothing links it to them.
      expect((await call('GET', `/api/feedback/${f.id}`, author.cookie)).statusCode).toBe(404);
      const page = (await call('GET', '/api/me/self-examination', author.cookie)).json() as MySelfExamResponse;
      expect(page.feedbackGiven).toEqual([]);
      // The committee answers upward feedback; a plain member may not send anonymous feedback to a member.
      const answered = await call('POST', `/api/feedback/${f.id}/answer`, staff().secretary.cookie, { decision: 'explain', text: 'Chi ủy tiếp thu, từ tháng sau mỗi việc ghi rõ người phụ trách.' });
      expect(answered.statusCode, answered.body).toBe(200);
      const refused = await call('POST', '/api/feedback', author.cookie, { direction: 'member_to_member', receiverMemberId: staff().member.memberId!, topic: 'speech', text: 'x', anonymous: true });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused)).toEqual(['anonymous']);
    });

    it('feedback pointing at a grave manifestation is seen only by the cell committee and UBKT (and its author), never the member it names', async () => {
      const r = await freshMember();
      const db1 = (await checklist()).groups.find((g) => g.code === 'DB')!.items[3]!;
      const f = await give(staff().member.cookie, { direction: 'member_to_member', receiverMemberId: r.memberId, topic: 'speech', text: 'Đồng chí chia sẻ bài viết xuyên tạc trên mạng xã hội.', manifestationItemId: db1.id });
      expect(f.grave).toBe(true);
      expect((await call('GET', `/api/feedback/${f.id}`, r.cookie)).statusCode).toBe(404);
      expect((await call('GET', `/api/feedback/${f.id}`, staff().secretary.cookie)).statusCode).toBe(200);
      expect((await call('GET', `/api/feedback/${f.id}`, staff().inspection.cookie)).statusCode).toBe(200);
      expect((await call('GET', `/api/feedback/${f.id}`, staff().committee.cookie)).statusCode).toBe(404);
      expect((await call('GET', `/api/feedback/${f.id}`, staff().member.cookie)).statusCode).toBe(200);
      const page = (await call('GET', '/api/me/self-examination', r.cookie)).json() as MySelfExamResponse;
      expect(page.feedbackReceived.map((x) => x.id)).not.toContain(f.id);
      const committee = (await call('GET', `/api/units/${home().id}/feedback`, staff().committee.cookie)).json() as FeedbackListResponse;
      expect(committee.items.map((x) => x.id)).not.toContain(f.id);
      // The cell committee records how it is handled; accepting into the member's plan is not offered.
      const accept = await call('POST', `/api/feedback/${f.id}/answer`, staff().secretary.cookie, { decision: 'accept', plan: { action: 'x', deadline: shiftDate(vnToday(), 5), successCriteria: 'y' } });
      expect(accept.statusCode).toBe(400);
      expect(fieldsOf(accept)).toEqual(['decision']);
    });

    it('bad input: one\'s own name, another cell\'s member or meeting, an exemplary point as a manifestation, an upward receiver off the committee', async () => {
      const me = staff().member.memberId!;
      const r = await freshMember();
      const audits = await auditCount(t());
      const self = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'member_to_member', receiverMemberId: me, topic: 'speech', text: 'x' });
      expect(fieldsOf(self)).toEqual(['receiverMemberId']);
      const luuQuangMember = staff().otherSecretary.memberId!;
      const outside = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'member_to_member', receiverMemberId: luuQuangMember, topic: 'speech', text: 'x' });
      expect(outside.statusCode).toBe(404);
      const ng = (await checklist()).groups.find((g) => g.code === 'NG')!.items[0]!;
      const exemplary = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'upward', topic: 'other', text: 'x', manifestationItemId: ng.id });
      expect(fieldsOf(exemplary)).toEqual(['manifestationItemId']);
      const offCommittee = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'upward', receiverMemberId: r.memberId, topic: 'cell_leadership', text: 'x' });
      expect(fieldsOf(offCommittee)).toEqual(['receiverMemberId']);
      const noReceiver = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'member_to_member', topic: 'speech', text: 'x' }, 'en');
      expect(noReceiver.json().error.message).toContain('choose the member the feedback is for');
      expect(await auditCount(t())).toBe(audits);
      // The cell speaks through its committee: a member may not.
      const asCell = await call('POST', '/api/feedback', staff().member.cookie, { direction: 'cell_to_member', receiverMemberId: r.memberId, topic: 'task_performance', text: 'x' });
      expect(asCell.statusCode).toBe(403);
      const cell = await give(staff().secretary.cookie, { direction: 'cell_to_member', receiverMemberId: r.memberId, topic: 'task_performance', text: 'Nhiệm vụ tháng 4 hoàn thành chậm.' });
      expect(cell).toMatchObject({ giverMemberId: null, giverName: home().cells[0]!.name });
    });
  });
});
