/** Meeting-quality rubrics and the scores given on them. */
import type { Kysely } from 'kysely';
import type { Database, MeetingRubricTable } from '../../db/schema.js';

export function scoresOf(db: Kysely<Database>, meetingId: string) {
  return scoresOfMeetings(db, [meetingId]);
}

export function scoresOfMeetings(db: Kysely<Database>, meetingIds: readonly string[]) {
  return db.selectFrom('meeting_scores').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

export async function replaceScores(
  db: Kysely<Database>,
  meetingId: string,
  unitId: string,
  items: { code: string; points: number; note: string | null }[],
) {
  await db.deleteFrom('meeting_scores').where('meeting_id', '=', meetingId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('meeting_scores')
    .values(items.map((i) => ({ meeting_id: meetingId, criterion_code: i.code, unit_id: unitId, points: i.points, note: i.note })))
    .execute();
}

export function findRubric(db: Kysely<Database>, id: string) {
  return db.selectFrom('meeting_rubrics').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active rubrics loaded by any of the given units (a cell's ancestors). */
export function activeRubrics(db: Kysely<Database>, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_rubrics')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export function rubricsOfUnit(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('meeting_rubrics').selectAll().where('unit_id', '=', unitId).orderBy('created_at', 'desc').execute();
}

export function insertRubric(db: Kysely<Database>, row: MeetingRubricTable) {
  return db.insertInto('meeting_rubrics').values(row).execute();
}

export function retireRubrics(db: Kysely<Database>, unitId: string, kind: string, at: string) {
  return db
    .updateTable('meeting_rubrics')
    .set({ retired_at: at })
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind)
    .where('retired_at', 'is', null)
    .execute();
}
