import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError, fieldErrors, type FieldProblem } from '../../core/errors.js';
import { can, type Actor } from '../../domain/policy.js';
import { localDate, todayInVietnam } from '../../domain/vietnam-time.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { commitmentPercent, measurableResult, yearEnded } from '../../domain/tasks.js';
import { allowedYears, contentProblems, countCommitments, progressPercent, sectionOrder, sumCommitmentFigures } from '../../domain/commitments.js';
import type { CommitmentDirection, CommitmentKind, CommitmentResult, CommitmentSection } from '../../shared/enums.js';
import type { CommitmentTable, Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeAudit, writeAuditEntries, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { findMemberWithUnit } from '../members/lookup.js';
import * as repo from './repo.js';
import type { CommitmentRow } from './repo.js';
import { authorizeConfirm, authorizeRead, authorizeWrite, commitmentActionsFor } from './policy.js';
import { parseCommitmentsXlsx, renderCommitmentsXlsx, type SheetLine } from './commitments-xlsx.js';
import type {
  CommitmentCounts,
  CommitmentDetail,
  CommitmentImportBody,
  CommitmentImportResponse,
  CommitmentListResponse,
  CommitmentProgressBody,
  CommitmentSummary,
  CreateCommitmentBody,
  EvaluateCommitmentBody,
  UpdateCommitmentBody,
} from './schemas.js';

type Db = Kysely<Database>;

/** Today's local date in Vietnam. */

const confirmedOnly = () => new AppError(409, 'commitment_confirmed');

// --- presenting -------------------------------------------------------------------------------

export function presentCommitment(c: CommitmentRow, actor: Actor): CommitmentSummary {
  const content = {
    kind: c.kind as CommitmentKind,
    targetValue: c.target_value,
    measureUnit: c.measure_unit,
    direction: c.direction as CommitmentDirection | null,
    actualValue: c.actual_value,
  };
  return {
    id: c.id,
    unitId: c.unit_id,
    subjectKind: c.subject_kind as CommitmentSummary['subjectKind'],
    memberId: c.member_id,
    subjectName: c.subject_kind === 'member' ? (c.member_name ?? '') : c.unit_name,
    year: Number(c.year),
    section: c.section as CommitmentSection,
    position: Number(c.position),
    kind: content.kind,
    title: c.title,
    targetValue: content.targetValue,
    measureUnit: content.measureUnit,
    direction: content.direction,
    actualValue: content.actualValue,
    evidence: c.evidence,
    percent: progressPercent(content),
    confirmedAt: c.confirmed_at,
    confirmedByName: c.confirmed_by_name,
    result: c.result as CommitmentResult | null,
    resultPercent: c.result_percent,
    evaluationNote: c.evaluation_note,
    earlyEvaluationReason: c.early_evaluation_reason,
    evaluatedAt: c.evaluated_at,
    actions: commitmentActionsFor(actor, c),
  };
}

/** Pledge order: section by section, then as written. */
const bySectionAndPosition = (a: CommitmentRow, b: CommitmentRow) =>
  sectionOrder(a.section) - sectionOrder(b.section) || Number(a.position) - Number(b.position) || a.created_at.localeCompare(b.created_at);

async function detailOf(db: Db, actor: Actor, c: CommitmentRow): Promise<CommitmentDetail> {
  const [progress, taskIds] = await Promise.all([repo.progressOf(db, c.id), repo.taskIdsOf(db, c.id)]);
  return {
    ...presentCommitment(c, actor),
    progress: progress.map((p) => ({ id: p.id, note: p.note, value: p.value, authorName: p.author_name ?? '', createdAt: p.created_at })),
    taskIds,
  };
}

export async function commitmentDetail(ctx: AppContext, actor: Actor, id: string): Promise<CommitmentDetail> {
  const { db } = ctx.handle;
  const c = await repo.findCommitment(db, id);
  authorizeRead(actor, c);
  return detailOf(db, actor, c!);
}

/** What the audit log keeps of a commitment. */
function snapshot(c: CommitmentTable) {
  return {
    subjectKind: c.subject_kind,
    memberId: c.member_id,
    unitId: c.unit_id,
    year: c.year,
    section: c.section,
    position: c.position,
    kind: c.kind,
    title: c.title,
    targetValue: c.target_value,
    measureUnit: c.measure_unit,
    direction: c.direction,
    actualValue: c.actual_value,
    evidence: c.evidence,
  };
}

/** The table columns of a joined row. */
function stripJoined(c: CommitmentRow): CommitmentTable {
  const { unit_name: _n, unit_path: _p, unit_kind: _k, member_name: _m, member_sort_key: _s, member_card_number: _c, confirmed_by_name: _b, ...row } = c;
  return row;
}

// --- lists ------------------------------------------------------------------------------------

type Subject = CommitmentListResponse['subjects'][number];

/**
 * A unit's commitments of a year grouped by who committed: the unit's own first (then the units
 * below it, by name), then members in Vietnamese name order. `shown` adds subjects even without
 * a line yet: a cell's full list shows every active member, so the secretary sees who is missing.
 */
function groupBySubject(
  unitId: string,
  rows: CommitmentRow[],
  actor: Actor,
  shown: { unit?: { id: string; name: string }; members: readonly { id: string; full_name: string; sort_key: string }[] },
): Subject[] {
  const units = new Map<string, { name: string; rows: CommitmentRow[] }>();
  const members = new Map<string, { name: string; sortKey: string; rows: CommitmentRow[] }>();
  if (shown.unit) units.set(shown.unit.id, { name: shown.unit.name, rows: [] });
  for (const m of shown.members) members.set(m.id, { name: m.full_name, sortKey: m.sort_key, rows: [] });
  for (const r of rows) {
    if (r.subject_kind === 'unit') {
      const entry = units.get(r.unit_id) ?? { name: r.unit_name, rows: [] };
      entry.rows.push(r);
      units.set(r.unit_id, entry);
    } else if (r.member_id) {
      const entry = members.get(r.member_id) ?? { name: r.member_name ?? '', sortKey: r.member_sort_key ?? '', rows: [] };
      entry.rows.push(r);
      members.set(r.member_id, entry);
    }
  }
  const items = (e: { rows: CommitmentRow[] }) => e.rows.sort(bySectionAndPosition).map((r) => presentCommitment(r, actor));
  const unitSubjects = [...units.entries()]
    .sort(([a, x], [b, y]) => (a === unitId ? -1 : b === unitId ? 1 : x.name.localeCompare(y.name, 'vi')))
    .map(([id, e]): Subject => ({ subjectKind: 'unit', subjectId: id, name: e.name, items: items(e) }));
  const memberSubjects = [...members.entries()]
    .sort(([a, x], [b, y]) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([id, e]): Subject => ({ subjectKind: 'member', subjectId: id, name: e.name, items: items(e) }));
  return [...unitSubjects, ...memberSubjects];
}

/**
 * Who sees what of a unit's commitments: everything with the read right over the unit; a member
 * without it, asking for a unit that holds their own cell, only their own pledge.
 */
async function listScope(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (unit && can(actor, 'commitment.read', { unitPath: unit.path })) return { unit, ownOnly: false };
  const me = unit && actor.memberId ? await findMemberWithUnit(db, actor.memberId) : undefined;
  if (unit && me && me.unit_path.startsWith(unit.path)) return { unit, ownOnly: true, me };
  // Throws: the unit is missing, or outside what the caller reads.
  authorizeUnit(actor, 'commitment.read', unit);
  return { unit: unit!, ownOnly: false };
}

export async function listCommitments(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { year: number; memberId?: string | undefined; subjects?: 'all' | 'units' },
): Promise<CommitmentListResponse> {
  const { db } = ctx.handle;
  const scope = await listScope(db, actor, unitId);
  const { unit } = scope;
  let subjects: Subject[];
  let counts: CommitmentCounts;
  if (scope.ownOnly) {
    const me = scope.me!;
    const wanted = query.memberId === undefined || query.memberId === me.id;
    const rows = wanted ? await repo.commitmentsOfYear(db, unit.path, query.year, { memberId: me.id }) : [];
    subjects = wanted ? groupBySubject(unit.id, rows, actor, { members: [me] }) : [];
    counts = countCommitments(subjects.flatMap((s) => s.items));
  } else {
    const onlyUnits = query.subjects === 'units';
    const rows = await repo.commitmentsOfYear(db, unit.path, query.year, onlyUnits ? { subjectKind: 'unit' } : { memberId: query.memberId });
    const wholeCell = unit.kind === 'cell' && query.memberId === undefined && !onlyUnits;
    const roster = wholeCell ? await repo.activeMembersOf(db, unit.id) : [];
    subjects = groupBySubject(unit.id, rows, actor, wholeCell ? { unit, members: roster } : { members: [] });
    counts =
      query.memberId === undefined
        ? sumCommitmentFigures([...(await repo.commitmentCountsByUnit(db, unit.path, query.year)).values()])
        : countCommitments(subjects.flatMap((s) => s.items));
  }
  return { unitId: unit.id, unitName: unit.name, year: query.year, today: todayInVietnam(), counts, subjects };
}

/** "My work": the member's own commitments of the year, in pledge order, with what the caller may do. */
export async function memberCommitmentsForWork(db: Kysely<Database>, actor: Actor, memberId: string, year: number, _today: string): Promise<CommitmentSummary[]> {
  const rows = await repo.commitmentsOfMember(db, memberId, year);
  return rows.sort(bySectionAndPosition).map((r) => presentCommitment(r, actor));
}

// --- writing ----------------------------------------------------------------------------------

function assertYear(year: number, field = 'year') {
  const { from, to } = allowedYears(todayInVietnam());
  if (year < from || year > to) throw fieldError(field, 'commitment_year_range', { from, to });
}

/** One 400 naming every measurable field a line lacks, or every one a qualitative line must not carry. */
function assertContent(content: { kind: CommitmentKind; targetValue: number | null; measureUnit: string | null; direction: CommitmentDirection | null }) {
  const problems = contentProblems(content);
  if (problems.length === 0) return;
  throw fieldErrors(
    problems.map((p) => ({ field: p.field, messageKey: p.problem === 'required' ? 'commitment_measurable_required' : 'commitment_qualitative_not_allowed' })),
  );
}

/** Who the new commitment is of, checked: the caller's own, a member they manage, or a unit they manage. */
async function resolveSubject(db: Db, actor: Actor, body: CreateCommitmentBody) {
  if (body.subjectKind === 'member') {
    if (body.unitId !== undefined) throw fieldError('unitId', 'commitment_subject_field');
    const memberId = body.memberId ?? actor.memberId;
    if (!memberId) throw fieldError('memberId', 'commitment_no_member');
    const member = await findMemberWithUnit(db, memberId);
    if (memberId !== actor.memberId) authorizeReferencedUnit(actor, 'commitment.manage', member ? { path: member.unit_path } : undefined, 'memberId');
    if (!member) throw fieldError('memberId', 'not_found');
    if (member.archived_at) throw fieldError('memberId', 'commitment_member_archived');
    return { kind: 'member' as const, memberId: member.id, unitId: member.unit_id };
  }
  if (body.memberId !== undefined) throw fieldError('memberId', 'commitment_subject_field');
  if (body.unitId === undefined) throw fieldError('unitId', 'issue.required');
  const unit = await findUnit(db, body.unitId);
  authorizeReferencedUnit(actor, 'commitment.manage', unit, 'unitId');
  if (unit!.kind === 'mass_org' || unit!.archived_at || unit!.parent_id === null) throw fieldError('unitId', 'commitment_unit_kind');
  return { kind: 'unit' as const, unitId: unit!.id };
}

const nullIfEmpty = (s: string | null | undefined) => (s === undefined || s === null || s === '' ? null : s);

/** A new line as registered or imported: not confirmed, not evaluated. */
function newCommitmentRow(
  fields: Pick<
    CommitmentTable,
    'unit_id' | 'subject_kind' | 'member_id' | 'year' | 'section' | 'position' | 'kind' | 'title' | 'target_value' | 'measure_unit' | 'direction' | 'actual_value' | 'evidence'
  >,
  actor: Actor,
): CommitmentTable {
  const now = nowIso();
  return {
    id: newId(),
    ...fields,
    confirmed_at: null,
    confirmed_by_account_id: null,
    result: null,
    result_percent: null,
    evaluation_note: null,
    early_evaluation_reason: null,
    evaluated_at: null,
    evaluated_by_account_id: null,
    created_by_account_id: actor.accountId,
    created_at: now,
    updated_at: now,
  };
}

/** Đăng ký chỉ tiêu — a member's own line, or one entered by the cell's leaders. */
export async function createCommitment(ctx: AppContext, actor: Actor, body: CreateCommitmentBody): Promise<CommitmentDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const subject = await resolveSubject(trx, actor, body);
    assertYear(body.year);
    const content = {
      kind: body.kind,
      targetValue: body.targetValue ?? null,
      measureUnit: nullIfEmpty(body.measureUnit),
      direction: body.direction ?? null,
    };
    assertContent(content);
    const row = newCommitmentRow(
      {
        unit_id: subject.unitId,
        subject_kind: subject.kind,
        member_id: subject.kind === 'member' ? subject.memberId : null,
        year: body.year,
        section: body.section,
        position: (await repo.maxPosition(trx, subject, body.year, body.section)) + 1,
        kind: body.kind,
        title: body.title,
        target_value: content.targetValue,
        measure_unit: content.measureUnit,
        direction: content.direction,
        actual_value: null,
        evidence: nullIfEmpty(body.evidence),
      },
      actor,
    );
    await repo.insertCommitments(trx, [row]);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.create',
      recordType: 'commitment',
      recordId: row.id,
      unitId: row.unit_id,
      after: snapshot(row),
    });
    return row.id;
  });
  return commitmentDetail(ctx, actor, id);
}

