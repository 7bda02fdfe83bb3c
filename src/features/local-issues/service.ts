import { pathIds, rootPathOf } from '../../domain/unit-paths.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { can, isWithin, type Actor } from '../../domain/policy.js';
import type { Database, LocalIssueCategoryTable, LocalIssueTable } from '../../db/schema.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { newId, nowIso } from '../../db/ids.js';
import { localDate, todayInVietnam } from '../../domain/vietnam-time.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { checkTransition, countConfirmations, isIssueOverdue } from '../../domain/local-issues.js';
import { displayDate, isOverdue as isTaskOverdue } from '../../domain/tasks.js';
import { AppError, fieldErrors, forbidden, notFound, type FieldProblem } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { readReferenceJson } from '../../core/paths.js';
import type { ConfirmationDecision, LocalIssueStatus, TaskStatus } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit, firstRootUnit } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { findMemberWithUnit } from '../members/lookup.js';
import * as repo from './repo.js';
import { tasksFromLocalIssue } from '../tasks/lookup.js';
import type { IssueRow } from './repo.js';
import {
  authorizeCellConfirmation,
  authorizeIssueRead,
  authorizeIssueRespond,
  issueAccessOf,
  issueActionsFor,
  mayManageIssue,
  type IssueAccess,
} from './policy.js';
import type {
  CategoriesResponse,
  ChangeStatusBody,
  ConfirmationBody,
  CreateCategoryBody,
  CreateLocalIssueBody,
  LocalIssueCategory,
  LocalIssueDetail,
  LocalIssueListResponse,
  LocalIssueSummary,
  NewIssueFields,
  PublicLocalIssueList,
  TimelineEntry,
  UpdateLocalIssueBody,
} from './schemas.js';

type Db = Kysely<Database>;

/** Villages in the order people count them: Số 2 before Số 12. */
export const villageOrder = new Intl.Collator('vi', { numeric: true });

const notFoundField = (field: string) => new AppError(404, 'not_found', {}, [{ field, messageKey: 'not_found' }]);

// --- categories (reference data) --------------------------------------------------------------------

interface CategoriesFile {
  about: string;
  /** `source`: where the category comes from, as people read it (never a file name). */
  categories: { code: string; name: string; example: string | null; source: string }[];
}
const CATEGORIES_FILE = 'local-issue-categories.json';

/** The starting categories, as rows for a unit (not yet stored). */
function startingCategories(unitId: string): LocalIssueCategoryTable[] {
  const file = readReferenceJson<CategoriesFile>(CATEGORIES_FILE);
  const now = nowIso();
  return file.categories.map((c, i) => ({
    id: newId(),
    unit_id: unitId,
    code: c.code,
    name: c.name,
    example: c.example,
    source: c.source,
    position: i + 1,
    created_by_account_id: null,
    created_at: now,
  }));
}

/** The categories in effect under a unit: those its root keeps, or the starting file's until someone adds one. */
export async function categoriesInEffect(db: Db, unitPath: string): Promise<LocalIssueCategoryTable[]> {
  const rootId = pathIds(unitPath)[0]!;
  const stored = await repo.categoriesOf(db, rootId);
  return stored.length > 0 ? stored : startingCategories(rootId);
}

/** The categories, stored for the root the first time anything needs them stored. Call inside a write transaction. */
export async function ensureCategories(trx: Db, dialect: DialectHelpers, unitPath: string, actorAccountId: string | null): Promise<LocalIssueCategoryTable[]> {
  const rootId = pathIds(unitPath)[0]!;
  const stored = await repo.categoriesOf(trx, rootId);
  if (stored.length > 0) return stored;
  const rows = startingCategories(rootId);
  await repo.insertCategories(trx, rows);
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: 'local_issue_category.load',
    recordType: 'local_issue_category',
    recordId: null,
    unitId: rootId,
    after: { codes: rows.map((r) => r.code) },
  });
  return rows;
}

const presentCategory = (c: LocalIssueCategoryTable): LocalIssueCategory => ({ code: c.code, name: c.name, example: c.example, source: c.source });

/** The root unit the caller's assignments reach (every tree has one root; a scope lies under it). */
function actorRootPath(actor: Actor): string | undefined {
  const first = actor.assignments[0];
  return first ? rootPathOf(first.unitPath) : undefined;
}

