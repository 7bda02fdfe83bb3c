import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError, fieldErrors, notFound, type FieldProblem } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { can, isWithin, scopePaths, type Actor } from '../../domain/policy.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { addDays, allowedOutcomes, averageDelay, displayDate, handDownDelayDays, isOverdue, taskCountsOf, type TaskBucket } from '../../domain/tasks.js';
import { sumCommitmentFigures } from '../../domain/commitments.js';
import type { Database, TaskTable, UnitTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import type { TaskOutcome, TaskSource, UnitKind } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { activeCellsIn, findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { commitmentCountsByUnit } from '../commitments/lookup.js';
import { issueAccessOf, mayRespondToIssue } from '../../domain/local-issues.js';
import * as repo from './repo.js';
import type { TaskWithDetail } from './repo.js';
import { presentTask } from './present.js';
import { authorizeTaskClose, authorizeTaskRead, authorizeTaskReport, taskActionsFor, type TaskAccess } from './policy.js';
import {
  MAX_ATTACHMENT_BYTES,
  type CloseBody,
  type CommitmentCounts,
  type CreateTaskBody,
  type TaskSummary,
  type ProgressBody,
  type TaskBoard,
  type TaskDetail,
  type TaskFields,
  type TaskListQuery,
  type TaskListResponse,
  type TaskOptions,
} from './schemas.js';

type Db = Kysely<Database>;

/** Today's local date in Vietnam. */

// --- creating -----------------------------------------------------------------------------------

/** Where a new task comes from, as the creating workflow resolved it. */
export interface NewTaskSource {
  kind: TaskSource;
  meetingId?: string;
  /** A meeting's task may not fall due before the meeting (it may be recorded later). */
  meetingDate?: string;
  directiveId?: string;
  /** The default "received" date of a directive's task handed down to a mass organisation. */
  directiveIssuedOn?: string;
  commitmentId?: string;
  localIssueId?: string;
  inspectionId?: string;
}

export interface NewTask {
  row: TaskTable;
  coworkerMemberIds: string[];
}

/** What the audit log keeps of a new task. */
export function taskSnapshot({ row, coworkerMemberIds }: NewTask) {
  return {
    unitId: row.unit_id,
    title: row.title,
    deliverable: row.deliverable,
    ownerMemberId: row.owner_member_id,
    ownerUnitId: row.owner_unit_id,
    coworkerMemberIds,
    deadline: row.deadline,
    priority: row.priority,
    sourceKind: row.source_kind,
    sourceMeetingId: row.source_meeting_id,
    sourceDirectiveId: row.source_directive_id,
    sourceCommitmentId: row.source_commitment_id,
    ...(row.source_local_issue_id ? { sourceLocalIssueId: row.source_local_issue_id } : {}),
    ...(row.source_inspection_id ? { sourceInspectionId: row.source_inspection_id } : {}),
    receivedOn: row.received_on,
    handedDownOn: row.handed_down_on,
  };
}

/**
 * The one way a task comes into being (from the task form, a meeting's outcome, the demo seed):
 * checks "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian" and every reference, then inserts the
 * task and its co-workers in the caller's transaction. Every problem is reported at once, each
 * field named with `fieldPrefix` ("task." inside a meeting outcome). The caller writes the audit.
 * `today` lets the seed record tasks given on past days.
 */
export async function insertNewTask(
  trx: Db,
  actor: Pick<Actor, 'accountId'> | null,
  unit: Pick<UnitTable, 'id' | 'path' | 'kind'>,
  fields: TaskFields,
  source: NewTaskSource,
  options: { fieldPrefix?: string; today?: string } = {},
): Promise<NewTask> {
  const prefix = options.fieldPrefix ?? '';
  const today = options.today ?? todayInVietnam();
  const problems: FieldProblem[] = [];
  const say = (field: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
    problems.push({ field: `${prefix}${field}`, messageKey, ...(params ? { params } : {}) });

  const title = fields.title ?? '';
  const deliverable = fields.deliverable ?? '';
  const ownerMemberId = fields.ownerMemberId ?? null;
  const ownerUnitId = fields.ownerUnitId ?? null;
  const deadline = fields.deadline ?? null;
  // Say everything that is missing, in the order of the rule's four words.
  if (!ownerMemberId && !ownerUnitId) say('ownerMemberId', 'task_missing_owner');
  if (!title) say('title', 'task_missing_title');
  if (!deliverable) say('deliverable', 'task_missing_deliverable');
  if (!deadline) say('deadline', 'task_missing_deadline');
  if (ownerMemberId && ownerUnitId) say('ownerUnitId', 'task_owner_both');

  // Owner and co-workers: active members of a cell in the assigning unit's subtree.
  const coworkerIds = fields.coworkerMemberIds;
  const people = new Map((await repo.membersWithUnits(trx, [...new Set([...(ownerMemberId ? [ownerMemberId] : []), ...coworkerIds])])).map((m) => [m.id, m]));
  const inScope = (memberId: string) => {
    const m = people.get(memberId);
    return m !== undefined && m.archived_at === null && m.unit_kind === 'cell' && isWithin(m.unit_path, unit.path);
  };
  if (ownerMemberId && !inScope(ownerMemberId)) say('ownerMemberId', unit.kind === 'cell' ? 'owner_not_in_cell' : 'task_owner_out_of_scope');
  const seen = new Set<string>();
  coworkerIds.forEach((memberId, i) => {
    if (memberId === ownerMemberId) say(`coworkerMemberIds.${i}`, 'task_coworker_is_owner');
    else if (seen.has(memberId)) say(`coworkerMemberIds.${i}`, 'duplicate_entry');
    else if (!inScope(memberId)) say(`coworkerMemberIds.${i}`, 'task_coworker_out_of_scope');
    seen.add(memberId);
  });

  // An owning unit: a mass organisation or a cell strictly below the assigning unit.
  const ownerUnit = ownerUnitId ? await findUnit(trx, ownerUnitId) : undefined;
  const ownerUnitValid =
    ownerUnit !== undefined &&
    ownerUnit.archived_at === null &&
    (ownerUnit.kind === 'mass_org' || ownerUnit.kind === 'cell') &&
    ownerUnit.id !== unit.id &&
    isWithin(ownerUnit.path, unit.path);
  if (ownerUnitId && !ownerUnitValid) say('ownerUnitId', 'task_owner_unit_invalid');

  // Rõ thời gian: not before the day it is given (a meeting's task: not before the meeting).
  if (deadline) {
    if (source.kind === 'meeting') {
      if (deadline < source.meetingDate!) say('deadline', 'deadline_before_meeting');
    } else if (deadline < today) {
      say('deadline', 'task_deadline_past', { date: displayDate(today) });
    }
  }

  // Hand-down to a mass organisation: when the cell received the job and when it passed it on.
  let receivedOn: string | null = null;
  let handedDownOn: string | null = null;
  if (ownerUnitValid && ownerUnit.kind === 'mass_org' && !ownerMemberId) {
    receivedOn = fields.receivedOn ?? (source.kind === 'directive' ? (source.directiveIssuedOn ?? null) : null);
    handedDownOn = fields.handedDownOn ?? today;
    if (!receivedOn) say('receivedOn', 'task_received_required');
    else if (handedDownOn < receivedOn) say('handedDownOn', 'task_handed_down_before_received', { date: displayDate(receivedOn) });
    if (handedDownOn > today) say('handedDownOn', 'task_handed_down_future', { date: displayDate(today) });
  } else if (!ownerUnitId || ownerUnitValid) {
    if (fields.receivedOn) say('receivedOn', 'task_hand_down_only_mass_org');
    if (fields.handedDownOn) say('handedDownOn', 'task_hand_down_only_mass_org');
  }

  if (problems.length > 0) throw fieldErrors(problems);

  const now = nowIso();
  const row: TaskTable = {
    id: newId(),
    unit_id: unit.id,
    title,
    deliverable,
    owner_member_id: ownerMemberId,
    owner_unit_id: ownerUnitId,
    deadline: deadline!,
    priority: fields.priority,
    status: 'open',
    source_kind: source.kind,
    source_meeting_id: source.meetingId ?? null,
    source_directive_id: source.directiveId ?? null,
    source_commitment_id: source.commitmentId ?? null,
    source_local_issue_id: source.localIssueId ?? null,
    source_inspection_id: source.inspectionId ?? null,
    received_on: receivedOn,
    handed_down_on: handedDownOn,
    progress_percent: 0,
    completed_on: null,
    closed_on: null,
    close_comment: null,
    closed_by_account_id: null,
    created_by_account_id: actor?.accountId ?? null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTask(trx, row);
  await repo.insertCoworkers(trx, coworkerIds.map((memberId) => ({ task_id: row.id, member_id: memberId, unit_id: unit.id })));
  return { row, coworkerMemberIds: [...coworkerIds] };
}

/** The source named in the request, checked against the assigning unit. */
async function resolveSource(trx: Db, actor: Actor, unit: UnitTable, source: CreateTaskBody['source']): Promise<NewTaskSource & { memberId?: string | null }> {
  if (!source) return { kind: 'standalone' };
  switch (source.kind) {
    case 'meeting': {
      // A meeting of this very unit that the caller can see; any other answers the same.
      const meeting = await repo.sourceMeeting(trx, source.meetingId);
      if (!meeting || meeting.unit_id !== unit.id || !can(actor, 'meeting.read', { unitPath: meeting.unit_path })) {
        throw fieldError('source.meetingId', 'task_source_meeting_invalid');
      }
      return { kind: 'meeting', meetingId: meeting.id, meetingDate: meeting.meeting_date };
    }
    case 'directive': {
      const directive = await repo.directiveSentTo(trx, source.directiveId, unit.id);
      if (!directive) throw fieldError('source.directiveId', 'task_source_directive_invalid');
      return { kind: 'directive', directiveId: directive.id, directiveIssuedOn: directive.issued_on };
    }
    case 'commitment': {
      const commitment = await repo.findCommitmentWithUnit(trx, source.commitmentId);
      if (!commitment || !isWithin(commitment.unit_path, unit.path)) throw fieldError('source.commitmentId', 'task_source_commitment_invalid');
      return { kind: 'commitment', commitmentId: commitment.id, memberId: commitment.member_id };
    }
    case 'local_issue': {
      // An action on an issue: assigned by the committee keeping the list or by the responsible
      // unit, while the issue is still open; any other answers like a missing issue.
      const issue = await repo.sourceLocalIssue(trx, source.localIssueId);
      const access = issue ? issueAccessOf(issue) : undefined;
      const assignerFits = issue !== undefined && (unit.id === issue.unit_id || (issue.responsible_path !== null && isWithin(unit.path, issue.responsible_path)));
      if (!issue || !access || !mayRespondToIssue(actor, access) || !assignerFits) throw fieldError('source.localIssueId', 'task_source_local_issue_invalid');
      if (issue.status !== 'new' && issue.status !== 'in_progress') throw fieldError('source.localIssueId', 'task_source_local_issue_closed');
      return { kind: 'local_issue', localIssueId: issue.id };
    }
  }
}

export async function createTask(ctx: AppContext, actor: Actor, body: CreateTaskBody): Promise<TaskDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'task.assign', unit, 'unitId');
    if (unit!.archived_at || unit!.kind === 'mass_org') throw fieldError('unitId', 'task_unit_kind');
    const { unitId: _unitId, source: named, ...fields } = body;
    const { memberId: committed, ...source } = await resolveSource(trx, actor, unit!, named);
    // A member's commitment is naturally theirs to carry out, unless someone else is named.
    if (committed && !fields.ownerMemberId && !fields.ownerUnitId) fields.ownerMemberId = committed;
    const task = await insertNewTask(trx, actor, unit!, fields, source);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'task.create',
      recordType: 'task',
      recordId: task.row.id,
      unitId: unit!.id,
      after: taskSnapshot(task),
    });
    return task.row.id;
  });
  return taskDetail(ctx, actor, id);
}