/** Loads a commitment for the subject member or a manager. */
async function loadWritable(db: Db, actor: Actor, id: string) {
  const c = await repo.findCommitment(db, id);
  authorizeWrite(actor, c);
  return c!;
}

/** Sửa chỉ tiêu — until it is confirmed. Switching to qualitative drops the measurable fields not given. */
export async function updateCommitment(ctx: AppContext, actor: Actor, id: string, body: UpdateCommitmentBody): Promise<CommitmentDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await loadWritable(trx, actor, id);
    if (current.confirmed_at) throw confirmedOnly();
    const kind = body.kind ?? (current.kind as CommitmentKind);
    const toQualitative = kind === 'qualitative' && current.kind !== 'qualitative';
    const pick = <T>(given: T | undefined, stored: T): T => (given !== undefined ? given : toQualitative ? (null as T) : stored);
    const content = {
      kind,
      targetValue: pick(body.targetValue, current.target_value),
      measureUnit: nullIfEmpty(pick(body.measureUnit, current.measure_unit)),
      direction: pick(body.direction, current.direction as CommitmentDirection | null),
    };
    assertContent(content);
    const section = body.section ?? current.section;
    const before = stripJoined(current);
    const next: CommitmentTable = {
      ...before,
      section,
      kind,
      title: body.title ?? current.title,
      target_value: content.targetValue,
      measure_unit: content.measureUnit,
      direction: content.direction,
      actual_value: kind === 'qualitative' ? null : before.actual_value,
      evidence: body.evidence === undefined ? current.evidence : nullIfEmpty(body.evidence),
    };
    if (canonicalJson(snapshot(before)) === canonicalJson(snapshot(next))) return;
    if (section !== current.section) {
      const subject = current.subject_kind === 'member' ? { kind: 'member' as const, memberId: current.member_id! } : { kind: 'unit' as const, unitId: current.unit_id };
      next.position = (await repo.maxPosition(trx, subject, current.year, section)) + 1;
    }
    next.updated_at = nowIso();
    const { id: _id, ...patch } = next;
    await repo.updateCommitment(trx, id, patch);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.update',
      recordType: 'commitment',
      recordId: id,
      unitId: current.unit_id,
      before: snapshot(before),
      after: snapshot(next),
    });
  });
  return commitmentDetail(ctx, actor, id);
}

