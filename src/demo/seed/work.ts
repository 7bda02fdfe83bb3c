import type { Kysely } from 'kysely';
import { insertInChunks } from './insert.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { CommitmentTable, Database, TaskCoworkerTable, TaskProgressTable, TaskTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import type { DemoMeeting, DemoTaskLife } from '../meetings.js';
import { buildDemoWork, type DemoCommitment, type DemoWork, type DemoWorkTask } from '../work.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';

/** Ids of what the demo seed has written so far, by demo key. */
export interface DemoRefs {
  unitIds: Map<string, string>;
  memberIds: Map<string, string>;
  /** The account of each demo member who has one (DemoMember key → account id). */
  accountOfMember: Map<string, string>;
}

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
  source: Pick<TaskTable, 'source_kind' | 'source_meeting_id' | 'source_directive_id'> & Partial<Pick<TaskTable, 'source_local_issue_id'>>;
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

/** The stored rows of a demo task: the task in its final state, its reports and co-workers. */
export function demoTaskRows(t: DemoTaskInput): { task: TaskTable; progress: TaskProgressTable[]; coworkers: TaskCoworkerTable[] } {
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
  const need = (map: Map<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo work: unknown ${what} ${key}`);
    return id;
  };
  const unitId = (key: string) => need(refs.unitIds, key, 'unit');
  const memberId = (key: string) => need(refs.memberIds, key, 'member');
  const accountOf = (key: string | null) => (key === null ? null : (refs.accountOfMember.get(key) ?? null));
  const communeId = unitId(demo.units.find((u) => u.parentKey === null)!.key);

  // The cells' meetings, to link tasks passed on after a meeting.
  const meetingIds = new Map<string, string>();
  for (const m of await trx.selectFrom('meetings').select(['id', 'unit_id', 'meeting_date']).where('kind', '=', 'regular').execute()) {
    meetingIds.set(`${m.unit_id}|${m.meeting_date}`, m.id);
  }

  const directiveIds = new Map<string, string>();
  const directiveRows = work.directives.map((d) => {
    const id = newId();
    directiveIds.set(d.key, id);
    const at = demoInstant(d.issuedOn, AT.directive);
    return { id, unit_id: communeId, title: d.title, body: d.body, issued_on: d.issuedOn, deadline: d.deadline, created_by_account_id: accountOf(d.issuedByKey), created_at: at, updated_at: at };
  });
  await insertInChunks(trx, 'directives', directiveRows);
  await insertInChunks(
    trx,
    'directive_targets',
    work.directives.flatMap((d) =>
      d.targets.map((t) => ({
        directive_id: directiveIds.get(d.key)!,
        unit_id: unitId(t.cellKey),
        acknowledged_at: t.acknowledgedAt,
        acknowledged_by_account_id: t.acknowledgedAt ? accountOf(t.acknowledgedByKey) : null,
        acknowledgement_note: t.note,
      })),
    ),
  );

  const tasks: TaskTable[] = [];
  const progress: TaskProgressTable[] = [];
  const coworkers: TaskCoworkerTable[] = [];
  for (const t of work.tasks) {
    const cellId = unitId(t.cellKey);
    const rows = demoTaskRows({
      id: newId(),
      unitId: cellId,
      title: t.title,
      ownerMemberId: t.ownerMemberKey ? memberId(t.ownerMemberKey) : null,
      ownerUnitId: t.ownerUnitKey ? unitId(t.ownerUnitKey) : null,
      deadline: t.deadline,
      doneOn: t.doneOn,
      life: t,
      createdAt: demoInstant(t.createdOn, AT.task),
      source: sourceOf(t, cellId, directiveIds, meetingIds),
      receivedOn: t.receivedOn,
      handedDownOn: t.handedDownOn,
      reporter: { accountId: accountOf(t.reporterKey), memberId: memberId(t.reporterKey) },
      closedByAccountId: accountOf(t.assignerKey),
      createdByAccountId: accountOf(t.assignerKey),
      coworkerIds: t.coworkerKeys.map(memberId),
    });
    tasks.push(rows.task);
    progress.push(...rows.progress);
    coworkers.push(...rows.coworkers);
  }
  await insertInChunks(trx, 'tasks', tasks, 100);
  await insertInChunks(trx, 'task_progress', progress);
  await insertInChunks(trx, 'task_coworkers', coworkers);

  const commitments = await writeDemoCommitments(trx, refs, work.commitments);

  // The audit chain: one entry per record created, as created by the system.
  await writeAuditEntries(trx, handle.dialect, [
    ...directiveRows.map((d, i) => ({
      actorAccountId: null,
      action: 'directive.create',
      recordType: 'directive',
      recordId: d.id,
      unitId: d.unit_id,
      after: { title: d.title, issuedOn: d.issued_on, deadline: d.deadline, targets: work.directives[i]!.targets.length, source: 'demo' },
    })),
    ...tasks.map(demoTaskAudit),
    ...commitments.map(commitmentAudit),
  ]);
  return {
    directives: directiveRows.length,
    tasks: tasks.length,
    commitments: commitments.length,
  };
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
  const unitId = (key: string) => {
    const id = refs.unitIds.get(key);
    if (!id) throw new Error(`demo commitments: unknown unit ${key}`);
    return id;
  };
  const memberId = (key: string) => {
    const id = refs.memberIds.get(key);
    if (!id) throw new Error(`demo commitments: unknown member ${key}`);
    return id;
  };
  const accountOf = (key: string | null) => (key === null ? null : (refs.accountOfMember.get(key) ?? null));
  const commitments = lines.map((c) => {
    const evaluatedAt = c.evaluatedOn ? demoInstant(c.evaluatedOn, AT.confirm) : null;
    const confirmedAt = c.confirmedOn ? demoInstant(c.confirmedOn, AT.confirm) : null;
    const createdAt = demoInstant(c.createdOn, AT.commitment);
    const lastProgress = c.progress.at(-1);
    const row: CommitmentTable = {
      id: newId(),
      unit_id: unitId(c.unitKey),
      subject_kind: c.subjectKind,
      member_id: c.memberKey ? memberId(c.memberKey) : null,
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
      confirmed_by_account_id: confirmedAt ? accountOf(c.confirmedByKey) : null,
      result: c.result,
      result_percent: c.resultPercent,
      evaluation_note: c.evaluationNote,
      early_evaluation_reason: c.earlyEvaluationReason,
      evaluated_at: evaluatedAt,
      evaluated_by_account_id: evaluatedAt ? accountOf(c.evaluatedByKey) : null,
      created_by_account_id: accountOf(c.createdByKey),
      created_at: createdAt,
      updated_at: evaluatedAt ?? (lastProgress ? demoInstant(lastProgress.on, AT.progress) : (confirmedAt ?? createdAt)),
    };
    return { row, source: c };
  });
  await insertInChunks(
    trx,
    'commitments',
    commitments.map((c) => c.row),
    100,
  );
  await insertInChunks(
    trx,
    'commitment_progress',
    commitments.flatMap(({ row, source }) =>
      source.progress.map((p) => ({
        id: newId(),
        commitment_id: row.id,
        unit_id: row.unit_id,
        author_account_id: accountOf(p.authorKey),
        note: p.note,
        value: p.value,
        created_at: demoInstant(p.on, AT.progress),
      })),
    ),
  );
  return commitments.map((c) => c.row);
}

function sourceOf(
  t: DemoWorkTask,
  cellId: string,
  directiveIds: Map<string, string>,
  meetingIds: Map<string, string>,
): Pick<TaskTable, 'source_kind' | 'source_meeting_id' | 'source_directive_id'> {
  if (t.source.kind === 'directive') {
    return { source_kind: 'directive', source_meeting_id: null, source_directive_id: directiveIds.get(t.source.directiveKey)! };
  }
  const meetingId = meetingIds.get(`${cellId}|${t.source.meetingDate}`);
  if (!meetingId) throw new Error(`demo work: no meeting of ${t.cellKey} on ${t.source.meetingDate}`);
  return { source_kind: 'meeting', source_meeting_id: meetingId, source_directive_id: null };
}
