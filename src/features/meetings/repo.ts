import { sql, type Kysely } from 'kysely';
import type { Database, MeetingAgendaItemTable, MeetingParticipantTable, MeetingTable } from '../../db/schema.js';
import { inSubtree } from '../../db/dialect.js';
import type { AttendanceCounts } from '../../domain/attendance.js';

// The other tables of a meeting have repos of their own; the demo seed and other features find
// these writes here, as before.
export { insertOutcome } from './outcome-repo.js';
export { replaceScores } from './rubric-repo.js';
export { insertVersion } from './minutes-repo.js';

export type MeetingRow = MeetingTable;

/** A meeting with the path and name of its cell (for scope checks and display). */
function selectMeetingsWithUnit(db: Kysely<Database>) {
  return db
    .selectFrom('meetings')
    .innerJoin('units', 'units.id', 'meetings.unit_id')
    .selectAll('meetings')
    .select(['units.path as unit_path', 'units.name as unit_name', 'units.parent_id as unit_parent_id']);
}

export function findMeeting(db: Kysely<Database>, id: string) {
  return selectMeetingsWithUnit(db).where('meetings.id', '=', id).executeTakeFirst();
}
export type MeetingWithUnit = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Several meetings at once, in no particular order (a batch of snapshots reads them so). */
export function findMeetings(db: Kysely<Database>, ids: readonly string[]): Promise<MeetingWithUnit[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectMeetingsWithUnit(db).where('meetings.id', 'in', ids).execute();
}

export function insertMeeting(db: Kysely<Database>, row: MeetingRow) {
  return db.insertInto('meetings').values(row).execute();
}

