/** The approved versions of a meeting's minutes. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function versionsOf(db: Kysely<Database>, meetingId: string) {
  return versionsOfMeetings(db, [meetingId]);
}

export function versionsOfMeetings(db: Kysely<Database>, meetingIds: readonly string[]) {
  return db
    .selectFrom('meeting_minutes_versions as v')
    .leftJoin('accounts as a', 'a.id', 'v.approved_by_account_id')
    .leftJoin('accounts as r', 'r.id', 'v.reopened_by_account_id')
    .select([
      'v.id',
      'v.meeting_id',
      'v.version',
      'v.approved_at',
      'v.reopened_at',
      'v.reopen_reason',
      'a.display_name as approved_by_name',
      'r.display_name as reopened_by_name',
    ])
    .where('v.meeting_id', 'in', meetingIds)
    .orderBy('v.version')
    .execute();
}

export function insertVersion(db: Kysely<Database>, row: Database['meeting_minutes_versions']) {
  return db.insertInto('meeting_minutes_versions').values(row).execute();
}

export function markVersionReopened(db: Kysely<Database>, meetingId: string, version: number, patch: { reopened_at: string; reopened_by_account_id: string; reopen_reason: string }) {
  return db.updateTable('meeting_minutes_versions').set(patch).where('meeting_id', '=', meetingId).where('version', '=', version).execute();
}
