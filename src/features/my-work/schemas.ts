import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { commitmentSummary } from '../commitments/schemas.js';
import { planItemForWork } from '../correction-plans/schemas.js';
import { nextMeeting } from '../meetings/schemas.js';
import { taskSummary } from '../tasks/schemas.js';

/**
 * "Việc của tôi" — a member's home on a phone: their tasks (as owner or co-worker), tasks they
 * assigned that are overdue, this year's commitments, and directives their cell must acknowledge.
 */
export const myWork = z.object({
  today: isoDate,
  year: z.number().int(),
  memberId: id.nullable(),
  overdue: z.array(taskSummary),
  /** Open, due within 14 days. */
  dueSoon: z.array(taskSummary),
  /** Open, due later. */
  later: z.array(taskSummary),
  /** Closed in the last 60 days, newest first, at most 10. */
  recentlyClosed: z.array(taskSummary),
  /** Tasks the caller assigned (or whose unit they lead) that are overdue, at most 50. */
  assignedOverdue: z.array(taskSummary),
  /** How many tasks `assignedOverdue` would list without its limit: the count the home shows. */
  assignedOverdueTotal: z.number().int(),
  commitments: z.array(commitmentSummary),
  /** The caller's own correction-plan items (tự sửa) still to fix: past their deadline, or due within 14 days. */
  corrections: z.object({ overdue: z.array(planItemForWork), dueSoon: z.array(planItemForWork) }),
  directivesToAcknowledge: z.array(z.object({ id, title: z.string(), deadline: isoDate, unitId: id, unitName: z.string() })),
  /** Cuộc họp sắp tới: the soonest planned meeting (today or later) of each cell the caller belongs to or runs. */
  nextMeetings: z.array(nextMeeting),
});
export type MyWork = z.infer<typeof myWork>;