// --- reading --------------------------------------------------------------------------------------

function accessOf(task: TaskWithDetail, coworkers: readonly { member_id: string }[]): TaskAccess {
  return {
    unitPath: task.unit_path,
    ownerMemberId: task.owner_member_id,
    ownerUnitPath: task.owner_unit_path,
    coworkerIds: coworkers.map((c) => c.member_id),
    status: task.status,
  };
}

/** A task with its co-workers, or the 403/404 the caller may not see past. */
async function loadTask(db: Db, actor: Actor, id: string, check: (actor: Actor, task: TaskAccess | undefined) => void = authorizeTaskRead) {
  const [task, coworkers] = await Promise.all([repo.findTask(db, id), repo.coworkersOf(db, id)]);
  const access = task ? accessOf(task, coworkers) : undefined;
  check(actor, access);
  return { task: task!, coworkers, access: access! };
}

export async function taskDetail(ctx: AppContext, actor: Actor, id: string): Promise<TaskDetail> {
  const { db } = ctx.handle;
  const { task, coworkers, access } = await loadTask(db, actor, id);
  const progress = await repo.progressOf(db, id);
  return {
    ...presentTask(task, todayInVietnam()),
    coworkers: coworkers.map((c) => ({ memberId: c.member_id, fullName: c.full_name })),
    receivedOn: task.received_on,
    handedDownOn: task.handed_down_on,
    ownerContact: task.owner_unit_id ? { name: task.owner_contact_name, phone: task.owner_contact_phone } : null,
    sourceDirectiveTitle: task.source_directive_title,
    sourceCommitmentTitle: task.source_commitment_title,
    closeComment: task.close_comment,
    closedByName: task.closed_by_name,
    createdByName: task.created_by_name,
    createdAt: task.created_at,
    progress: progress.map((p) => ({
      id: p.id,
      text: p.text,
      percent: Number(p.percent),
      authorName: p.author_member_name ?? p.author_account_name ?? '',
      createdAt: p.created_at,
      attachment: p.attachment_id
        ? { id: p.attachment_id, fileName: p.file_name!, mimeType: p.mime_type!, sizeBytes: Number(p.size_bytes) }
        : null,
    })),
    allowedOutcomes: allowedOutcomes(task.deadline, task.completed_on),
    actions: taskActionsFor(actor, access),
  };
}

