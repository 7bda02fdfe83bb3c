import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, buildStaff, type BuiltCommune, type BuiltStaff } from '../../../test/helpers/factories.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';

interface TreeNode {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  archived: boolean;
  memberCount: number;
  children: TreeNode[];
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  /**
   * A commune of five cells: the first (the staff's "own" cell) and the second with five mass
   * organisations each, the others with members only.
   */
  let home: BuiltCommune;
  let staff: BuiltStaff;
  /** An office clerk whose scope is only the second cell: the first is "another unit" to them. */
  let officeOfSecondCell: string;
  /** An account holding no role at all. */
  let noRoleCookie: string;
  beforeAll(async () => {
    home = await buildCommune(t(), { villages: ['Đồng Thứ', 'Lưu Quang', 'Số 10', 'Số 2', 'Ấp Đình'], membersPerCell: [6, 7, 5, 3, 4], massOrgsPerCell: [5, 5] });
    staff = await buildStaff(t(), home);
    officeOfSecondCell = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home.cells[1]!.id }] })).cookie;
    noRoleCookie = (await buildAccount(t(), { roles: [], unitId: home.id })).cookie;
  });
  const first = () => home.cells[0]!;
  const second = () => home.cells[1]!;

  /** A cookie header value; null = anonymous. */
  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, who: string | null, payload?: unknown, lang?: string) {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who;
    if (lang) headers['accept-language'] = lang;
    return t().app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  }
  const officeLuuQuang = async () => officeOfSecondCell;
  const noRole = async () => noRoleCookie;

  const unitRow = (id: string) => t().db.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const unitCount = async () =>
    Number((await t().db.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const activeMembersIn = async (unitId: string) =>
    Number(
      (
        await t()
          .db.db.selectFrom('members')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('unit_id', '=', unitId)
          .where('archived_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const massOrgsOf = async (cellId: string) => t().db.db.selectFrom('units').selectAll().where('parent_id', '=', cellId).orderBy('name').execute();

  /** Creates a unit through the API as the office of the whole commune. */
  async function createUnit(parentId: string, kind: string, name: string): Promise<string> {
    const res = await call('POST', '/api/units', staff.office.cookie, { parentId, kind, name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  let seq = 0;
  const uniqueName = (prefix: string) => `${prefix} ${++seq}`;

  describe('GET /api/units', () => {
    it('is 403 for an account without any role', async () => {
      const res = await call('GET', '/api/units', await noRole());
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    });

    it('shows a member only their own cell with its mass organisations', async () => {
      for (const cookie of [staff.member.cookie, staff.secretary.cookie]) {
        const res = await call('GET', '/api/units', cookie);
        expect(res.statusCode).toBe(200);
        const roots = res.json().roots as TreeNode[];
        expect(roots.map((r) => r.name)).toEqual([first().name]);
        const [cell] = roots;
        expect(cell!.kind).toBe('cell');
        expect(cell!.children).toHaveLength(5);
        for (const child of cell!.children) {
          expect(child.kind).toBe('mass_org');
          expect(child.name.endsWith(first().villageName)).toBe(true);
          expect(child.parentId).toBe(cell!.id);
          expect(child.memberCount).toBe(0);
        }
        expect(cell!.memberCount).toBe(6);
        expect(cell!.memberCount).toBe(await activeMembersIn(cell!.id));
      }
    });

    it('shows the commune user one tree: the commune with its cells and their member totals', async () => {
      const res = await call('GET', '/api/units', staff.committee.cookie);
      expect(res.statusCode).toBe(200);
      const roots = res.json().roots as TreeNode[];
      // Also a member of the last cell, which is inside the commune: still one root.
      expect(roots.map((r) => r.name)).toEqual([home.name]);
      const node = roots[0]!;
      expect(node.parentId).toBeNull();
      expect(node.children).toHaveLength(5);
      expect(node.children.every((c) => c.kind === 'cell')).toBe(true);
      // Sorted by Vietnamese name (the cells were made in another order).
      const names = node.children.map((c) => c.name);
      expect(names).toEqual([...names].sort(collator.compare));
      expect(names).not.toEqual(home.cells.map((c) => c.name));
      expect(names.slice(3).map((n) => n.split(' ').slice(3, 5).join(' '))).toEqual(['Số 2', 'Số 10']);

      const total = Number(
        (
          await t()
            .db.db.selectFrom('members')
            .innerJoin('units', 'units.id', 'members.unit_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('units.path', 'like', `${home.path}%`)
            .where('members.archived_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(total).toBe(6 + 7 + 5 + 3 + 4);
      expect(node.memberCount).toBe(total);
      expect(node.children.reduce((sum, c) => sum + c.memberCount, 0)).toBe(total);
      for (const cell of node.children) expect(cell.memberCount, cell.name).toBe(await activeMembersIn(cell.id));
      expect(node.children.find((c) => c.id === first().id)!.memberCount).toBe(6);
      expect(node.children.find((c) => c.id === second().id)!.memberCount).toBe(7);
      expect(node.children.find((c) => c.id === second().id)!.children).toHaveLength(5);
    });

    it('shows the office and inspection the same commune tree', async () => {
      for (const cookie of [staff.office.cookie, staff.inspection.cookie]) {
        const roots = (await call('GET', '/api/units', cookie)).json().roots as TreeNode[];
        expect(roots.map((r) => r.name)).toEqual([home.name]);
        expect(roots[0]!.children).toHaveLength(5);
      }
    });

    it('shows an office clerk of one cell only that cell, as the root of their tree', async () => {
      const roots = (await call('GET', '/api/units', await officeLuuQuang())).json().roots as TreeNode[];
      expect(roots.map((r) => r.id)).toEqual([second().id]);
      expect(roots[0]!.memberCount).toBe(7);
      expect(roots[0]!.children.map((c) => c.kind)).toEqual(Array(5).fill('mass_org'));
    });

    it('shows each commune only its own tree when several share the database', async () => {
      const neighbour = await buildCommune(t(), { cells: 2, membersPerCell: 4 });
      const neighbourCommittee = await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: neighbour.id }] });
      const mine = (await call('GET', '/api/units', staff.committee.cookie)).json().roots as TreeNode[];
      const theirs = (await call('GET', '/api/units', neighbourCommittee.cookie)).json().roots as TreeNode[];
      expect(mine.map((r) => r.id)).toEqual([home.id]);
      expect(theirs.map((r) => r.id)).toEqual([neighbour.id]);
      expect(theirs[0]!.memberCount).toBe(8);
    });
  });

  describe('GET /api/units/:id', () => {
    it("answers another unit's record exactly like a missing one (404)", async () => {
      const missing = await call('GET', `/api/units/${missingId()}`, staff.member.cookie);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe('Không tìm thấy bản ghi.');
      for (const unit of [second(), home]) {
        const other = await call('GET', `/api/units/${unit.id}`, staff.member.cookie);
        expect(other.statusCode, unit.name).toBe(404);
        expect(other.body).toBe(missing.body);
      }
      const lqOrg = (await massOrgsOf(second().id))[0]!;
      const secretary = await call('GET', `/api/units/${lqOrg.id}`, staff.secretary.cookie);
      expect(secretary.statusCode).toBe(404);
      expect(secretary.body).toBe((await call('GET', `/api/units/${missingId()}`, staff.secretary.cookie)).body);
    });

    it('rejects a malformed id with 400 naming the field', async () => {
      const res = await call('GET', '/api/units/khong-phai-uuid', staff.committee.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['id']);
      expect(res.json().error.fields[0].message).toBe('Mã bản ghi (id): sai định dạng (mã định danh UUID)');
      const en = await call('GET', '/api/units/khong-phai-uuid', staff.committee.cookie, undefined, 'en');
      expect(en.json().error.fields[0].message).toBe('id: has the wrong format (a UUID identifier)');
    });

    it('gives the commune user breadcrumbs from the commune down', async () => {
      const dongThu = first().id;
      const org = (await massOrgsOf(first().id))[0]!;
      const res = await call('GET', `/api/units/${org.id}`, staff.committee.cookie);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ id: org.id, parentId: dongThu, kind: 'mass_org', name: org.name, archived: false, memberCount: 0, children: [] });
      expect(body.contactName).toBe(org.contact_name);
      expect(body.contactPhone).toBe(org.contact_phone);
      expect(body.ancestors).toEqual([
        { id: home.id, name: home.name, kind: 'commune' },
        { id: dongThu, name: first().name, kind: 'cell' },
      ]);
      expect(body.allowedActions).toEqual([
        'unit.update',
        'unit.move',
        'unit.archive',
        'unit.create',
        'member.create',
        'audit.read',
        'meeting.read',
        'meeting.manage',
        'attendance.report',
        'task.assign',
        'work.report',
        'directive.read',
        'directive.issue',
        'commitment.read',
        'selfexam.read',
        'checklist.manage',
      ]);
    });

    it("shows a cell secretary no breadcrumbs above their own cell", async () => {
      const dongThu = first().id;
      const cell = await call('GET', `/api/units/${dongThu}`, staff.secretary.cookie);
      expect(cell.statusCode).toBe(200);
      expect(cell.json().ancestors).toEqual([]);
      expect(cell.json().memberCount).toBe(6);
      expect(cell.json().children.map((c: { kind: string }) => c.kind)).toEqual(Array(5).fill('mass_org'));
      // The secretary runs the cell's meetings and work but not its roster (the office's job);
      // directives come from the committee above.
      expect(cell.json().allowedActions).toEqual([
        'meeting.read',
        'meeting.manage',
        'attendance.report',
        'task.assign',
        'work.report',
        'directive.read',
        'commitment.read',
        'selfexam.read',
        'feedback.give',
      ]);

      const org = (await massOrgsOf(first().id))[0]!;
      const child = await call('GET', `/api/units/${org.id}`, staff.secretary.cookie);
      expect(child.statusCode).toBe(200);
      expect(child.json().ancestors).toEqual([{ id: dongThu, name: first().name, kind: 'cell' }]);
    });

    it('offers the office what it may do, but not the audit trail', async () => {
      const res = await call('GET', `/api/units/${first().id}`, staff.office.cookie);
      expect(res.json().allowedActions).toEqual(['unit.update', 'unit.move', 'unit.archive', 'unit.create', 'member.create']);
      const ubkt = await call('GET', `/api/units/${first().id}`, staff.inspection.cookie);
      expect(ubkt.json().allowedActions).toEqual(['audit.read', 'meeting.read', 'attendance.report', 'work.report', 'directive.read', 'commitment.read', 'selfexam.read']);
    });
  });

  describe('POST /api/units', () => {
    it('creates a mass organisation under a cell, audited in the same change', async () => {
      const cookie = staff.office.cookie;
      const dongThu = await unitRow(first().id);
      const audits = await auditCount(t());
      const res = await call('POST', '/api/units', cookie, {
        parentId: dongThu.id,
        kind: 'mass_org',
        name: '  Tổ Hòa giải thôn Đồng Thứ ',
        code: 'HG-DT',
        contactName: 'Nguyễn Thị Hòa',
        contactPhone: '0912 000 111',
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        parentId: dongThu.id,
        kind: 'mass_org',
        name: 'Tổ Hòa giải thôn Đồng Thứ',
        code: 'HG-DT',
        contactName: 'Nguyễn Thị Hòa',
        contactPhone: '0912 000 111',
        archived: false,
        memberCount: 0,
        children: [],
      });
      expect(created.ancestors.map((a: { name: string }) => a.name)).toEqual([home.name, first().name]);

      const row = await unitRow(created.id);
      expect(row.path).toBe(`${dongThu.path}${created.id}/`);
      expect(row.depth).toBe(dongThu.depth + 1);
      expect(row.search_name).toBe('to hoa giai thon dong thu');

      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'unit.create', record_type: 'unit', record_id: created.id, unit_id: created.id, actor_account_id: staff.office.accountId });
      expect(entry.before).toBeNull();
      expect(entry.after).toMatchObject({ parentId: dongThu.id, kind: 'mass_org', name: 'Tổ Hòa giải thôn Đồng Thứ', code: 'HG-DT', archivedAt: null });

      // The members of the cell see it in their tree.
      const tree = (await call('GET', '/api/units', staff.member.cookie)).json().roots as TreeNode[];
      expect(tree[0]!.children.map((c) => c.id)).toContain(created.id);
    });

    it('lets an office clerk of one cell create inside that cell', async () => {
      const res = await call('POST', '/api/units', await officeLuuQuang(), {
        parentId: second().id,
        kind: 'mass_org',
        name: 'Tổ An ninh thôn Lưu Quang',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual([second().name]);
    });

    it('refuses a kind that does not fit the parent with 400 naming kind, and writes nothing', async () => {
      const cookie = staff.office.cookie;
      const [units, audits] = [await unitCount(), await auditCount(t())];
      for (const [parent, kind] of [
        [first(), 'cell'],
        [first(), 'commune'],
        [home, 'mass_org'],
        [home, 'province'],
      ] as const) {
        const res = await call('POST', '/api/units', cookie, { parentId: parent.id, kind, name: 'Đơn vị sai chỗ' });
        expect(res.statusCode, `${kind} under ${parent.name}`).toBe(400);
        expect(res.json().error.code).toBe('unit_kind_parent');
        expect(res.json().error.fields).toEqual([{ field: 'kind', message: 'Loại đơn vị không phù hợp với đơn vị cấp trên.' }]);
      }
      const massOrg = (await massOrgsOf(first().id))[0]!;
      const under = await call('POST', '/api/units', cookie, { parentId: massOrg.id, kind: 'mass_org', name: 'Tổ con' }, 'en');
      expect(under.statusCode).toBe(400);
      expect(under.json().error.fields).toEqual([{ field: 'kind', message: 'This kind of unit cannot sit under the chosen parent unit.' }]);
      expect(await unitCount()).toBe(units);
      expect(await auditCount(t())).toBe(audits);
    });

    it('rejects bad fields with 400 naming each one, in Vietnamese or English', async () => {
      const cookie = staff.office.cookie;
      const [units, audits] = [await unitCount(), await auditCount(t())];
      const bad = { parentId: 'abc', kind: 'club', name: 'A', contactPhone: 'goi-toi', extra: 1 };
      const vi = await call('POST', '/api/units', cookie, bad);
      expect(vi.statusCode).toBe(400);
      expect(vi.json().error.code).toBe('validation');
      const fields = vi.json().error.fields as { field: string; message: string }[];
      expect(fields.map((f) => f.field).sort()).toEqual(['contactPhone', 'extra', 'kind', 'name', 'parentId']);
      expect(fields.find((f) => f.field === 'name')!.message).toBe('Tên (name): cần ít nhất 2 ký tự');
      expect(fields.find((f) => f.field === 'kind')!.message).toMatch(/^Loại \(kind\): phải là một trong: province, commune/);
      expect(vi.json().error.message).toMatch(/^Dữ liệu chưa hợp lệ: /);

      const en = await call('POST', '/api/units', cookie, bad, 'en');
      const enFields = en.json().error.fields as { field: string; message: string }[];
      expect(enFields.find((f) => f.field === 'name')!.message).toBe('name: needs at least 2 characters');
      expect(enFields.find((f) => f.field === 'extra')!.message).toBe('extra: is not an allowed field');
      expect(en.json().error.message).toMatch(/^Invalid input: /);

      const missingName = await call('POST', '/api/units', cookie, { parentId: first().id, kind: 'mass_org' });
      expect(missingName.json().error.fields).toEqual([{ field: 'name', message: 'Tên (name): bắt buộc phải nhập' }]);
      const blank = await call('POST', '/api/units', cookie, { parentId: first().id, kind: 'mass_org', name: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields[0].field).toBe('name');
      const long = await call('POST', '/api/units', cookie, { parentId: first().id, kind: 'mass_org', name: 'x'.repeat(201) });
      expect(long.json().error.fields).toEqual([{ field: 'name', message: 'Tên (name): tối đa 200 ký tự' }]);
      const notJson = await t().app.inject({
        method: 'POST',
        url: '/api/units',
        headers: { cookie, 'content-type': 'application/json' },
        payload: '{"parentId":',
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error.fields[0].field).toBe('body');

      expect(await unitCount()).toBe(units);
      expect(await auditCount(t())).toBe(audits);
    });
  });

  describe('PATCH /api/units/:id', () => {
    it('renames and edits the contact, auditing before and after', async () => {
      const id = await createUnit(first().id, 'mass_org', uniqueName('Tổ Tự quản'));
      const cookie = staff.office.cookie;
      await call('PATCH', `/api/units/${id}`, cookie, { contactName: 'Lê Văn Cũ', contactPhone: '0987 654 321', code: 'TQ' });
      const before = await unitRow(id);
      const audits = await auditCount(t());
      const res = await call('PATCH', `/api/units/${id}`, cookie, { name: 'Tổ Tự quản Đường Làng', contactPhone: null });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id, name: 'Tổ Tự quản Đường Làng', code: 'TQ', contactName: 'Lê Văn Cũ', contactPhone: null });
      const row = await unitRow(id);
      expect(row.search_name).toBe('to tu quan duong lang');
      expect(row.path).toBe(before.path);
      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'unit.update', record_type: 'unit', record_id: id });
      expect(entry.before).toMatchObject({ name: before.name, contactPhone: '0987 654 321', code: 'TQ' });
      expect(entry.after).toMatchObject({ name: 'Tổ Tự quản Đường Làng', contactPhone: null, code: 'TQ', contactName: 'Lê Văn Cũ' });
    });

    it('loses no field when two people edit the same unit at the same time', async () => {
      const id = await createUnit(first().id, 'mass_org', uniqueName('Tổ Đồng thời'));
      const cookie = staff.office.cookie;
      const patches = [{ name: 'Tổ Đồng thời Mới' }, { code: 'DT-1' }, { contactName: 'Hà Văn Liên' }, { contactPhone: '0903 123 456' }];
      const results = await Promise.all(patches.map((p) => call('PATCH', `/api/units/${id}`, cookie, p)));
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const row = await unitRow(id);
      expect(row).toMatchObject({ name: 'Tổ Đồng thời Mới', code: 'DT-1', contact_name: 'Hà Văn Liên', contact_phone: '0903 123 456' });
    });

    it('rejects bad fields with 400 naming them, changing nothing', async () => {
      const id = await createUnit(first().id, 'mass_org', uniqueName('Tổ Vệ sinh'));
      const before = await unitRow(id);
      const audits = await auditCount(t());
      const cookie = staff.office.cookie;
      const res = await call('PATCH', `/api/units/${id}`, cookie, { name: 'x', code: '', contactPhone: '12' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['code', 'contactPhone', 'name']);
      const parent = await call('PATCH', `/api/units/${id}`, cookie, { parentId: home.id }, 'en');
      expect(parent.statusCode).toBe(400);
      expect(parent.json().error.fields).toEqual([{ field: 'parentId', message: 'parentId: is not an allowed field' }]);
      const badId = await call('PATCH', '/api/units/123', cookie, { name: 'Tên hợp lệ' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields[0].field).toBe('id');
      expect(await unitRow(id)).toEqual(before);
      expect(await auditCount(t())).toBe(audits);
    });
  });

  describe('POST /api/units/:id/move', () => {
    it("answers another unit's record, or a parent outside the scope, exactly like a missing one (404)", async () => {
      const cookie = await officeLuuQuang();
      const dongThuOrg = (await massOrgsOf(first().id))[0]!;
      const luuQuangOrg = (await massOrgsOf(second().id))[0]!;
      const luuQuang = second().id;
      const audits = await auditCount(t());

      const other = await call('POST', `/api/units/${dongThuOrg.id}/move`, cookie, { parentId: luuQuang });
      const missing = await call('POST', `/api/units/${missingId()}/move`, cookie, { parentId: luuQuang });
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);

      const otherParent = await call('POST', `/api/units/${luuQuangOrg.id}/move`, cookie, { parentId: first().id });
      const missingParent = await call('POST', `/api/units/${luuQuangOrg.id}/move`, cookie, { parentId: missingId() });
      expect(otherParent.statusCode).toBe(404);
      expect(otherParent.body).toBe(missingParent.body);
      expect(otherParent.json().error.fields[0].field).toBe('parentId');

      expect((await unitRow(luuQuangOrg.id)).path).toBe(luuQuangOrg.path);
      expect(await auditCount(t())).toBe(audits);
    });

    it('moves a subtree, rewriting the paths of every descendant, audited', async () => {
      const commune = await unitRow(home.id);
      const branch = await createUnit(commune.id, 'intermediate', uniqueName('Đảng bộ bộ phận Khu'));
      const cell = await createUnit(commune.id, 'cell', uniqueName('Chi bộ thôn Thử'));
      const org = await createUnit(cell, 'mass_org', uniqueName('Chi hội Thử'));
      const memberRes = await call('POST', '/api/members', staff.office.cookie, { unitId: cell, familyName: 'Phan', middleName: 'Văn', givenName: 'Chuyển', status: 'official' });
      expect(memberRes.statusCode, memberRes.body).toBe(201);
      const branchRow = await unitRow(branch);
      const audits = await auditCount(t());

      const res = await call('POST', `/api/units/${cell}/move`, staff.office.cookie, { parentId: branch });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: cell, parentId: branch, memberCount: 1 });
      expect(res.json().ancestors.map((a: { id: string }) => a.id)).toEqual([commune.id, branch]);

      const cellRow = await unitRow(cell);
      expect(cellRow.parent_id).toBe(branch);
      expect(cellRow.path).toBe(`${branchRow.path}${cell}/`);
      expect(cellRow.depth).toBe(2);
      const orgRow = await unitRow(org);
      expect(orgRow.path).toBe(`${branchRow.path}${cell}/${org}/`);
      expect(orgRow.depth).toBe(3);
      expect(orgRow.parent_id).toBe(cell);

      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'unit.move', record_type: 'unit', record_id: cell });
      expect(entry.before).toEqual({ parentId: commune.id, parentName: commune.name });
      expect(entry.after).toEqual({ parentId: branch, parentName: branchRow.name });

      // The tree and the member lists follow the new paths.
      const tree = (await call('GET', '/api/units', staff.committee.cookie)).json().roots as TreeNode[];
      const branchNode = tree[0]!.children.find((c) => c.id === branch)!;
      expect(branchNode.memberCount).toBe(1);
      expect(branchNode.children.map((c) => c.id)).toEqual([cell]);
      expect(branchNode.children[0]!.children.map((c) => c.id)).toEqual([org]);
      const list = await call('GET', `/api/units/${branch}/members`, staff.committee.cookie);
      expect(list.json().total).toBe(1);

      // Moving to the parent it already has changes nothing.
      const again = await call('POST', `/api/units/${cell}/move`, staff.office.cookie, { parentId: branch });
      expect(again.statusCode).toBe(200);
      expect(await auditCount(t())).toBe(audits + 1);
    });

    it('refuses to move a unit into itself or its own subtree (400, no change)', async () => {
      const commune = home.id;
      const cell = await createUnit(commune, 'cell', uniqueName('Chi bộ thôn Vòng'));
      const org = await createUnit(cell, 'mass_org', uniqueName('Chi hội Vòng'));
      const before = await unitRow(cell);
      const audits = await auditCount(t());
      for (const target of [org, cell]) {
        const res = await call('POST', `/api/units/${cell}/move`, staff.office.cookie, { parentId: target });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('unit_cycle');
        expect(res.json().error.fields).toEqual([{ field: 'parentId', message: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.' }]);
      }
      expect(await unitRow(cell)).toEqual(before);
      expect(await auditCount(t())).toBe(audits);
    });

    it('never builds a cycle when two units are moved under each other at the same time', async () => {
      const commune = home.id;
      const a = await createUnit(commune, 'intermediate', uniqueName('Đảng bộ bộ phận A'));
      const b = await createUnit(commune, 'intermediate', uniqueName('Đảng bộ bộ phận B'));
      const cookie = staff.office.cookie;
      const [ab, ba] = await Promise.all([
        call('POST', `/api/units/${a}/move`, cookie, { parentId: b }),
        call('POST', `/api/units/${b}/move`, cookie, { parentId: a }),
      ]);
      expect([ab.statusCode, ba.statusCode].sort()).toEqual([200, 400]);
      expect([ab, ba].find((r) => r.statusCode === 400)!.json().error.code).toBe('unit_cycle');
      const [rowA, rowB] = [await unitRow(a), await unitRow(b)];
      const communePath = (await unitRow(commune)).path;
      // One hangs under the other, which still hangs under the commune.
      const [outer, inner] = rowA.parent_id === b ? [rowB, rowA] : [rowA, rowB];
      expect(outer.parent_id).toBe(commune);
      expect(outer.path).toBe(`${communePath}${outer.id}/`);
      expect(inner.parent_id).toBe(outer.id);
      expect(inner.path).toBe(`${outer.path}${inner.id}/`);
      expect(inner.depth).toBe(outer.depth + 1);
    });

    it('refuses a parent of the wrong kind with 400 naming kind', async () => {
      const org = await createUnit(first().id, 'mass_org', uniqueName('Chi hội Lạc chỗ'));
      const res = await call('POST', `/api/units/${org}/move`, staff.office.cookie, { parentId: home.id }, 'en');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'kind', message: 'This kind of unit cannot sit under the chosen parent unit.' }]);
    });

    it('refuses to move the root of the caller\'s own scope (400)', async () => {
      const audits = await auditCount(t());
      const commune = await call('POST', `/api/units/${home.id}/move`, staff.office.cookie, { parentId: first().id });
      expect(commune.statusCode).toBe(400);
      expect(commune.json().error.code).toBe('unit_root');
      expect(commune.json().error.message).toBe('Không thể chuyển hoặc lưu trữ đơn vị gốc trong phạm vi của bạn.');
      const luuQuang = second().id;
      const own = await call('POST', `/api/units/${luuQuang}/move`, await officeLuuQuang(), { parentId: luuQuang });
      expect(own.statusCode).toBe(400);
      expect(own.json().error.code).toBe('unit_root');
      expect(await auditCount(t())).toBe(audits);
    });

    it('rejects a malformed body with 400 naming parentId', async () => {
      const org = (await massOrgsOf(first().id))[0]!;
      const res = await call('POST', `/api/units/${org.id}/move`, staff.office.cookie, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'parentId', message: 'Đơn vị cấp trên (parentId): bắt buộc phải nhập' }]);
    });
  });

  describe('POST /api/units/:id/archive and /restore', () => {
    it('refuses (409) to archive a unit with active sub-units or active members', async () => {
      const audits = await auditCount(t());
      const dongThu = await call('POST', `/api/units/${first().id}/archive`, staff.office.cookie);
      expect(dongThu.statusCode).toBe(409);
      expect(dongThu.json().error.code).toBe('unit_has_active_children');
      const cell = await call('POST', `/api/units/${home.cells[2]!.id}/archive`, staff.office.cookie);
      expect(cell.statusCode).toBe(409);
      expect(cell.json().error.code).toBe('unit_has_active_members');
      expect(cell.json().error.message).toBe('Đơn vị còn đảng viên đang sinh hoạt; hãy chuyển họ sang chi bộ khác trước.');
      const en = await call('POST', `/api/units/${home.cells[2]!.id}/archive`, staff.office.cookie, undefined, 'en');
      expect(en.json().error.message).toBe('The unit still has active members; move them to another cell first.');
      expect((await unitRow(home.cells[2]!.id)).archived_at).toBeNull();
      expect(await auditCount(t())).toBe(audits);
    });

    it('refuses to archive the root of the caller\'s own scope (400)', async () => {
      const res = await call('POST', `/api/units/${home.id}/archive`, staff.committee.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('unit_root');
    });

    it('archives an empty mass organisation and restores it, each audited once', async () => {
      const org = await createUnit(first().id, 'mass_org', uniqueName('Chi hội Tạm'));
      const audits = await auditCount(t());

      const archived = await call('POST', `/api/units/${org}/archive`, staff.office.cookie);
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject({ id: org, archived: true });
      const row = await unitRow(org);
      expect(row.archived_at).not.toBeNull();
      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'unit.archive', record_type: 'unit', record_id: org });
      expect(entry.before).toEqual({ archivedAt: null });
      expect(entry.after).toEqual({ archivedAt: row.archived_at });

      // Archiving again is a no-op, not a second entry.
      expect((await call('POST', `/api/units/${org}/archive`, staff.office.cookie)).json().archived).toBe(true);
      expect(await auditCount(t())).toBe(audits + 1);
      // The tree still shows it, marked archived.
      const tree = (await call('GET', '/api/units', staff.member.cookie)).json().roots as TreeNode[];
      expect(tree[0]!.children.find((c) => c.id === org)!.archived).toBe(true);

      const restored = await call('POST', `/api/units/${org}/restore`, staff.committee.cookie);
      expect(restored.statusCode).toBe(200);
      expect(restored.json().archived).toBe(false);
      expect((await unitRow(org)).archived_at).toBeNull();
      expect(await auditCount(t())).toBe(audits + 2);
      const restoreEntry = await lastAudit(t());
      expect(restoreEntry).toMatchObject({ action: 'unit.restore', record_id: org });
      expect(restoreEntry.before).toEqual({ archivedAt: row.archived_at });
      expect(restoreEntry.after).toEqual({ archivedAt: null });
    });
  });

  describe('rules added after review', () => {
    it('refuses to create or move a unit under an archived parent (400 naming parentId), writing nothing', async () => {
      const dongThu = first().id;
      const archivedOrg = await createUnit(dongThu, 'mass_org', uniqueName('Chi hội tạm'));
      expect((await call('POST', `/api/units/${archivedOrg}/archive`, staff.office.cookie)).statusCode).toBe(200);
      const commune = home.id;
      const branch = await createUnit(commune, 'intermediate', uniqueName('Đảng bộ bộ phận'));
      expect((await call('POST', `/api/units/${branch}/archive`, staff.office.cookie)).statusCode).toBe(200);
      const audits = await auditCount(t());
      const create = await call('POST', '/api/units', staff.office.cookie, { parentId: branch, kind: 'cell', name: uniqueName('Chi bộ mới') });
      expect(create.statusCode).toBe(400);
      expect(create.json().error.fields).toEqual([{ field: 'parentId', message: 'Đơn vị cấp trên đã được lưu trữ; hãy chọn một đơn vị đang hoạt động.' }]);
      const move = await call('POST', `/api/units/${dongThu}/move`, staff.office.cookie, { parentId: branch }, 'en');
      expect(move.statusCode).toBe(400);
      expect(move.json().error.fields[0]).toEqual({ field: 'parentId', message: 'The parent unit is archived; choose an active unit.' });
      expect(await auditCount(t())).toBe(audits);
      expect((await unitRow(dongThu)).parent_id).toBe(commune);
    });

    it('saving an unchanged unit writes no audit entry', async () => {
      const dongThu = first().id;
      const row = await unitRow(dongThu);
      const audits = await auditCount(t());
      const res = await call('PATCH', `/api/units/${dongThu}`, staff.office.cookie, { name: row.name, code: row.code });
      expect(res.statusCode).toBe(200);
      expect((await call('PATCH', `/api/units/${dongThu}`, staff.office.cookie, {})).statusCode).toBe(200);
      expect(await auditCount(t())).toBe(audits);
      expect((await unitRow(dongThu)).updated_at).toBe(row.updated_at);
    });
  });
  describe('who may call each endpoint', () => {
    /** A fresh, empty mass organisation of the first cell (archived first when the row restores it). */
    type Fixture = { org: string };
    type Row = AccessRow<Fixture> & { archived?: true };
    const secretary = () => staff.secretary.cookie;
    const member = () => staff.member.cookie;
    const inspection = () => staff.inspection.cookie;
    const office = () => staff.office.cookie;
    /** Everyone who reads units but may not change them. */
    const readers = [secretary, member, inspection, noRole];
    const unitAction = (action: 'archive' | 'restore' | 'move'): { url: (f: Fixture) => string; missing: () => string } => ({
      url: (f) => `/api/units/${f.org}/${action}`,
      missing: () => `/api/units/${missingId()}/${action}`,
    });
    const rows: Row[] = [
      {
        route: 'GET /api/units',
        method: 'GET',
        url: () => '/api/units',
        forbidden: [noRole],
        other: { none: 'the tree names no unit: it holds only the caller\'s own scope' },
        happy: { who: member, status: 200, check: (res) => expect((res.json().roots as TreeNode[]).map((r) => r.id)).toEqual([first().id]) },
      },
      {
        route: 'GET /api/units/:id',
        method: 'GET',
        url: (f) => `/api/units/${f.org}`,
        missing: () => `/api/units/${missingId()}`,
        forbidden: [noRole],
        other: officeLuuQuang,
        happy: { who: member, status: 200, check: (res, f) => expect(res.json()).toMatchObject({ id: f.org, parentId: first().id }) },
      },
      {
        route: 'POST /api/units',
        method: 'POST',
        url: () => '/api/units',
        missing: () => '/api/units',
        body: () => ({ parentId: first().id, kind: 'mass_org', name: uniqueName('Tổ Hòa giải thôn Đồng Thứ') }),
        missingBody: () => ({ parentId: missingId(), kind: 'mass_org', name: 'Tổ Hòa giải thôn Đồng Thứ' }),
        forbidden: readers,
        other: officeLuuQuang,
        happy: { who: office, status: 201, audit: 'unit.create', check: (res) => expect(res.json().parentId).toBe(first().id) },
      },
      {
        // The first cell itself: its secretary may not edit even their own cell.
        route: 'PATCH /api/units/:id',
        method: 'PATCH',
        url: () => `/api/units/${first().id}`,
        missing: () => `/api/units/${missingId()}`,
        body: () => ({ contactName: 'Nguyễn Văn Liên Lạc' }),
        forbidden: readers,
        other: officeLuuQuang,
        happy: { who: office, status: 200, audit: 'unit.update', check: (res) => expect(res.json().contactName).toBe('Nguyễn Văn Liên Lạc') },
      },
      {
        route: 'POST /api/units/:id/move',
        method: 'POST',
        ...unitAction('move'),
        body: () => ({ parentId: home.cells[3]!.id }),
        forbidden: readers,
        other: officeLuuQuang,
        happy: { who: office, status: 200, audit: 'unit.move', check: (res) => expect(res.json().parentId).toBe(home.cells[3]!.id) },
      },
      {
        route: 'POST /api/units/:id/archive',
        method: 'POST',
        ...unitAction('archive'),
        forbidden: readers,
        other: officeLuuQuang,
        happy: { who: office, status: 200, audit: 'unit.archive', check: (res) => expect(res.json().archived).toBe(true) },
      },
      {
        route: 'POST /api/units/:id/restore',
        method: 'POST',
        ...unitAction('restore'),
        archived: true,
        forbidden: readers,
        other: officeLuuQuang,
        happy: { who: () => staff.committee.cookie, status: 200, audit: 'unit.restore', check: (res) => expect(res.json().archived).toBe(false) },
      },
    ];
    accessMatrix(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows,
      fixture: async (row) => {
        const org = await createUnit(first().id, 'mass_org', uniqueName('Chi hội Thử quyền'));
        if (row.archived) expect((await call('POST', `/api/units/${org}/archive`, office())).statusCode).toBe(200);
        return { org };
      },
      state: async (f) => ({ units: await unitCount(), org: await unitRow(f.org), cell: await unitRow(first().id) }),
    });
  });
});
