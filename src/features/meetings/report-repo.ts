/** Attendance statistics over many meetings: summed in SQL, never every row to the server. */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';
import { tallyColumns, type TallyColumns } from './repo.js';

/**
 * Attendance records of members (guests excluded) at complete meetings, grouped by member or by
 * month, status and whether late; counts and late minutes. For one cell's members or one member's own record:
 * wider reports sum the meetings' tallies instead (tallyByCellAndMonth).
 */
/**
 * Only meetings whose attendance is complete count (the SQL twin of the domain's
 * `attendanceComplete`): their day has come (`today`, Vietnam) and nobody is pending.
 */
function completeMeeting(eb: ExpressionBuilder<{ mt: Database['meetings'] }, 'mt'>, today: string) {
  return eb.and([eb('mt.meeting_date', '<=', today), eb('mt.att_pending', '=', 0)]);
}

export interface AttendanceBucket {
  key: string;
  status: string;
  late: number;
  n: number;
  late_minutes: number;
}

export async function attendanceBuckets(
  db: Kysely<Database>,
  q: { unitPath?: string; memberId?: string; from: string; to: string; groupBy: 'month' | 'member'; today: string },
): Promise<AttendanceBucket[]> {
  const keyExpr = q.groupBy === 'month' ? sql<string>`substr(mt.meeting_date, 1, 7)` : sql<string>`p.member_id`;
  const lateExpr = sql<number>`case when p.late_minutes > 0 then 1 else 0 end`;
  let query = db
    .selectFrom('meeting_participants as p')
    .innerJoin('meetings as mt', 'mt.id', 'p.meeting_id')
    .select([
      keyExpr.as('key'),
      'p.status',
      lateExpr.as('late'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('p.late_minutes'), sql<number>`0`).as('late_minutes'),
    ])
    .where('p.role', '=', 'member')
    .where('mt.meeting_date', '>=', q.from)
    .where('mt.meeting_date', '<=', q.to)
    .where((eb) => completeMeeting(eb, q.today))
    .groupBy([keyExpr, 'p.status', lateExpr]);
  if (q.unitPath !== undefined) {
    query = query.innerJoin('units as u', 'u.id', 'mt.unit_id').where(inSubtree('u.path', q.unitPath));
  }
  if (q.memberId !== undefined) query = query.where('p.member_id', '=', q.memberId);
  const rows = await query.execute();
  return rows.map((r) => ({ key: String(r.key), status: r.status, late: Number(r.late), n: Number(r.n), late_minutes: Number(r.late_minutes) }));
}

/**
 * Complete meetings' attendance tallies summed per cell and month over a subtree and period: a commune's
 * year is a few hundred meetings, a province's a few tens of thousands — never every participant.
 */
export async function tallyByCellAndMonth(db: Kysely<Database>, q: { unitPath: string; from: string; to: string; today: string }) {
  const month = sql<string>`substr(mt.meeting_date, 1, 7)`;
  const rows = await db
    .selectFrom('meetings as mt')
    .innerJoin('units as u', 'u.id', 'mt.unit_id')
    .select((eb) => [
      'mt.unit_id',
      month.as('month'),
      eb.fn.countAll<number>().as('meetings'),
      ...Object.values(tallyColumns).map((c) => eb.fn.sum<number>(`mt.${c}`).as(c)),
    ])
    .where(inSubtree('u.path', q.unitPath))
    .where('mt.meeting_date', '>=', q.from)
    .where('mt.meeting_date', '<=', q.to)
    .where((eb) => completeMeeting(eb, q.today))
    .groupBy(['mt.unit_id', month])
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, unknown>;
    const tally = Object.fromEntries(Object.values(tallyColumns).map((c) => [c, Number(row[c] ?? 0)])) as TallyColumns;
    return { unitId: r.unit_id, month: String(r.month), meetings: Number(r.meetings), ...tally };
  });
}

/**
 * A member's own meetings in a period, newest first, each marked `complete` (1) when its
 * attendance counts in reports (`completeMeeting` on `today`).
 */
export function memberMeetings(db: Kysely<Database>, memberId: string, from: string, to: string, today: string) {
  return db
    .selectFrom('meeting_participants as p')
    .innerJoin('meetings as mt', 'mt.id', 'p.meeting_id')
    .innerJoin('units as u', 'u.id', 'mt.unit_id')
    .select((eb) => [
      'mt.id as meeting_id',
      'mt.meeting_date',
      'mt.kind',
      'mt.topic',
      'u.name as unit_name',
      'p.role',
      'p.status',
      'p.late_minutes',
      'p.reason',
      eb.case().when(completeMeeting(eb, today)).then(1).else(0).end().as('complete'),
    ])
    .where('p.member_id', '=', memberId)
    .where('mt.meeting_date', '>=', from)
    .where('mt.meeting_date', '<=', to)
    .orderBy('mt.meeting_date', 'desc')
    .execute();
}
