import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  Database,
  MeetingAgendaItemTable,
  MeetingMinutesVersionTable,
  MeetingOutcomeTable,
  MeetingParticipantTable,
  MeetingReviewedTaskTable,
  MeetingScoreTable,
  MeetingTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import { buildDemoMeetings, type DemoAttendance, type DemoMeeting, type DemoTask } from '../meetings.js';
import { derivedLateMinutes, meetingStartsAt, addRecords, emptyCounts, type AttendanceCounts } from '../../domain/attendance.js';
import { measuredPoints, scoreLevel, type RubricCriterion, type RubricLevel } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { readReferenceJson } from '../../core/paths.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { firstVersionSnapshots, loadRubric } from '../../features/meetings/service.js';
import type { Rubric } from '../../features/meetings/schemas.js';
import { demoTaskAudit, demoTaskRows, insertDemoTasks, type DemoTaskRows } from './work.js';
import { demoIds, type DemoIds, type DemoRefs } from './refs.js';
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
  const seed: MeetingSeed = { ids: demoIds(refs, 'demo meetings'), rubric: refs.rubric, batch: emptyBatch(), decided: new Map() };
  for (const m of meetings) addMeeting(seed, m);
  await insertMeetingBatch(trx, seed.batch);
  await writeMinutesVersions(trx, seed.batch.approved);
  await writeAuditEntries(trx, handle.dialect, [...seed.batch.audit, ...seed.batch.tasks.map((t) => demoTaskAudit(t.task))]);
  return meetings.length;
}

/** The rows the meetings writer gathers before it inserts them, by table, and their audit entries. */
interface MeetingBatch {
  meetings: MeetingTable[];
  participants: MeetingParticipantTable[];
  agenda: MeetingAgendaItemTable[];
  outcomes: MeetingOutcomeTable[];
  reviewed: MeetingReviewedTaskTable[];
  scores: MeetingScoreTable[];
  tasks: DemoTaskRows[];
  audit: AuditWrite[];
  /** The approved meetings, whose minutes get their locked first version. */
  approved: { id: string; unitId: string; at: string }[];
}

function emptyBatch(): MeetingBatch {
  return { meetings: [], participants: [], agenda: [], outcomes: [], reviewed: [], scores: [], tasks: [], audit: [], approved: [] };
}

/** What the meeting steps share: the lookups, the rubric, the batch and each cell's tasks so far. */
interface MeetingSeed {
  ids: DemoIds;
  rubric: Rubric;
  batch: MeetingBatch;
  /** Tasks decided so far per cell, to list those still open on each next meeting's agenda. */
  decided: Map<string, { id: string; doneOn: string | null }[]>;
}

/** A demo meeting with its stored id, its cell's id and its times. */
interface PlacedMeeting {
  m: DemoMeeting;
  id: string;
  unitId: string;
  planned: boolean;
  startsAt: string;
  /** The time its rows carry: the meeting's own day (a planned one: the day it was called). */
  at: string;
}

/** Adds one meeting's rows to the batch: the meeting, attendance, scores, agenda, reviews, outcomes and tasks. */
function addMeeting(seed: MeetingSeed, m: DemoMeeting): void {
  const { batch } = seed;
  const unitId = seed.ids.unitId(m.cellKey);
  const id = newId();
  const planned = m.planned === true;
  const at = `${planned ? (m.calledOn ?? m.date) : m.date}T${planned ? '02' : '15'}:00:00.000Z`;
  const meeting: PlacedMeeting = { m, id, unitId, planned, startsAt: meetingStartsAt(m.date, m.startTime), at };
  const participants = participantRows(seed.ids, meeting);
  const counts = memberAttendance(participants);
  const scores = planned ? [] : scoreRows(seed.rubric, meeting, counts);
  batch.meetings.push(meetingRow(seed, meeting, counts, scores));
  batch.participants.push(...participants);
  batch.scores.push(...scores);
  const agenda = agendaRows(seed.ids, meeting);
  batch.agenda.push(...agenda);
  const cellTasks = reviewOpenTasks(seed, meeting);
  addOutcomes(seed, meeting, agenda, cellTasks);
  if (!planned) batch.approved.push({ id, unitId, at });
  batch.audit.push(meetingAudit(meeting, participants.length));
}

/** A participant's row, its status still typed as the demo's (the tally reads it). */
type ParticipantRow = MeetingParticipantTable & Pick<DemoAttendance, 'role' | 'status'>;

