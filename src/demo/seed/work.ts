import type { Kysely } from 'kysely';
import { insertInChunks } from './insert.js';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  CommitmentProgressTable,
  CommitmentTable,
  Database,
  DirectiveTable,
  DirectiveTargetTable,
  TaskCoworkerTable,
  TaskProgressTable,
  TaskTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import type { DemoMeeting, DemoTaskLife } from '../meetings.js';
import { buildDemoWork, type DemoCommitment, type DemoDirective, type DemoWork, type DemoWorkTask } from '../work.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { cellDay, cellMeetingIds, demoIds, type DemoIds, type DemoRefs } from './refs.js';

/**
 * An instant on a demo date at a fixed hour (UTC; Vietnam is 7 hours ahead, so hours 0–16 keep
 * the local date), so the history reads like 2022 and orders as it happened that day.
 */
export const demoInstant = (date: string, utcHour: number): string => `${date}T${String(utcHour).padStart(2, '0')}:00:00.000Z`;

/** Hours (UTC) used on a day: a task is given, reported on, closed. */
const AT = { directive: 2, commitment: 3, confirm: 9, task: 10, progress: 13, close: 14 } as const;


export interface DemoTaskInput {
  id: string;
  unitId: string;
  title: string;
  ownerMemberId: string | null;
  ownerUnitId: string | null;
  deadline: string;
  doneOn: string | null;
  life: DemoTaskLife;
  createdAt: string;
  source: Pick<TaskTable, 'source_kind' | 'source_meeting_id' | 'source_directive_id'> & Partial<Pick<TaskTable, 'source_local_issue_id' | 'source_inspection_id'>>;
  receivedOn: string | null;
  handedDownOn: string | null;
  /** Who wrote the progress reports. */
  reporter: { accountId: string | null; memberId: string | null };
  closedByAccountId: string | null;
  createdByAccountId: string | null;
  coworkerIds: string[];
}

/** The history entry of a demo task, so its page shows where it came from like any other task's. */
export function demoTaskAudit(t: TaskTable): AuditWrite {
  return {
    actorAccountId: null,
    action: 'task.create',
    recordType: 'task',
    recordId: t.id,
    unitId: t.unit_id,
    after: { title: t.title, ownerMemberId: t.owner_member_id, ownerUnitId: t.owner_unit_id, deadline: t.deadline, status: t.status, source: 'demo' },
  };
}

/** What a demo task is stored as: the task, its progress reports and its co-workers. */
export interface DemoTaskRows {
  task: TaskTable;
  progress: TaskProgressTable[];
  coworkers: TaskCoworkerTable[];
}

/** The stored rows of a demo task: the task in its final state, its reports and co-workers. */
export function demoTaskRows(t: DemoTaskInput): DemoTaskRows {
  const progress = t.life.progress.map((p) => ({
    id: newId(),
    task_id: t.id,
    unit_id: t.unitId,
    author_account_id: t.reporter.accountId,
    author_member_id: t.reporter.memberId,
    text: p.text,
    percent: p.percent,
    attachment_id: null,
    created_at: demoInstant(p.on, AT.progress),
  }));
  const close = t.life.close;
  const closedAt = close ? demoInstant(close.on, AT.close) : null;
  return {
    task: {
      id: t.id,
      unit_id: t.unitId,
      title: t.title,
      deliverable: t.life.deliverable,
      owner_member_id: t.ownerMemberId,
      owner_unit_id: t.ownerUnitId,
      deadline: t.deadline,
      priority: t.life.priority,
      status: close?.outcome ?? 'open',
      source_commitment_id: null,
      source_local_issue_id: null,
      source_inspection_id: null,
      ...t.source,
      received_on: t.receivedOn,
      handed_down_on: t.handedDownOn,
      progress_percent: t.life.progress.at(-1)?.percent ?? 0,
      completed_on: t.doneOn,
      closed_on: close?.on ?? null,
      close_comment: close?.comment ?? null,
      closed_by_account_id: close ? t.closedByAccountId : null,
      created_by_account_id: t.createdByAccountId,
      created_at: t.createdAt,
      updated_at: closedAt ?? progress.at(-1)?.created_at ?? t.createdAt,
    },
    progress,
    coworkers: t.coworkerIds.map((memberId) => ({ task_id: t.id, member_id: memberId, unit_id: t.unitId })),
  };
}

export interface DemoWorkCounts {
  directives: number;
  tasks: number;
  commitments: number;
}

/**
 * Writes the 2022 directives, their tasks and the hand-downs to mass organisations, and every
 * member's and cell's commitments (see ../work.ts), after the meetings.
 */
export function seedDemoWork(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  meetings: readonly DemoMeeting[],
  refs: DemoRefs,
): Promise<DemoWorkCounts> {
  return writeDemoWork(trx, handle, demo, buildDemoWork(demo, meetings), refs);
}