/** Xóa chỉ tiêu — until it is confirmed, and only while no task was made from it. */
export async function deleteCommitment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await loadWritable(trx, actor, id);
    if (current.confirmed_at) throw confirmedOnly();
    if ((await repo.taskIdsOf(trx, id)).length > 0) throw new AppError(409, 'commitment_has_tasks');
    await repo.deleteCommitment(trx, id);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.delete',
      recordType: 'commitment',
      recordId: id,
      unitId: current.unit_id,
      before: snapshot(stripJoined(current)),
    });
  });
}

/**
 * Xác nhận — the cell secretary confirms members' lines, the committee above a cell's own. All or
 * nothing: one line the caller may not confirm refuses the whole request. Lines confirmed already
 * are left as they are (no audit entry); each newly confirmed line gets its own entry, so each
 * commitment's history shows its confirmation.
 */
export async function confirmCommitments(ctx: AppContext, actor: Actor, ids: string[]): Promise<{ confirmed: number; items: CommitmentSummary[] }> {
  const unique = [...new Set(ids)];
  const confirmed = await writeTransaction(ctx.handle, async (trx) => {
    const rows = new Map((await repo.findCommitments(trx, unique)).map((r) => [r.id, r]));
    for (const id of unique) authorizeConfirm(actor, rows.get(id));
    const now = nowIso();
    const fresh = unique.map((id) => rows.get(id)!).filter((c) => !c.confirmed_at);
    await repo.confirmCommitments(
      trx,
      fresh.map((c) => c.id),
      { confirmed_at: now, confirmed_by_account_id: actor.accountId, updated_at: now },
    );
    await writeAuditEntries(
      trx,
      ctx.handle.dialect,
      fresh.map((c) => ({
        actorAccountId: actor.accountId,
        action: 'commitment.confirm',
        recordType: 'commitment',
        recordId: c.id,
        unitId: c.unit_id,
        before: { confirmedAt: null },
        after: { confirmedAt: now, title: c.title, subjectKind: c.subject_kind, memberId: c.member_id },
      })),
    );
    return fresh.length;
  });
  const rows = await repo.findCommitments(ctx.handle.db, unique);
  const order = new Map(unique.map((id, i) => [id, i]));
  return { confirmed, items: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((r) => presentCommitment(r, actor)) };
}

