/** "Việc của tôi": the signed-in member's own tasks, by when they are due, and what they assigned that is overdue. */
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { accountOnFirstUse, buildAccount, buildMeeting, buildTask, useStaffedCommune } from '../../../test/helpers/factories.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix } from '../../../test/helpers/access.js';
import { meetingSource, taskBody, taskTableCounts } from '../../../test/helpers/tasks.js';
import type { TaskDetail, TaskSummary } from '../tasks/schemas.js';
import type { MyWork } from './schemas.js';

forEachDialect((dialect) => {
  describe('my work: own tasks by when they are due, what one assigned that is overdue', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    /** A commune of two cells: the staff's own ("Đồng Thứ", eight members) and the other secretary's ("Lưu Quang"); the six staff roles. */
    const { home, staff, as } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang'], membersPerCell: [8, 6] });

    /** Accounts without a member record: one with the office role, one with no role at all. */
    const officeOnly = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }));
    const noRole = accountOnFirstUse(() => buildAccount(t(), { roles: [], unitId: home().id }));

    /** Đồng Thứ, its secretary's and member's member records, and its members without an account. */
    const dongThu = async () => {
      const cell = home().cells[0]!;
      const [secretaryId, memberId] = [staff().secretary.memberId!, staff().member.memberId!];
      return { unitId: cell.id, secretaryId, memberId, others: cell.members.filter((m) => m.id !== secretaryId && m.id !== memberId) };
    };

    /** A Đồng Thứ task the secretary gave the staff's member, due in ten days. */
    async function ownTask(): Promise<{ task: TaskDetail }> {
      const d = await dongThu();
      return { task: await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, 10))) };
    }

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows: [
          {
            route: 'GET /api/me/work',
            method: 'GET',
            url: () => '/api/me/work',
            // Below: only the caller's own work, never another's.
            forbidden: { none: 'any signed-in account may ask for its own work' },
            other: { none: 'it names no record, only the caller’s own work' },
            happy: {
              who: as('member'),
              status: 200,
              check: (res, f) => {
                expect(res.json().memberId).toBe(staff().member.memberId);
                expect((res.json() as MyWork).dueSoon.map((x) => x.id)).toContain(f.task.id);
                // The cell's next meeting comes with the member's work.
                expect((res.json() as MyWork).nextMeetings.map((m) => m.id)).toEqual([f.meeting.id]);
              },
            },
          },
        ],
        fixture: async () => {
          const d = await dongThu();
          const meeting = await buildMeeting(t(), staff().secretary.cookie, { unitId: d.unitId, date: shiftDate(today, 3) });
          return { ...(await ownTask()), meeting };
        },
        state: () => taskTableCounts(t()),
      });

      it('GET /api/me/work: 401 anonymous; only the caller\'s own work; an account without a member record gets empty lists', async () => {
        // It names no record, so there is no other unit's record to refuse: the caller's own work only.
        expect(t().app.hasRoute({ method: 'GET', url: '/api/me/work' })).toBe(true);
        const f = await ownTask();
        const anonymous = await call('GET', '/api/me/work', null);
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json().error.code).toBe('unauthorized');

        const mine = (await call('GET', '/api/me/work', staff().member.cookie)).json() as MyWork;
        expect(mine.memberId).toBe((await dongThu()).memberId);
        expect(mine.dueSoon.map((x) => x.id)).toContain(f.task.id);

        // Another cell's secretary: the Đồng Thứ task is nowhere in their work.
        const other = (await call('GET', '/api/me/work', staff().otherSecretary.cookie)).json() as MyWork;
        const everywhere = (w: MyWork) => [...w.overdue, ...w.dueSoon, ...w.later, ...w.recentlyClosed, ...w.assignedOverdue].map((x) => x.id);
        expect(everywhere(other)).not.toContain(f.task.id);

        for (const who of [officeOnly, noRole]) {
          const res = await call('GET', '/api/me/work', await who());
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json()).toMatchObject({ today, year, memberId: null, overdue: [], dueSoon: [], later: [], recentlyClosed: [], assignedOverdue: [], commitments: [] });
        }
      });
    });

    describe('Cuộc họp sắp tới', () => {
      it('each cell\'s soonest planned meeting from today on, with its agenda; the door for those who take attendance', async () => {
        const d = await dongThu();
        const cookie = staff().secretary.cookie;
        const past = await buildMeeting(t(), cookie, { unitId: d.unitId, date: shiftDate(today, -1), startTime: '07:00' });
        const later = await buildMeeting(t(), cookie, { unitId: d.unitId, date: shiftDate(today, 20) });
        const next = await buildMeeting(t(), cookie, {
          unitId: d.unitId,
          date: today,
          startTime: '23:30',
          place: 'Hội trường thôn',
          agenda: [{ title: 'Kiểm điểm tháng' }, { title: 'Triển khai nghị quyết' }],
        });
        const otherCell = home().cells[1]!;
        const theirs = await buildMeeting(t(), staff().otherSecretary.cookie, { unitId: otherCell.id, date: shiftDate(today, 5) });

        const member = (await call('GET', '/api/me/work', staff().member.cookie)).json() as MyWork;
        expect(member.nextMeetings).toEqual([
          {
            id: next.id,
            unitId: d.unitId,
            unitName: home().cells[0]!.name,
            kind: 'regular',
            topic: null,
            date: today,
            startTime: '23:30',
            place: 'Hội trường thôn',
            agenda: ['Kiểm điểm tháng', 'Triển khai nghị quyết'],
            mayTakeAttendance: false,
          },
        ]);
        const ids = (w: MyWork) => w.nextMeetings.map((m) => m.id);
        expect(ids(member)).not.toContain(past.id);
        expect(ids(member)).not.toContain(later.id);

        // The secretary takes its attendance; the other cell's secretary sees only their own cell's.
        const secretary = (await call('GET', '/api/me/work', cookie)).json() as MyWork;
        expect(secretary.nextMeetings.map((m) => [m.id, m.mayTakeAttendance])).toEqual([[next.id, true]]);
        const other = (await call('GET', '/api/me/work', staff().otherSecretary.cookie)).json() as MyWork;
        expect(ids(other)).toEqual([theirs.id]);
        // A commune role names no cell: the committee sees only the cell it is a member of (the second), not all cells'.
        expect(ids((await call('GET', '/api/me/work', staff().committee.cookie)).json() as MyWork)).toEqual([theirs.id]);
        for (const who of [officeOnly, noRole]) expect(((await call('GET', '/api/me/work', await who())).json() as MyWork).nextMeetings).toEqual([]);
      });
    });

    describe('the member\'s lists', () => {
      it('My work: overdue, due within 14 days, later, recently closed; as owner or co-worker', async () => {
        const d = await dongThu();
        const source = await meetingSource(t(), staff().secretary.cookie, d.unitId, shiftDate(today, -25));
        const overdue = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, -2), { source, title: 'Quá hạn' }));
        const soon = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, 14), { title: 'Hạn 14 ngày' }));
        const later = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, 15), { title: 'Hạn 15 ngày' }));
        const shared = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.others[5]!.id, shiftDate(today, 1), { coworkerMemberIds: [d.memberId], title: 'Phối hợp' }));
        const closed = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, 2), { title: 'Đã đóng' }));
        await call('POST', `/api/tasks/${closed.id}/close`, staff().secretary.cookie, { outcome: 'not_done', comment: 'Hủy' });
        const notMine = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.others[5]!.id, shiftDate(today, 1), { title: 'Của người khác' }));

        const work = (await call('GET', '/api/me/work', staff().member.cookie)).json() as MyWork;
        const ids = (list: TaskSummary[]) => list.map((x) => x.id);
        expect(ids(work.overdue)).toContain(overdue.id);
        expect(ids(work.dueSoon)).toEqual(expect.arrayContaining([soon.id, shared.id]));
        expect(ids(work.later)).toContain(later.id);
        expect(ids(work.dueSoon)).not.toContain(later.id);
        expect(ids(work.recentlyClosed)[0]).toBe(closed.id);
        expect(work.recentlyClosed.length).toBeLessThanOrEqual(10);
        const everything = [...work.overdue, ...work.dueSoon, ...work.later, ...work.recentlyClosed];
        expect(ids(everything)).not.toContain(notMine.id);
        // Due soon and later are in deadline order.
        expect(work.dueSoon.map((x) => x.deadline)).toEqual([...work.dueSoon.map((x) => x.deadline)].sort());
        expect(work.overdue.every((x) => x.overdue)).toBe(true);
        expect(Array.isArray(work.commitments)).toBe(true);
        expect(Array.isArray(work.directivesToAcknowledge)).toBe(true);
        // The secretary sees the overdue task they assigned.
        const secretary = (await call('GET', '/api/me/work', staff().secretary.cookie)).json() as MyWork;
        expect(ids(secretary.assignedOverdue)).toContain(overdue.id);
        expect(ids(secretary.overdue)).not.toContain(overdue.id);
      });
    });
  });
});
