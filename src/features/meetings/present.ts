/** A meeting as its page shows it: participants, agenda and outcomes, score, versions, actions. */
import type { AppContext } from '../../core/context.js';
import { allowedActions, type Actor } from '../../domain/policy.js';
import { addRecords, attendanceComplete, emptyCounts, withRates, type AttendanceCounts } from '../../domain/attendance.js';
import { mayVote, measuredPoints, rubricMaxPoints, scoreLevel, type RubricCriterion, type RubricLevel } from '../../domain/meetings.js';
import type { Database, MeetingRubricTable } from '../../db/schema.js';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '../../shared/enums.js';
import type { TaskRow } from '../tasks/lookup.js';
import { presentTask, tasksFromMeetings, tasksReviewedAtMeetings } from '../tasks/lookup.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { ancestorIds } from '../../domain/unit-paths.js';
import * as repo from './repo.js';
import * as outcomeRepo from './outcome-repo.js';
import * as rubricRepo from './rubric-repo.js';
import * as minutesRepo from './minutes-repo.js';
import type { MeetingWithUnit, ParticipantRow } from './repo.js';
import { meetingActions } from './policy.js';
import { loadMeeting, type Db } from './load.js';
import type { MeetingDetail, MeetingSummary, Participant, Rubric } from './schemas.js';

/** A meeting's attendance counts from its participants: members only, guests sit in. */
export function countsOf(participants: readonly { role: string; status: string; late_minutes: number | null }[]): AttendanceCounts {
  let counts = emptyCounts();
  for (const p of participants) {
    if (p.role !== 'member') continue;
    const late = (p.late_minutes ?? 0) > 0;
    counts = addRecords(counts, { status: p.status as AttendanceStatus, late, lateMinutesTotal: p.late_minutes ?? 0 });
  }
  return counts;
}

/**
 * A meeting's attendance as its page, list row and door screen show it: whether it is complete
 * (its day has come and nobody is pending) and its counts, with rates only once it is, so a
 * meeting still being marked never shows "100 % (3/3)".
 */
export function meetingAttendance(meetingDate: string, counts: AttendanceCounts) {
  const complete = attendanceComplete(meetingDate, counts, todayInVietnam());
  return { attendanceComplete: complete, attendance: withRates(counts, complete) };
}

/** One person on a meeting's list; `mayVote` says whether they count among the voters. */
export function presentParticipant(p: ParticipantRow, meetingDate: string): Participant {
  return {
    memberId: p.member_id,
    fullName: p.full_name,
    role: p.role as Participant['role'],
    unitName: p.member_unit_name,
    memberStatus: p.member_status as Participant['memberStatus'],
    status: p.status as AttendanceStatus,
    arrivedAt: p.arrived_at,
    lateMinutes: p.late_minutes,
    reason: p.reason,
    reported: p.reported as Participant['reported'],
    mayVote: mayVote({ role: p.role, status: p.status, memberStatus: p.member_status, officialOn: p.official_on }, meetingDate),
  };
}

export function presentRubric(row: MeetingRubricTable): Rubric {
  const criteria = JSON.parse(row.criteria_json) as RubricCriterion[];
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind as MeetingKind,
    name: row.name,
    source: row.source,
    verified: row.verified === 1,
    criteria,
    levels: JSON.parse(row.levels_json) as RubricLevel[],
    maxPoints: rubricMaxPoints(criteria),
    retired: row.retired_at !== null,
    createdAt: row.created_at,
  };
}

/**
 * The rubric a meeting is scored on: the one it was scored on already, else the newest active
 * form of its kind loaded by the nearest unit above, else the nearest regular form.
 */
export async function rubricFor(db: Db, meeting: { rubric_id: string | null; kind: string; unit_path: string }) {
  if (meeting.rubric_id) return rubricRepo.findRubric(db, meeting.rubric_id);
  const ancestors = ancestorIds(meeting.unit_path);
  const rubrics = await rubricRepo.activeRubrics(db, ancestors);
  const nearest = (kind: string) =>
    ancestors.map((unitId) => rubrics.find((r) => r.unit_id === unitId && r.kind === kind)).find(Boolean);
  return nearest(meeting.kind) ?? nearest('regular');
}

