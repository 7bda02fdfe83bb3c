/** Meetings: who may call each endpoint, creating and changing a meeting, what it decides. */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { accessMatrix, fieldsOf, type AccessRow, type Who } from '../../../test/helpers/access.js';
import { buildMeeting } from '../../../test/helpers/factories.js';
import { cellRoster, localInstant, meetingRows, requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { expectTalliesMatchRecount, meetingFixtures, type MeetingFixture as Fixture } from '../../../test/helpers/meeting-fixtures.js';
import type { MeetingDetail, TaskSummary } from './schemas.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

forEachDialect((dialect) => {
  describe('meetings: rights, lifecycle, outcomes', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const {
      home,
      staff,
      as,
      officeOnly,
      officeLuuQuang,
      committeeDongThu,
      noRole,
      freshPastDate,
      dongThu,
      nameOf,
      newMeeting,
      newMeetingBody,
      rubricBody,
      oneRowCsv,
    } = meetingFixtures(t);

    // --- the endpoint × case matrix ---------------------------------------------------------

    /** A row of the table, with the state of the fixture meeting the request works on. */
    type Row = AccessRow<Fixture> & { setup?: 'planned' | 'held' | 'approved' };

    const meetingUrl = (suffix = '') => ({
      url: (f: Fixture) => `/api/meetings/${f.meeting.id}${suffix}`,
      missing: () => `/api/meetings/${missingId()}${suffix}`,
    });
    const managers: Who[] = [as('member'), as('office')];
    const readersOnlyBy: Who[] = [officeOnly, noRole];
    /** The secretary of another cell (Lưu Quang): Đồng Thứ's records are outside their scope. */
    const other: Who = as('otherSecretary');

    const rows: Row[] = [
      {
        route: 'GET /api/units/:id/meetings',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/meetings`,
        missing: () => `/api/units/${missingId()}/meetings`,
        forbidden: readersOnlyBy,
        other,
        happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().items.map((i: { id: string }) => i.id)).toContain(f.meeting.id) },
      },
      {
        route: 'GET /api/units/:id/meeting-options',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/meeting-options`,
        missing: () => `/api/units/${missingId()}/meeting-options`,
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect(res.json().openTasks.map((x: TaskSummary) => x.id)).toContain(f.taskId) },
      },
      {
        route: 'GET /api/units/:id/attendance-stats',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/attendance-stats`,
        missing: () => `/api/units/${missingId()}/attendance-stats`,
        forbidden: managers,
        other,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.json().unitName).toBe(home().cells[0]!.name) },
      },
      {
        route: 'GET /api/members/:id/attendance-stats',
        method: 'GET',
        url: (f) => `/api/members/${f.secretaryId}/attendance-stats`,
        missing: () => `/api/members/${missingId()}/attendance-stats`,
        // A member asking for another member's record; the office has no report right at all.
        forbidden: [as('member'), as('office')],
        other,
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect(res.json().memberId).toBe(f.secretaryId) },
      },
      {
        route: 'POST /api/meetings',
        method: 'POST',
        url: () => '/api/meetings',
        missing: () => '/api/meetings',
        body: (f) => newMeetingBody(f.unitId),
        missingBody: () => newMeetingBody(missingId()),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 201, audit: 'meeting.create' },
      },
      {
        route: 'GET /api/meetings/:id',
        method: 'GET',
        ...meetingUrl(),
        forbidden: readersOnlyBy,
        other,
        happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().id).toBe(f.meeting.id) },
      },
      {
        route: 'PATCH /api/meetings/:id',
        method: 'PATCH',
        ...meetingUrl(),
        body: () => ({ place: 'Hội trường thôn Đồng Thứ' }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.update', check: (res) => expect(res.json().place).toBe('Hội trường thôn Đồng Thứ') },
      },
      {
        route: 'DELETE /api/meetings/:id',
        method: 'DELETE',
        ...meetingUrl(),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 204, audit: 'meeting.delete' },
      },
      {
        route: 'PUT /api/meetings/:id/agenda',
        method: 'PUT',
        ...meetingUrl('/agenda'),
        body: (f) => ({ items: f.meeting.agenda.map((a) => ({ id: a.id, title: a.title, minutes: 'Chi bộ thảo luận, thống nhất.' })) }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.agenda' },
      },
      {
        route: 'PUT /api/meetings/:id/attendance',
        method: 'PUT',
        ...meetingUrl('/attendance'),
        body: (f) => ({ entries: [{ memberId: f.people[0], status: 'present', arrivedAt: localInstant(f.meeting.date, '19:25') }] }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.attendance' },
      },
      {
        route: 'POST /api/meetings/:id/attendance/import',
        method: 'POST',
        ...meetingUrl('/attendance/import'),
        body: async (f) => ({ fileName: 'diem-danh.csv', contentBase64: await oneRowCsv(f) }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.attendance_import' },
      },
      {
        route: 'POST /api/meetings/:id/outcomes',
        method: 'POST',
        ...meetingUrl('/outcomes'),
        body: (f) => ({ agendaItemId: f.meeting.agenda[0]!.id, kind: 'information', text: 'Thôn hoàn thành kế hoạch thu thuế.' }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 201, audit: 'meeting.outcome_add' },
      },
      {
        route: 'DELETE /api/meetings/:id/outcomes/:outcomeId',
        method: 'DELETE',
        url: (f) => `/api/meetings/${f.meeting.id}/outcomes/${f.outcomeId}`,
        missing: (f) => `/api/meetings/${missingId()}/outcomes/${f.outcomeId}`,
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.outcome_remove' },
      },
      {
        route: 'POST /api/meetings/:id/hold',
        method: 'POST',
        ...meetingUrl('/hold'),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.hold', check: (res) => expect(res.json().status).toBe('held') },
      },
      {
        route: 'POST /api/meetings/:id/approve',
        method: 'POST',
        setup: 'held',
        ...meetingUrl('/approve'),
        // The cell committee runs meetings but only the secretary signs the minutes.
        forbidden: [as('member'), committeeDongThu, as('office')],
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.approve', check: (res) => expect(res.json().status).toBe('approved') },
      },
      {
        route: 'POST /api/meetings/:id/reopen',
        method: 'POST',
        setup: 'approved',
        ...meetingUrl('/reopen'),
        body: () => ({ reason: 'Bổ sung ý kiến phát biểu còn thiếu' }),
        forbidden: [as('member'), committeeDongThu, as('office')],
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.reopen', check: (res) => expect(res.json().status).toBe('held') },
      },
      {
        route: 'PUT /api/meetings/:id/score',
        method: 'PUT',
        ...meetingUrl('/score'),
        body: () => ({ items: [{ code: 'prepare', points: 8 }] }),
        forbidden: managers,
        other,
        happy: { who: as('secretary'), status: 200, audit: 'meeting.score', check: (res) => expect(res.json().scoreTotal).toBe(8) },
      },
      {
        route: 'GET /api/meetings/:id/minutes.docx',
        method: 'GET',
        ...meetingUrl('/minutes.docx'),
        forbidden: readersOnlyBy,
        other,
        happy: { who: as('member'), status: 200, check: (res) => expect(res.headers['content-type']).toBe(DOCX) },
      },
      {
        route: 'GET /api/meeting-rubrics',
        method: 'GET',
        url: (f) => `/api/meeting-rubrics?unitId=${f.unitId}`,
        missing: () => `/api/meeting-rubrics?unitId=${missingId()}`,
        forbidden: [noRole],
        other,
        happy: {
          who: as('committee'),
          status: 200,
          url: (f) => `/api/meeting-rubrics?unitId=${f.communeId}`,
          check: (res) => expect(res.json().items.some((r: { kind: string; retired: boolean }) => r.kind === 'regular' && !r.retired)).toBe(true),
        },
      },
      {
        route: 'POST /api/meeting-rubrics',
        method: 'POST',
        url: () => '/api/meeting-rubrics',
        missing: () => '/api/meeting-rubrics',
        body: (f) => rubricBody(f.unitId),
        missingBody: () => rubricBody(missingId()),
        forbidden: [as('secretary'), as('member')],
        other: officeLuuQuang,
        happy: { who: as('office'), status: 201, audit: 'rubric.create', body: (f) => rubricBody(f.communeId, 'Mẫu chuyên đề (ma trận quyền)') },
      },
    ];

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: ['routes', 'attendance-routes', 'outcome-routes', 'minutes-routes', 'rubric-routes', 'report-routes'].map(
          (name) => new URL(`./${name}.ts`, import.meta.url),
        ),
        rows,
        fixture: (row) => newMeeting(row.setup ?? 'planned'),
        state: (f) => meetingRows(t(), f.meeting.id),
      });

      it('the office, a member of another cell, reads no Đồng Thứ meeting (404 like a missing one)', async () => {
        // The office is also a member of the Số 1 cell: it may read meetings somewhere, so a
        // Đồng Thứ meeting is outside its scope rather than beyond its role.
        const f = await newMeeting();
        const res = await call('GET', `/api/meetings/${f.meeting.id}`, staff().office.cookie);
        const missing = await call('GET', `/api/meetings/${missingId()}`, staff().office.cookie);
        expect(res.statusCode).toBe(404);
        expect(res.body).toBe(missing.body);
        // ...and it never manages one.
        expect((await call('POST', `/api/meetings/${f.meeting.id}/hold`, staff().office.cookie)).statusCode).toBe(403);
      });

      it('the commune committee and the inspection read Đồng Thứ meetings; only the committee changes them', async () => {
        const f = await newMeeting();
        const detail = async (who: string) => (await call('GET', `/api/meetings/${f.meeting.id}`, who)).json().allowedActions;
        expect(await detail(staff().committee.cookie)).toEqual(['meeting.manage', 'meeting.approve', 'audit.read']);
        expect(await detail(staff().inspection.cookie)).toEqual(['audit.read']);
        expect(await detail(staff().secretary.cookie)).toEqual(['meeting.manage', 'meeting.approve']);
        expect(await detail(await committeeDongThu())).toEqual(['meeting.manage']);
        expect(await detail(staff().member.cookie)).toEqual([]);
        expect((await call('PATCH', `/api/meetings/${f.meeting.id}`, staff().inspection.cookie, { place: 'UBKT' })).statusCode).toBe(403);
        const byCommittee = await call('PATCH', `/api/meetings/${f.meeting.id}`, await committeeDongThu(), { place: 'Nhà ông trưởng thôn' });
        expect(byCommittee.statusCode, byCommittee.body).toBe(200);
      });
    });

    // --- creating and changing a meeting ----------------------------------------------------

    describe('creating and changing', () => {
      it("creates a meeting: the cell's active members not exempt are expected, all pending", async () => {
        const d = await dongThu();
        const date = freshPastDate();
        const audits = await auditCount(t());
        const m = await buildMeeting(t(), staff().secretary.cookie, {
          unitId: d.unitId,
          kind: 'regular',
          date,
          startTime: '19:30',
          place: 'Nhà văn hóa thôn Đồng Thứ',
          agenda: [{ title: 'Đánh giá kết quả tháng trước' }],
        });
        const expected = d.roster.filter((r) => r.status !== 'exempt' && (!r.joined_on || r.joined_on <= date)).map((r) => r.id);
        expect(d.roster.some((r) => r.status === 'exempt')).toBe(true);
        expect(m.participants.map((p) => p.memberId).sort()).toEqual([...expected].sort());
        expect(m.participants.every((p) => p.status === 'pending' && p.role === 'member' && p.arrivedAt === null && p.lateMinutes === null)).toBe(true);
        expect(m).toMatchObject({
          unitId: d.unitId,
          unitName: home().cells[0]!.name,
          kind: 'regular',
          topic: null,
          date,
          startTime: '19:30',
          startsAt: new Date(localInstant(date, '19:30')).toISOString(),
          graceMinutes: 0,
          status: 'planned',
          minutesVersion: 0,
          chairMemberId: null,
          reviewedTasks: [],
          versions: [],
          approvedAt: null,
          scoreTotal: null,
        });
        expect(m.agenda).toMatchObject([{ position: 1, title: 'Đánh giá kết quả tháng trước', minutes: '', outcomes: [] }]);
        expect(m.attendance).toMatchObject({ expected: 0, pending: expected.length, attendanceRate: null });
        expect(m.score).toMatchObject({ total: null, level: null, complete: false });
        expect(m.score!.rubric.maxPoints).toBe(100);

        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.create', record_type: 'meeting', record_id: m.id, unit_id: d.unitId });
        expect(entry.after).toMatchObject({ date, startTime: '19:30', status: 'planned', reviewedTaskIds: [] });
        expect((entry.after!.participantIds as string[]).sort()).toEqual([...expected].sort());
      });

      it('refuses a bad meeting with 400 naming the field, writing nothing', async () => {
        const d = await dongThu();
        const base = newMeetingBody(d.unitId);
        const audits = await auditCount(t());
        const count = async () => Number((await t().db.db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const meetings = await count();
        for (const [body, field] of [
          [{ ...base, kind: 'thematic' }, 'topic'],
          [{ ...base, participantIds: [d.others[0]!.id, d.luuQuangMemberId] }, 'participantIds.1'],
          [{ ...base, participantIds: [d.others[0]!.id, d.others[0]!.id] }, 'participantIds.1'],
          [{ ...base, participantIds: [d.others[0]!.id], chairMemberId: d.others[1]!.id }, 'chairMemberId'],
          [{ ...base, guestIds: [d.others[1]!.id] }, 'guestIds.0'],
          [{ ...base, agenda: [{ title: 'X', presenterMemberId: d.luuQuangMemberId }] }, 'agenda.0.presenterMemberId'],
          [{ ...base, unitId: d.communeId }, 'unitId'],
          [{ ...base, agenda: [] }, 'agenda'],
          [{ ...base, startTime: '7:30 tối' }, 'startTime'],
          [{ ...base, date: '31/03/2022' }, 'date'],
          [{ ...base, graceMinutes: 500 }, 'graceMinutes'],
        ] as const) {
          const res = await call('POST', '/api/meetings', staff().committee.cookie, body);
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
        }
        expect(await count()).toBe(meetings);
        expect(await auditCount(t())).toBe(audits);
      });

      it('carries the open tasks of earlier meetings onto the agenda of the next one', async () => {
        const unitId = home().cells[2]!.id;
        const roster = (await cellRoster(t(), unitId)).filter((m) => m.status !== 'exempt');
        const people = roster.slice(0, 3).map((m) => m.id);
        const d1 = shiftDate(vnToday(), -60);
        const body = (date: string) => ({ unitId, kind: 'regular', date, startTime: '08:00', place: 'Nhà văn hóa thôn Số 1', participantIds: people, agenda: [{ title: 'Nhiệm vụ' }] });
        const first = await buildMeeting(t(), staff().committee.cookie, body(d1));
        const addTask = async (title: string, owner: string, deadline: string) => {
          const res = await call('POST', `/api/meetings/${first.id}/outcomes`, staff().committee.cookie, {
            agendaItemId: first.agenda[0]!.id,
            kind: 'task',
            task: { title, deliverable: 'Báo cáo kết quả với chi bộ', ownerMemberId: owner, deadline },
          });
          expect(res.statusCode, res.body).toBe(201);
          return (res.json() as MeetingDetail).agenda[0]!.outcomes.at(-1)!.task!;
        };
        const open = await addTask('Dọn vệ sinh kênh mương', people[0]!, shiftDate(d1, 20));
        const done = await addTask('Thu quỹ khuyến học', people[1]!, shiftDate(d1, 25));
        // Closed by the assigner as done on time: no longer carried.
        const closed = await call('POST', `/api/tasks/${done.id}/close`, staff().committee.cookie, { outcome: 'on_time', completedOn: shiftDate(d1, 20), comment: 'Đã thu đủ.' });
        expect(closed.statusCode, closed.body).toBe(200);

        const earlier = await buildMeeting(t(), staff().committee.cookie, body(shiftDate(d1, -10)));
        expect(earlier.reviewedTasks).toEqual([]);

        const second = await buildMeeting(t(), staff().committee.cookie, body(shiftDate(d1, 30)));
        expect(second.reviewedTasks).toEqual([
          {
            id: open.id,
            unitId,
            unitName: home().cells[2]!.name,
            title: 'Dọn vệ sinh kênh mương',
            deliverable: 'Báo cáo kết quả với chi bộ',
            ownerKind: 'member',
            ownerMemberId: people[0],
            ownerUnitId: null,
            ownerName: roster[0]!.full_name,
            deadline: shiftDate(d1, 20),
            priority: 'normal',
            status: 'open',
            progressPercent: 0,
            completedOn: null,
            closedOn: null,
            sourceKind: 'meeting',
            sourceMeetingId: first.id,
            sourceMeetingDate: d1,
            sourceDirectiveId: null,
            sourceCommitmentId: null,
            sourceLocalIssueId: null,
            sourceInspectionId: null,
            overdue: true,
            handDownDelayDays: null,
          },
        ]);
        expect((await lastAudit(t())).after).toMatchObject({ reviewedTaskIds: [open.id] });
        const options = await call('GET', `/api/units/${unitId}/meeting-options`, staff().committee.cookie);
        expect(options.json().openTasks.map((x: TaskSummary) => x.id)).toEqual([open.id]);
        expect(options.json().lastPlace).toBe('Nhà văn hóa thôn Số 1');
      });

      it('PATCH: a new start time recomputes late minutes; the date is fixed once arrivals exist; unchanged saves write nothing', async () => {
        const f = await newMeeting();
        const [a, b] = f.people as [string, string];
        const id = f.meeting.id;
        const date = f.meeting.date;
        const att = await call('PUT', `/api/meetings/${id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: a, status: 'present', arrivedAt: localInstant(date, '19:45') },
            { memberId: b, status: 'present', arrivedAt: localInstant(date, '19:29') },
          ],
        });
        const late = (res: LightMyRequestResponse) => Object.fromEntries((res.json().participants as { memberId: string; lateMinutes: number | null }[]).map((p) => [p.memberId, p.lateMinutes]));
        expect(late(att)).toMatchObject({ [a]: 15, [b]: 0 });

        const later = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { startTime: '19:40' });
        expect(later.statusCode, later.body).toBe(200);
        expect(later.json()).toMatchObject({ startTime: '19:40', startsAt: new Date(localInstant(date, '19:40')).toISOString() });
        expect(late(later)).toMatchObject({ [a]: 5, [b]: 0 });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.update', record_id: id });
        expect(entry.before).toMatchObject({ startTime: '19:30' });
        expect(entry.after).toMatchObject({ startTime: '19:40', lateness: [{ memberId: a, before: 15, after: 5 }] });

        const grace = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { graceMinutes: 5 });
        expect(late(grace)).toMatchObject({ [a]: 0 });
        const back = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { graceMinutes: 0, startTime: '19:30' });
        expect(late(back)).toMatchObject({ [a]: 15, [b]: 0 });

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const moved = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { date: shiftDate(date, -1), place: 'Nơi khác' });
        expect(moved.statusCode).toBe(400);
        expect(moved.json().error.fields).toEqual([{ field: 'date', message: 'Ngày họp (date): Đã ghi giờ đến của người dự họp; không thể đổi ngày họp.' }]);
        const unchanged = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { date, startTime: '19:30', place: f.meeting.place });
        expect(unchanged.statusCode).toBe(200);
        expect((await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, {})).statusCode).toBe(200);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        // Without arrivals the date may move.
        const g = await newMeeting();
        const newDate = freshPastDate();
        const res = await call('PATCH', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie, { date: newDate });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ date: newDate, startsAt: new Date(localInstant(newDate, '19:30')).toISOString() });
        // …but not past the deadline of a task it gave.
        const overtaking = await call('PATCH', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie, { date: shiftDate(g.deadline, 1) });
        expect(overtaking.statusCode).toBe(400);
        expect(overtaking.json().error.fields).toEqual([
          { field: 'date', message: 'Ngày họp (date): ngày họp mới muộn hơn thời hạn của nhiệm vụ "Tu sửa đường làng"; hãy xóa hoặc giao lại nhiệm vụ đó trước' },
        ]);
        expect((await call('PATCH', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie, { date: g.deadline })).statusCode).toBe(200);
      });

      it('PATCH: participants added and removed; chair must be one of them; bad fields refused', async () => {
        const f = await newMeeting();
        const d = await dongThu();
        const id = f.meeting.id;
        // The chair and the secretary (people 2 and 3) stay; the staff's member leaves.
        const wanted = [...f.people.slice(1), d.others[5]!.id];
        const res = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, { participantIds: wanted });
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as MeetingDetail).participants.map((p) => p.memberId).sort()).toEqual([...wanted].sort());
        const entry = await lastAudit(t());
        expect(entry.after).toMatchObject({ addedParticipants: [{ memberId: d.others[5]!.id, role: 'member' }] });
        expect((entry.before!.removedParticipants as { memberId: string }[]).map((p) => p.memberId)).toEqual([f.people[0]]);

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        for (const [body, field] of [
          [{ chairMemberId: d.luuQuangMemberId }, 'chairMemberId'],
          [{ participantIds: [d.luuQuangMemberId] }, 'participantIds.0'],
          [{ kind: 'thematic' }, 'topic'],
          [{ place: '' }, 'place'],
          [{ startTime: '24:00' }, 'startTime'],
          [{ status: 'approved' }, 'status'],
        ] as const) {
          const bad = await call('PATCH', `/api/meetings/${id}`, staff().secretary.cookie, body);
          expect(bad.statusCode, `${field}: ${bad.body}`).toBe(400);
          expect(fieldsOf(bad)).toEqual([field]);
        }
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
      });

      it('agenda: replaced with minutes, outcomes kept; unchanged writes nothing; an item with outcomes cannot go', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const [first, second] = f.meeting.agenda as [MeetingDetail['agenda'][number], MeetingDetail['agenda'][number]];
        const items = [
          { id: first.id, title: 'Đánh giá kết quả tháng 3', minutes: 'Bí thư báo cáo.\nChi bộ thảo luận.', presenterMemberId: f.people[2], plannedMinutes: 30 },
          { id: second.id, title: second.title },
          { title: 'Góp ý, phê bình' },
        ];
        const res = await call('PUT', `/api/meetings/${id}/agenda`, staff().secretary.cookie, { items });
        expect(res.statusCode, res.body).toBe(200);
        const agenda = (res.json() as MeetingDetail).agenda;
        expect(agenda.map((a) => [a.position, a.title])).toEqual([
          [1, 'Đánh giá kết quả tháng 3'],
          [2, second.title],
          [3, 'Góp ý, phê bình'],
        ]);
        expect(agenda[0]).toMatchObject({ minutes: 'Bí thư báo cáo.\nChi bộ thảo luận.', presenterMemberId: f.people[2], presenterName: await nameOf(f.people[2]!), plannedMinutes: 30 });
        expect(agenda[1]!.outcomes.map((o) => o.id)).toEqual([f.outcomeId]);
        expect((await lastAudit(t())).action).toBe('meeting.agenda');

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const same = await call('PUT', `/api/meetings/${id}/agenda`, staff().secretary.cookie, { items: agenda.map((a) => ({ id: a.id, title: a.title })) });
        expect(same.statusCode).toBe(200);
        const dropped = await call('PUT', `/api/meetings/${id}/agenda`, staff().secretary.cookie, { items: [{ id: first.id, title: 'Chỉ còn một mục' }] });
        expect(dropped.statusCode).toBe(409);
        expect(dropped.json().error).toMatchObject({ code: 'agenda_item_has_outcomes', message: `Nội dung "${second.title}" đã có kết luận hoặc nhiệm vụ; hãy xóa chúng trước.` });
        for (const [body, field] of [
          [{ items: [{ id: missingId(), title: 'Lạ' }] }, 'items.0.id'],
          [{ items: [{ title: 'A', presenterMemberId: (await dongThu()).luuQuangMemberId }] }, 'items.0.presenterMemberId'],
          [{ items: [] }, 'items'],
          [{ items: [{ title: '  ' }] }, 'items.0.title'],
        ] as const) {
          const bad = await call('PUT', `/api/meetings/${id}/agenda`, staff().secretary.cookie, body);
          expect(bad.statusCode, bad.body).toBe(400);
          expect(fieldsOf(bad)).toEqual([field]);
        }
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
      });
    });

    // --- outcomes and tasks -----------------------------------------------------------------

    describe('outcomes and tasks', () => {
      it('guests from the commune committee attend but are not counted in the cell, nor vote', async () => {
        const d = await dongThu();
        const guest = staff().committee.memberId!;
        const date = freshPastDate();
        const member = d.others[0]!.id;
        const meeting = await buildMeeting(t(), staff().secretary.cookie, {
          unitId: d.unitId,
          kind: 'regular',
          date,
          startTime: '19:30',
          place: 'Nhà văn hóa thôn Đồng Thứ',
          participantIds: [member, d.others[1]!.id],
          guestIds: [guest],
          agenda: [{ title: 'Nghị quyết tháng' }],
        });
        expect(meeting.participants.map((p) => [p.memberId, p.role])).toEqual([
          [member, 'member'],
          [d.others[1]!.id, 'member'],
          [guest, 'guest'],
        ]);
        // The committee's member record is in the Số 1 cell.
        expect(meeting.participants[2]!.unitName).toBe(home().cells[2]!.name);
        const options = (await call('GET', `/api/units/${d.unitId}/meeting-options`, staff().secretary.cookie)).json();
        expect(options.guests.map((g: { id: string }) => g.id)).toContain(guest);

        const att = await call('PUT', `/api/meetings/${meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: member, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: d.others[1]!.id, status: 'absent' },
            { memberId: guest, status: 'present', arrivedAt: localInstant(date, '19:50') },
          ],
        });
        expect(att.statusCode, att.body).toBe(200);
        expect(att.json().attendance).toMatchObject({ expected: 2, present: 1, onTime: 1, late: 0, absent: 1 });
        expect((att.json().participants as MeetingDetail['participants']).map((p) => [p.memberId, p.mayVote])).toEqual([
          [member, true],
          [d.others[1]!.id, false],
          [guest, false],
        ]);

        // One member of the cell is present: two votes are one too many, whoever else sat in.
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), meeting.id)];
        const votes = await call('POST', `/api/meetings/${meeting.id}/outcomes`, staff().secretary.cookie, {
          agendaItemId: meeting.agenda[0]!.id,
          kind: 'decision',
          text: 'Thông qua nghị quyết tháng.',
          votes: { for: 2, against: 0, abstain: 0 },
        });
        expect(votes.statusCode, votes.body).toBe(400);
        expect(votes.json().error.fields).toEqual([{ field: 'votes', message: 'Biểu quyết (votes): tổng số phiếu vượt quá số đảng viên chính thức có mặt (1)' }]);
        expect(await meetingRows(t(), meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
        // A guest is not one of the cell's members to own its task either.
        const task = await call('POST', `/api/meetings/${meeting.id}/outcomes`, staff().secretary.cookie, {
          agendaItemId: meeting.agenda[0]!.id,
          kind: 'task',
          task: { title: 'Chỉ đạo', deliverable: 'Kế hoạch', ownerMemberId: guest, deadline: shiftDate(date, 5) },
        });
        expect(task.statusCode).toBe(400);
        expect(fieldsOf(task)).toEqual(['task.ownerMemberId']);
      });

      it('counts only official members present as voters, and the page marks them: a probationary member speaks but does not vote', async () => {
        const d = await dongThu();
        const date = freshPastDate();
        const official = d.others[0]!.id;
        const meeting = await buildMeeting(t(), staff().secretary.cookie, {
          unitId: d.unitId,
          kind: 'regular',
          date,
          startTime: '19:30',
          place: 'Nhà văn hóa thôn Đồng Thứ',
          participantIds: [official, d.probationary.id],
          agenda: [{ title: 'Nghị quyết tháng' }],
        });
        const before = await call('GET', `/api/meetings/${meeting.id}`, staff().secretary.cookie);
        expect((before.json() as MeetingDetail).participants.map((p) => p.mayVote)).toEqual([false, false]);
        const marked = await call('PUT', `/api/meetings/${meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [official, d.probationary.id].map((memberId) => ({ memberId, status: 'present', arrivedAt: localInstant(date, '19:25') })),
        });
        // The vote form pre-fills from these: the same people the server counts below.
        const participants = marked.json().participants as MeetingDetail['participants'];
        expect(participants.filter((p) => p.mayVote).map((p) => p.memberId)).toEqual([official]);
        const page = (await call('GET', `/api/meetings/${meeting.id}`, staff().secretary.cookie)).json() as MeetingDetail;
        expect(page.participants.filter((p) => p.mayVote).map((p) => p.memberId)).toEqual([official]);
        const decide = (votes: { for: number; against: number; abstain: number }) =>
          call('POST', `/api/meetings/${meeting.id}/outcomes`, staff().secretary.cookie, {
            agendaItemId: meeting.agenda[0]!.id,
            kind: 'decision',
            text: 'Thông qua nghị quyết tháng.',
            votes,
          });
        const two = await decide({ for: 2, against: 0, abstain: 0 });
        expect(two.statusCode).toBe(400);
        expect(fieldsOf(two)).toEqual(['votes']);
        expect((await decide({ for: 1, against: 0, abstain: 0 })).statusCode).toBe(201);
      });

      it('two approvals at once: one succeeds, the other finds the minutes locked', async () => {
        const f = await newMeeting('held');
        const results = await Promise.all([1, 2].map(() => call('POST', `/api/meetings/${f.meeting.id}/approve`, staff().secretary.cookie)));
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        expect((await meetingRows(t(), f.meeting.id)).versions.map((v) => v.version)).toEqual([1]);
        const approvals = await t().db.db.selectFrom('audit_log').select('seq').where('action', '=', 'meeting.approve').where('record_id', '=', f.meeting.id).execute();
        expect(approvals).toHaveLength(1);
      });

      it('adds a decision with votes and a task with owner and deadline; refuses bad ones; deleting removes the task', async () => {
        const f = await newMeeting();
        const d = await dongThu();
        const id = f.meeting.id;
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${id}/attendance`, staff().secretary.cookie, {
          entries: [
            ...[p0, p1, p2].map((memberId) => ({ memberId, status: 'present', arrivedAt: localInstant(date, '19:30') })),
            { memberId: p3, status: 'absent' },
          ],
        });
        const item = f.meeting.agenda[0]!.id;

        const decision = await call('POST', `/api/meetings/${id}/outcomes`, staff().secretary.cookie, {
          agendaItemId: item,
          kind: 'decision',
          text: 'Chi bộ thống nhất kế hoạch tu sửa nhà văn hóa.',
          votes: { for: 2, against: 0, abstain: 1 },
        });
        expect(decision.statusCode, decision.body).toBe(201);
        expect((decision.json() as MeetingDetail).agenda[0]!.outcomes).toMatchObject([
          { kind: 'decision', text: 'Chi bộ thống nhất kế hoạch tu sửa nhà văn hóa.', votes: { for: 2, against: 0, abstain: 1 }, task: null },
        ]);
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.outcome_add', record_id: id });

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const cases: [Record<string, unknown>, string, string?][] = [
          [{ kind: 'decision', text: 'NQ', votes: { for: 3, against: 1, abstain: 0 } }, 'votes', 'Biểu quyết (votes): tổng số phiếu vượt quá số đảng viên chính thức có mặt (3)'],
          [{ kind: 'decision' }, 'text'],
          [{ kind: 'information', text: 'TT', votes: { for: 1, against: 0, abstain: 0 } }, 'votes'],
          [{ kind: 'task' }, 'task'],
          [{ kind: 'information', text: 'TT', task: { title: 'Việc', deliverable: 'Kết quả', ownerMemberId: p0, deadline: date } }, 'task'],
          [{ kind: 'task', task: { title: 'Việc', deliverable: 'Kết quả', ownerMemberId: d.luuQuangMemberId, deadline: shiftDate(date, 7) } }, 'task.ownerMemberId', 'Người chịu trách nhiệm (task.ownerMemberId): người chịu trách nhiệm phải là đảng viên của chi bộ'],
          [{ kind: 'task', task: { title: 'Việc', deliverable: 'Kết quả', ownerMemberId: p0, deadline: shiftDate(date, -1) } }, 'task.deadline', 'Thời hạn (task.deadline): thời hạn không được trước ngày họp'],
          [{ kind: 'task', task: { title: 'Việc', deliverable: 'Kết quả', ownerMemberId: p0, deadline: '30/04/2022' } }, 'task.deadline'],
          // "Rõ trách nhiệm": a meeting's task needs a deliverable like any other.
          [{ kind: 'task', task: { title: 'Việc', ownerMemberId: p0, deadline: shiftDate(date, 7) } }, 'task.deliverable', 'Kết quả cần đạt (task.deliverable): Chưa rõ trách nhiệm: ghi rõ kết quả cần đạt (thế nào là hoàn thành)'],
          [{ kind: 'information', text: 'TT', agendaItemId: missingId() }, 'agendaItemId'],
          [{ kind: 'vote', text: 'TT' }, 'kind'],
        ];
        for (const [body, field, message] of cases) {
          const res = await call('POST', `/api/meetings/${id}/outcomes`, staff().secretary.cookie, { agendaItemId: item, ...body });
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        // An empty task says all four of "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian" at once.
        const empty = await call('POST', `/api/meetings/${id}/outcomes`, staff().secretary.cookie, { agendaItemId: item, kind: 'task', task: {} });
        expect(empty.statusCode).toBe(400);
        expect(fieldsOf(empty)).toEqual(['task.ownerMemberId', 'task.title', 'task.deliverable', 'task.deadline']);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        const deadline = shiftDate(date, 14);
        const task = await call('POST', `/api/meetings/${id}/outcomes`, staff().secretary.cookie, {
          agendaItemId: item,
          kind: 'task',
          task: { title: 'Lập dự toán tu sửa nhà văn hóa', deliverable: 'Bản dự toán trình chi bộ', ownerMemberId: p2, deadline },
        });
        expect(task.statusCode, task.body).toBe(201);
        const created = (task.json() as MeetingDetail).agenda[0]!.outcomes.at(-1)!;
        expect(created).toMatchObject({
          kind: 'task',
          votes: null,
          task: {
            title: 'Lập dự toán tu sửa nhà văn hóa',
            deliverable: 'Bản dự toán trình chi bộ',
            ownerMemberId: p2,
            ownerName: await nameOf(p2),
            deadline,
            status: 'open',
            completedOn: null,
            sourceMeetingId: id,
            sourceMeetingDate: date,
            overdue: deadline < vnToday(),
          },
        });
        const row = await t().db.db.selectFrom('tasks').selectAll().where('id', '=', created.task!.id).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ owner_member_id: p2, deadline, status: 'open', unit_id: f.unitId, source_meeting_id: id });
        expect((await lastAudit(t())).after).toMatchObject({ kind: 'task', task: { id: created.task!.id, ownerMemberId: p2, deadline, deliverable: 'Bản dự toán trình chi bộ' } });

        const removed = await call('DELETE', `/api/meetings/${id}/outcomes/${created.id}`, staff().secretary.cookie);
        expect(removed.statusCode, removed.body).toBe(200);
        expect((removed.json() as MeetingDetail).agenda[0]!.outcomes.map((o) => o.kind)).toEqual(['decision']);
        expect(await t().db.db.selectFrom('tasks').select('id').where('id', '=', created.task!.id).executeTakeFirst()).toBeUndefined();
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.outcome_remove', record_id: id });
        expect(entry.before).toMatchObject({ outcomeId: created.id, kind: 'task', taskId: created.task!.id });
        const again = await call('DELETE', `/api/meetings/${id}/outcomes/${created.id}`, staff().secretary.cookie);
        expect(again.statusCode).toBe(404);
        expect(again.body).toBe((await call('DELETE', `/api/meetings/${missingId()}/outcomes/${created.id}`, staff().secretary.cookie)).body);
      });

      it("a task's owner reports it finished; the secretary closes it; other members may not touch it", async () => {
        const f = await newMeeting();
        const own = await call('POST', `/api/meetings/${f.meeting.id}/outcomes`, staff().secretary.cookie, {
          agendaItemId: f.meeting.agenda[1]!.id,
          kind: 'task',
          task: { title: 'Vận động hộ gia đình phân loại rác', deliverable: '100% hộ trong xóm phân loại rác', ownerMemberId: f.people[0], deadline: shiftDate(vnToday(), 10) },
        });
        expect(own.statusCode, own.body).toBe(201);
        const taskId = (own.json() as MeetingDetail).agenda[1]!.outcomes.at(-1)!.task!.id;
        const audits = await auditCount(t());

        // The owner reports the work finished: 100% records today as the completion day.
        const done = await call('POST', `/api/tasks/${taskId}/progress`, staff().member.cookie, { text: 'Đã vận động xong cả xóm.', percent: 100 });
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json()).toMatchObject({ id: taskId, status: 'open', progressPercent: 100, completedOn: vnToday(), overdue: false, ownerMemberId: f.people[0] });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'task.progress', record_type: 'task', record_id: taskId, unit_id: f.unitId });
        expect(entry.before).toEqual({ progressPercent: 0, completedOn: null });
        expect(entry.after).toMatchObject({ progressPercent: 100, completedOn: vnToday() });
        expect(await auditCount(t())).toBe(audits + 1);

        // Someone else's task: the member reads it but may neither report on it nor close it.
        expect((await call('GET', `/api/tasks/${f.taskId}`, staff().member.cookie)).statusCode).toBe(200);
        expect((await call('POST', `/api/tasks/${f.taskId}/progress`, staff().member.cookie, { text: 'Xong', percent: 100 })).statusCode).toBe(403);
        expect((await call('POST', `/api/tasks/${taskId}/close`, staff().member.cookie, { outcome: 'on_time', comment: 'Tự đánh giá' })).statusCode).toBe(403);
        const bad = await call('POST', `/api/tasks/${taskId}/close`, staff().secretary.cookie, { outcome: 'finished', comment: 'Tốt' });
        expect(bad.statusCode).toBe(400);
        expect(fieldsOf(bad)).toEqual(['outcome']);
        expect(await auditCount(t())).toBe(audits + 1);

        // The secretary, who runs the cell's meetings, closes it.
        const closed = await call('POST', `/api/tasks/${taskId}/close`, staff().secretary.cookie, { outcome: 'on_time', comment: 'Hoàn thành tốt.' });
        expect(closed.statusCode, closed.body).toBe(200);
        expect(closed.json()).toMatchObject({ status: 'on_time', completedOn: vnToday(), closedOn: vnToday() });
        expect(await lastAudit(t())).toMatchObject({ action: 'task.close', record_id: taskId });
        expect(await auditCount(t())).toBe(audits + 2);
        // Closed tasks are not carried to the next meeting.
        const options = (await call('GET', `/api/units/${f.unitId}/meeting-options`, staff().secretary.cookie)).json();
        expect(options.openTasks.map((x: TaskSummary) => x.id)).not.toContain(taskId);
      });
    });

    // Runs last: every meeting the tests above wrote keeps a tally equal to a recount.
    describe('attendance tallies', () => {
      it('stay equal to a recount of the participants after every kind of change', async () => {
        await expectTalliesMatchRecount(t, staff().committee.cookie, 10);
      });
    });
  });
});