/** Who was called to the meeting and how they came (điểm danh); late minutes from arrival. */
function participantRows(ids: DemoIds, meeting: PlacedMeeting): ParticipantRow[] {
  const { id, unitId, startsAt, at } = meeting;
  return meeting.m.attendance.map((a) => ({
    id: newId(),
    meeting_id: id,
    unit_id: unitId,
    member_id: ids.memberId(a.memberKey),
    role: a.role,
    status: a.status,
    arrived_at: a.arrivedAt,
    late_minutes: a.status === 'pending' ? null : derivedLateMinutes({ status: a.status, arrivedAt: a.arrivedAt }, { startsAt, graceMinutes: 0 }),
    reason: a.reason,
    reported: a.reported,
    updated_at: at,
  }));
}

/** The members' attendance tally (guests not counted). */
function memberAttendance(participants: readonly ParticipantRow[]): AttendanceCounts {
  let counts = emptyCounts();
  for (const p of participants) {
    if (p.role === 'member') counts = addRecords(counts, { status: p.status, late: (p.late_minutes ?? 0) > 0, lateMinutesTotal: p.late_minutes ?? 0 });
  }
  return counts;
}

/** The meeting's score on each rubric criterion: measured where the rubric can, else the chair's. */
function scoreRows(rubric: Rubric, meeting: PlacedMeeting, attendance: AttendanceCounts): MeetingScoreTable[] {
  const { m } = meeting;
  const tasks = m.agenda.flatMap((a) => a.outcomes.filter((o) => o.task));
  const facts = { attendance, tasks: tasks.length, tasksNamed: tasks.length };
  return rubric.criteria.map((c) => ({
    meeting_id: meeting.id,
    criterion_code: c.code,
    unit_id: meeting.unitId,
    points: measuredPoints(c, facts) ?? Math.min(m.chairScores[c.code] ?? 0, c.points),
    note: null,
  }));
}

/** The stored meeting: approved with its score and level, or planned with neither. */
function meetingRow(seed: MeetingSeed, meeting: PlacedMeeting, counts: AttendanceCounts, scores: readonly MeetingScoreTable[]): MeetingTable {
  const { m, planned, at } = meeting;
  const total = scores.reduce((s, x) => s + x.points, 0);
  return {
    id: meeting.id,
    unit_id: meeting.unitId,
    kind: m.kind,
    topic: m.topic,
    meeting_date: m.date,
    start_time: m.startTime,
    starts_at: meeting.startsAt,
    grace_minutes: 0,
    place: m.place,
    chair_member_id: seed.ids.memberId(m.chairKey),
    secretary_member_id: seed.ids.memberId(m.secretaryKey),
    status: planned ? 'planned' : 'approved',
    rubric_id: planned ? null : seed.rubric.id,
    score_total: planned ? null : total,
    score_level: planned ? null : scoreLevel(total, seed.rubric.levels),
    minutes_version: planned ? 0 : 1,
    ...tallyColumns(counts),
    approved_at: planned ? null : at,
    approved_by_account_id: null,
    created_at: at,
    updated_at: at,
  };
}

/** The agenda items (chương trình) with their minutes. */
function agendaRows(ids: DemoIds, meeting: PlacedMeeting): MeetingAgendaItemTable[] {
  return meeting.m.agenda.map((item, i) => ({
    id: newId(),
    meeting_id: meeting.id,
    unit_id: meeting.unitId,
    position: i + 1,
    title: item.title,
    presenter_member_id: item.presenterKey ? ids.memberId(item.presenterKey) : null,
    planned_minutes: item.plannedMinutes,
    minutes_text: item.minutes,
  }));
}

/**
 * Tasks of the cell's earlier meetings still open on this day are reviewed at a held one.
 * Returns the cell's list of tasks so far, for this meeting's to join.
 */
function reviewOpenTasks(seed: MeetingSeed, meeting: PlacedMeeting): { id: string; doneOn: string | null }[] {
  const { id, unitId } = meeting;
  const cellTasks = seed.decided.get(unitId) ?? [];
  seed.decided.set(unitId, cellTasks);
  if (!meeting.planned) {
    for (const t of cellTasks.filter((t) => t.doneOn === null || t.doneOn >= meeting.m.date)) seed.batch.reviewed.push({ meeting_id: id, task_id: t.id, unit_id: unitId });
  }
  return cellTasks;
}