/** A meeting's score on its rubric: the points saved per criterion, those the records suggest. */
function scoreOf(rubricRow: MeetingRubricTable | undefined, scores: readonly ScoreRow[], participants: ParticipantRow[], tasks: TaskRow[]): MeetingDetail['score'] {
  if (!rubricRow) return null;
  const rubric = presentRubric(rubricRow);
  const facts = {
    attendance: countsOf(participants),
    tasks: tasks.length,
    // A named owner (a member, or a mass organisation the task was handed to) and a deadline.
    tasksNamed: tasks.filter((t) => (t.owner_member_id || t.owner_unit_id) && t.deadline).length,
  };
  const items = rubric.criteria.map((c) => {
    const saved = scores.find((s) => s.criterion_code === c.code);
    return { code: c.code, points: saved ? Number(saved.points) : null, suggested: measuredPoints(c, facts), note: saved?.note ?? null };
  });
  const complete = items.every((i) => i.points !== null);
  const total = items.some((i) => i.points !== null) ? items.reduce((sum, i) => sum + (i.points ?? 0), 0) : null;
  return { rubric, items, total, level: complete && total !== null ? scoreLevel(total, rubric.levels) : null, complete };
}

export function summaryOf(meeting: MeetingWithUnit | (Database['meetings'] & { unit_name: string }), counts: AttendanceCounts): MeetingSummary {
  return {
    id: meeting.id,
    unitId: meeting.unit_id,
    unitName: meeting.unit_name,
    kind: meeting.kind as MeetingKind,
    topic: meeting.topic,
    date: meeting.meeting_date,
    startTime: meeting.start_time,
    place: meeting.place,
    status: meeting.status as MeetingStatus,
    ...meetingAttendance(meeting.meeting_date, counts),
    scoreTotal: meeting.score_total === null ? null : Number(meeting.score_total),
    scoreLevel: meeting.score_level,
    minutesVersion: meeting.minutes_version,
  };
}

/** Everything a meeting page shows, in one read. */
export async function detailOf(db: Db, actor: Actor, meeting: MeetingWithUnit): Promise<MeetingDetail> {
  return (await detailsOf(db, actor, [meeting]))[0]!;
}

type ScoreRow = Awaited<ReturnType<typeof rubricRepo.scoresOfMeetings>>[number];

