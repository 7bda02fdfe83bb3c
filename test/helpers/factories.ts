/**
 * Test factories: each call builds its own records (a fresh commune tree, an account, …) with
 * names no other call uses, so tests share no fixture and need no truncation. Records are
 * written through the features' services, or, for the bulk of a commune's base data, inserted
 * directly with the same audit entries the services write (as the demo's seeding does), so the
 * audit chain stays whole. Use them over `useTestApp`; only tests about the demo need the demo.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll } from 'vitest';
import { newId, nowIso } from '../../src/db/ids.js';
import type { UnitTable } from '../../src/db/schema.js';
import type { Role } from '../../src/domain/roles.js';
import { foldVietnamese } from '../../src/domain/vietnamese.js';
import { writeAudit, writeTransaction } from '../../src/features/audit/service.js';
import { createAccount } from '../../src/features/accounts/service.js';
import { loadStartingChecklist } from '../../src/features/checklist/service.js';
import { derivedNameColumns } from '../../src/features/members/service.js';
import type { LocalIssueDetail } from '../../src/features/local-issues/schemas.js';
import type { MeetingDetail } from '../../src/features/meetings/schemas.js';
import type { TaskDetail } from '../../src/features/tasks/schemas.js';
import { seedSampleRubric } from '../../src/demo/seed/meetings.js';
import type { TestApp } from './app.js';
import { TEST_PASSWORD } from './accounts.js';

let serial = 0;
/** A short tag no other factory call in this process (nor, by its random part, another process) uses. */
function uniqueTag(): string {
  serial += 1;
  return `${serial}${randomBytes(2).toString('hex')}`;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Thảo', 'Uyên', 'Vinh'];

/** The mass organisations a village cell hands tasks down to, as in DESIGN.md §1. */
const MASS_ORGS = ['Chi hội Nông dân thôn', 'Chi hội Phụ nữ thôn', 'Chi hội Cựu chiến binh thôn', 'Chi đoàn Thanh niên thôn', 'Ban Công tác Mặt trận thôn'];

export type MemberStatus = 'official' | 'probationary' | 'exempt';

export interface BuiltUnit {
  id: string;
  name: string;
  path: string;
}

export interface BuiltMember {
  id: string;
  fullName: string;
  cardNumber: string;
}

export interface BuiltCell extends BuiltUnit {
  /** The village the cell stands for ("<village> <tag>"): its mass organisations' names end with it. */
  villageName: string;
  /** Mass organisations under the cell (none unless asked for). */
  massOrgs: (BuiltUnit & { contactName: string; contactPhone: string })[];
  /** Active members (official unless `statuses` said otherwise), in the order they were made (not roster order). */
  members: BuiltMember[];
}

export interface BuiltCommune extends BuiltUnit {
  cells: BuiltCell[];
}

/**
 * A fresh commune committee (Đảng bộ xã, a root unit) with `cells` village cells (default 2;
 * named after `villages` when given: "Chi bộ thôn <village> <tag>"), each with `membersPerCell`
 * members (default 6, official unless `statuses` is given) and `massOrgsPerCell` mass
 * organisations (default none); either count may be a list, one number per cell. Names carry a
 * tag of their own, so many communes live in one database. Every unit and member is audited as
 * created by the system (`source: 'factory'`), like the demo's seeding.
 */
export async function buildCommune(
  t: Pick<TestApp, 'db'>,
  options: {
    cells?: number;
    villages?: string[];
    membersPerCell?: number | number[];
    massOrgsPerCell?: number | number[];
    /** Statuses given to each cell's members in turn (default: all official). */
    statuses?: MemberStatus[];
  } = {},
): Promise<BuiltCommune> {
  const villages = options.villages ?? Array.from({ length: options.cells ?? 2 }, (_, i) => `Số ${i + 1}`);
  const perCell = (n: number | number[] | undefined, c: number, fallback: number) => (Array.isArray(n) ? (n[c] ?? fallback) : (n ?? fallback));
  const tag = uniqueTag();
  const handle = t.db;
  return writeTransaction(handle, async (trx) => {
    const now = nowIso();
    const insertUnit = async (parent: UnitTable | null, kind: string, name: string, extra: Partial<UnitTable> = {}): Promise<UnitTable> => {
      const id = newId();
      const row: UnitTable = {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        kind,
        name,
        search_name: foldVietnamese(name),
        code: null,
        contact_name: null,
        contact_phone: null,
        village_name: null,
        archived_at: null,
        created_at: now,
        updated_at: now,
        ...extra,
      };
      await trx.insertInto('units').values(row).execute();
      await writeAudit(trx, handle.dialect, {
        actorAccountId: null,
        action: 'unit.create',
        recordType: 'unit',
        recordId: id,
        unitId: id,
        after: { parentId: row.parent_id, kind: row.kind, name: row.name, code: row.code, source: 'factory' },
      });
      return row;
    };

    const commune = await insertUnit(null, 'commune', `Đảng bộ xã Thử ${tag}`);
    const built: BuiltCommune = { id: commune.id, name: commune.name, path: commune.path, cells: [] };
    for (const [c, village] of villages.entries()) {
      const villageName = `${village} ${tag}`;
      const cell = await insertUnit(commune, 'cell', `Chi bộ thôn ${villageName}`, { village_name: villageName });
      const massOrgs: BuiltCell['massOrgs'] = [];
      for (let o = 0; o < perCell(options.massOrgsPerCell, c, 0); o++) {
        const contactName = `${FAMILY[o % FAMILY.length]} Thị ${GIVEN[(o + c) % GIVEN.length]}`;
        const contactPhone = `0912 ${String(100 + c).padStart(3, '0')} ${String(100 + o).padStart(3, '0')}`;
        const org = await insertUnit(cell, 'mass_org', `${MASS_ORGS[o % MASS_ORGS.length]}${o >= MASS_ORGS.length ? ` ${o + 1}` : ''} ${villageName}`, {
          contact_name: contactName,
          contact_phone: contactPhone,
        });
        massOrgs.push({ id: org.id, name: org.name, path: org.path, contactName, contactPhone });
      }
      const members: BuiltMember[] = [];
      for (let m = 0; m < perCell(options.membersPerCell, c, 6); m++) {
        const parts = {
          family_name: FAMILY[(m + c) % FAMILY.length]!,
          middle_name: MIDDLE[m % MIDDLE.length]!,
          given_name: GIVEN[m % GIVEN.length]!,
          card_number: `T${tag}-${c}-${String(m).padStart(3, '0')}`,
        };
        const status = options.statuses?.[m % options.statuses.length] ?? 'official';
        const row = {
          id: newId(),
          unit_id: cell.id,
          ...parts,
          ...derivedNameColumns(parts),
          gender: parts.middle_name === 'Thị' ? 'female' : 'male',
          birth_year: 1960 + ((m * 7 + c) % 40),
          // A probationary member joined within the last year and is not official yet.
          joined_on: status === 'probationary' ? new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10) : '2010-05-19',
          official_on: status === 'probationary' ? null : '2011-05-19',
          status,
          phone: null,
          archived_at: null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('members').values(row).execute();
        await writeAudit(trx, handle.dialect, {
          actorAccountId: null,
          action: 'member.create',
          recordType: 'member',
          recordId: row.id,
          unitId: cell.id,
          after: { unitId: cell.id, fullName: row.full_name, status: row.status, cardNumber: row.card_number, source: 'factory' },
        });
        members.push({ id: row.id, fullName: row.full_name, cardNumber: parts.card_number });
      }
      built.cells.push({ id: cell.id, name: cell.name, path: cell.path, villageName, massOrgs, members });
    }
    return built;
  });
}

export interface BuiltAccount {
  accountId: string;
  username: string;
  /** The member the account belongs to, or null. */
  memberId: string | null;
  /** A signed-in session's cookie header value. */
  cookie: string;
}

/**
 * An account with exactly the given roles (none at all is allowed), linked to `memberId` when
 * given, created through the accounts service and signed in. Its first role's unit manages it
 * (or `unitId` when it has no role).
 */
export async function buildAccount(
  t: TestApp,
  options: { roles: { role: Role; unitId: string }[]; memberId?: string | null; unitId?: string; username?: string },
): Promise<BuiltAccount> {
  const username = options.username ?? `thu.${uniqueTag()}`;
  const unitId = options.roles[0]?.unitId ?? options.unitId;
  if (!unitId) throw new Error('buildAccount: an account without roles needs a unitId');
  const memberId = options.memberId ?? null;
  const accountId = await createAccount(t.db, null, {
    username,
    displayName: `Tài khoản thử ${username}`,
    unitId,
    memberId,
    password: TEST_PASSWORD,
    mustChangePassword: false,
    roles: options.roles,
  });
  return { accountId, username, memberId, cookie: await t.login(username, TEST_PASSWORD) };
}

/**
 * An account made by `build` on first use, as a caller (its signed-in cookie) for tests and
 * accessMatrix rows: a suite that never signs it in never pays for it. Call it inside tests.
 */
export function accountOnFirstUse(build: () => Promise<BuiltAccount>): () => Promise<string> {
  let made: Promise<BuiltAccount> | undefined;
  return async () => (await (made ??= build())).cookie;
}

/** The first active member of a cell, in roster order, who has no account yet. */
export function firstMemberWithoutAccount(t: Pick<TestApp, 'db'>, cellId: string) {
  return t.db.db
    .selectFrom('members')
    .select('id')
    .where('unit_id', '=', cellId)
    .where('archived_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('accounts').select('accounts.id').whereRef('accounts.member_id', '=', 'members.id'))))
    .orderBy('sort_key')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A member's account (the member role over their cell) for the first active member of `cellId`
 * in roster order who has no account yet, made through the accounts service and signed in:
 * tests that need many members with accounts (a receiver of feedback, a fresh self-examiner).
 */
export async function buildMemberAccount(t: TestApp, cellId: string): Promise<BuiltAccount & { memberId: string }> {
  const member = await firstMemberWithoutAccount(t, cellId);
  if (!member) throw new Error('buildMemberAccount: every member of the cell has an account; build the cell with more members');
  const account = await buildAccount(t, { roles: [{ role: 'member', unitId: cellId }], memberId: member.id });
  return { ...account, memberId: member.id };
}

/** The accounts a commune's tests sign in with, mirroring the roles the demo's accounts hold. */
export interface BuiltStaff {
  /** Party committee over the commune, a member of the last cell. */
  committee: BuiltAccount;
  /** Inspection committee (UBKT) over the commune, a member of the last cell. */
  inspection: BuiltAccount;
  /** The office over the commune, a member of the last cell. */
  office: BuiltAccount;
  /** Secretary of the first cell, and a member there (its first member). */
  secretary: BuiltAccount;
  /** A plain member of the first cell (its second member). */
  member: BuiltAccount;
  /** Secretary of the second cell, and a member there (its first member). */
  otherSecretary: BuiltAccount;
}

/**
 * The six accounts the demo has, over a commune from `buildCommune` (at least two cells; two
 * members in the first and four in the last, the defaults give six): committee, inspection and
 * office over the commune, each a member of the last cell; the first cell's secretary and one
 * of its members; the second cell's secretary.
 */
export async function buildStaff(t: TestApp, commune: BuiltCommune): Promise<BuiltStaff> {
  const [first, second] = commune.cells;
  const last = commune.cells[commune.cells.length - 1]!;
  if (!first || !second || first.members.length < 2 || second.members.length < 1 || last.members.length < 4) {
    throw new Error('buildStaff: needs two cells, two members in the first and four in the last');
  }
  // The last cell's members from the end, so they differ from the cells' own accounts.
  const lastMember = (i: number) => last.members[last.members.length - 1 - i]!.id;
  const [committee, inspection, office, secretary, member, otherSecretary] = await Promise.all([
    buildAccount(t, { roles: [{ role: 'party_committee', unitId: commune.id }, { role: 'member', unitId: last.id }], memberId: lastMember(0) }),
    buildAccount(t, { roles: [{ role: 'inspection', unitId: commune.id }, { role: 'member', unitId: last.id }], memberId: lastMember(1) }),
    buildAccount(t, { roles: [{ role: 'office', unitId: commune.id }, { role: 'member', unitId: last.id }], memberId: lastMember(2) }),
    buildAccount(t, { roles: [{ role: 'cell_secretary', unitId: first.id }, { role: 'member', unitId: first.id }], memberId: first.members[0]!.id }),
    buildAccount(t, { roles: [{ role: 'member', unitId: first.id }], memberId: first.members[1]!.id }),
    buildAccount(t, { roles: [{ role: 'cell_secretary', unitId: second.id }, { role: 'member', unitId: second.id }], memberId: second.members[0]!.id }),
  ]);
  return { committee, inspection, office, secretary, member, otherSecretary };
}

/** A commune and its staff made once for the enclosing describe block (beforeAll), with getters for tests. */
export interface StaffedCommune {
  home(): BuiltCommune;
  staff(): BuiltStaff;
  /** A caller for accessMatrix rows: the staff account's cookie, read when the row runs. */
  as(role: keyof BuiltStaff): () => string;
}

/**
 * Builds (beforeAll) a commune with `buildCommune(options)` and its staff with `buildStaff`, and
 * loads the self-examination checklist for it when `checklist` is set, the sample meeting rubric
 * when `rubric` is set.
 */
export function useStaffedCommune(
  t: () => TestApp,
  options: Parameters<typeof buildCommune>[1] & { checklist?: boolean; rubric?: boolean } = {},
): StaffedCommune {
  let home: BuiltCommune | undefined;
  let staff: BuiltStaff | undefined;
  beforeAll(async () => {
    home = await buildCommune(t(), options);
    if (options.checklist) await loadChecklist(t(), home.id);
    if (options.rubric) await loadSampleRubric(t(), home.id);
    staff = await buildStaff(t(), home);
  });
  const built = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useStaffedCommune: used outside a test');
    return value;
  };
  return {
    home: () => built(home),
    staff: () => built(staff),
    as: (role) => () => built(staff)[role].cookie,
  };
}

/**
 * The starting self-examination checklist (the 27 manifestations and the QĐ 08 points, from the
 * reference files) kept by `unitId`, loaded through the checklist service as the demo loads it.
 */
export async function loadChecklist(t: Pick<TestApp, 'db'>, unitId: string) {
  return writeTransaction(t.db, (trx) => loadStartingChecklist(trx, t.db.dialect, unitId, null));
}

/**
 * The sample meeting rubric (reference/meeting-rubric-sample.json: regular meetings scored out
 * of 100 on eight criteria, levels Tốt, Khá, Trung bình, Kém) kept by `unitId`, loaded through the meetings
 * service as the demo loads it. Without one, a meeting has no score sheet.
 */
export async function loadSampleRubric(t: Pick<TestApp, 'db'>, unitId: string) {
  return writeTransaction(t.db, (trx) => seedSampleRubric(trx, t.db, unitId));
}

/**
 * A new meeting of a cell, created through the API by `cookie` (its secretary, or a committee
 * above it): a regular one at 19:30 with one agenda item unless `body` says otherwise; `body`
 * replaces or adds fields (participants, guests, kind and topic, date…).
 */
export async function buildMeeting(t: TestApp, cookie: string, body: Record<string, unknown> & { unitId: string; date: string }): Promise<MeetingDetail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: { cookie },
    payload: { kind: 'regular', startTime: '19:30', place: 'Nhà văn hóa thôn', agenda: [{ title: 'Sinh hoạt thường kỳ' }], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`buildMeeting: ${res.statusCode} ${res.body}`);
  return res.json() as MeetingDetail;
}

/**
 * A new task, created through the API by `cookie` (an assigner over `body.unitId`) from a full
 * POST /api/tasks body (`taskBody` in tasks.ts fills in every "rõ").
 */
export async function buildTask(t: TestApp, cookie: string, body: Record<string, unknown>): Promise<TaskDetail> {
  const res = await t.app.inject({ method: 'POST', url: '/api/tasks', headers: { cookie }, payload: body });
  if (res.statusCode !== 201) throw new Error(`buildTask: ${res.statusCode} ${res.body}`);
  return res.json() as TaskDetail;
}

/**
 * A new public issue on a commune's list ("rubbish at the lane's end", a title of its own),
 * filed through the API by `by.cookie` (the party committee over `by.communeId`) for the village
 * of `by.villageUnitId`; `body` replaces or adds fields.
 */
export async function buildIssue(
  t: TestApp,
  by: { cookie: string; communeId: string; villageUnitId: string },
  body: Record<string, unknown> = {},
): Promise<LocalIssueDetail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/local-issues',
    headers: { cookie: by.cookie },
    payload: {
      unitId: by.communeId,
      categoryCode: 'moi_truong',
      title: `Rác thải tồn đọng ở đầu ngõ ${uniqueTag()}`,
      description: 'Rác tồn đọng nhiều ngày ở điểm tập kết đầu ngõ.',
      villageUnitId: by.villageUnitId,
      public: true,
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`buildIssue: ${res.statusCode} ${res.body}`);
  return res.json() as LocalIssueDetail;
}