export async function listCategories(ctx: AppContext, actor: Actor): Promise<CategoriesResponse> {
  const root = actorRootPath(actor);
  if (!root) throw forbidden();
  const categories = await categoriesInEffect(ctx.handle.db, root);
  return { categories: categories.map(presentCategory), canManage: can(actor, 'local_issue.category_manage', { unitPath: root }) };
}

/** A category code from its name: "Thái độ cán bộ" → "thai_do_can_bo". */
const codeOf = (name: string) => foldVietnamese(name).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60) || 'khac';

/** The committee at the root adds a category; the starting ones are stored first, so the list stays whole. */
export async function createCategory(ctx: AppContext, actor: Actor, body: CreateCategoryBody): Promise<CategoriesResponse> {
  await writeTransaction(ctx.handle, async (trx) => {
    const root = actorRootPath(actor);
    if (!root || !can(actor, 'local_issue.category_manage', { unitPath: root })) throw forbidden();
    const existing = await ensureCategories(trx, ctx.handle.dialect, root, actor.accountId);
    const code = codeOf(body.name);
    if (existing.some((c) => c.code === code || foldVietnamese(c.name) === foldVietnamese(body.name))) {
      throw new AppError(409, 'conflict', { field: 'name' }, [{ field: 'name', messageKey: 'conflict', params: { field: 'name' } }]);
    }
    const row: LocalIssueCategoryTable = {
      id: newId(),
      unit_id: pathIds(root)[0]!,
      code,
      name: body.name,
      example: body.example ?? null,
      source: `Đảng ủy bổ sung ngày ${displayDate(todayInVietnam())}`,
      position: Math.max(0, ...existing.map((c) => c.position)) + 1,
      created_by_account_id: actor.accountId,
      created_at: nowIso(),
    };
    await repo.insertCategories(trx, [row]);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'local_issue_category.create',
      recordType: 'local_issue_category',
      recordId: row.id,
      unitId: row.unit_id,
      after: { code: row.code, name: row.name, example: row.example },
    });
  });
  return listCategories(ctx, actor);
}

// --- presenting --------------------------------------------------------------------------------------

const accessOf = issueAccessOf;

function presentSummary(
  i: IssueRow,
  names: Map<string, string>,
  extra: { confirmations?: { confirmed: number; disputed: number }; openTasks?: number; citizenFeedbackCount?: number },
  day: string,
): LocalIssueSummary {
  return {
    id: i.id,
    unitId: i.unit_id,
    categoryCode: i.category_code,
    categoryName: names.get(i.category_code) ?? i.category_code,
    title: i.title,
    village: i.village_unit_id ? { unitId: i.village_unit_id, name: i.village_name ?? '' } : null,
    areaName: i.area_name,
    sinceYear: i.since_year === null ? null : Number(i.since_year),
    sinceBefore: Number(i.since_before) === 1,
    householdsAffected: i.households_affected === null ? null : Number(i.households_affected),
    responsibleUnit: i.responsible_unit_id ? { id: i.responsible_unit_id, name: i.responsible_unit_name ?? '' } : null,
    responsibleMember: i.responsible_member_id ? { id: i.responsible_member_id, name: i.responsible_member_name ?? '' } : null,
    deadline: i.deadline,
    status: i.status as LocalIssueStatus,
    overdue: isIssueOverdue(i, day),
    public: Number(i.public) === 1,
    resolvedOn: i.resolved_on,
    confirmations: extra.confirmations ?? { confirmed: 0, disputed: 0 },
    openTasks: extra.openTasks ?? 0,
    citizenFeedbackCount: extra.citizenFeedbackCount ?? 0,
    updatedAt: i.updated_at,
  };
}

/** What the audit log keeps of an issue. */
export function issueSnapshot(i: LocalIssueTable) {
  return {
    unitId: i.unit_id,
    categoryCode: i.category_code,
    title: i.title,
    description: i.description,
    villageUnitId: i.village_unit_id,
    areaName: i.area_name,
    point: i.latitude !== null && i.longitude !== null ? [Number(i.latitude), Number(i.longitude)] : null,
    sinceYear: i.since_year,
    sinceBefore: Number(i.since_before) === 1,
    householdsAffected: i.households_affected,
    responsibleUnitId: i.responsible_unit_id,
    responsibleMemberId: i.responsible_member_id,
    deadline: i.deadline,
    status: i.status,
    public: Number(i.public) === 1,
  };
}

// --- writing -----------------------------------------------------------------------------------------

