import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { ddmmyyyy, requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { allMarked } from '../../../test/helpers/selfexam.js';
import { buildAccount, buildCommune, buildMemberAccount, buildMeeting, loadChecklist, useStaffedCommune, type BuiltCell } from '../../../test/helpers/factories.js';
import type { AccessLogResponse, MySelfExamResponse, SelfExamDetail, StatsResponse } from './schemas.js';
import type { PlanDetail } from '../correction-plans/schemas.js';
import type { MyWork } from '../my-work/schemas.js';

const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe('self-examinations (tự soi): opening, drafting, submitting, reviewing, privacy', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /**
     * A commune with the checklist: the staff's own cell ("Đồng Thứ", 25 members to draw fresh
     * ones from), the other secretary's ("Lưu Quang", 10), and a third ("Cơ quan") where the
     * committee, the inspection and the office are members; the six staff roles.
     */
    const { home, staff, as } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang', 'Cơ quan'], membersPerCell: [25, 10, 6], checklist: true });
    /** A fresh member of a cell (the staff's own unless named) with an account. */
    const freshMember = (cellId = home().cells[0]!.id) => buildMemberAccount(t(), cellId);
    let officeOnlyCookie = '';
    beforeAll(async () => {
      officeOnlyCookie = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const officeOnly = async () => officeOnlyCookie;

    async function open(cookie: string, body: Record<string, unknown> = { periodKind: 'year', year: YEAR }): Promise<SelfExamDetail> {
      const res = await call('POST', '/api/self-examinations', cookie, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as SelfExamDetail;
    }
    async function save(cookie: string, e: SelfExamDetail, content: Record<string, unknown> = {}, revision = e.revision) {
      return call('PUT', `/api/self-examinations/${e.id}/draft`, cookie, { revision, strengths: '', answers: [], shortcomings: [], followups: [], ...content });
    }
    const examRows = async (id: string) => ({
      exam: await t().db.db.selectFrom('self_examinations').selectAll().where('id', '=', id).executeTakeFirst(),
      answers: await t().db.db.selectFrom('self_examination_answers').selectAll().where('self_examination_id', '=', id).orderBy('item_id').execute(),
    });
    async function submitted(cookie: string, extra: Record<string, unknown> = {}) {
      const e = await open(cookie);
      const saved = await save(cookie, e, { answers: allMarked(e), ...extra });
      expect(saved.statusCode, saved.body).toBe(200);
      const res = await call('POST', `/api/self-examinations/${e.id}/submit`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SelfExamDetail;
    }

    // --- the endpoint × case matrix ---------------------------------------------------------

    type Fixture = { member: Awaited<ReturnType<typeof freshMember>>; exam: SelfExamDetail; dongThu: string; meetingId: string };
    const thematicMeeting = async () => {
      const res = await call('POST', '/api/meetings', staff().secretary.cookie, {
        unitId: home().cells[0]!.id,
        kind: 'thematic',
        topic: 'Tự soi, tự sửa theo Nghị quyết Trung ương 4',
        date: shiftDate(vnToday(), 7),
        startTime: '19:30',
        place: 'Nhà văn hóa thôn Đồng Thứ',
        agenda: [{ title: 'Đảng viên tự soi, góp ý' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    /** The fixture's own member: the happy caller of the rows that write the member's own record. */
    let owner: Fixture['member'] | undefined;
    const theOwner = async () => owner!.cookie;
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'POST /api/self-examinations',
        method: 'POST',
        url: () => '/api/self-examinations',
        missing: () => '/api/self-examinations',
        // A thematic self-examination names the meeting: another cell's answers like a missing one.
        body: (f) => ({ periodKind: 'thematic', year: Number(vnToday().slice(0, 4)) === YEAR ? Number(shiftDate(vnToday(), 7).slice(0, 4)) : YEAR, meetingId: f.meetingId }),
        missingBody: () => ({ periodKind: 'thematic', year: YEAR, meetingId: missingId() }),
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 201, audit: 'self_examination.create', check: (res) => expect(res.json()).toMatchObject({ status: 'draft', periodKind: 'thematic', own: true, actions: ['edit', 'submit'] }) },
      }),
      row({
        route: 'GET /api/self-examinations/:id',
        method: 'GET',
        url: (f) => `/api/self-examinations/${f.exam.id}`,
        missing: () => `/api/self-examinations/${missingId()}`,
        // The office (though a member of its own cell) and a fellow member read nobody's.
        forbidden: [as('office'), as('member'), officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'read.self_examination', check: (res, f) => expect(res.json()).toMatchObject({ id: f.exam.id, own: false, actions: [] }) },
      }),
      row({
        route: 'PUT /api/self-examinations/:id/draft',
        method: 'PUT',
        url: (f) => `/api/self-examinations/${f.exam.id}/draft`,
        missing: () => `/api/self-examinations/${missingId()}/draft`,
        body: (f) => ({ revision: f.exam.revision, strengths: 'Chấp hành tốt chủ trương, nghị quyết', answers: allMarked(f.exam), shortcomings: [], followups: [] }),
        forbidden: [as('office'), as('member')],
        other: as('otherSecretary'),
        happy: { who: theOwner, status: 200, audit: 'self_examination.save_draft', check: (res) => expect(res.json().revision).toBe(1) },
      }),
      row({
        route: 'POST /api/self-examinations/:id/submit',
        method: 'POST',
        url: (f) => `/api/self-examinations/${f.exam.id}/submit`,
        missing: () => `/api/self-examinations/${missingId()}/submit`,
        forbidden: [as('office'), as('member')],
        other: as('otherSecretary'),
        happy: { who: theOwner, status: 200, audit: 'self_examination.submit', check: (res) => expect(res.json()).toMatchObject({ status: 'submitted', actions: [] }) },
      }),
      row({
        route: 'POST /api/self-examinations/:id/review',
        method: 'POST',
        url: (f) => `/api/self-examinations/${f.exam.id}/review`,
        missing: () => `/api/self-examinations/${missingId()}/review`,
        body: () => ({ comment: 'Tự soi nghiêm túc; cần khắc phục việc đi họp muộn.' }),
        // UBKT supervises but does not review; the office and members do not either.
        forbidden: [as('office'), as('inspection'), as('member')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'self_examination.review', check: (res) => expect(res.json()).toMatchObject({ status: 'reviewed', reviewComment: 'Tự soi nghiêm túc; cần khắc phục việc đi họp muộn.' }) },
      }),
      row({
        route: 'GET /api/units/:id/self-examination-stats',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/self-examination-stats?period=${YEAR}`,
        missing: () => `/api/units/${missingId()}/self-examination-stats?period=${YEAR}`,
        forbidden: [as('office'), as('member')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect((res.json() as StatsResponse).memberRows.some((r) => r.selfExamId === f.exam.id)).toBe(true) },
      }),
    ];

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async (r) => {
          const member = await freshMember();
          owner = member;
          // The plans exist already, so each happy call writes exactly one entry.
          await call('POST', '/api/correction-plans', member.cookie, { year: YEAR });
          await call('POST', '/api/correction-plans', staff().member.cookie, { year: Number(shiftDate(vnToday(), 7).slice(0, 4)) });
          const exam = await open(member.cookie);
          if (r.route.endsWith('/submit') || r.route.endsWith('/review')) expect((await save(member.cookie, exam, { answers: allMarked(exam) })).statusCode).toBe(200);
          if (r.route.endsWith('/review')) expect((await call('POST', `/api/self-examinations/${exam.id}/submit`, member.cookie)).statusCode).toBe(200);
          // The happy caller of the write rows is the fixture's member (the staff's member account stands in for the matrix's refusals).
          const meetingId = r.route === 'POST /api/self-examinations' ? await thematicMeeting() : '';
          return { member, exam, dongThu: home().cells[0]!.id, meetingId };
        },
        state: (f) => examRows(f.exam.id),
      });
    });

    // --- the member's own page -----------------------------------------------------------------

    it('GET /api/me/self-examination and /api/me/access-log: 401 anonymous, 403 without a member record, the caller\'s own only', async () => {
      for (const url of ['/api/me/self-examination', '/api/me/access-log']) {
        expect(t().app.hasRoute({ method: 'GET', url })).toBe(true);
        const anonymous = await call('GET', url, null);
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json().error.code).toBe('unauthorized');
        const office = await call('GET', url, await officeOnly());
        expect(office.statusCode, office.body).toBe(403);
      }
      const member = await freshMember();
      const exam = await open(member.cookie);
      const mine = (await call('GET', '/api/me/self-examination', member.cookie)).json() as MySelfExamResponse;
      expect(mine.memberId).toBe(member.memberId);
      expect(mine.selfExaminations.map((e) => e.id)).toEqual([exam.id]);
      expect(mine.suggested.find((s) => s.periodKind === 'year')).toMatchObject({ year: YEAR, existingId: exam.id, label: `Năm ${YEAR}` });
      expect(mine.plans.map((p) => p.year)).toEqual([YEAR]);
      const other = (await call('GET', '/api/me/self-examination', staff().otherSecretary.cookie)).json() as MySelfExamResponse;
      expect(other.selfExaminations.map((e) => e.id)).not.toContain(exam.id);
    });

    it('offers the cell\'s coming thematic meeting as a period to prepare for, and opens it against that meeting', async () => {
      const member = await freshMember();
      const meetingId = await thematicMeeting();
      const date = shiftDate(vnToday(), 7);
      const before = (await call('GET', '/api/me/self-examination', member.cookie)).json() as MySelfExamResponse;
      const { askedBy, ...offered } = before.suggested.find((s) => s.meetingId === meetingId)!;
      // The cell's soonest coming thematic meeting is the one asked for (this suite schedules several on one day).
      expect(before.suggested[0]!.askedBy).toBe('thematic_meeting');
      expect(askedBy).toBe(before.suggested[0]!.meetingId === meetingId ? 'thematic_meeting' : null);
      expect(offered).toEqual({
        periodKind: 'thematic',
        year: Number(date.slice(0, 4)),
        quarter: null,
        meetingId,
        meetingDate: date,
        topic: 'Tự soi, tự sửa theo Nghị quyết Trung ương 4',
        label: `Sinh hoạt chuyên đề ${ddmmyyyy(date)}`,
        existingId: null,
      });
      const opened = await call('POST', '/api/self-examinations', member.cookie, { periodKind: 'thematic', year: offered.year, meetingId });
      expect(opened.statusCode, opened.body).toBe(201);
      const after = (await call('GET', '/api/me/self-examination', member.cookie)).json() as MySelfExamResponse;
      expect(after.suggested.find((s) => s.meetingId === meetingId)?.existingId).toBe(opened.json().id);
      // Another cell's members are not offered it.
      const elsewhere = (await call('GET', '/api/me/self-examination', staff().otherSecretary.cookie)).json() as MySelfExamResponse;
      expect(elsewhere.suggested.map((s) => s.meetingId)).not.toContain(meetingId);
    });

    it('puts first the period the cell asked for: the one its other members opened, then its coming thematic meeting', async () => {
      const commune = await buildCommune(t(), { cells: 1, membersPerCell: 4 });
      await loadChecklist(t(), commune.id);
      const cell = commune.cells[0]!;
      const [a, b, c] = [await freshMember(cell.id), await freshMember(cell.id), await freshMember(cell.id)];
      const mine = async () => ((await call('GET', '/api/me/self-examination', a.cookie)).json() as MySelfExamResponse).suggested;
      const quarter = Math.floor((Number(vnToday().slice(5, 7)) - 1) / 3) + 1;

      // Nothing says yet: the year, then the quarter, none asked for.
      expect((await mine()).map((s) => [s.periodKind, s.askedBy])).toEqual([['year', null], ['quarter', null]]);

      // Two others of the cell work by the quarter: that comes first (what a member opened alone does not count).
      await open(a.cookie, { periodKind: 'year', year: YEAR });
      for (const other of [b, c]) await open(other.cookie, { periodKind: 'quarter', year: YEAR, quarter });
      expect((await mine()).map((s) => [s.periodKind, s.askedBy])).toEqual([['quarter', 'cell'], ['year', null]]);

      // A thematic meeting is called: preparing for it comes first.
      const secretary = await buildAccount(t(), { roles: [{ role: 'cell_secretary', unitId: cell.id }] });
      const date = shiftDate(vnToday(), 10);
      const meeting = await buildMeeting(t(), secretary.cookie, { unitId: cell.id, date, kind: 'thematic', topic: 'Nêu gương' });
      expect((await mine()).map((s) => [s.periodKind, s.meetingId, s.askedBy])).toEqual([
        ['thematic', meeting.id, 'thematic_meeting'],
        ['year', null, null],
        ['quarter', null, null],
      ]);
    });

    // --- the lifecycle ---------------------------------------------------------------------------

    it('opens once per period, saves the whole draft by revision, refuses stale saves and marks of another version, submits into plan items', async () => {
      const member = await freshMember();
      const e = await open(member.cookie);
      expect(e.checklist.groups.map((g) => [g.code, g.items.length])).toEqual([
        ['CT', 9],
        ['DD', 9],
        ['DB', 9],
        ['NG', 10],
      ]);
      expect(e.checklist.groups.every((g) => g.items.every((i) => !i.confirmed && i.textSource !== undefined))).toBe(true);
      const again = await call('POST', '/api/self-examinations', member.cookie, { periodKind: 'year', year: YEAR });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('self_exam_exists');
      // The period fields together: a quarter without its number, a meeting on a yearly one.
      const bad = await call('POST', '/api/self-examinations', member.cookie, { periodKind: 'quarter', year: YEAR - 5, meetingId: missingId() });
      expect(bad.statusCode).toBe(404);
      const bad2 = await call('POST', '/api/self-examinations', member.cookie, { periodKind: 'quarter', year: YEAR - 5 });
      expect(bad2.statusCode).toBe(400);
      expect(fieldsOf(bad2)).toEqual(['year', 'quarter']);

      const ct4 = e.checklist.groups[0]!.items[3]!;
      const shortcoming = {
        key: crypto.randomUUID(),
        text: 'Còn đi sinh hoạt chi bộ muộn',
        causeKind: 'subjective',
        cause: 'Chưa sắp xếp công việc gia đình hợp lý',
        plan: { action: 'Sắp xếp việc nhà để có mặt trước giờ họp 10 phút', deadline: shiftDate(vnToday(), 60), successCriteria: 'Ba kỳ sinh hoạt liên tiếp đến đúng giờ' },
      };
      const first = await save(member.cookie, e, { strengths: 'Gương mẫu ', answers: allMarked(e, { [ct4.code]: 'at_risk' }), shortcomings: [shortcoming] });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().revision).toBe(1);
      // A second tab still at revision 0 cannot overwrite it.
      const stale = await save(member.cookie, e, { strengths: 'bản cũ' }, 0);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('self_exam_stale');
      const kept = (await call('GET', `/api/self-examinations/${e.id}`, member.cookie)).json() as SelfExamDetail;
      // Text is kept exactly as typed (the trailing space too).
      expect(kept.strengths).toBe('Gương mẫu ');
      expect(kept.answers.find((a) => a.itemId === ct4.id)?.mark).toBe('at_risk');
      expect(kept.marked).toEqual({ atRisk: 1, present: 0 });

      // An item of another checklist version, a mark of the other list: 400 naming the field, nothing written.
      const before = await examRows(e.id);
      const foreign = await save(member.cookie, kept, { answers: [{ itemId: missingId(), mark: 'none' }, { itemId: ct4.id, mark: 'good' }] });
      expect(foreign.statusCode).toBe(400);
      expect(fieldsOf(foreign)).toEqual(['answers.0.itemId', 'answers.1.mark']);
      expect(await examRows(e.id)).toEqual(before);

      const submit = await call('POST', `/api/self-examinations/${e.id}/submit`, member.cookie);
      expect(submit.statusCode, submit.body).toBe(200);
      const done = submit.json() as SelfExamDetail;
      expect(done).toMatchObject({ status: 'submitted', actions: [] });
      expect(done.planItemIds).toHaveLength(1);
      const plan = (await call('GET', `/api/correction-plans/${done.planId}`, member.cookie)).json() as PlanDetail;
      expect(plan.items[0]).toMatchObject({ shortcoming: 'Còn đi sinh hoạt chi bộ muộn', sourceKind: 'self_examination', sourceSelfExaminationId: e.id, status: 'open' });
      // Submitted: no more saving.
      const late = await save(member.cookie, done, { strengths: 'sửa sau khi nộp' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('self_exam_not_draft');
      expect((await lastAudit(t())).action).toBe('correction_item.create');
    });

    it('submitting needs every item marked (400 naming answers, in Vietnamese and English); a complete proposed correction needs its deadline', async () => {
      const member = await freshMember();
      const e = await open(member.cookie);
      await save(member.cookie, e, { answers: allMarked(e).slice(0, 20) });
      const vi = await call('POST', `/api/self-examinations/${e.id}/submit`, member.cookie);
      expect(vi.statusCode).toBe(400);
      expect(fieldsOf(vi)).toEqual(['answers']);
      expect(vi.json().error.message).toContain('còn 7 biểu hiện + 10 nội dung nêu gương chưa đánh giá');
      const en = await call('POST', `/api/self-examinations/${e.id}/submit`, member.cookie, undefined, 'en');
      expect(en.json().error.message).toContain('7 manifestations + 10 exemplary points are not marked yet');
      const fresh = (await call('GET', `/api/self-examinations/${e.id}`, member.cookie)).json() as SelfExamDetail;
      await save(member.cookie, fresh, {
        answers: allMarked(fresh),
        shortcomings: [{ key: crypto.randomUUID(), text: 'Ngại góp ý', causeKind: 'subjective', cause: 'Nể nang', plan: { action: 'Góp ý thẳng thắn', deadline: null, successCriteria: '' } }],
      });
      const res = await call('POST', `/api/self-examinations/${e.id}/submit`, member.cookie);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['shortcomings.0.plan.successCriteria', 'shortcomings.0.plan.deadline']);
      expect((await examRows(e.id)).exam?.status).toBe('draft');
    });

    it('review: the secretary once, never their own; reads by others are logged and shown to the member, own reads are not', async () => {
      const member = await freshMember();
      const e = await submitted(member.cookie);
      await call('GET', `/api/self-examinations/${e.id}`, member.cookie);
      const log0 = (await call('GET', '/api/me/access-log', member.cookie)).json() as AccessLogResponse;
      expect(log0.total).toBe(0);

      const reviewed = await call('POST', `/api/self-examinations/${e.id}/review`, staff().secretary.cookie, { comment: 'Đồng ý với bản tự soi.' });
      expect(reviewed.statusCode, reviewed.body).toBe(200);
      const twice = await call('POST', `/api/self-examinations/${e.id}/review`, staff().secretary.cookie, { comment: 'Lần hai' });
      expect(twice.statusCode).toBe(409);
      expect((await call('GET', `/api/self-examinations/${e.id}`, staff().inspection.cookie)).statusCode).toBe(200);
      expect((await call('GET', `/api/self-examinations/${e.id}`, staff().committee.cookie)).statusCode).toBe(200);
      expect((await call('GET', `/api/correction-plans/${e.planId}`, staff().secretary.cookie)).statusCode).toBe(200);

      const log = (await call('GET', '/api/me/access-log', member.cookie)).json() as AccessLogResponse;
      expect(log.total).toBe(3);
      expect(log.items.map((i) => [i.recordType, i.viewerRoles])).toEqual([
        ['correction_plan', ['cell_secretary']],
        ['self_examination', ['party_committee']],
        ['self_examination', ['inspection']],
      ]);
      expect(log.items[1]).toMatchObject({ recordLabel: `Năm ${YEAR}`, recordPeriod: { periodKind: 'year', year: YEAR, quarter: null, meetingDate: null } });
      // The secretary's own self-examination: reviewing it is refused with a reason.
      const secretary = await open(staff().secretary.cookie);
      await save(staff().secretary.cookie, secretary, { answers: allMarked(secretary) });
      await call('POST', `/api/self-examinations/${secretary.id}/submit`, staff().secretary.cookie);
      const own = await call('POST', `/api/self-examinations/${secretary.id}/review`, staff().secretary.cookie, { comment: 'Tốt' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('self_exam_review_own');
    });

    it('the office never reads a self-examination, a plan or the statistics, even its own cell\'s', async () => {
      const coQuan = home().cells[2]!;
      const e = await submitted((await freshMember()).cookie);
      const audits = await auditCount(t());
      expect((await call('GET', `/api/self-examinations/${e.id}`, staff().office.cookie)).statusCode).toBe(403);
      expect((await call('GET', `/api/correction-plans/${e.planId}`, staff().office.cookie)).statusCode).toBe(403);
      expect((await call('GET', `/api/units/${coQuan.id}/self-examination-stats?period=${YEAR}`, staff().office.cookie)).statusCode).toBe(403);
      expect((await call('GET', `/api/units/${home().id}/self-examination-stats?period=${YEAR}`, await officeOnly())).statusCode).toBe(403);
      expect(await auditCount(t())).toBe(audits);
    });

    it('a checklist edit makes a new version; submitted self-examinations keep the wording they were made against', async () => {
      const member = await freshMember();
      const e = await submitted(member.cookie);
      const item = e.checklist.groups[0]!.items[2]!;
      const edited = await call('PATCH', `/api/reference/checklist-items/${item.id}`, staff().committee.cookie, { text: `${item.text} (đã đối chiếu)`, note: 'Đối chiếu với văn bản Nghị quyết' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().versionId).not.toBe(e.checklist.versionId);
      const again = (await call('GET', `/api/self-examinations/${e.id}`, member.cookie)).json() as SelfExamDetail;
      expect(again.checklist.versionId).toBe(e.checklist.versionId);
      expect(again.checklist.current).toBe(false);
      expect(again.checklist.groups[0]!.items[2]!.text).toBe(item.text);
      // A new one is opened against the new version; marking the old version's items is refused.
      const next = await open(member.cookie, { periodKind: 'quarter', year: YEAR, quarter: 1 });
      expect(next.checklist.versionId).toBe(edited.json().versionId);
      const old = await save(member.cookie, next, { answers: allMarked(e) });
      expect(old.statusCode).toBe(400);
      expect(fieldsOf(old)).toHaveLength(37);
    });

    it('statistics: counts of each manifestation only for 5 or more self-examinations ("too few to show" below)', async () => {
      const luuQuang = home().cells[1]!.id;
      const stats = async () => (await call('GET', `/api/units/${luuQuang}/self-examination-stats?period=${YEAR}`, staff().inspection.cookie)).json() as StatsResponse;
      expect((await stats()).manifestations).toBeNull();
      for (let i = 0; i < 4; i++) await submitted((await freshMember(home().cells[1]!.id)).cookie);
      const four = await stats();
      expect(four.submitted).toBe(4);
      expect(four.manifestations).toBeNull();
      const fifth = await freshMember(home().cells[1]!.id);
      const e = await open(fifth.cookie);
      await save(fifth.cookie, e, { answers: allMarked(e, { CT5: 'present', DD1: 'at_risk' }) });
      await call('POST', `/api/self-examinations/${e.id}/submit`, fifth.cookie);
      const five = await stats();
      expect(five.submitted).toBe(5);
      expect(five.manifestations).toHaveLength(27);
      expect(five.manifestations!.find((m) => m.code === 'CT5')).toMatchObject({ present: 1, atRisk: 0 });
      expect(five.manifestations!.find((m) => m.code === 'DD1')).toMatchObject({ present: 0, atRisk: 1 });
      expect(five.memberRows.filter((r) => r.status === 'submitted')).toHaveLength(5);
      // The commune's view: a row per cell.
      const commune = (await call('GET', `/api/units/${home().id}/self-examination-stats?period=${YEAR}`, staff().committee.cookie)).json() as StatsResponse;
      expect(commune.cellRows.find((r) => r.unitId === luuQuang)).toMatchObject({ submitted: 5 });
      expect(commune.memberRows).toEqual([]);
      const bad = await call('GET', `/api/units/${luuQuang}/self-examination-stats?period=2022-Q5`, staff().inspection.cookie);
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['period']);
    });

    it('the boards\' "overdue correction items" and "feedback per member per month" are counts of the lists behind them', async () => {
      // A commune of its own: 30 members in a cell, 6 in another, so that a few feedbacks make a small rate.
      const commune = await buildCommune(t(), { membersPerCell: [30, 6] });
      await loadChecklist(t(), commune.id);
      const [cell, quiet] = commune.cells as [BuiltCell, BuiltCell];
      const committee = await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: commune.id }] });
      const member = await buildMemberAccount(t(), cell.id);
      const giver = await buildMemberAccount(t(), cell.id);
      const today = vnToday();

      // The member's correction items: last year's plan carries one unfixed past its deadline and
      // one fixed; this year's has one claimed fixed only after its deadline and one still to come.
      const itemBody = { shortcoming: 'Còn nể nang khi góp ý', action: 'Góp ý thẳng thắn mỗi kỳ sinh hoạt', deadline: shiftDate(today, 30), successCriteria: 'Biên bản ghi ý kiến' };
      const planWith = async (year: number, count: number) => {
        const plan = (await call('POST', '/api/correction-plans', member.cookie, { year })).json() as PlanDetail;
        let detail = plan;
        for (let i = 0; i < count; i++) detail = (await call('POST', `/api/correction-plans/${plan.id}/items`, member.cookie, itemBody)).json() as PlanDetail;
        return detail.items.map((i) => i.id);
      };
      const [carried, carriedFixed] = await planWith(YEAR - 1, 2) as [string, string];
      const [claimedLate, coming] = await planWith(YEAR, 2) as [string, string];
      const set = (id: string, patch: { deadline: string; status: 'open' | 'claimed' | 'fixed'; claimed_on?: string | null; verified_on?: string | null }) =>
        t().db.db.updateTable('correction_plan_items').set(patch).where('id', '=', id).execute();
      await set(carried, { deadline: `${YEAR - 1}-11-30`, status: 'open' });
      await set(carriedFixed, { deadline: `${YEAR - 1}-10-31`, status: 'fixed', claimed_on: `${YEAR - 1}-10-20`, verified_on: `${YEAR - 1}-10-25` });
      await set(claimedLate, { deadline: shiftDate(today, -3), status: 'claimed', claimed_on: shiftDate(today, -1) });
      expect(coming).toBeTruthy();

      // Four feedbacks to the member in the period.
      for (let i = 0; i < 4; i++) {
        const res = await call('POST', '/api/feedback', giver.cookie, { direction: 'member_to_member', receiverMemberId: member.memberId, topic: 'working_style', text: `Góp ý lần ${i + 1}: cần đến họp đúng giờ.` });
        expect(res.statusCode, res.body).toBe(201);
      }

      const stats = async (unitId: string) => (await call('GET', `/api/units/${unitId}/self-examination-stats?period=${YEAR}`, committee.cookie)).json() as StatsResponse;
      const [board, cellBoard] = [await stats(commune.id), await stats(cell.id)];
      // The list the overdue figure counts is the member's home: the same items, by the same rule.
      const home = (await call('GET', '/api/me/work', member.cookie)).json() as MyWork;
      const homeOverdue = home.corrections.overdue.map((i) => i.id).sort();
      expect(homeOverdue).toEqual([carried, claimedLate].sort());
      expect(board.plan.overdue).toBe(homeOverdue.length);
      expect(board.cellRows.find((r) => r.unitId === cell.id)!.planOverdue).toBe(homeOverdue.length);
      expect(board.cellRows.find((r) => r.unitId === quiet.id)!.planOverdue).toBe(0);
      expect(cellBoard.plan.overdue).toBe(homeOverdue.length);
      expect(cellBoard.memberRows.find((r) => r.memberId === member.memberId)!.planOverdue).toBe(homeOverdue.length);
      expect(cellBoard.dueItems.filter((i) => i.overdue).map((i) => i.id).sort()).toEqual(homeOverdue);

      // Feedback per member per month: the unit's feedback list of the period, over its members and the months so far.
      const listed = (await call('GET', `/api/units/${commune.id}/feedback?year=${YEAR}&pageSize=100`, committee.cookie)).json() as { total: number };
      expect(listed.total).toBe(4);
      const months = Number(today.slice(5, 7));
      expect(board.feedback.given).toBe(listed.total);
      expect(board.memberCount).toBe(36);
      expect(board.feedback.perMemberPerMonth).toBeGreaterThan(0);
      expect(board.feedback.perMemberPerMonth! * board.memberCount * months).toBeCloseTo(listed.total, 9);
      const cellRow = board.cellRows.find((r) => r.unitId === cell.id)!;
      expect(cellRow.feedbackGiven).toBe(listed.total);
      expect(cellRow.feedbackPerMemberPerMonth! * cellRow.memberCount * months).toBeCloseTo(listed.total, 9);
    });
  });
});