export function updateMeeting(db: Kysely<Database>, id: string, patch: Partial<MeetingRow>) {
  return db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

/**
 * What hangs off a meeting before its tasks can go: the review lists that name it or its tasks,
 * its score and outcomes (planned meetings only: nothing else refers to it).
 */
export async function deleteMeetingLinks(db: Kysely<Database>, id: string) {
  await db.deleteFrom('meeting_reviewed_tasks').where('meeting_id', '=', id).execute();
  // Its tasks may already sit on a later meeting's review list.
  await db
    .deleteFrom('meeting_reviewed_tasks')
    .where('task_id', 'in', (eb) => eb.selectFrom('tasks').select('id').where('source_meeting_id', '=', id))
    .execute();
  await db.deleteFrom('meeting_scores').where('meeting_id', '=', id).execute();
  await db.deleteFrom('meeting_outcomes').where('meeting_id', '=', id).execute();
}

/** The meeting itself, its agenda and participants (after its tasks are gone). */
export async function deleteMeetingRecord(db: Kysely<Database>, id: string) {
  await db.deleteFrom('meeting_agenda_items').where('meeting_id', '=', id).execute();
  await db.deleteFrom('meeting_participants').where('meeting_id', '=', id).execute();
  await db.deleteFrom('meetings').where('id', '=', id).execute();
}

// --- participants ---------------------------------------------------------------------------

export function participantsOf(db: Kysely<Database>, meetingId: string) {
  return participantsOfMeetings(db, [meetingId]);
}

/** The participants of several meetings, each meeting's in the order its page lists them. */
export function participantsOfMeetings(db: Kysely<Database>, meetingIds: readonly string[]) {
  return db
    .selectFrom('meeting_participants as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .selectAll('p')
    .select(['m.full_name', 'm.status as member_status', 'm.official_on', 'm.card_number', 'u.name as member_unit_name'])
    .where('p.meeting_id', 'in', meetingIds)
    .orderBy('p.role', 'desc') // 'member' before 'guest'
    .orderBy('m.sort_key')
    .execute();
}
export type ParticipantRow = Awaited<ReturnType<typeof participantsOfMeetings>>[number];

export function insertParticipants(db: Kysely<Database>, rows: MeetingParticipantTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('meeting_participants').values(rows).execute();
}

export function updateParticipant(db: Kysely<Database>, id: string, patch: Partial<MeetingParticipantTable>) {
  return db.updateTable('meeting_participants').set(patch).where('id', '=', id).execute();
}

export function deleteParticipants(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve();
  return db.deleteFrom('meeting_participants').where('id', 'in', ids).execute();
}

/** Active members of a cell, in name order. */
export function cellMembers(db: Kysely<Database>, unitId: string) {
  return db
    .selectFrom('members')
    .select(['id', 'full_name', 'status', 'card_number', 'joined_on'])
    .where('unit_id', '=', unitId)
    .where('archived_at', 'is', null)
    .orderBy('sort_key')
    .execute();
}

/**
 * People who may be invited as guests: members linked to accounts that hold a committee role
 * (party committee, inspection) on a unit above the cell.
 */
export function guestCandidates(db: Kysely<Database>, ancestorIds: string[]) {
  if (ancestorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.full_name', 'u.name as unit_name', 'm.sort_key'])
    .where('r.unit_id', 'in', ancestorIds)
    .where('r.role', 'in', ['party_committee', 'inspection'])
    .where('a.disabled_at', 'is', null)
    .where('m.archived_at', 'is', null)
    .distinct()
    .orderBy('m.sort_key')
    .execute();
}

// --- agenda and tasks -----------------------------------------------------------------------

export function agendaOf(db: Kysely<Database>, meetingId: string) {
  return agendaOfMeetings(db, [meetingId]);
}

export function agendaOfMeetings(db: Kysely<Database>, meetingIds: readonly string[]) {
  return db
    .selectFrom('meeting_agenda_items as a')
    .leftJoin('members as m', 'm.id', 'a.presenter_member_id')
    .selectAll('a')
    .select('m.full_name as presenter_name')
    .where('a.meeting_id', 'in', meetingIds)
    .orderBy('a.position')
    .execute();
}

export function insertAgendaItems(db: Kysely<Database>, rows: MeetingAgendaItemTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('meeting_agenda_items').values(rows).execute();
}

export function updateAgendaItem(db: Kysely<Database>, id: string, patch: Partial<MeetingAgendaItemTable>) {
  return db.updateTable('meeting_agenda_items').set(patch).where('id', '=', id).execute();
}

export function deleteAgendaItems(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve();
  return db.deleteFrom('meeting_agenda_items').where('id', 'in', ids).execute();
}

export function insertReviewedTasks(db: Kysely<Database>, rows: { meeting_id: string; task_id: string; unit_id: string }[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('meeting_reviewed_tasks').values(rows).execute();
}

// --- lists and statistics -------------------------------------------------------------------

/** Meetings of a subtree in a period, newest first, one page plus the total. */
export async function listMeetings(
  db: Kysely<Database>,
  q: { unitPath: string; from: string; to: string; kind?: string | undefined; held?: boolean | undefined; page: number; pageSize: number },
) {
  const base = db
    .selectFrom('meetings')
    .innerJoin('units', 'units.id', 'meetings.unit_id')
    .where(inSubtree('units.path', q.unitPath))
    .where('meetings.meeting_date', '>=', q.from)
    .where('meetings.meeting_date', '<=', q.to)
    .$if(q.kind !== undefined, (b) => b.where('meetings.kind', '=', q.kind!))
    .$if(q.held !== undefined, (b) => b.where('meetings.status', q.held ? '<>' : '=', 'planned'));
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
    base
      .selectAll('meetings')
      .select('units.name as unit_name')
      .orderBy('meetings.meeting_date', 'desc')
      .orderBy('meetings.start_time', 'desc')
      .orderBy('units.name')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(countRow?.total ?? 0), rows };
}

/**
 * Meetings of a subtree in a period counted per cell, month, kind and whether held (not just
 * planned) — the overview's cells × months grid: what the meeting list counts, grouped in SQL.
 */
export async function meetingCountsByCellMonth(db: Kysely<Database>, q: { unitPath: string; from: string; to: string }) {
  const month = sql<string>`substr(mt.meeting_date, 1, 7)`;
  const held = sql<number>`case when mt.status = 'planned' then 0 else 1 end`;
  const rows = await db
    .selectFrom('meetings as mt')
    .innerJoin('units as u', 'u.id', 'mt.unit_id')
    .select((eb) => ['mt.unit_id', 'u.path', month.as('month'), 'mt.kind', held.as('held'), eb.fn.countAll<number>().as('n')])
    .where(inSubtree('u.path', q.unitPath))
    .where('mt.meeting_date', '>=', q.from)
    .where('mt.meeting_date', '<=', q.to)
    .groupBy(['mt.unit_id', 'u.path', month, 'mt.kind', held])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitPath: r.path, month: String(r.month), kind: r.kind as 'regular' | 'thematic', held: Number(r.held) === 1, n: Number(r.n) }));
}

