import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { DemoCommune } from '../commune.js';
import { shownPeriod, type DemoPresent, type DemoQuarter } from '../present.js';
import type { Rubric } from '../../features/meetings/schemas.js';
import { isOverdue } from '../../domain/tasks.js';
import { seedDemoMeetings } from './meetings.js';
import { seedDemoSelfExamination, type DemoChecklist } from './self-examination.js';
import { writeDemoWork } from './work.js';
import type { DemoRefs } from './refs.js';

/** What the present year holds (see present.ts); zero where the seed options left an area out. */
export interface DemoPresentSummary {
  /** The day the demo was loaded (Vietnam's date). */
  today: string;
  /** First and last month with a held (approved) meeting, or null when none. */
  heldFrom: string | null;
  heldTo: string | null;
  meetingsHeld: number;
  meetingsPlanned: number;
  /** The commune's directives of the window (their tasks are counted with the meetings' below). */
  directives: number;
  tasks: number;
  tasksOpen: number;
  tasksOverdue: number;
  /** This year's commitment lines, and last year's (evaluated) while the window reaches into it. */
  commitments: number;
  commitmentsLastYear: number;
  selfExaminations: number;
  selfExaminationsSubmitted: number;
  /** The self-examination period open now, e.g. "Quý IV/2026 (01/10/2026–31/12/2026)". */
  openPeriod: string;
  feedback: number;
  feedbackWaiting: number;
  planItems: number;
}

/** The summary of a present with nothing written (a seed without meetings). */
export function emptyPresentSummary(today: string, open: DemoQuarter): DemoPresentSummary {
  return {
    today,
    heldFrom: null,
    heldTo: null,
    meetingsHeld: 0,
    meetingsPlanned: 0,
    directives: 0,
    tasks: 0,
    tasksOpen: 0,
    tasksOverdue: 0,
    commitments: 0,
    commitmentsLastYear: 0,
    selfExaminations: 0,
    selfExaminationsSubmitted: 0,
    openPeriod: shownPeriod(open),
    feedback: 0,
    feedbackWaiting: 0,
    planItems: 0,
  };
}

/**
 * Writes the present (present.ts) after the 2022 story, through the same writers: its meetings
 * with their tasks; with `work`, this year's commitments and the "tự soi, tự sửa" of this quarter
 * and the last. Every record gets its audit entry, as created by the system.
 */
export async function seedDemoPresent(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  refs: DemoRefs & { rubric: Rubric },
  checklist: DemoChecklist,
  present: DemoPresent,
  work: boolean,
): Promise<DemoPresentSummary> {
  const { window: w } = present;
  const summary = emptyPresentSummary(w.today, w.quarter);
  await seedDemoMeetings(trx, handle, demo, refs, present.meetings);
  const held = present.meetings.filter((m) => !m.planned).map((m) => m.date.slice(0, 7)).sort();
  const tasks = present.meetings.flatMap((m) => m.agenda.flatMap((a) => a.outcomes.flatMap((o) => (o.task ? [o.task] : []))));
  Object.assign(summary, {
    heldFrom: held[0] ?? null,
    heldTo: held.at(-1) ?? null,
    meetingsHeld: held.length,
    meetingsPlanned: present.meetings.length - held.length,
    tasks: tasks.length,
    tasksOpen: tasks.filter((t) => t.close === null).length,
    tasksOverdue: tasks.filter((t) => isOverdue({ status: t.close?.outcome ?? 'open', deadline: t.deadline }, w.today)).length,
  });
  if (!work) return summary;
  const written = await writeDemoWork(trx, handle, demo, { ...present.work, commitments: present.commitments }, refs);
  const directiveTasks = present.work.tasks;
  const counts = await seedDemoSelfExamination(trx, handle, demo, [], refs, checklist, present.selfExam);
  const exams = present.selfExam.selfExaminations;
  return Object.assign(summary, {
    directives: written.directives,
    tasks: summary.tasks + directiveTasks.length,
    tasksOpen: summary.tasksOpen + directiveTasks.filter((t) => t.close === null).length,
    tasksOverdue: summary.tasksOverdue + directiveTasks.filter((t) => isOverdue({ status: t.close?.outcome ?? 'open', deadline: t.deadline }, w.today)).length,
    commitments: present.commitments.filter((c) => c.year === w.year).length,
    commitmentsLastYear: written.commitments - present.commitments.filter((c) => c.year === w.year).length,
    selfExaminations: counts.selfExaminations,
    selfExaminationsSubmitted: exams.filter((e) => e.year === w.quarter.year && e.quarter === w.quarter.quarter && e.status !== 'draft').length,
    feedback: counts.feedback,
    feedbackWaiting: present.selfExam.feedback.filter((f) => f.status === 'open').length,
    planItems: counts.planItems,
  });
}
