import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  Database,
  MeetingAgendaItemTable,
  MeetingOutcomeTable,
  MeetingParticipantTable,
  MeetingScoreTable,
  MeetingTable,
  TaskCoworkerTable,
  TaskProgressTable,
  TaskTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import { buildDemoMeetings, type DemoMeeting } from '../meetings.js';
import { derivedLateMinutes, meetingStartsAt, addRecords, emptyCounts, type AttendanceCounts } from '../../domain/attendance.js';
import { measuredPoints, scoreLevel, type RubricCriterion, type RubricLevel } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { readReferenceJson } from '../../core/paths.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { firstVersionSnapshots, loadRubric } from '../../features/meetings/service.js';
import type { Rubric } from '../../features/meetings/schemas.js';
import { demoTaskAudit, demoTaskRows } from './work.js';
import type { DemoRefs } from './refs.js';
import { insertInChunks } from './insert.js';

interface RubricFile {
  about: string;
  name: string;
  source: string;
  verified: boolean;
  kind: 'regular' | 'thematic';
  criteria: RubricCriterion[];
  levels: RubricLevel[];
}

/** Loads the sample meeting rubric (reference/meeting-rubric-sample.json) for a committee. */
export async function seedSampleRubric(trx: Kysely<Database>, handle: Pick<DatabaseHandle, 'dialect'>, unitId: string): Promise<Rubric> {
  const file = readReferenceJson<RubricFile>('meeting-rubric-sample.json');
  return loadRubric(trx, handle.dialect, null, {
    unitId,
    kind: file.kind,
    name: file.name,
    source: file.source,
    verified: file.verified,
    criteria: file.criteria,
    levels: file.levels,
  });
}

/** The stored attendance tally of a meeting (its `att_*` columns) from its counts. */
function tallyColumns(c: AttendanceCounts) {
  return {
    att_expected: c.expected,
    att_present: c.present,
    att_on_time: c.onTime,
    att_late: c.late,
    att_excused: c.excused,
    att_absent: c.absent,
    att_exempt: c.exempt,
    att_pending: c.pending,
    att_late_minutes: c.lateMinutesTotal,
  };
}

/**
 * Writes demo meetings: the 2022 year (every meeting approved, version 1, scored on the sample
 * rubric, its tasks in their state at the end of 2022 — progress reports, co-workers, graded
 * close — as the story says), or the present's (approved up to last month, the next one planned:
 * attendance pending, no minutes, no score). Rows go in batches through the demo's own inserts;
 * the approved minutes' locked copy is read back with the meetings service, as an approval
 * writes it. One audit entry per meeting and per task.
 */
