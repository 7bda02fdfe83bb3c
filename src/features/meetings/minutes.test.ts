/** The minutes: held, approved and locked as a version, reopened, exported as Word. */
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit } from '../../../test/helpers/accounts.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { buildMeeting } from '../../../test/helpers/factories.js';
import { docxText } from '../../../test/helpers/docx.js';
import { cellRoster, ddmmyyyy, localInstant, meetingRows, requester, shiftDate, vnToday, type Method } from '../../../test/helpers/meetings.js';
import { expectTalliesMatchRecount, meetingFixtures } from '../../../test/helpers/meeting-fixtures.js';
import type { MeetingDetail } from './schemas.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

forEachDialect((dialect) => {
  describe('meetings: minutes', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, nameOf, recordAll, transition, newMeeting, oneRowCsv } = meetingFixtures(t);

    // --- the minutes' life: hold, approve, lock, reopen -------------------------------------

    describe('holding, approving, locking and reopening the minutes', () => {
      it('refuses to hold a meeting before its day (409) and twice', async () => {
        const future = await newMeeting('planned', { date: shiftDate(vnToday(), 7) });
        const audits = await auditCount(t());
        const res = await call('POST', `/api/meetings/${future.meeting.id}/hold`, staff().secretary.cookie);
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toEqual({ code: 'meeting_in_future', message: 'Cuộc họp chưa đến ngày họp.' });
        expect((await meetingRows(t(), future.meeting.id)).meeting!.status).toBe('planned');
        expect(await auditCount(t())).toBe(audits);

        const f = await newMeeting();
        const held = await transition(f.meeting.id, 'hold');
        expect(held.status).toBe('held');
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.hold', record_id: f.meeting.id, before: { status: 'planned' }, after: { status: 'held' } });
        const twice = await call('POST', `/api/meetings/${f.meeting.id}/hold`, staff().secretary.cookie);
        expect(twice.statusCode).toBe(409);
        expect(twice.json().error.code).toBe('meeting_not_planned');

        // Nor can a meeting that took place be moved to a day still to come.
        const g = await newMeeting();
        await transition(g.meeting.id, 'hold');
        const [count, rows] = [await auditCount(t()), await meetingRows(t(), g.meeting.id)];
        const moved = await call('PATCH', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie, { date: shiftDate(vnToday(), 3) });
        expect(moved.statusCode, moved.body).toBe(409);
        expect(moved.json().error.code).toBe('meeting_in_future');
        expect(await meetingRows(t(), g.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(count);
        const corrected = await call('PATCH', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie, { date: shiftDate(g.meeting.date, -1) });
        expect(corrected.statusCode, corrected.body).toBe(200);
      });

      it('approves held minutes once everyone is recorded: version 1 is stored', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const notHeld = await call('POST', `/api/meetings/${id}/approve`, staff().secretary.cookie);
        expect(notHeld.statusCode).toBe(409);
        expect(notHeld.json().error.code).toBe('meeting_not_held');

        await transition(id, 'hold');
        const audits = await auditCount(t());
        const pending = await call('POST', `/api/meetings/${id}/approve`, staff().secretary.cookie);
        expect(pending.statusCode).toBe(409);
        expect(pending.json().error.code).toBe('attendance_incomplete');
        expect(pending.json().error.message).toMatch(/^Còn 4 người chưa điểm danh \(.+\)\.$/);
        expect(pending.json().error.message).toContain(await nameOf(f.people[1]!));
        expect((await meetingRows(t(), id)).versions).toEqual([]);
        expect(await auditCount(t())).toBe(audits);

        await recordAll(f.meeting);
        const approved = await transition(id, 'approve');
        expect(approved).toMatchObject({ status: 'approved', minutesVersion: 1, allowedActions: ['meeting.approve'] });
        expect(approved.approvedAt).not.toBeNull();
        expect(approved.versions).toEqual([
          { version: 1, approvedAt: expect.any(String), approvedByName: expect.any(String), reopenedAt: null, reopenedByName: null, reopenReason: null },
        ]);
        const stored = (await meetingRows(t(), id)).versions;
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({ version: 1, reopen_reason: null });
        const snapshot = JSON.parse(stored[0]!.snapshot_json) as MeetingDetail;
        expect(snapshot).toMatchObject({ id, status: 'approved', minutesVersion: 1, allowedActions: [] });
        expect(snapshot.participants).toHaveLength(4);
        expect(snapshot.agenda[1]!.outcomes[0]!.task!.id).toBe(f.taskId);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.approve', record_id: id, before: { status: 'held' }, after: { status: 'approved', version: 1 } });
      });

      it('locks approved minutes: every write answers 409 meeting_locked and writes nothing', async () => {
        const f = await newMeeting('approved');
        const id = f.meeting.id;
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const writes: [Method, string, unknown?][] = [
          ['PATCH', `/api/meetings/${id}`, { place: 'Nơi khác' }],
          ['PUT', `/api/meetings/${id}/agenda`, { items: f.meeting.agenda.map((a) => ({ id: a.id, title: a.title, minutes: 'Sửa sau khi khóa' })) }],
          ['PUT', `/api/meetings/${id}/attendance`, { entries: [{ memberId: f.people[0], status: 'absent' }] }],
          ['POST', `/api/meetings/${id}/attendance/import`, { fileName: 'diem-danh.csv', contentBase64: await oneRowCsv(f, '19:45') }],
          ['POST', `/api/meetings/${id}/outcomes`, { agendaItemId: f.meeting.agenda[0]!.id, kind: 'information', text: 'Thêm sau' }],
          ['DELETE', `/api/meetings/${id}/outcomes/${f.outcomeId}`],
          ['POST', `/api/meetings/${id}/hold`],
          ['POST', `/api/meetings/${id}/approve`],
          ['PUT', `/api/meetings/${id}/score`, { items: [{ code: 'prepare', points: 10 }] }],
          ['DELETE', `/api/meetings/${id}`],
        ];
        for (const [method, url, body] of writes) {
          const res = await call(method, url, staff().secretary.cookie, body);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(409);
          expect(res.json().error).toEqual({
            code: 'meeting_locked',
            message: 'Biên bản đã được thông qua và bị khóa; muốn sửa, bí thư cần mở lại để điều chỉnh (có ghi lý do).',
          });
        }
        // The commune committee is locked out just the same.
        expect((await call('PATCH', `/api/meetings/${id}`, staff().committee.cookie, { place: 'Nơi khác' })).statusCode).toBe(409);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
        expect((await call('GET', `/api/meetings/${id}`, staff().member.cookie)).statusCode).toBe(200);
        expect((await call('GET', `/api/meetings/${id}/minutes.docx`, staff().member.cookie)).statusCode).toBe(200);
      });

      it('reopens with a reason (kept on the version), then approves again as version 2', async () => {
        const f = await newMeeting('approved');
        const id = f.meeting.id;
        const short = await call('POST', `/api/meetings/${id}/reopen`, staff().secretary.cookie, { reason: 'sửa' });
        expect(short.statusCode).toBe(400);
        expect(fieldsOf(short)).toEqual(['reason']);
        expect(fieldsOf(await call('POST', `/api/meetings/${id}/reopen`, staff().secretary.cookie, {}))).toEqual(['reason']);

        const reason = 'Bổ sung ý kiến của đồng chí trưởng thôn vào biên bản';
        const res = await call('POST', `/api/meetings/${id}/reopen`, staff().secretary.cookie, { reason });
        expect(res.statusCode, res.body).toBe(200);
        const reopened = res.json() as MeetingDetail;
        expect(reopened).toMatchObject({ status: 'held', minutesVersion: 1, approvedAt: null, allowedActions: ['meeting.manage', 'meeting.approve'] });
        expect(reopened.versions).toEqual([
          { version: 1, approvedAt: expect.any(String), approvedByName: expect.any(String), reopenedAt: expect.any(String), reopenedByName: expect.any(String), reopenReason: reason },
        ]);
        expect((await meetingRows(t(), id)).versions[0]).toMatchObject({ version: 1, reopen_reason: reason });
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.reopen', after: { status: 'held', reason, version: 1 } });
        const twice = await call('POST', `/api/meetings/${id}/reopen`, staff().secretary.cookie, { reason });
        expect(twice.statusCode).toBe(409);
        expect(twice.json().error.code).toBe('meeting_not_approved');

        const fix = await call('PUT', `/api/meetings/${id}/agenda`, staff().secretary.cookie, {
          items: f.meeting.agenda.map((a, i) => ({ id: a.id, title: a.title, minutes: i === 0 ? 'Đồng chí trưởng thôn phát biểu.' : a.minutes })),
        });
        expect(fix.statusCode, fix.body).toBe(200);
        const second = await transition(id, 'approve');
        expect(second).toMatchObject({ status: 'approved', minutesVersion: 2 });
        expect(second.versions.map((v) => [v.version, v.reopenReason])).toEqual([
          [1, reason],
          [2, null],
        ]);
        const stored = (await meetingRows(t(), id)).versions;
        expect(stored.map((v) => v.version)).toEqual([1, 2]);
        expect((JSON.parse(stored[1]!.snapshot_json) as MeetingDetail).agenda[0]!.minutes).toBe('Đồng chí trưởng thôn phát biểu.');
        expect((JSON.parse(stored[0]!.snapshot_json) as MeetingDetail).agenda[0]!.minutes).toBe('');
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.approve', after: { version: 2 } });
      });

      it('deletes a planned meeting with everything it holds; nothing else can be deleted', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const audits = await auditCount(t());
        const res = await call('DELETE', `/api/meetings/${id}`, staff().secretary.cookie);
        expect(res.statusCode, res.body).toBe(204);
        expect(res.body).toBe('');
        expect(await meetingRows(t(), id)).toEqual({ meeting: undefined, participants: [], agenda: [], outcomes: [], tasks: [], scores: [], reviewed: [], versions: [] });
        expect(await auditCount(t())).toBe(audits + 1);
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.delete', record_id: id, before: { date: f.meeting.date, status: 'planned' }, after: null });
        expect((await call('GET', `/api/meetings/${id}`, staff().secretary.cookie)).statusCode).toBe(404);

        // Held: it took place. (Approved minutes answer meeting_locked, as every other change.)
        for (const state of ['held'] as const) {
          const g = await newMeeting(state);
          const [count, rows] = [await auditCount(t()), await meetingRows(t(), g.meeting.id)];
          const refused = await call('DELETE', `/api/meetings/${g.meeting.id}`, staff().secretary.cookie);
          expect(refused.statusCode, state).toBe(409);
          expect(refused.json().error.code).toBe('meeting_not_deletable');
          expect(await meetingRows(t(), g.meeting.id)).toEqual(rows);
          expect(await auditCount(t())).toBe(count);
        }
      });

      it('deletes a meeting created by mistake after its first marks, until it is held; the audit keeps the marks', async () => {
        const f = await newMeeting();
        const [p0, p1] = f.people as [string, string];
        const marked = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(f.meeting.date, '19:30') },
            { memberId: p1, status: 'absent' },
          ],
        });
        expect(marked.statusCode, marked.body).toBe(200);
        const audits = await auditCount(t());
        const res = await call('DELETE', `/api/meetings/${f.meeting.id}`, staff().secretary.cookie);
        expect(res.statusCode, res.body).toBe(204);
        expect((await meetingRows(t(), f.meeting.id)).participants).toEqual([]);
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.delete', record_id: f.meeting.id, before: { status: 'planned' } });
        const kept = entry.before!.participants as { memberId: string; status: string }[];
        expect(kept).toHaveLength(4);
        expect(kept.filter((p) => p.status !== 'pending').map((p) => [p.memberId, p.status])).toEqual(
          expect.arrayContaining([
            [p0, 'present'],
            [p1, 'absent'],
          ]),
        );
      });

      it('deletes a planned meeting whose task a later meeting already reviews (no 500)', async () => {
        // The Số 1 cell holds no other meeting in this suite.
        const unitId = home().cells[2]!.id;
        const people = (await cellRoster(t(), unitId)).filter((m) => m.status !== 'exempt').slice(0, 2).map((m) => m.id);
        const body = (date: string) => ({ unitId, kind: 'regular', date, startTime: '19:00', place: 'Nhà văn hóa thôn Số 1', participantIds: people, agenda: [{ title: 'Nhiệm vụ' }] });
        const mistaken = await buildMeeting(t(), staff().committee.cookie, body(shiftDate(vnToday(), -40)));
        const added = await call('POST', `/api/meetings/${mistaken.id}/outcomes`, staff().committee.cookie, {
          agendaItemId: mistaken.agenda[0]!.id,
          kind: 'task',
          task: { title: 'Sửa cống thoát nước', deliverable: 'Cống thông, không ngập', ownerMemberId: people[0], deadline: shiftDate(vnToday(), 20) },
        });
        const taskId = (added.json() as MeetingDetail).agenda[0]!.outcomes[0]!.task!.id;
        const next = await buildMeeting(t(), staff().committee.cookie, body(shiftDate(vnToday(), -10)));
        expect(next.reviewedTasks.map((x) => x.id)).toEqual([taskId]);

        const res = await call('DELETE', `/api/meetings/${mistaken.id}`, staff().committee.cookie);
        expect(res.statusCode, res.body).toBe(204);
        expect((await meetingRows(t(), mistaken.id)).meeting).toBeUndefined();
        expect(await t().db.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst()).toBeUndefined();
        const after = (await call('GET', `/api/meetings/${next.id}`, staff().committee.cookie)).json() as MeetingDetail;
        expect(after.reviewedTasks).toEqual([]);
      });
    });

    // --- Word minutes -----------------------------------------------------------------------

    describe('Word minutes', () => {
      it('exports the minutes as a Word document in the party layout', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: p1, status: 'present', arrivedAt: localInstant(date, '19:47') },
            { memberId: p2, status: 'excused', reason: 'Đi công tác', reported: 'before' },
            { memberId: p3, status: 'absent' },
          ],
        });
        const res = await call('GET', `/api/meetings/${id}/minutes.docx`, staff().member.cookie);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(DOCX);
        expect(res.headers['content-disposition']).toBe(`attachment; filename="bien-ban-sinh-hoat-chi-bo-${date}.docx"`);
        expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const text = docxText(res.rawPayload);
        const [year, month] = date.split('-');
        const late = await nameOf(p1);
        for (const expected of [
          // The commune's and the cell's names in capitals ("Đảng bộ xã Thử …", "Chi bộ thôn Đồng Thứ …").
          'ĐẢNG BỘ XÃ THỬ ',
          home().name.toLocaleUpperCase('vi'),
          'CHI BỘ THÔN ĐỒNG THỨ ',
          home().cells[0]!.name.toLocaleUpperCase('vi'),
          'ĐẢNG CỘNG SẢN VIỆT NAM',
          'BIÊN BẢN',
          `SINH HOẠT CHI BỘ THÁNG ${Number(month)} NĂM ${year}`,
          `Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày ${ddmmyyyy(date)}.`,
          'Có mặt: 2 đồng chí (1 đúng giờ, 1 đến muộn).',
          `Đến muộn: đồng chí ${late} (17 phút).`,
          `Vắng có lý do: 1 đồng chí, gồm: đồng chí ${await nameOf(p2)} (Đi công tác, báo trước).`,
          `Vắng không lý do: 1 đồng chí, gồm: đồng chí ${await nameOf(p3)}.`,
          `Nhiệm vụ: Tu sửa đường làng — kết quả cần đạt: Đường làng đổ bê tông xong, nghiệm thu; người chịu trách nhiệm: đồng chí ${late}; thời hạn: ${ddmmyyyy(f.deadline)}.`,
          `Chủ trì: đồng chí ${await nameOf(f.people[2]!)}.`,
          'Dự thảo',
        ]) {
          expect(text).toContain(expected);
        }
        expect(ddmmyyyy(f.deadline)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      });
    });

    // Runs last: every meeting the tests above wrote keeps a tally equal to a recount.
    describe('attendance tallies', () => {
      it('stay equal to a recount of the participants after every kind of change', async () => {
        await expectTalliesMatchRecount(t, staff().committee.cookie, 5);
      });
    });
  });
});
