import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Indexes for what every member's home asks ("Việc của tôi"), found by reading the query plans
 * under load: the overdue tasks (open, past their deadline) were a scan of every task, and a
 * member's due correction items a scan of every item — fine in one commune, not in a province.
 */
export async function up({ db }: { db: Kysely<any>; dialect: DialectHelpers }): Promise<void> {
  await db.schema.createIndex('tasks_status_deadline_idx').on('tasks').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('correction_plan_items_member_idx').on('correction_plan_items').columns(['member_id', 'deadline']).execute();
}