export async function seedDemoMeetings(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  refs: DemoRefs & { rubric: Rubric },
  built: readonly DemoMeeting[] = buildDemoMeetings(demo),
): Promise<number> {
  // Each cell's meetings in date order, so carried-over tasks are worked out as time went.
  const meetings = [...built].sort((a, b) => (a.cellKey === b.cellKey ? a.date.localeCompare(b.date) : a.cellKey.localeCompare(b.cellKey)));
  const accountOf = (key: string) => refs.accountOfMember.get(key) ?? null;
  const memberId = (key: string) => {
    const id = refs.memberIds.get(key);
    if (!id) throw new Error(`demo meetings: unknown member ${key}`);
    return id;
  };
  const rows = {
    meetings: [] as MeetingTable[],
    participants: [] as MeetingParticipantTable[],
    agenda: [] as MeetingAgendaItemTable[],
    outcomes: [] as MeetingOutcomeTable[],
    reviewed: [] as { meeting_id: string; task_id: string; unit_id: string }[],
    scores: [] as MeetingScoreTable[],
    tasks: [] as TaskTable[],
    progress: [] as TaskProgressTable[],
    coworkers: [] as TaskCoworkerTable[],
  };
  const audit: AuditWrite[] = [];
  const approved: { id: string; unitId: string; at: string }[] = [];
  /** Tasks decided so far per cell, to list those still open on each next meeting's agenda. */
  const decided = new Map<string, { id: string; doneOn: string | null }[]>();
  for (const m of meetings) {
    const unitId = refs.unitIds.get(m.cellKey)!;
    const id = newId();
    const planned = m.planned === true;
    const startsAt = meetingStartsAt(m.date, m.startTime);
    // Demo rows carry the meeting's own day as their time (a planned one: the day it was called).
    const at = `${planned ? (m.calledOn ?? m.date) : m.date}T${planned ? '02' : '15'}:00:00.000Z`;
    const participants = m.attendance.map((a) => ({
      id: newId(),
      meeting_id: id,
      unit_id: unitId,
      member_id: memberId(a.memberKey),
      role: a.role,
      status: a.status,
      arrived_at: a.arrivedAt,
      late_minutes: a.status === 'pending' ? null : derivedLateMinutes({ status: a.status, arrivedAt: a.arrivedAt }, { startsAt, graceMinutes: 0 }),
      reason: a.reason,
      reported: a.reported,
      updated_at: at,
    }));
    let counts = emptyCounts();
    for (const p of participants) {
      if (p.role === 'member') counts = addRecords(counts, { status: p.status, late: (p.late_minutes ?? 0) > 0, lateMinutesTotal: p.late_minutes ?? 0 });
    }
    const tasks = m.agenda.flatMap((a) => a.outcomes.filter((o) => o.task));
    const facts = { attendance: counts, tasks: tasks.length, tasksNamed: tasks.length };
    const scores = planned
      ? []
      : refs.rubric.criteria.map((c) => ({
          meeting_id: id,
          criterion_code: c.code,
          unit_id: unitId,
          points: measuredPoints(c, facts) ?? Math.min(m.chairScores[c.code] ?? 0, c.points),
          note: null,
        }));
    const total = scores.reduce((s, x) => s + x.points, 0);
    rows.meetings.push({
      id,
      unit_id: unitId,
      kind: m.kind,
      topic: m.topic,
      meeting_date: m.date,
      start_time: m.startTime,
      starts_at: startsAt,
      grace_minutes: 0,
      place: m.place,
      chair_member_id: memberId(m.chairKey),
      secretary_member_id: memberId(m.secretaryKey),
      status: planned ? 'planned' : 'approved',
      rubric_id: planned ? null : refs.rubric.id,
      score_total: planned ? null : total,
      score_level: planned ? null : scoreLevel(total, refs.rubric.levels),
      minutes_version: planned ? 0 : 1,
      ...tallyColumns(counts),
      approved_at: planned ? null : at,
      approved_by_account_id: null,
      created_at: at,
      updated_at: at,
    });
    rows.participants.push(...participants);
    rows.scores.push(...scores);
    const agendaRows = m.agenda.map((item, i) => ({
      id: newId(),
      meeting_id: id,
      unit_id: unitId,
      position: i + 1,
      title: item.title,
      presenter_member_id: item.presenterKey ? memberId(item.presenterKey) : null,
      planned_minutes: item.plannedMinutes,
      minutes_text: item.minutes,
    }));
    rows.agenda.push(...agendaRows);
    // Tasks of the cell's earlier meetings still open on this day are reviewed at this one.
    const cellTasks = decided.get(unitId) ?? [];
    decided.set(unitId, cellTasks);
    if (!planned) {
      for (const t of cellTasks.filter((t) => t.doneOn === null || t.doneOn >= m.date)) rows.reviewed.push({ meeting_id: id, task_id: t.id, unit_id: unitId });
    }
    // A task done by the next meeting is shown done then; the seed writes its state as the data
    // ends, closed by the chair's (the cell secretary's) account where the secretary has one.
    let position = 0;
    for (const [i, item] of m.agenda.entries()) {
      for (const o of item.outcomes) {
        let taskId: string | null = null;
        if (o.task) {
          const task = demoTaskRows({
            id: newId(),
            unitId,
            title: o.task.title,
            ownerMemberId: memberId(o.task.ownerKey),
            ownerUnitId: null,
            deadline: o.task.deadline,
            doneOn: o.task.doneOn,
            life: o.task,
            createdAt: at,
            source: { source_kind: 'meeting', source_meeting_id: id, source_directive_id: null },
            receivedOn: null,
            handedDownOn: null,
            reporter: { accountId: accountOf(o.task.ownerKey), memberId: memberId(o.task.ownerKey) },
            closedByAccountId: accountOf(m.chairKey),
            createdByAccountId: null,
            coworkerIds: o.task.coworkerKeys.map(memberId),
          });
          taskId = task.task.id;
          rows.tasks.push(task.task);
          rows.progress.push(...task.progress);
          rows.coworkers.push(...task.coworkers);
          cellTasks.push({ id: taskId, doneOn: o.task.doneOn });
        }
        rows.outcomes.push({
          id: newId(),
          meeting_id: id,
          unit_id: unitId,
          agenda_item_id: agendaRows[i]!.id,
          position: ++position,
          kind: o.kind,
          text: o.kind === 'task' ? '' : o.text,
          votes_for: o.votes?.for ?? null,
          votes_against: o.votes?.against ?? null,
          votes_abstain: o.votes?.abstain ?? null,
          task_id: taskId,
          created_at: at,
        });
      }
    }
    if (!planned) approved.push({ id, unitId, at });
    audit.push({
      actorAccountId: null,
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: id,
      unitId,
      after: { kind: m.kind, topic: m.topic, date: m.date, startTime: m.startTime, participants: participants.length, status: planned ? 'planned' : 'approved', source: 'demo' },
    });
  }
  await insertInChunks(trx, 'meetings', rows.meetings, 100);
  await insertInChunks(trx, 'tasks', rows.tasks, 100);
  await insertInChunks(trx, 'meeting_participants', rows.participants, 300);
  await insertInChunks(trx, 'meeting_agenda_items', rows.agenda, 200);
  await insertInChunks(trx, 'meeting_outcomes', rows.outcomes, 200);
  await insertInChunks(trx, 'meeting_reviewed_tasks', rows.reviewed, 300);
  await insertInChunks(trx, 'meeting_scores', rows.scores, 300);
  await insertInChunks(trx, 'task_progress', rows.progress);
  await insertInChunks(trx, 'task_coworkers', rows.coworkers);
  // The locked copy of each approved minutes, read back as the meetings service shapes it.
  const snapshots = await firstVersionSnapshots(trx, approved.map((a) => a.id));
  const versions = [];
  for (const a of approved) {
    const snapshot = snapshots.get(a.id)!;
    versions.push({
      id: newId(),
      meeting_id: a.id,
      unit_id: a.unitId,
      version: 1,
      snapshot_json: canonicalJson(snapshot),
      approved_at: a.at,
      approved_by_account_id: null,
      reopened_at: null,
      reopened_by_account_id: null,
      reopen_reason: null,
    });
  }
  await insertInChunks(trx, 'meeting_minutes_versions', versions, 50);
  await writeAuditEntries(trx, handle.dialect, [...audit, ...rows.tasks.map(demoTaskAudit)]);
  return meetings.length;
}
