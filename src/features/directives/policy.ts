import { can, canSomewhere, type Actor } from '../../domain/policy.js';
import { forbidden, notFound } from '../../core/errors.js';

/**
 * A directive is seen by those who read its issuing unit (the committee and whoever reads above
 * it) and by those who read one of its targets (the cell's members and leaders). Anyone else gets
 * 404 like a missing directive; without the read right anywhere, 403.
 */
export function authorizeDirectiveRead(
  actor: Actor,
  directive: { unit_path: string } | undefined,
  targetPaths: readonly string[],
): void {
  if (!canSomewhere(actor, 'directive.read')) throw forbidden();
  if (!directive) throw notFound();
  const visible = [directive.unit_path, ...targetPaths].some((unitPath) => can(actor, 'directive.read', { unitPath }));
  if (!visible) throw notFound();
}

/** May the caller see this target cell's row of a directive? */
export function canReadTarget(actor: Actor, target: { unit_path: string }): boolean {
  return can(actor, 'directive.read', { unitPath: target.unit_path });
}

/** The cell's leaders (and the committee above) acknowledge a directive and break it into tasks. */
export function canAssignFor(actor: Actor, target: { unit_path: string }): boolean {
  return can(actor, 'task.assign', { unitPath: target.unit_path });
}
