import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, useStaffedCommune } from '../../../test/helpers/factories.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { directivesAwaitingAcknowledgement } from './service.js';
import type { DirectiveDetail, DirectiveSummary } from './schemas.js';

forEachDialect((dialect) => {
  describe('directives: issuing, acknowledging, acting', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /**
     * A commune of three cells (the staff's own first, the second's secretary, a third for the
     * year list), a mass organisation under the first, and the demo's six roles.
     */
    const { home, staff, as } = useStaffedCommune(t, { cells: 3, massOrgsPerCell: [1] });

    /** Accounts beyond the six staff ones. */
    const extra = { officeOnly: '', noRole: '', committeeOfLuuQuang: '', committeeDongThu: '' };
    beforeAll(async () => {
      const [first, second] = home().cells;
      const [officeOnly, noRole, committeeOfLuuQuang, committeeDongThu] = await Promise.all([
        buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }),
        buildAccount(t(), { roles: [], unitId: home().id }),
        // A committee role held over one cell only: it issues directives there, not for the commune.
        buildAccount(t(), { roles: [{ role: 'party_committee', unitId: second!.id }] }),
        buildAccount(t(), { roles: [{ role: 'cell_committee', unitId: first!.id }] }),
      ]);
      Object.assign(extra, { officeOnly: officeOnly.cookie, noRole: noRole.cookie, committeeOfLuuQuang: committeeOfLuuQuang.cookie, committeeDongThu: committeeDongThu.cookie });
    });
    const officeOnly = () => extra.officeOnly;
    const noRole = () => extra.noRole;
    const committeeOfLuuQuang = () => extra.committeeOfLuuQuang;
    const committeeDongThu = async () => extra.committeeDongThu;

    /** The commune, the staff's cell ("Đồng Thứ"), the other secretary's ("Lưu Quang") and a third. */
    const ids = async () => ({
      commune: home().id,
      dongThu: home().cells[0]!.id,
      luuQuang: home().cells[1]!.id,
      so1: home().cells[2]!.id,
    });

    const directiveBody = (unitId: string, extra: Record<string, unknown> = {}) => ({
      unitId,
      title: 'Triển khai thu hoạch lúa vụ mùa',
      body: 'Các chi bộ lãnh đạo nhân dân thu hoạch nhanh, gọn trước mùa mưa bão; báo cáo kết quả về Đảng ủy.',
      deadline: shiftDate(vnToday(), 20),
      ...extra,
    });

    async function issue(extra: Record<string, unknown> = {}): Promise<DirectiveDetail> {
      const res = await call('POST', '/api/directives', staff().committee.cookie, directiveBody((await ids()).commune, extra));
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as DirectiveDetail;
    }
    const toDongThu = async () => issue({ targetUnitIds: [(await ids()).dongThu] });

    const directiveRows = async (id: string) => ({
      directive: await t().db.db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst(),
      targets: await t().db.db.selectFrom('directive_targets').selectAll().where('directive_id', '=', id).orderBy('unit_id').execute(),
      count: Number((await t().db.db.selectFrom('directives').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    });

    type Fixture = { directive: DirectiveDetail; dongThu: string; commune: string };
    const rows: AccessRow<Fixture>[] = [
      {
        route: 'POST /api/directives',
        method: 'POST',
        url: () => '/api/directives',
        missing: () => '/api/directives',
        body: (f) => directiveBody(f.commune, { targetUnitIds: [f.dongThu] }),
        missingBody: (f) => directiveBody(missingId(), { targetUnitIds: [f.dongThu] }),
        // Cells receive directives; the inspection supervises; neither issues them.
        forbidden: [as('secretary'), as('member'), as('inspection')],
        other: committeeOfLuuQuang,
        happy: { who: as('committee'), status: 201, audit: 'directive.create' },
      },
      {
        route: 'GET /api/units/:id/directives',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/directives`,
        missing: () => `/api/units/${missingId()}/directives`,
        forbidden: [officeOnly, noRole],
        other: as('otherSecretary'),
        happy: {
          who: as('member'),
          status: 200,
          check: (res, f) => expect((res.json().items as DirectiveSummary[]).map((d) => d.id)).toContain(f.directive.id),
        },
      },
      {
        route: 'GET /api/directives/:id',
        method: 'GET',
        url: (f) => `/api/directives/${f.directive.id}`,
        missing: () => `/api/directives/${missingId()}`,
        forbidden: [officeOnly, noRole],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().id).toBe(f.directive.id) },
      },
      {
        route: 'POST /api/directives/:id/acknowledge',
        method: 'POST',
        url: (f) => `/api/directives/${f.directive.id}/acknowledge`,
        missing: () => `/api/directives/${missingId()}/acknowledge`,
        body: (f) => ({ unitId: f.dongThu, note: 'Chi bộ đã phổ biến tại cuộc họp' }),
        // A member of the cell reads the directive but does not acknowledge it; nor do the
        // office and the inspection.
        forbidden: [as('member'), as('office'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'directive.acknowledge' },
      },
    ];

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ directive: await toDongThu(), dongThu: (await ids()).dongThu, commune: (await ids()).commune }),
        state: (f) => directiveRows(f.directive.id),
      });

      it("another cell's leader acknowledging for Đồng Thứ a directive both cells received: 404 like a missing one", async () => {
        const u = await ids();
        const d = await issue({ targetUnitIds: [u.dongThu, u.luuQuang] });
        const audits = await auditCount(t());
        const res = await call('POST', `/api/directives/${d.id}/acknowledge`, staff().otherSecretary.cookie, { unitId: u.dongThu });
        const missing = await call('POST', `/api/directives/${missingId()}/acknowledge`, staff().otherSecretary.cookie, { unitId: u.dongThu });
        expect(res.statusCode, res.body).toBe(404);
        expect(res.body).toBe(missing.body);
        // …while its own acknowledgement works, and it sees only its own row.
        const own = await call('POST', `/api/directives/${d.id}/acknowledge`, staff().otherSecretary.cookie, { unitId: u.luuQuang });
        expect(own.statusCode, own.body).toBe(200);
        const detail = own.json() as DirectiveDetail;
        expect(detail.targetUnits.map((x) => x.unitName)).toEqual([home().cells[1]!.name]);
        expect(detail).toMatchObject({ targets: 1, acknowledged: 1 });
        expect(await auditCount(t())).toBe(audits + 1);
      });

      it('the cell committee acknowledges for its cell; a unit that is not a target is 400 naming unitId; twice is 409', async () => {
        const u = await ids();
        const d = await toDongThu();
        const committee = await committeeDongThu();
        const audits = await auditCount(t());
        const notTarget = await call('POST', `/api/directives/${d.id}/acknowledge`, staff().committee.cookie, { unitId: u.luuQuang });
        expect(notTarget.statusCode, notTarget.body).toBe(400);
        expect(fieldsOf(notTarget)).toEqual(['unitId']);
        const first = await call('POST', `/api/directives/${d.id}/acknowledge`, committee, { unitId: u.dongThu });
        expect(first.statusCode, first.body).toBe(200);
        const second = await call('POST', `/api/directives/${d.id}/acknowledge`, staff().secretary.cookie, { unitId: u.dongThu });
        expect(second.statusCode, second.body).toBe(409);
        expect(second.json().error.code).toBe('directive_already_acknowledged');
        expect(second.json().error.message).toBe('Chi bộ đã tiếp nhận chỉ đạo này rồi.');
        expect(await auditCount(t())).toBe(audits + 1);
      });
    });

    describe('issuing', () => {
      it('to all cells: every active cell of the commune is a target; audited with the target list', async () => {
        const u = await ids();
        const cells = await t().db.db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'cell').where('archived_at', 'is', null).where('path', 'like', `${home().path}%`).execute();
        expect(cells).toHaveLength(3);
        const audits = await auditCount(t());
        const d = await issue({ allCells: true, issuedOn: shiftDate(vnToday(), -3) });
        expect(d).toMatchObject({
          unitId: u.commune,
          unitName: home().name,
          issuedOn: shiftDate(vnToday(), -3),
          targets: cells.length,
          acknowledged: 0,
          acted: 0,
          overdue: false,
          tasks: [],
        });
        expect(d.createdByName).toBeTruthy();
        expect(d.targetUnits.map((x) => x.unitId).sort()).toEqual(cells.map((c) => c.id).sort());
        expect(d.targetUnits.every((x) => x.canAcknowledge && x.canAssign && x.acknowledgedAt === null)).toBe(true);
        expect(await auditCount(t())).toBe(audits + 1);
        const entry = await lastAudit(t());
        expect(entry).toMatchObject({ action: 'directive.create', record_type: 'directive', record_id: d.id, unit_id: u.commune });
        expect((entry.after!.targets as { unitId: string }[]).length).toBe(cells.length);
        expect(entry.after).toMatchObject({ title: d.title, allCells: true, deadline: d.deadline });
      });

      it('issuedOn defaults to today; bad input is 400 naming the field and writes nothing', async () => {
        const u = await ids();
        const d = await toDongThu();
        expect(d.issuedOn).toBe(vnToday());
        const mass = home().cells[0]!.massOrgs[0]!;
        const audits = await auditCount(t());
        const before = (await directiveRows(d.id)).count;
        const cases: [Record<string, unknown>, string[]][] = [
          [{}, ['targetUnitIds']],
          [{ allCells: true, targetUnitIds: [u.dongThu] }, ['targetUnitIds']],
          [{ targetUnitIds: [u.commune] }, ['targetUnitIds.0']],
          [{ targetUnitIds: [u.dongThu, mass.id, missingId()] }, ['targetUnitIds.1', 'targetUnitIds.2']],
          [{ targetUnitIds: [u.dongThu, u.dongThu] }, ['targetUnitIds.1']],
          [{ targetUnitIds: [u.dongThu], issuedOn: shiftDate(vnToday(), 1) }, ['issuedOn']],
          [{ targetUnitIds: [u.dongThu], issuedOn: shiftDate(vnToday(), -5), deadline: shiftDate(vnToday(), -6) }, ['deadline']],
          [{ targetUnitIds: [u.dongThu], deadline: '31/12/2026' }, ['deadline']],
          [{ targetUnitIds: [u.dongThu], title: '  ' }, ['title']],
        ];
        for (const [extra, fields] of cases) {
          const res = await call('POST', '/api/directives', staff().committee.cookie, directiveBody(u.commune, extra));
          expect(res.statusCode, `${JSON.stringify(extra)}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual(fields);
        }
        // A cell has no cells below it: "all cells" of it names no target.
        const fromCell = await call('POST', '/api/directives', staff().committee.cookie, directiveBody(u.dongThu, { allCells: true }));
        expect(fieldsOf(fromCell), fromCell.body).toEqual(['allCells']);
        expect(fromCell.json().error.message).toContain('Tất cả chi bộ (allCells)');
        const english = await call('POST', '/api/directives', staff().committee.cookie, directiveBody(u.commune, { targetUnitIds: [u.commune] }), 'en');
        expect(english.json().error.fields[0].message).toBe('targetUnitIds.0: must be an active cell under the issuing unit');
        expect((await directiveRows(d.id)).count).toBe(before);
        expect(await auditCount(t())).toBe(audits);
      });
    });

    describe('the lifecycle: issue to all cells, a cell acknowledges and acts, the committee sees it', () => {
      it('counts acknowledged and acted targets per viewer; overdue once the deadline passes with a cell not acting', async () => {
        const u = await ids();
        const d = await issue({ allCells: true, title: 'Ra quân vệ sinh môi trường', issuedOn: shiftDate(vnToday(), -10), deadline: shiftDate(vnToday(), -1) });
        expect(d.overdue).toBe(true);

        // Đồng Thứ sees it waiting on "My work"-style lists and acknowledges.
        const cookie = staff().secretary.cookie;
        const secretary = { id: staff().secretary.accountId };
        const actor = { accountId: secretary.id, memberId: staff().secretary.memberId, assignments: [{ role: 'cell_secretary' as const, unitId: u.dongThu, unitPath: (await t().db.db.selectFrom('units').select('path').where('id', '=', u.dongThu).executeTakeFirstOrThrow()).path }] };
        expect((await directivesAwaitingAcknowledgement(t().db.db, actor)).filter((x) => x.id === d.id)).toEqual([
          { id: d.id, title: 'Ra quân vệ sinh môi trường', deadline: d.deadline, unitId: u.dongThu, unitName: home().cells[0]!.name },
        ]);
        const ack = await call('POST', `/api/directives/${d.id}/acknowledge`, cookie, { unitId: u.dongThu, note: 'Đã phổ biến tới đảng viên' });
        expect(ack.statusCode, ack.body).toBe(200);
        expect(await lastAudit(t())).toMatchObject({ action: 'directive.acknowledge', record_id: d.id, unit_id: u.dongThu, after: { unitId: u.dongThu, note: 'Đã phổ biến tới đảng viên' } });
        expect((await directivesAwaitingAcknowledgement(t().db.db, actor)).some((x) => x.id === d.id)).toBe(false);

        const ackDetail = ack.json() as DirectiveDetail;
        expect(ackDetail.targetUnits).toHaveLength(1);
        expect(ackDetail.targetUnits[0]).toMatchObject({ unitId: u.dongThu, note: 'Đã phổ biến tới đảng viên', canAcknowledge: false, canAssign: true, tasks: 0 });
        expect(ackDetail.targetUnits[0]!.acknowledgedAt).toBeTruthy();
        expect(ackDetail.targetUnits[0]!.acknowledgedByName).toBeTruthy();

        // The secretary breaks it into a task for a member of the cell.
        const member = staff().member.memberId!;
        const task = await call('POST', '/api/tasks', cookie, {
          unitId: u.dongThu,
          title: 'Tổ chức dọn vệ sinh đường làng',
          deliverable: 'Đường làng sạch, có ảnh chụp',
          ownerMemberId: member,
          deadline: shiftDate(vnToday(), 5),
          source: { kind: 'directive', directiveId: d.id },
        });
        expect(task.statusCode, task.body).toBe(201);

        const listOf = async (unitId: string, who: string) => {
          const res = await call('GET', `/api/units/${unitId}/directives`, who);
          expect(res.statusCode, res.body).toBe(200);
          return (res.json().items as DirectiveSummary[]).find((x) => x.id === d.id)!;
        };
        const cells = d.targets;
        // The commune counts every cell; the cell itself only its own row.
        expect(await listOf(u.commune, staff().committee.cookie)).toMatchObject({ targets: cells, acknowledged: 1, acted: 1, overdue: true });
        expect(await listOf(u.dongThu, staff().member.cookie)).toMatchObject({ targets: 1, acknowledged: 1, acted: 1, overdue: false });
        expect(await listOf(u.luuQuang, staff().otherSecretary.cookie)).toMatchObject({ targets: 1, acknowledged: 0, acted: 0, overdue: true });

        // The committee's page shows every cell and the task; the member sees their own task.
        const full = (await call('GET', `/api/directives/${d.id}`, staff().committee.cookie)).json() as DirectiveDetail;
        expect(full).toMatchObject({ targets: cells, acknowledged: 1, acted: 1 });
        expect(full.targetUnits.find((x) => x.unitId === u.dongThu)).toMatchObject({ tasks: 1, tasksClosed: 0 });
        expect(full.tasks.map((x) => x.id)).toEqual([task.json().id]);
        expect(full.tasks[0]).toMatchObject({ sourceKind: 'directive', sourceDirectiveId: d.id });
        const mine = (await call('GET', `/api/directives/${d.id}`, staff().member.cookie)).json() as DirectiveDetail;
        expect(mine.tasks.map((x) => x.id)).toEqual([task.json().id]);
        expect(mine.targetUnits[0]).toMatchObject({ canAcknowledge: false, canAssign: false });
        // Lưu Quang sees neither Đồng Thứ's row nor its task.
        const other = (await call('GET', `/api/directives/${d.id}`, staff().otherSecretary.cookie)).json() as DirectiveDetail;
        expect(other.targetUnits.map((x) => x.unitId)).toEqual([u.luuQuang]);
        expect(other.tasks).toEqual([]);
      });

      it('lists a year: newest first, by issue date; other years on request', async () => {
        const u = await ids();
        const lastYear = Number(vnToday().slice(0, 4)) - 1;
        const old = await issue({ targetUnitIds: [u.so1], issuedOn: `${lastYear}-12-30`, deadline: `${lastYear + 1}-01-15`, title: 'Chỉ đạo năm trước' });
        const a = await issue({ targetUnitIds: [u.so1], issuedOn: vnToday(), title: 'Chỉ đạo mới' });
        const b = await issue({ targetUnitIds: [u.so1], issuedOn: `${lastYear + 1}-01-01`, title: 'Chỉ đạo đầu năm' });
        const list = async (query = '') => ((await call('GET', `/api/units/${u.so1}/directives${query}`, staff().committee.cookie)).json().items as DirectiveSummary[]).map((x) => x.id);
        const thisYear = await list();
        // Newest issue date first (the one issued on 1 January last, unless today is 1 January).
        if (vnToday() !== `${lastYear + 1}-01-01`) expect(thisYear.indexOf(a.id)).toBeLessThan(thisYear.indexOf(b.id));
        expect(thisYear).toEqual(expect.arrayContaining([a.id, b.id]));
        expect(thisYear).not.toContain(old.id);
        expect(await list(`?year=${lastYear}`)).toContain(old.id);
        const bad = await call('GET', `/api/units/${u.so1}/directives?year=20x`, staff().committee.cookie);
        expect(bad.statusCode).toBe(400);
        expect(fieldsOf(bad)).toEqual(['year']);
      });
    });
  });
});