// --- progress -------------------------------------------------------------------------------------

/** Types browsers and phones send without saying so, by file extension. */
const mimeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
};

/** The uploaded file checked and described: ≤ 10 MB, a plain name, a well-formed type. */
export function decodeAttachment(file: NonNullable<ProgressBody['attachment']>) {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length === 0) throw fieldError('attachment', 'task_attachment_empty');
  if (content.length > MAX_ATTACHMENT_BYTES) throw fieldError('attachment', 'task_attachment_too_large', { max: MAX_ATTACHMENT_BYTES / (1024 * 1024) });
  // A phone may send a whole path; keep the last part, without control characters.
  const fileName = (file.fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'tep-dinh-kem';
  let mimeType: string;
  if (file.mimeType) {
    if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i.test(file.mimeType)) throw fieldError('attachment.mimeType', 'task_attachment_mime');
    mimeType = file.mimeType.toLowerCase();
  } else {
    const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
    mimeType = mimeByExtension[extension] ?? 'application/octet-stream';
  }
  return { content, fileName, mimeType, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/**
 * A progress report (text, percent, optional file). 100% records the day the work was finished
 * (kept if already known); dropping below 100 clears it.
 */
export async function reportProgress(ctx: AppContext, actor: Actor, id: string, body: ProgressBody): Promise<TaskDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { task } = await loadTask(trx, actor, id, authorizeTaskReport);
    if (task.status !== 'open') throw new AppError(409, 'task_closed');
    const file = body.attachment ? decodeAttachment(body.attachment) : null;
    const attachment = file ? await storeAttachment(trx, task.unit_id, file, actor.accountId) : null;
    await writeProgress(trx, ctx.handle.dialect, actor, task, { text: body.text, percent: body.percent, attachment });
  });
  return taskDetail(ctx, actor, id);
}

