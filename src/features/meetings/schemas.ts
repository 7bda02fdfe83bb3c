import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';
import {
  absenceReported,
  attendanceStatuses,
  meetingKinds,
  meetingStatuses,
  memberStatuses,
  outcomeKinds,
  participantRoles,
  rubricMeasures,
} from '../../shared/enums.js';
import { taskFields, taskSummary, type TaskSummary } from '../tasks/schemas.js';

/** Local wall-clock time HH:MM (24 h). */
export const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
/** A UTC or offset date-time: "2022-04-15T12:31:00Z" or "2022-04-15T19:31:00+07:00". */
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

export const meetingParams = z.strictObject({ id });
export const outcomeParams = z.strictObject({ id, outcomeId: id });

/** Any period: from/to inclusive dates; both default on the server (this year so far). */
export const periodQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const meetingListQuery = periodQuery.extend({
  /** Only regular or only thematic meetings (the overview's figures link here). */
  kind: z.enum(meetingKinds).optional(),
  /** true: only meetings held (not just planned); false: only planned ones. */
  held: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const attendanceRates = {
  expected: z.number().int(),
  present: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  exempt: z.number().int(),
  pending: z.number().int(),
  lateMinutesTotal: z.number().int(),
  attendanceRate: z.number().nullable(),
  punctualityRate: z.number().nullable(),
  averageLateMinutes: z.number().nullable(),
};
export const attendanceRatesSchema = z.object(attendanceRates);

export const meetingSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  kind: z.enum(meetingKinds),
  topic: z.string().nullable(),
  date: isoDate,
  startTime: localTime,
  place: z.string(),
  status: z.enum(meetingStatuses),
  /** Its day has come and nobody is pending: only then has it rates, and counts in reports. */
  attendanceComplete: z.boolean(),
  attendance: attendanceRatesSchema,
  scoreTotal: z.number().nullable(),
  scoreLevel: z.string().nullable(),
  minutesVersion: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

/**
 * "Cuộc họp sắp tới" on a member's home: the soonest planned meeting of a cell the caller belongs
 * to or runs, its agenda titles, and whether the caller takes its attendance (the door screen).
 */
export const nextMeeting = meetingSummary
  .pick({ id: true, unitId: true, unitName: true, kind: true, topic: true, date: true, startTime: true, place: true })
  .extend({ agenda: z.array(z.string()), mayTakeAttendance: z.boolean() });
export type NextMeeting = z.infer<typeof nextMeeting>;

export const scheduleWarning = z.object({
  unitId: id,
  kind: z.enum(meetingKinds),
  /** yyyy-mm for a missing regular meeting, yyyy-Qn for a missing thematic one. */
  period: z.string(),
});

export const meetingListResponse = z.object({
  items: z.array(meetingSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  from: isoDate,
  to: isoDate,
  /** Gaps in the schedule (cells only; up to today). Warnings, never blocks. */
  warnings: z.array(scheduleWarning),
  /** Years in which the unit's subtree has meetings, newest first, for the year picker. */
  years: z.array(z.number().int()),
});
export type MeetingListResponse = z.infer<typeof meetingListResponse>;

export const participant = z.object({
  memberId: id,
  fullName: z.string(),
  role: z.enum(participantRoles),
  /** The guest's own cell, or the member's status in the cell. */
  unitName: z.string(),
  memberStatus: z.enum(memberStatuses),
  status: z.enum(attendanceStatuses),
  arrivedAt: instant.nullable(),
  lateMinutes: z.number().int().nullable(),
  reason: z.string().nullable(),
  reported: z.enum(absenceReported).nullable(),
  /** An official member of the cell present: one of those who vote on a resolution. */
  mayVote: z.boolean(),
});
export type Participant = z.infer<typeof participant>;

/** Tasks are the tasks feature's; a meeting lists the ones it gave and the ones it reviews. */
export { taskSummary };
export type { TaskSummary };

export const votes = z.strictObject({
  for: z.number().int().min(0).max(1000),
  against: z.number().int().min(0).max(1000),
  abstain: z.number().int().min(0).max(1000),
});

export const outcome = z.object({
  id,
  kind: z.enum(outcomeKinds),
  text: z.string(),
  votes: votes.nullable(),
  task: taskSummary.nullable(),
});
export type Outcome = z.infer<typeof outcome>;

export const agendaItem = z.object({
  id,
  position: z.number().int(),
  title: z.string(),
  presenterMemberId: id.nullable(),
  presenterName: z.string().nullable(),
  plannedMinutes: z.number().int().nullable(),
  minutes: z.string(),
  outcomes: z.array(outcome),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const rubricCriterion = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/),
  text: text(500).min(1),
  points: z.number().positive().max(100),
  measure: z.enum(rubricMeasures).optional(),
  threshold: z.number().gt(0).max(1).optional(),
});
export const rubricLevel = z.strictObject({ name: text(60).min(1), min: z.number().min(0).max(1000) });

export const rubric = z.object({
  id,
  unitId: id,
  kind: z.enum(meetingKinds),
  name: z.string(),
  source: z.string(),
  /** Checked against the official text of the province's form (the sample is not). */
  verified: z.boolean(),
  criteria: z.array(rubricCriterion),
  levels: z.array(rubricLevel),
  maxPoints: z.number(),
  retired: z.boolean(),
  createdAt: instant,
});
export type Rubric = z.infer<typeof rubric>;

export const meetingScore = z.object({
  rubric,
  items: z.array(
    z.object({
      code: z.string(),
      /** Points given (by the chair, or confirmed from the suggestion); null = not scored yet. */
      points: z.number().nullable(),
      /** Pre-filled from the meeting's own data for measured criteria. */
      suggested: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
  total: z.number().nullable(),
  level: z.string().nullable(),
  complete: z.boolean(),
});

export const minutesVersion = z.object({
  version: z.number().int(),
  approvedAt: instant,
  approvedByName: z.string().nullable(),
  reopenedAt: instant.nullable(),
  reopenedByName: z.string().nullable(),
  reopenReason: z.string().nullable(),
});

export const meetingDetail = meetingSummary.extend({
  startsAt: instant,
  graceMinutes: z.number().int(),
  chairMemberId: id.nullable(),
  chairName: z.string().nullable(),
  secretaryMemberId: id.nullable(),
  secretaryName: z.string().nullable(),
  participants: z.array(participant),
  agenda: z.array(agendaItem),
  /** Open tasks from earlier meetings, listed on this meeting's agenda. */
  reviewedTasks: z.array(taskSummary),
  score: meetingScore.nullable(),
  versions: z.array(minutesVersion),
  approvedAt: instant.nullable(),
  allowedActions: z.array(z.string()),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

const agendaInput = z.strictObject({
  /** An existing item keeps its outcomes; omit for a new one. */
  id: id.optional(),
  title: text(300).min(1),
  presenterMemberId: id.nullable().optional(),
  plannedMinutes: z.number().int().min(1).max(600).nullable().optional(),
  minutes: text(20000).optional(),
});

const meetingFields = {
  kind: z.enum(meetingKinds),
  topic: text(300).nullable(),
  date: isoDate,
  startTime: localTime,
  place: text(200).min(1),
  chairMemberId: id.nullable(),
  secretaryMemberId: id.nullable(),
  graceMinutes: z.number().int().min(0).max(120),
  /** Members of the cell expected to attend (default: every active member not exempt). */
  participantIds: z.array(id).max(500),
  /** Guests invited from the committees above the cell. */
  guestIds: z.array(id).max(50),
};

export const createMeetingBody = z.strictObject({
  unitId: id,
  ...meetingFields,
  topic: meetingFields.topic.optional(),
  chairMemberId: meetingFields.chairMemberId.optional(),
  secretaryMemberId: meetingFields.secretaryMemberId.optional(),
  graceMinutes: meetingFields.graceMinutes.optional(),
  participantIds: meetingFields.participantIds.optional(),
  guestIds: meetingFields.guestIds.optional(),
  agenda: z.array(agendaInput.omit({ id: true })).min(1).max(30),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = z.strictObject({
  kind: meetingFields.kind.optional(),
  topic: meetingFields.topic.optional(),
  date: meetingFields.date.optional(),
  startTime: meetingFields.startTime.optional(),
  place: meetingFields.place.optional(),
  chairMemberId: meetingFields.chairMemberId.optional(),
  secretaryMemberId: meetingFields.secretaryMemberId.optional(),
  graceMinutes: meetingFields.graceMinutes.optional(),
  participantIds: meetingFields.participantIds.optional(),
  guestIds: meetingFields.guestIds.optional(),
});
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const agendaBody = z.strictObject({ items: z.array(agendaInput).min(1).max(30) });
export type AgendaBody = z.infer<typeof agendaBody>;

export const attendanceEntry = z.strictObject({
  memberId: id,
  status: z.enum(attendanceStatuses),
  /** Required for present: when they arrived (the phone sends "now"; correctable later). */
  arrivedAt: instant.nullable().optional(),
  reason: text(300).nullable().optional(),
  reported: z.enum(absenceReported).nullable().optional(),
});
export const attendanceBody = z.strictObject({ entries: z.array(attendanceEntry).min(1).max(500) });
export type AttendanceBody = z.infer<typeof attendanceBody>;
export type AttendanceEntry = z.infer<typeof attendanceEntry>;

export const attendanceResponse = z.object({
  participants: z.array(participant),
  attendanceComplete: z.boolean(),
  attendance: attendanceRatesSchema,
});

export const importBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i),
  /** The file's bytes, base64 (attendance files are a few KB; the request limit is 1 MB). */
  contentBase64: z.string().min(1).max(1_000_000).regex(/^[A-Za-z0-9+/=\r\n]+$/),
  /** Check and show what would be imported, without writing. */
  dryRun: z.boolean().default(false),
});
export type ImportBody = z.infer<typeof importBody>;

export const importResponse = z.object({
  imported: z.boolean(),
  rowsRead: z.number().int(),
  entries: z.array(
    z.object({
      row: z.number().int(),
      memberId: id,
      fullName: z.string(),
      status: z.enum(attendanceStatuses),
      arrivedAt: instant.nullable(),
      lateMinutes: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const createOutcomeBody = z.strictObject({
  agendaItemId: id,
  kind: z.enum(outcomeKinds),
  /** The information or the conclusion; for a task, optional extra words (the title says it). */
  text: text(5000).optional(),
  votes: votes.nullable().optional(),
  /** A task decided at the meeting: the same fields (and rules) as any task. */
  task: taskFields.optional(),
});
export type CreateOutcomeBody = z.infer<typeof createOutcomeBody>;

export const scoreBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(40),
        points: z.number().min(0).max(100).nullable(),
        note: text(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ScoreBody = z.infer<typeof scoreBody>;

export const reopenBody = z.strictObject({ reason: text(1000).min(5) });

export const meetingOptions = z.object({
  unitId: id,
  unitName: z.string(),
  /** The cell's active members, exempt ones flagged: the default participant list is the rest. */
  members: z.array(z.object({ id, fullName: z.string(), status: z.enum(memberStatuses) })),
  /** Committee members above the cell who may be invited as guests. */
  guests: z.array(z.object({ id, fullName: z.string(), unitName: z.string() })),
  defaultGraceMinutes: z.number().int(),
  /** Where the cell usually meets (its last meeting's place). */
  lastPlace: z.string().nullable(),
  openTasks: z.array(taskSummary),
});
export type MeetingOptions = z.infer<typeof meetingOptions>;

export const rubricListQuery = z.strictObject({ unitId: id });
export const rubricListResponse = z.object({ items: z.array(rubric) });
export const createRubricBody = z
  .strictObject({
    unitId: id,
    kind: z.enum(meetingKinds),
    name: text(200).min(1),
    source: text(500).min(1),
    verified: z.boolean().default(false),
    criteria: z.array(rubricCriterion).min(1).max(40),
    levels: z.array(rubricLevel).min(1).max(10),
  })
  .superRefine((body, ctx) => {
    const codes = new Set<string>();
    body.criteria.forEach((c, i) => {
      if (codes.has(c.code)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: 'duplicate' });
      codes.add(c.code);
    });
  });
export type CreateRubricBody = z.infer<typeof createRubricBody>;

const month = z.object({ month: z.string(), ...attendanceRates });
export const unitAttendanceStats = z.object({
  unitId: id,
  unitName: z.string(),
  from: isoDate,
  to: isoDate,
  meetings: z.number().int(),
  total: attendanceRatesSchema,
  months: z.array(month),
  /** Cells of the subtree, best punctuality first (the commune view). */
  cells: z.array(z.object({ unitId: id, unitName: z.string(), meetings: z.number().int(), ...attendanceRates })),
  /** Members of a cell, in name order (only when the unit is a cell). */
  members: z.array(z.object({ memberId: id, fullName: z.string(), ...attendanceRates })),
});
export type UnitAttendanceStats = z.infer<typeof unitAttendanceStats>;

export const memberAttendanceStats = z.object({
  memberId: id,
  fullName: z.string(),
  from: isoDate,
  to: isoDate,
  total: attendanceRatesSchema,
  months: z.array(month),
  meetings: z.array(
    z.object({
      meetingId: id,
      date: isoDate,
      kind: z.enum(meetingKinds),
      topic: z.string().nullable(),
      unitName: z.string(),
      role: z.enum(participantRoles),
      status: z.enum(attendanceStatuses),
      lateMinutes: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type MemberAttendanceStats = z.infer<typeof memberAttendanceStats>;
