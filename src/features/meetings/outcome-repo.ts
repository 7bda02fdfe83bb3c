/** A meeting's outcomes (information, decisions with votes, tasks decided). */
import type { Kysely } from 'kysely';
import type { Database, MeetingOutcomeTable } from '../../db/schema.js';

export function outcomesOf(db: Kysely<Database>, meetingId: string) {
  return outcomesOfMeetings(db, [meetingId]);
}

export function outcomesOfMeetings(db: Kysely<Database>, meetingIds: readonly string[]) {
  return db
    .selectFrom('meeting_outcomes')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('position')
    .execute();
}

export function insertOutcome(db: Kysely<Database>, row: MeetingOutcomeTable) {
  return db.insertInto('meeting_outcomes').values(row).execute();
}

export function findOutcome(db: Kysely<Database>, meetingId: string, outcomeId: string) {
  return db
    .selectFrom('meeting_outcomes')
    .selectAll()
    .where('id', '=', outcomeId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export async function deleteOutcome(db: Kysely<Database>, outcome: { id: string; task_id: string | null }) {
  await db.deleteFrom('meeting_outcomes').where('id', '=', outcome.id).execute();
  if (outcome.task_id) {
    await db.deleteFrom('meeting_reviewed_tasks').where('task_id', '=', outcome.task_id).execute();
  }
}

export async function nextOutcomePosition(db: Kysely<Database>, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_outcomes')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