type DecodedFile = ReturnType<typeof decodeAttachment>;
/** The file's description and fingerprint, as the audit log keeps it (never its bytes). */
type StoredFile = { id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string };

/** Stores a file sent with a report, in the caller's transaction (the task feature keeps every report's files). */
export async function storeAttachment(trx: Db, unitId: string, file: DecodedFile, accountId: string | null): Promise<StoredFile> {
  const id = newId();
  await repo.insertAttachment(trx, {
    id,
    unit_id: unitId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    size_bytes: file.sizeBytes,
    sha256: file.sha256,
    content: file.content,
    created_by_account_id: accountId,
    created_at: nowIso(),
  });
  return { id, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}

/**
 * A progress entry and its audit, in the caller's transaction: the task page's report, and an
 * inspection's follow-up (the subject reporting a recommendation done, the UBKT returning it).
 */
export async function writeProgress(
  trx: Db,
  dialect: DialectHelpers,
  actor: Pick<Actor, 'accountId' | 'memberId'>,
  task: Pick<TaskTable, 'id' | 'unit_id' | 'progress_percent' | 'completed_on'>,
  report: { text: string; percent: number; attachment: StoredFile | null; completedOn?: string },
): Promise<void> {
  const now = nowIso();
  await repo.insertProgress(trx, {
    id: newId(),
    task_id: task.id,
    unit_id: task.unit_id,
    author_account_id: actor.accountId,
    author_member_id: actor.memberId,
    text: report.text,
    percent: report.percent,
    attachment_id: report.attachment?.id ?? null,
    created_at: now,
  });
  const completedOn = report.percent === 100 ? (task.completed_on ?? report.completedOn ?? todayInVietnam()) : null;
  await repo.updateTask(trx, task.id, { progress_percent: report.percent, completed_on: completedOn, updated_at: now });
  await writeAudit(trx, dialect, {
    actorAccountId: actor.accountId,
    action: 'task.progress',
    recordType: 'task',
    recordId: task.id,
    unitId: task.unit_id,
    before: { progressPercent: Number(task.progress_percent), completedOn: task.completed_on },
    after: { progressPercent: report.percent, completedOn, text: report.text, attachment: report.attachment },
  });
}

/** A file of one of the task's reports, for anyone who may read the task. */
export async function taskAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
  const { db } = ctx.handle;
  await loadTask(db, actor, id);
  const file = await repo.findTaskAttachment(db, id, attachmentId);
  if (!file) throw notFound();
  return { fileName: file.file_name, mimeType: file.mime_type, content: Buffer.from(file.content) };
}

