import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Cell meetings: the meeting, its participants and their attendance, agenda items with
 * minutes, outcomes, the minimal task record, quality scores on a loaded rubric, and the
 * locked versions of approved minutes.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  await db.schema
    .createTable('meeting_rubrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_rubrics_unit_idx').on('meeting_rubrics').columns(['unit_id', 'kind']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('grace_minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('chair_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('secretary_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rubric_id', 'text', (c) => c.references('meeting_rubrics.id'))
    .addColumn('score_total', 'real')
    .addColumn('score_level', 'text')
    .addColumn('minutes_version', 'integer', (c) => c.notNull().defaultTo(0))
    // The attendance tally of the cell's members (guests apart), kept in step with the
    // participant rows by the same transaction: reports sum meetings, not every participant.
    .addColumn('att_expected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_present', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_excused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_absent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('att_late_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_unit_date_idx').on('meetings').columns(['unit_id', 'meeting_date']).execute();
  await db.schema.createIndex('meetings_date_idx').on('meetings').column('meeting_date').execute();

  await db.schema
    .createTable('meeting_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text')
    .addColumn('late_minutes', 'integer')
    .addColumn('reason', 'text')
    .addColumn('reported', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_participants_unique', ['meeting_id', 'member_id'])
    .execute();
  await db.schema.createIndex('meeting_participants_member_idx').on('meeting_participants').column('member_id').execute();
  // Covers the attendance reports: counts by status and lateness without visiting the rows.
  await db.schema
    .createIndex('meeting_participants_report_idx')
    .on('meeting_participants')
    .columns(['meeting_id', 'role', 'status', 'late_minutes'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('planned_minutes', 'integer')
    .addColumn('minutes_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_agenda_meeting_idx').on('meeting_agenda_items').columns(['meeting_id', 'position']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('completed_on', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_unit_status_idx').on('tasks').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('tasks_owner_idx').on('tasks').column('owner_member_id').execute();
  await db.schema.createIndex('tasks_meeting_idx').on('tasks').column('source_meeting_id').execute();

  await db.schema
    .createTable('meeting_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('meeting_agenda_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('votes_for', 'integer')
    .addColumn('votes_against', 'integer')
    .addColumn('votes_abstain', 'integer')
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_outcomes_meeting_idx').on('meeting_outcomes').columns(['meeting_id', 'position']).execute();

  // Open tasks from earlier meetings listed on this meeting's agenda (kept, so approved
  // minutes show what was reviewed even after the tasks move on).
  await db.schema
    .createTable('meeting_reviewed_tasks')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('meeting_reviewed_tasks_pk', ['meeting_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('meeting_scores')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('criterion_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('points', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('meeting_scores_pk', ['meeting_id', 'criterion_code'])
    .execute();

  await db.schema
    .createTable('meeting_minutes_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('reopen_reason', 'text')
    .addUniqueConstraint('meeting_minutes_versions_unique', ['meeting_id', 'version'])
    .execute();
}
