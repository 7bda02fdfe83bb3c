import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * "Tự soi, tự sửa": the versioned self-examination checklist (the 27 manifestations and the
 * exemplary-responsibility points), members' self-examinations against one version of it, their
 * correction plans with progress and verification, and feedback between members and the cell.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // A checklist version is a whole snapshot: an edit makes a new version and retires the old one,
  // so a self-examination keeps pointing at exactly the wording it was made against.
  await db.schema
    .createTable('checklist_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The committee that keeps it; its cells' members examine themselves against it.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // Why this version exists ("loaded from …", "sửa mục CT3: …").
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checklist_versions_unit_idx').on('checklist_versions').columns(['unit_id', 'version']).unique().execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('checklist_versions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('list', 'text', (c) => c.notNull())
    // Stable across versions (CT1 … DB9, NG1 …): an item's history is the rows with its code.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    // Political ideology and "tự diễn biến, tự chuyển hóa": feedback naming it goes to the cell committee and UBKT only.
    .addColumn('grave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The official wording where a source quotes it; null until someone enters it (the title stands in).
    .addColumn('text', 'text')
    .addColumn('text_source', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('checklist_items_version_idx').on('checklist_items').columns(['version_id', 'position']).execute();
  await db.schema.createIndex('checklist_items_code_idx').on('checklist_items').columns(['unit_id', 'code']).execute();

  await db.schema
    .createTable('self_examinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The member's cell when it was opened.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('checklist_version_id', 'text', (c) => c.notNull().references('checklist_versions.id'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer')
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    // Y2022, Q2022-2, M<meeting id>: one self-examination per member per period.
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull().defaultTo(''))
    // Hạn chế, khuyết điểm with causes and the proposed correction, and what was done about last
    // period's: small ordered lists the member edits as a whole while typing.
    .addColumn('shortcomings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('followups_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // Bumped by every save: a second tab or a stale offline copy cannot overwrite newer text.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_examinations_member_period_idx').on('self_examinations').columns(['member_id', 'period_key']).unique().execute();
  await db.schema.createIndex('self_examinations_unit_year_idx').on('self_examinations').columns(['unit_id', 'year']).execute();

  await db.schema
    .createTable('self_examination_answers')
    .addColumn('self_examination_id', 'text', (c) => c.notNull().references('self_examinations.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('checklist_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('mark', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('self_examination_answers_pk', ['self_examination_id', 'item_id'])
    .execute();
  await db.schema.createIndex('self_examination_answers_item_idx').on('self_examination_answers').columns(['item_id', 'mark']).execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The cell it was given in.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    // Null for anonymous upward feedback (and for the cell's own): no link to the author is kept.
    .addColumn('giver_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('receiver_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('manifestation_item_id', 'text', (c) => c.references('checklist_items.id'))
    .addColumn('grave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer_text', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_member_id', 'text', (c) => c.references('members.id'))
    // Local date given (feedback per member per month); anonymous feedback keeps only this.
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_unit_date_idx').on('feedback').columns(['unit_id', 'given_on']).execute();
  await db.schema.createIndex('feedback_receiver_idx').on('feedback').column('receiver_member_id').execute();
  await db.schema.createIndex('feedback_giver_idx').on('feedback').column('giver_member_id').execute();

  // One plan per member per year: items arrive from the self-examination, accepted feedback, and
  // (with the inspection issue) inspection findings.
  await db.schema
    .createTable('correction_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_plans_member_year_idx').on('correction_plans').columns(['member_id', 'year']).unique().execute();
  await db.schema.createIndex('correction_plans_unit_year_idx').on('correction_plans').columns(['unit_id', 'year']).execute();

  await db.schema
    .createTable('correction_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('correction_plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('shortcoming', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('success_criteria', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_self_examination_id', 'text', (c) => c.references('self_examinations.id'))
    .addColumn('source_feedback_id', 'text', (c) => c.references('feedback.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // The day the member reported it fixed; "fixed on time" compares it with the deadline.
    .addColumn('claimed_on', 'text')
    .addColumn('verified_on', 'text')
    .addColumn('verified_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('verification_comment', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_plan_items_plan_idx').on('correction_plan_items').columns(['plan_id', 'position']).execute();
  await db.schema.createIndex('correction_plan_items_unit_idx').on('correction_plan_items').columns(['unit_id', 'status', 'deadline']).execute();
  await db.schema.createIndex('correction_plan_items_feedback_idx').on('correction_plan_items').column('source_feedback_id').execute();

  await db.schema
    .createTable('correction_plan_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('correction_plan_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    // note (the member's progress), claimed (reported fixed), fixed / returned (the verifier's word).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_plan_progress_item_idx').on('correction_plan_progress').columns(['item_id', 'created_at']).execute();
}
