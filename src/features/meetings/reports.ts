/** Attendance statistics: a unit's months, cells and members, and a member's own record, over a period. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { fieldError } from '../../core/errors.js';
import type { Actor } from '../../domain/policy.js';
import {
  addRecords,
  compareByPunctuality,
  emptyCounts,
  mergeCounts,
  monthsBetween,
  withRates,
  type AttendanceCounts,
} from '../../domain/attendance.js';
import type { AttendanceStatus, MeetingKind } from '../../shared/enums.js';
import { activeCellsIn, findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { findMemberWithUnit } from '../members/lookup.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import * as repo from './repo.js';
import * as reportRepo from './report-repo.js';
import { authorizeMemberAttendance } from './policy.js';
import type { MemberAttendanceStats, UnitAttendanceStats } from './schemas.js';

/** Defaults and checks for a reporting period: this calendar year when nothing is given. */
export function period(query: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const year = todayInVietnam().slice(0, 4);
  const from = query.from ?? (query.to ? `${query.to.slice(0, 4)}-01-01` : `${year}-01-01`);
  const to = query.to ?? `${from.slice(0, 4)}-12-31`;
  if (to < from) throw fieldError('to', 'period_invalid');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) throw fieldError('to', 'period_too_long');
  return { from, to };
}

/** Sums SQL buckets into counts per key. */
function tally(buckets: reportRepo.AttendanceBucket[]): Map<string, AttendanceCounts> {
  const out = new Map<string, AttendanceCounts>();
  for (const b of buckets) {
    const key = b.key;
    const current = out.get(key) ?? emptyCounts();
    out.set(key, addRecords(current, { status: b.status as AttendanceStatus, late: b.late === 1, lateMinutesTotal: b.late_minutes }, b.n));
  }
  return out;
}

const sumAll = (counts: Iterable<AttendanceCounts>): AttendanceCounts => [...counts].reduce(mergeCounts, emptyCounts());

/** The period's total and every month of it (months without meetings too), with their rates. */
function totalAndMonths(months: Map<string, AttendanceCounts>, from: string, to: string) {
  return {
    total: withRates(sumAll(months.values())),
    months: monthsBetween(from, to).map((month) => ({ month, ...withRates(months.get(month) ?? emptyCounts()) })),
  };
}

/**
 * A unit's attendance over [from, to] summed from its complete meetings' tallies: the `total` its
 * attendance report shows (the yearly review's evidence for a cell reads it).
 */
export async function unitAttendanceTotal(db: Kysely<Database>, unitPath: string, range: { from: string; to: string; today: string }) {
  const rows = await reportRepo.tallyByCellAndMonth(db, { unitPath, ...range });
  return withRates(sumAll(rows.map((row) => repo.countsOfTally(row))));
}

export async function unitAttendanceStats(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<UnitAttendanceStats> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'attendance.report', unit);
  const { from, to } = period(query);
  const path = unit!.path;
  const [byCellMonth, cells] = await Promise.all([
    // Complete meetings' tallies by cell and month: both views are sums of them; a meeting still
    // being marked (or still to come) stays out of the rates and the ranking.
    reportRepo.tallyByCellAndMonth(db, { unitPath: path, from, to, today: todayInVietnam() }),
    activeCellsIn(db, path),
  ]);
  const perCell = new Map<string, AttendanceCounts>();
  const months = new Map<string, AttendanceCounts>();
  const meetingsOf = new Map<string, number>();
  for (const row of byCellMonth) {
    const counts = repo.countsOfTally(row);
    perCell.set(row.unitId, mergeCounts(perCell.get(row.unitId) ?? emptyCounts(), counts));
    months.set(row.month, mergeCounts(months.get(row.month) ?? emptyCounts(), counts));
    meetingsOf.set(row.unitId, (meetingsOf.get(row.unitId) ?? 0) + row.meetings);
  }
  let members: UnitAttendanceStats['members'] = [];
  if (unit!.kind === 'cell') {
    const [roster, byMember] = await Promise.all([
      repo.cellMembers(db, unit!.id),
      reportRepo.attendanceBuckets(db, { unitPath: path, from, to, groupBy: 'member', today: todayInVietnam() }),
    ]);
    const perMember = tally(byMember);
    members = roster
      // Whoever has a record in the period, and the active members expected in it (not those
      // who joined after it or are excused from meetings).
      .filter((m) => perMember.has(m.id) || (m.status !== 'exempt' && (!m.joined_on || m.joined_on <= to)))
      .map((m) => ({ memberId: m.id, fullName: m.full_name, ...withRates(perMember.get(m.id) ?? emptyCounts()) }));
  }
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    from,
    to,
    meetings: [...meetingsOf.values()].reduce((a, b) => a + b, 0),
    ...totalAndMonths(months, from, to),
    cells: cells
      .map((c) => ({ unitId: c.id, unitName: c.name, meetings: meetingsOf.get(c.id) ?? 0, ...withRates(perCell.get(c.id) ?? emptyCounts()) }))
      .sort((a, b) => compareByPunctuality(a, b) || a.unitName.localeCompare(b.unitName, 'vi')),
    members,
  };
}

/**
 * A member's own attendance over [from, to]: the totals and months of complete meetings (as every
 * report counts them) and each meeting of the period with how they attended, `complete` marking
 * the meetings the totals count. The member's report and the yearly review's evidence both read
 * this, so their figures cannot differ.
 */
export async function memberAttendanceRecord(db: Kysely<Database>, memberId: string, range: { from: string; to: string; today: string }) {
  const { from, to, today } = range;
  const [byMonth, meetings] = await Promise.all([
    reportRepo.attendanceBuckets(db, { memberId, from, to, groupBy: 'month', today }),
    reportRepo.memberMeetings(db, memberId, from, to, today),
  ]);
  return {
    ...totalAndMonths(tally(byMonth), from, to),
    meetings: meetings.map((m) => ({
      meetingId: m.meeting_id,
      date: m.meeting_date,
      kind: m.kind as MeetingKind,
      topic: m.topic,
      unitName: m.unit_name,
      role: m.role as 'member' | 'guest',
      status: m.status as AttendanceStatus,
      lateMinutes: m.late_minutes,
      reason: m.reason,
      complete: Number(m.complete) === 1,
    })),
  };
}

export async function memberAttendanceStats(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<MemberAttendanceStats> {
  const { db } = ctx.handle;
  const member = await findMemberWithUnit(db, memberId);
  authorizeMemberAttendance(actor, member ? { id: member.id, unit_path: member.unit_path } : undefined);
  const { from, to } = period(query);
  const record = await memberAttendanceRecord(db, memberId, { from, to, today: todayInVietnam() });
  return {
    memberId,
    fullName: member!.full_name,
    from,
    to,
    total: record.total,
    months: record.months,
    meetings: record.meetings.map(({ complete: _complete, ...m }) => m),
  };
}
