import type { Action, Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';

/** Actions a member page may offer. */
export const memberActions = ['member.update', 'audit.read', 'attendance.report'] as const;

/** A member record lives in its cell: scope checks use the cell's path. */
export function authorizeMember(actor: Actor, action: Action, member: { unit_path: string } | undefined): void {
  authorize(actor, action, member ? { unitPath: member.unit_path } : null);
}