/** Ghi tiến độ — the member (or a manager) notes progress; a value becomes the actual so far. */
export async function recordProgress(ctx: AppContext, actor: Actor, id: string, body: CommitmentProgressBody): Promise<CommitmentDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await loadWritable(trx, actor, id);
    if (current.evaluated_at) throw new AppError(409, 'commitment_evaluated');
    const value = body.value ?? null;
    if (value !== null && current.kind !== 'measurable') throw fieldError('value', 'commitment_value_qualitative');
    const now = nowIso();
    await repo.insertProgress(trx, { id: newId(), commitment_id: id, unit_id: current.unit_id, author_account_id: actor.accountId, note: body.note, value, created_at: now });
    const patch: Partial<CommitmentTable> = { updated_at: now };
    if (value !== null) patch.actual_value = value;
    if (body.evidence !== undefined) patch.evidence = nullIfEmpty(body.evidence);
    await repo.updateCommitment(trx, id, patch);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.progress',
      recordType: 'commitment',
      recordId: id,
      unitId: current.unit_id,
      before: { actualValue: current.actual_value, evidence: current.evidence },
      after: { note: body.note, value, actualValue: value ?? current.actual_value, evidence: patch.evidence === undefined ? current.evidence : patch.evidence },
    });
  });
  return commitmentDetail(ctx, actor, id);
}

