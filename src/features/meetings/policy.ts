import type { Action, Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';

/** Actions a meeting page may offer (filtered further by the meeting's status in the service). */
export const meetingActions = ['meeting.manage', 'meeting.approve', 'audit.read'] as const;

/** A meeting lives in its cell: scope checks use the cell's path. */
export function authorizeMeeting(actor: Actor, action: Action, meeting: { unit_path: string } | undefined): void {
  authorize(actor, action, meeting ? { unitPath: meeting.unit_path } : null);
}

/**
 * A member's own attendance record is theirs to read; everyone else's needs the report right
 * over the member's cell.
 */
export function authorizeMemberAttendance(actor: Actor, member: { id: string; unit_path: string } | undefined): void {
  if (member && actor.memberId === member.id) return;
  authorize(actor, 'attendance.report', member ? { unitPath: member.unit_path } : null);
}
