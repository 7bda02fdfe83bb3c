/** A meeting as its page shows it: participants, agenda and outcomes, score, versions, actions. */
import type { AppContext } from '../../core/context.js';
import { allowedActions, type Actor } from '../../domain/policy.js';
import { addRecords, emptyCounts, withRates, type AttendanceCounts } from '../../domain/attendance.js';
import { measuredPoints, rubricMaxPoints, scoreLevel, type RubricCriterion, type RubricLevel } from '../../domain/meetings.js';
import type { Database, MeetingRubricTable } from '../../db/schema.js';
import type { AttendanceStatus, MeetingKind, MeetingStatus } from '../../shared/enums.js';
import type { TaskRow } from '../tasks/lookup.js';
import { presentTask, tasksFromMeeting, tasksReviewedAt } from '../tasks/lookup.js';
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

export function presentParticipant(p: ParticipantRow): Participant {
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

async function scoreOf(db: Db, meeting: MeetingWithUnit, participants: ParticipantRow[], tasks: TaskRow[]): Promise<MeetingDetail['score']> {
  const rubricRow = await rubricFor(db, meeting);
  if (!rubricRow) return null;
  const rubric = presentRubric(rubricRow);
  const scores = await rubricRepo.scoresOf(db, meeting.id);
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
    attendance: withRates(counts),
    scoreTotal: meeting.score_total === null ? null : Number(meeting.score_total),
    scoreLevel: meeting.score_level,
    minutesVersion: meeting.minutes_version,
  };
}

/** Everything a meeting page shows, in one read. */
export async function detailOf(db: Db, actor: Actor, meeting: MeetingWithUnit): Promise<MeetingDetail> {
  const [participants, agenda, outcomes, tasks, reviewed, versions] = await Promise.all([
    repo.participantsOf(db, meeting.id),
    repo.agendaOf(db, meeting.id),
    outcomeRepo.outcomesOf(db, meeting.id),
    tasksFromMeeting(db, meeting.id),
    tasksReviewedAt(db, meeting.id),
    minutesRepo.versionsOf(db, meeting.id),
  ]);
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
    participants: participants.map(presentParticipant),
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
    score: await scoreOf(db, meeting, participants, tasks),
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
  const detail = await detailOf(db, { accountId: '', memberId: null, assignments: [] }, meeting);
  return { ...detail, allowedActions: [], status: 'approved', minutesVersion: version };
}

/** The snapshot of a meeting as approved now (the demo seed writes its versions with it). */
export async function snapshotOfMeeting(db: Db, id: string, version = 1) {
  return versionSnapshot(db, (await repo.findMeeting(db, id))!, version);
}

export async function meetingDetail(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const meeting = await loadMeeting(ctx.handle.db, actor, id, 'meeting.read');
  return detailOf(ctx.handle.db, actor, meeting);
}