// --- closing --------------------------------------------------------------------------------------

/** Why the dates do not allow an outcome, in the words the close form shows. */
function outcomeRefusal(deadline: string, completedOn: string | null): MessageKey {
  if (completedOn === null) return 'task_outcome_needs_completion';
  return completedOn > deadline ? 'task_outcome_late' : 'task_outcome_not_late';
}

/** The assigner closes the task with an outcome the dates allow, and a comment. */
export async function closeTask(ctx: AppContext, actor: Actor, id: string, body: CloseBody): Promise<TaskDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { task } = await loadTask(trx, actor, id, authorizeTaskClose);
    if (task.status !== 'open') throw new AppError(409, 'task_closed');
    const today = todayInVietnam();
    const completedOn = body.completedOn === undefined ? task.completed_on : body.completedOn;
    if (completedOn && completedOn > today) throw fieldError('completedOn', 'task_completed_future', { date: displayDate(today) });
    if (!allowedOutcomes(task.deadline, completedOn).includes(body.outcome)) {
      throw fieldError('outcome', outcomeRefusal(task.deadline, completedOn), {
        completedOn: completedOn ? displayDate(completedOn) : '',
        deadline: displayDate(task.deadline),
      });
    }
    await writeClose(trx, ctx.handle.dialect, actor.accountId, task, { outcome: body.outcome, completedOn, closedOn: today, comment: body.comment });
  });
  return taskDetail(ctx, actor, id);
}

/** Closes a task with its outcome and audit, in the caller's transaction (the close form; an inspection verifying its recommendation done). */
export async function writeClose(
  trx: Db,
  dialect: DialectHelpers,
  accountId: string | null,
  task: Pick<TaskTable, 'id' | 'unit_id' | 'status' | 'completed_on'>,
  close: { outcome: TaskOutcome; completedOn: string | null; closedOn: string; comment: string },
): Promise<void> {
  await repo.updateTask(trx, task.id, {
    status: close.outcome,
    completed_on: close.completedOn,
    closed_on: close.closedOn,
    close_comment: close.comment,
    closed_by_account_id: accountId,
    updated_at: nowIso(),
  });
  await writeAudit(trx, dialect, {
    actorAccountId: accountId,
    action: 'task.close',
    recordType: 'task',
    recordId: task.id,
    unitId: task.unit_id,
    before: { status: task.status, completedOn: task.completed_on },
    after: { status: close.outcome, completedOn: close.completedOn, closedOn: close.closedOn, comment: close.comment },
  });
}

// --- lists and views ------------------------------------------------------------------------------

