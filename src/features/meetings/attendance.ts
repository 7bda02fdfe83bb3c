/** Attendance: who came and when (late minutes derived), by form or from a file; the tally kept in step. */
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import type { Actor } from '../../domain/policy.js';
import { advanceMarkProblem, arrivalOnMeetingDay, derivedLateMinutes } from '../../domain/attendance.js';
import { displayDate } from '../../domain/tasks.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import type { MeetingParticipantTable } from '../../db/schema.js';
import { nowIso } from '../../db/ids.js';
import type { AttendanceStatus } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import * as repo from './repo.js';
import type { MeetingWithUnit, ParticipantRow } from './repo.js';
import { parseAttendanceFile } from './attendance-import.js';
import { loadEditable, type Db } from './load.js';
import { countsOf, meetingAttendance, presentParticipant } from './present.js';
import type { AttendanceBody, ImportBody } from './schemas.js';

/** Recounts a meeting's tally from its participants, in the transaction that changed them. */
export async function syncTally(trx: Db, meetingId: string): Promise<void> {
  await repo.setTally(trx, meetingId, repo.tallyOf(countsOf(await repo.participantsOf(trx, meetingId))));
}

/** What the audit log keeps of one participant's attendance. */
export function attendanceSnapshot(p: Pick<MeetingParticipantTable, 'member_id' | 'role' | 'status' | 'arrived_at' | 'late_minutes' | 'reason' | 'reported'> & { full_name?: string }) {
  return {
    memberId: p.member_id,
    ...(p.full_name ? { fullName: p.full_name } : {}),
    role: p.role,
    status: p.status,
    arrivedAt: p.arrived_at,
    lateMinutes: p.late_minutes,
    reason: p.reason,
    reported: p.reported,
  };
}

/** One attendance entry checked against the meeting: the stored columns, or a field error. */
function attendanceColumns(
  entry: { status: AttendanceStatus; arrivedAt?: string | null | undefined; reason?: string | null | undefined; reported?: 'before' | 'after' | null | undefined },
  meeting: { meeting_date: string; starts_at: string; grace_minutes: number },
  field: string,
) {
  // Before its day a meeting takes only absences excused in advance: nothing else has happened yet.
  if (meeting.meeting_date > todayInVietnam()) {
    const problem = advanceMarkProblem(entry);
    if (problem) throw fieldError(`${field}.${problem}`, `attendance_before_day_${problem}`, { date: displayDate(meeting.meeting_date) });
  }
  const arrivedAt = entry.arrivedAt ? new Date(entry.arrivedAt).toISOString() : null;
  if (entry.status === 'present') {
    if (!arrivedAt) throw fieldError(`${field}.arrivedAt`, 'issue.required');
    if (!arrivalOnMeetingDay(meeting.meeting_date, arrivedAt)) throw fieldError(`${field}.arrivedAt`, 'arrival_not_meeting_day', { date: displayDate(meeting.meeting_date) });
  } else if (arrivedAt) {
    throw fieldError(`${field}.arrivedAt`, 'arrival_only_present');
  }
  if (entry.status === 'excused') {
    if (!entry.reason) throw fieldError(`${field}.reason`, 'issue.required');
    if (!entry.reported) throw fieldError(`${field}.reported`, 'issue.required');
  }
  const keepsReason = entry.status === 'excused' || entry.status === 'absent' || entry.status === 'exempt';
  return {
    status: entry.status,
    arrived_at: arrivedAt,
    late_minutes: derivedLateMinutes({ status: entry.status, arrivedAt }, { startsAt: meeting.starts_at, graceMinutes: meeting.grace_minutes }),
    reason: keepsReason ? (entry.reason ?? null) : null,
    reported: entry.status === 'excused' ? (entry.reported ?? null) : null,
  };
}

