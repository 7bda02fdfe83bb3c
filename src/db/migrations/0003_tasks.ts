import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Tasks "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian": the meetings issue's minimal task
 * record grows a deliverable, an owner that may be a unit (a mass organisation the task is handed
 * down to), co-workers, a source (meeting, directive, commitment), priority, progress reports
 * with attachments, and a graded outcome. Also committee directives to cells and the yearly
 * commitments (chỉ tiêu cam kết) of members and cells.
 */
export async function up({ db, dialect }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  await db.schema
    .createTable('directives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The issuing committee's unit.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directives_unit_idx').on('directives').columns(['unit_id', 'issued_on']).execute();

  await db.schema
    .createTable('directive_targets')
    .addColumn('directive_id', 'text', (c) => c.notNull().references('directives.id'))
    // The receiving cell.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('acknowledgement_note', 'text')
    .addPrimaryKeyConstraint('directive_targets_pk', ['directive_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('directive_targets_unit_idx').on('directive_targets').column('unit_id').execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A member's commitment lives in the member's cell; a unit's in that unit.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The indicator (measurable) or the pledge's text (qualitative).
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('measure_unit', 'text')
    .addColumn('direction', 'text')
    .addColumn('actual_value', 'double precision')
    .addColumn('evidence', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('result', 'text')
    .addColumn('result_percent', 'double precision')
    .addColumn('evaluation_note', 'text')
    // Set when evaluated before the year ended: the reason it could not wait.
    .addColumn('early_evaluation_reason', 'text')
    .addColumn('evaluated_at', 'text')
    .addColumn('evaluated_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_unit_year_idx').on('commitments').columns(['unit_id', 'year']).execute();
  await db.schema.createIndex('commitments_member_year_idx').on('commitments').columns(['member_id', 'year']).execute();

  await db.schema
    .createTable('commitment_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_progress_commitment_idx').on('commitment_progress').columns(['commitment_id', 'created_at']).execute();

  await extendTasks(db, dialect);

  await db.schema
    .createTable('task_coworkers')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('task_coworkers_pk', ['task_id', 'member_id'])
    .execute();
  await db.schema.createIndex('task_coworkers_member_idx').on('task_coworkers').column('member_id').execute();

  // Attachments live in the database so any number of server instances can serve them.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', dialect.bytes, (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('task_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('author_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_progress_task_idx').on('task_progress').columns(['task_id', 'created_at']).execute();
}

/** Columns the tasks table gains; all nullable or defaulted, so existing rows stay valid. */
const newTaskColumns: [name: string, type: 'text' | 'integer', options?: { notNullDefault?: string | number; references?: string }][] = [
  ['deliverable', 'text'],
  ['owner_unit_id', 'text', { references: 'units.id' }],
  ['priority', 'text', { notNullDefault: 'normal' }],
  ['source_kind', 'text', { notNullDefault: 'standalone' }],
  ['source_directive_id', 'text', { references: 'directives.id' }],
  ['source_commitment_id', 'text', { references: 'commitments.id' }],
  ['received_on', 'text'],
  ['handed_down_on', 'text'],
  ['progress_percent', 'integer', { notNullDefault: 0 }],
  ['closed_on', 'text'],
  ['close_comment', 'text'],
  ['closed_by_account_id', 'text', { references: 'accounts.id' }],
];

async function extendTasks(db: Kysely<any>, dialect: DialectHelpers): Promise<void> {
  if (dialect.name === 'postgres') {
    await db.schema.alterTable('tasks').alterColumn('owner_member_id', (c) => c.dropNotNull()).execute();
    for (const [name, type, options] of newTaskColumns) {
      await db.schema
        .alterTable('tasks')
        .addColumn(name, type, (c) => {
          let col = c;
          if (options?.notNullDefault !== undefined) col = col.notNull().defaultTo(options.notNullDefault);
          if (options?.references) col = col.references(options.references);
          return col;
        })
        .execute();
    }
  } else {
    // SQLite cannot drop NOT NULL from owner_member_id (a task may now belong to a unit): rebuild
    // the table as its documentation prescribes, with foreign keys off (migrations on SQLite run
    // outside a transaction, so the pragma takes effect) and checked again before committing.
    await sql`pragma foreign_keys = off`.execute(db);
    await sql`begin`.execute(db);
    try {
      await db.schema
        .createTable('tasks_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_member_id', 'text', (c) => c.references('members.id'))
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source_meeting_id', 'text', (c) => c.references('meetings.id'))
        .addColumn('completed_on', 'text')
        .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .$call((builder) => {
          let b = builder;
          for (const [name, type, options] of newTaskColumns) {
            b = b.addColumn(name, type, (c) => {
              let col = c;
              if (options?.notNullDefault !== undefined) col = col.notNull().defaultTo(options.notNullDefault);
              if (options?.references) col = col.references(options.references);
              return col;
            });
          }
          return b;
        })
        .execute();
      const old = sql.join(
        ['id', 'unit_id', 'title', 'owner_member_id', 'deadline', 'status', 'source_meeting_id', 'completed_on', 'created_by_account_id', 'created_at', 'updated_at'].map((c) => sql.ref(c)),
      );
      await sql`insert into tasks_new (${old}) select ${old} from tasks`.execute(db);
      await sql`drop table tasks`.execute(db);
      await sql`alter table tasks_new rename to tasks`.execute(db);
      const problems = await sql`pragma foreign_key_check`.execute(db);
      if (problems.rows.length > 0) throw new Error(`tasks rebuild broke ${problems.rows.length} foreign keys`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
    await db.schema.createIndex('tasks_unit_status_idx').on('tasks').columns(['unit_id', 'status']).execute();
    await db.schema.createIndex('tasks_owner_idx').on('tasks').column('owner_member_id').execute();
    await db.schema.createIndex('tasks_meeting_idx').on('tasks').column('source_meeting_id').execute();
  }
  await db.schema.createIndex('tasks_owner_unit_idx').on('tasks').column('owner_unit_id').execute();
  await db.schema.createIndex('tasks_directive_idx').on('tasks').column('source_directive_id').execute();
  await db.schema.createIndex('tasks_unit_deadline_idx').on('tasks').columns(['unit_id', 'deadline']).execute();

  // The minimal record's "done" becomes a graded outcome, judged by the date it was ticked.
  await sql`update tasks set source_kind = 'meeting' where source_meeting_id is not null`.execute(db);
  await sql`update tasks set closed_on = completed_on, progress_percent = 100,
    status = case when completed_on <= deadline then 'on_time' else 'late' end
    where status = 'done'`.execute(db);
}