/**
 * Writes directives with their targets, the tasks given outside meetings (from directives,
 * handed down to mass organisations) and commitments: the 2022 story's or the present's. Rows
 * are inserted in batches; each directive, task and commitment gets its audit entry, as created
 * by the system.
 */
export async function writeDemoWork(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  work: DemoWork,
  refs: DemoRefs,
): Promise<DemoWorkCounts> {
  const ids = demoIds(refs, 'demo work');
  const communeId = ids.unitId(demo.units.find((u) => u.parentKey === null)!.key);
  // The cells' meetings, to link tasks passed on after a meeting.
  const meetingIds = await cellMeetingIds(trx, 'regular');
  const directives = await writeDirectives(trx, ids, communeId, work.directives);
  const tasks = await writeWorkTasks(trx, ids, work.tasks, { directiveIds: directives.ids, meetingIds });
  const commitments = await writeDemoCommitments(trx, refs, work.commitments);
  // The audit chain: one entry per record created, as created by the system.
  await writeAuditEntries(trx, handle.dialect, [
    ...directives.rows.map((d, i) => directiveAudit(d, work.directives[i]!.targets.length)),
    ...tasks.map(demoTaskAudit),
    ...commitments.map(commitmentAudit),
  ]);
  return { directives: directives.rows.length, tasks: tasks.length, commitments: commitments.length };
}

/** The commune's directives (chỉ thị) and the cells each is sent to; returns the rows and their ids by key. */
async function writeDirectives(
  trx: Kysely<Database>,
  ids: DemoIds,
  communeId: string,
  directives: readonly DemoDirective[],
): Promise<{ rows: DirectiveTable[]; ids: Map<string, string> }> {
  const directiveIds = new Map<string, string>();
  const rows = directives.map((d) => {
    const id = newId();
    directiveIds.set(d.key, id);
    const at = demoInstant(d.issuedOn, AT.directive);
    return { id, unit_id: communeId, title: d.title, body: d.body, issued_on: d.issuedOn, deadline: d.deadline, created_by_account_id: ids.accountOf(d.issuedByKey), created_at: at, updated_at: at };
  });
  await insertInChunks(trx, 'directives', rows);
  const targets: DirectiveTargetTable[] = directives.flatMap((d) =>
    d.targets.map((t) => ({
      directive_id: directiveIds.get(d.key)!,
      unit_id: ids.unitId(t.cellKey),
      acknowledged_at: t.acknowledgedAt,
      acknowledged_by_account_id: t.acknowledgedAt ? ids.accountOf(t.acknowledgedByKey) : null,
      acknowledgement_note: t.note,
    })),
  );
  await insertInChunks(trx, 'directive_targets', targets);
  return { rows, ids: directiveIds };
}

/** The history entry of a demo directive, as created by the system. */
function directiveAudit(d: DirectiveTable, targets: number): AuditWrite {
  return {
    actorAccountId: null,
    action: 'directive.create',
    recordType: 'directive',
    recordId: d.id,
    unitId: d.unit_id,
    after: { title: d.title, issuedOn: d.issued_on, deadline: d.deadline, targets, source: 'demo' },
  };
}

/** Where the seed finds the stored records a work task came from. */
interface WorkTaskSources {
  directiveIds: Map<string, string>;
  /** The cells' regular meetings by `cellDay`. */
  meetingIds: Map<string, string>;
}

/**
 * The tasks given outside meetings (from a directive, or handed down to a mass organisation),
 * with their reports and co-workers; returns the task rows.
 */
async function writeWorkTasks(trx: Kysely<Database>, ids: DemoIds, tasks: readonly DemoWorkTask[], sources: WorkTaskSources): Promise<TaskTable[]> {
  const rows = tasks.map((t) => {
    const cellId = ids.unitId(t.cellKey);
    return demoTaskRows({
      id: newId(),
      unitId: cellId,
      title: t.title,
      ownerMemberId: t.ownerMemberKey ? ids.memberId(t.ownerMemberKey) : null,
      ownerUnitId: t.ownerUnitKey ? ids.unitId(t.ownerUnitKey) : null,
      deadline: t.deadline,
      doneOn: t.doneOn,
      life: t,
      createdAt: demoInstant(t.createdOn, AT.task),
      source: sourceOf(t, cellId, sources),
      receivedOn: t.receivedOn,
      handedDownOn: t.handedDownOn,
      reporter: { accountId: ids.accountOf(t.reporterKey), memberId: ids.memberId(t.reporterKey) },
      closedByAccountId: ids.accountOf(t.assignerKey),
      createdByAccountId: ids.accountOf(t.assignerKey),
      coworkerIds: t.coworkerKeys.map(ids.memberId),
    });
  });
  await insertDemoTasks(trx, rows);
  return rows.map((r) => r.task);
}