type IssueFields = Omit<NewIssueFields, 'categoryCode' | 'title' | 'description'> & Partial<Pick<NewIssueFields, 'categoryCode' | 'title' | 'description'>>;

/**
 * Checks an issue's fields against the list's unit (every problem at once) and returns the
 * columns they set. `current` is the stored issue when editing: only the fields present change.
 */
async function resolveFields(
  trx: Db,
  list: { id: string; path: string },
  fields: IssueFields,
  current: LocalIssueTable | null,
  fieldPrefix = '',
): Promise<Partial<LocalIssueTable>> {
  const problems: FieldProblem[] = [];
  const say = (field: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
    problems.push({ field: `${fieldPrefix}${field}`, messageKey, ...(params ? { params } : {}) });
  const out: Partial<LocalIssueTable> = {};

  if (fields.categoryCode !== undefined) {
    const categories = await categoriesInEffect(trx, list.path);
    if (!categories.some((c) => c.code === fields.categoryCode)) say('categoryCode', 'local_issue_category_unknown');
    out.category_code = fields.categoryCode;
  }
  if (fields.title !== undefined) out.title = fields.title;
  if (fields.description !== undefined) out.description = fields.description;
  if (fields.villageUnitId !== undefined) {
    if (fields.villageUnitId !== null) {
      const village = await repo.findVillage(trx, fields.villageUnitId);
      if (!village || village.archived_at || !isWithin(village.path, list.path)) say('villageUnitId', 'local_issue_village_invalid');
    }
    out.village_unit_id = fields.villageUnitId;
  }
  if (fields.areaName !== undefined) out.area_name = fields.areaName;
  if (fields.latitude !== undefined) out.latitude = fields.latitude;
  if (fields.longitude !== undefined) out.longitude = fields.longitude;
  const lat = out.latitude !== undefined ? out.latitude : (current?.latitude ?? null);
  const lng = out.longitude !== undefined ? out.longitude : (current?.longitude ?? null);
  if ((lat === null) !== (lng === null)) say(lat === null ? 'latitude' : 'longitude', 'local_issue_point_pair');

  if (fields.sinceYear !== undefined) out.since_year = fields.sinceYear;
  if (fields.sinceBefore !== undefined) out.since_before = fields.sinceBefore ? 1 : 0;
  const sinceYear = out.since_year !== undefined ? out.since_year : (current?.since_year ?? null);
  const sinceBefore = out.since_before !== undefined ? out.since_before : (current?.since_before ?? 0);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  if (sinceYear !== null && sinceYear > thisYear) say('sinceYear', 'local_issue_since_future', { year: thisYear });
  if (sinceBefore === 1 && sinceYear === null) say('sinceYear', 'local_issue_since_before_year');

  if (fields.householdsAffected !== undefined) out.households_affected = fields.householdsAffected;
  if (fields.deadline !== undefined) {
    // An unchanged deadline may lie in the past (the issue is overdue); a new one may not.
    if (fields.deadline !== null && fields.deadline !== current?.deadline && fields.deadline < todayInVietnam()) say('deadline', 'deadline_past');
    out.deadline = fields.deadline;
  }
  if (fields.responsibleUnitId !== undefined) {
    if (fields.responsibleUnitId !== null) {
      const unit = await findUnit(trx, fields.responsibleUnitId);
      if (!unit || unit.archived_at || !isWithin(unit.path, list.path)) say('responsibleUnitId', 'local_issue_responsible_unit_invalid');
    }
    out.responsible_unit_id = fields.responsibleUnitId;
  }
  if (fields.responsibleMemberId !== undefined) {
    if (fields.responsibleMemberId !== null) {
      const member = await findMemberWithUnit(trx, fields.responsibleMemberId);
      if (!member || member.archived_at || !isWithin(member.unit_path, list.path)) say('responsibleMemberId', 'local_issue_responsible_member_invalid');
    }
    out.responsible_member_id = fields.responsibleMemberId;
  }
  if (fields.public !== undefined) out.public = fields.public ? 1 : 0;
  if (problems.length > 0) throw fieldErrors(problems);
  return out;
}

const searchTextOf = (i: Pick<LocalIssueTable, 'title' | 'description' | 'area_name'>) => foldVietnamese([i.title, i.area_name ?? '', i.description].join(' '));

/**
 * The one way an issue comes into being (the issues board, a citizen's message made an issue, the
 * demo seed): checks the fields, inserts the issue and its first timeline entry, writes the audit.
 */
export async function insertNewIssue(
  trx: Db,
  dialect: DialectHelpers,
  actorAccountId: string | null,
  list: { id: string; path: string },
  fields: NewIssueFields,
  options: { fieldPrefix?: string; now?: string } = {},
): Promise<LocalIssueTable> {
  await ensureCategories(trx, dialect, list.path, actorAccountId);
  const set = await resolveFields(trx, list, fields, null, options.fieldPrefix);
  const now = options.now ?? nowIso();
  const row: LocalIssueTable = {
    id: newId(),
    unit_id: list.id,
    category_code: fields.categoryCode,
    title: fields.title,
    description: fields.description,
    village_unit_id: null,
    area_name: null,
    latitude: null,
    longitude: null,
    since_year: null,
    since_before: 0,
    households_affected: null,
    responsible_unit_id: null,
    responsible_member_id: null,
    deadline: null,
    status: 'new',
    status_reason: null,
    resolution_summary: null,
    resolved_on: null,
    resolution_round: 0,
    public: 0,
    search_text: '',
    created_by_account_id: actorAccountId,
    created_at: now,
    updated_at: now,
    ...set,
  };
  row.search_text = searchTextOf(row);
  await repo.insertIssue(trx, row);
  await repo.insertStatusChange(trx, { id: newId(), issue_id: row.id, unit_id: row.unit_id, from_status: null, to_status: 'new', note: null, actor_account_id: actorAccountId, created_at: now });
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: 'local_issue.create',
    recordType: 'local_issue',
    recordId: row.id,
    unitId: row.unit_id,
    after: issueSnapshot(row),
  });
  return row;
}