/**
 * Đánh giá — at year end (earlier only with a reason), by those who confirm. A measurable line's
 * result follows from its percent; a qualitative one's is the evaluator's judgement. Evaluating
 * again replaces the result (the audit log keeps the earlier one).
 */
export async function evaluateCommitment(ctx: AppContext, actor: Actor, id: string, body: EvaluateCommitmentBody): Promise<CommitmentDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await repo.findCommitment(trx, id);
    authorizeConfirm(actor, current);
    const c = current!;
    if (!c.confirmed_at) throw new AppError(409, 'commitment_not_confirmed');
    const ended = yearEnded(Number(c.year), todayInVietnam());
    const problems: FieldProblem[] = [];
    if (!ended && !body.earlyReason) problems.push({ field: 'earlyReason', messageKey: 'commitment_early_reason', params: { year: Number(c.year) } });
    let result: CommitmentResult | null = null;
    let percent: number | null = null;
    let actual = c.actual_value;
    if (c.kind === 'measurable') {
      actual = body.actualValue ?? actual;
      if (actual === null) problems.push({ field: 'actualValue', messageKey: 'commitment_actual_required' });
      else {
        percent = commitmentPercent(c.target_value!, actual, c.direction as CommitmentDirection);
        result = measurableResult(percent);
        if (body.result !== undefined && body.result !== result) problems.push({ field: 'result', messageKey: 'commitment_result_mismatch', params: { percent } });
      }
    } else {
      if (body.actualValue !== undefined && body.actualValue !== null) problems.push({ field: 'actualValue', messageKey: 'commitment_value_qualitative' });
      if (body.result === undefined) problems.push({ field: 'result', messageKey: 'commitment_result_required' });
      else result = body.result;
    }
    if (problems.length > 0) throw fieldErrors(problems);

    const evaluation = (row: { result: string | null; result_percent: number | null; actual_value: number | null; evaluation_note: string | null; early_evaluation_reason: string | null }) => ({
      result: row.result,
      resultPercent: row.result_percent,
      actualValue: row.actual_value,
      note: row.evaluation_note,
      earlyReason: row.early_evaluation_reason,
    });
    const next = {
      result,
      result_percent: percent,
      actual_value: c.kind === 'measurable' ? actual : null,
      evaluation_note: nullIfEmpty(body.note),
      early_evaluation_reason: ended ? null : nullIfEmpty(body.earlyReason),
    };
    const before = evaluation(c);
    const after = evaluation(next);
    if (c.evaluated_at && canonicalJson(before) === canonicalJson(after)) return;
    const now = nowIso();
    await repo.updateCommitment(trx, id, { ...next, evaluated_at: now, evaluated_by_account_id: actor.accountId, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.evaluate',
      recordType: 'commitment',
      recordId: id,
      unitId: c.unit_id,
      before: c.evaluated_at ? before : null,
      after,
    });
  });
  return commitmentDetail(ctx, actor, id);
}