/** Writes attendance entries (already validated as a whole) and their one audit entry. */
async function applyAttendance(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  meeting: MeetingWithUnit,
  participants: ParticipantRow[],
  entries: { memberId: string; columns: ReturnType<typeof attendanceColumns> }[],
  source: 'form' | 'import',
  fileName?: string,
) {
  const byMember = new Map(participants.map((p) => [p.member_id, p]));
  const now = nowIso();
  const before: unknown[] = [];
  const after: unknown[] = [];
  for (const { memberId, columns } of entries) {
    const p = byMember.get(memberId)!;
    const changed =
      p.status !== columns.status ||
      p.arrived_at !== columns.arrived_at ||
      p.late_minutes !== columns.late_minutes ||
      p.reason !== columns.reason ||
      p.reported !== columns.reported;
    if (!changed) continue;
    await repo.updateParticipant(trx, p.id, { ...columns, updated_at: now });
    before.push(attendanceSnapshot(p));
    after.push(attendanceSnapshot({ ...p, ...columns }));
  }
  if (after.length === 0) return;
  await repo.updateMeeting(trx, meeting.id, { updated_at: now });
  await syncTally(trx, meeting.id);
  await writeAudit(trx, ctx.handle.dialect, {
    actorAccountId: actor.accountId,
    action: source === 'import' ? 'meeting.attendance_import' : 'meeting.attendance',
    recordType: 'meeting',
    recordId: meeting.id,
    unitId: meeting.unit_id,
    before: { entries: before },
    after: { entries: after, ...(fileName ? { fileName } : {}) },
  });
}

export async function recordAttendance(ctx: AppContext, actor: Actor, id: string, body: AttendanceBody) {
  const meetingDate = await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const participants = await repo.participantsOf(trx, id);
    const expected = new Set(participants.map((p) => p.member_id));
    const seen = new Set<string>();
    const entries = body.entries.map((entry, i) => {
      if (!expected.has(entry.memberId)) throw fieldError(`entries.${i}.memberId`, 'attendance_not_expected');
      if (seen.has(entry.memberId)) throw fieldError(`entries.${i}.memberId`, 'duplicate_entry');
      seen.add(entry.memberId);
      return { memberId: entry.memberId, columns: attendanceColumns(entry, meeting, `entries.${i}`) };
    });
    await applyAttendance(trx, ctx, actor, meeting, participants, entries, 'form');
    return meeting.meeting_date;
  });
  const participants = await repo.participantsOf(ctx.handle.db, id);
  return { participants: participants.map((p) => presentParticipant(p, meetingDate)), ...meetingAttendance(meetingDate, countsOf(participants)) };
}

export async function importAttendance(ctx: AppContext, actor: Actor, id: string, body: ImportBody) {
  return writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const participants = await repo.participantsOf(trx, id);
    const content = Buffer.from(body.contentBase64, 'base64');
    const result = await parseAttendanceFile(
      { fileName: body.fileName, content },
      { date: meeting.meeting_date },
      participants.map((p) => ({ memberId: p.member_id, fullName: p.full_name, cardNumber: p.card_number })),
    );
    // A bad file imports nothing: every problem is reported with its row.
    if (result.problems.length > 0) {
      throw new AppError(
        400,
        'import_invalid',
        { count: result.problems.length },
        result.problems.slice(0, 200).map((p) => ({
          field: p.row ? `rows.${p.row}${p.column ? `.${p.column}` : ''}` : 'file',
          messageKey: `import.${p.code}` as MessageKey,
          params: { row: p.row, value: p.value ?? '' },
        })),
      );
    }
    const names = new Map(participants.map((p) => [p.member_id, p.full_name]));
    const entries = result.entries.map((e) => ({
      row: e.row,
      memberId: e.memberId,
      columns: attendanceColumns(
        { status: e.status, arrivedAt: e.arrivedAt, reason: e.reason ?? (e.status === 'excused' ? '—' : null), reported: e.status === 'excused' ? 'before' : null },
        meeting,
        `rows.${e.row}`,
      ),
    }));
    if (!body.dryRun) await applyAttendance(trx, ctx, actor, meeting, participants, entries, 'import', body.fileName);
    return {
      imported: !body.dryRun,
      rowsRead: result.rowsRead,
      entries: entries.map((e) => ({
        row: e.row,
        memberId: e.memberId,
        fullName: names.get(e.memberId) ?? '',
        status: e.columns.status,
        arrivedAt: e.columns.arrived_at,
        lateMinutes: e.columns.late_minutes,
        reason: e.columns.reason,
      })),
    };
  });
}
