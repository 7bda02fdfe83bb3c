import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * The commune's outstanding local issues (vấn đề tồn tại, nổi cộm) with their actions as tasks and
 * the people's consent, and the public channel for citizens' feedback (ý kiến người dân) with
 * tracking codes and its abuse guards.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // The residential area (thôn, tổ dân phố) a unit stands for: the public form lists these as villages.
  await db.schema.alterTable('units').addColumn('village_name', 'text').execute();
  await sql`update units set village_name = substr(name, ${'Chi bộ thôn '.length + 1}) where kind = 'cell' and name like 'Chi bộ thôn %'`.execute(db);
  await sql`update units set village_name = substr(name, ${'Chi bộ tổ dân phố '.length + 1}) where kind = 'cell' and name like 'Chi bộ tổ dân phố %'`.execute(db);

  // Categories are reference data kept by the root committee (loaded from
  // reference/local-issue-categories.json, extended by the committee); issues keep the code.
  await db.schema
    .createTable('local_issue_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('example', 'text')
    // Provenance: the reference file it came from, or who added it.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('local_issue_categories_code_idx').on('local_issue_categories').columns(['unit_id', 'code']).unique().execute();

  await db.schema
    .createTable('local_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The committee whose list it is (the commune).
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('village_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('area_name', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    // "Since when": a year is enough, and "trước 2014" is a year with since_before = 1.
    .addColumn('since_year', 'integer')
    .addColumn('since_before', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households_affected', 'integer')
    .addColumn('responsible_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('responsible_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('deadline', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Why it cannot be resolved now, or why a resolved issue was reopened.
    .addColumn('status_reason', 'text')
    .addColumn('resolution_summary', 'text')
    .addColumn('resolved_on', 'text')
    // Each "resolved" starts a new round of the people's confirmations.
    .addColumn('resolution_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('local_issues_unit_status_idx').on('local_issues').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('local_issues_village_idx').on('local_issues').column('village_unit_id').execute();
  await db.schema.createIndex('local_issues_responsible_idx').on('local_issues').column('responsible_unit_id').execute();

  // The timeline's own entries: every status change with its reason.
  await db.schema
    .createTable('local_issue_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('local_issues.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('local_issue_status_changes_issue_idx').on('local_issue_status_changes').columns(['issue_id', 'created_at']).execute();

  // Actions are tasks.
  await db.schema.alterTable('tasks').addColumn('source_local_issue_id', 'text', (c) => c.references('local_issues.id')).execute();
  await db.schema.createIndex('tasks_local_issue_idx').on('tasks').column('source_local_issue_id').execute();

  await db.schema
    .createTable('citizen_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The commune it was sent to (the village's committee).
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('village_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('consent_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('local_issue_id', 'text', (c) => c.references('local_issues.id'))
    .addColumn('routed_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('answer_text', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('close_reason', 'text')
    .addColumn('closed_at', 'text')
    // Same contact, same words within a day: merged here rather than stored twice.
    .addColumn('duplicate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_hash', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_feedback_unit_status_idx').on('citizen_feedback').columns(['unit_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('citizen_feedback_dedupe_idx').on('citizen_feedback').columns(['contact_hash', 'content_hash', 'created_at']).execute();
  await db.schema.createIndex('citizen_feedback_issue_idx').on('citizen_feedback').column('local_issue_id').execute();
  await db.schema.createIndex('citizen_feedback_routed_idx').on('citizen_feedback').column('routed_unit_id').execute();

  // Tracking codes, kept only as hashes: a copy of the database does not let anyone read the
  // citizens' answers. A merged duplicate gets its own code for the same feedback.
  await db.schema
    .createTable('citizen_feedback_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('citizen_feedback.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_feedback_codes_feedback_idx').on('citizen_feedback_codes').column('feedback_id').execute();

  // The people's consent to a resolution: citizens who raised it (by their feedback) and the
  // village's cell, once each per resolution round.
  await db.schema
    .createTable('local_issue_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('local_issues.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('citizen_feedback_id', 'text', (c) => c.references('citizen_feedback.id'))
    .addColumn('cell_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('local_issue_confirmations_citizen_idx').on('local_issue_confirmations').columns(['issue_id', 'round', 'citizen_feedback_id']).unique().execute();
  await db.schema.createIndex('local_issue_confirmations_cell_idx').on('local_issue_confirmations').columns(['issue_id', 'round', 'cell_unit_id']).unique().execute();

  // Public submissions per address and per contact (hashed), for rate limits that hold across
  // instances. Honeypot and too-fast submissions count too: they are what a flood looks like.
  await db.schema
    .createTable('public_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('contact_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_submissions_ip_idx').on('public_submissions').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('public_submissions_contact_idx').on('public_submissions').columns(['contact_hash', 'created_at']).execute();
  await db.schema.createIndex('public_submissions_created_idx').on('public_submissions').column('created_at').execute();

  // Secrets every instance shares (the public form's signing key), made once on first use.
  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
