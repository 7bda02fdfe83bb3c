import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { COMMUNE, CELL_DONG_THU, useDemoApp, useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { openPublicLimits, setStatus as setStatusAs } from '../../../test/helpers/local-issues.js';
import { buildAccount, buildIssue, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { CategoriesResponse, LocalIssueDetail, LocalIssueListResponse, PublicLocalIssueList } from './schemas.js';

forEachDialect((dialect) => {
  describe('local issues (vấn đề tồn tại): the list, status, actions as tasks, the people\'s word', () => {
    const t = useTestApp(dialect, openPublicLimits);
    const call = requester(t);
    /**
     * A commune of three cells: the staff's own village ("Đồng Thứ"), the other secretary's
     * ("Lưu Quang"), and the cell of the commune's People's Committee (UBND), which issues are
     * given to; the six staff roles.
     */
    const { home, staff, as } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang', 'Cơ quan Ủy ban nhân dân xã'] });
    const extra = { officeOnly: '', committeeElsewhere: '', ubndSecretary: '', noRole: '' };
    beforeAll(async () => {
      const [officeOnly, committeeElsewhere, ubndSecretary, noRole] = await Promise.all([
        buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }),
        buildAccount(t(), { roles: [{ role: 'party_committee', unitId: home().cells[1]!.id }] }),
        buildAccount(t(), { roles: [{ role: 'cell_secretary', unitId: home().cells[2]!.id }] }),
        buildAccount(t(), { roles: [], unitId: home().id }),
      ]);
      Object.assign(extra, { officeOnly: officeOnly.cookie, committeeElsewhere: committeeElsewhere.cookie, ubndSecretary: ubndSecretary.cookie, noRole: noRole.cookie });
    });
    const officeOnly = async () => extra.officeOnly;
    const committeeElsewhere = () => extra.committeeElsewhere;
    const ubndSecretary = async () => extra.ubndSecretary;
    /** A new public issue of the staff's village, filed by the committee. */
    const createIssue = (body: Record<string, unknown> = {}) =>
      buildIssue(t(), { cookie: staff().committee.cookie, communeId: home().id, villageUnitId: home().cells[0]!.id }, body);
    const setStatus = (id: string, body: Record<string, unknown>) => setStatusAs(t(), id, body, staff().committee.cookie);
    const issueRows = async (id: string) => ({
      issue: await t().db.db.selectFrom('local_issues').selectAll().where('id', '=', id).executeTakeFirst(),
      changes: await t().db.db.selectFrom('local_issue_status_changes').select(['to_status']).where('issue_id', '=', id).execute(),
    });

    type Fixture = { issue: LocalIssueDetail; commune: string };
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'GET /api/local-issues',
        method: 'GET',
        url: (f) => `/api/local-issues?unitId=${f.commune}`,
        missing: () => `/api/local-issues?unitId=${missingId()}`,
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        happy: { who: as('committee'), status: 200, check: (res, f) => expect((res.json() as LocalIssueListResponse).items.map((i) => i.id)).toContain(f.issue.id) },
      }),
      row({
        route: 'POST /api/local-issues',
        method: 'POST',
        url: () => '/api/local-issues',
        missing: () => '/api/local-issues',
        body: (f) => ({ unitId: f.commune, categoryCode: 'an_ninh', title: 'Mất trộm xe máy ở bãi xe chợ', description: 'Ba vụ mất trộm trong tháng.' }),
        missingBody: () => ({ unitId: missingId(), categoryCode: 'an_ninh', title: 'Mất trộm xe máy ở bãi xe chợ', description: 'Ba vụ mất trộm trong tháng.' }),
        // The cell's secretary and UBKT read issues but do not keep the list.
        forbidden: [officeOnly, as('secretary'), as('inspection')],
        other: committeeElsewhere,
        happy: { who: as('committee'), status: 201, audit: 'local_issue.create', check: (res) => expect(res.json()).toMatchObject({ status: 'new', categoryName: 'An ninh trật tự', public: false }) },
      }),
      row({
        route: 'GET /api/local-issues/:id',
        method: 'GET',
        url: (f) => `/api/local-issues/${f.issue.id}`,
        missing: () => `/api/local-issues/${missingId()}`,
        forbidden: [officeOnly],
        other: as('otherSecretary'),
        // The village's own cell reads it; it may give the cell's word, not change it.
        happy: { who: as('secretary'), status: 200, check: (res) => expect(res.json().actions).toEqual([]) },
      }),
      row({
        route: 'PATCH /api/local-issues/:id',
        method: 'PATCH',
        url: (f) => `/api/local-issues/${f.issue.id}`,
        missing: () => `/api/local-issues/${missingId()}`,
        body: () => ({ householdsAffected: 14, areaName: 'Ngõ 3, xóm Giữa' }),
        forbidden: [officeOnly, as('member'), as('secretary'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('committee'), status: 200, audit: 'local_issue.update', check: (res) => expect(res.json()).toMatchObject({ householdsAffected: 14, areaName: 'Ngõ 3, xóm Giữa' }) },
      }),
      row({
        route: 'POST /api/local-issues/:id/status',
        method: 'POST',
        url: (f) => `/api/local-issues/${f.issue.id}/status`,
        missing: () => `/api/local-issues/${missingId()}/status`,
        body: () => ({ status: 'in_progress', note: 'Giao chi bộ thôn vận động các hộ.' }),
        forbidden: [officeOnly, as('member'), as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('committee'), status: 200, audit: 'local_issue.status', check: (res) => expect(res.json().status).toBe('in_progress') },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ issue: await createIssue(), commune: home().id }),
        state: (f) => issueRows(f.issue.id),
      });
    });

    it('categories: everyone signed in reads them with their provenance; the committee adds one; duplicates and other roles are refused', async () => {
      const anonymous = await t().app.inject({ method: 'GET', url: '/api/local-issue-categories' });
      expect(anonymous.statusCode).toBe(401);
      const noRole = extra.noRole;
      expect((await call('GET', '/api/local-issue-categories', noRole)).statusCode).toBe(403);
      const read = (await call('GET', '/api/local-issue-categories', staff().member.cookie)).json() as CategoriesResponse;
      expect(read.canManage).toBe(false);
      expect(read.categories.map((c) => c.code)).toEqual(['dat_dai', 'xay_dung', 'moi_truong', 'an_ninh', 'cai_cach_hanh_chinh', 'giao_thong', 'khac']);
      // Roads and public works, the most common complaint of a village, have their own category.
      expect(read.categories.find((c) => c.code === 'giao_thong')).toMatchObject({ name: 'Giao thông, hạ tầng', source: expect.stringContaining('người dân phản ánh') });
      expect(read.categories[0]!.source).toBe('Nêu trong bài báo về Đảng bộ xã Minh Quang (Tam Đảo, Vĩnh Phúc)');

      const body = { name: 'Thái độ phục vụ của cán bộ', example: 'Cán bộ một cửa chậm trả lời người dân' };
      expect((await call('POST', '/api/local-issue-categories', staff().secretary.cookie, body)).statusCode).toBe(403);
      expect((await call('POST', '/api/local-issue-categories', await officeOnly(), body)).statusCode).toBe(403);
      const before = await auditCount(t());
      const added = await call('POST', '/api/local-issue-categories', staff().committee.cookie, body);
      expect(added.statusCode, added.body).toBe(201);
      expect((added.json() as CategoriesResponse).categories.at(-1)).toMatchObject({ code: 'thai_do_phuc_vu_cua_can_bo', name: body.name, example: body.example });
      expect(await auditCount(t())).toBe(before + 1);
      expect((await lastAudit(t())).action).toBe('local_issue_category.create');
      const twice = await call('POST', '/api/local-issue-categories', staff().committee.cookie, { name: 'thái độ PHỤC VỤ của cán bộ' });
      expect(twice.statusCode).toBe(409);
      expect(fieldsOf(twice)).toEqual(['name']);
    });

    it('bad input names every field at once and writes nothing', async () => {
      const commune = home().id;
      // A cell that stands for no village (like the commune police's).
      const police = await call('POST', '/api/units', staff().office.cookie, { parentId: commune, kind: 'cell', name: 'Chi bộ Công an xã' });
      expect(police.statusCode, police.body).toBe(201);
      const before = await auditCount(t());
      const res = await call('POST', '/api/local-issues', staff().committee.cookie, {
        unitId: commune,
        categoryCode: 'khong_co',
        title: 'Vấn đề thử',
        description: 'Mô tả',
        villageUnitId: police.json().id,
        latitude: 21.4,
        sinceBefore: true,
        deadline: shiftDate(vnToday(), -1),
        responsibleUnitId: missingId(),
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['categoryCode', 'villageUnitId', 'longitude', 'sinceYear', 'deadline', 'responsibleUnitId']);
      expect(res.json().error.message).toContain('Loại vấn đề');
      const english = await call('POST', '/api/local-issues', staff().committee.cookie, { unitId: commune, categoryCode: 'khac', title: 'ab', description: '' }, 'en');
      expect(english.statusCode).toBe(400);
      expect(fieldsOf(english)).toEqual(['title', 'description']);
      expect(english.json().error.message).toMatch(/Title/);
      const cellList = await call('POST', '/api/local-issues', staff().committee.cookie, { unitId: home().cells[0]!.id, categoryCode: 'khac', title: 'Vấn đề của chi bộ', description: 'Mô tả' });
      expect(cellList.statusCode).toBe(400);
      expect(fieldsOf(cellList)).toEqual(['unitId']);
      expect(await auditCount(t())).toBe(before);
    });

    it('status: resolving says what was done, "cannot now" and reopening say why; each resolution is a new round of the people\'s word', async () => {
      const issue = await createIssue();
      const say = (body: Record<string, unknown>) => call('POST', `/api/local-issues/${issue.id}/status`, staff().committee.cookie, body);
      const noSummary = await say({ status: 'resolved' });
      expect(noSummary.statusCode).toBe(400);
      expect(fieldsOf(noSummary)).toEqual(['resolutionSummary']);
      const noReason = await say({ status: 'unresolvable' });
      expect(fieldsOf(noReason)).toEqual(['note']);
      expect((await say({ status: 'new' })).statusCode).toBe(409);
      await setStatus(issue.id, { status: 'in_progress' });
      const resolved = await setStatus(issue.id, { status: 'resolved', resolutionSummary: 'Đã thu dọn xong.' });
      expect(resolved).toMatchObject({ status: 'resolved', resolutionRound: 1, resolvedOn: vnToday(), resolutionSummary: 'Đã thu dọn xong.' });
      expect((await say({ status: 'unresolvable', note: 'x' })).statusCode).toBe(400);
      expect(fieldsOf(await say({ status: 'in_progress' }))).toEqual(['note']);

      const confirmed = await call('POST', `/api/local-issues/${issue.id}/confirmations`, staff().secretary.cookie, { decision: 'dispute', comment: 'Rác vẫn còn ở cuối ngõ.' });
      expect(confirmed.statusCode, confirmed.body).toBe(201);
      expect((await call('POST', `/api/local-issues/${issue.id}/confirmations`, staff().secretary.cookie, { decision: 'confirm' })).statusCode).toBe(409);
      const reopened = await setStatus(issue.id, { status: 'in_progress', note: 'Chi bộ thôn chưa đồng ý: rác còn ở cuối ngõ.' });
      expect(reopened).toMatchObject({ status: 'in_progress', resolvedOn: null, statusReason: 'Chi bộ thôn chưa đồng ý: rác còn ở cuối ngõ.' });
      expect((await call('POST', `/api/local-issues/${issue.id}/confirmations`, staff().secretary.cookie, { decision: 'confirm' })).statusCode).toBe(409);
      const again = await setStatus(issue.id, { status: 'resolved', resolutionSummary: 'Đã thu dọn cả cuối ngõ.' });
      expect(again).toMatchObject({ resolutionRound: 2, confirmations: { confirmed: 0, disputed: 0 }, actions: expect.not.arrayContaining(['confirm']) });
      const cellView = (await call('GET', `/api/local-issues/${issue.id}`, staff().secretary.cookie)).json() as LocalIssueDetail;
      expect(cellView.actions).toEqual(['confirm']);
      expect((await call('POST', `/api/local-issues/${issue.id}/confirmations`, staff().secretary.cookie, { decision: 'confirm' })).statusCode).toBe(201);
      const detail = (await call('GET', `/api/local-issues/${issue.id}`, staff().committee.cookie)).json() as LocalIssueDetail;
      expect(detail.confirmations).toEqual({ confirmed: 1, disputed: 0 });
      expect(detail.timeline.map((e) => `${e.kind}:${e.status ?? ''}`)).toEqual([
        'created:new',
        'status:in_progress',
        'status:resolved',
        'confirmation:dispute',
        'status:in_progress',
        'status:resolved',
        'confirmation:confirm',
      ]);
    });

    it('the responsible unit works on the issue but does not name who is responsible nor make it public', async () => {
      const ubnd = await ubndSecretary();
      const issue = await createIssue({ responsibleUnitId: home().cells[2]!.id, public: false });
      expect((await call('GET', `/api/local-issues/${issue.id}`, ubnd)).json().actions).toEqual(['edit', 'change_status', 'add_task']);
      const edit = await call('PATCH', `/api/local-issues/${issue.id}`, ubnd, { description: 'Đã khảo sát: 9 hộ bị ảnh hưởng.', householdsAffected: 9 });
      expect(edit.statusCode, edit.body).toBe(200);
      const before = await auditCount(t());
      expect((await call('PATCH', `/api/local-issues/${issue.id}`, ubnd, { public: true })).statusCode).toBe(403);
      expect((await call('PATCH', `/api/local-issues/${issue.id}`, ubnd, { responsibleUnitId: null })).statusCode).toBe(403);
      // Saving the same thing again is no change: no audit entry.
      expect((await call('PATCH', `/api/local-issues/${issue.id}`, ubnd, { householdsAffected: 9 })).statusCode).toBe(200);
      expect(await auditCount(t())).toBe(before);
      const moved = await call('POST', `/api/local-issues/${issue.id}/status`, ubnd, { status: 'in_progress' });
      expect(moved.statusCode).toBe(200);
    });

    it('actions are tasks: assigned by the committee or the responsible unit while the issue is open; they show on the issue and link back', async () => {
      const issue = await createIssue({ responsibleUnitId: home().cells[0]!.id });
      const owner = staff().member.memberId!;
      const task = (who: string, unitId: string, localIssueId = issue.id) =>
        Promise.resolve(unitId).then((unitId) =>
          call('POST', '/api/tasks', who, {
            unitId,
            title: 'Vận động các hộ không đổ rác ra đầu ngõ',
            deliverable: 'Các hộ ký cam kết; điểm tập kết sạch',
            ownerMemberId: owner,
            deadline: shiftDate(vnToday(), 20),
            source: { kind: 'local_issue', localIssueId },
          }),
        );
      const created = await task(staff().secretary.cookie, home().cells[0]!.id);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ sourceKind: 'local_issue', sourceLocalIssueId: issue.id });
      expect((await task(staff().committee.cookie, home().id)).statusCode).toBe(201);
      const elsewhere = await task(staff().otherSecretary.cookie, home().cells[1]!.id);
      expect(elsewhere.statusCode).toBe(400);
      expect(fieldsOf(elsewhere)).toEqual(['source.localIssueId']);
      const detail = (await call('GET', `/api/local-issues/${issue.id}`, staff().committee.cookie)).json() as LocalIssueDetail;
      expect(detail.tasks).toHaveLength(2);
      expect(detail.openTasks).toBe(2);
      expect(detail.timeline.filter((e) => e.kind === 'task_created')).toHaveLength(2);
      await setStatus(issue.id, { status: 'unresolvable', note: 'Chưa có kinh phí.' });
      const closed = await task(staff().committee.cookie, home().id);
      expect(closed.statusCode).toBe(400);
      expect(closed.json().error.message).toContain('mở lại');
    });

    it('the public list shows only what the committee made public, with no personal data', async () => {
      const hidden = await createIssue({ public: false, title: 'Vấn đề nội bộ chưa công khai' });
      // A public issue resolved with the village's word, as the committee publishes it.
      const shown = await createIssue({ title: 'Giao đất dịch vụ cho các hộ dân khu vực thử', responsibleUnitId: home().cells[2]!.id });
      await setStatus(shown.id, { status: 'in_progress' });
      await setStatus(shown.id, { status: 'resolved', resolutionSummary: 'Đã giao đất cho các hộ.' });
      const word = await call('POST', `/api/local-issues/${shown.id}/confirmations`, staff().secretary.cookie, { decision: 'confirm' });
      expect(word.statusCode, word.body).toBe(201);
      const res = await t().app.inject({ method: 'GET', url: '/api/public/local-issues?pageSize=100' });
      expect(res.statusCode).toBe(200);
      const list = res.json() as PublicLocalIssueList;
      expect(list.items.some((i) => i.id === hidden.id)).toBe(false);
      const item = list.items.find((i) => i.id === shown.id)!;
      expect(item).toMatchObject({ status: 'resolved', villageName: home().cells[0]!.villageName, confirmations: { confirmed: 1, disputed: 0 } });
      expect(Object.keys(item).sort()).toEqual(
        ['areaName', 'categoryName', 'confirmations', 'id', 'resolutionSummary', 'resolvedOn', 'sinceBefore', 'sinceYear', 'status', 'statusReason', 'title', 'updatedOn', 'villageName'].sort(),
      );
      expect(res.body).not.toMatch(/responsible|description|created_by|0912/);
    });
  });

  describe('local issues of the demo commune', () => {
    const t = useDemoApp(dialect, openPublicLimits);
    const call = requester(t);

    it('the demo list tells the article\'s story: Trại Khóng and Lồng Chấy resolved with the people\'s word, construction from before 2014 in progress', async () => {
      const list = (await call('GET', `/api/local-issues?unitId=${await t().unitId(COMMUNE)}&pageSize=50`, 'bithu.dangbo')).json() as LocalIssueListResponse;
      const byTitle = (s: string) => list.items.find((i) => i.title.includes(s))!;
      expect(byTitle('Trại Khóng')).toMatchObject({ status: 'resolved', householdsAffected: 46, village: { name: 'Lưu Quang' } });
      expect(byTitle('Trại Khóng').confirmations.confirmed).toBeGreaterThanOrEqual(3);
      expect(byTitle('Lồng Chấy')).toMatchObject({ status: 'resolved', village: { name: 'Đồng Thứ' }, confirmations: { confirmed: 2, disputed: 1 } });
      expect(byTitle('trước năm 2014')).toMatchObject({ status: 'in_progress', sinceYear: 2014, sinceBefore: true });
      expect(list.counts.byStatus.in_progress).toBeGreaterThanOrEqual(3);
      expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
      expect(list.counts.byCategory.map((c) => c.code)[0]).toBe('dat_dai');
      // Villages in the order people count them.
      const names = list.counts.byVillage.map((v) => v.name);
      expect(names.indexOf('Số 3')).toBeLessThan(names.indexOf('Số 12'));

      const overdue = (await call('GET', `/api/local-issues?unitId=${await t().unitId(COMMUNE)}&overdue=true`, 'bithu.dangbo')).json() as LocalIssueListResponse;
      expect(overdue.items.length).toBe(overdue.counts.overdue);
      expect(overdue.items.every((i) => i.overdue)).toBe(true);
      const search = (await call('GET', `/api/local-issues?unitId=${await t().unitId(COMMUNE)}&q=long%20chay`, 'bithu.dangbo')).json() as LocalIssueListResponse;
      expect(search.items.map((i) => i.title)).toEqual(['Giao đất dịch vụ cho các hộ dân khu vực Lồng Chấy']);
      // The actions are tasks given to the responsible unit; the timeline names who gave and closed them.
      const longChay = (await call('GET', `/api/local-issues/${byTitle('Lồng Chấy').id}`, 'bithu.dangbo')).json() as LocalIssueDetail;
      expect(longChay.tasks.map((x) => [x.ownerName, x.status])).toEqual([
        ['Chi bộ Cơ quan Ủy ban nhân dân xã', 'late'],
        ['Chi bộ Cơ quan Ủy ban nhân dân xã', 'on_time'],
      ]);
      const given = longChay.timeline.filter((e) => e.kind === 'task_created');
      const closed = longChay.timeline.filter((e) => e.kind === 'task_closed');
      expect(given.map((e) => e.actorName)).toEqual(['Nguyễn Thị Yến', 'Nguyễn Thị Yến']);
      expect(closed.map((e) => [e.status, e.actorName])).toEqual([
        ['late', 'Nguyễn Thị Yến'],
        ['on_time', 'Nguyễn Thị Yến'],
      ]);
      const construction = (await call('GET', `/api/local-issues/${byTitle('trước năm 2014').id}`, 'bithu.dangbo')).json() as LocalIssueDetail;
      expect(construction.tasks.map((x) => x.status)).toEqual(['on_time', 'open']);
      expect(byTitle('trước năm 2014').openTasks).toBe(1);
      // A cell sees its village's issues and those it is responsible for, not the whole list.
      const cell = (await call('GET', `/api/local-issues?unitId=${await t().unitId(CELL_DONG_THU)}`, 'dangvien.dongthu')).json() as LocalIssueListResponse;
      expect(cell.items.length).toBeGreaterThan(0);
      expect(cell.items.every((i) => i.village?.name === 'Đồng Thứ')).toBe(true);
      expect(cell.canCreate).toBe(false);
    });

  });
});
