import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Kiểm tra, giám sát và kỷ luật (Quy định 296-QĐ/TW): the versioned rule set (kinds, steps, time
 * limits, discipline forms, public holidays), yearly programmes and their items, cases with their
 * steps, evidence links, conclusions and recommendations, and discipline decisions.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // Like the checklist: a version is a whole snapshot; editing an item makes a new version in
  // which that item is unconfirmed again, and cases keep the version they were opened under.
  await db.schema
    .createTable('inspection_rule_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_rule_versions_unit_idx').on('inspection_rule_versions').columns(['unit_id', 'version']).unique().execute();

  await db.schema
    .createTable('inspection_rule_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('inspection_rule_versions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // kind | step | discipline_form | holidays; code is stable across versions (a kind's code, a year).
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // The item's content as the reference file keeps it (steps, limits, days off …).
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('inspection_rule_items_version_idx').on('inspection_rule_items').columns(['version_id', 'item_type', 'code']).unique().execute();

  // Chương trình kiểm tra, giám sát năm — of the party committee, of the UBKT, or of a cell.
  await db.schema
    .createTable('inspection_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // party_committee | inspection_committee | cell
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text')
    .addColumn('adopted_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_programmes_unit_idx').on('inspection_programmes').columns(['unit_id', 'year', 'body']).unique().execute();

  await db.schema
    .createTable('inspection_programme_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('inspection_programmes.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull())
    .addColumn('subject_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('subject_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    // Thời kỳ kiểm tra, giám sát: the period whose work is reviewed.
    .addColumn('review_from', 'text', (c) => c.notNull())
    .addColumn('review_to', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('lead_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('team_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_programme_items_programme_idx').on('inspection_programme_items').columns(['programme_id', 'position']).execute();

  // Cuộc kiểm tra / giám sát, and a denunciation or an appeal being handled.
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The deciding body's unit: whose case file it is.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull())
    .addColumn('rule_version_id', 'text', (c) => c.notNull().references('inspection_rule_versions.id'))
    .addColumn('programme_item_id', 'text', (c) => c.references('inspection_programme_items.id'))
    // A supervision that found signs of violation opens an inspection; a denunciation leads to one.
    .addColumn('origin_inspection_id', 'text', (c) => c.references('inspections.id'))
    // The subject: a unit (its cell for a member subject, so scope checks read one column).
    .addColumn('subject_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('subject_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('review_from', 'text', (c) => c.notNull())
    .addColumn('review_to', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('lead_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('team_json', 'text', (c) => c.notNull())
    // open → concluded (the notice of conclusion issued) → closed (every recommendation fixed).
    .addColumn('status', 'text', (c) => c.notNull())
    // When the subject was told (the notice step): from then on they see what is addressed to them.
    .addColumn('notified_on', 'text')
    .addColumn('extension_working_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    // Denunciations and appeals: who lodged it, when, what; the verdict on it.
    .addColumn('received_on', 'text')
    .addColumn('complainant_name', 'text')
    .addColumn('complainant_contact', 'text')
    .addColumn('source_citizen_feedback_id', 'text', (c) => c.references('citizen_feedback.id'))
    .addColumn('source_discipline_id', 'text')
    .addColumn('verdict', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_unit_year_idx').on('inspections').columns(['unit_id', 'year']).execute();
  await db.schema.createIndex('inspections_subject_unit_idx').on('inspections').column('subject_unit_id').execute();
  await db.schema.createIndex('inspections_subject_member_idx').on('inspections').column('subject_member_id').execute();
  await db.schema.createIndex('inspections_programme_item_idx').on('inspections').column('programme_item_id').execute();

  // Each step as it was done: its date, what it produced, the subject's comments at the working meeting.
  await db.schema
    .createTable('inspection_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('step_code', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('subject_comments', 'text')
    .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_steps_inspection_idx').on('inspection_steps').columns(['inspection_id', 'step_code']).unique().execute();

  // Evidence: a link from a step's notes to one of the subject's records.
  await db.schema
    .createTable('inspection_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('step_id', 'text', (c) => c.notNull().references('inspection_steps.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('inspection_evidence_inspection_idx').on('inspection_evidence').column('inspection_id').execute();

  // Thông báo kết luận.
  await db.schema
    .createTable('inspection_conclusions')
    .addColumn('inspection_id', 'text', (c) => c.primaryKey().references('inspections.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('concluded_on', 'text', (c) => c.notNull())
    .addColumn('document_no', 'text')
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('shortcomings', 'text', (c) => c.notNull())
    .addColumn('violations', 'text')
    .addColumn('causes', 'text', (c) => c.notNull())
    .addColumn('responsibility', 'text')
    .addColumn('signs_of_violation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Kiến nghị: each becomes a correction item (a member subject) or a task (a cell subject).
  await db.schema
    .createTable('inspection_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('plan_item_id', 'text', (c) => c.references('correction_plan_items.id'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    // open → reported (the subject says it is fixed) → fixed (the UBKT verified), or returned.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text')
    .addColumn('report_note', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('verified_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('verification_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_recommendations_inspection_idx').on('inspection_recommendations').columns(['inspection_id', 'position']).execute();
  await db.schema.createIndex('inspection_recommendations_unit_status_idx').on('inspection_recommendations').columns(['unit_id', 'status']).execute();

  // Kỷ luật — a decision on a member, the rating reads it.
  await db.schema
    .createTable('discipline_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The member's unit when decided (scope of who reads it).
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('form_code', 'text', (c) => c.notNull())
    .addColumn('form_name', 'text', (c) => c.notNull())
    .addColumn('rule_version_id', 'text', (c) => c.notNull().references('inspection_rule_versions.id'))
    // The deciding body: its unit and which body of it (the cell, the party committee, the UBKT).
    .addColumn('deciding_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('deciding_body', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_inspection_id', 'text', (c) => c.references('inspections.id'))
    .addColumn('member_status', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_decisions_member_idx').on('discipline_decisions').columns(['member_id', 'decided_on']).execute();
  await db.schema.createIndex('discipline_decisions_unit_idx').on('discipline_decisions').columns(['unit_id', 'decided_on']).execute();

  // Tasks and correction items say they came from an inspection's recommendation.
  await db.schema.alterTable('tasks').addColumn('source_inspection_id', 'text', (c) => c.references('inspections.id')).execute();
  await db.schema.alterTable('correction_plan_items').addColumn('source_inspection_id', 'text', (c) => c.references('inspections.id')).execute();
}
