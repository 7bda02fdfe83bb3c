import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, useStaffedCommune } from '../../../test/helpers/factories.js';
import { cellRoster, requester, vnToday, xlsxBase64 } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { commitmentCountsByUnit } from './repo.js';
import { memberCommitmentsForWork } from './service.js';
import type { CommitmentDetail, CommitmentListResponse, CommitmentSummary } from './schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Đối tượng (số thẻ đảng viên hoặc "Chi bộ")', 'Họ và tên / Đơn vị', 'Mục', 'Loại', 'Nội dung / chỉ tiêu', 'Chỉ tiêu (số)', 'Đơn vị tính', 'Chiều', 'Thực hiện', 'Minh chứng'];
const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe('commitments: registering, confirming, progress, evaluation, spreadsheets', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /** A commune of three cells (the staff's own first, a third for the spreadsheets), a mass organisation, the six staff roles. */
    const { home, staff, as } = useStaffedCommune(t, { cells: 3, massOrgsPerCell: [1] });

    /** Accounts beyond the six staff ones. */
    const extra = { officeOnly: '', committeeDongThu: '', noMember: '' };
    beforeAll(async () => {
      const [officeOnly, committeeDongThu, noMember] = await Promise.all([
        buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }),
        buildAccount(t(), { roles: [{ role: 'cell_committee', unitId: home().cells[0]!.id }] }),
        buildAccount(t(), { roles: [{ role: 'party_committee', unitId: home().id }] }),
      ]);
      Object.assign(extra, { officeOnly: officeOnly.cookie, committeeDongThu: committeeDongThu.cookie, noMember: noMember.cookie });
    });
    const officeOnly = () => extra.officeOnly;
    const committeeDongThu = () => extra.committeeDongThu;

    /** The commune, the staff's cell ("Đồng Thứ"), the other secretary's ("Lưu Quang"), and the first cell's member and secretary. */
    const ids = async () => ({
      commune: home().id,
      dongThu: home().cells[0]!.id,
      luuQuang: home().cells[1]!.id,
      member: staff().member.memberId!,
      secretary: staff().secretary.memberId!,
    });

    const measurable = (extra: Record<string, unknown> = {}) => ({
      subjectKind: 'member',
      year: YEAR,
      section: 'duties',
      kind: 'measurable',
      title: 'Vận động hộ gia đình tham gia bảo hiểm y tế',
      targetValue: 10,
      measureUnit: 'hộ',
      direction: 'more',
      ...extra,
    });
    const qualitative = (extra: Record<string, unknown> = {}) => ({
      subjectKind: 'member',
      year: YEAR,
      section: 'ethics_lifestyle',
      kind: 'qualitative',
      title: 'Gương mẫu chấp hành nội quy nơi cư trú, không vi phạm quy định về những điều đảng viên không được làm',
      ...extra,
    });

    async function create(who: string, body: Record<string, unknown>): Promise<CommitmentDetail> {
      const res = await call('POST', '/api/commitments', who, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CommitmentDetail;
    }
    async function confirm(who: string, ...commitmentIds: string[]) {
      const res = await call('POST', '/api/commitments/confirm', who, { ids: commitmentIds });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { confirmed: number; items: CommitmentSummary[] };
    }
    const commitmentCount = async () => Number((await t().db.db.selectFrom('commitments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const commitmentRows = async (id: string) => ({
      commitment: await t().db.db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst(),
      progress: await t().db.db.selectFrom('commitment_progress').selectAll().where('commitment_id', '=', id).orderBy('id').execute(),
      count: await commitmentCount(),
    });
    const list = async (unitId: string, who: string, query = `year=${YEAR}`) => {
      const res = await call('GET', `/api/units/${unitId}/commitments?${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CommitmentListResponse;
    };
    const itemIds = (l: CommitmentListResponse) => l.subjects.flatMap((s) => s.items.map((i) => i.id));

    // --- the endpoint × case matrix ---------------------------------------------------------

    type Fixture = Awaited<ReturnType<typeof ids>> & { commitment: CommitmentDetail; importFile: string };
    const importRow = async (memberId: string) => {
      const m = (await cellRoster(t(), (await ids()).dongThu)).find((r) => r.id === memberId)!;
      return xlsxBase64([HEADER, [m.card_number, m.full_name, 'Về tư tưởng chính trị', 'Định tính', 'Tích cực học tập nghị quyết', null, null, null, null, null]]);
    };
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'POST /api/commitments',
        method: 'POST',
        url: () => '/api/commitments',
        missing: () => '/api/commitments',
        body: (f) => qualitative({ memberId: f.member }),
        missingBody: () => qualitative({ memberId: missingId() }),
        // Neither the office nor the inspection enters someone else's pledge.
        forbidden: [as('office'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 201, audit: 'commitment.create' },
      }),
      row({
        route: 'GET /api/commitments/:id',
        method: 'GET',
        url: (f) => `/api/commitments/${f.commitment.id}`,
        missing: () => `/api/commitments/${missingId()}`,
        forbidden: [as('office'), officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().id).toBe(f.commitment.id) },
      }),
      row({
        route: 'PATCH /api/commitments/:id',
        method: 'PATCH',
        url: (f) => `/api/commitments/${f.commitment.id}`,
        missing: () => `/api/commitments/${missingId()}`,
        body: () => ({ title: 'Vận động 12 hộ tham gia bảo hiểm y tế', targetValue: 12 }),
        forbidden: [as('office'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 200, audit: 'commitment.update', check: (res) => expect(res.json()).toMatchObject({ targetValue: 12 }) },
      }),
      row({
        route: 'DELETE /api/commitments/:id',
        method: 'DELETE',
        url: (f) => `/api/commitments/${f.commitment.id}`,
        missing: () => `/api/commitments/${missingId()}`,
        forbidden: [as('office'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 204, audit: 'commitment.delete' },
      }),
      row({
        route: 'POST /api/commitments/confirm',
        method: 'POST',
        url: () => '/api/commitments/confirm',
        missing: () => '/api/commitments/confirm',
        body: (f) => ({ ids: [f.commitment.id] }),
        missingBody: () => ({ ids: [missingId()] }),
        // The member, the inspection and a cell committee member (who keeps pledges but does not confirm them).
        forbidden: [as('member'), as('inspection'), committeeDongThu],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'commitment.confirm', check: (res) => expect(res.json().confirmed).toBe(1) },
      }),
      row({
        route: 'POST /api/commitments/:id/progress',
        method: 'POST',
        url: (f) => `/api/commitments/${f.commitment.id}/progress`,
        missing: () => `/api/commitments/${missingId()}/progress`,
        body: () => ({ note: 'Đã vận động được 3 hộ', value: 3 }),
        forbidden: [as('office'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('member'), status: 201, audit: 'commitment.progress', check: (res) => expect(res.json()).toMatchObject({ actualValue: 3, percent: 30 }) },
      }),
      row({
        route: 'POST /api/commitments/:id/evaluate',
        method: 'POST',
        url: (f) => `/api/commitments/${f.commitment.id}/evaluate`,
        missing: () => `/api/commitments/${missingId()}/evaluate`,
        body: () => ({ actualValue: 11, earlyReason: 'Đồng chí chuyển sinh hoạt đảng về nơi khác' }),
        forbidden: [as('inspection'), as('office'), committeeDongThu],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'commitment.evaluate', check: (res) => expect(res.json()).toMatchObject({ result: 'exceeded', resultPercent: 110 }) },
      }),
      row({
        route: 'GET /api/units/:id/commitments',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/commitments?year=${YEAR}`,
        missing: () => `/api/units/${missingId()}/commitments?year=${YEAR}`,
        // The office reads the roster, not the pledges; it is a member of another cell.
        forbidden: [as('office'), officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect(itemIds(res.json())).toContain(f.commitment.id) },
      }),
      row({
        route: 'GET /api/units/:id/commitments.xlsx',
        method: 'GET',
        url: (f) => `/api/units/${f.dongThu}/commitments.xlsx?year=${YEAR}`,
        missing: () => `/api/units/${missingId()}/commitments.xlsx?year=${YEAR}`,
        // A member reads their own pledge in the app, not the cell's sheet.
        forbidden: [as('member'), as('office')],
        other: as('otherSecretary'),
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.headers['content-type']).toBe(XLSX) },
      }),
      row({
        route: 'POST /api/units/:id/commitments/import',
        method: 'POST',
        url: (f) => `/api/units/${f.dongThu}/commitments/import`,
        missing: () => `/api/units/${missingId()}/commitments/import`,
        body: (f) => ({ year: YEAR, fileName: 'cam-ket.xlsx', contentBase64: f.importFile }),
        forbidden: [as('member'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: 'commitment.import', check: (res) => expect(res.json()).toMatchObject({ imported: true, rowsRead: 1 }) },
      }),
    ];

    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async (r) => {
          const u = await ids();
          const commitment = await create(staff().member.cookie, measurable());
          if (r.route.endsWith('/evaluate')) await confirm(staff().secretary.cookie, commitment.id);
          return { ...u, commitment, importFile: await importRow(u.member) };
        },
        state: (f) => commitmentRows(f.commitment.id),
      });

      it("privacy: another cell's pledges answer 404; a member sees only their own in the cell's list", async () => {
        const u = await ids();
        const mine = await create(staff().member.cookie, qualitative());
        const secretarys = await create(staff().secretary.cookie, qualitative({ title: 'Nêu gương trong sinh hoạt chi bộ' }));
        const theirs = await create(staff().otherSecretary.cookie, qualitative({ title: 'Giữ gìn đoàn kết trong chi bộ' }));
        expect((await call('GET', `/api/commitments/${theirs.id}`, staff().secretary.cookie)).statusCode).toBe(404);
        expect((await call('GET', `/api/commitments/${secretarys.id}`, staff().otherSecretary.cookie)).statusCode).toBe(404);
        expect((await call('GET', `/api/units/${u.luuQuang}/commitments?year=${YEAR}`, staff().secretary.cookie)).statusCode).toBe(404);
        // A member reads their own only: 403 for a neighbour's (they read no one's pledges).
        expect((await call('GET', `/api/commitments/${secretarys.id}`, staff().member.cookie)).statusCode).toBe(403);

        const own = await list(u.dongThu, staff().member.cookie);
        expect(own.subjects.map((s) => [s.subjectKind, s.subjectId])).toEqual([['member', u.member]]);
        expect(itemIds(own)).toContain(mine.id);
        expect(itemIds(own)).not.toContain(secretarys.id);
        expect((await list(u.dongThu, staff().member.cookie, `year=${YEAR}&memberId=${u.secretary}`)).subjects).toEqual([]);
        // Asking for the commune, they still get only their own pledge.
        expect((await list(u.commune, staff().member.cookie)).subjects.map((s) => s.subjectId)).toEqual([u.member]);

        const full = await list(u.dongThu, staff().secretary.cookie);
        expect(full.subjects[0]).toMatchObject({ subjectKind: 'unit', subjectId: u.dongThu, name: home().cells[0]!.name });
        const roster = await cellRoster(t(), u.dongThu);
        // The cell, then every active member in Vietnamese name order (those yet to register too).
        expect(full.subjects.slice(1).map((s) => s.subjectId)).toEqual(roster.map((m) => m.id));
        expect(itemIds(full)).toEqual(expect.arrayContaining([mine.id, secretarys.id]));
        expect(itemIds(full)).not.toContain(theirs.id);
        const one = await list(u.dongThu, staff().secretary.cookie, `year=${YEAR}&memberId=${u.member}`);
        expect(one.subjects.map((s) => s.subjectId)).toEqual([u.member]);
      });
    });

    describe('registering and changing', () => {
      it('a member registers their own, measurable and qualitative, placed one after another in each section', async () => {
        const u = await ids();
        const audits = await auditCount(t());
        const a = await create(staff().member.cookie, measurable({ section: 'congress_resolution', title: 'Trồng 50 cây xanh', targetValue: 50, measureUnit: 'cây' }));
        const b = await create(staff().member.cookie, measurable({ section: 'congress_resolution', title: 'Số ngày chậm nộp đảng phí', targetValue: 0, measureUnit: 'ngày', direction: 'less' }));
        const c = await create(staff().member.cookie, qualitative({ section: 'directive_05', title: 'Làm theo gương Bác: tiết kiệm điện, nước tại nhà văn hóa thôn', evidence: 'Ảnh chụp' }));
        expect(b.position).toBe(a.position + 1);
        expect(a).toMatchObject({
          unitId: u.dongThu,
          subjectKind: 'member',
          memberId: u.member,
          year: YEAR,
          kind: 'measurable',
          targetValue: 50,
          measureUnit: 'cây',
          direction: 'more',
          actualValue: null,
          percent: null,
          confirmedAt: null,
          result: null,
          progress: [],
          taskIds: [],
          actions: ['edit', 'progress', 'delete'],
        });
        expect(c).toMatchObject({ kind: 'qualitative', targetValue: null, measureUnit: null, direction: null, evidence: 'Ảnh chụp' });
        expect(await auditCount(t())).toBe(audits + 3);
        expect(await lastAudit(t())).toMatchObject({ action: 'commitment.create', record_type: 'commitment', record_id: c.id, unit_id: u.dongThu, after: { kind: 'qualitative', section: 'directive_05' } });
        // The secretary sees what they may do: confirm it, edit it (a manager), not evaluate yet.
        expect((await call('GET', `/api/commitments/${a.id}`, staff().secretary.cookie)).json().actions).toEqual(['edit', 'progress', 'confirm', 'delete']);
        expect((await call('GET', `/api/commitments/${a.id}`, staff().inspection.cookie)).json().actions).toEqual([]);
      });

      it('the cell secretary enters a member\'s pledge and the cell\'s own; the committee above confirms the cell\'s', async () => {
        const u = await ids();
        const forMember = await create(staff().secretary.cookie, qualitative({ memberId: u.member }));
        expect(forMember).toMatchObject({ memberId: u.member, subjectName: expect.any(String) });
        const cellOwn = await create(staff().secretary.cookie, measurable({ subjectKind: 'unit', unitId: u.dongThu, title: 'Kết nạp đảng viên mới', targetValue: 2, measureUnit: 'đảng viên' }));
        expect(cellOwn).toMatchObject({ subjectKind: 'unit', memberId: null, unitId: u.dongThu, subjectName: home().cells[0]!.name, actions: ['edit', 'progress', 'delete'] });
        // The cell's own secretary cannot confirm the cell's own targets.
        const bySecretary = await call('POST', '/api/commitments/confirm', staff().secretary.cookie, { ids: [cellOwn.id] });
        expect(bySecretary.statusCode, bySecretary.body).toBe(403);
        expect(bySecretary.json().error.code).toBe('forbidden');
        expect((await call('GET', `/api/commitments/${cellOwn.id}`, staff().committee.cookie)).json().actions).toEqual(['edit', 'progress', 'confirm', 'delete']);
        const byCommittee = await confirm(staff().committee.cookie, cellOwn.id);
        expect(byCommittee.items[0]).toMatchObject({ id: cellOwn.id, confirmedByName: expect.any(String), actions: ['progress', 'evaluate'] });
        // The commune's list: the cells' own pledges first, then members; only subjects with pledges.
        const commune = await list(u.commune, staff().committee.cookie);
        const firstMember = commune.subjects.findIndex((s) => s.subjectKind === 'member');
        const cellSubject = commune.subjects.findIndex((s) => s.subjectKind === 'unit' && s.subjectId === u.dongThu);
        expect(cellSubject).toBeGreaterThanOrEqual(0);
        expect(cellSubject).toBeLessThan(firstMember);
        expect(commune.subjects.every((s) => s.items.length > 0)).toBe(true);
        expect(commune.subjects[cellSubject]!.items.map((i) => i.id)).toContain(cellOwn.id);
      });

      it('nobody confirms their own pledge: 403 commitment_confirm_own, and the whole batch is refused', async () => {
        const u = await ids();
        const own = await create(staff().secretary.cookie, qualitative({ title: 'Tự giác nhận khuyết điểm' }));
        const members = await create(staff().member.cookie, qualitative({ title: 'Tham gia đầy đủ sinh hoạt chi bộ' }));
        const audits = await auditCount(t());
        const res = await call('POST', '/api/commitments/confirm', staff().secretary.cookie, { ids: [members.id, own.id] });
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'commitment_confirm_own', message: 'Không ai tự xác nhận hoặc tự đánh giá chỉ tiêu cam kết của chính mình.' });
        expect(await auditCount(t())).toBe(audits);
        expect((await call('GET', `/api/commitments/${members.id}`, staff().secretary.cookie)).json().confirmedAt).toBeNull();
        expect((await call('GET', `/api/commitments/${own.id}`, staff().secretary.cookie)).json().actions).toEqual(['edit', 'progress', 'delete']);
        // The committee above confirms both; a second request skips them (no new audit entry).
        const first = await confirm(staff().committee.cookie, own.id, members.id);
        expect(first.confirmed).toBe(2);
        expect(await auditCount(t())).toBe(audits + 2);
        expect((await lastAudit(t())).action).toBe('commitment.confirm');
        const again = await confirm(staff().committee.cookie, own.id, members.id, own.id);
        expect(again.confirmed).toBe(0);
        expect(again.items.map((i) => i.id)).toEqual([own.id, members.id]);
        expect(await auditCount(t())).toBe(audits + 2);
        expect(u.secretary).toBe(own.memberId);
      });

      it('refuses bad input with 400 naming every field, writing nothing', async () => {
        const u = await ids();
        const mass = home().cells[0]!.massOrgs[0]!;
        const noMember = extra.noMember;
        const audits = await auditCount(t());
        const count = await commitmentCount();
        const cases: [string, Record<string, unknown>, string[]][] = [
          [staff().member.cookie, measurable({ targetValue: undefined, measureUnit: '', direction: null }), ['targetValue', 'measureUnit', 'direction']],
          [staff().member.cookie, measurable({ direction: undefined }), ['direction']],
          [staff().member.cookie, qualitative({ targetValue: 3, direction: 'more' }), ['targetValue', 'direction']],
          [staff().member.cookie, qualitative({ year: YEAR + 2 }), ['year']],
          [staff().member.cookie, qualitative({ year: YEAR - 2 }), ['year']],
          [staff().member.cookie, qualitative({ unitId: u.dongThu }), ['unitId']],
          [staff().member.cookie, qualitative({ section: 'hobbies' }), ['section']],
          [staff().member.cookie, measurable({ targetValue: -1 }), ['targetValue']],
          [staff().member.cookie, qualitative({ title: '' }), ['title']],
          [staff().committee.cookie, qualitative({ subjectKind: 'unit' }), ['unitId']],
          [staff().committee.cookie, qualitative({ subjectKind: 'unit', unitId: u.commune }), ['unitId']],
          [staff().committee.cookie, qualitative({ subjectKind: 'unit', unitId: mass.id }), ['unitId']],
          [staff().committee.cookie, qualitative({ subjectKind: 'unit', unitId: u.dongThu, memberId: u.member }), ['memberId']],
          // A committee account linked to no member has no pledge of its own to write.
          [noMember, qualitative(), ['memberId']],
        ];
        for (const [who, body, fields] of cases) {
          const res = await call('POST', '/api/commitments', who, body);
          expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
          expect(fieldsOf(res), res.body).toEqual(fields);
        }
        const vi = await call('POST', '/api/commitments', staff().member.cookie, measurable({ measureUnit: null }));
        expect(vi.json().error.fields[0].message).toBe('Đơn vị tính (measureUnit): chỉ tiêu định lượng cần có giá trị này');
        const en = await call('POST', '/api/commitments', staff().member.cookie, qualitative({ year: YEAR + 5 }), 'en');
        expect(en.json().error.fields[0].message).toContain(`(year): the commitment year must be from ${YEAR - 1} to ${YEAR + 1}`);
        expect(await commitmentCount()).toBe(count);
        expect(await auditCount(t())).toBe(audits);
      });

      it('PATCH: until confirmed; a switch to qualitative drops the measurable fields; unchanged saves write nothing', async () => {
        const a = await create(staff().member.cookie, measurable({ title: 'Nuôi 100 con gà', targetValue: 100, measureUnit: 'con' }));
        const patch = (body: Record<string, unknown>, who = staff().member.cookie) => call('PATCH', `/api/commitments/${a.id}`, who, body);
        const audits = await auditCount(t());
        expect((await patch({ title: 'Nuôi 100 con gà' })).statusCode).toBe(200);
        expect(await auditCount(t())).toBe(audits);
        const bad = await patch({ kind: 'qualitative', targetValue: 5 });
        expect(fieldsOf(bad), bad.body).toEqual(['targetValue']);
        const moved = await patch({ section: 'fix_shortcomings', kind: 'qualitative', title: 'Khắc phục việc chậm nộp đảng phí' });
        expect(moved.statusCode, moved.body).toBe(200);
        expect(moved.json()).toMatchObject({ section: 'fix_shortcomings', kind: 'qualitative', targetValue: null, measureUnit: null, direction: null });
        expect(await lastAudit(t())).toMatchObject({
          action: 'commitment.update',
          before: { kind: 'measurable', targetValue: 100, section: 'duties' },
          after: { kind: 'qualitative', targetValue: null, section: 'fix_shortcomings' },
        });
        const back = await patch({ kind: 'measurable' });
        expect(fieldsOf(back)).toEqual(['targetValue', 'measureUnit', 'direction']);
        await confirm(staff().secretary.cookie, a.id);
        const locked = await patch({ title: 'Sửa sau khi xác nhận' });
        expect(locked.statusCode).toBe(409);
        expect(locked.json().error.code).toBe('commitment_confirmed');
        const gone = await call('DELETE', `/api/commitments/${a.id}`, staff().secretary.cookie);
        expect(gone.statusCode).toBe(409);
        expect((await call('GET', `/api/commitments/${a.id}`, staff().member.cookie)).json().actions).toEqual(['progress']);
      });

      it('DELETE removes a pledge with its progress notes; audited with what it was', async () => {
        const a = await create(staff().member.cookie, measurable({ title: 'Tham gia 4 buổi lao động công ích', targetValue: 4, measureUnit: 'buổi' }));
        expect((await call('POST', `/api/commitments/${a.id}/progress`, staff().member.cookie, { note: 'Đã tham gia 1 buổi', value: 1 })).statusCode).toBe(201);
        const res = await call('DELETE', `/api/commitments/${a.id}`, staff().member.cookie);
        expect(res.statusCode, res.body).toBe(204);
        expect(await lastAudit(t())).toMatchObject({ action: 'commitment.delete', record_id: a.id, before: { title: 'Tham gia 4 buổi lao động công ích', actualValue: 1 }, after: null });
        expect(await commitmentRows(a.id)).toMatchObject({ commitment: undefined, progress: [] });
        expect((await call('GET', `/api/commitments/${a.id}`, staff().secretary.cookie)).statusCode).toBe(404);
      });
    });

    describe('the lifecycle: register → confirm → progress → evaluate', () => {
      it('percent and result for more-is-better, less-is-better and qualitative pledges; early evaluation needs a reason', async () => {
        const u = await ids();
        const more = await create(staff().member.cookie, measurable({ title: 'Vận động 10 hộ làm nhà vệ sinh hợp vệ sinh', targetValue: 10, measureUnit: 'hộ' }));
        const less = await create(staff().member.cookie, measurable({ title: 'Số buổi vắng sinh hoạt không lý do', targetValue: 2, measureUnit: 'buổi', direction: 'less', section: 'discipline' }));
        const text = await create(staff().member.cookie, qualitative({ title: 'Không nói, viết, làm trái nghị quyết' }));
        // Progress before confirmation is allowed: members start working in January.
        const p1 = await call('POST', `/api/commitments/${more.id}/progress`, staff().member.cookie, { note: 'Đã vận động 4 hộ', value: 4, evidence: 'Danh sách hộ' });
        expect(p1.statusCode, p1.body).toBe(201);
        expect(p1.json()).toMatchObject({ actualValue: 4, percent: 40, evidence: 'Danh sách hộ' });
        expect(p1.json().progress).toMatchObject([{ note: 'Đã vận động 4 hộ', value: 4, authorName: expect.any(String) }]);
        expect(await lastAudit(t())).toMatchObject({ action: 'commitment.progress', record_id: more.id, before: { actualValue: null }, after: { value: 4, actualValue: 4 } });
        const qualValue = await call('POST', `/api/commitments/${text.id}/progress`, staff().member.cookie, { note: 'Thực hiện tốt', value: 1 });
        expect(fieldsOf(qualValue)).toEqual(['value']);
        expect((await call('POST', `/api/commitments/${text.id}/progress`, staff().member.cookie, { note: 'Thực hiện tốt' })).statusCode).toBe(201);

        // Evaluating needs a confirmation first.
        const early = await call('POST', `/api/commitments/${more.id}/evaluate`, staff().secretary.cookie, { earlyReason: 'Thử' });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe('commitment_not_confirmed');
        const confirmed = await confirm(staff().secretary.cookie, more.id, less.id, text.id);
        expect(confirmed.confirmed).toBe(3);
        expect(confirmed.items.every((i) => i.confirmedAt !== null && i.actions.includes('evaluate'))).toBe(true);

        // Before the year ends a reason is required (the year of these pledges is this year).
        const noReason = await call('POST', `/api/commitments/${more.id}/evaluate`, staff().secretary.cookie, { actualValue: 12 });
        expect(noReason.statusCode).toBe(400);
        expect(fieldsOf(noReason)).toEqual(['earlyReason']);
        expect(noReason.json().error.fields[0].message).toBe(`Lý do đánh giá sớm (earlyReason): năm ${YEAR} chưa kết thúc: đánh giá sớm cần ghi lý do`);
        const reason = 'Đồng chí chuyển sinh hoạt đảng về nơi cư trú mới';
        const mismatch = await call('POST', `/api/commitments/${more.id}/evaluate`, staff().secretary.cookie, { actualValue: 12, earlyReason: reason, result: 'achieved' });
        expect(fieldsOf(mismatch)).toEqual(['result']);
        // The member cannot grade their own; the secretary does.
        const byMember = await call('POST', `/api/commitments/${more.id}/evaluate`, staff().member.cookie, { actualValue: 12, earlyReason: reason });
        expect(byMember.statusCode).toBe(403);

        const moreDone = await call('POST', `/api/commitments/${more.id}/evaluate`, staff().secretary.cookie, { actualValue: 12, earlyReason: reason, note: 'Vượt chỉ tiêu' });
        expect(moreDone.statusCode, moreDone.body).toBe(200);
        expect(moreDone.json()).toMatchObject({ actualValue: 12, result: 'exceeded', resultPercent: 120, evaluationNote: 'Vượt chỉ tiêu', earlyEvaluationReason: reason, actions: ['evaluate'] });
        expect(await lastAudit(t())).toMatchObject({ action: 'commitment.evaluate', record_id: more.id, before: null, after: { result: 'exceeded', resultPercent: 120, actualValue: 12 } });

        // Less is better: 2 allowed, 4 missed is 50% (not achieved); 1 missed is 200% (exceeded); 2 is 100%.
        const lessOf = async (actualValue: number) => (await call('POST', `/api/commitments/${less.id}/evaluate`, staff().secretary.cookie, { actualValue, earlyReason: reason })).json();
        expect(await lessOf(4)).toMatchObject({ result: 'not_achieved', resultPercent: 50 });
        expect(await lessOf(1)).toMatchObject({ result: 'exceeded', resultPercent: 200 });
        const reevaluated = await lastAudit(t());
        expect(reevaluated).toMatchObject({ action: 'commitment.evaluate', before: { result: 'not_achieved', resultPercent: 50 }, after: { result: 'exceeded', resultPercent: 200 } });
        expect(await lessOf(2)).toMatchObject({ result: 'achieved', resultPercent: 100 });
        // The same evaluation again writes nothing.
        const audits = await auditCount(t());
        await lessOf(2);
        expect(await auditCount(t())).toBe(audits);

        // Qualitative: the evaluator's judgement, required.
        const noResult = await call('POST', `/api/commitments/${text.id}/evaluate`, staff().secretary.cookie, { earlyReason: reason });
        expect(fieldsOf(noResult)).toEqual(['result']);
        const textDone = await call('POST', `/api/commitments/${text.id}/evaluate`, staff().secretary.cookie, { earlyReason: reason, result: 'achieved' });
        expect(textDone.json()).toMatchObject({ result: 'achieved', resultPercent: null });

        // Evaluated: no more progress.
        const late = await call('POST', `/api/commitments/${more.id}/progress`, staff().member.cookie, { note: 'Thêm 1 hộ', value: 13 });
        expect(late.statusCode).toBe(409);
        expect(late.json().error.code).toBe('commitment_evaluated');

        // What the tasks screens read: "My work" and the counts per cell.
        const actor = { accountId: 'x', memberId: u.member, assignments: [] };
        const work = await memberCommitmentsForWork(t().db.db, actor, u.member, YEAR, vnToday());
        expect(work.map((w) => w.id)).toEqual(expect.arrayContaining([more.id, less.id, text.id]));
        const sections = work.map((w) => w.section);
        expect(sections.indexOf('discipline')).toBeLessThan(sections.indexOf('duties'));
        const communePath = (await t().db.db.selectFrom('units').select('path').where('id', '=', u.commune).executeTakeFirstOrThrow()).path;
        const counts = (await commitmentCountsByUnit(t().db.db, communePath, YEAR)).get(u.dongThu)!;
        expect(counts.evaluated).toBeGreaterThanOrEqual(3);
        expect(counts.exceeded + counts.achieved + counts.notAchieved).toBe(counts.evaluated);
        expect(counts.total).toBeGreaterThanOrEqual(counts.confirmed);
      });

      it('lists only the units\' own pledges above the cells when asked, with figures that still count everyone', async () => {
        const u = await ids();
        const mine = await create(staff().member.cookie, measurable({ title: 'Số buổi sinh hoạt tham gia' }));
        const cellOwn = await call('POST', '/api/commitments', staff().secretary.cookie, {
          subjectKind: 'unit',
          unitId: u.dongThu,
          year: YEAR,
          section: 'duties',
          kind: 'measurable',
          title: 'Tỷ lệ đảng viên dự sinh hoạt',
          targetValue: 90,
          measureUnit: '%',
          direction: 'more',
        });
        expect(cellOwn.statusCode).toBe(201);
        const full = (await call('GET', `/api/units/${u.commune}/commitments?year=${YEAR}`, staff().committee.cookie)).json();
        const unitsOnly = (await call('GET', `/api/units/${u.commune}/commitments?year=${YEAR}&subjects=units`, staff().committee.cookie)).json();
        const listed = (list: { subjects: { items: { id: string }[] }[] }) => list.subjects.flatMap((s) => s.items.map((i) => i.id));
        expect(listed(full)).toEqual(expect.arrayContaining([mine.id, cellOwn.json().id]));
        expect(listed(unitsOnly)).toContain(cellOwn.json().id);
        expect(listed(unitsOnly)).not.toContain(mine.id);
        expect(unitsOnly.subjects.every((s: { subjectKind: string }) => s.subjectKind === 'unit')).toBe(true);
        expect(unitsOnly.counts).toEqual(full.counts);
        expect(full.counts.total).toBe(listed(full).length);
        // A member's own page counts only their own lines.
        const own = (await call('GET', `/api/units/${u.dongThu}/commitments?year=${YEAR}`, staff().member.cookie)).json();
        expect(own.counts.total).toBe(listed(own).length);
        expect(listed(own)).toContain(mine.id);
      });

      it('keeps decimals as typed on both dialects', async () => {
        const a = await create(staff().member.cookie, measurable({ title: 'Thu nhập bình quân', targetValue: 45.6, measureUnit: 'triệu đồng' }));
        const p = await call('POST', `/api/commitments/${a.id}/progress`, staff().member.cookie, { note: 'Sáu tháng đầu năm', value: 12.3 });
        expect(p.json()).toMatchObject({ targetValue: 45.6, actualValue: 12.3, percent: 27 });
        expect(p.json().progress[0].value).toBe(12.3);
      });
    });

    describe('spreadsheets', () => {

      async function workbook(base64OrBuffer: Buffer) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(base64OrBuffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
        return wb.worksheets[0]!;
      }

      it('exports a year as the registration sheet and imports it back unchanged (dry run first)', async () => {
        const unitId = home().cells[2]!.id;
        const roster = await cellRoster(t(), unitId);
        const [m1, m2] = roster;
        const from = YEAR - 1;
        const to = YEAR + 1;
        const made = [
          await create(staff().committee.cookie, { ...measurable({ year: from, memberId: m1!.id, targetValue: 2.5, measureUnit: 'ha', title: 'Chuyển đổi 2,5 ha sang trồng rau an toàn' }) }),
          await create(staff().committee.cookie, { ...qualitative({ year: from, memberId: m1!.id, evidence: 'Biên bản họp thôn' }) }),
          await create(staff().committee.cookie, { ...measurable({ year: from, memberId: m2!.id, direction: 'less', targetValue: 0, measureUnit: 'vụ', title: 'Số vụ vi phạm trật tự xây dựng' }) }),
          await create(staff().committee.cookie, { ...measurable({ year: from, subjectKind: 'unit', unitId, title: 'Tỷ lệ hộ đạt gia đình văn hóa', targetValue: 90, measureUnit: '%' }) }),
        ];
        await call('POST', `/api/commitments/${made[0]!.id}/progress`, staff().committee.cookie, { note: 'Đã chuyển đổi 1,8 ha', value: 1.8 });
        await confirm(staff().committee.cookie, made[0]!.id, made[3]!.id);

        const res = await call('GET', `/api/units/${unitId}/commitments.xlsx?year=${from}`, staff().committee.cookie);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-disposition']).toBe(`attachment; filename="chi-tieu-cam-ket-${from}.xlsx"`);
        const sheet = await workbook(res.rawPayload);
        expect(sheet.getCell('A1').value).toBe(`BẢNG ĐĂNG KÝ CHỈ TIÊU CAM KẾT NĂM ${from}`);
        expect(sheet.getCell('A2').value).toBe(home().cells[2]!.name);
        expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...HEADER, 'Xác nhận', 'Kết quả', 'Tỷ lệ (%)']);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        expect(sheet.getColumn(5).width).toBe(50);
        // The cell's own line first, then members by name.
        expect(sheet.getRow(4).getCell(1).value).toBe('Chi bộ');
        expect(sheet.getRow(4).getCell(6).value).toBe(90);
        expect(sheet.getRow(4).getCell(4).value).toBe('Định lượng');
        expect(sheet.getRow(4).getCell(11).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        const cardRow = [5, 6, 7].map((r) => sheet.getRow(r)).find((r) => r.getCell(6).value === 2.5)!;
        expect(cardRow.getCell(1).value).toBe(m1!.card_number);
        expect(cardRow.getCell(8).value).toBe('Càng nhiều càng tốt');
        expect(cardRow.getCell(9).value).toBe(1.8);
        expect(cardRow.getCell(13).value).toBe(72);
        expect(sheet.rowCount).toBe(7);

        const file = res.rawPayload.toString('base64');
        const audits = await auditCount(t());
        const count = await commitmentCount();
        const preview = await call('POST', `/api/units/${unitId}/commitments/import`, staff().committee.cookie, { year: to, fileName: 'cam-ket.xlsx', contentBase64: file, dryRun: true });
        expect(preview.statusCode, preview.body).toBe(200);
        expect(preview.json()).toMatchObject({ imported: false, rowsRead: 4 });
        expect(preview.json().entries[0]).toMatchObject({ row: 4, subjectKind: 'unit', subjectName: home().cells[2]!.name, kind: 'measurable', targetValue: 90, measureUnit: '%' });
        expect(await commitmentCount()).toBe(count);
        expect(await auditCount(t())).toBe(audits);

        const imported = await call('POST', `/api/units/${unitId}/commitments/import`, staff().committee.cookie, { year: to, fileName: 'cam-ket.xlsx', contentBase64: file });
        expect(imported.statusCode, imported.body).toBe(200);
        expect(imported.json()).toMatchObject({ imported: true, rowsRead: 4 });
        expect(await commitmentCount()).toBe(count + 4);
        expect(await auditCount(t())).toBe(audits + 1);
        expect(await lastAudit(t())).toMatchObject({ action: 'commitment.import', record_type: 'unit', record_id: unitId, after: { fileName: 'cam-ket.xlsx', year: to, count: 4 } });

        // The same content, as new unconfirmed, unevaluated pledges of the other year.
        const content = (l: CommitmentListResponse) =>
          l.subjects
            .filter((s) => s.items.length > 0)
            .map((s) => ({
              subjectKind: s.subjectKind,
              subjectId: s.subjectId,
              items: s.items.map((i) => ({
                section: i.section,
                position: i.position,
                kind: i.kind,
                title: i.title,
                targetValue: i.targetValue,
                measureUnit: i.measureUnit,
                direction: i.direction,
                actualValue: i.actualValue,
                evidence: i.evidence,
              })),
            }));
        const before = await list(unitId, staff().committee.cookie, `year=${from}`);
        const after = await list(unitId, staff().committee.cookie, `year=${to}`);
        expect(content(after)).toEqual(content(before));
        expect(after.subjects.flatMap((s) => s.items).every((i) => i.confirmedAt === null && i.result === null)).toBe(true);
      });

      it('a bad file imports nothing and lists every bad row in Vietnamese', async () => {
        const u = await ids();
        const roster = await cellRoster(t(), u.dongThu);
        const m = roster.find((r) => r.id === u.member)!;
        const other = roster.find((r) => r.id !== u.member && r.id !== u.secretary)!;
        const file = await xlsxBase64([
          ['BẢNG ĐĂNG KÝ CHỈ TIÊU CAM KẾT'],
          HEADER,
          [m.card_number, m.full_name, 'Về tư tưởng chính trị', 'Định tính', 'Học tập nghị quyết đầy đủ'],
          ['99999999', 'Người Không Có', 'Về tư tưởng chính trị', 'Định tính', 'Học tập'],
          [null, other.full_name.toUpperCase(), 'Sở thích cá nhân', 'Định tính', 'Đọc sách'],
          [m.card_number, null, 'Về thực hiện chức trách, nhiệm vụ được giao', 'Định lượng', 'Trồng cây', null, 'cây', 'Càng nhiều càng tốt'],
          [m.card_number, null, 'Chỉ thị 05', 'Định tính', 'Tiết kiệm', 5],
          ['Chi bộ', 'Chi bộ thôn Không Có', 'Về thực hiện chức trách, nhiệm vụ được giao', 'Định tính', 'Giữ vững an ninh'],
          [m.card_number, null, 'Về tác phong, lề lối làm việc', 'Định lượng', 'Đúng giờ', 'mười', 'buổi', 'lên xuống'],
        ]);
        const audits = await auditCount(t());
        const count = await commitmentCount();
        const res = await call('POST', `/api/units/${u.dongThu}/commitments/import`, staff().secretary.cookie, { year: YEAR, fileName: 'cam-ket.xlsx', contentBase64: file });
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().error as { code: string; message: string; fields: { field: string; message: string }[] };
        expect(error.code).toBe('commitment_import_invalid');
        expect(error.message).toBe('Tệp chỉ tiêu có 7 lỗi; chưa nhập dòng nào. Hãy sửa tệp rồi nhập lại.');
        expect(error.fields).toEqual([
          { field: 'rows.4', message: 'dòng 4: không có đảng viên "99999999 – Người Không Có" trong đơn vị' },
          { field: 'rows.5', message: 'dòng 5: mục "Sở thích cá nhân" không có trong bản cam kết' },
          { field: 'rows.6', message: 'dòng 6: chỉ tiêu định lượng cần có chỉ tiêu (số)' },
          { field: 'rows.7', message: 'dòng 7: chỉ tiêu định tính không có chỉ tiêu số, đơn vị tính, chiều hay giá trị thực hiện' },
          { field: 'rows.8', message: 'dòng 8: không có chi bộ "Chi bộ thôn Không Có" trong đơn vị' },
          { field: 'rows.9', message: 'dòng 9: "mười" không phải số hợp lệ' },
          { field: 'rows.9', message: 'dòng 9: chiều "lên xuống" không hiểu được (Càng nhiều càng tốt, Càng ít càng tốt)' },
        ]);
        expect(await commitmentCount()).toBe(count);
        expect(await auditCount(t())).toBe(audits);

        // A name without diacritics and without a card still finds the member; a year out of range is refused.
        const byName = await xlsxBase64([HEADER, [null, foldName(other.full_name), 'Khắc phục hạn chế, khuyết điểm năm trước', null, 'Phát biểu thẳng thắn trong sinh hoạt']]);
        const preview = await call('POST', `/api/units/${u.dongThu}/commitments/import`, staff().secretary.cookie, { year: YEAR, fileName: 'cam-ket.xlsx', contentBase64: byName, dryRun: true });
        expect(preview.statusCode, preview.body).toBe(200);
        expect(preview.json().entries).toEqual([
          { row: 2, subjectKind: 'member', subjectName: other.full_name, section: 'fix_shortcomings', kind: 'qualitative', title: 'Phát biểu thẳng thắn trong sinh hoạt', targetValue: null, measureUnit: null, actualValue: null },
        ]);
        const badYear = await call('POST', `/api/units/${u.dongThu}/commitments/import`, staff().secretary.cookie, { year: YEAR + 3, fileName: 'cam-ket.xlsx', contentBase64: byName });
        expect(fieldsOf(badYear)).toEqual(['year']);
        const notExcel = await call('POST', `/api/units/${u.dongThu}/commitments/import`, staff().secretary.cookie, { year: YEAR, fileName: 'cam-ket.xlsx', contentBase64: Buffer.from('không phải excel').toString('base64') });
        expect(notExcel.json().error.fields).toEqual([{ field: 'rows.1', message: 'không đọc được tệp; hãy dùng tệp Excel .xlsx' }]);
        expect(await commitmentCount()).toBe(count);
      });
    });
  });
});

/** "Nguyễn Văn Ánh" → "nguyen van anh", as someone typing without Vietnamese keyboard would. */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