export async function listTasks(ctx: AppContext, actor: Actor, unitId: string, query: TaskListQuery): Promise<TaskListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'task.read', unit);
  const today = todayInVietnam();
  const { total, rows } = await repo.listTasks(db, { unitPath: unit!.path, today, ...query });
  return { items: rows.map((r) => presentTask(r, today)), total, page: query.page, pageSize: query.pageSize };
}

export async function taskOptions(ctx: AppContext, actor: Actor, unitId: string): Promise<TaskOptions> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'task.assign', unit);
  const [members, units, directives, meetings] = await Promise.all([
    repo.membersUnder(db, unit!.path),
    repo.ownerUnitsUnder(db, unit!),
    repo.directivesSentTo(db, unit!.id),
    repo.recentMeetings(db, unit!.id),
  ]);
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    unitKind: unit!.kind as UnitKind,
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, unitName: m.unit_name })),
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitKind, contactName: u.contact_name })),
    directives: directives.map((d) => ({ id: d.id, title: d.title, issuedOn: d.issued_on, deadline: d.deadline })),
    meetings: meetings.map((m) => ({ id: m.id, date: m.meeting_date, kind: m.kind, topic: m.topic })),
  };
}

/** Groups rows by a key, keeping first-seen order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function handDownFigures(rows: readonly { receivedOn: string | null; handedDownOn: string | null }[]) {
  return { handDowns: rows.length, averageHandDownDelay: averageDelay(rows.map((r) => handDownDelayDays(r.receivedOn, r.handedDownOn))) };
}

/**
 * Bảng công việc of a year: a cell's (its owners) or a committee's (one row per cell, plus any
 * other unit below that assigns tasks of its own): counts, hand-down delay, commitments, the
 * months and the oldest overdue tasks. Counted in SQL; nothing loads the year's tasks.
 */
export async function taskBoard(ctx: AppContext, actor: Actor, unitId: string, query: { year?: number | undefined }): Promise<TaskBoard> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'work.report', unit);
  const today = todayInVietnam();
  const year = query.year ?? Number(today.slice(0, 4));
  const q = { unitPath: unit!.path, year, today };
  const isCell = unit!.kind === 'cell';
  const [byUnit, byMonth, byOwner, handDowns, overdue, overdueEarlier, cells, commitments] = await Promise.all([
    repo.boardBuckets(db, { ...q, by: 'unit' }),
    repo.boardBuckets(db, { ...q, by: 'month' }),
    isCell ? repo.boardBuckets(db, { ...q, by: 'owner' }) : Promise.resolve([]),
    repo.handDowns(db, q),
    repo.overdueTasks(db, { ...q, limit: 50 }),
    repo.countOverdueBefore(db, q),
    isCell ? Promise.resolve([{ id: unit!.id, name: unit!.name }]) : activeCellsIn(db, unit!.path),
    commitmentCountsByUnit(db, unit!.path, year),
  ]);

  const commitmentsOf = (id: string) => commitments.get(id) ?? sumCommitmentFigures([]);
  const unitBuckets = groupBy(byUnit, (b) => b.key);
  const unitHandDowns = groupBy(handDowns, (h) => h.unitId);
  const row = (id: string, name: string, buckets: readonly TaskBucket[], downs: readonly { receivedOn: string | null; handedDownOn: string | null }[], counts: CommitmentCounts) => ({
    unitId: id,
    unitName: name,
    ...taskCountsOf(buckets),
    ...handDownFigures(downs),
    commitments: counts,
  });
  let rows: TaskBoard['cells'];
  if (isCell) {
    // A cell's board is all its work, whoever assigned it.
    rows = [row(unit!.id, unit!.name, byUnit, handDowns, sumCommitmentFigures([...commitments.values()]))];
  } else {
    const cellIds = new Set(cells.map((c) => c.id));
    const others = [...new Set([...unitBuckets.keys(), ...unitHandDowns.keys()])].filter((id) => !cellIds.has(id));
    const names = new Map((await unitsByIds(db, others)).map((u) => [u.id, u]));
    // The committee's own tasks first (then any other level below it), then its cells by name.
    const ordered = others.sort((a, b) => (names.get(a)?.depth ?? 0) - (names.get(b)?.depth ?? 0) || (names.get(a)?.name ?? '').localeCompare(names.get(b)?.name ?? '', 'vi'));
    rows = [...ordered.map((id) => ({ id, name: names.get(id)?.name ?? '' })), ...cells].map((c) =>
      row(c.id, c.name, unitBuckets.get(c.id) ?? [], unitHandDowns.get(c.id) ?? [], commitmentsOf(c.id)),
    );
  }

  const months = groupBy(byMonth, (b) => b.key);
  const owners = [...groupBy(byOwner, (b) => b.key).entries()]
    .map(([ownerId, buckets]) => ({
      ownerKind: buckets[0]!.ownerKind,
      ownerId,
      ownerName: buckets[0]!.ownerName,
      sort: buckets[0]!.ownerSort,
      ...taskCountsOf(buckets),
    }))
    // Members in Vietnamese name order, then the units tasks were handed to.
    .sort((a, b) => {
      if (a.ownerKind !== b.ownerKind) return a.ownerKind === 'member' ? -1 : 1;
      // Sort keys compare byte-wise, as the database orders them.
      if (a.sort !== null && b.sort !== null) return a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0;
      return a.ownerName.localeCompare(b.ownerName, 'vi');
    })
    .map(({ sort: _sort, ...owner }) => owner);

  return {
    unitId: unit!.id,
    unitName: unit!.name,
    unitKind: unit!.kind as UnitKind,
    year,
    today,
    totals: { ...taskCountsOf(byUnit), ...handDownFigures(handDowns) },
    commitments: sumCommitmentFigures([...commitments.values()]),
    months: Array.from({ length: 12 }, (_, i) => {
      const buckets = months.get(String(i + 1).padStart(2, '0')) ?? [];
      const sum = (...statuses: string[]) => buckets.filter((b) => statuses.includes(b.status)).reduce((n, b) => n + b.n, 0);
      return { month: i + 1, due: sum('open', 'on_time', 'exceeded', 'late', 'not_done'), onTime: sum('on_time', 'exceeded'), late: sum('late'), notDone: sum('not_done') };
    }),
    cells: rows,
    owners,
    overdueTasks: overdue.map((t) => presentTask(t, today)),
    overdueFromEarlierYears: overdueEarlier,
  };
}

