import type { TestApp } from './app.js';
import { buildMeeting } from './factories.js';

/** Rows in the task tables (tasks, co-workers, progress reports, files): for "nothing was written" checks. */
export async function taskTableCounts(t: TestApp) {
  const db = t.db.db;
  const count = async (table: 'tasks' | 'task_coworkers' | 'task_progress' | 'attachments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    tasks: await count('tasks'),
    coworkers: await count('task_coworkers'),
    progress: await count('task_progress'),
    attachments: await count('attachments'),
  };
}

/** One task's stored state (the row, its co-workers and reports, files without their bytes). */
export async function taskRows(t: TestApp, id: string) {
  const db = t.db.db;
  return {
    task: await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst(),
    coworkers: await db.selectFrom('task_coworkers').selectAll().where('task_id', '=', id).orderBy('member_id').execute(),
    progress: await db.selectFrom('task_progress').selectAll().where('task_id', '=', id).orderBy('id').execute(),
  };
}

/** A body for POST /api/tasks with every "rõ" filled in; `over` replaces or adds fields. */
export function taskBody(unitId: string, ownerMemberId: string, deadline: string, over: Record<string, unknown> = {}) {
  return {
    unitId,
    title: 'Vận động nhân dân hiến đất mở rộng đường thôn',
    deliverable: 'Biên bản đồng thuận của các hộ có đất trên tuyến đường',
    ownerMemberId,
    deadline,
    ...over,
  };
}

/** A regular meeting of a cell on a (past) day, as a task's source: tasks decided at it may already be overdue. */
export async function meetingSource(t: TestApp, cookie: string, unitId: string, date: string): Promise<{ kind: 'meeting'; meetingId: string }> {
  const meeting = await buildMeeting(t, cookie, { unitId, date, agenda: [{ title: 'Nhiệm vụ tháng' }] });
  return { kind: 'meeting', meetingId: meeting.id };
}