/** Rows grouped by the meeting they belong to, each group in the order the query returned. */
function byMeeting<T>(rows: readonly T[], meetingIdOf: (row: T) => string): (meetingId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = meetingIdOf(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return (meetingId) => groups.get(meetingId) ?? [];
}

/** How many meetings one batch reads at once: well under every database's bound-parameter limit. */
const DETAIL_BATCH = 200;

/**
 * Several meetings' pages, read a batch at a time with one query per table rather than one per
 * meeting (the demo seed locks hundreds of approved minutes at once).
 */
export async function detailsOf(db: Db, actor: Actor, meetings: readonly MeetingWithUnit[]): Promise<MeetingDetail[]> {
  const details: MeetingDetail[] = [];
  const rubrics = new Map<string, Promise<MeetingRubricTable | undefined>>();
  const rubricOf = (m: MeetingWithUnit) => {
    const key = m.rubric_id ?? `${m.unit_path}|${m.kind}`;
    if (!rubrics.has(key)) rubrics.set(key, rubricFor(db, m));
    return rubrics.get(key)!;
  };
  for (let i = 0; i < meetings.length; i += DETAIL_BATCH) {
    const batch = meetings.slice(i, i + DETAIL_BATCH);
    const ids = batch.map((m) => m.id);
    const [participants, agenda, outcomes, tasks, reviewed, versions, scores] = await Promise.all([
      repo.participantsOfMeetings(db, ids),
      repo.agendaOfMeetings(db, ids),
      outcomeRepo.outcomesOfMeetings(db, ids),
      tasksFromMeetings(db, ids),
      tasksReviewedAtMeetings(db, ids),
      minutesRepo.versionsOfMeetings(db, ids),
      rubricRepo.scoresOfMeetings(db, ids),
    ]);
    const of = {
      participants: byMeeting(participants, (r) => r.meeting_id),
      agenda: byMeeting(agenda, (r) => r.meeting_id),
      outcomes: byMeeting(outcomes, (r) => r.meeting_id),
      tasks: byMeeting(tasks, (r) => r.source_meeting_id!),
      reviewed: byMeeting(reviewed, (r) => r.reviewed_at_meeting_id),
      versions: byMeeting(versions, (r) => r.meeting_id),
      scores: byMeeting(scores, (r) => r.meeting_id),
    };
    for (const meeting of batch) {
      const records: MeetingRecords = {
        participants: of.participants(meeting.id),
        agenda: of.agenda(meeting.id),
        outcomes: of.outcomes(meeting.id),
        tasks: of.tasks(meeting.id),
        reviewed: of.reviewed(meeting.id),
        versions: of.versions(meeting.id),
        scores: of.scores(meeting.id),
        rubric: await rubricOf(meeting),
      };
      details.push(shapeDetail(actor, meeting, records));
    }
  }
  return details;
}

/** What one meeting's page is made from, read by `detailsOf`. */
interface MeetingRecords {
  participants: ParticipantRow[];
  agenda: Awaited<ReturnType<typeof repo.agendaOfMeetings>>;
  outcomes: Awaited<ReturnType<typeof outcomeRepo.outcomesOfMeetings>>;
  tasks: TaskRow[];
  reviewed: TaskRow[];
  versions: Awaited<ReturnType<typeof minutesRepo.versionsOfMeetings>>;
  scores: ScoreRow[];
  rubric: MeetingRubricTable | undefined;
}

function shapeDetail(actor: Actor, meeting: MeetingWithUnit, records: MeetingRecords): MeetingDetail {
  const { participants, agenda, outcomes, tasks, reviewed, versions } = records;
  const nameOf = (memberId: string | null) => (memberId ? (participants.find((p) => p.member_id === memberId)?.full_name ?? null) : null);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const day = todayInVietnam();
  const status = meeting.status as MeetingStatus;
  // The UI shows only what works now: nothing changes approved minutes except reopening them.
  const actions = allowedActions(actor, { unitPath: meeting.unit_path }, meetingActions).filter(
    (a) => !(status === 'approved' && a === 'meeting.manage'),
  );
  return {
    ...summaryOf(meeting, countsOf(participants)),
    startsAt: meeting.starts_at,
    graceMinutes: meeting.grace_minutes,
    chairMemberId: meeting.chair_member_id,
    chairName: nameOf(meeting.chair_member_id),
    secretaryMemberId: meeting.secretary_member_id,
    secretaryName: nameOf(meeting.secretary_member_id),
    participants: participants.map((p) => presentParticipant(p, meeting.meeting_date)),
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      presenterMemberId: item.presenter_member_id,
      presenterName: item.presenter_name ?? null,
      plannedMinutes: item.planned_minutes,
      minutes: item.minutes_text,
      outcomes: outcomes
        .filter((o) => o.agenda_item_id === item.id)
        .map((o) => {
          const task = o.task_id ? taskById.get(o.task_id) : undefined;
          return {
            id: o.id,
            kind: o.kind as 'information' | 'decision' | 'task',
            text: o.text,
            votes: o.votes_for === null ? null : { for: o.votes_for, against: o.votes_against ?? 0, abstain: o.votes_abstain ?? 0 },
            task: task ? presentTask(task, day) : null,
          };
        }),
    })),
    reviewedTasks: reviewed.map((t) => presentTask(t, day)),
    score: scoreOf(records.rubric, records.scores, participants, tasks),
    versions: versions.map((v) => ({
      version: v.version,
      approvedAt: v.approved_at,
      approvedByName: v.approved_by_name ?? null,
      reopenedAt: v.reopened_at,
      reopenedByName: v.reopened_by_name ?? null,
      reopenReason: v.reopen_reason,
    })),
    approvedAt: meeting.approved_at,
    allowedActions: actions,
  };
}

/** What a locked version keeps: the whole meeting as its page shows it, minus the viewer's actions. */
export async function versionSnapshot(db: Db, meeting: MeetingWithUnit, version: number) {
  return asVersion(await detailOf(db, SNAPSHOT_VIEWER, meeting), version);
}

/** Nobody in particular: a snapshot lists no actions. */
const SNAPSHOT_VIEWER: Actor = { accountId: '', memberId: null, assignments: [] };

function asVersion(detail: MeetingDetail, version: number) {
  return { ...detail, allowedActions: [], status: 'approved' as const, minutesVersion: version };
}

/**
 * The first version's snapshot of each meeting as approved now, by meeting id: the demo seed
 * locks its approved minutes with these, as an approval would.
 */
export async function firstVersionSnapshots(db: Db, ids: readonly string[]) {
  const meetings: MeetingWithUnit[] = [];
  for (let i = 0; i < ids.length; i += DETAIL_BATCH) meetings.push(...(await repo.findMeetings(db, ids.slice(i, i + DETAIL_BATCH))));
  const details = await detailsOf(db, SNAPSHOT_VIEWER, meetings);
  return new Map(details.map((detail) => [detail.id, asVersion(detail, 1)]));
}

export async function meetingDetail(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const meeting = await loadMeeting(ctx.handle.db, actor, id, 'meeting.read');
  return detailOf(ctx.handle.db, actor, meeting);
}