/** Kind and date of a cell's meetings in a period (for schedule warnings). */
export function meetingDates(db: Kysely<Database>, unitId: string, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['kind', 'meeting_date'])
    .where('unit_id', '=', unitId)
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .execute();
}

/** A cell's meetings dated within [from, to], oldest first, with their kind and state. */
export function cellMeetingsIn(db: Kysely<Database>, unitId: string, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_date', 'kind', 'topic', 'status', 'att_pending'])
    .where('unit_id', '=', unitId)
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .orderBy('meeting_date')
    .orderBy('id')
    .execute();
}

/** A cell's thematic meetings (sinh hoạt chuyên đề) dated within [from, to], soonest first. */
export function thematicMeetingsOf(db: Kysely<Database>, unitId: string, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'meeting_date', 'topic'])
    .where('unit_id', '=', unitId)
    .where('kind', '=', 'thematic')
    .where('meeting_date', '>=', from)
    .where('meeting_date', '<=', to)
    .orderBy('meeting_date')
    .execute();
}

/**
 * Planned meetings on or after `from` of the member's own cell and of `unitIds`, soonest first,
 * with their cell's path and name.
 */
export function plannedMeetingsFrom(db: Kysely<Database>, q: { memberId: string | null; unitIds: readonly string[]; from: string }) {
  return selectMeetingsWithUnit(db)
    .where('meetings.status', '=', 'planned')
    .where('meetings.meeting_date', '>=', q.from)
    .where((eb) => {
      const own = q.memberId ? [eb('meetings.unit_id', 'in', eb.selectFrom('members').select('unit_id').where('id', '=', q.memberId))] : [];
      const led = q.unitIds.length > 0 ? [eb('meetings.unit_id', 'in', q.unitIds)] : [];
      return eb.or([...own, ...led]);
    })
    .orderBy('meetings.meeting_date')
    .orderBy('meetings.start_time')
    .execute();
}

/** Years with meetings in a subtree, newest first. */
export async function meetingYears(db: Kysely<Database>, unitPath: string): Promise<number[]> {
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('units', 'units.id', 'meetings.unit_id')
    .select(sql<string>`substr(meetings.meeting_date, 1, 4)`.as('year'))
    .where(inSubtree('units.path', unitPath))
    .groupBy(sql`substr(meetings.meeting_date, 1, 4)`)
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

/** The attendance tally columns of a meeting, in the order of AttendanceCounts. */
export const tallyColumns = {
  expected: 'att_expected',
  present: 'att_present',
  onTime: 'att_on_time',
  late: 'att_late',
  excused: 'att_excused',
  absent: 'att_absent',
  exempt: 'att_exempt',
  pending: 'att_pending',
  lateMinutesTotal: 'att_late_minutes',
} as const;
export type TallyColumns = { [K in (typeof tallyColumns)[keyof typeof tallyColumns]]: number };

/** The stored tally columns of a meeting from its counts, and back. */
export function tallyOf(counts: AttendanceCounts): TallyColumns {
  const out = {} as TallyColumns;
  for (const [key, column] of Object.entries(tallyColumns)) out[column] = counts[key as keyof AttendanceCounts];
  return out;
}
export function countsOfTally(row: TallyColumns): AttendanceCounts {
  const out = {} as AttendanceCounts;
  for (const [key, column] of Object.entries(tallyColumns)) out[key as keyof AttendanceCounts] = Number(row[column]);
  return out;
}

export function setTally(db: Kysely<Database>, id: string, tally: TallyColumns) {
  return db.updateTable('meetings').set(tally).where('id', '=', id).execute();
}

/** The place of a cell's latest meeting, to pre-fill the next. */
export async function lastPlace(db: Kysely<Database>, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('meetings')
    .select('place')
    .where('unit_id', '=', unitId)
    .orderBy('meeting_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.place ?? null;
}