/** The tasks part of "Việc của tôi": the member's own and shared tasks by when they are due, and what the caller assigned that is overdue. */
export interface MyTasks {
  overdue: TaskSummary[];
  dueSoon: TaskSummary[];
  later: TaskSummary[];
  recentlyClosed: TaskSummary[];
  assignedOverdue: TaskSummary[];
  assignedOverdueTotal: number;
}

/**
 * The signed-in caller's tasks for "Việc của tôi" (an account without a member record has no
 * tasks of its own, not an error): open ones by deadline against `today`, closed in the last 60
 * days, and tasks they assigned that are overdue.
 */
export async function myTasks(db: Kysely<Database>, actor: Actor, today: string): Promise<MyTasks> {
  const memberId = actor.memberId;
  const assigner = { paths: scopePaths(actor, 'task.assign'), accountId: actor.accountId, today };
  const [open, closed, assigned, assignedTotal] = await Promise.all([
    memberId ? repo.memberOpenTasks(db, memberId) : Promise.resolve([] as repo.TaskRow[]),
    memberId ? repo.memberClosedTasks(db, memberId, addDays(today, -60), 10) : Promise.resolve([] as repo.TaskRow[]),
    repo.overdueAssignedBy(db, { ...assigner, limit: 50 }),
    repo.countOverdueAssignedBy(db, assigner),
  ]);
  const soon = addDays(today, 14);
  const present = (rows: repo.TaskRow[]) => rows.map((t) => presentTask(t, today));
  const dueBy = (test: (t: repo.TaskRow) => boolean) => present(open.filter(test));
  return {
    overdue: dueBy((t) => isOverdue(t, today)),
    dueSoon: dueBy((t) => !isOverdue(t, today) && t.deadline <= soon),
    later: dueBy((t) => t.deadline > soon),
    recentlyClosed: present(closed),
    assignedOverdue: present(assigned),
    assignedOverdueTotal: assignedTotal,
  };
}

/**
 * Deletes tasks with their progress, attachments and co-workers: the tasks of a meeting outcome
 * that is withdrawn, or of a planned meeting that is deleted. The caller audits what it removed.
 */
export async function removeTasks(db: Kysely<Database>, taskIds: string[]): Promise<void> {
  await repo.deleteTasks(db, taskIds);
}
