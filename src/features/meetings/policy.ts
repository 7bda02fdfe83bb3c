import { can, type Action, type Actor } from '../../domain/policy.js';
import { authorize } from '../../server/authorize.js';

/** Actions a meeting page may offer (filtered further by the meeting's status in the service). */
export const meetingActions = ['meeting.manage', 'meeting.approve', 'audit.read'] as const;

/** A meeting lives in its cell: scope checks use the cell's path. */
export function authorizeMeeting(actor: Actor, action: Action, meeting: { unit_path: string } | undefined): void {
  authorize(actor, action, meeting ? { unitPath: meeting.unit_path } : null);
}

/**
 * A task may be ticked off by its owner, or by those who run the cell's meetings. Anyone else
 * who can see it gets 403; anyone who cannot see it gets 404.
 */
export function authorizeTaskUpdate(actor: Actor, task: { unit_path: string; owner_member_id: string } | undefined): void {
  if (task && actor.memberId === task.owner_member_id && can(actor, 'meeting.read', { unitPath: task.unit_path })) return;
  authorize(actor, 'meeting.read', task ? { unitPath: task.unit_path } : null);
  authorize(actor, 'meeting.manage', task ? { unitPath: task.unit_path } : null);
}

/**
 * A member's own attendance record is theirs to read; everyone else's needs the report right
 * over the member's cell.
 */
export function authorizeMemberAttendance(actor: Actor, member: { id: string; unit_path: string } | undefined): void {
  if (member && actor.memberId === member.id) return;
  authorize(actor, 'attendance.report', member ? { unitPath: member.unit_path } : null);
}