/** An issue list belongs to a committee (the commune or above), not to a cell. */
export function assertListUnit(unit: { kind: string; archived_at: string | null }, field: string): void {
  if (unit.archived_at || unit.kind === 'cell' || unit.kind === 'mass_org') throw fieldErrors([{ field, messageKey: 'local_issue_unit_kind' }]);
}

export async function createIssue(ctx: AppContext, actor: Actor, body: CreateLocalIssueBody): Promise<LocalIssueDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'local_issue.manage', unit, 'unitId');
    assertListUnit(unit!, 'unitId');
    const { unitId: _unitId, ...fields } = body;
    return (await insertNewIssue(trx, ctx.handle.dialect, actor.accountId, unit!, fields)).id;
  });
  return issueDetail(ctx, actor, id);
}

/** The issue, or the 403/404 the caller may not see past. */
async function loadIssue(db: Db, actor: Actor, id: string, check: (actor: Actor, issue: IssueAccess | undefined) => void = authorizeIssueRead) {
  const issue = await repo.findIssue(db, id);
  check(actor, issue ? accessOf(issue) : undefined);
  return issue!;
}

export async function updateIssue(ctx: AppContext, actor: Actor, id: string, body: UpdateLocalIssueBody): Promise<LocalIssueDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const issue = await loadIssue(trx, actor, id, authorizeIssueRespond);
    const touchesResponsibility = body.responsibleUnitId !== undefined || body.responsibleMemberId !== undefined || body.public !== undefined;
    if (touchesResponsibility && !mayManageIssue(actor, accessOf(issue))) throw forbidden();
    const set = await resolveFields(trx, { id: issue.unit_id, path: issue.unit_path }, body, issue);
    const next: LocalIssueTable = { ...stored(issue), ...set };
    // Saving an unchanged form is not a change: no write, no audit entry.
    if (canonicalJson(issueSnapshot(stored(issue))) === canonicalJson(issueSnapshot(next))) return;
    next.search_text = searchTextOf(next);
    next.updated_at = nowIso();
    await repo.updateIssue(trx, id, { ...set, search_text: next.search_text, updated_at: next.updated_at });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'local_issue.update',
      recordType: 'local_issue',
      recordId: id,
      unitId: issue.unit_id,
      before: issueSnapshot(stored(issue)),
      after: issueSnapshot(next),
    });
  });
  return issueDetail(ctx, actor, id);
}

/** The table's own columns of a joined row. */
function stored(i: IssueRow): LocalIssueTable {
  const { unit_path: _u, village_path: _vp, village_name: _vn, responsible_path: _rp, responsible_unit_name: _ru, responsible_member_name: _rm, ...row } = i;
  return row;
}

