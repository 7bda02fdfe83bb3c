import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDialect, openTestDatabase } from '../../../test/helpers/db.js';
import { migrateToLatest } from '../migrate.js';

/**
 * 0003 rebuilds the tasks table on SQLite (a task's owner may now be a unit) and alters it on
 * PostgreSQL: rows recorded under 0002, and the rows that point at them, must come through.
 */
forEachDialect((dialect) => {
  describe('migration 0003_tasks on a database with meeting tasks', () => {
    it('keeps every task and its references, and grades the ticked ones by their date', async () => {
      const db = await openTestDatabase(dialect, '0002_meetings');
      try {
        const at = '2022-04-15T10:00:00.000Z';
        const unit = '01900000-0000-7000-8000-000000000001';
        const member = '01900000-0000-7000-8000-000000000002';
        const meeting = '01900000-0000-7000-8000-000000000003';
        const agenda = '01900000-0000-7000-8000-000000000004';
        const task = (n: number) => `01900000-0000-7000-8000-00000000001${n}`;
        await sql`insert into units (id, parent_id, path, depth, kind, name, search_name, created_at, updated_at)
          values (${unit}, null, ${`/${unit}/`}, 0, 'cell', 'Chi bộ thôn Đồng Thứ', 'chi bo thon dong thu', ${at}, ${at})`.execute(db.db);
        await sql`insert into members (id, unit_id, family_name, middle_name, given_name, full_name, search_text, sort_key, status, created_at, updated_at)
          values (${member}, ${unit}, 'Nguyễn', 'Văn', 'An', 'Nguyễn Văn An', 'nguyen van an', 'an', 'official', ${at}, ${at})`.execute(db.db);
        await sql`insert into meetings (id, unit_id, kind, meeting_date, start_time, starts_at, grace_minutes, place, status, created_at, updated_at)
          values (${meeting}, ${unit}, 'regular', '2022-04-15', '19:30', '2022-04-15T12:30:00.000Z', 0, 'Nhà văn hóa', 'approved', ${at}, ${at})`.execute(db.db);
        await sql`insert into meeting_agenda_items (id, meeting_id, unit_id, position, title, minutes_text)
          values (${agenda}, ${meeting}, ${unit}, 1, 'Nhiệm vụ tháng 5', '')`.execute(db.db);
        const rows: [string, string, string | null][] = [
          ['done', '2022-05-10', '2022-05-08'], // ticked before the deadline
          ['done', '2022-05-10', '2022-05-20'], // ticked after it
          ['open', '2022-05-10', null],
        ];
        for (const [i, [status, deadline, completed]] of rows.entries()) {
          await sql`insert into tasks (id, unit_id, title, owner_member_id, deadline, status, source_meeting_id, completed_on, created_at, updated_at)
            values (${task(i)}, ${unit}, ${`Việc ${i}`}, ${member}, ${deadline}, ${status}, ${meeting}, ${completed}, ${at}, ${at})`.execute(db.db);
          await sql`insert into meeting_outcomes (id, meeting_id, unit_id, agenda_item_id, position, kind, text, task_id, created_at)
            values (${`01900000-0000-7000-8000-00000000002${i}`}, ${meeting}, ${unit}, ${agenda}, ${i + 1}, 'task', '', ${task(i)}, ${at})`.execute(db.db);
        }
        await sql`insert into meeting_reviewed_tasks (meeting_id, task_id, unit_id) values (${meeting}, ${task(2)}, ${unit})`.execute(db.db);

        expect((await migrateToLatest(db)).slice(0, 4)).toEqual(['0003_tasks', '0004_self_examination', '0005_local_issues', '0006_reference_wording']);

        const after = await db.db
          .selectFrom('tasks')
          .select(['id', 'title', 'status', 'completed_on', 'closed_on', 'progress_percent', 'source_kind', 'priority', 'owner_member_id', 'owner_unit_id', 'deliverable'])
          .orderBy('id')
          .execute();
        expect(after.map((t) => [t.status, t.closed_on, Number(t.progress_percent), t.source_kind, t.priority])).toEqual([
          ['on_time', '2022-05-08', 100, 'meeting', 'normal'],
          ['late', '2022-05-20', 100, 'meeting', 'normal'],
          ['open', null, 0, 'meeting', 'normal'],
        ]);
        expect(after.every((t) => t.owner_member_id === member && t.owner_unit_id === null && t.deliverable === null)).toBe(true);
        const outcomes = await db.db.selectFrom('meeting_outcomes').select('task_id').orderBy('position').execute();
        expect(outcomes.map((o) => o.task_id)).toEqual([task(0), task(1), task(2)]);
        // Foreign keys still hold and are still enforced: a unit-owned task needs no member now.
        await db.db
          .insertInto('tasks')
          .values({
            id: task(9),
            unit_id: unit,
            title: 'Chi hội Nông dân vận động hội viên',
            deliverable: 'Danh sách hộ đăng ký',
            owner_member_id: null,
            owner_unit_id: unit,
            deadline: '2022-06-01',
            priority: 'normal',
            status: 'open',
            source_kind: 'standalone',
            source_meeting_id: null,
            source_directive_id: null,
            source_commitment_id: null,
            received_on: null,
            handed_down_on: null,
            progress_percent: 0,
            completed_on: null,
            closed_on: null,
            close_comment: null,
            closed_by_account_id: null,
            created_by_account_id: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await expect(
          sql`insert into meeting_reviewed_tasks (meeting_id, task_id, unit_id) values (${meeting}, '01900000-0000-7000-8000-0000000000ff', ${unit})`.execute(db.db),
        ).rejects.toThrow();
      } finally {
        await db.dispose();
      }
    });
  });
});
