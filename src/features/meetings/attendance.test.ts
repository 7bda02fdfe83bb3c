/** Attendance: recorded by form and from a file, late minutes derived, and its statistics. */
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit } from '../../../test/helpers/accounts.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { csvBase64, ddmmyyyy, localInstant, meetingRows, requester, shiftDate, vnToday, xlsxBase64 } from '../../../test/helpers/meetings.js';
import { CSV_HEADER, expectTalliesMatchRecount, meetingFixtures, type MeetingFixture as Fixture } from '../../../test/helpers/meeting-fixtures.js';
import type { MeetingDetail } from './schemas.js';

forEachDialect((dialect) => {
  describe('meetings: attendance', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, dongThu, newMeeting } = meetingFixtures(t);

    // --- attendance -------------------------------------------------------------------------

    describe('attendance', () => {
      it('derives late minutes from the arrival, within the grace period on time; excused keeps its reason', async () => {
        const f = await newMeeting('planned', { graceMinutes: 10 });
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        const date = f.meeting.date;
        const audits = await auditCount(t());
        const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:20') },
            { memberId: p1, status: 'present', arrivedAt: `${date}T12:40:30Z` }, // 19:40:30, 10 minutes: still in grace
            { memberId: p2, status: 'present', arrivedAt: localInstant(date, '19:41'), reason: 'bỏ qua' },
            { memberId: p3, status: 'excused', reason: 'Đi viện', reported: 'before' },
          ],
        });
        expect(res.statusCode, res.body).toBe(200);
        const byId = new Map((res.json().participants as MeetingDetail['participants']).map((p) => [p.memberId, p]));
        expect(byId.get(p0)).toMatchObject({ status: 'present', lateMinutes: 0, arrivedAt: new Date(localInstant(date, '19:20')).toISOString() });
        expect(byId.get(p1)).toMatchObject({ status: 'present', lateMinutes: 0 });
        // Beyond the grace period lateness counts from the scheduled start.
        expect(byId.get(p2)).toMatchObject({ status: 'present', lateMinutes: 11, reason: null });
        expect(byId.get(p3)).toMatchObject({ status: 'excused', lateMinutes: null, arrivedAt: null, reason: 'Đi viện', reported: 'before' });
        expect(res.json().attendance).toEqual({
          expected: 4,
          present: 3,
          onTime: 2,
          late: 1,
          excused: 1,
          absent: 0,
          exempt: 0,
          pending: 0,
          lateMinutesTotal: 11,
          attendanceRate: 0.75,
          punctualityRate: 2 / 3,
          averageLateMinutes: 11,
        });
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.attendance', record_id: f.meeting.id });
        expect(entry.after!.entries).toHaveLength(4);

        // The same list again changes nothing and writes nothing; one correction writes one entry.
        const again = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [{ memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:20') }],
        });
        expect(again.statusCode).toBe(200);
        expect(await auditCount(t())).toBe(audits + 1);
        const fixed = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [{ memberId: p2, status: 'present', arrivedAt: localInstant(date, '19:35') }],
        });
        expect(fixed.json().attendance).toMatchObject({ onTime: 3, late: 0 });
        expect((await lastAudit(t())).after).toMatchObject({ entries: [{ memberId: p2, lateMinutes: 0 }] });
        expect((await lastAudit(t())).before).toMatchObject({ entries: [{ memberId: p2, lateMinutes: 11 }] });
      });

      it('refuses bad entries with 400 naming entries.N.field, writing nothing', async () => {
        const f = await newMeeting();
        const d = await dongThu();
        const date = f.meeting.date;
        const [p0, p1] = f.people as [string, string];
        const ok = { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') };
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), f.meeting.id)];
        const cases: [unknown[], string, string?][] = [
          [[ok, { memberId: p1, status: 'present', arrivedAt: localInstant(shiftDate(date, -1), '19:30') }], 'entries.1.arrivedAt', `Giờ đến (entries.1.arrivedAt): giờ đến phải trong ngày họp ${ddmmyyyy(date)}`],
          [[ok, { memberId: p1, status: 'present', arrivedAt: localInstant(shiftDate(date, 1), '00:10') }], 'entries.1.arrivedAt'],
          // 17:30 UTC is already the next day in Vietnam.
          [[ok, { memberId: p1, status: 'present', arrivedAt: `${date}T17:30:00Z` }], 'entries.1.arrivedAt'],
          [[ok, { memberId: p1, status: 'present' }], 'entries.1.arrivedAt', 'Giờ đến (entries.1.arrivedAt): bắt buộc phải nhập'],
          [[ok, { memberId: p1, status: 'absent', arrivedAt: localInstant(date, '19:30') }], 'entries.1.arrivedAt'],
          [[ok, { memberId: p1, status: 'excused', reported: 'before' }], 'entries.1.reason', 'Lý do (entries.1.reason): bắt buộc phải nhập'],
          [[ok, { memberId: p1, status: 'excused', reason: 'Ốm' }], 'entries.1.reported'],
          [[ok, { memberId: d.exempt.id, status: 'exempt' }], 'entries.1.memberId', 'Đảng viên (entries.1.memberId): người này không có trong danh sách dự họp'],
          [[ok, { memberId: d.luuQuangMemberId, status: 'absent' }], 'entries.1.memberId'],
          [[ok, { memberId: p0, status: 'absent' }], 'entries.1.memberId', 'Đảng viên (entries.1.memberId): bị lặp lại'],
          [[ok, { memberId: p1, status: 'late' }], 'entries.1.status'],
          [[{ ...ok, arrivedAt: '19:30' }], 'entries.0.arrivedAt'],
          [[], 'entries'],
        ];
        for (const [entries, field, message] of cases) {
          const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries });
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(res.json().error.code).toBe('validation');
          expect(fieldsOf(res), res.body).toEqual([field]);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        expect(await meetingRows(t(), f.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
      });

      it('speaks English when asked', async () => {
        const f = await newMeeting();
        const date = f.meeting.date;
        const res = await call(
          'PUT',
          `/api/meetings/${f.meeting.id}/attendance`,
          staff().secretary.cookie,
          { entries: [{ memberId: f.people[0], status: 'present', arrivedAt: localInstant(shiftDate(date, 1), '19:30') }] },
          'en',
        );
        expect(res.statusCode).toBe(400);
        const message = `entries.0.arrivedAt: the arrival must be on the meeting day ${ddmmyyyy(date)}`;
        expect(res.json().error).toEqual({ code: 'validation', message: `Invalid input: ${message}`, fields: [{ field: 'entries.0.arrivedAt', message }] });
        const future = await newMeeting('planned', { date: shiftDate(vnToday(), 7) });
        const hold = await call('POST', `/api/meetings/${future.meeting.id}/hold`, staff().secretary.cookie, undefined, 'en');
        expect(hold.json().error).toEqual({ code: 'meeting_in_future', message: 'The meeting date has not come yet.' });
        const badId = await call('GET', '/api/meetings/bien-ban-1', staff().secretary.cookie, undefined, 'en');
        expect(badId.json().error.fields).toEqual([{ field: 'id', message: 'id: has the wrong format (a UUID identifier)' }]);
      });
    });

    describe('attendance before the meeting day', () => {
      it('takes only absences excused in advance, by form or file; anything else is 400 naming the field, writing nothing', async () => {
        const f = await newMeeting('planned', { date: shiftDate(vnToday(), 7) });
        const date = f.meeting.date;
        const [p0, p1] = f.people as [string, string];
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), f.meeting.id)];
        const cases: [unknown, string, string][] = [
          [{ memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') }, 'entries.0.status', `Trạng thái (entries.0.status): chưa đến ngày họp ${ddmmyyyy(date)}: trước ngày họp chỉ ghi được vắng có lý do (báo trước)`],
          [{ memberId: p0, status: 'absent' }, 'entries.0.status', `Trạng thái (entries.0.status): chưa đến ngày họp ${ddmmyyyy(date)}: trước ngày họp chỉ ghi được vắng có lý do (báo trước)`],
          [{ memberId: p0, status: 'excused', reason: 'Ốm', reported: 'after' }, 'entries.0.reported', `Thời điểm báo vắng (entries.0.reported): chưa đến ngày họp ${ddmmyyyy(date)}: vắng có lý do lúc này chỉ có thể là báo trước`],
        ];
        for (const [entry, field, message] of cases) {
          const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries: [entry] });
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().error.fields).toEqual([{ field, message }]);
        }
        const en = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries: [{ memberId: p0, status: 'absent' }] }, 'en');
        expect(en.json().error.fields).toEqual([
          { field: 'entries.0.status', message: `Status (entries.0.status): the meeting day ${ddmmyyyy(date)} has not come: before it only an absence excused in advance can be recorded` },
        ]);
        // A file with someone present a week early: refused, preview too.
        const roster = (await dongThu()).roster;
        const m0 = roster.find((r) => r.id === p0)!;
        const m1 = roster.find((r) => r.id === p1)!;
        const early = csvBase64([CSV_HEADER, [m1.card_number ?? '', m1.full_name, 'Vắng có lý do', ''], [m0.card_number ?? '', m0.full_name, 'Có mặt', '19:30']]);
        for (const dryRun of [true, false]) {
          const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'diem-danh.csv', contentBase64: early, dryRun });
          expect(res.statusCode, res.body).toBe(400);
          expect(fieldsOf(res)).toEqual(['rows.3.status']);
        }
        expect(await meetingRows(t(), f.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        // An absence reported in advance is the one thing a meeting to come takes.
        const excused = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [{ memberId: p1, status: 'excused', reason: 'Đi công tác', reported: 'before' }],
        });
        expect(excused.statusCode, excused.body).toBe(200);
        const file = csvBase64([CSV_HEADER, [m0.card_number ?? '', m0.full_name, 'Vắng có lý do', '']]);
        const imported = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'bao-vang.csv', contentBase64: file });
        expect(imported.statusCode, imported.body).toBe(200);
        expect(await auditCount(t())).toBe(audits + 2);
      });

      it('keeps a meeting with marks from moving to a day still to come', async () => {
        const f = await newMeeting();
        await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries: [{ memberId: f.people[0], status: 'absent' }] });
        const rows = await meetingRows(t(), f.meeting.id);
        const res = await call('PATCH', `/api/meetings/${f.meeting.id}`, staff().secretary.cookie, { date: shiftDate(vnToday(), 3) });
        expect(res.statusCode, res.body).toBe(400);
        expect(fieldsOf(res)).toEqual(['date']);
        expect(await meetingRows(t(), f.meeting.id)).toEqual(rows);
      });
    });

    describe('attendance reports', () => {
      it("a member reads their own punctuality, meeting by meeting; the secretary reads the cell's", async () => {
        const f = await newMeeting();
        const date = f.meeting.date;
        const [me, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: me, status: 'present', arrivedAt: localInstant(date, '19:42') },
            { memberId: p1, status: 'excused', reason: 'Đi làm ca', reported: 'after' },
            { memberId: p2, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: p3, status: 'absent' },
          ],
        });
        const period = `from=${date}&to=${date}`;
        const own = await call('GET', `/api/members/${me}/attendance-stats?${period}`, staff().member.cookie);
        expect(own.statusCode, own.body).toBe(200);
        expect(own.json()).toMatchObject({
          memberId: me,
          from: date,
          to: date,
          total: { expected: 1, present: 1, late: 1, lateMinutesTotal: 12, punctualityRate: 0, averageLateMinutes: 12 },
          months: [{ month: date.slice(0, 7), late: 1 }],
          meetings: [{ meetingId: f.meeting.id, date, kind: 'regular', unitName: home().cells[0]!.name, role: 'member', status: 'present', lateMinutes: 12, reason: null }],
        });
        const cellStats = await call('GET', `/api/units/${f.unitId}/attendance-stats?${period}`, staff().secretary.cookie);
        expect(cellStats.statusCode, cellStats.body).toBe(200);
        const members = cellStats.json().members as { memberId: string; late: number; excused: number; pending: number }[];
        expect(members.find((m) => m.memberId === me)).toMatchObject({ late: 1 });
        expect(members.find((m) => m.memberId === p1)).toMatchObject({ excused: 1 });
        expect(cellStats.json().total).toMatchObject({ expected: 4, present: 2, late: 1, excused: 1, absent: 1, pending: 0, attendanceRate: 0.5, punctualityRate: 0.5 });
        const bad = await call('GET', `/api/members/${me}/attendance-stats?from=${date}&to=2000-01-01`, staff().member.cookie);
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.fields).toEqual([{ field: 'to', message: 'Đến ngày (to): đến ngày phải sau từ ngày' }]);
      });

      it('a meeting still being marked shows no rates and stays out of every report and the ranking until nobody is pending', async () => {
        const f = await newMeeting();
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        // Three of four marked, all on time: not "100 % (3/3)".
        const partial = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, {
          entries: [p0, p1, p2].map((memberId) => ({ memberId, status: 'present', arrivedAt: localInstant(date, '19:25') })),
        });
        expect(partial.statusCode, partial.body).toBe(200);
        expect(partial.json()).toMatchObject({ attendanceComplete: false, attendance: { present: 3, pending: 1, attendanceRate: null, punctualityRate: null } });
        const period = `from=${date}&to=${date}`;
        const reports = async () => {
          const [page, list, cell, commune, member] = await Promise.all([
            call('GET', `/api/meetings/${f.meeting.id}`, staff().secretary.cookie),
            call('GET', `/api/units/${f.unitId}/meetings?${period}`, staff().secretary.cookie),
            call('GET', `/api/units/${f.unitId}/attendance-stats?${period}`, staff().secretary.cookie),
            call('GET', `/api/units/${f.communeId}/attendance-stats?${period}`, staff().committee.cookie),
            call('GET', `/api/members/${p0}/attendance-stats?${period}`, staff().member.cookie),
          ]);
          for (const res of [page, list, cell, commune, member]) expect(res.statusCode, res.body).toBe(200);
          const row = (list.json().items as MeetingDetail[]).find((m) => m.id === f.meeting.id)!;
          const ranked = (commune.json().cells as { unitId: string; meetings: number; punctualityRate: number | null }[]).find((c) => c.unitId === f.unitId)!;
          return { page: page.json() as MeetingDetail, row, cell: cell.json(), commune: commune.json(), ranked, member: member.json() };
        };
        const marking = await reports();
        expect(marking.page).toMatchObject({ attendanceComplete: false, attendance: { attendanceRate: null, punctualityRate: null } });
        expect(marking.row).toMatchObject({ attendanceComplete: false, attendance: { attendanceRate: null, punctualityRate: null } });
        expect(marking.cell).toMatchObject({ meetings: 0, total: { expected: 0, attendanceRate: null, punctualityRate: null } });
        expect(marking.cell.members.find((m: { memberId: string }) => m.memberId === p0)).toMatchObject({ expected: 0, punctualityRate: null });
        expect(marking.commune.total).toMatchObject({ expected: 0, punctualityRate: null });
        expect(marking.ranked).toMatchObject({ meetings: 0, punctualityRate: null });
        expect(marking.member.total).toMatchObject({ expected: 0, punctualityRate: null });

        // The last one marked: the meeting counts everywhere, against all four expected.
        const last = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries: [{ memberId: p3, status: 'absent' }] });
        expect(last.json()).toMatchObject({ attendanceComplete: true, attendance: { attendanceRate: 0.75 } });
        const done = await reports();
        const rates = { expected: 4, present: 3, pending: 0, attendanceRate: 0.75, punctualityRate: 1 };
        expect(done.page).toMatchObject({ attendanceComplete: true, attendance: rates });
        expect(done.row).toMatchObject({ attendanceComplete: true, attendance: rates });
        expect(done.cell).toMatchObject({ meetings: 1, total: rates });
        expect(done.commune.total).toMatchObject(rates);
        expect(done.ranked).toMatchObject({ meetings: 1, punctualityRate: 1, attendanceRate: 0.75 });
        expect(done.member.total).toMatchObject({ expected: 1, present: 1, punctualityRate: 1 });
      });

      it('a meeting still to come counts nowhere, even with everyone excused in advance', async () => {
        const f = await newMeeting('planned', { date: shiftDate(vnToday(), 8) });
        const entries = f.people.map((memberId) => ({ memberId, status: 'excused', reason: 'Đi công tác', reported: 'before' }));
        const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, staff().secretary.cookie, { entries });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().attendance).toMatchObject({ excused: 4, pending: 0, attendanceRate: null });
        const page = (await call('GET', `/api/meetings/${f.meeting.id}`, staff().secretary.cookie)).json() as MeetingDetail;
        expect(page.attendanceComplete).toBe(false);
        const period = `from=${f.meeting.date}&to=${f.meeting.date}`;
        const cell = await call('GET', `/api/units/${f.unitId}/attendance-stats?${period}`, staff().secretary.cookie);
        expect(cell.json()).toMatchObject({ meetings: 0, total: { expected: 0, excused: 0 } });
      });
    });

    // --- importing attendance ---------------------------------------------------------------

    describe('attendance import', () => {
      async function fileRows(f: Fixture) {
        const roster = (await dongThu()).roster;
        return f.people.map((id) => roster.find((r) => r.id === id)!);
      }

      it('previews a CSV without writing, then imports it', async () => {
        const f = await newMeeting();
        const [m0, m1, m2, m3] = (await fileRows(f)) as { id: string; full_name: string; card_number: string | null }[];
        const date = f.meeting.date;
        const contentBase64 = csvBase64([
          CSV_HEADER,
          [m0!.card_number ?? '', m0!.full_name, 'Có mặt', '19:28'],
          [m1!.card_number ?? '', m1!.full_name, 'Có mặt', '19:52'],
          [m2!.card_number ?? '', m2!.full_name, 'Vắng có lý do', ''],
          [m3!.card_number ?? '', m3!.full_name, 'Vắng', ''],
        ]);
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), f.meeting.id)];
        const preview = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'Điểm danh tháng.csv', contentBase64, dryRun: true });
        expect(preview.statusCode, preview.body).toBe(200);
        const expectedEntries = [
          { row: 2, memberId: m0!.id, fullName: m0!.full_name, status: 'present', arrivedAt: new Date(localInstant(date, '19:28')).toISOString(), lateMinutes: 0, reason: null },
          { row: 3, memberId: m1!.id, fullName: m1!.full_name, status: 'present', arrivedAt: new Date(localInstant(date, '19:52')).toISOString(), lateMinutes: 22, reason: null },
          { row: 4, memberId: m2!.id, fullName: m2!.full_name, status: 'excused', arrivedAt: null, lateMinutes: null, reason: '—' },
          { row: 5, memberId: m3!.id, fullName: m3!.full_name, status: 'absent', arrivedAt: null, lateMinutes: null, reason: null },
        ];
        expect(preview.json()).toEqual({ imported: false, rowsRead: 4, entries: expectedEntries });
        expect(await meetingRows(t(), f.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        const real = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'Điểm danh tháng.csv', contentBase64 });
        expect(real.statusCode, real.body).toBe(200);
        expect(real.json()).toEqual({ imported: true, rowsRead: 4, entries: expectedEntries });
        const detail = (await call('GET', `/api/meetings/${f.meeting.id}`, staff().secretary.cookie)).json() as MeetingDetail;
        expect(detail.attendance).toMatchObject({ expected: 4, present: 2, onTime: 1, late: 1, excused: 1, absent: 1, pending: 0, lateMinutesTotal: 22 });
        expect(detail.participants.find((p) => p.memberId === m2!.id)).toMatchObject({ status: 'excused', reported: 'before' });
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.attendance_import', record_id: f.meeting.id });
        expect(entry.after).toMatchObject({ fileName: 'Điểm danh tháng.csv' });
        expect(entry.after!.entries).toHaveLength(4);

        // The same file again changes nothing.
        await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'Điểm danh tháng.csv', contentBase64 });
        expect(await auditCount(t())).toBe(audits + 1);
      });

      it('refuses a file with an unknown member and a broken time, listing both rows, importing nothing', async () => {
        const f = await newMeeting();
        const [m0, , m2] = (await fileRows(f)) as { id: string; full_name: string; card_number: string | null }[];
        const contentBase64 = csvBase64([
          CSV_HEADER,
          [m0!.card_number ?? '', m0!.full_name, 'Có mặt', '19:30'],
          ['', 'Người Không Quen', 'Có mặt', '19:30'],
          [m2!.card_number ?? '', m2!.full_name, 'Có mặt', '25:61'],
        ]);
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), f.meeting.id)];
        for (const dryRun of [true, false]) {
          const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'diem-danh.csv', contentBase64, dryRun });
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().error).toEqual({
            code: 'import_invalid',
            message: 'Tệp điểm danh có 2 lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.',
            fields: [
              { field: 'rows.3.Họ và tên', message: 'dòng 3: không có "Người Không Quen" trong danh sách dự họp' },
              { field: 'rows.4.Giờ đến', message: 'dòng 4: giờ đến "25:61" không hợp lệ hoặc không trong ngày họp' },
            ],
          });
        }
        const en = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'diem-danh.csv', contentBase64 }, 'en');
        expect(en.json().error.message).toBe('The attendance file has 2 problems; nothing was imported. Fix the file and import it again.');
        const notAFile = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'diem-danh.pdf', contentBase64 });
        expect(notAFile.statusCode).toBe(400);
        expect(fieldsOf(notAFile)).toEqual(['fileName']);
        // Bytes that are not a workbook, a CSV in a legacy code page, base64 that is not base64: 400, never 500.
        for (const [fileName, content] of [
          ['diem-danh.xlsx', Buffer.from('không phải tệp Excel').toString('base64')],
          ['diem-danh.csv', Buffer.from([0x48, 0xe4, 0x20, 0x4e, 0xe9, 0x69, 0x0a]).toString('base64')],
          ['diem-danh.csv', 'không-phải-base64'],
        ] as const) {
          const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName, contentBase64: content });
          expect(res.statusCode, res.body).toBe(400);
        }
        expect(await meetingRows(t(), f.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
      });

      it('imports an Excel workbook too', async () => {
        const f = await newMeeting();
        const [m0, m1, m2, m3] = (await fileRows(f)) as { id: string; full_name: string; card_number: string | null }[];
        const contentBase64 = await xlsxBase64([
          ['DANH SÁCH ĐIỂM DANH'],
          ['STT', 'Họ và tên', 'Trạng thái', 'Giờ đến', 'Lý do'],
          [1, m0!.full_name, 'Có mặt', '19:30'],
          [2, m1!.full_name, 'Đi muộn', 0.8125 + 12 / 1440], // Excel's serial time for 19:42
          [3, m2!.full_name, 'Vắng không lý do', null, 'Không báo'],
          [4, m3!.full_name, 'Có phép', null, 'Đi công tác'],
        ]);
        const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, staff().secretary.cookie, { fileName: 'Diem danh.xlsx', contentBase64 });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ imported: true, rowsRead: 4 });
        expect(res.json().entries.map((e: { row: number; status: string; lateMinutes: number | null; reason: string | null }) => [e.row, e.status, e.lateMinutes, e.reason])).toEqual([
          [3, 'present', 0, null],
          [4, 'present', 12, null],
          [5, 'absent', null, 'Không báo'],
          [6, 'excused', null, 'Đi công tác'],
        ]);
        expect((await lastAudit(t())).action).toBe('meeting.attendance_import');
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
