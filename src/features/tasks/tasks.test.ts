import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { accountOnFirstUse, buildAccount, buildCommune, buildTask, useStaffedCommune } from '../../../test/helpers/factories.js';
import { isOverdue } from '../../domain/tasks.js';
import { cellRoster, ddmmyyyy, requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow, type Who } from '../../../test/helpers/access.js';
import { meetingSource, taskBody, taskRows, taskTableCounts } from '../../../test/helpers/tasks.js';
import type { MyWork } from '../my-work/schemas.js';
import { MAX_ATTACHMENT_BYTES, type TaskBoard, type TaskDetail, type TaskSummary } from './schemas.js';


forEachDialect((dialect) => {
  describe('tasks: rights, lifecycle, hand-down, boards, my work', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    /**
     * A commune of three cells: the staff's own ("Đồng Thứ", ten members) and the other
     * secretary's ("Lưu Quang") with five mass organisations each, and a third ("Số 7") with no
     * other tasks in this suite; the six staff roles.
     */
    const { home, staff, as: asStaff } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang', 'Số 7'], membersPerCell: [10, 6, 6], massOrgsPerCell: [5, 5] });

    /** Accounts with no task rights anywhere. */
    const officeOnly = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }));
    const noRole = accountOnFirstUse(() => buildAccount(t(), { roles: [], unitId: home().id }));
    const names = {
      get dongThu() { return home().cells[0]!.name; },
      get commune() { return home().name; },
      /** Mass organisations are built in the order Nông dân, Phụ nữ, Cựu chiến binh, Thanh niên, Mặt trận. */
      get phuNuDongThu() { return home().cells[0]!.massOrgs[1]!.name; },
    };

    let cached: Awaited<ReturnType<typeof load>> | undefined;
    async function load() {
      const [dongThu, luuQuang] = home().cells;
      const unitId = dongThu!.id;
      const roster = await cellRoster(t(), unitId);
      const secretaryId = staff().secretary.memberId!;
      const memberId = staff().member.memberId!;
      return {
        unitId,
        communeId: home().id,
        luuQuangId: luuQuang!.id,
        phuNuId: dongThu!.massOrgs[1]!.id,
        nongDanId: dongThu!.massOrgs[0]!.id,
        phuNuLuuQuangId: luuQuang!.massOrgs[1]!.id,
        secretaryId,
        memberId,
        memberName: roster.find((m) => m.id === memberId)!.full_name,
        /** Members of the cell with no account. */
        others: roster.filter((m) => m.id !== secretaryId && m.id !== memberId),
        luuQuangMemberId: staff().otherSecretary.memberId!,
      };
    }
    const dongThu = async () => (cached ??= await load());

    /** A small file as a phone sends it: bytes, base64. */
    const fileOf = (size: number, seed = 7) => {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) % 256;
      return bytes;
    };

    interface Fixture {
      unitId: string;
      task: TaskDetail;
      attachmentId: string;
      file: Buffer;
    }

    /** A Đồng Thứ task owned by dangvien.dongthu with one co-worker and a report with a file. */
    async function newTask(): Promise<Fixture> {
      const d = await dongThu();
      const task = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(today, 10), { coworkerMemberIds: [d.others[0]!.id] }));
      const file = fileOf(2048);
      const res = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, {
        text: 'Đã họp với 12 hộ trên tuyến.',
        percent: 30,
        attachment: { fileName: 'bien-ban-hop-dan.pdf', contentBase64: file.toString('base64') },
      });
      expect(res.statusCode, res.body).toBe(200);
      const withReport = res.json() as TaskDetail;
      return { unitId: d.unitId, task: withReport, attachmentId: withReport.progress[0]!.attachment!.id, file };
    }

    // --- the endpoint × case matrix -------------------------------------------------------

    const taskUrl = (suffix = '') => ({
      url: (f: Fixture) => `/api/tasks/${f.task.id}${suffix}`,
      missing: () => `/api/tasks/${missingId()}${suffix}`,
    });
    const unitUrl = (suffix: string) => ({
      url: (f: Fixture) => `/api/units/${f.unitId}${suffix}`,
      missing: () => `/api/units/${missingId()}${suffix}`,
    });
    /** No task rights anywhere: neither reads nor assigns. */
    const readsNothing: Who[] = [officeOnly, noRole];
    /** Read tasks (a member; the office clerk is a member of another cell) but assign none. */
    const assignsNothing: Who[] = [asStaff('member'), asStaff('office')];

    const other = asStaff('otherSecretary');
    const rows: AccessRow<Fixture>[] = [
      {
        route: 'POST /api/tasks',
        method: 'POST',
        url: () => '/api/tasks',
        missing: () => '/api/tasks',
        body: async (f) => taskBody(f.unitId, (await dongThu()).memberId, shiftDate(today, 5)),
        missingBody: () => taskBody(missingId(), missingId(), shiftDate(today, 5)),
        forbidden: assignsNothing,
        other,
        happy: { who: asStaff('secretary'), status: 201, audit: 'task.create', check: (res) => expect(res.json()).toMatchObject({ status: 'open', actions: ['close'] }) },
      },
      {
        route: 'GET /api/tasks/:id',
        method: 'GET',
        ...taskUrl(),
        forbidden: readsNothing,
        other,
        happy: { who: asStaff('member'), status: 200, check: (res, f) => expect(res.json()).toMatchObject({ id: f.task.id, actions: ['report'] }) },
      },
      {
        route: 'POST /api/tasks/:id/progress',
        method: 'POST',
        ...taskUrl('/progress'),
        body: () => ({ text: 'Đã vận động được một nửa số hộ.', percent: 50 }),
        // The secretary reads the member's task but does not do it.
        forbidden: [asStaff('secretary'), noRole],
        other,
        happy: { who: asStaff('member'), status: 200, audit: 'task.progress', check: (res) => expect(res.json().progressPercent).toBe(50) },
      },
      {
        route: 'POST /api/tasks/:id/close',
        method: 'POST',
        ...taskUrl('/close'),
        body: () => ({ outcome: 'not_done', comment: 'Chưa vận động được các hộ.' }),
        // The owner sees their task but the assigner closes it.
        forbidden: [asStaff('member'), noRole],
        other,
        happy: { who: asStaff('secretary'), status: 200, audit: 'task.close', check: (res) => expect(res.json()).toMatchObject({ status: 'not_done', closedOn: today, actions: [] }) },
      },
      {
        route: 'GET /api/tasks/:id/attachments/:attachmentId',
        method: 'GET',
        url: (f) => `/api/tasks/${f.task.id}/attachments/${f.attachmentId}`,
        missing: (f) => `/api/tasks/${missingId()}/attachments/${f.attachmentId}`,
        forbidden: readsNothing,
        other,
        happy: { who: asStaff('member'), status: 200, check: (res, f) => expect(res.rawPayload.equals(f.file)).toBe(true) },
      },
      {
        route: 'GET /api/units/:id/tasks',
        method: 'GET',
        ...unitUrl('/tasks'),
        forbidden: readsNothing,
        other,
        happy: { who: asStaff('member'), status: 200, check: (res, f) => expect(res.json().items.map((i: TaskSummary) => i.id)).toContain(f.task.id) },
      },
      {
        route: 'GET /api/units/:id/task-options',
        method: 'GET',
        ...unitUrl('/task-options'),
        forbidden: assignsNothing,
        other,
        happy: { who: asStaff('secretary'), status: 200, check: (res) => expect(res.json().unitName).toBe(names.dongThu) },
      },
      {
        route: 'GET /api/units/:id/task-board',
        method: 'GET',
        ...unitUrl('/task-board'),
        forbidden: assignsNothing,
        other,
        happy: { who: asStaff('inspection'), status: 200, check: (res) => expect(res.json()).toMatchObject({ unitName: names.dongThu, year }) },
      },
    ];

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: () => newTask(),
        state: async (f) => ({ counts: await taskTableCounts(t()), task: await taskRows(t(), f.task.id) }),
      });
    });

    // --- creating -------------------------------------------------------------------------------

    describe('creating: rõ người, rõ việc, rõ trách nhiệm, rõ thời gian', () => {
      it('names every missing one of the four at once, in Vietnamese and in English, writing nothing', async () => {
        const d = await dongThu();
        const [audits, counts] = [await auditCount(t()), await taskTableCounts(t())];
        const res = await call('POST', '/api/tasks', staff().secretary.cookie, { unitId: d.unitId, title: '  ' });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('validation');
        expect(res.json().error.fields).toEqual([
          { field: 'ownerMemberId', message: 'Người chịu trách nhiệm (ownerMemberId): Chưa rõ người: chọn một người hoặc một đơn vị chịu trách nhiệm chính' },
          { field: 'title', message: 'Tiêu đề (title): Chưa rõ việc: ghi rõ việc cần làm' },
          { field: 'deliverable', message: 'Kết quả cần đạt (deliverable): Chưa rõ trách nhiệm: ghi rõ kết quả cần đạt (thế nào là hoàn thành)' },
          { field: 'deadline', message: 'Thời hạn (deadline): Chưa rõ thời gian: đặt thời hạn hoàn thành' },
        ]);
        const en = await call('POST', '/api/tasks', staff().secretary.cookie, { unitId: d.unitId }, 'en');
        expect(fieldsOf(en)).toEqual(['ownerMemberId', 'title', 'deliverable', 'deadline']);
        expect(en.json().error.fields[0].message).toBe('Owner (ownerMemberId): No one is responsible: choose one person or one unit as the owner');
        // Each one alone is named alone.
        const full = taskBody(d.unitId, d.memberId, shiftDate(today, 3));
        for (const field of ['title', 'deliverable', 'deadline'] as const) {
          const { [field]: _dropped, ...rest } = full;
          expect(fieldsOf(await call('POST', '/api/tasks', staff().secretary.cookie, rest))).toEqual([field]);
        }
        const { ownerMemberId: _owner, ...ownerless } = full;
        expect(fieldsOf(await call('POST', '/api/tasks', staff().secretary.cookie, ownerless))).toEqual(['ownerMemberId']);
        expect(await auditCount(t())).toBe(audits);
        expect(await taskTableCounts(t())).toEqual(counts);
      });

      it('refuses owners, co-workers, deadlines, sources and units that do not fit, naming the field, writing nothing', async () => {
        const d = await dongThu();
        const base = taskBody(d.unitId, d.memberId, shiftDate(today, 7));
        const [audits, counts] = [await auditCount(t()), await taskTableCounts(t())];
        const otherMeeting = await meetingSource(t(), staff().otherSecretary.cookie, d.luuQuangId, shiftDate(today, -3));
        const audits2 = audits + 1;
        const cases: [Record<string, unknown>, string[], string?][] = [
          // Owner outside the cell's scope.
          [{ ownerMemberId: d.luuQuangMemberId }, ['ownerMemberId'], 'Người chịu trách nhiệm (ownerMemberId): người chịu trách nhiệm phải là đảng viên của chi bộ'],
          [{ ownerMemberId: missingId() }, ['ownerMemberId']],
          [{ ownerUnitId: d.phuNuId }, ['ownerUnitId']],
          // Another village's mass organisation, the cell itself, the commune above it.
          [{ ownerMemberId: null, ownerUnitId: d.phuNuLuuQuangId, receivedOn: today }, ['ownerUnitId']],
          [{ ownerMemberId: null, ownerUnitId: d.unitId }, ['ownerUnitId']],
          [{ ownerMemberId: null, ownerUnitId: d.communeId }, ['ownerUnitId']],
          [{ coworkerMemberIds: [d.others[0]!.id, d.luuQuangMemberId] }, ['coworkerMemberIds.1']],
          [{ coworkerMemberIds: [d.others[0]!.id, d.others[0]!.id] }, ['coworkerMemberIds.1']],
          [{ coworkerMemberIds: [d.memberId] }, ['coworkerMemberIds.0']],
          // Deadline before creation.
          [{ deadline: shiftDate(today, -1) }, ['deadline'], `Thời hạn (deadline): thời hạn không được trước ngày giao việc (${ddmmyyyy(today)})`],
          [{ deadline: '31/12/2022' }, ['deadline']],
          // Hand-down dates only for a mass organisation.
          [{ receivedOn: today }, ['receivedOn']],
          [{ handedDownOn: today }, ['handedDownOn']],
          [{ ownerMemberId: null, ownerUnitId: d.phuNuId }, ['receivedOn'], 'Ngày nhận (receivedOn): cần ghi ngày chi bộ nhận nhiệm vụ để tính thời gian giao xuống đoàn thể'],
          [{ ownerMemberId: null, ownerUnitId: d.phuNuId, receivedOn: shiftDate(today, -2), handedDownOn: shiftDate(today, -3) }, ['handedDownOn']],
          [{ ownerMemberId: null, ownerUnitId: d.phuNuId, receivedOn: today, handedDownOn: shiftDate(today, 1) }, ['handedDownOn']],
          // Sources that are not this cell's.
          [{ source: otherMeeting }, ['source.meetingId'], 'Cuộc họp (source.meetingId): không phải cuộc họp của đơn vị giao việc'],
          [{ source: { kind: 'meeting', meetingId: missingId() } }, ['source.meetingId']],
          [{ source: { kind: 'directive', directiveId: missingId() } }, ['source.directiveId']],
          [{ source: { kind: 'commitment', commitmentId: missingId() } }, ['source.commitmentId']],
          [{ source: { kind: 'order' } }, ['source.kind']],
          [{ priority: 'urgent' }, ['priority']],
          [{ unitId: d.phuNuId }, ['unitId']],
          [{ status: 'exceeded' }, ['status']],
        ];
        for (const [over, fields, message] of cases) {
          const res = await call('POST', '/api/tasks', staff().secretary.cookie, { ...base, ...over });
          expect(res.statusCode, `${fields.join()}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual(fields);
          if (message) expect(res.json().error.fields[0].message).toBe(message);
        }
        expect(await auditCount(t())).toBe(audits2);
        expect(await taskTableCounts(t())).toEqual(counts);
      });

      it('creates a task with co-workers and priority, audited; the owner sees it, the caller gets only what it may do', async () => {
        const d = await dongThu();
        const deadline = shiftDate(today, 20);
        const audits = await auditCount(t());
        const task = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, deadline, { coworkerMemberIds: [d.others[1]!.id, d.others[2]!.id], priority: 'high' }));
        expect(task).toMatchObject({
          unitId: d.unitId,
          unitName: names.dongThu,
          ownerKind: 'member',
          ownerMemberId: d.memberId,
          ownerUnitId: null,
          ownerName: d.memberName,
          deadline,
          priority: 'high',
          status: 'open',
          progressPercent: 0,
          completedOn: null,
          sourceKind: 'standalone',
          overdue: false,
          handDownDelayDays: null,
          receivedOn: null,
          handedDownOn: null,
          ownerContact: null,
          progress: [],
          allowedOutcomes: ['not_done'],
          actions: ['close'],
        });
        expect(task.coworkers.map((c) => c.memberId).sort()).toEqual([d.others[1]!.id, d.others[2]!.id].sort());
        expect(task.createdByName).toBeTruthy();
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'task.create', record_type: 'task', record_id: task.id, unit_id: d.unitId });
        expect(entry.after).toMatchObject({ title: task.title, deliverable: task.deliverable, ownerMemberId: d.memberId, deadline, priority: 'high', sourceKind: 'standalone' });
        expect((entry.after!.coworkerMemberIds as string[]).sort()).toEqual([d.others[1]!.id, d.others[2]!.id].sort());

        const byOwner = (await call('GET', `/api/tasks/${task.id}`, staff().member.cookie)).json() as TaskDetail;
        expect(byOwner.actions).toEqual(['report']);
        const byCommittee = (await call('GET', `/api/tasks/${task.id}`, staff().committee.cookie)).json() as TaskDetail;
        expect(byCommittee.actions).toEqual(['close']);
        const byInspection = (await call('GET', `/api/tasks/${task.id}`, staff().inspection.cookie)).json() as TaskDetail;
        expect(byInspection.actions).toEqual([]);
      });

      it('from a meeting (deadline not before it), a directive and a commitment (its member the natural owner)', async () => {
        const d = await dongThu();
        const meetingDate = shiftDate(today, -40);
        const source = await meetingSource(t(), staff().secretary.cookie, d.unitId, meetingDate);
        const { meetingId } = source;
        const early = await call('POST', '/api/tasks', staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(meetingDate, -1), { source }));
        expect(early.statusCode).toBe(400);
        expect(early.json().error.fields).toEqual([{ field: 'deadline', message: 'Thời hạn (deadline): thời hạn không được trước ngày họp' }]);
        // Recorded after the meeting: the deadline may already have passed.
        const fromMeeting = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, shiftDate(meetingDate, 10), { source }));
        expect(fromMeeting).toMatchObject({ sourceKind: 'meeting', sourceMeetingId: meetingId, sourceMeetingDate: meetingDate, overdue: true });

        const directive = await call('POST', '/api/directives', staff().committee.cookie, {
          unitId: d.communeId,
          title: 'Ra quân tổng vệ sinh môi trường',
          body: 'Các chi bộ chỉ đạo đoàn thể ra quân tổng vệ sinh đường làng, ngõ xóm.',
          deadline: shiftDate(today, 30),
          targetUnitIds: [d.unitId],
        });
        expect(directive.statusCode, directive.body).toBe(201);
        const directiveId = directive.json().id as string;
        const issuedOn = directive.json().issuedOn as string;
        // Not sent to Lưu Quang: it cannot be broken into Lưu Quang's tasks.
        const notSent = await call('POST', '/api/tasks', staff().otherSecretary.cookie, taskBody(d.luuQuangId, d.luuQuangMemberId, shiftDate(today, 5), { source: { kind: 'directive', directiveId } }));
        expect(fieldsOf(notSent)).toEqual(['source.directiveId']);
        // Handed down to a mass organisation: received when the directive was issued, by default.
        const fromDirective = await buildTask(t(), staff().secretary.cookie, {
          ...taskBody(d.unitId, d.memberId, shiftDate(today, 25), { source: { kind: 'directive', directiveId } }),
          ownerMemberId: null,
          ownerUnitId: d.nongDanId,
        });
        expect(fromDirective).toMatchObject({ sourceKind: 'directive', sourceDirectiveId: directiveId, sourceDirectiveTitle: 'Ra quân tổng vệ sinh môi trường', receivedOn: issuedOn, handedDownOn: today });

        const commitment = await call('POST', '/api/commitments', staff().member.cookie, {
          subjectKind: 'member',
          year,
          section: 'duties',
          kind: 'qualitative',
          title: 'Vận động 100% hộ gia đình trong xóm phân loại rác tại nguồn',
        });
        expect(commitment.statusCode, commitment.body).toBe(201);
        const commitmentId = commitment.json().id as string;
        const { ownerMemberId: _none, ...noOwner } = taskBody(d.unitId, d.memberId, shiftDate(today, 60), { source: { kind: 'commitment', commitmentId } });
        const fromCommitment = await buildTask(t(), staff().secretary.cookie, noOwner);
        expect(fromCommitment).toMatchObject({ sourceKind: 'commitment', sourceCommitmentId: commitmentId, ownerMemberId: d.memberId, sourceCommitmentTitle: 'Vận động 100% hộ gia đình trong xóm phân loại rác tại nguồn' });
        // …but someone else may carry it.
        const other = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.others[3]!.id, shiftDate(today, 60), { source: { kind: 'commitment', commitmentId } }));
        expect(other.ownerMemberId).toBe(d.others[3]!.id);
        // Lưu Quang cannot hang its tasks on a Đồng Thứ member's commitment.
        const foreign = await call('POST', '/api/tasks', staff().otherSecretary.cookie, taskBody(d.luuQuangId, d.luuQuangMemberId, shiftDate(today, 5), { source: { kind: 'commitment', commitmentId } }));
        expect(fieldsOf(foreign)).toEqual(['source.commitmentId']);
      });
    });

    // --- the life of a task ---------------------------------------------------------------------

    describe('lifecycle', () => {
      it('co-workers → progress with a file → the same bytes back → 100% → closed as exceeded → counted on the boards', async () => {
        const d = await dongThu();
        const deadline = shiftDate(today, 12);
        // The board of the deadline's year (next year's, near its turn).
        const board = async (who: string, unitId: string) => (await call('GET', `/api/units/${unitId}/task-board?year=${deadline.slice(0, 4)}`, who)).json() as TaskBoard;
        const cellBefore = await board(staff().secretary.cookie, d.unitId);
        const communeBefore = await board(staff().committee.cookie, d.communeId);

        const task = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, deadline, { coworkerMemberIds: [d.others[4]!.id] }));
        const file = fileOf(1_500_000, 3); // more than the app's usual 1 MB request limit, as base64 even more
        const audits = await auditCount(t());
        const report = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, {
          text: 'Đã họp dân, lập danh sách hộ hiến đất.',
          percent: 60,
          attachment: { fileName: 'C:\\Users\\dv\\Biên bản họp dân.pdf', contentBase64: file.toString('base64') },
        });
        expect(report.statusCode, report.body).toBe(200);
        const reported = report.json() as TaskDetail;
        expect(reported).toMatchObject({ progressPercent: 60, completedOn: null, status: 'open' });
        expect(reported.progress).toHaveLength(1);
        expect(reported.progress[0]).toMatchObject({ text: 'Đã họp dân, lập danh sách hộ hiến đất.', percent: 60, authorName: d.memberName });
        expect(reported.progress[0]!.attachment).toMatchObject({ fileName: 'Biên bản họp dân.pdf', mimeType: 'application/pdf', sizeBytes: file.length });
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'task.progress', record_id: task.id });
        const sha256 = createHash('sha256').update(file).digest('hex');
        expect(entry.after).toMatchObject({ progressPercent: 60, attachment: { fileName: 'Biên bản họp dân.pdf', sizeBytes: file.length, sha256 } });
        // The audit keeps the file's fingerprint, never its bytes.
        expect(entry.after_json!.length).toBeLessThan(2000);
        expect(await auditCount(t())).toBe(audits + 1);
        const stored = await t().db.db.selectFrom('attachments').select(['sha256', 'size_bytes', 'unit_id']).where('id', '=', reported.progress[0]!.attachment!.id).executeTakeFirstOrThrow();
        expect(stored).toMatchObject({ sha256, unit_id: d.unitId });
        expect(Number(stored.size_bytes)).toBe(file.length);

        // Anyone who reads the task downloads exactly what was sent.
        const url = `/api/tasks/${task.id}/attachments/${reported.progress[0]!.attachment!.id}`;
        for (const who of [staff().secretary.cookie, staff().inspection.cookie, staff().member.cookie]) {
          const res = await call('GET', url, who);
          expect(res.statusCode, who).toBe(200);
          expect(res.rawPayload.equals(file)).toBe(true);
          expect(res.headers['content-type']).toBe('application/pdf');
          expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Biên bản họp dân.pdf')}`);
          expect(res.headers['x-content-type-options']).toBe('nosniff');
        }
        // Another task's file is not this task's.
        const f = await newTask();
        const crossed = await call('GET', `/api/tasks/${task.id}/attachments/${f.attachmentId}`, staff().secretary.cookie);
        expect(crossed.statusCode).toBe(404);
        expect(crossed.body).toBe((await call('GET', `/api/tasks/${task.id}/attachments/${missingId()}`, staff().secretary.cookie)).body);

        // 100% records the completion day; a lower report clears it; 100% again restores it.
        const done = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, { text: 'Đã xong, các hộ ký biên bản.', percent: 100 });
        expect(done.json()).toMatchObject({ progressPercent: 100, completedOn: today, allowedOutcomes: ['on_time', 'exceeded', 'not_done'] });
        const back = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, { text: 'Còn 1 hộ chưa ký.', percent: 90 });
        expect(back.json()).toMatchObject({ progressPercent: 90, completedOn: null, allowedOutcomes: ['not_done'] });
        const again = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, { text: 'Hộ cuối đã ký; thêm 2 hộ ngoài tuyến hiến đất.', percent: 100 });
        expect(again.json()).toMatchObject({ progressPercent: 100, completedOn: today });
        expect((again.json() as TaskDetail).progress.map((p) => p.percent)).toEqual([100, 90, 100, 60]);

        // The assigner closes it as exceeded.
        const closed = await call('POST', `/api/tasks/${task.id}/close`, staff().secretary.cookie, { outcome: 'exceeded', comment: 'Vượt yêu cầu: thêm 2 hộ hiến đất ngoài tuyến.' });
        expect(closed.statusCode, closed.body).toBe(200);
        expect(closed.json()).toMatchObject({
          status: 'exceeded',
          completedOn: today,
          closedOn: today,
          closeComment: 'Vượt yêu cầu: thêm 2 hộ hiến đất ngoài tuyến.',
          actions: [],
        });
        expect((closed.json() as TaskDetail).closedByName).toBeTruthy();
        const closeEntry = await lastAudit(t());
        expect(closeEntry).toMatchObject({ action: 'task.close', record_id: task.id });
        expect(closeEntry.before).toEqual({ status: 'open', completedOn: today });
        expect(closeEntry.after).toMatchObject({ status: 'exceeded', completedOn: today, closedOn: today });

        // Closed: no more reports, no second close.
        const [audits2, rows] = [await auditCount(t()), await taskRows(t(), task.id)];
        const late = await call('POST', `/api/tasks/${task.id}/progress`, staff().member.cookie, { text: 'Bổ sung', percent: 100 });
        expect(late.statusCode).toBe(409);
        expect(late.json().error).toMatchObject({ code: 'task_closed', message: 'Nhiệm vụ đã được đánh giá kết quả và đóng lại; không thể báo cáo hoặc đánh giá lại.' });
        expect((await call('POST', `/api/tasks/${task.id}/close`, staff().secretary.cookie, { outcome: 'on_time', comment: 'Lại' })).statusCode).toBe(409);
        expect(await auditCount(t())).toBe(audits2);
        expect(await taskRows(t(), task.id)).toEqual(rows);

        // The boards count it: the cell (and its owner's row) and the commune's row for the cell.
        const cellAfter = await board(staff().secretary.cookie, d.unitId);
        expect(cellAfter.totals.exceeded).toBe(cellBefore.totals.exceeded + 1);
        expect(cellAfter.cells).toHaveLength(1);
        expect(cellAfter.cells[0]).toMatchObject({ unitId: d.unitId, exceeded: cellBefore.cells[0]!.exceeded + 1 });
        const owner = (b: TaskBoard) => b.owners.find((o) => o.ownerId === d.memberId);
        expect(owner(cellAfter)!.exceeded).toBe((owner(cellBefore)?.exceeded ?? 0) + 1);
        expect(owner(cellAfter)!.ownerName).toBe(d.memberName);
        const month = Number(deadline.slice(5, 7));
        const monthOf = (b: TaskBoard) => b.months.find((m) => m.month === month)!;
        expect(monthOf(cellAfter).onTime).toBe(monthOf(cellBefore).onTime + 1);
        const communeAfter = await board(staff().committee.cookie, d.communeId);
        const row = (b: TaskBoard) => b.cells.find((c) => c.unitId === d.unitId)!;
        expect(row(communeAfter).exceeded).toBe(row(communeBefore).exceeded + 1);
        expect(communeAfter.totals.exceeded).toBe(communeBefore.totals.exceeded + 1);
        expect(communeAfter.owners).toEqual([]);
        // Every cell of the commune has a row.
        expect(communeAfter.cells.filter((c) => c.unitName.startsWith('Chi bộ'))).toHaveLength(3);
      });

      it('refuses progress above 100, a file over 10 MB, a malformed file type; writes nothing', async () => {
        const f = await newTask();
        const url = `/api/tasks/${f.task.id}/progress`;
        const [audits, counts, rows] = [await auditCount(t()), await taskTableCounts(t()), await taskRows(t(), f.task.id)];
        const over = await call('POST', url, staff().member.cookie, { text: 'Vượt', percent: 101 });
        expect(over.statusCode).toBe(400);
        expect(over.json().error.fields).toEqual([{ field: 'percent', message: 'Tiến độ (%) (percent): phải nhỏ hơn hoặc bằng 100' }]);
        expect(fieldsOf(await call('POST', url, staff().member.cookie, { text: '', percent: 10 }))).toEqual(['text']);
        expect(fieldsOf(await call('POST', url, staff().member.cookie, { text: 'Nửa', percent: 50.5 }))).toEqual(['percent']);

        const big = fileOf(MAX_ATTACHMENT_BYTES + 1);
        const tooBig = await call('POST', url, staff().member.cookie, { text: 'Ảnh hiện trường', percent: 40, attachment: { fileName: 'anh.jpg', contentBase64: big.toString('base64') } });
        expect(tooBig.statusCode, tooBig.body.slice(0, 300)).toBe(400);
        expect(tooBig.json().error.fields).toEqual([{ field: 'attachment', message: 'Tệp đính kèm (attachment): tệp đính kèm tối đa 10 MB' }]);
        const mime = await call('POST', url, staff().member.cookie, { text: 'Ảnh', percent: 40, attachment: { fileName: 'anh.jpg', mimeType: 'image/jpeg\r\nx: y', contentBase64: 'AAAA' } });
        expect(fieldsOf(mime)).toEqual(['attachment.mimeType']);
        expect(fieldsOf(await call('POST', url, staff().member.cookie, { text: 'Ảnh', percent: 40, attachment: { fileName: 'anh.jpg', contentBase64: 'không phải base64' } }))).toEqual(['attachment.contentBase64']);
        expect(await auditCount(t())).toBe(audits);
        expect(await taskTableCounts(t())).toEqual(counts);
        expect(await taskRows(t(), f.task.id)).toEqual(rows);

        // Exactly 10 MB is fine; the type comes from the extension when the phone does not say.
        const max = await call('POST', url, staff().member.cookie, { text: 'Ảnh hiện trường', percent: 40, attachment: { fileName: 'anh.JPG', contentBase64: fileOf(MAX_ATTACHMENT_BYTES).toString('base64') } });
        expect(max.statusCode, max.body.slice(0, 300)).toBe(200);
        expect((max.json() as TaskDetail).progress[0]!.attachment).toMatchObject({ fileName: 'anh.JPG', mimeType: 'image/jpeg', sizeBytes: MAX_ATTACHMENT_BYTES });
        const unknown = await call('POST', url, staff().member.cookie, { text: 'Tệp', percent: 45, attachment: { fileName: 'so-lieu', contentBase64: 'AAEC' } });
        expect((unknown.json() as TaskDetail).progress[0]!.attachment).toMatchObject({ mimeType: 'application/octet-stream', sizeBytes: 3 });
        // Other routes keep the 1 MB limit.
        const huge = await call('POST', '/api/tasks', staff().secretary.cookie, { ...taskBody(f.unitId, f.task.ownerMemberId!, today), title: 'x'.repeat(1_100_000) });
        expect(huge.statusCode).toBe(413);
      });

      it('closing: the outcome the dates allow (explained when not), completion not in the future; only the assigner closes', async () => {
        const d = await dongThu();
        const meetingDate = shiftDate(today, -50);
        const source = await meetingSource(t(), staff().secretary.cookie, d.unitId, meetingDate);
        const deadline = shiftDate(meetingDate, 20); // 30 days ago
        const task = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, deadline, { source }));
        expect(task.overdue).toBe(true);
        const close = (body: Record<string, unknown>, who = staff().secretary.cookie) => call('POST', `/api/tasks/${task.id}/close`, who, { comment: 'Đánh giá cuối tháng', ...body });
        const [audits, rows] = [await auditCount(t()), await taskRows(t(), task.id)];

        const noDate = await close({ outcome: 'on_time' });
        expect(noDate.statusCode).toBe(400);
        expect(noDate.json().error.fields).toEqual([
          { field: 'outcome', message: 'Kết quả đánh giá (outcome): chưa có ngày hoàn thành nên chỉ có thể đánh giá "không hoàn thành"; nếu việc đã xong, hãy ghi ngày hoàn thành' },
        ]);
        const finishedLate = shiftDate(deadline, 10);
        const notOnTime = await close({ outcome: 'on_time', completedOn: finishedLate });
        expect(notOnTime.json().error.fields).toEqual([
          { field: 'outcome', message: `Kết quả đánh giá (outcome): việc hoàn thành ngày ${ddmmyyyy(finishedLate)}, sau thời hạn ${ddmmyyyy(deadline)}, nên không thể đánh giá "đúng hạn" hay "vượt yêu cầu"` },
        ]);
        expect(fieldsOf(await close({ outcome: 'exceeded', completedOn: finishedLate }))).toEqual(['outcome']);
        const notLate = await close({ outcome: 'late', completedOn: deadline });
        expect(notLate.json().error.fields[0].message).toBe(`Kết quả đánh giá (outcome): việc hoàn thành ngày ${ddmmyyyy(deadline)}, trong thời hạn ${ddmmyyyy(deadline)}, nên không phải "hoàn thành chậm"`);
        const english = await call('POST', `/api/tasks/${task.id}/close`, staff().secretary.cookie, { outcome: 'on_time', completedOn: finishedLate, comment: 'x' }, 'en');
        expect(english.json().error.fields[0].message).toContain('cannot be "on time" or "exceeded"');
        expect(fieldsOf(await close({ outcome: 'late', completedOn: shiftDate(today, 1) }))).toEqual(['completedOn']);
        expect(fieldsOf(await close({ outcome: 'late', completedOn: finishedLate, comment: '' }))).toEqual(['comment']);
        expect(fieldsOf(await close({ outcome: 'done' }))).toEqual(['outcome']);
        // Closing someone else's task without the right: the owner 403, another cell 404.
        expect((await close({ outcome: 'late', completedOn: finishedLate }, staff().member.cookie)).statusCode).toBe(403);
        expect((await close({ outcome: 'late', completedOn: finishedLate }, staff().otherSecretary.cookie)).statusCode).toBe(404);
        expect(await auditCount(t())).toBe(audits);
        expect(await taskRows(t(), task.id)).toEqual(rows);

        const ok = await close({ outcome: 'late', completedOn: finishedLate });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json()).toMatchObject({ status: 'late', completedOn: finishedLate, closedOn: today, overdue: false });

        // Never finished: "not done" is the one outcome, and it needs no date.
        const other = await buildTask(t(), staff().secretary.cookie, taskBody(d.unitId, d.memberId, deadline, { source }));
        const notDone = await call('POST', `/api/tasks/${other.id}/close`, staff().committee.cookie, { outcome: 'not_done', comment: 'Không thực hiện.' });
        expect(notDone.json()).toMatchObject({ status: 'not_done', completedOn: null });
      });
    });

    // --- hand-down and the commune's tasks ------------------------------------------------------

    describe('hand-down to mass organisations and the commune\'s own tasks', () => {
      it('records when the cell received and passed on the job; the delay shows on the task and the boards', async () => {
        const d = await dongThu();
        const deadline = shiftDate(today, 15);
        const slow = await buildTask(t(), staff().secretary.cookie, {
          ...taskBody(d.unitId, d.memberId, deadline),
          title: 'Vận động hội viên phụ nữ ra quân vệ sinh đường làng',
          ownerMemberId: null,
          ownerUnitId: d.phuNuId,
          receivedOn: shiftDate(today, -9),
          handedDownOn: shiftDate(today, -2),
        });
        expect(slow).toMatchObject({
          ownerKind: 'unit',
          ownerUnitId: d.phuNuId,
          ownerMemberId: null,
          ownerName: names.phuNuDongThu,
          receivedOn: shiftDate(today, -9),
          handedDownOn: shiftDate(today, -2),
          handDownDelayDays: 7,
          ownerContact: { name: home().cells[0]!.massOrgs[1]!.contactName },
          // The cell's leaders report for the mass organisation, and close it.
          actions: ['report', 'close'],
        });
        expect(slow.ownerContact!.phone).toBeTruthy();
        // Passed on the day it came: no delay (handed down today by default).
        const quick = await buildTask(t(), staff().secretary.cookie, { ...taskBody(d.unitId, d.memberId, deadline), ownerMemberId: null, ownerUnitId: d.nongDanId, receivedOn: today });
        expect(quick).toMatchObject({ handedDownOn: today, handDownDelayDays: 0 });

        // The secretary reports for the mass organisation; a plain member of the cell may not.
        const report = await call('POST', `/api/tasks/${slow.id}/progress`, staff().secretary.cookie, { text: 'Chi hội đã ra quân lần 1.', percent: 50 });
        expect(report.statusCode, report.body).toBe(200);
        expect((await call('POST', `/api/tasks/${slow.id}/progress`, staff().member.cookie, { text: 'x', percent: 60 })).statusCode).toBe(403);

        // The average hand-down delay over the cell's year, on the cell's board and the commune's.
        const list = (await call('GET', `/api/units/${d.unitId}/tasks?year=${deadline.slice(0, 4)}&pageSize=200`, staff().secretary.cookie)).json();
        const delays = (list.items as TaskSummary[]).map((x) => x.handDownDelayDays).filter((x): x is number => x !== null);
        expect(delays).toEqual(expect.arrayContaining([7, 0]));
        const average = Math.round((delays.reduce((a, b) => a + b, 0) / delays.length) * 10) / 10;
        const y = Number(deadline.slice(0, 4));
        const cell = (await call('GET', `/api/units/${d.unitId}/task-board?year=${y}`, staff().secretary.cookie)).json() as TaskBoard;
        expect(cell.totals).toMatchObject({ handDowns: delays.length, averageHandDownDelay: average });
        expect(cell.owners.find((o) => o.ownerId === d.phuNuId)).toMatchObject({ ownerKind: 'unit', ownerName: names.phuNuDongThu, open: 1 });
        const commune = (await call('GET', `/api/units/${d.communeId}/task-board?year=${y}`, staff().inspection.cookie)).json() as TaskBoard;
        expect(commune.cells.find((c) => c.unitId === d.unitId)).toMatchObject({ handDowns: delays.length, averageHandDownDelay: average });
        expect(commune.cells.find((c) => c.unitId === d.luuQuangId)).toMatchObject({ handDowns: 0, averageHandDownDelay: null });
      });

      it('a commune task handed to a cell is the cell\'s work; a commune task owned by a member is theirs to see and report', async () => {
        const d = await dongThu();
        const cellDeadline = shiftDate(today, 20);
        const forCell = await buildTask(t(), staff().committee.cookie, {
          ...taskBody(d.communeId, d.memberId, cellDeadline),
          title: 'Rà soát hộ nghèo, cận nghèo năm nay',
          ownerMemberId: null,
          ownerUnitId: d.unitId,
        });
        expect(forCell).toMatchObject({ ownerKind: 'unit', ownerName: names.dongThu, unitName: names.commune, handDownDelayDays: null, receivedOn: null });
        // The cell's members read it; its secretary reports on it; only the commune closes it.
        const bySecretary = (await call('GET', `/api/tasks/${forCell.id}`, staff().secretary.cookie)).json() as TaskDetail;
        expect(bySecretary.actions).toEqual(['report']);
        expect((await call('GET', `/api/tasks/${forCell.id}`, staff().member.cookie)).json().actions).toEqual([]);
        expect((await call('GET', `/api/tasks/${forCell.id}`, staff().otherSecretary.cookie)).statusCode).toBe(404);
        expect((await call('POST', `/api/tasks/${forCell.id}/progress`, staff().secretary.cookie, { text: 'Đã rà soát xong.', percent: 100 })).statusCode).toBe(200);
        expect((await call('POST', `/api/tasks/${forCell.id}/close`, staff().secretary.cookie, { outcome: 'on_time', comment: 'Tự đánh giá' })).statusCode).toBe(403);
        expect((await call('POST', `/api/tasks/${forCell.id}/close`, staff().committee.cookie, { outcome: 'on_time', comment: 'Đúng hạn.' })).statusCode).toBe(200);
        // It is in the cell's list and counts on the cell's board, and in the cell's row of the commune view.
        const list = (await call('GET', `/api/units/${d.unitId}/tasks?status=closed&pageSize=200`, staff().member.cookie)).json();
        expect(list.items.map((x: TaskSummary) => x.id)).toContain(forCell.id);
        const commune = (await call('GET', `/api/units/${d.communeId}/task-board?year=${cellDeadline.slice(0, 4)}`, staff().committee.cookie)).json() as TaskBoard;
        expect(commune.cells.find((c) => c.unitId === d.unitId)!.onTime).toBeGreaterThanOrEqual(1);

        // The commune gives a member a task directly: the member sees and reports it, others do not.
        const forMember = await buildTask(t(), staff().committee.cookie, taskBody(d.communeId, d.memberId, shiftDate(today, 5), { title: 'Chuẩn bị tham luận hội nghị xã' }));
        const own = (await call('GET', `/api/tasks/${forMember.id}`, staff().member.cookie)).json() as TaskDetail;
        expect(own.actions).toEqual(['report']);
        const work = (await call('GET', '/api/me/work', staff().member.cookie)).json() as MyWork;
        expect(work.dueSoon.map((x) => x.id)).toContain(forMember.id);
        expect((await call('GET', `/api/tasks/${forMember.id}`, staff().otherSecretary.cookie)).statusCode).toBe(404);
        // The committee gives tasks in its whole subtree: here a Lưu Quang member, with a Đồng Thứ co-worker.
        const across = await buildTask(t(), staff().committee.cookie, taskBody(d.communeId, d.luuQuangMemberId, shiftDate(today, 5), { coworkerMemberIds: [d.memberId] }));
        expect((await call('GET', `/api/tasks/${across.id}`, staff().member.cookie)).json().actions).toEqual(['report']);
        // The commune-level message when the owner is outside its whole subtree.
        const outsider = await call('POST', '/api/tasks', staff().committee.cookie, taskBody(d.communeId, missingId(), shiftDate(today, 5)));
        expect(outsider.json().error.fields).toEqual([
          { field: 'ownerMemberId', message: 'Người chịu trách nhiệm (ownerMemberId): người chịu trách nhiệm phải là đảng viên đang sinh hoạt ở một chi bộ thuộc đơn vị giao việc' },
        ]);
      });
    });

    // --- lists and views ------------------------------------------------------------------------

    describe('lists, options, my work', () => {
      it('lists overdue first, then open by deadline, then closed newest first; filters; pages', async () => {
        const d = await dongThu();
        // The third cell ("Số 7") has no other tasks in this suite.
        const unitId = home().cells[2]!.id;
        const roster = await cellRoster(t(), unitId);
        const [a, b] = [roster[0]!.id, roster[1]!.id];
        const source = await meetingSource(t(), staff().committee.cookie, unitId, shiftDate(today, -30));
        const mk = (owner: string, deadline: string, title: string) => buildTask(t(), staff().committee.cookie, taskBody(unitId, owner, deadline, { title, source }));
        const overdueOld = await mk(a, shiftDate(today, -20), 'Quá hạn lâu');
        const overdueNew = await mk(b, shiftDate(today, -5), 'Quá hạn gần');
        const soon = await mk(a, shiftDate(today, 3), 'Sắp đến hạn');
        const later = await mk(b, shiftDate(today, 40), 'Còn lâu');
        const closedFirst = await mk(a, shiftDate(today, -10), 'Đóng trước');
        const closedSecond = await mk(b, shiftDate(today, 1), 'Đóng sau');
        await call('POST', `/api/tasks/${closedFirst.id}/close`, staff().committee.cookie, { outcome: 'not_done', comment: 'Không làm' });
        await call('POST', `/api/tasks/${closedSecond.id}/close`, staff().committee.cookie, { outcome: 'on_time', completedOn: today, comment: 'Xong' });

        const list = async (query = '') => (await call('GET', `/api/units/${unitId}/tasks${query}`, staff().committee.cookie)).json();
        const all = await list();
        expect(all.total).toBe(6);
        // Both closed today: the later decision (the newer id) first.
        const ids = all.items.map((x: TaskSummary) => x.id);
        expect(ids.slice(0, 4)).toEqual([overdueOld.id, overdueNew.id, soon.id, later.id]);
        expect(new Set(ids.slice(4))).toEqual(new Set([closedFirst.id, closedSecond.id]));
        expect(all.items.map((x: TaskSummary) => x.overdue)).toEqual([true, true, false, false, false, false]);
        expect((await list('?status=overdue')).items.map((x: TaskSummary) => x.id)).toEqual([overdueOld.id, overdueNew.id]);
        expect((await list('?status=open')).total).toBe(4);
        expect((await list('?status=closed')).total).toBe(2);
        expect((await list('?status=on_time')).items.map((x: TaskSummary) => x.id)).toEqual([closedSecond.id]);
        expect((await list(`?ownerMemberId=${a}`)).total).toBe(3);
        expect((await list(`?year=${year - 5}`)).total).toBe(0);
        const page2 = await list('?pageSize=4&page=2');
        expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 });
        expect(page2.items).toHaveLength(2);
        // Bad filters name the field.
        for (const [query, field] of [['?status=late_ish', 'status'], ['?pageSize=500', 'pageSize'], ['?year=1999', 'year'], ['?ownerMemberId=abc', 'ownerMemberId']] as const) {
          const res = await call('GET', `/api/units/${unitId}/tasks${query}`, staff().committee.cookie);
          expect(res.statusCode).toBe(400);
          expect(fieldsOf(res)).toEqual([field]);
        }

        // The commune sees them too; Đồng Thứ's secretary does not (another cell).
        expect((await call('GET', `/api/units/${d.communeId}/tasks?status=overdue&pageSize=200`, staff().inspection.cookie)).json().items.map((x: TaskSummary) => x.id)).toEqual(
          expect.arrayContaining([overdueOld.id, overdueNew.id]),
        );
        expect((await call('GET', `/api/units/${unitId}/tasks`, staff().secretary.cookie)).statusCode).toBe(404);
        // The board's oldest overdue tasks, and the assigner's "My work".
        // The board is this year's (by deadline): near the turn of the year some fall outside it.
        const board = (await call('GET', `/api/units/${unitId}/task-board`, staff().committee.cookie)).json() as TaskBoard;
        const thisYear = (...tasks: TaskDetail[]) => tasks.filter((x) => x.deadline.startsWith(String(year)));
        expect(board.overdueTasks.map((x) => x.id)).toEqual(thisYear(overdueOld, overdueNew).map((x) => x.id));
        expect(board.totals).toMatchObject({
          total: thisYear(overdueOld, overdueNew, soon, later, closedFirst, closedSecond).length,
          open: thisYear(overdueOld, overdueNew, soon, later).length,
          overdue: thisYear(overdueOld, overdueNew).length,
          onTime: thisYear(closedSecond).length,
          notDone: thisYear(closedFirst).length,
        });
        expect(board.cells).toMatchObject([{ unitId, total: board.totals.total, overdue: board.totals.overdue }]);
        expect(board.owners.reduce((n, o) => n + o.total, 0)).toBe(board.totals.total);
        const lastYear = (await call('GET', `/api/units/${unitId}/task-board?year=${year - 1}`, staff().committee.cookie)).json() as TaskBoard;
        expect(lastYear.totals.total + board.totals.total).toBe(
          [overdueOld, overdueNew, soon, later, closedFirst, closedSecond].filter((x) => Number(x.deadline.slice(0, 4)) >= year - 1 && Number(x.deadline.slice(0, 4)) <= year).length,
        );
        const assigner = (await call('GET', '/api/me/work', staff().committee.cookie)).json() as MyWork;
        expect(assigner.assignedOverdue.map((x) => x.id)).toEqual(expect.arrayContaining([overdueOld.id, overdueNew.id]));
        expect(assigner.assignedOverdue.every((x) => x.overdue)).toBe(true);
      });

      it('one rule of overdue, whatever the deadline\'s year: home, year board + carried over, and the lists agree', async () => {
        const commune = await buildCommune(t(), { cells: 1, membersPerCell: 2 });
        const cell = commune.cells[0]!;
        const committee = await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: commune.id }] });
        const [a, b] = cell.members.map((m) => m.id) as [string, string];
        const twoYearsAgo = await meetingSource(t(), committee.cookie, cell.id, `${year - 2}-03-01`);
        const lastYear = await meetingSource(t(), committee.cookie, cell.id, `${year - 1}-03-01`);
        const mk = (owner: string, deadline: string, source: object, title: string) => buildTask(t(), committee.cookie, taskBody(cell.id, owner, deadline, { title, source }));
        const tasks = [
          await mk(a, `${year - 2}-06-15`, twoYearsAgo, 'Quá hạn từ hai năm trước'),
          await mk(b, `${year - 1}-09-30`, lastYear, 'Quá hạn từ năm trước'),
          await mk(a, `${year - 1}-10-31`, lastYear, 'Năm trước, đã đánh giá'),
          await mk(b, shiftDate(today, -1) < `${year}-01-01` ? today : shiftDate(today, -1), lastYear, 'Năm nay'),
          await mk(a, shiftDate(today, 5), lastYear, 'Sắp đến hạn'),
        ];
        await call('POST', `/api/tasks/${tasks[2]!.id}/close`, committee.cookie, { outcome: 'not_done', comment: 'Không làm' });
        const status = new Map([[tasks[2]!.id, 'not_done']]);
        // The domain's rule over every task built: the figures below are counts of this list.
        const overdue = tasks.filter((x) => isOverdue({ status: status.get(x.id) ?? 'open', deadline: x.deadline }, today));
        const before = (y: number) => overdue.filter((x) => x.deadline < `${y}-01-01`).map((x) => x.id);
        const inYear = (y: number) => overdue.filter((x) => x.deadline.startsWith(String(y))).map((x) => x.id);
        expect(before(year)).toHaveLength(2);

        const get = async <T>(url: string) => (await call('GET', url, committee.cookie)).json() as T;
        const list = (query: string) => get<{ total: number; items: TaskSummary[] }>(`/api/units/${commune.id}/tasks?pageSize=200&${query}`);
        const home = await get<MyWork>('/api/me/work');
        expect(home.assignedOverdue.map((x) => x.id)).toEqual(overdue.map((x) => x.id));
        expect(home.assignedOverdueTotal).toBe(overdue.length);
        expect((await list('status=overdue')).items.map((x) => x.id)).toEqual(overdue.map((x) => x.id));
        for (const y of [year, year - 1]) {
          for (const unitId of [commune.id, cell.id]) {
            const board = await get<TaskBoard>(`/api/units/${unitId}/task-board?year=${y}`);
            expect(board.overdueTasks.map((x) => x.id)).toEqual(inYear(y));
            expect(board.totals.overdue).toBe(inYear(y).length);
            expect(board.overdueFromEarlierYears).toBe(before(y).length);
            // This year's board and what it carries over add up to the home's count.
            if (y === year) expect(board.totals.overdue + board.overdueFromEarlierYears).toBe(home.assignedOverdueTotal);
          }
          expect((await list(`status=overdue&beforeYear=${y}`)).items.map((x) => x.id)).toEqual(before(y));
        }
      });

      it('task options: members and units of the subtree, directives received, recent meetings', async () => {
        const d = await dongThu();
        const { meetingId } = await meetingSource(t(), staff().secretary.cookie, d.unitId, shiftDate(today, -1));
        const directive = await call('POST', '/api/directives', staff().committee.cookie, {
          unitId: d.communeId,
          title: 'Triển khai Nghị quyết Trung ương 4 đến toàn thể đảng viên',
          body: 'Các chi bộ tổ chức học tập, xây dựng kế hoạch thực hiện.',
          deadline: shiftDate(today, 20),
          targetUnitIds: [d.unitId],
        });
        expect(directive.statusCode, directive.body).toBe(201);
        const cell = (await call('GET', `/api/units/${d.unitId}/task-options`, staff().secretary.cookie)).json();
        expect(cell).toMatchObject({ unitId: d.unitId, unitKind: 'cell' });
        expect(cell.meetings.map((m: { id: string }) => m.id)).toContain(meetingId);
        expect(cell.meetings.map((m: { date: string }) => m.date)).toEqual([...cell.meetings.map((m: { date: string }) => m.date)].sort().reverse());
        expect(cell.directives[0]).toMatchObject({ id: directive.json().id, title: 'Triển khai Nghị quyết Trung ương 4 đến toàn thể đảng viên' });
        // Lưu Quang did not receive it.
        const luuQuang = (await call('GET', `/api/units/${d.luuQuangId}/task-options`, staff().otherSecretary.cookie)).json();
        expect(luuQuang.directives.map((x: { id: string }) => x.id)).not.toContain(directive.json().id);
        expect(cell.members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([d.memberId, d.secretaryId]));
        expect(cell.members.map((m: { id: string }) => m.id)).not.toContain(d.luuQuangMemberId);
        expect(cell.units.map((u: { name: string }) => u.name).sort()).toEqual(
          home().cells[0]!.massOrgs.map((o) => o.name).sort(),
        );
        expect(cell.units.every((u: { kind: string; contactName: string | null }) => u.kind === 'mass_org' && u.contactName)).toBe(true);
        const commune = (await call('GET', `/api/units/${d.communeId}/task-options`, staff().committee.cookie)).json();
        expect(commune.units.filter((u: { kind: string }) => u.kind === 'cell')).toHaveLength(3);
        expect(commune.members.length).toBeGreaterThan(cell.members.length);
      });

    });
  });
});
