/**
 * What other features may read of the tasks (nhiệm vụ): the tasks made from a directive or
 * given on a local issue, a member's or a unit's tasks due in a period (the yearly review's
 * evidence), the overview's counts per work unit, and a task as every list shows it. The tasks feature's door for reads; its repo
 * stays its own.
 */
export {
  openMeetingTasks,
  taskCountsByWorkUnit,
  tasksDueIn,
  tasksFromDirective,
  tasksFromLocalIssue,
  tasksFromMeeting,
  tasksFromMeetings,
  tasksReviewedAt,
  tasksReviewedAtMeetings,
  type TaskRow,
} from './repo.js';
export { presentTask } from './present.js';