/** Inserts demo tasks in batches: the tasks, then their progress reports and co-workers. */
export async function insertDemoTasks(trx: Kysely<Database>, rows: readonly DemoTaskRows[]): Promise<void> {
  await insertInChunks(trx, 'tasks', rows.map((r) => r.task), 100);
  await insertInChunks(trx, 'task_progress', rows.flatMap((r) => r.progress));
  await insertInChunks(trx, 'task_coworkers', rows.flatMap((r) => r.coworkers));
}

/** The history entry of a demo commitment line, as created by the system. */
export function commitmentAudit(row: CommitmentTable): AuditWrite {
  return {
    actorAccountId: null,
    action: 'commitment.create',
    recordType: 'commitment',
    recordId: row.id,
    unitId: row.unit_id,
    after: { subjectKind: row.subject_kind, memberId: row.member_id, year: row.year, section: row.section, title: row.title, result: row.result, source: 'demo' },
  };
}

/**
 * Writes commitment lines and their progress reports in batches (the 2022 pledges, evaluated at
 * the year-end review, or the present year's, still running); returns the stored rows.
 */
export async function writeDemoCommitments(trx: Kysely<Database>, refs: DemoRefs, lines: readonly DemoCommitment[]): Promise<CommitmentTable[]> {
  const ids = demoIds(refs, 'demo commitments');
  const rows = lines.map((c) => commitmentRow(ids, c));
  await insertInChunks(trx, 'commitments', rows, 100);
  await insertInChunks(
    trx,
    'commitment_progress',
    lines.flatMap((c, i) => commitmentProgressRows(ids, rows[i]!, c)),
  );
  return rows;
}

/** The stored row of a commitment line (cam kết), in its state as the data ends. */
function commitmentRow(ids: DemoIds, c: DemoCommitment): CommitmentTable {
  const evaluatedAt = c.evaluatedOn ? demoInstant(c.evaluatedOn, AT.confirm) : null;
  const confirmedAt = c.confirmedOn ? demoInstant(c.confirmedOn, AT.confirm) : null;
  const createdAt = demoInstant(c.createdOn, AT.commitment);
  const lastProgress = c.progress.at(-1);
  return {
    id: newId(),
    unit_id: ids.unitId(c.unitKey),
    subject_kind: c.subjectKind,
    member_id: c.memberKey ? ids.memberId(c.memberKey) : null,
    year: c.year,
    section: c.section,
    position: c.position,
    kind: c.kind,
    title: c.title,
    target_value: c.targetValue,
    measure_unit: c.measureUnit,
    direction: c.direction,
    actual_value: c.actualValue,
    evidence: c.evidence,
    confirmed_at: confirmedAt,
    confirmed_by_account_id: confirmedAt ? ids.accountOf(c.confirmedByKey) : null,
    result: c.result,
    result_percent: c.resultPercent,
    evaluation_note: c.evaluationNote,
    early_evaluation_reason: c.earlyEvaluationReason,
    evaluated_at: evaluatedAt,
    evaluated_by_account_id: evaluatedAt ? ids.accountOf(c.evaluatedByKey) : null,
    created_by_account_id: ids.accountOf(c.createdByKey),
    created_at: createdAt,
    updated_at: evaluatedAt ?? (lastProgress ? demoInstant(lastProgress.on, AT.progress) : (confirmedAt ?? createdAt)),
  };
}

/** The progress reports of a commitment line, under its stored row. */
function commitmentProgressRows(ids: DemoIds, row: CommitmentTable, c: DemoCommitment): CommitmentProgressTable[] {
  return c.progress.map((p) => ({
    id: newId(),
    commitment_id: row.id,
    unit_id: row.unit_id,
    author_account_id: ids.accountOf(p.authorKey),
    note: p.note,
    value: p.value,
    created_at: demoInstant(p.on, AT.progress),
  }));
}

/** A work task's source: its directive, or the regular meeting after which the cell passed it on. */
function sourceOf(t: DemoWorkTask, cellId: string, sources: WorkTaskSources): Pick<TaskTable, 'source_kind' | 'source_meeting_id' | 'source_directive_id'> {
  if (t.source.kind === 'directive') {
    return { source_kind: 'directive', source_meeting_id: null, source_directive_id: sources.directiveIds.get(t.source.directiveKey)! };
  }
  const meetingId = sources.meetingIds.get(cellDay(cellId, t.source.meetingDate));
  if (!meetingId) throw new Error(`demo work: no meeting of ${t.cellKey} on ${t.source.meetingDate}`);
  return { source_kind: 'meeting', source_meeting_id: meetingId, source_directive_id: null };
}