/** The decisions (kết luận) under each agenda item, a task's rows with the outcome that decided it. */
function addOutcomes(seed: MeetingSeed, meeting: PlacedMeeting, agenda: readonly MeetingAgendaItemTable[], cellTasks: { id: string; doneOn: string | null }[]): void {
  let position = 0;
  for (const [i, item] of meeting.m.agenda.entries()) {
    for (const o of item.outcomes) {
      let taskId: string | null = null;
      if (o.task) {
        const task = meetingTaskRows(seed.ids, meeting, o.task);
        taskId = task.task.id;
        seed.batch.tasks.push(task);
        cellTasks.push({ id: taskId, doneOn: o.task.doneOn });
      }
      seed.batch.outcomes.push({
        id: newId(),
        meeting_id: meeting.id,
        unit_id: meeting.unitId,
        agenda_item_id: agenda[i]!.id,
        position: ++position,
        kind: o.kind,
        text: o.kind === 'task' ? '' : o.text,
        votes_for: o.votes?.for ?? null,
        votes_against: o.votes?.against ?? null,
        votes_abstain: o.votes?.abstain ?? null,
        task_id: taskId,
        created_at: meeting.at,
      });
    }
  }
}

/**
 * A task decided at the meeting, stored as the data ends: a task done by the next meeting is
 * shown done then, closed by the chair's (the cell secretary's) account where the secretary has one.
 */
function meetingTaskRows(ids: DemoIds, meeting: PlacedMeeting, task: DemoTask): DemoTaskRows {
  return demoTaskRows({
    id: newId(),
    unitId: meeting.unitId,
    title: task.title,
    ownerMemberId: ids.memberId(task.ownerKey),
    ownerUnitId: null,
    deadline: task.deadline,
    doneOn: task.doneOn,
    life: task,
    createdAt: meeting.at,
    source: { source_kind: 'meeting', source_meeting_id: meeting.id, source_directive_id: null },
    receivedOn: null,
    handedDownOn: null,
    reporter: { accountId: ids.accountOf(task.ownerKey), memberId: ids.memberId(task.ownerKey) },
    closedByAccountId: ids.accountOf(meeting.m.chairKey),
    createdByAccountId: null,
    coworkerIds: task.coworkerKeys.map(ids.memberId),
  });
}

/** The history entry of a demo meeting, as created by the system. */
function meetingAudit(meeting: PlacedMeeting, participants: number): AuditWrite {
  const { m } = meeting;
  return {
    actorAccountId: null,
    action: 'meeting.create',
    recordType: 'meeting',
    recordId: meeting.id,
    unitId: meeting.unitId,
    after: { kind: m.kind, topic: m.topic, date: m.date, startTime: m.startTime, participants, status: meeting.planned ? 'planned' : 'approved', source: 'demo' },
  };
}

/** Inserts the batch, each table in statements of a size its columns allow; tasks after their meetings. */
async function insertMeetingBatch(trx: Kysely<Database>, batch: MeetingBatch): Promise<void> {
  await insertInChunks(trx, 'meetings', batch.meetings, 100);
  await insertDemoTasks(trx, batch.tasks);
  await insertInChunks(trx, 'meeting_participants', batch.participants, 300);
  await insertInChunks(trx, 'meeting_agenda_items', batch.agenda, 200);
  await insertInChunks(trx, 'meeting_outcomes', batch.outcomes, 200);
  await insertInChunks(trx, 'meeting_reviewed_tasks', batch.reviewed, 300);
  await insertInChunks(trx, 'meeting_scores', batch.scores, 300);
}

/** The locked copy of each approved minutes (biên bản), read back as the meetings service shapes it. */
async function writeMinutesVersions(trx: Kysely<Database>, approved: MeetingBatch['approved']): Promise<void> {
  const snapshots = await firstVersionSnapshots(trx, approved.map((a) => a.id));
  const versions: MeetingMinutesVersionTable[] = approved.map((a) => ({
    id: newId(),
    meeting_id: a.id,
    unit_id: a.unitId,
    version: 1,
    snapshot_json: canonicalJson(snapshots.get(a.id)!),
    approved_at: a.at,
    approved_by_account_id: null,
    reopened_at: null,
    reopened_by_account_id: null,
    reopen_reason: null,
  }));
  await insertInChunks(trx, 'meeting_minutes_versions', versions, 50);
}