const transitionKeys: Record<string, MessageKey> = {
  'status:not_allowed': 'local_issue_status_not_allowed',
  'resolutionSummary:required': 'local_issue_resolution_required',
  'resolutionSummary:only_when_resolving': 'local_issue_resolution_only_resolving',
  'note:required': 'local_issue_note_required',
};

/** new → in progress → resolved / cannot be resolved now; resolving starts a new round of the people's word. */
export async function changeStatus(ctx: AppContext, actor: Actor, id: string, body: ChangeStatusBody): Promise<LocalIssueDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const issue = await loadIssue(trx, actor, id, authorizeIssueRespond);
    const from = issue.status as LocalIssueStatus;
    const problems = checkTransition(from, body.status, body);
    if (problems.some((p) => p.problem === 'same')) throw new AppError(409, 'local_issue_status_same');
    if (problems.length > 0) throw fieldErrors(problems.map((p) => ({ field: p.field, messageKey: transitionKeys[`${p.field}:${p.problem}`]! })));
    const now = nowIso();
    const resolving = body.status === 'resolved';
    const patch: Partial<LocalIssueTable> = {
      status: body.status,
      status_reason: body.status === 'unresolvable' || from === 'resolved' || from === 'unresolvable' ? (body.note ?? null) : issue.status_reason,
      resolution_summary: resolving ? body.resolutionSummary! : issue.resolution_summary,
      resolved_on: resolving ? todayInVietnam() : body.status === 'in_progress' ? null : issue.resolved_on,
      resolution_round: resolving ? Number(issue.resolution_round) + 1 : Number(issue.resolution_round),
      updated_at: now,
    };
    await repo.updateIssue(trx, id, patch);
    await repo.insertStatusChange(trx, {
      id: newId(),
      issue_id: id,
      unit_id: issue.unit_id,
      from_status: from,
      to_status: body.status,
      note: resolving ? body.resolutionSummary! : (body.note ?? null),
      actor_account_id: actor.accountId,
      created_at: now,
    });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'local_issue.status',
      recordType: 'local_issue',
      recordId: id,
      unitId: issue.unit_id,
      before: { status: from },
      after: { status: body.status, note: body.note ?? null, resolutionSummary: body.resolutionSummary ?? null, round: patch.resolution_round },
    });
  });
  return issueDetail(ctx, actor, id);
}

/**
 * The people's word on a resolution. A citizen who raised the issue gives it with their tracking
 * code (no account; `citizenFeedbackId` is what the code resolved to); the village cell's leaders
 * give the cell's, signed in. Once each per resolution round.
 */
export async function addConfirmation(
  ctx: AppContext,
  who: { kind: 'citizen'; citizenFeedbackId: string } | { kind: 'cell'; actor: Actor },
  id: string,
  body: Pick<ConfirmationBody, 'decision' | 'comment'>,
): Promise<{ issue: IssueRow; decision: ConfirmationDecision }> {
  return writeTransaction(ctx.handle, async (trx) => {
    const issue = await repo.findIssue(trx, id);
    let cellUnitId: string | null = null;
    if (who.kind === 'cell') {
      authorizeCellConfirmation(who.actor, issue ? accessOf(issue) : undefined);
      cellUnitId = issue!.village_unit_id;
    } else if (!issue) {
      throw notFound();
    }
    if (issue!.status !== 'resolved') throw new AppError(409, 'local_issue_not_resolved');
    const round = Number(issue!.resolution_round);
    const earlier = await repo.confirmationsOf(trx, id, round);
    const already = who.kind === 'cell' ? earlier.some((c) => c.cell_unit_id === cellUnitId) : earlier.some((c) => c.citizen_feedback_id === who.citizenFeedbackId);
    if (already) throw new AppError(409, 'local_issue_confirmed_already');
    const now = nowIso();
    const row = {
      id: newId(),
      issue_id: id,
      unit_id: issue!.unit_id,
      round,
      decision: body.decision,
      comment: body.comment ?? null,
      citizen_feedback_id: who.kind === 'citizen' ? who.citizenFeedbackId : null,
      cell_unit_id: cellUnitId,
      account_id: who.kind === 'cell' ? who.actor.accountId : null,
      created_at: now,
    };
    await repo.insertConfirmation(trx, row);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: who.kind === 'cell' ? who.actor.accountId : null,
      action: 'local_issue.confirmation',
      recordType: 'local_issue',
      recordId: id,
      unitId: issue!.unit_id,
      after: { round, decision: row.decision, comment: row.comment, by: who.kind, ...(who.kind === 'citizen' ? { citizenFeedbackId: who.citizenFeedbackId } : { cellUnitId }) },
    });
    return { issue: issue!, decision: body.decision };
  });
}

