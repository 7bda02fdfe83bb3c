import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database, TaskCoworkerTable, TaskProgressTable, TaskTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import { buildDemoMeetings, type DemoMeeting, type DemoOutcome } from '../meetings.js';
import { derivedLateMinutes, meetingStartsAt, addRecords, emptyCounts } from '../../domain/attendance.js';
import { measuredPoints, scoreLevel, type RubricCriterion, type RubricLevel } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { readReferenceJson } from '../../core/paths.js';
import { writeAudit, writeAuditEntries } from '../../features/audit/service.js';
import { loadRubric, snapshotOfMeeting } from '../../features/meetings/service.js';
import * as repo from '../../features/meetings/repo.js';
import type { Rubric } from '../../features/meetings/schemas.js';
import { demoTaskAudit, demoTaskRows, insertInChunks, type DemoRefs } from './work.js';

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

/**
 * Writes the demo year of meetings: every meeting approved (version 1) and scored on the
 * sample rubric, its tasks in their state at the end of 2022 (progress reports, co-workers,
 * graded close) as the story says. One audit entry per meeting.
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
  const progressRows: TaskProgressTable[] = [];
  const coworkerRows: TaskCoworkerTable[] = [];
  const allTaskRows: TaskTable[] = [];
  const memberId = (key: string) => {
    const id = refs.memberIds.get(key);
    if (!id) throw new Error(`demo meetings: unknown member ${key}`);
    return id;
  };
  /** Tasks decided so far per cell, to list those still open on each next meeting's agenda. */
  const decided = new Map<string, { id: string; doneOn: string | null }[]>();
  for (const m of meetings) {
    const unitId = refs.unitIds.get(m.cellKey)!;
    const id = newId();
    const startsAt = meetingStartsAt(m.date, m.startTime);
    // Demo rows carry the meeting's own day as their time, so the history reads like 2022.
    const at = `${m.date}T15:00:00.000Z`;
    const participants = m.attendance.map((a) => {
      const status = a.status;
      return {
        id: newId(),
        meeting_id: id,
        unit_id: unitId,
        member_id: memberId(a.memberKey),
        role: a.role,
        status,
        arrived_at: a.arrivedAt,
        late_minutes: derivedLateMinutes({ status, arrivedAt: a.arrivedAt }, { startsAt, graceMinutes: 0 }),
        reason: a.reason,
        reported: a.reported,
        updated_at: at,
      };
    });
    let counts = emptyCounts();
    for (const p of participants) {
      if (p.role === 'member') counts = addRecords(counts, { status: p.status, late: (p.late_minutes ?? 0) > 0, lateMinutesTotal: p.late_minutes ?? 0 });
    }
    const tasks = m.agenda.flatMap((a) => a.outcomes.filter((o) => o.task));
    const facts = { attendance: counts, tasks: tasks.length, tasksNamed: tasks.length };
    const scores = refs.rubric.criteria.map((c) => ({
      code: c.code,
      points: measuredPoints(c, facts) ?? Math.min(m.chairScores[c.code] ?? 0, c.points),
      note: null,
    }));
    const total = scores.reduce((s, x) => s + x.points, 0);

    await repo.insertMeeting(trx, {
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
      status: 'approved',
      rubric_id: refs.rubric.id,
      score_total: total,
      score_level: scoreLevel(total, refs.rubric.levels),
      minutes_version: 1,
      ...repo.tallyOf(counts),
      approved_at: at,
      approved_by_account_id: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertParticipants(trx, participants);
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
    await repo.insertAgendaItems(trx, agendaRows);
    // Tasks of the cell's earlier meetings still open on this day are reviewed at this one.
    const cellTasks = decided.get(unitId) ?? [];
    decided.set(unitId, cellTasks);
    const carried = cellTasks.filter((t) => t.doneOn === null || t.doneOn >= m.date);
    // A task done by the next meeting is shown done then; the seed writes its state at the end
    // of 2022, closed by the cell secretary's account where the secretary has one.
    const taskIds = new Map<DemoOutcome, string>();
    const taskRows: TaskTable[] = [];
    for (const o of m.agenda.flatMap((item) => item.outcomes)) {
      if (!o.task) continue;
      const rows = demoTaskRows({
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
      taskIds.set(o, rows.task.id);
      taskRows.push(rows.task);
      progressRows.push(...rows.progress);
      coworkerRows.push(...rows.coworkers);
      cellTasks.push({ id: rows.task.id, doneOn: o.task.doneOn });
    }
    await insertInChunks(trx, 'tasks', taskRows);
    allTaskRows.push(...taskRows);
    let position = 0;
    for (const [i, item] of m.agenda.entries()) {
      for (const o of item.outcomes) {
        const taskId = taskIds.get(o) ?? null;
        await repo.insertOutcome(trx, {
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
    await repo.insertReviewedTasks(trx, carried.map((t) => ({ meeting_id: id, task_id: t.id, unit_id: unitId })));
    await repo.replaceScores(trx, id, unitId, scores);
    const snapshot = await snapshotOfMeeting(trx, id);
    await repo.insertVersion(trx, {
      id: newId(),
      meeting_id: id,
      unit_id: unitId,
      version: 1,
      snapshot_json: canonicalJson(snapshot),
      approved_at: at,
      approved_by_account_id: null,
      reopened_at: null,
      reopened_by_account_id: null,
      reopen_reason: null,
    });
    await writeAudit(trx, handle.dialect, {
      actorAccountId: null,
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: id,
      unitId,
      after: { kind: m.kind, topic: m.topic, date: m.date, startTime: m.startTime, participants: participants.length, status: 'approved', source: 'demo' },
    });
  }
  await insertInChunks(trx, 'task_progress', progressRows);
  await insertInChunks(trx, 'task_coworkers', coworkerRows);
  await writeAuditEntries(trx, handle.dialect, allTaskRows.map(demoTaskAudit));
  return meetings.length;
}