// --- spreadsheet ------------------------------------------------------------------------------

export async function commitmentsXlsx(ctx: AppContext, actor: Actor, unitId: string, year: number): Promise<{ fileName: string; content: Buffer }> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'commitment.read', unit);
  const rows = await repo.commitmentsOfYear(db, unit!.path, year);
  const subjects = groupBySubject(unit!.id, rows, actor, { members: [] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lines: SheetLine[] = subjects.flatMap((s) =>
    s.items.map((item) => {
      const row = byId.get(item.id)!;
      return {
        subjectKind: item.subjectKind,
        cardNumber: row.member_card_number,
        unitKind: row.unit_kind,
        name: item.subjectName,
        section: item.section,
        kind: item.kind,
        title: item.title,
        targetValue: item.targetValue,
        measureUnit: item.measureUnit,
        direction: item.direction,
        actualValue: item.actualValue,
        evidence: item.evidence,
        confirmedOn: item.confirmedAt ? localDate(item.confirmedAt) : null,
        result: item.result,
        percent: item.resultPercent ?? item.percent,
      };
    }),
  );
  return { fileName: `chi-tieu-cam-ket-${year}.xlsx`, content: await renderCommitmentsXlsx({ year, unitName: unit!.name, lines }) };
}

/**
 * Nhập chỉ tiêu từ Excel — the export's layout read back: every row becomes a new unconfirmed
 * commitment (actual values kept), or, with any bad row, nothing is written and every bad row is
 * named. A dry run shows what would be imported.
 */
export async function importCommitments(ctx: AppContext, actor: Actor, unitId: string, body: CommitmentImportBody): Promise<CommitmentImportResponse> {
  return writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, unitId);
    authorizeUnit(actor, 'commitment.manage', unit);
    assertYear(body.year);
    const [members, units] = await Promise.all([repo.activeMembersUnder(trx, unit!.path), repo.committingUnitsUnder(trx, unit!.path)]);
    const result = await parseCommitmentsXlsx(Buffer.from(body.contentBase64, 'base64'), {
      members: members.map((m) => ({ memberId: m.id, fullName: m.full_name, cardNumber: m.card_number })),
      units: units.map((u) => ({ id: u.id, name: u.name })),
      ownUnitId: units.some((u) => u.id === unit!.id) ? unit!.id : null,
    });
    if (result.problems.length > 0) {
      throw new AppError(
        400,
        'commitment_import_invalid',
        { count: result.problems.length },
        result.problems.slice(0, 200).map((p) => ({
          field: `rows.${p.row}`,
          // `as const` keeps the key's type, so a problem code without a message fails to compile.
          messageKey: `commitment_import.${p.code}` as const,
          params: { row: p.row, value: p.value ?? '' },
        })),
      );
    }
    const memberById = new Map(members.map((m) => [m.id, m]));
    const unitById = new Map(units.map((u) => [u.id, u]));
    const entries = result.entries.map((e) => ({
      row: e.row,
      subjectKind: e.subjectKind,
      subjectName: e.memberId ? memberById.get(e.memberId)!.full_name : unitById.get(e.unitId!)!.name,
      section: e.section,
      kind: e.kind,
      title: e.title,
      targetValue: e.targetValue,
      measureUnit: e.measureUnit,
      actualValue: e.actualValue,
    }));
    if (body.dryRun) return { imported: false, rowsRead: result.rowsRead, entries };

    const positions = new Map<string, number>();
    const rows: CommitmentTable[] = [];
    for (const e of result.entries) {
      const subject = e.memberId ? { kind: 'member' as const, memberId: e.memberId } : { kind: 'unit' as const, unitId: e.unitId! };
      const key = `${e.memberId ?? e.unitId}|${e.section}`;
      const position = (positions.get(key) ?? (await repo.maxPosition(trx, subject, body.year, e.section))) + 1;
      positions.set(key, position);
      const fields = {
        unit_id: e.memberId ? memberById.get(e.memberId)!.unit_id : e.unitId!,
        subject_kind: subject.kind,
        member_id: e.memberId,
        year: body.year,
        section: e.section,
        position,
        kind: e.kind,
        title: e.title,
        target_value: e.targetValue,
        measure_unit: e.measureUnit,
        direction: e.direction,
        actual_value: e.actualValue,
        evidence: e.evidence,
      };
      rows.push(newCommitmentRow(fields, actor));
    }
    await repo.insertCommitments(trx, rows);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'commitment.import',
      recordType: 'unit',
      recordId: unit!.id,
      unitId: unit!.id,
      after: { fileName: body.fileName, year: body.year, count: rows.length, ids: rows.map((r) => r.id) },
    });
    return { imported: true, rowsRead: result.rowsRead, entries };
  });
}
