import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { myTasks } from '../tasks/service.js';
import { memberCommitmentsForWork } from '../commitments/service.js';
import { directivesAwaitingAcknowledgement } from '../directives/service.js';
import { memberCorrectionsForWork } from '../correction-plans/service.js';
import { nextMeetingsOf } from '../meetings/service.js';
import type { MyWork } from './schemas.js';

/**
 * "Việc của tôi": the signed-in member's own and shared tasks, what they assigned that is
 * overdue, this year's commitments, their correction items due, and the directives their cell
 * must acknowledge, and the next meeting of each cell they belong to or run. A composition of five features' answers, so it owns none of their links:
 * each feature stays unaware of the others. An account without a member record has no tasks,
 * commitments or corrections of its own (not an error).
 */
export async function myWork(ctx: AppContext, actor: Actor): Promise<MyWork> {
  const { db } = ctx.handle;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const memberId = actor.memberId;
  const [tasks, commitments, directives, corrections, nextMeetings] = await Promise.all([
    myTasks(db, actor, today),
    memberId ? memberCommitmentsForWork(db, actor, memberId, year, today) : Promise.resolve([] as MyWork['commitments']),
    directivesAwaitingAcknowledgement(db, actor),
    memberId ? memberCorrectionsForWork(db, memberId, today) : Promise.resolve({ overdue: [], dueSoon: [] }),
    nextMeetingsOf(db, actor, today),
  ]);
  return { today, year, memberId, ...tasks, commitments, corrections, directivesToAcknowledge: directives, nextMeetings };
}
