import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, buildStaff, type BuiltCommune, type BuiltStaff } from '../../../test/helpers/factories.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { foldVietnamese } from '../../domain/vietnamese.js';

interface Item {
  id: string;
  unitId: string;
  unitName: string;
  fullName: string;
  status: string;
  cardNumber: string | null;
}

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  /**
   * A commune of three cells: the first (the staff's own) of 24 members of every status and five
   * mass organisations, the second of 27 with five mass organisations, the third of 6.
   */
  let home: BuiltCommune;
  let staff: BuiltStaff;
  /** An office clerk whose scope is only the second cell: the first is "another unit" to them. */
  let officeOfSecondCell: string;
  /** An account holding no role at all. */
  let noRoleCookie: string;
  beforeAll(async () => {
    home = await buildCommune(t(), {
      villages: ['Đồng Thứ', 'Lưu Quang', 'Cơ Quan'],
      membersPerCell: [24, 27, 6],
      massOrgsPerCell: [5, 5],
      statuses: ['official', 'official', 'probationary', 'official', 'exempt'],
    });
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
  async function list(unitId: string, who: string, query: Record<string, string> = {}) {
    return t().app.inject({ method: 'GET', url: `/api/units/${unitId}/members`, headers: { cookie: who }, query });
  }
  async function listAll(unitId: string, who: string, query: Record<string, string> = {}): Promise<Item[]> {
    const res = await list(unitId, who, { ...query, pageSize: '100' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeLessThanOrEqual(100);
    return res.json().items as Item[];
  }
  const ids = (items: Item[]) => items.map((i) => i.id).sort();

  const officeLuuQuang = async () => officeOfSecondCell;
  const noRole = async () => noRoleCookie;

  const memberRow = (id: string) => t().db.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const membersOf = async (cellId: string) =>
    t()
      .db.db.selectFrom('members')
      .selectAll()
      .where('unit_id', '=', cellId)
      .where('archived_at', 'is', null)
      .orderBy('sort_key')
      .execute();
  const memberCount = async () =>
    Number((await t().db.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  let serial = 0;
  /** Adds a member through the API as the commune's office. */
  async function addMember(cellId: string, name: { familyName: string; middleName?: string; givenName: string }, extra: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/members', staff.office.cookie, { unitId: cellId, status: 'official', ...name, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Item & { familyName: string; givenName: string };
  }
  const freshCard = () => `TS-${dialect.slice(0, 2)}-${String(++serial).padStart(4, '0')}`;

  describe('GET /api/units/:id/members', () => {
    it('is 401 without a session', async () => {
      const res = await t().app.inject({ method: 'GET', url: `/api/units/${first().id}/members` });
      expect(res.statusCode).toBe(401);
    });

    it('is 403 for an account without any role', async () => {
      expect((await list(first().id, await noRole())).statusCode).toBe(403);
    });

    it("answers another unit's list exactly like a missing unit (404)", async () => {
      const missing = await list(missingId(), staff.member.cookie);
      expect(missing.statusCode).toBe(404);
      for (const unit of [second(), home]) {
        const other = await list(unit.id, staff.member.cookie);
        expect(other.statusCode, unit.name).toBe(404);
        expect(other.body).toBe(missing.body);
      }
    });

    it("lists a member's own cell, in name order, with the total", async () => {
      const res = await list(first().id, staff.member.cookie);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: 24, page: 1, pageSize: 20 });
      expect(body.items).toHaveLength(20);
      expect(body.items.every((i: Item) => i.unitName === first().name)).toBe(true);
      expect(body.items.map((i: Item) => i.id)).toEqual((await membersOf(first().id)).slice(0, 20).map((m) => m.id));
      // A mass organisation has no party members of its own.
      const org = first().massOrgs[0]!;
      expect((await list(org.id, staff.member.cookie)).json()).toMatchObject({ total: 0, items: [] });
    });

    it('lists the whole commune for the commune user', async () => {
      const res = await list(home.id, staff.inspection.cookie);
      expect(res.statusCode).toBe(200);
      const active = Number(
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
      expect(active).toBe(24 + 27 + 6);
      expect(res.json().total).toBe(active);
    });

    it('searches ignoring diacritics, case, đ/Đ and Unicode normalisation', async () => {
      const members = await membersOf(first().id);
      const target = members.find((m) => /[đĐ]/.test(m.full_name)) ?? members.find((m) => foldVietnamese(m.full_name) !== m.full_name.toLowerCase())!;
      expect(foldVietnamese(target.full_name)).not.toBe(target.full_name.toLowerCase());
      const commune = home.id;
      const folded = await listAll(commune, staff.committee.cookie, { q: foldVietnamese(target.full_name) });
      expect(ids(folded)).toContain(target.id);
      for (const item of folded) expect(foldVietnamese(item.fullName)).toContain(foldVietnamese(target.full_name));
      const upper = await listAll(commune, staff.committee.cookie, { q: target.full_name.toUpperCase() });
      const nfd = await listAll(commune, staff.committee.cookie, { q: target.full_name.normalize('NFD') });
      const spaced = await listAll(commune, staff.committee.cookie, { q: `  ${target.full_name.split(' ').join('   ')} ` });
      expect(target.full_name.normalize('NFD')).not.toBe(target.full_name);
      expect(ids(upper)).toEqual(ids(folded));
      expect(ids(nfd)).toEqual(ids(folded));
      expect(ids(spaced)).toEqual(ids(folded));
      // Words match in any order, and the card number is searchable.
      const reversed = await listAll(commune, staff.committee.cookie, { q: foldVietnamese(target.full_name).split(' ').reverse().join(' ') });
      expect(ids(reversed)).toContain(target.id);
      expect(ids(await listAll(commune, staff.committee.cookie, { q: target.card_number! }))).toEqual([target.id]);
    });

    it('finds the members of a cell by the cell\'s name ("dong thu")', async () => {
      const dongThu = (await membersOf(first().id)).map((m) => m.id);
      for (const q of ['dong thu', 'ĐỒNG THỨ']) {
        const items = await listAll(home.id, staff.committee.cookie, { q });
        expect(ids(items)).toEqual(expect.arrayContaining(dongThu));
        for (const item of items.filter((i) => i.unitName !== first().name)) {
          expect(foldVietnamese(item.fullName)).toMatch(/dong/);
          expect(foldVietnamese(item.fullName)).toMatch(/thu/);
        }
      }
      const luuQuang = await listAll(home.id, staff.committee.cookie, { q: 'luu quang' });
      expect(luuQuang.filter((i) => i.unitName === second().name)).toHaveLength(27);
    });

    it('treats LIKE wildcards typed by the user as nothing', async () => {
      const dongThu = first().id;
      expect((await list(dongThu, staff.secretary.cookie, { q: 'ng%yen' })).json().total).toBe(0);
      expect((await list(dongThu, staff.secretary.cookie, { q: '%' })).json().total).toBe(24);
      expect((await list(dongThu, staff.secretary.cookie, { q: 'khong ai ten the nay' })).json()).toMatchObject({ total: 0, items: [] });
    });

    it('sorts by given name, then middle name, then family name, the Vietnamese way', async () => {
      const cellRes = await call('POST', '/api/units', staff.office.cookie, { parentId: home.id, kind: 'cell', name: 'Chi bộ thôn Thứ Tự' });
      expect(cellRes.statusCode).toBe(201);
      const expected = [
        'Nguyễn Thị An',
        'Đỗ Văn An',
        'Hoàng Văn An',
        'Lê Văn An',
        'Phạm Văn Anh',
        'Lê Thị Ánh',
        'Trần Thị Bình',
        'Nguyễn Văn Dũng',
        'Trần Văn Đạt',
      ];
      // Inserted in a scrambled order.
      for (const i of [5, 8, 0, 3, 7, 1, 6, 4, 2]) {
        const [familyName, middleName, givenName] = expected[i]!.split(' ');
        await addMember(cellRes.json().id as string, { familyName: familyName!, middleName: middleName!, givenName: givenName! });
      }
      const cell = cellRes.json().id as string;
      const items = await listAll(cell, staff.office.cookie);
      expect(items.map((i) => i.fullName)).toEqual(expected);
      // Pages keep the same order.
      const pages: string[] = [];
      for (let page = 1; page <= 3; page++) {
        pages.push(...((await list(cell, staff.office.cookie, { page: String(page), pageSize: '4' })).json().items as Item[]).map((i) => i.fullName));
      }
      expect(pages).toEqual(expected);
    });

    it('paginates on the server: pages cover everyone once, with the right total', async () => {
      const dongThu = first().id;
      const all = (await membersOf(first().id)).map((m) => m.id);
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const res = await list(dongThu, staff.secretary.cookie, { page: String(page), pageSize: '5' });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({ total: all.length, page, pageSize: 5 });
        if (body.items.length === 0) break;
        expect(body.items.length).toBeLessThanOrEqual(5);
        seen.push(...body.items.map((i: Item) => i.id));
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(all.length);
    });

    it('rejects bad paging and filters with 400 naming the field', async () => {
      const dongThu = first().id;
      const tooBig = await list(dongThu, staff.secretary.cookie, { pageSize: '101' });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().error.fields).toEqual([{ field: 'pageSize', message: 'Số dòng mỗi trang (pageSize): phải nhỏ hơn hoặc bằng 100' }]);
      for (const [query, field] of [
        [{ pageSize: '0' }, 'pageSize'],
        [{ pageSize: 'nhieu' }, 'pageSize'],
        [{ page: '0' }, 'page'],
        [{ page: '1.5' }, 'page'],
        [{ status: 'active' }, 'status'],
        [{ q: 'x'.repeat(101) }, 'q'],
        [{ sort: 'name' }, 'sort'],
      ] as const) {
        const res = await list(dongThu, staff.secretary.cookie, query);
        expect(res.statusCode, JSON.stringify(query)).toBe(400);
        expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      }
      const badId = await t().app.inject({ method: 'GET', url: '/api/units/xyz/members', headers: { cookie: staff.secretary.cookie, 'accept-language': 'en' } });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields).toEqual([{ field: 'id', message: 'id: has the wrong format (a UUID identifier)' }]);
    });

    it('filters by status', async () => {
      const dongThu = first().id;
      const members = await membersOf(first().id);
      for (const status of ['official', 'probationary', 'exempt'] as const) {
        const items = await listAll(dongThu, staff.secretary.cookie, { status });
        const expected = members.filter((m) => m.status === status).map((m) => m.id).sort();
        expect(expected.length, status).toBeGreaterThan(0);
        expect(ids(items)).toEqual(expected);
        expect(items.every((i) => i.status === status)).toBe(true);
      }
    });
  });

  describe('GET /api/members/:id', () => {
    it('is 401 without a session', async () => {
      const res = await t().app.inject({ method: 'GET', url: `/api/members/${staff.member.memberId!}` });
      expect(res.statusCode).toBe(401);
    });

    it('is 403 for an account without any role', async () => {
      expect((await call('GET', `/api/members/${staff.member.memberId!}`, await noRole())).statusCode).toBe(403);
    });

    it("answers another cell's member exactly like a missing one (404)", async () => {
      const other = await call('GET', `/api/members/${staff.otherSecretary.memberId!}`, staff.member.cookie);
      const missing = await call('GET', `/api/members/${missingId()}`, staff.member.cookie);
      expect(other.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
      const secretary = await call('GET', `/api/members/${staff.committee.memberId!}`, staff.secretary.cookie);
      expect(secretary.statusCode).toBe(404);
      expect(secretary.body).toBe(missing.body);
    });

    it('rejects an invalid id with 400 naming id', async () => {
      const res = await call('GET', '/api/members/123', staff.member.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'id', message: 'Mã bản ghi (id): sai định dạng (mã định danh UUID)' }]);
    });

    it('shows the record with the actions each role may take', async () => {
      const id = staff.member.memberId!;
      const row = await memberRow(id);
      const own = await call('GET', `/api/members/${id}`, staff.member.cookie);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({
        id,
        unitId: first().id,
        unitName: first().name,
        fullName: row.full_name,
        familyName: row.family_name,
        middleName: row.middle_name,
        givenName: row.given_name,
        cardNumber: row.card_number,
        joinedOn: row.joined_on,
        status: row.status,
        hasAccount: true,
        archived: false,
        allowedActions: [],
      });
      const action = async (who: string) => (await call('GET', `/api/members/${id}`, who)).json().allowedActions;
      expect(await action(staff.secretary.cookie)).toEqual(['attendance.report']);
      expect(await action(staff.office.cookie)).toEqual(['member.update']);
      expect(await action(staff.inspection.cookie)).toEqual(['audit.read', 'attendance.report']);
      expect(await action(staff.committee.cookie)).toEqual(['member.update', 'audit.read', 'attendance.report']);
    });
  });

  describe('POST /api/members', () => {
    const body = async (overrides: Record<string, unknown> = {}) => ({
      unitId: first().id,
      familyName: 'Âu',
      middleName: 'Thị Thu',
      givenName: 'Hà',
      status: 'official',
      ...overrides,
    });

    it('is 401 without a session', async () => {
      expect((await call('POST', '/api/members', null, await body())).statusCode).toBe(401);
    });

    it('is 403 for a cell secretary, writing nothing', async () => {
      const cookie = staff.secretary.cookie;
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const res = await call('POST', '/api/members', cookie, await body());
      expect(res.statusCode).toBe(403);
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });

    it('answers a cell outside the scope exactly like a missing one (404)', async () => {
      const cookie = await officeLuuQuang();
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const other = await call('POST', '/api/members', cookie, await body());
      const missing = await call('POST', '/api/members', cookie, await body({ unitId: missingId() }));
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
      expect(other.json().error.fields[0].field).toBe('unitId');
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });

    it('adds a member to a cell, audited in the same change', async () => {
      const cookie = staff.office.cookie;
      const audits = await auditCount(t());
      const card = freshCard();
      const res = await call('POST', '/api/members', cookie, {
        unitId: first().id,
        familyName: '  Âu ',
        middleName: 'Thị  Thu',
        givenName: 'Hà',
        gender: 'female',
        birthYear: 1990,
        cardNumber: card,
        joinedOn: '2020-05-19',
        officialOn: '2021-05-19',
        status: 'official',
        phone: '0912 111 222',
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        unitName: first().name,
        fullName: 'Âu Thị Thu Hà',
        familyName: 'Âu',
        givenName: 'Hà',
        gender: 'female',
        birthYear: 1990,
        cardNumber: card,
        joinedOn: '2020-05-19',
        officialOn: '2021-05-19',
        status: 'official',
        phone: '0912 111 222',
        hasAccount: false,
        archived: false,
        allowedActions: ['member.update'],
      });
      const row = await memberRow(created.id);
      expect(row.search_text).toBe(`au thi thu ha ${card.toLowerCase()}`);

      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'member.create', record_type: 'member', record_id: created.id, unit_id: created.unitId });
      expect(entry.before).toBeNull();
      expect(entry.after).toMatchObject({ familyName: 'Âu', givenName: 'Hà', cardNumber: card, status: 'official', unitId: created.unitId, archivedAt: null });

      // The cell's secretary and members see the newcomer, found without diacritics.
      const found = await listAll(first().id, staff.member.cookie, { q: 'au thi thu ha' });
      expect(found.map((i) => i.id)).toEqual([created.id]);
    });

    it('refuses a unit that is not a cell with 400 naming unitId', async () => {
      const cookie = staff.office.cookie;
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const org = first().massOrgs[0]!;
      for (const unitId of [org.id, home.id]) {
        const res = await call('POST', '/api/members', cookie, await body({ unitId }));
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('member_unit_kind');
        expect(res.json().error.fields).toEqual([{ field: 'unitId', message: 'Đảng viên chỉ thuộc một chi bộ (đơn vị loại "Chi bộ").' }]);
      }
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });

    it('refuses a card number already in use with 409 naming cardNumber', async () => {
      const cookie = staff.office.cookie;
      const taken = (await memberRow(staff.otherSecretary.memberId!)).card_number!;
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const res = await call('POST', '/api/members', cookie, await body({ cardNumber: taken }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('conflict');
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['cardNumber']);
      expect(res.json().error.message).toBe('Dữ liệu bị trùng: Số thẻ đảng viên (cardNumber) đã tồn tại.');
      const en = await call('POST', '/api/members', cookie, await body({ cardNumber: taken }), 'en');
      expect(en.json().error.message).toBe('Duplicate value: cardNumber already exists.');
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });

    it('answers simultaneous additions with the same card number with one 201 and 409s, never a 500', async () => {
      const cookie = staff.office.cookie;
      const card = freshCard();
      const unitId = first().id;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          call('POST', '/api/members', cookie, { unitId, familyName: 'Trùng', middleName: 'Văn', givenName: `Số ${i + 1}`, status: 'official', cardNumber: card }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const rows = await t().db.db.selectFrom('members').select('id').where('card_number', '=', card).execute();
      expect(rows).toHaveLength(1);
      const created = await t().db.db.selectFrom('audit_log').select('record_id').where('action', '=', 'member.create').where('record_id', '=', rows[0]!.id).execute();
      expect(created).toHaveLength(1);
    });

    it('rejects a missing given name with 400 naming givenName, in Vietnamese and English', async () => {
      const cookie = staff.office.cookie;
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const { givenName: _omit, ...withoutGiven } = await body();
      const vi = await call('POST', '/api/members', cookie, withoutGiven);
      expect(vi.statusCode).toBe(400);
      expect(vi.json().error.fields).toEqual([{ field: 'givenName', message: 'Tên (givenName): bắt buộc phải nhập' }]);
      expect(vi.json().error.message).toBe('Dữ liệu chưa hợp lệ: Tên (givenName): bắt buộc phải nhập');
      const en = await call('POST', '/api/members', cookie, withoutGiven, 'en');
      expect(en.json().error.fields).toEqual([{ field: 'givenName', message: 'givenName: is required' }]);
      expect(en.json().error.message).toBe('Invalid input: givenName: is required');
      const blank = await call('POST', '/api/members', cookie, await body({ givenName: '   ' }));
      expect(blank.json().error.fields).toEqual([{ field: 'givenName', message: 'Tên (givenName): bắt buộc phải nhập' }]);
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });

    it('rejects other bad fields with 400 naming each, writing nothing', async () => {
      const cookie = staff.office.cookie;
      const [members, audits] = [await memberCount(), await auditCount(t())];
      const res = await call(
        'POST',
        '/api/members',
        cookie,
        await body({ birthYear: 1800, joinedOn: '19/05/2020', status: 'active', cardNumber: 'x', phone: 'khong co', gender: 'nam', unitId: 'abc', nickname: 'Tí' }),
      );
      expect(res.statusCode).toBe(400);
      const fields = res.json().error.fields as { field: string; message: string }[];
      expect(fields.map((f) => f.field).sort()).toEqual(['birthYear', 'cardNumber', 'gender', 'joinedOn', 'nickname', 'phone', 'status', 'unitId']);
      expect(fields.find((f) => f.field === 'birthYear')!.message).toBe('Năm sinh (birthYear): phải lớn hơn hoặc bằng 1900');
      expect(fields.find((f) => f.field === 'joinedOn')!.message).toBe('Ngày vào Đảng (joinedOn): sai định dạng (ngày yyyy-mm-dd)');
      const wrongType = await call('POST', '/api/members', cookie, await body({ birthYear: '1990' }), 'en');
      expect(wrongType.json().error.fields).toEqual([{ field: 'birthYear', message: 'birthYear: has the wrong type (expected number)' }]);
      expect(await memberCount()).toBe(members);
      expect(await auditCount(t())).toBe(audits);
    });
  });

  describe('PATCH /api/members/:id', () => {
    it('is 401 without a session', async () => {
      const res = await call('PATCH', `/api/members/${staff.member.memberId!}`, null, { phone: '0900 000 000' });
      expect(res.statusCode).toBe(401);
    });

    it('is 403 for a cell secretary, a member and inspection', async () => {
      const id = staff.member.memberId!;
      const before = await memberRow(id);
      for (const [who, cookie] of Object.entries({ secretary: staff.secretary.cookie, member: staff.member.cookie, inspection: staff.inspection.cookie })) {
        const res = await call('PATCH', `/api/members/${id}`, cookie, { phone: '0900 000 000' });
        expect(res.statusCode, who).toBe(403);
      }
      expect(await memberRow(id)).toEqual(before);
    });

    it("answers another cell's member exactly like a missing one (404), changing nothing", async () => {
      const cookie = await officeLuuQuang();
      const id = staff.member.memberId!;
      const before = await memberRow(id);
      const audits = await auditCount(t());
      const other = await call('PATCH', `/api/members/${id}`, cookie, { phone: '0900 000 000' });
      const missing = await call('PATCH', `/api/members/${missingId()}`, cookie, { phone: '0900 000 000' });
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
      expect(await memberRow(id)).toEqual(before);
      expect(await auditCount(t())).toBe(audits);
    });

    it('renames: the full name, the search and the audit follow', async () => {
      const m = await addMember(first().id, { familyName: 'Khúc', middleName: 'Văn', givenName: 'Khởi' });
      const audits = await auditCount(t());
      const res = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { familyName: 'Đinh', givenName: 'Khoát' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ fullName: 'Đinh Văn Khoát', familyName: 'Đinh', middleName: 'Văn', givenName: 'Khoát' });
      const dongThu = first().id;
      expect((await listAll(dongThu, staff.secretary.cookie, { q: 'dinh van khoat' })).map((i) => i.id)).toEqual([m.id]);
      expect((await listAll(dongThu, staff.secretary.cookie, { q: 'ĐINH KHOÁT' })).map((i) => i.id)).toEqual([m.id]);
      expect(await listAll(dongThu, staff.secretary.cookie, { q: 'khuc van khoi' })).toEqual([]);

      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'member.update', record_type: 'member', record_id: m.id, unit_id: dongThu });
      expect(entry.before).toMatchObject({ familyName: 'Khúc', givenName: 'Khởi', middleName: 'Văn' });
      expect(entry.after).toMatchObject({ familyName: 'Đinh', givenName: 'Khoát', middleName: 'Văn' });
    });

    it('moves a member to another cell: the old cell no longer sees them, the new one does', async () => {
      const m = await addMember(first().id, { familyName: 'Lã', middleName: 'Văn', givenName: 'Chuyển' }, { cardNumber: freshCard() });
      const luuQuang = second().id;
      const res = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { unitId: luuQuang });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ unitId: luuQuang, unitName: second().name });
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'member.update', record_id: m.id, unit_id: luuQuang });
      expect(entry.before).toMatchObject({ unitId: first().id });
      expect(entry.after).toMatchObject({ unitId: luuQuang });
      expect((await call('GET', `/api/members/${m.id}`, staff.member.cookie)).statusCode).toBe(404);
      expect((await call('GET', `/api/members/${m.id}`, staff.otherSecretary.cookie)).statusCode).toBe(200);
      expect((await listAll(luuQuang, staff.otherSecretary.cookie)).map((i) => i.id)).toContain(m.id);
    });

    it('refuses a move to a unit that is not a cell (400) or outside the scope (404 like a missing one)', async () => {
      const m = await addMember(second().id, { familyName: 'Lã', middleName: 'Thị', givenName: 'Ở Lại' });
      const before = await memberRow(m.id);
      const audits = await auditCount(t());
      const org = second().massOrgs[0]!;
      const kind = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { unitId: org.id });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.fields[0].field).toBe('unitId');
      const cookie = await officeLuuQuang();
      const other = await call('PATCH', `/api/members/${m.id}`, cookie, { unitId: first().id });
      const missing = await call('PATCH', `/api/members/${m.id}`, cookie, { unitId: missingId() });
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(missing.body);
      expect(other.json().error.fields[0].field).toBe('unitId');
      expect(await memberRow(m.id)).toEqual(before);
      expect(await auditCount(t())).toBe(audits);
    });

    it('archives: hidden from the list, still readable, and restorable', async () => {
      const m = await addMember(first().id, { familyName: 'Tôn', middleName: 'Thất', givenName: 'Nghỉ' });
      const dongThu = first().id;
      const total = (await list(dongThu, staff.secretary.cookie)).json().total as number;
      const res = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { archived: true });
      expect(res.statusCode).toBe(200);
      expect(res.json().archived).toBe(true);
      const entry = await lastAudit(t());
      expect(entry.before).toMatchObject({ archivedAt: null });
      expect(entry.after!.archivedAt).toEqual((await memberRow(m.id)).archived_at);
      expect((await list(dongThu, staff.secretary.cookie)).json().total).toBe(total - 1);
      expect(await listAll(dongThu, staff.secretary.cookie, { q: 'ton that nghi' })).toEqual([]);
      expect((await call('GET', `/api/members/${m.id}`, staff.secretary.cookie)).json().archived).toBe(true);

      const restored = await call('PATCH', `/api/members/${m.id}`, staff.committee.cookie, { archived: false });
      expect(restored.json().archived).toBe(false);
      expect((await list(dongThu, staff.secretary.cookie)).json().total).toBe(total);
    });

    it('keeps card numbers unique (409) but lets a member keep their own', async () => {
      const card = freshCard();
      const m = await addMember(first().id, { familyName: 'Mạc', middleName: 'Văn', givenName: 'Thẻ' }, { cardNumber: card });
      const taken = (await memberRow(staff.secretary.memberId!)).card_number!;
      const audits = await auditCount(t());
      const dup = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { cardNumber: taken, phone: '0911 222 333' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['cardNumber']);
      expect((await memberRow(m.id)).phone).toBeNull();
      expect(await auditCount(t())).toBe(audits);
      const same = await call('PATCH', `/api/members/${m.id}`, staff.office.cookie, { cardNumber: card, phone: '0911 222 333' });
      expect(same.statusCode).toBe(200);
      expect(same.json()).toMatchObject({ cardNumber: card, phone: '0911 222 333' });
    });

    it('rejects bad fields with 400 naming them, changing nothing', async () => {
      const id = staff.member.memberId!;
      const before = await memberRow(id);
      const audits = await auditCount(t());
      const res = await call('PATCH', `/api/members/${id}`, staff.office.cookie, { givenName: '', birthYear: 2200, officialOn: '2021-13-01', fullName: 'X' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['birthYear', 'fullName', 'givenName', 'officialOn']);
      const en = await call('PATCH', `/api/members/${id}`, staff.office.cookie, { archived: 'yes' }, 'en');
      expect(en.json().error.fields).toEqual([{ field: 'archived', message: 'archived: has the wrong type (expected true/false)' }]);
      const badId = await call('PATCH', '/api/members/not-an-id', staff.office.cookie, { phone: '0900 000 000' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields[0].field).toBe('id');
      expect(await memberRow(id)).toEqual(before);
      expect(await auditCount(t())).toBe(audits);
    });
  });

  describe('rules added after review', () => {
    it('saving an unchanged member writes no audit entry; a move records both cell names', async () => {
      const member = staff.member.memberId!;
      const cookie = staff.office.cookie;
      const before = await t().db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const same = await t().app.inject({ method: 'PATCH', url: `/api/members/${member}`, headers: { cookie }, payload: {} });
      expect(same.statusCode).toBe(200);
      const after = await t().db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const luuQuang = second().id;
      const moved = await t().app.inject({ method: 'PATCH', url: `/api/members/${member}`, headers: { cookie }, payload: { unitId: luuQuang } });
      expect(moved.statusCode).toBe(200);
      const entry = await t().db.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(JSON.parse(entry.before_json!).unitName).toBe(first().name);
      expect(JSON.parse(entry.after_json!).unitName).toBe(second().name);
      const back = await t().app.inject({ method: 'PATCH', url: `/api/members/${member}`, headers: { cookie }, payload: { unitId: first().id } });
      expect(back.statusCode).toBe(200);
    });
  });

  // Last: its fixtures add members to the first cell, whose totals the tests above count.
  describe('who may call each endpoint', () => {
    type Fixture = { member: Item };
    const office = () => staff.office.cookie;
    const rows: AccessRow<Fixture>[] = [
      {
        route: 'GET /api/units/:id/members',
        method: 'GET',
        url: () => `/api/units/${first().id}/members?pageSize=100`,
        missing: () => `/api/units/${missingId()}/members?pageSize=100`,
        forbidden: [noRole],
        other: officeLuuQuang,
        happy: { who: () => staff.member.cookie, status: 200, check: (res, f) => expect((res.json().items as Item[]).map((i) => i.id)).toContain(f.member.id) },
      },
      {
        route: 'GET /api/members/:id',
        method: 'GET',
        url: (f) => `/api/members/${f.member.id}`,
        missing: () => `/api/members/${missingId()}`,
        forbidden: [noRole],
        other: officeLuuQuang,
        happy: { who: () => staff.secretary.cookie, status: 200, check: (res, f) => expect(res.json()).toMatchObject({ id: f.member.id, allowedActions: ['attendance.report'] }) },
      },
      {
        route: 'POST /api/members',
        method: 'POST',
        url: () => '/api/members',
        missing: () => '/api/members',
        body: () => ({ unitId: first().id, familyName: 'Ma', middleName: 'Văn', givenName: 'Bảng', status: 'official' }),
        missingBody: () => ({ unitId: missingId(), familyName: 'Ma', middleName: 'Văn', givenName: 'Bảng', status: 'official' }),
        // The cell's leaders, its members and the inspection keep no roster.
        forbidden: [() => staff.secretary.cookie, () => staff.member.cookie, () => staff.inspection.cookie],
        other: officeLuuQuang,
        happy: { who: office, status: 201, audit: 'member.create', check: (res) => expect(res.json()).toMatchObject({ unitId: first().id, fullName: 'Ma Văn Bảng' }) },
      },
      {
        route: 'PATCH /api/members/:id',
        method: 'PATCH',
        url: (f) => `/api/members/${f.member.id}`,
        missing: () => `/api/members/${missingId()}`,
        body: () => ({ phone: '0900 000 000' }),
        forbidden: [() => staff.secretary.cookie, () => staff.member.cookie, () => staff.inspection.cookie],
        other: officeLuuQuang,
        happy: { who: office, status: 200, audit: 'member.update', check: (res) => expect(res.json().phone).toBe('0900 000 000') },
      },
    ];
    accessMatrix(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows,
      fixture: async () => ({ member: await addMember(first().id, { familyName: 'Ma', middleName: 'Thị', givenName: 'Thử' }) }),
      state: async (f) => ({ count: await memberCount(), row: await memberRow(f.member.id) }),
    });
  });
});
