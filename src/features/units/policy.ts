import { can, decide, type Action, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { UnitKind } from './schemas.js';

/** Actions a unit page may offer. */
export const unitActions = [
  'unit.update',
  'unit.move',
  'unit.archive',
  'unit.create',
  'member.create',
  'audit.read',
  'meeting.read',
  'meeting.manage',
  'attendance.report',
  'task.assign',
  'work.report',
  'directive.read',
  'directive.issue',
  'commitment.read',
  'selfexam.read',
  'checklist.manage',
  'feedback.give',
] as const;

export function authorizeUnit(actor: Actor, action: Action, unit: { path: string } | undefined): void {
  authorize(actor, action, unit ? { unitPath: unit.path } : null);
}

/**
 * A unit named in the request body (a parent, a target cell): 403 without the role anywhere;
 * otherwise a missing unit and one outside the scope give the same 404 naming the field.
 */
export function authorizeReferencedUnit(actor: Actor, action: Action, unit: { path: string } | undefined, field: string): void {
  const decision = decide(actor, action, unit ? { unitPath: unit.path } : null);
  if (decision === 'forbidden') throw forbidden();
  if (decision === 'not_found') throw new AppError(404, 'not_found', {}, [{ field, messageKey: 'not_found' }]);
}

/**
 * Moving or archiving changes where a unit hangs, which is the parent's business: the
 * actor needs the right over the parent too, so nobody can detach the root of their own scope.
 */
export function authorizeStructuralChange(actor: Actor, action: 'unit.move' | 'unit.archive', unit: { path: string }): void {
  authorizeUnit(actor, action, unit);
  const parentPath = unit.path.slice(0, unit.path.slice(0, -1).lastIndexOf('/') + 1);
  if (parentPath.length <= 1 || !can(actor, action, { unitPath: parentPath })) throw new AppError(400, 'unit_root');
}

/** New or moved units hang only under active units. */
export function assertParentActive(parent: { archived_at: string | null }): void {
  if (parent.archived_at) throw new AppError(400, 'unit_parent_archived', {}, [{ field: 'parentId', messageKey: 'unit_parent_archived' }]);
}

/** Which kinds may sit under which: never a fixed depth, only sensible pairs. */
const allowedParents: Record<UnitKind, readonly UnitKind[]> = {
  province: ['province'],
  commune: ['province', 'intermediate'],
  intermediate: ['province', 'commune', 'intermediate'],
  cell: ['commune', 'intermediate'],
  mass_org: ['cell'],
};

export function assertKindFits(kind: UnitKind, parentKind: UnitKind): void {
  if (!allowedParents[kind].includes(parentKind)) {
    throw new AppError(400, 'unit_kind_parent', {}, [{ field: 'kind', messageKey: 'unit_kind_parent' }]);
  }
}