// --- reading -----------------------------------------------------------------------------------------

export async function issueDetail(ctx: AppContext, actor: Actor, id: string): Promise<LocalIssueDetail> {
  const { db } = ctx.handle;
  const issue = await loadIssue(db, actor, id);
  const day = todayInVietnam();
  const [categories, tasks, confirmations, changes, messages, creator] = await Promise.all([
    categoriesInEffect(db, issue.unit_path),
    tasksFromLocalIssue(db, id),
    repo.confirmationsOf(db, id),
    repo.statusChangesOf(db, id),
    repo.citizenFeedbackOfIssue(db, id),
    issue.created_by_account_id ? repo.accountName(db, issue.created_by_account_id) : undefined,
  ]);
  const round = Number(issue.resolution_round);
  const current = confirmations.filter((c) => Number(c.round) === round);
  const access = accessOf(issue);
  const readsMessages = can(actor, 'citizen_feedback.read', { unitPath: issue.unit_path });
  const names = new Map(categories.map((c) => [c.code, c.name]));

  const timeline: TimelineEntry[] = [];
  const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'at' | 'kind'>): TimelineEntry => ({
    status: null,
    fromStatus: null,
    note: null,
    actorName: null,
    taskId: null,
    citizenFeedbackId: null,
    ...e,
  });
  for (const c of changes) {
    timeline.push(
      c.from_status === null
        ? entry({ at: c.created_at, kind: 'created', status: c.to_status, actorName: c.actor_name })
        : entry({ at: c.created_at, kind: 'status', status: c.to_status, fromStatus: c.from_status, note: c.note, actorName: c.actor_name }),
    );
  }
  for (const t of tasks) {
    timeline.push(entry({ at: t.created_at, kind: 'task_created', note: t.title, actorName: t.given_by_name, taskId: t.id }));
    if (t.status !== 'open') timeline.push(entry({ at: t.updated_at, kind: 'task_closed', status: t.status, note: t.title, actorName: t.closed_by_name, taskId: t.id }));
  }
  for (const m of messages) {
    timeline.push(entry({ at: m.created_at, kind: 'citizen_feedback', note: readsMessages ? m.content : null, citizenFeedbackId: readsMessages ? m.id : null }));
  }
  for (const c of confirmations) {
    timeline.push(entry({ at: c.created_at, kind: 'confirmation', status: c.decision, note: c.comment, actorName: c.cell_name }));
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    ...presentSummary(issue, names, { confirmations: countConfirmations(current.map((c) => c.decision as ConfirmationDecision)), openTasks: tasks.filter((t) => t.status === 'open').length, citizenFeedbackCount: messages.length }, day),
    description: issue.description,
    latitude: issue.latitude === null ? null : Number(issue.latitude),
    longitude: issue.longitude === null ? null : Number(issue.longitude),
    statusReason: issue.status_reason,
    resolutionSummary: issue.resolution_summary,
    resolutionRound: round,
    createdByName: creator?.display_name ?? null,
    createdAt: issue.created_at,
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      ownerName: t.owner_member_name ?? t.owner_unit_name ?? '',
      deadline: t.deadline,
      status: t.status as TaskStatus,
      progressPercent: Number(t.progress_percent),
      overdue: isTaskOverdue(t, day),
    })),
    confirmationList: current.map((c) => ({
      id: c.id,
      decision: c.decision as ConfirmationDecision,
      comment: c.comment,
      by: c.cell_unit_id ? ('cell' as const) : ('citizen' as const),
      cellName: c.cell_name,
      createdAt: c.created_at,
    })),
    citizenFeedback: readsMessages ? messages.map((m) => ({ id: m.id, trackingRef: m.id.slice(-6).toUpperCase(), status: m.status, content: m.content, createdAt: m.created_at })) : [],
    timeline,
    actions: issueActionsFor(actor, access, current.some((c) => c.cell_unit_id !== null && c.cell_unit_id === issue.village_unit_id)),
  };
}

