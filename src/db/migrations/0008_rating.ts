import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Kiểm điểm, đánh giá, xếp loại (Quy định 366-QĐ/TW): a versioned rule set kept in the shared
 * rule-set tables, review periods with their steps, each member's and each cell's review, the
 * cell's review meeting with its vote (typed counts or a secret ballot), and the committee's
 * decisions, each a new version with a reason.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  // Rule sets as versioned data (the rating's first; the checklist and inspection rules keep their
  // own tables for now). A version is a whole snapshot; editing an item makes a new version in
  // which that item is unconfirmed again; a period keeps the version it was opened under.
  await db.schema
    .createTable('rule_set_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Which rule set: 'rating_rules' (QĐ 366) so far; also the audit's record type (src/features/rule-sets).
    .addColumn('set_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rule_set_versions_unit_idx').on('rule_set_versions').columns(['set_code', 'unit_id', 'version']).unique().execute();

  await db.schema
    .createTable('rule_set_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('rule_set_versions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('rule_set_items_version_idx').on('rule_set_items').columns(['version_id', 'item_type', 'code']).unique().execute();

  // Đợt kiểm điểm: a year or a quarter of one grassroots organisation (the commune's đảng bộ).
  await db.schema
    .createTable('review_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // year | quarter
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer')
    // 2026 or 2026-Q3: one period per unit and key.
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rules_version_id', 'text', (c) => c.notNull().references('rule_set_versions.id'))
    // The steps in the guidance's order with their dates: [{ code, dueOn }].
    .addColumn('steps_json', 'text', (c) => c.notNull())
    // open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_periods_unit_idx').on('review_periods').columns(['unit_id', 'period_key']).unique().execute();

  // Bản kiểm điểm: a member's (2A/2B/2C) or a cell's as a collective (Mẫu 01).
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('review_periods.id'))
    // The cell: a member's cell, or the collective itself. Scope of who reads it.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // member | collective
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    // The member's id, or the cell's: one review per subject and period.
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('form_code', 'text', (c) => c.notNull())
    // draft | submitted
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('shortcomings', 'text', (c) => c.notNull())
    .addColumn('causes', 'text', (c) => c.notNull())
    .addColumn('previous_fixes', 'text', (c) => c.notNull())
    .addColumn('remedies', 'text', (c) => c.notNull())
    // Points per criterion code.
    .addColumn('points_json', 'text', (c) => c.notNull())
    .addColumn('self_level', 'text')
    // Why the proposed level stands where the evidence rules it out.
    .addColumn('self_level_reason', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    // The evidence as it stood when submitted, and apart (small, read by every list) what the
    // level rules read of it: task outcomes, unfixed shortcomings, detected facts.
    .addColumn('evidence_json', 'text')
    .addColumn('rule_basis_json', 'text')
    .addColumn('submitted_at', 'text')
    // Ý kiến góp ý của chi bộ, recorded by the cell at the review meeting.
    .addColumn('cell_comments', 'text')
    // The vote: counts per level (typed, or tallied when the ballot closed), the denominator.
    .addColumn('vote_counts_json', 'text')
    .addColumn('vote_denominator', 'integer')
    .addColumn('vote_level', 'text')
    // Chi ủy đề xuất.
    .addColumn('proposed_level', 'text')
    .addColumn('proposal_note', 'text')
    .addColumn('proposed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('proposed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reviews_subject_idx').on('reviews').columns(['period_id', 'subject_key']).unique().execute();
  await db.schema.createIndex('reviews_unit_idx').on('reviews').columns(['unit_id', 'period_id']).execute();
  await db.schema.createIndex('reviews_member_idx').on('reviews').columns(['member_id']).execute();

  // Hội nghị kiểm điểm of a cell: linked to a meeting; how it votes; its secret ballot's state.
  await db.schema
    .createTable('review_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('review_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    // counts | ballot
    .addColumn('vote_mode', 'text', (c) => c.notNull())
    // not_open | open | closed
    .addColumn('ballot_status', 'text', (c) => c.notNull())
    .addColumn('denominator', 'integer')
    .addColumn('opened_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('opened_at', 'text')
    .addColumn('closed_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_meetings_cell_idx').on('review_meetings').columns(['period_id', 'unit_id']).unique().execute();

  // The secret ballot keeps two things apart and nothing that joins them: who has voted (no
  // time, no choice), and running counts per level (no voter, no time). No ballot row exists.
  await db.schema
    .createTable('review_ballot_voters')
    .addColumn('review_meeting_id', 'text', (c) => c.notNull().references('review_meetings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('review_ballot_voters_pk', ['review_meeting_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('review_ballot_counts')
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // A level's code, or '' for a blank ballot.
    .addColumn('level_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_ballot_counts_pk', ['review_id', 'level_code'])
    .execute();

  // Quyết định xếp loại: each change is a new version with a reason; the newest is in force.
  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('review_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('level_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // Set when the decision took the excellent count over the quota: the written reason.
    .addColumn('over_quota_reason', 'text')
    .addColumn('decided_by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_decisions_review_idx').on('review_decisions').columns(['review_id', 'version']).unique().execute();
  await db.schema.createIndex('review_decisions_period_idx').on('review_decisions').columns(['period_id']).execute();
}
