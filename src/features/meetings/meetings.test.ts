import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, CELL_LUU_QUANG, COMMUNE, useDemoApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId, signInAs } from '../../../test/helpers/accounts.js';
import { docxText } from '../../../test/helpers/docx.js';
import {
  cellRoster,
  csvBase64,
  ddmmyyyy,
  localInstant,
  meetingRows,
  requester,
  shiftDate,
  vnToday,
  xlsxBase64,
  type Method,
} from '../../../test/helpers/meetings.js';
import type { MeetingDetail, TaskSummary } from './schemas.js';

const CELL_SO_1 = 'Chi bộ thôn Số 1';
const CELL_SO_2 = 'Chi bộ thôn Số 2';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CSV_HEADER = ['Số thẻ', 'Họ và tên', 'Trạng thái', 'Giờ đến'];

type Who = string | (() => Promise<string>);
type FieldError = { field: string; message: string };
const fieldsOf = (res: LightMyRequestResponse): string[] => ((res.json().error?.fields ?? []) as FieldError[]).map((f) => f.field);

forEachDialect((dialect) => {
  describe('meetings: rights, lifecycle, attendance, minutes', () => {
    const t = useDemoApp(dialect);
    const call = requester(t);
    /** A signed-in cookie (signing in writes to the audit log: do it before counting entries). */
    const as = async (who: Who): Promise<string> => (typeof who === 'string' ? t().login(who) : who());

    /** Accounts the demo does not have. */
    const officeOnly = () => signInAs(t(), 'vanphong.khongdangvien', [{ role: 'office', unitName: COMMUNE }]);
    const officeLuuQuang = () => signInAs(t(), 'vanphong.luuquang', [{ role: 'office', unitName: CELL_LUU_QUANG }]);
    const committeeDongThu = () => signInAs(t(), 'chiuy.dongthu', [{ role: 'cell_committee', unitName: CELL_DONG_THU }]);
    const noRole = () => signInAs(t(), 'khong.vaitro', []);

    let back = 0;
    /**
     * A past date earlier than every one handed out before: a new Đồng Thứ meeting then has
     * no earlier open tasks to carry, so the tests do not depend on each other.
     */
    const freshPastDate = () => shiftDate(vnToday(), -(20 + ++back));

    let cell: Awaited<ReturnType<typeof loadDongThu>> | undefined;
    async function loadDongThu() {
      const unitId = await t().unitId(CELL_DONG_THU);
      const roster = await cellRoster(t(), unitId);
      const secretaryId = await t().memberIdOf('bithu.dongthu');
      const memberId = await t().memberIdOf('dangvien.dongthu');
      return {
        unitId,
        communeId: await t().unitId(COMMUNE),
        roster,
        secretaryId,
        memberId,
        /** Official members with a vote on any recent date, neither demo account. */
        others: roster.filter(
          (m) => m.status === 'official' && (m.official_on ?? '') < '2026-01-01' && m.id !== secretaryId && m.id !== memberId,
        ),
        probationary: roster.find((m) => m.status === 'probationary')!,
        exempt: roster.find((m) => m.status === 'exempt')!,
        luuQuangMemberId: await t().memberIdOf('bithu.luuquang'),
      };
    }
    const dongThu = async () => (cell ??= await loadDongThu());
    const nameOf = async (memberId: string) => (await dongThu()).roster.find((m) => m.id === memberId)!.full_name;

    interface Fixture {
      unitId: string;
      communeId: string;
      secretaryId: string;
      meeting: MeetingDetail;
      /** Participants: dangvien.dongthu first, then three other members. */
      people: string[];
      /** A task outcome on the second agenda item, owned by people[1]. */
      outcomeId: string;
      taskId: string;
      deadline: string;
    }

    async function createIn(who: string, body: Record<string, unknown>): Promise<MeetingDetail> {
      const res = await call('POST', '/api/meetings', who, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as MeetingDetail;
    }

    /** Marks every participant present at `time` (19:30 = on time). */
    async function recordAll(meeting: MeetingDetail, time = '19:30') {
      const entries = meeting.participants.map((p) => ({ memberId: p.memberId, status: 'present', arrivedAt: localInstant(meeting.date, time) }));
      const res = await call('PUT', `/api/meetings/${meeting.id}/attendance`, 'bithu.dongthu', { entries });
      expect(res.statusCode, res.body).toBe(200);
    }

    async function transition(id: string, step: 'hold' | 'approve'): Promise<MeetingDetail> {
      const res = await call('POST', `/api/meetings/${id}/${step}`, 'bithu.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as MeetingDetail;
    }

    /** A Đồng Thứ meeting at 19:30 with four participants, two agenda items and one task. */
    async function newMeeting(
      state: 'planned' | 'held' | 'approved' = 'planned',
      opts: { date?: string; graceMinutes?: number } = {},
    ): Promise<Fixture> {
      const d = await dongThu();
      const date = opts.date ?? freshPastDate();
      const people = [d.memberId, ...d.others.slice(0, 3).map((m) => m.id)];
      const created = await createIn('bithu.dongthu', {
        unitId: d.unitId,
        kind: 'regular',
        date,
        startTime: '19:30',
        place: 'Nhà văn hóa thôn Đồng Thứ',
        participantIds: people,
        chairMemberId: people[2],
        secretaryMemberId: people[3],
        ...(opts.graceMinutes !== undefined ? { graceMinutes: opts.graceMinutes } : {}),
        agenda: [{ title: 'Đánh giá kết quả tháng trước' }, { title: 'Nhiệm vụ tháng tới' }],
      });
      const deadline = shiftDate(date, 30);
      const withTask = await call('POST', `/api/meetings/${created.id}/outcomes`, 'bithu.dongthu', {
        agendaItemId: created.agenda[1]!.id,
        kind: 'task',
        task: { title: 'Tu sửa đường làng', deliverable: 'Đường làng đổ bê tông xong, nghiệm thu', ownerMemberId: people[1], deadline },
      });
      expect(withTask.statusCode, withTask.body).toBe(201);
      let meeting = withTask.json() as MeetingDetail;
      const outcome = meeting.agenda[1]!.outcomes[0]!;
      if (state !== 'planned') {
        await recordAll(meeting);
        meeting = await transition(meeting.id, 'hold');
      }
      if (state === 'approved') meeting = await transition(meeting.id, 'approve');
      return { unitId: d.unitId, communeId: d.communeId, secretaryId: d.secretaryId, meeting, people, outcomeId: outcome.id, taskId: outcome.task!.id, deadline };
    }

    const newMeetingBody = (unitId: string) => ({
      unitId,
      kind: 'regular',
      date: freshPastDate(),
      startTime: '19:30',
      place: 'Nhà văn hóa',
      agenda: [{ title: 'Sinh hoạt thường kỳ' }],
    });
    const rubricBody = (unitId: string, name = 'Mẫu chấm điểm sinh hoạt chuyên đề (thử)') => ({
      unitId,
      kind: 'thematic',
      name,
      source: 'Hướng dẫn của Tỉnh ủy (bản thử)',
      criteria: [
        { code: 'noi_dung', text: 'Chuẩn bị chuyên đề chu đáo', points: 60 },
        { code: 'tham_gia', text: 'Đảng viên dự đầy đủ', points: 40, measure: 'attendance_rate', threshold: 0.8 },
      ],
      levels: [
        { name: 'Đạt', min: 50 },
        { name: 'Tốt', min: 80 },
        { name: 'Chưa đạt', min: 0 },
      ],
    });
    async function oneRowCsv(f: Fixture, time = '19:25') {
      const m = (await dongThu()).roster.find((r) => r.id === f.people[0])!;
      return csvBase64([CSV_HEADER, [m.card_number ?? '', m.full_name, 'Có mặt', time]]);
    }

    // --- the endpoint × case matrix ---------------------------------------------------------

    interface Row {
      route: string;
      method: Method;
      /** The state of the fixture meeting the request works on. */
      setup?: 'planned' | 'held' | 'approved';
      url: (f: Fixture) => string;
      /** The same request naming a record that does not exist. */
      missing: (f: Fixture) => string;
      body?: (f: Fixture) => unknown | Promise<unknown>;
      missingBody?: (f: Fixture) => unknown;
      /** Callers without the role for this action anywhere: 403. */
      forbidden: Who[];
      /** A caller with the role, but over another unit: 404 like a missing record. */
      other?: Who;
      happy: { who: Who; status: number; audit?: string; url?: (f: Fixture) => string; body?: (f: Fixture) => unknown; check?: (res: LightMyRequestResponse, f: Fixture) => void | Promise<void> };
    }

    const meetingUrl = (suffix = '') => ({
      url: (f: Fixture) => `/api/meetings/${f.meeting.id}${suffix}`,
      missing: () => `/api/meetings/${missingId()}${suffix}`,
    });
    const managers: Who[] = ['dangvien.dongthu', 'vanphong'];
    const readersOnlyBy: Who[] = [officeOnly, noRole];

    const rows: Row[] = [
      {
        route: 'GET /api/units/:id/meetings',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/meetings`,
        missing: () => `/api/units/${missingId()}/meetings`,
        forbidden: readersOnlyBy,
        happy: { who: 'dangvien.dongthu', status: 200, check: (res, f) => expect(res.json().items.map((i: { id: string }) => i.id)).toContain(f.meeting.id) },
      },
      {
        route: 'GET /api/units/:id/meeting-options',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/meeting-options`,
        missing: () => `/api/units/${missingId()}/meeting-options`,
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, check: (res, f) => expect(res.json().openTasks.map((x: TaskSummary) => x.id)).toContain(f.taskId) },
      },
      {
        route: 'GET /api/units/:id/attendance-stats',
        method: 'GET',
        url: (f) => `/api/units/${f.unitId}/attendance-stats`,
        missing: () => `/api/units/${missingId()}/attendance-stats`,
        forbidden: managers,
        happy: { who: 'ubkt', status: 200, check: (res) => expect(res.json().unitName).toBe(CELL_DONG_THU) },
      },
      {
        route: 'GET /api/members/:id/attendance-stats',
        method: 'GET',
        url: (f) => `/api/members/${f.secretaryId}/attendance-stats`,
        missing: () => `/api/members/${missingId()}/attendance-stats`,
        // A member asking for another member's record; the office has no report right at all.
        forbidden: ['dangvien.dongthu', 'vanphong'],
        happy: { who: 'bithu.dongthu', status: 200, check: (res, f) => expect(res.json().memberId).toBe(f.secretaryId) },
      },
      {
        route: 'POST /api/meetings',
        method: 'POST',
        url: () => '/api/meetings',
        missing: () => '/api/meetings',
        body: (f) => newMeetingBody(f.unitId),
        missingBody: () => newMeetingBody(missingId()),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 201, audit: 'meeting.create' },
      },
      {
        route: 'GET /api/meetings/:id',
        method: 'GET',
        ...meetingUrl(),
        forbidden: readersOnlyBy,
        happy: { who: 'dangvien.dongthu', status: 200, check: (res, f) => expect(res.json().id).toBe(f.meeting.id) },
      },
      {
        route: 'PATCH /api/meetings/:id',
        method: 'PATCH',
        ...meetingUrl(),
        body: () => ({ place: 'Hội trường thôn Đồng Thứ' }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.update', check: (res) => expect(res.json().place).toBe('Hội trường thôn Đồng Thứ') },
      },
      {
        route: 'DELETE /api/meetings/:id',
        method: 'DELETE',
        ...meetingUrl(),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 204, audit: 'meeting.delete' },
      },
      {
        route: 'PUT /api/meetings/:id/agenda',
        method: 'PUT',
        ...meetingUrl('/agenda'),
        body: (f) => ({ items: f.meeting.agenda.map((a) => ({ id: a.id, title: a.title, minutes: 'Chi bộ thảo luận, thống nhất.' })) }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.agenda' },
      },
      {
        route: 'PUT /api/meetings/:id/attendance',
        method: 'PUT',
        ...meetingUrl('/attendance'),
        body: (f) => ({ entries: [{ memberId: f.people[0], status: 'present', arrivedAt: localInstant(f.meeting.date, '19:25') }] }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.attendance' },
      },
      {
        route: 'POST /api/meetings/:id/attendance/import',
        method: 'POST',
        ...meetingUrl('/attendance/import'),
        body: async (f) => ({ fileName: 'diem-danh.csv', contentBase64: await oneRowCsv(f) }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.attendance_import' },
      },
      {
        route: 'POST /api/meetings/:id/outcomes',
        method: 'POST',
        ...meetingUrl('/outcomes'),
        body: (f) => ({ agendaItemId: f.meeting.agenda[0]!.id, kind: 'information', text: 'Thôn hoàn thành kế hoạch thu thuế.' }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 201, audit: 'meeting.outcome_add' },
      },
      {
        route: 'DELETE /api/meetings/:id/outcomes/:outcomeId',
        method: 'DELETE',
        url: (f) => `/api/meetings/${f.meeting.id}/outcomes/${f.outcomeId}`,
        missing: (f) => `/api/meetings/${missingId()}/outcomes/${f.outcomeId}`,
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.outcome_remove' },
      },
      {
        route: 'POST /api/meetings/:id/hold',
        method: 'POST',
        ...meetingUrl('/hold'),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.hold', check: (res) => expect(res.json().status).toBe('held') },
      },
      {
        route: 'POST /api/meetings/:id/approve',
        method: 'POST',
        setup: 'held',
        ...meetingUrl('/approve'),
        // The cell committee runs meetings but only the secretary signs the minutes.
        forbidden: ['dangvien.dongthu', committeeDongThu, 'vanphong'],
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.approve', check: (res) => expect(res.json().status).toBe('approved') },
      },
      {
        route: 'POST /api/meetings/:id/reopen',
        method: 'POST',
        setup: 'approved',
        ...meetingUrl('/reopen'),
        body: () => ({ reason: 'Bổ sung ý kiến phát biểu còn thiếu' }),
        forbidden: ['dangvien.dongthu', committeeDongThu, 'vanphong'],
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.reopen', check: (res) => expect(res.json().status).toBe('held') },
      },
      {
        route: 'PUT /api/meetings/:id/score',
        method: 'PUT',
        ...meetingUrl('/score'),
        body: () => ({ items: [{ code: 'prepare', points: 8 }] }),
        forbidden: managers,
        happy: { who: 'bithu.dongthu', status: 200, audit: 'meeting.score', check: (res) => expect(res.json().scoreTotal).toBe(8) },
      },
      {
        route: 'GET /api/meetings/:id/minutes.docx',
        method: 'GET',
        ...meetingUrl('/minutes.docx'),
        forbidden: readersOnlyBy,
        happy: { who: 'dangvien.dongthu', status: 200, check: (res) => expect(res.headers['content-type']).toBe(DOCX) },
      },
      {
        route: 'GET /api/meeting-rubrics',
        method: 'GET',
        url: (f) => `/api/meeting-rubrics?unitId=${f.unitId}`,
        missing: () => `/api/meeting-rubrics?unitId=${missingId()}`,
        forbidden: [noRole],
        happy: {
          who: 'bithu.dangbo',
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
        forbidden: ['bithu.dongthu', 'dangvien.dongthu'],
        other: officeLuuQuang,
        happy: { who: 'vanphong', status: 201, audit: 'rubric.create', body: (f) => rubricBody(f.communeId, 'Mẫu chuyên đề (ma trận quyền)') },
      },
    ];

    describe('who may call each endpoint', () => {
      it('covers every route routes.ts registers, each one served', () => {
        const source = readFileSync(new URL('./routes.ts', import.meta.url), 'utf8');
        const declared = [...source.matchAll(/\br\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)].map((m) => `${m[1]!.toUpperCase()} ${m[2]}`);
        expect(declared).toHaveLength(20);
        expect(rows.map((r) => r.route).sort()).toEqual([...declared].sort());
        for (const row of rows) {
          const [method, url] = row.route.split(' ') as [Method, string];
          expect(t().app.hasRoute({ method, url }), row.route).toBe(true);
        }
      });

      for (const row of rows) {
        it(`${row.route}: 401 anonymous, 403 wrong role, 404 outside scope like a missing record, then ${row.happy.status}`, async () => {
          const f = await newMeeting(row.setup ?? 'planned');
          const body = row.body ? await row.body(f) : undefined;
          const forbidden = await Promise.all(row.forbidden.map(as));
          const other = await as(row.other ?? 'bithu.luuquang');
          const allowed = await as(row.happy.who);
          const [audits, before] = [await auditCount(t()), await meetingRows(t(), f.meeting.id)];

          const anonymous = await call(row.method, row.url(f), null, body);
          expect(anonymous.statusCode, anonymous.body).toBe(401);
          expect(anonymous.json().error.code).toBe('unauthorized');

          for (const [i, cookie] of forbidden.entries()) {
            const res = await call(row.method, row.url(f), cookie, body);
            const who = row.forbidden[i]!;
            expect(res.statusCode, `${typeof who === 'string' ? who : 'signInAs'}: ${res.body}`).toBe(403);
            expect(res.json().error.code).toBe('forbidden');
          }

          const outside = await call(row.method, row.url(f), other, body);
          const missing = await call(row.method, row.missing(f), other, row.missingBody ? row.missingBody(f) : body);
          expect(outside.statusCode, outside.body).toBe(404);
          expect(missing.statusCode, missing.body).toBe(404);
          expect(outside.body).toBe(missing.body);
          expect(outside.json().error.code).toBe('not_found');

          // None of the refused calls wrote anything.
          expect(await auditCount(t())).toBe(audits);
          expect(await meetingRows(t(), f.meeting.id)).toEqual(before);

          const happy = await call(row.method, (row.happy.url ?? row.url)(f), allowed, row.happy.body ? row.happy.body(f) : body);
          expect(happy.statusCode, happy.body).toBe(row.happy.status);
          if (row.happy.audit) {
            expect(await auditCount(t())).toBe(audits + 1);
            expect((await lastAudit(t())).action).toBe(row.happy.audit);
          } else {
            expect(await auditCount(t())).toBe(audits);
          }
          await row.happy.check?.(happy, f);
        });
      }

      it('the office, a member of another cell, reads no Đồng Thứ meeting (404 like a missing one)', async () => {
        // vanphong is also a member of Chi bộ Cơ quan: it may read meetings somewhere, so a
        // Đồng Thứ meeting is outside its scope rather than beyond its role.
        const f = await newMeeting();
        const res = await call('GET', `/api/meetings/${f.meeting.id}`, 'vanphong');
        const missing = await call('GET', `/api/meetings/${missingId()}`, 'vanphong');
        expect(res.statusCode).toBe(404);
        expect(res.body).toBe(missing.body);
        // ...and it never manages one.
        expect((await call('POST', `/api/meetings/${f.meeting.id}/hold`, 'vanphong')).statusCode).toBe(403);
      });

      it('the commune committee and the inspection read Đồng Thứ meetings; only the committee changes them', async () => {
        const f = await newMeeting();
        const detail = async (who: string) => (await call('GET', `/api/meetings/${f.meeting.id}`, who)).json().allowedActions;
        expect(await detail('bithu.dangbo')).toEqual(['meeting.manage', 'meeting.approve', 'audit.read']);
        expect(await detail('ubkt')).toEqual(['audit.read']);
        expect(await detail('bithu.dongthu')).toEqual(['meeting.manage', 'meeting.approve']);
        expect(await detail(await committeeDongThu())).toEqual(['meeting.manage']);
        expect(await detail('dangvien.dongthu')).toEqual([]);
        expect((await call('PATCH', `/api/meetings/${f.meeting.id}`, 'ubkt', { place: 'UBKT' })).statusCode).toBe(403);
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
        const m = await createIn('bithu.dongthu', {
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
          unitName: CELL_DONG_THU,
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
          const res = await call('POST', '/api/meetings', 'bithu.dangbo', body);
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
        }
        expect(await count()).toBe(meetings);
        expect(await auditCount(t())).toBe(audits);
      });

      it('carries the open tasks of earlier meetings onto the agenda of the next one', async () => {
        const unitId = await t().unitId(CELL_SO_1);
        const roster = (await cellRoster(t(), unitId)).filter((m) => m.status !== 'exempt');
        const people = roster.slice(0, 3).map((m) => m.id);
        const d1 = shiftDate(vnToday(), -60);
        const body = (date: string) => ({ unitId, kind: 'regular', date, startTime: '08:00', place: 'Nhà văn hóa thôn Số 1', participantIds: people, agenda: [{ title: 'Nhiệm vụ' }] });
        const first = await createIn('bithu.dangbo', body(d1));
        const addTask = async (title: string, owner: string, deadline: string) => {
          const res = await call('POST', `/api/meetings/${first.id}/outcomes`, 'bithu.dangbo', {
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
        const closed = await call('POST', `/api/tasks/${done.id}/close`, 'bithu.dangbo', { outcome: 'on_time', completedOn: shiftDate(d1, 20), comment: 'Đã thu đủ.' });
        expect(closed.statusCode, closed.body).toBe(200);

        const earlier = await createIn('bithu.dangbo', body(shiftDate(d1, -10)));
        expect(earlier.reviewedTasks).toEqual([]);

        const second = await createIn('bithu.dangbo', body(shiftDate(d1, 30)));
        expect(second.reviewedTasks).toEqual([
          {
            id: open.id,
            unitId,
            unitName: CELL_SO_1,
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
            overdue: true,
            handDownDelayDays: null,
          },
        ]);
        expect((await lastAudit(t())).after).toMatchObject({ reviewedTaskIds: [open.id] });
        const options = await call('GET', `/api/units/${unitId}/meeting-options`, 'bithu.dangbo');
        expect(options.json().openTasks.map((x: TaskSummary) => x.id)).toEqual([open.id]);
        expect(options.json().lastPlace).toBe('Nhà văn hóa thôn Số 1');
      });

      it('PATCH: a new start time recomputes late minutes; the date is fixed once arrivals exist; unchanged saves write nothing', async () => {
        const f = await newMeeting();
        const [a, b] = f.people as [string, string];
        const id = f.meeting.id;
        const date = f.meeting.date;
        const att = await call('PUT', `/api/meetings/${id}/attendance`, 'bithu.dongthu', {
          entries: [
            { memberId: a, status: 'present', arrivedAt: localInstant(date, '19:45') },
            { memberId: b, status: 'present', arrivedAt: localInstant(date, '19:29') },
          ],
        });
        const late = (res: LightMyRequestResponse) => Object.fromEntries((res.json().participants as { memberId: string; lateMinutes: number | null }[]).map((p) => [p.memberId, p.lateMinutes]));
        expect(late(att)).toMatchObject({ [a]: 15, [b]: 0 });

        const later = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { startTime: '19:40' });
        expect(later.statusCode, later.body).toBe(200);
        expect(later.json()).toMatchObject({ startTime: '19:40', startsAt: new Date(localInstant(date, '19:40')).toISOString() });
        expect(late(later)).toMatchObject({ [a]: 5, [b]: 0 });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.update', record_id: id });
        expect(entry.before).toMatchObject({ startTime: '19:30' });
        expect(entry.after).toMatchObject({ startTime: '19:40', lateness: [{ memberId: a, before: 15, after: 5 }] });

        const grace = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { graceMinutes: 5 });
        expect(late(grace)).toMatchObject({ [a]: 0 });
        const back = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { graceMinutes: 0, startTime: '19:30' });
        expect(late(back)).toMatchObject({ [a]: 15, [b]: 0 });

        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), id)];
        const moved = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { date: shiftDate(date, -1), place: 'Nơi khác' });
        expect(moved.statusCode).toBe(400);
        expect(moved.json().error.fields).toEqual([{ field: 'date', message: 'Ngày họp (date): Đã ghi giờ đến của người dự họp; không thể đổi ngày họp.' }]);
        const unchanged = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { date, startTime: '19:30', place: f.meeting.place });
        expect(unchanged.statusCode).toBe(200);
        expect((await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', {})).statusCode).toBe(200);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        // Without arrivals the date may move.
        const g = await newMeeting();
        const newDate = freshPastDate();
        const res = await call('PATCH', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu', { date: newDate });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ date: newDate, startsAt: new Date(localInstant(newDate, '19:30')).toISOString() });
        // …but not past the deadline of a task it gave.
        const overtaking = await call('PATCH', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu', { date: shiftDate(g.deadline, 1) });
        expect(overtaking.statusCode).toBe(400);
        expect(overtaking.json().error.fields).toEqual([
          { field: 'date', message: 'Ngày họp (date): ngày họp mới muộn hơn thời hạn của nhiệm vụ "Tu sửa đường làng"; hãy xóa hoặc giao lại nhiệm vụ đó trước' },
        ]);
        expect((await call('PATCH', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu', { date: g.deadline })).statusCode).toBe(200);
      });

      it('PATCH: participants added and removed; chair must be one of them; bad fields refused', async () => {
        const f = await newMeeting();
        const d = await dongThu();
        const id = f.meeting.id;
        // The chair and the secretary (people 2 and 3) stay; dangvien.dongthu leaves.
        const wanted = [...f.people.slice(1), d.others[5]!.id];
        const res = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', { participantIds: wanted });
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
          const bad = await call('PATCH', `/api/meetings/${id}`, 'bithu.dongthu', body);
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
        const res = await call('PUT', `/api/meetings/${id}/agenda`, 'bithu.dongthu', { items });
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
        const same = await call('PUT', `/api/meetings/${id}/agenda`, 'bithu.dongthu', { items: agenda.map((a) => ({ id: a.id, title: a.title })) });
        expect(same.statusCode).toBe(200);
        const dropped = await call('PUT', `/api/meetings/${id}/agenda`, 'bithu.dongthu', { items: [{ id: first.id, title: 'Chỉ còn một mục' }] });
        expect(dropped.statusCode).toBe(409);
        expect(dropped.json().error).toMatchObject({ code: 'agenda_item_has_outcomes', message: `Nội dung "${second.title}" đã có kết luận hoặc nhiệm vụ; hãy xóa chúng trước.` });
        for (const [body, field] of [
          [{ items: [{ id: missingId(), title: 'Lạ' }] }, 'items.0.id'],
          [{ items: [{ title: 'A', presenterMemberId: (await dongThu()).luuQuangMemberId }] }, 'items.0.presenterMemberId'],
          [{ items: [] }, 'items'],
          [{ items: [{ title: '  ' }] }, 'items.0.title'],
        ] as const) {
          const bad = await call('PUT', `/api/meetings/${id}/agenda`, 'bithu.dongthu', body);
          expect(bad.statusCode, bad.body).toBe(400);
          expect(fieldsOf(bad)).toEqual([field]);
        }
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
      });
    });

    // --- attendance -------------------------------------------------------------------------

    describe('attendance', () => {
      it('derives late minutes from the arrival, within the grace period on time; excused keeps its reason', async () => {
        const f = await newMeeting('planned', { graceMinutes: 10 });
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        const date = f.meeting.date;
        const audits = await auditCount(t());
        const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, 'bithu.dongthu', {
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
        const again = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, 'bithu.dongthu', {
          entries: [{ memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:20') }],
        });
        expect(again.statusCode).toBe(200);
        expect(await auditCount(t())).toBe(audits + 1);
        const fixed = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, 'bithu.dongthu', {
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
          const res = await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, 'bithu.dongthu', { entries });
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
          'bithu.dongthu',
          { entries: [{ memberId: f.people[0], status: 'present', arrivedAt: localInstant(shiftDate(date, 1), '19:30') }] },
          'en',
        );
        expect(res.statusCode).toBe(400);
        const message = `entries.0.arrivedAt: the arrival must be on the meeting day ${ddmmyyyy(date)}`;
        expect(res.json().error).toEqual({ code: 'validation', message: `Invalid input: ${message}`, fields: [{ field: 'entries.0.arrivedAt', message }] });
        const future = await newMeeting('planned', { date: shiftDate(vnToday(), 7) });
        const hold = await call('POST', `/api/meetings/${future.meeting.id}/hold`, 'bithu.dongthu', undefined, 'en');
        expect(hold.json().error).toEqual({ code: 'meeting_in_future', message: 'The meeting date has not come yet.' });
        const badId = await call('GET', '/api/meetings/bien-ban-1', 'bithu.dongthu', undefined, 'en');
        expect(badId.json().error.fields).toEqual([{ field: 'id', message: 'id: has the wrong format (a UUID identifier)' }]);
      });
    });

    describe('attendance reports', () => {
      it("a member reads their own punctuality, meeting by meeting; the secretary reads the cell's", async () => {
        const f = await newMeeting();
        const date = f.meeting.date;
        const [me, p1] = f.people as [string, string];
        await call('PUT', `/api/meetings/${f.meeting.id}/attendance`, 'bithu.dongthu', {
          entries: [
            { memberId: me, status: 'present', arrivedAt: localInstant(date, '19:42') },
            { memberId: p1, status: 'excused', reason: 'Đi làm ca', reported: 'after' },
          ],
        });
        const period = `from=${date}&to=${date}`;
        const own = await call('GET', `/api/members/${me}/attendance-stats?${period}`, 'dangvien.dongthu');
        expect(own.statusCode, own.body).toBe(200);
        expect(own.json()).toMatchObject({
          memberId: me,
          from: date,
          to: date,
          total: { expected: 1, present: 1, late: 1, lateMinutesTotal: 12, punctualityRate: 0, averageLateMinutes: 12 },
          months: [{ month: date.slice(0, 7), late: 1 }],
          meetings: [{ meetingId: f.meeting.id, date, kind: 'regular', unitName: CELL_DONG_THU, role: 'member', status: 'present', lateMinutes: 12, reason: null }],
        });
        const cellStats = await call('GET', `/api/units/${f.unitId}/attendance-stats?${period}`, 'bithu.dongthu');
        expect(cellStats.statusCode, cellStats.body).toBe(200);
        const members = cellStats.json().members as { memberId: string; late: number; excused: number; pending: number }[];
        expect(members.find((m) => m.memberId === me)).toMatchObject({ late: 1 });
        expect(members.find((m) => m.memberId === p1)).toMatchObject({ excused: 1 });
        expect(cellStats.json().total).toMatchObject({ present: 1, late: 1, excused: 1, pending: 2 });
        const bad = await call('GET', `/api/members/${me}/attendance-stats?from=${date}&to=2000-01-01`, 'dangvien.dongthu');
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.fields).toEqual([{ field: 'to', message: 'Đến ngày (to): đến ngày phải sau từ ngày' }]);
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
        const preview = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'Điểm danh tháng.csv', contentBase64, dryRun: true });
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

        const real = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'Điểm danh tháng.csv', contentBase64 });
        expect(real.statusCode, real.body).toBe(200);
        expect(real.json()).toEqual({ imported: true, rowsRead: 4, entries: expectedEntries });
        const detail = (await call('GET', `/api/meetings/${f.meeting.id}`, 'bithu.dongthu')).json() as MeetingDetail;
        expect(detail.attendance).toMatchObject({ expected: 4, present: 2, onTime: 1, late: 1, excused: 1, absent: 1, pending: 0, lateMinutesTotal: 22 });
        expect(detail.participants.find((p) => p.memberId === m2!.id)).toMatchObject({ status: 'excused', reported: 'before' });
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.attendance_import', record_id: f.meeting.id });
        expect(entry.after).toMatchObject({ fileName: 'Điểm danh tháng.csv' });
        expect(entry.after!.entries).toHaveLength(4);

        // The same file again changes nothing.
        await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'Điểm danh tháng.csv', contentBase64 });
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
          const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'diem-danh.csv', contentBase64, dryRun });
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
        const en = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'diem-danh.csv', contentBase64 }, 'en');
        expect(en.json().error.message).toBe('The attendance file has 2 problems; nothing was imported. Fix the file and import it again.');
        const notAFile = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'diem-danh.pdf', contentBase64 });
        expect(notAFile.statusCode).toBe(400);
        expect(fieldsOf(notAFile)).toEqual(['fileName']);
        // Bytes that are not a workbook, a CSV in a legacy code page, base64 that is not base64: 400, never 500.
        for (const [fileName, content] of [
          ['diem-danh.xlsx', Buffer.from('không phải tệp Excel').toString('base64')],
          ['diem-danh.csv', Buffer.from([0x48, 0xe4, 0x20, 0x4e, 0xe9, 0x69, 0x0a]).toString('base64')],
          ['diem-danh.csv', 'không-phải-base64'],
        ] as const) {
          const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName, contentBase64: content });
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
        const res = await call('POST', `/api/meetings/${f.meeting.id}/attendance/import`, 'bithu.dongthu', { fileName: 'Diem danh.xlsx', contentBase64 });
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

    // --- outcomes and tasks -----------------------------------------------------------------

    describe('outcomes and tasks', () => {
      it('guests from the commune committee attend but are not counted in the cell, nor vote', async () => {
        const d = await dongThu();
        const guest = await t().memberIdOf('bithu.dangbo');
        const date = freshPastDate();
        const member = d.others[0]!.id;
        const meeting = await createIn('bithu.dongthu', {
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
        expect(meeting.participants[2]!.unitName).toBe('Chi bộ Cơ quan Đảng ủy xã');
        const options = (await call('GET', `/api/units/${d.unitId}/meeting-options`, 'bithu.dongthu')).json();
        expect(options.guests.map((g: { id: string }) => g.id)).toContain(guest);

        const att = await call('PUT', `/api/meetings/${meeting.id}/attendance`, 'bithu.dongthu', {
          entries: [
            { memberId: member, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: d.others[1]!.id, status: 'absent' },
            { memberId: guest, status: 'present', arrivedAt: localInstant(date, '19:50') },
          ],
        });
        expect(att.statusCode, att.body).toBe(200);
        expect(att.json().attendance).toMatchObject({ expected: 2, present: 1, onTime: 1, late: 0, absent: 1 });

        // One member of the cell is present: two votes are one too many, whoever else sat in.
        const [audits, rows] = [await auditCount(t()), await meetingRows(t(), meeting.id)];
        const votes = await call('POST', `/api/meetings/${meeting.id}/outcomes`, 'bithu.dongthu', {
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
        const task = await call('POST', `/api/meetings/${meeting.id}/outcomes`, 'bithu.dongthu', {
          agendaItemId: meeting.agenda[0]!.id,
          kind: 'task',
          task: { title: 'Chỉ đạo', deliverable: 'Kế hoạch', ownerMemberId: guest, deadline: shiftDate(date, 5) },
        });
        expect(task.statusCode).toBe(400);
        expect(fieldsOf(task)).toEqual(['task.ownerMemberId']);
      });

      it('counts only official members present as voters: a probationary member speaks but does not vote', async () => {
        const d = await dongThu();
        const date = freshPastDate();
        const official = d.others[0]!.id;
        const meeting = await createIn('bithu.dongthu', {
          unitId: d.unitId,
          kind: 'regular',
          date,
          startTime: '19:30',
          place: 'Nhà văn hóa thôn Đồng Thứ',
          participantIds: [official, d.probationary.id],
          agenda: [{ title: 'Nghị quyết tháng' }],
        });
        await call('PUT', `/api/meetings/${meeting.id}/attendance`, 'bithu.dongthu', {
          entries: [official, d.probationary.id].map((memberId) => ({ memberId, status: 'present', arrivedAt: localInstant(date, '19:25') })),
        });
        const decide = (votes: { for: number; against: number; abstain: number }) =>
          call('POST', `/api/meetings/${meeting.id}/outcomes`, 'bithu.dongthu', {
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
        const results = await Promise.all([1, 2].map(() => call('POST', `/api/meetings/${f.meeting.id}/approve`, 'bithu.dongthu')));
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
        await call('PUT', `/api/meetings/${id}/attendance`, 'bithu.dongthu', {
          entries: [
            ...[p0, p1, p2].map((memberId) => ({ memberId, status: 'present', arrivedAt: localInstant(date, '19:30') })),
            { memberId: p3, status: 'absent' },
          ],
        });
        const item = f.meeting.agenda[0]!.id;

        const decision = await call('POST', `/api/meetings/${id}/outcomes`, 'bithu.dongthu', {
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
          const res = await call('POST', `/api/meetings/${id}/outcomes`, 'bithu.dongthu', { agendaItemId: item, ...body });
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        // An empty task says all four of "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian" at once.
        const empty = await call('POST', `/api/meetings/${id}/outcomes`, 'bithu.dongthu', { agendaItemId: item, kind: 'task', task: {} });
        expect(empty.statusCode).toBe(400);
        expect(fieldsOf(empty)).toEqual(['task.ownerMemberId', 'task.title', 'task.deliverable', 'task.deadline']);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        const deadline = shiftDate(date, 14);
        const task = await call('POST', `/api/meetings/${id}/outcomes`, 'bithu.dongthu', {
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

        const removed = await call('DELETE', `/api/meetings/${id}/outcomes/${created.id}`, 'bithu.dongthu');
        expect(removed.statusCode, removed.body).toBe(200);
        expect((removed.json() as MeetingDetail).agenda[0]!.outcomes.map((o) => o.kind)).toEqual(['decision']);
        expect(await t().db.db.selectFrom('tasks').select('id').where('id', '=', created.task!.id).executeTakeFirst()).toBeUndefined();
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.outcome_remove', record_id: id });
        expect(entry.before).toMatchObject({ outcomeId: created.id, kind: 'task', taskId: created.task!.id });
        const again = await call('DELETE', `/api/meetings/${id}/outcomes/${created.id}`, 'bithu.dongthu');
        expect(again.statusCode).toBe(404);
        expect(again.body).toBe((await call('DELETE', `/api/meetings/${missingId()}/outcomes/${created.id}`, 'bithu.dongthu')).body);
      });

      it("a task's owner reports it finished; the secretary closes it; other members may not touch it", async () => {
        const f = await newMeeting();
        const own = await call('POST', `/api/meetings/${f.meeting.id}/outcomes`, 'bithu.dongthu', {
          agendaItemId: f.meeting.agenda[1]!.id,
          kind: 'task',
          task: { title: 'Vận động hộ gia đình phân loại rác', deliverable: '100% hộ trong xóm phân loại rác', ownerMemberId: f.people[0], deadline: shiftDate(vnToday(), 10) },
        });
        expect(own.statusCode, own.body).toBe(201);
        const taskId = (own.json() as MeetingDetail).agenda[1]!.outcomes.at(-1)!.task!.id;
        const audits = await auditCount(t());

        // The owner reports the work finished: 100% records today as the completion day.
        const done = await call('POST', `/api/tasks/${taskId}/progress`, 'dangvien.dongthu', { text: 'Đã vận động xong cả xóm.', percent: 100 });
        expect(done.statusCode, done.body).toBe(200);
        expect(done.json()).toMatchObject({ id: taskId, status: 'open', progressPercent: 100, completedOn: vnToday(), overdue: false, ownerMemberId: f.people[0] });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'task.progress', record_type: 'task', record_id: taskId, unit_id: f.unitId });
        expect(entry.before).toEqual({ progressPercent: 0, completedOn: null });
        expect(entry.after).toMatchObject({ progressPercent: 100, completedOn: vnToday() });
        expect(await auditCount(t())).toBe(audits + 1);

        // Someone else's task: the member reads it but may neither report on it nor close it.
        expect((await call('GET', `/api/tasks/${f.taskId}`, 'dangvien.dongthu')).statusCode).toBe(200);
        expect((await call('POST', `/api/tasks/${f.taskId}/progress`, 'dangvien.dongthu', { text: 'Xong', percent: 100 })).statusCode).toBe(403);
        expect((await call('POST', `/api/tasks/${taskId}/close`, 'dangvien.dongthu', { outcome: 'on_time', comment: 'Tự đánh giá' })).statusCode).toBe(403);
        const bad = await call('POST', `/api/tasks/${taskId}/close`, 'bithu.dongthu', { outcome: 'finished', comment: 'Tốt' });
        expect(bad.statusCode).toBe(400);
        expect(fieldsOf(bad)).toEqual(['outcome']);
        expect(await auditCount(t())).toBe(audits + 1);

        // The secretary, who runs the cell's meetings, closes it.
        const closed = await call('POST', `/api/tasks/${taskId}/close`, 'bithu.dongthu', { outcome: 'on_time', comment: 'Hoàn thành tốt.' });
        expect(closed.statusCode, closed.body).toBe(200);
        expect(closed.json()).toMatchObject({ status: 'on_time', completedOn: vnToday(), closedOn: vnToday() });
        expect(await lastAudit(t())).toMatchObject({ action: 'task.close', record_id: taskId });
        expect(await auditCount(t())).toBe(audits + 2);
        // Closed tasks are not carried to the next meeting.
        const options = (await call('GET', `/api/units/${f.unitId}/meeting-options`, 'bithu.dongthu')).json();
        expect(options.openTasks.map((x: TaskSummary) => x.id)).not.toContain(taskId);
      });
    });

    // --- the minutes' life: hold, approve, lock, reopen -------------------------------------

    describe('holding, approving, locking and reopening the minutes', () => {
      it('refuses to hold a meeting before its day (409) and twice', async () => {
        const future = await newMeeting('planned', { date: shiftDate(vnToday(), 7) });
        const audits = await auditCount(t());
        const res = await call('POST', `/api/meetings/${future.meeting.id}/hold`, 'bithu.dongthu');
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toEqual({ code: 'meeting_in_future', message: 'Cuộc họp chưa đến ngày họp.' });
        expect((await meetingRows(t(), future.meeting.id)).meeting!.status).toBe('planned');
        expect(await auditCount(t())).toBe(audits);

        const f = await newMeeting();
        const held = await transition(f.meeting.id, 'hold');
        expect(held.status).toBe('held');
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.hold', record_id: f.meeting.id, before: { status: 'planned' }, after: { status: 'held' } });
        const twice = await call('POST', `/api/meetings/${f.meeting.id}/hold`, 'bithu.dongthu');
        expect(twice.statusCode).toBe(409);
        expect(twice.json().error.code).toBe('meeting_not_planned');

        // Nor can a meeting that took place be moved to a day still to come.
        const g = await newMeeting();
        await transition(g.meeting.id, 'hold');
        const [count, rows] = [await auditCount(t()), await meetingRows(t(), g.meeting.id)];
        const moved = await call('PATCH', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu', { date: shiftDate(vnToday(), 3) });
        expect(moved.statusCode, moved.body).toBe(409);
        expect(moved.json().error.code).toBe('meeting_in_future');
        expect(await meetingRows(t(), g.meeting.id)).toEqual(rows);
        expect(await auditCount(t())).toBe(count);
        const corrected = await call('PATCH', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu', { date: shiftDate(g.meeting.date, -1) });
        expect(corrected.statusCode, corrected.body).toBe(200);
      });

      it('approves held minutes once everyone is recorded: version 1 is stored', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const notHeld = await call('POST', `/api/meetings/${id}/approve`, 'bithu.dongthu');
        expect(notHeld.statusCode).toBe(409);
        expect(notHeld.json().error.code).toBe('meeting_not_held');

        await transition(id, 'hold');
        const audits = await auditCount(t());
        const pending = await call('POST', `/api/meetings/${id}/approve`, 'bithu.dongthu');
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
          const res = await call(method, url, 'bithu.dongthu', body);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(409);
          expect(res.json().error).toEqual({
            code: 'meeting_locked',
            message: 'Biên bản đã được thông qua và bị khóa; muốn sửa, bí thư cần mở lại để điều chỉnh (có ghi lý do).',
          });
        }
        // The commune committee is locked out just the same.
        expect((await call('PATCH', `/api/meetings/${id}`, 'bithu.dangbo', { place: 'Nơi khác' })).statusCode).toBe(409);
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);
        expect((await call('GET', `/api/meetings/${id}`, 'dangvien.dongthu')).statusCode).toBe(200);
        expect((await call('GET', `/api/meetings/${id}/minutes.docx`, 'dangvien.dongthu')).statusCode).toBe(200);
      });

      it('reopens with a reason (kept on the version), then approves again as version 2', async () => {
        const f = await newMeeting('approved');
        const id = f.meeting.id;
        const short = await call('POST', `/api/meetings/${id}/reopen`, 'bithu.dongthu', { reason: 'sửa' });
        expect(short.statusCode).toBe(400);
        expect(fieldsOf(short)).toEqual(['reason']);
        expect(fieldsOf(await call('POST', `/api/meetings/${id}/reopen`, 'bithu.dongthu', {}))).toEqual(['reason']);

        const reason = 'Bổ sung ý kiến của đồng chí trưởng thôn vào biên bản';
        const res = await call('POST', `/api/meetings/${id}/reopen`, 'bithu.dongthu', { reason });
        expect(res.statusCode, res.body).toBe(200);
        const reopened = res.json() as MeetingDetail;
        expect(reopened).toMatchObject({ status: 'held', minutesVersion: 1, approvedAt: null, allowedActions: ['meeting.manage', 'meeting.approve'] });
        expect(reopened.versions).toEqual([
          { version: 1, approvedAt: expect.any(String), approvedByName: expect.any(String), reopenedAt: expect.any(String), reopenedByName: expect.any(String), reopenReason: reason },
        ]);
        expect((await meetingRows(t(), id)).versions[0]).toMatchObject({ version: 1, reopen_reason: reason });
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.reopen', after: { status: 'held', reason, version: 1 } });
        const twice = await call('POST', `/api/meetings/${id}/reopen`, 'bithu.dongthu', { reason });
        expect(twice.statusCode).toBe(409);
        expect(twice.json().error.code).toBe('meeting_not_approved');

        const fix = await call('PUT', `/api/meetings/${id}/agenda`, 'bithu.dongthu', {
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
        const res = await call('DELETE', `/api/meetings/${id}`, 'bithu.dongthu');
        expect(res.statusCode, res.body).toBe(204);
        expect(res.body).toBe('');
        expect(await meetingRows(t(), id)).toEqual({ meeting: undefined, participants: [], agenda: [], outcomes: [], tasks: [], scores: [], reviewed: [], versions: [] });
        expect(await auditCount(t())).toBe(audits + 1);
        expect(await lastAudit(t())).toMatchObject({ action: 'meeting.delete', record_id: id, before: { date: f.meeting.date, status: 'planned' }, after: null });
        expect((await call('GET', `/api/meetings/${id}`, 'bithu.dongthu')).statusCode).toBe(404);

        for (const state of ['recorded', 'held'] as const) {
          const g = await newMeeting(state === 'held' ? 'held' : 'planned');
          if (state === 'recorded') await recordAll(g.meeting);
          const [count, rows] = [await auditCount(t()), await meetingRows(t(), g.meeting.id)];
          const refused = await call('DELETE', `/api/meetings/${g.meeting.id}`, 'bithu.dongthu');
          expect(refused.statusCode, state).toBe(409);
          expect(refused.json().error.code).toBe('meeting_not_deletable');
          expect(await meetingRows(t(), g.meeting.id)).toEqual(rows);
          expect(await auditCount(t())).toBe(count);
        }
      });

      it('deletes a planned meeting whose task a later meeting already reviews (no 500)', async () => {
        const unitId = await t().unitId(CELL_SO_2);
        const people = (await cellRoster(t(), unitId)).filter((m) => m.status !== 'exempt').slice(0, 2).map((m) => m.id);
        const body = (date: string) => ({ unitId, kind: 'regular', date, startTime: '19:00', place: 'Nhà văn hóa thôn Số 2', participantIds: people, agenda: [{ title: 'Nhiệm vụ' }] });
        const mistaken = await createIn('bithu.dangbo', body(shiftDate(vnToday(), -40)));
        const added = await call('POST', `/api/meetings/${mistaken.id}/outcomes`, 'bithu.dangbo', {
          agendaItemId: mistaken.agenda[0]!.id,
          kind: 'task',
          task: { title: 'Sửa cống thoát nước', deliverable: 'Cống thông, không ngập', ownerMemberId: people[0], deadline: shiftDate(vnToday(), 20) },
        });
        const taskId = (added.json() as MeetingDetail).agenda[0]!.outcomes[0]!.task!.id;
        const next = await createIn('bithu.dangbo', body(shiftDate(vnToday(), -10)));
        expect(next.reviewedTasks.map((x) => x.id)).toEqual([taskId]);

        const res = await call('DELETE', `/api/meetings/${mistaken.id}`, 'bithu.dangbo');
        expect(res.statusCode, res.body).toBe(204);
        expect((await meetingRows(t(), mistaken.id)).meeting).toBeUndefined();
        expect(await t().db.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst()).toBeUndefined();
        const after = (await call('GET', `/api/meetings/${next.id}`, 'bithu.dangbo')).json() as MeetingDetail;
        expect(after.reviewedTasks).toEqual([]);
      });
    });

    // --- quality score and rubrics ----------------------------------------------------------

    describe('quality score and rubrics', () => {
      it('scores on the rubric: suggestions for measured criteria, checks, total and level', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${id}/attendance`, 'bithu.dongthu', {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: p1, status: 'present', arrivedAt: localInstant(date, '19:25') },
            { memberId: p2, status: 'present', arrivedAt: localInstant(date, '19:45') },
            { memberId: p3, status: 'excused', reason: 'Ốm', reported: 'after' },
          ],
        });
        const detail = (await call('GET', `/api/meetings/${id}`, 'bithu.dongthu')).json() as MeetingDetail;
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
          const res = await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items });
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual([field]);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        expect(await meetingRows(t(), id)).toEqual(rows);
        expect(await auditCount(t())).toBe(audits);

        const partial = await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }] });
        expect(partial.statusCode, partial.body).toBe(200);
        expect((partial.json() as MeetingDetail).score).toMatchObject({ total: 8.5, level: null, complete: false });
        expect(partial.json()).toMatchObject({ scoreTotal: 8.5, scoreLevel: null });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'meeting.score', record_id: id, after: { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }], total: 8.5, level: null } });
        await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items: [{ code: 'prepare', points: 8.5, note: 'Chuẩn bị khá' }] });
        expect(await auditCount(t())).toBe(audits + 1);

        const all = { attendance: 12.5, punctual: 6.5, review: 14, criticism: 15, tasks: 15, resolution: 10, dues: 10 };
        const complete = await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items: Object.entries(all).map(([code, points]) => ({ code, points })) });
        expect(complete.statusCode, complete.body).toBe(200);
        expect((complete.json() as MeetingDetail).score).toMatchObject({ total: 91.5, level: 'Tốt', complete: true });
        // The note given before is kept when the criterion is not sent again.
        expect((complete.json() as MeetingDetail).score!.items.find((i) => i.code === 'prepare')).toMatchObject({ points: 8.5, note: 'Chuẩn bị khá' });
        const lower = await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items: [{ code: 'review', points: 0 }] });
        expect(lower.json()).toMatchObject({ scoreTotal: 77.5, scoreLevel: 'Khá', score: { total: 77.5, level: 'Khá', complete: true } });
        const cleared = await call('PUT', `/api/meetings/${id}/score`, 'bithu.dongthu', { items: [{ code: 'review', points: null }] });
        expect(cleared.json()).toMatchObject({ scoreTotal: 77.5, scoreLevel: null, score: { complete: false, level: null } });
      });

      it('loads a province form: it replaces the active form of its kind; bad forms are refused', async () => {
        const communeId = await t().unitId(COMMUNE);
        const list = async () => (await call('GET', `/api/meeting-rubrics?unitId=${communeId}`, 'bithu.dangbo')).json().items as { id: string; kind: string; name: string; retired: boolean }[];
        const audits = await auditCount(t());
        const first = await call('POST', '/api/meeting-rubrics', 'bithu.dangbo', rubricBody(communeId, 'Chuyên đề — lần 1'));
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
        const second = await call('POST', '/api/meeting-rubrics', 'bithu.dangbo', rubricBody(communeId, 'Chuyên đề — lần 2'));
        expect(second.statusCode).toBe(201);
        expect(await auditCount(t())).toBe(audits + 2);
        const items = await list();
        expect(items.find((r) => r.id === first.json().id)!.retired).toBe(true);
        expect(items.find((r) => r.id === second.json().id)!.retired).toBe(false);
        expect(items.filter((r) => r.kind === 'thematic' && !r.retired).map((r) => r.id)).toEqual([second.json().id]);
        expect(items.filter((r) => r.kind === 'regular' && !r.retired)).toHaveLength(1);

        // A thematic meeting is scored on the thematic form.
        const d = await dongThu();
        const thematic = await createIn('bithu.dongthu', {
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
          const res = await call('POST', '/api/meeting-rubrics', 'bithu.dangbo', body);
          expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
          expect(fieldsOf(res)).toEqual([field]);
        }
        expect(await auditCount(t())).toBe(before);
        expect((await list()).length).toBe(items.length);
      });
    });

    // --- Word minutes -----------------------------------------------------------------------

    describe('Word minutes', () => {
      it('exports the minutes as a Word document in the party layout', async () => {
        const f = await newMeeting();
        const id = f.meeting.id;
        const date = f.meeting.date;
        const [p0, p1, p2, p3] = f.people as [string, string, string, string];
        await call('PUT', `/api/meetings/${id}/attendance`, 'bithu.dongthu', {
          entries: [
            { memberId: p0, status: 'present', arrivedAt: localInstant(date, '19:30') },
            { memberId: p1, status: 'present', arrivedAt: localInstant(date, '19:47') },
            { memberId: p2, status: 'excused', reason: 'Đi công tác', reported: 'before' },
            { memberId: p3, status: 'absent' },
          ],
        });
        const res = await call('GET', `/api/meetings/${id}/minutes.docx`, 'dangvien.dongthu');
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(DOCX);
        expect(res.headers['content-disposition']).toBe(`attachment; filename="bien-ban-sinh-hoat-chi-bo-${date}.docx"`);
        expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        const text = docxText(res.rawPayload);
        const [year, month] = date.split('-');
        const late = await nameOf(p1);
        for (const expected of [
          'ĐẢNG BỘ XÃ MINH QUANG',
          'CHI BỘ THÔN ĐỒNG THỨ',
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

    // Runs last: every meeting written by the tests above (created, edited, marked, imported,
    // reopened) still has a stored tally equal to a recount of its participants, and the list
    // shows the same figures as the meeting page.
    describe('attendance tallies', () => {
      it('stay equal to a recount of the participants after every kind of change', async () => {
        const meetings = await t().db.db.selectFrom('meetings').selectAll().execute();
        expect(meetings.length).toBeGreaterThan(10);
        for (const m of meetings) {
          const detail = await call('GET', `/api/meetings/${m.id}`, 'bithu.dangbo');
          expect(detail.statusCode, detail.body).toBe(200);
          const a = detail.json().attendance;
          expect(
            {
              expected: m.att_expected,
              present: m.att_present,
              onTime: m.att_on_time,
              late: m.att_late,
              excused: m.att_excused,
              absent: m.att_absent,
              exempt: m.att_exempt,
              pending: m.att_pending,
              lateMinutesTotal: m.att_late_minutes,
            },
            m.id,
          ).toEqual({
            expected: a.expected,
            present: a.present,
            onTime: a.onTime,
            late: a.late,
            excused: a.excused,
            absent: a.absent,
            exempt: a.exempt,
            pending: a.pending,
            lateMinutesTotal: a.lateMinutesTotal,
          });
        }
      });
    });
  });

  // --- reports over the demo year ---------------------------------------------------------------

  describe('reports over the demo year 2022', () => {
    const t = useDemoApp(dialect, {}, { meetings: true });
    const call = requester(t);
    const YEAR_2022 = 'from=2022-01-01&to=2022-12-31';

    interface Rates {
      expected: number;
      present: number;
      onTime: number;
      late: number;
      excused: number;
      absent: number;
      punctualityRate: number | null;
      attendanceRate: number | null;
    }

    it('Đồng Thứ month by month: members late in January to March, everyone on time in April', async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/attendance-stats?${YEAR_2022}`, 'bithu.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { meetings: number; months: (Rates & { month: string })[]; members: (Rates & { memberId: string })[]; cells: (Rates & { unitId: string })[]; total: Rates };
      expect(body).toMatchObject({ unitId, unitName: CELL_DONG_THU, from: '2022-01-01', to: '2022-12-31', meetings: 16 });
      expect(body.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
      for (const m of body.months.slice(0, 3)) expect(m.late, m.month).toBeGreaterThanOrEqual(5);
      const april = body.months[3]!;
      expect(april.present).toBeGreaterThan(0);
      expect(april).toMatchObject({ late: 0, absent: 0, excused: 0, punctualityRate: 1, attendanceRate: 1 });
      expect(body.total.present).toBe(body.months.reduce((s, m) => s + m.present, 0));
      expect(body.total.late).toBe(body.months.reduce((s, m) => s + m.late, 0));

      // The cell's members in roster order, not the exempt ones (who have no attendance record)
      // nor those who joined after 2022.
      const roster = await cellRoster(t(), unitId);
      expect(roster.some((m) => m.status === 'exempt')).toBe(true);
      expect(roster.some((m) => m.joined_on! > '2022-12-31')).toBe(true);
      expect(body.members.map((m) => m.memberId)).toEqual(
        roster.filter((m) => m.status !== 'exempt' && m.joined_on! <= '2022-12-31').map((m) => m.id),
      );
      for (const m of body.members) {
        const joined = roster.find((r) => r.id === m.memberId)!.joined_on!;
        if (joined <= '2022-01-01') expect(m.expected, joined).toBe(16);
      }
      expect(body.members.filter((m) => m.expected > 0).length).toBeGreaterThanOrEqual(18);
      expect(body.cells.map((c) => c.unitId)).toEqual([unitId]);
    });

    it('the commune lists its 25 cells, most punctual first', async () => {
      const communeId = await t().unitId(COMMUNE);
      const res = await call('GET', `/api/units/${communeId}/attendance-stats?${YEAR_2022}`, 'bithu.dangbo');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { meetings: number; cells: (Rates & { unitName: string; meetings: number })[]; members: unknown[] };
      expect(body.cells).toHaveLength(25);
      expect(body.meetings).toBe(body.cells.reduce((s, c) => s + c.meetings, 0));
      expect(body.members).toEqual([]);
      const rates = body.cells.map((c) => c.punctualityRate ?? -1);
      for (let i = 1; i < rates.length; i++) expect(rates[i]!, body.cells[i]!.unitName).toBeLessThanOrEqual(rates[i - 1]!);
      expect(body.cells.every((c) => c.meetings > 0)).toBe(true);
      // Inspection reads the same report.
      expect((await call('GET', `/api/units/${communeId}/attendance-stats?${YEAR_2022}`, 'ubkt')).body).toBe(res.body);
    });

    it("lists Đồng Thứ's 16 meetings of 2022 without schedule warnings", async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/meetings?${YEAR_2022}`, 'dangvien.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { date: string; status: string; kind: string; minutesVersion: number }[]; warnings: unknown[]; years: number[] };
      expect(body.total).toBe(16);
      expect(body.items).toHaveLength(16);
      expect(body.warnings).toEqual([]);
      expect(body.years).toContain(2022);
      expect(body.items.filter((m) => m.kind === 'thematic')).toHaveLength(4);
      expect(body.items.every((m) => m.status === 'approved' && m.minutesVersion === 1)).toBe(true);
      const dates = body.items.map((m) => m.date);
      expect(dates).toEqual([...dates].sort().reverse());
      const paged = await call('GET', `/api/units/${unitId}/meetings?${YEAR_2022}&pageSize=5&page=4`, 'dangvien.dongthu');
      expect(paged.json()).toMatchObject({ total: 16, page: 4, pageSize: 5 });
      expect(paged.json().items).toHaveLength(1);
      const backwards = await call('GET', `/api/units/${unitId}/meetings?from=2022-12-31&to=2022-01-01`, 'dangvien.dongthu');
      expect(backwards.statusCode).toBe(400);
      expect(fieldsOf(backwards)).toEqual(['to']);
    });

    it('warns about this year’s quarters without a thematic meeting; the demo’s present holds every month’s regular one', async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/meetings`, 'bithu.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const today = vnToday();
      const year = today.slice(0, 4);
      const month = Number(today.slice(5, 7));
      const body = res.json() as { from: string; to: string; total: number; warnings: { unitId: string; kind: string; period: string }[]; years: number[] };
      expect(body).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
      // Held up to last month, this month's called a few days ahead (which may fall in the next month).
      expect(body.total).toBeGreaterThanOrEqual(month - 1);
      const thisMonth = today.slice(0, 7);
      const quarters = [1, 2, 3, 4].filter((q) => q * 3 <= month).map((q) => `${year}-Q${q}`);
      expect(body.warnings.filter((w) => w.kind === 'regular' && w.period !== thisMonth)).toEqual([]);
      expect(body.warnings.filter((w) => w.kind === 'thematic').map((w) => w.period)).toEqual(quarters);
      expect(body.warnings.every((w) => w.unitId === unitId)).toBe(true);
      expect(body.years).toContain(2022);
      expect(body.years).toContain(Number(year));
    });

    it("a member's own record: theirs and their secretary's to read, nobody else's", async () => {
      type MemberStats = { memberId: string; months: unknown[]; meetings: { date: string; unitName: string; role: string; status: string }[]; total: Rates };
      const secretaryId = await t().memberIdOf('bithu.dongthu');
      const secretaryUrl = `/api/members/${secretaryId}/attendance-stats?${YEAR_2022}`;
      const own = await call('GET', secretaryUrl, 'bithu.dongthu');
      expect(own.statusCode, own.body).toBe(200);
      const body = own.json() as MemberStats;
      expect(body.memberId).toBe(secretaryId);
      expect(body.months).toHaveLength(12);
      expect(body.meetings).toHaveLength(16);
      expect(body.meetings.every((m) => m.date.startsWith('2022-') && m.unitName === CELL_DONG_THU && m.role === 'member')).toBe(true);
      expect(body.total.expected).toBe(body.meetings.filter((m) => ['present', 'excused', 'absent'].includes(m.status)).length);
      expect((await call('GET', secretaryUrl, 'ubkt')).body).toBe(own.body);

      // dangvien.dongthu joined the party after 2022: their own record of that year is empty.
      const memberId = await t().memberIdOf('dangvien.dongthu');
      const joined = (await t().db.db.selectFrom('members').select('joined_on').where('id', '=', memberId).executeTakeFirstOrThrow()).joined_on!;
      expect(joined > '2022-12-31').toBe(true);
      const url = `/api/members/${memberId}/attendance-stats?${YEAR_2022}`;
      const mine = await call('GET', url, 'dangvien.dongthu');
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toMatchObject({ memberId, meetings: [], total: { expected: 0, attendanceRate: null } });
      const bySecretary = await call('GET', url, 'bithu.dongthu');
      expect(bySecretary.statusCode).toBe(200);
      expect(bySecretary.body).toBe(mine.body);

      const peer = await call('GET', secretaryUrl, 'dangvien.dongthu');
      expect(peer.statusCode).toBe(403);
      const outside = await call('GET', url, 'bithu.luuquang');
      const missing = await call('GET', `/api/members/${missingId()}/attendance-stats?${YEAR_2022}`, 'bithu.luuquang');
      expect(outside.statusCode).toBe(404);
      expect(outside.body).toBe(missing.body);
    });
  });
});