export async function listIssues(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; status?: LocalIssueStatus | undefined; categoryCode?: string | undefined; villageUnitId?: string | undefined; overdue?: boolean | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<LocalIssueListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, query.unitId);
  authorizeUnit(actor, 'local_issue.read', unit);
  const day = todayInVietnam();
  const search = query.q ? foldVietnamese(query.q) : undefined;
  const [{ total, rows }, counts, categories] = await Promise.all([
    repo.listIssues(
      db,
      {
        unitPath: unit!.path,
        status: query.status,
        categoryCode: query.categoryCode,
        villageUnitId: query.villageUnitId,
        overdueOn: query.overdue ? day : undefined,
        search: search || undefined,
      },
      query.page,
      query.pageSize,
    ),
    repo.boardCounts(db, unit!.path, day),
    categoriesInEffect(db, unit!.path),
  ]);
  const [confirmations, links] = await Promise.all([repo.confirmationCountsOf(db, rows), repo.linkCountsOf(db, rows.map((r) => r.id))]);
  const names = new Map(categories.map((c) => [c.code, c.name]));

  const byStatus = { new: 0, in_progress: 0, resolved: 0, unresolvable: 0 } as Record<LocalIssueStatus, number>;
  const byCategory = new Map<string, number>();
  const byVillage = new Map<string, { name: string; n: number }>();
  let overdue = 0;
  for (const c of counts) {
    byStatus[c.status as LocalIssueStatus] = (byStatus[c.status as LocalIssueStatus] ?? 0) + c.n;
    byCategory.set(c.category_code, (byCategory.get(c.category_code) ?? 0) + c.n);
    if (c.village_unit_id) byVillage.set(c.village_unit_id, { name: c.village_name ?? '', n: (byVillage.get(c.village_unit_id)?.n ?? 0) + c.n });
    overdue += c.overdue;
  }
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) =>
      presentSummary(r, names, { confirmations: confirmations.get(r.id), openTasks: links.open.get(r.id) ?? 0, citizenFeedbackCount: links.feedback.get(r.id) ?? 0 }, day),
    ),
    counts: {
      byStatus,
      // In the reference data's order, then any code no longer listed.
      byCategory: [...byCategory.entries()]
        .map(([code, n]) => ({ code, name: names.get(code) ?? code, n }))
        .sort((a, b) => (categories.findIndex((c) => c.code === a.code) >>> 0) - (categories.findIndex((c) => c.code === b.code) >>> 0)),
      byVillage: [...byVillage.entries()].map(([unitId, v]) => ({ unitId, name: v.name, n: v.n })).sort((a, b) => villageOrder.compare(a.name, b.name)),
      overdue,
    },
    canCreate: (unit!.kind !== 'cell' && unit!.kind !== 'mass_org' && can(actor, 'local_issue.manage', { unitPath: unit!.path })) || false,
  };
}

/** The public page: issues the committee made public, with status and resolution and no personal data. */
export async function publicIssues(ctx: AppContext, query: { unitId?: string | undefined; status?: LocalIssueStatus | undefined; page: number; pageSize: number }): Promise<PublicLocalIssueList> {
  const { db } = ctx.handle;
  let unitPath: string;
  if (query.unitId) {
    const unit = await findUnit(db, query.unitId);
    if (!unit || unit.archived_at) throw notFoundField('unitId');
    unitPath = unit.path;
  } else {
    const root = await firstRootUnit(db);
    if (!root) return { total: 0, page: query.page, pageSize: query.pageSize, items: [] };
    unitPath = root.path;
  }
  const { total, rows } = await repo.listIssues(db, { unitPath, status: query.status, publicOnly: true }, query.page, query.pageSize);
  const [confirmations, categories] = await Promise.all([repo.confirmationCountsOf(db, rows), categoriesInEffect(db, unitPath)]);
  const names = new Map(categories.map((c) => [c.code, c.name]));
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      categoryName: names.get(r.category_code) ?? r.category_code,
      title: r.title,
      villageName: r.village_name,
      areaName: r.area_name,
      sinceYear: r.since_year === null ? null : Number(r.since_year),
      sinceBefore: Number(r.since_before) === 1,
      status: r.status as LocalIssueStatus,
      statusReason: r.status === 'unresolvable' ? r.status_reason : null,
      resolutionSummary: r.status === 'resolved' ? r.resolution_summary : null,
      resolvedOn: r.status === 'resolved' ? r.resolved_on : null,
      confirmations: confirmations.get(r.id) ?? { confirmed: 0, disputed: 0 },
      updatedOn: localDate(r.updated_at),
    })),
  };
}
