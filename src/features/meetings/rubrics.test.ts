/** Meeting-quality rubrics and scores. */
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit } from '../../../test/helpers/accounts.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { buildMeeting } from '../../../test/helpers/factories.js';
import { localInstant, meetingRows, requester } from '../../../test/helpers/meetings.js';
import { meetingFixtures } from '../../../test/helpers/meeting-fixtures.js';
import type { MeetingDetail } from './schemas.js';

forEachDialect((dialect) => {
  describe('meetings: rubrics and scores', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, freshPastDate, dongThu, newMeeting, rubricBody } = meetingFixtures(t);

    // --- quality score and rubrics ----------------------------------------------------------

    describe('quality score and rubrics', () => {
      it('scores on the rubric: suggestions for measured criteria, checks, total and level', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${id}/attendance`, staff().secretary.cookie, {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: p1, status: 'present', arrivedAt: localInstant(date, '19:25') },
            { memberId: p2, status: 'present', arrivedAt: localInstant(date, '19:45') },
            { memberId: p3, status: 'excused', reason: 'Ốm', reported: 'after' },
          ],
        });
        const detail = (await call('GET', `/api/meetings/${id}`, staff().secretary.cookie)).json() as MeetingDetail;
        const suggested = Object.fromEntries(detail.score!.items.map((i) => [i.code, i.suggested]));
        // 3 of 4 came (75% of the 90% threshold), 2 of 3 on time, the one task names owner and deadline.
        expect(suggested).toEqual({ prepare: null, attendance: 12.5, punctual: 6.5, review: null, criticism: null, tasks: 15, resolution: null, dues: null });
        expect(detail.score!.items.every((i) => i.points === null)).toBe(true);

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const cases: [unknown[], string, string?][] = [
          [[{ code: 'khong_co', points: 1 }], 'items.0.code', 'Mã (items.0.code): không có tiêu chí này trong mẫu chấm điểm'],
          [[{ code: 'prepare', points: 10.5 }], 'items.0.points', 'Điểm (items.0.points): phải nhỏ hơn hoặc bằng 10'],
          [[{ code: 'prepare', points: 7.25 }], 'items.0.points', 'Điểm (items.0.points): điểm chấm theo bước 0,5'],
          [[{ code: 'prepare', points: 5 }, { code: 'prepare', points: 6 }], 'items.1.code'],
          [[{ code: 'prepare', points: -1 }], 'items.0.points'],
          [[], 'items'],
        ];
        for (const [items, field, message] of cases) {
          const res = await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items });
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        const partial = await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }] });
        expect(partial.statusCode, partial.body).toBe(200);
        expect((partial.json() as MeetingDetail).score).toMatchObject({ total: 8.5, level: null, complete: false });
        expect(partial.json()).toMatchObject({ scoreTotal: 8.5, scoreLevel: null });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.score', record_id: id, after: { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }], total: 8.5, level: null } });
        await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }] });
        expect(await auditCount(t())).toBe(audits + 1);

        const all = { attendance: 12.5, punctual: 6.5, review: 14, criticism: 15, tasks: 15, resolution: 10, dues: 10 };
        const complete = await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items: Object.entries(all).map(([code, points]) => ({ code, points })) });
        expect(complete.statusCode, complete.body).toBe(200);
        expect((complete.json() as MeetingDetail).score).toMatchObject({ total: 91.5, level: 'Tốt', complete: true });
        // The note given before is kept when the criterion is not sent again.
        expect((complete.json() as MeetingDetail).score!.items.find((i) => i.code === 'prepare')).toMatchObject({ points: 8.5, note: 'Chuẩn bị khá' });
        const lower = await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items: [{ code: 'review', points: 0 }] });
        expect(lower.json()).toMatchObject({ scoreTotal: 77.5, scoreLevel: 'Khá', score: { total: 77.5, level: 'Khá', complete: true } });
        const cleared = await call('PUT', `/api/meetings/${id}/score`, staff().secretary.cookie, { items: [{ code: 'review', points: null }] });
        expect(cleared.json()).toMatchObject({ scoreTotal: 77.5, scoreLevel: null, score: { complete: false, level: null } });
      });

      it('loads a province form: it replaces the active form of its kind; bad forms are refused', async () => {
        const communeId = home().id;
        const list = async () => (await call('GET', `/api/meeting-rubrics?unitId=${communeId}`, staff().committee.cookie)).json().items as { id: string; kind: string; name: string; retired: boolean }[];
        const audits = await auditCount(t());
        const first = await call('POST', '/api/meeting-rubrics', staff().committee.cookie, rubricBody(communeId, 'Chuyên đề — lần 1'));
        expect(first.statusCode, first.body).toBe(201);
        expect(first.json()).toMatchObject({
          unitId: communeId,
          kind: 'thematic',
          name: 'Chuyên đề — lần 1',
          maxPoints: 100,
          retired: false,
          levels: [
            { name: 'Tốt', min: 80 },
            { name: 'Đạt', min: 50 },
            { name: 'Chưa đạt', min: 0 },
          ],
        });
        expect(await lastAudit(t())).toMatchObject({ action: 'rubric.create', record_type: 'meeting_rubric', record_id: first.json().id, unit_id: communeId });
        const second = await call('POST', '/api/meeting-rubrics', staff().committee.cookie, rubricBody(communeId, 'Chuyên đề — lần 2'));
        expect(second.statusCode).toBe(201);
        expect(await auditCount(t())).toBe(audits + 2);
        const items = await list();
        expect(items.find((r) => r.id === first.json().id)!.retired).toBe(true);
        expect(items.find((r) => r.id === second.json().id)!.retired).toBe(false);
        expect(items.filter((r) => r.kind === 'thematic' && !r.retired).map((r) => r.id)).toEqual([second.json().id]);
        expect(items.filter((r) => r.kind === 'regular' && !r.retired)).toHaveLength(1);

        // A thematic meeting is scored on the thematic form.
        const d = await dongThu();
        const thematic = await buildMeeting(t(), staff().secretary.cookie, {
          unitId: d.unitId,
          kind: 'thematic',
          topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
          date: freshPastDate(),
          startTime: '08:00',
          place: 'Nhà văn hóa thôn Đồng Thứ',
          participantIds: d.others.slice(0, 2).map((m) => m.id),
          agenda: [{ title: 'Chuyên đề' }],
        });
        expect(thematic.score!.rubric.id).toBe(second.json().id);
        expect(thematic.score!.items.map((i) => i.code)).toEqual(['noi_dung', 'tham_gia']);

        const before = await auditCount(t());
        const base = rubricBody(communeId);
        for (const [body, field] of [
          [{ ...base, criteria: [base.criteria[0], { ...base.criteria[1], code: 'noi_dung' }] }, 'criteria.1.code'],
          [{ ...base, criteria: [{ ...base.criteria[0], points: 0 }] }, 'criteria.0.points'],
          [{ ...base, criteria: [{ ...base.criteria[0], code: 'Nội dung' }] }, 'criteria.0.code'],
          [{ ...base, levels: [] }, 'levels'],
          [{ ...base, kind: 'yearly' }, 'kind'],
        ] as const) {
          const res = await call('POST', '/api/meeting-rubrics', staff().committee.cookie, body);
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res)).toEqual([field]);
        }
        expect(await auditCount(t())).toBe(before);
        expect((await list()).length).toBe(items.length);
      });
    });
  });
});
