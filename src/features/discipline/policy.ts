import { can, decide, isWithin, type Actor } from '../../domain/policy.js';
import { pathIds } from '../../domain/unit-paths.js';
import { authorize } from '../../core/authorize.js';
import { AppError, forbidden, type FieldProblem } from '../../core/errors.js';
import type { InspectionBody } from '../../shared/enums.js';

/** What the rules need of a member: who, and the path of their cell. */
export interface DisciplineSubject {
  id: string;
  unit_id: string;
  unit_path: string;
}

export const isOwnRecord = (actor: Actor, member: Pick<DisciplineSubject, 'id'>): boolean => actor.memberId !== null && actor.memberId === member.id;

/** The member, and those who read discipline over the member's cell (never the office). */
export function mayReadDiscipline(actor: Actor, member: DisciplineSubject): boolean {
  return isOwnRecord(actor, member) || can(actor, 'discipline.read', { unitPath: member.unit_path });
}

/** Reading a member's record: their own always; 403 for an account that reads nobody's; 404 outside scope, like a missing member. */
export function authorizeDisciplineRead(actor: Actor, member: DisciplineSubject | undefined): void {
  if (member && isOwnRecord(actor, member)) return;
  authorize(actor, 'discipline.read', member ? { unitPath: member.unit_path } : null);
}

/**
 * Recording: 403 without the deciding right anywhere; a member outside every unit where the
 * caller decides answers like a missing one, a 404 naming the field; one's own discipline is
 * recorded by someone else (403 saying so), like nobody grading their own commitment.
 */
export function authorizeDisciplineDecide(actor: Actor, member: DisciplineSubject | undefined): void {
  const decision = decide(actor, 'discipline.decide', member ? { unitPath: member.unit_path } : null);
  if (decision === 'forbidden') throw forbidden();
  if (decision === 'not_found') throw new AppError(404, 'not_found', {}, [{ field: 'memberId', messageKey: 'not_found' }]);
  if (isOwnRecord(actor, member!)) throw new AppError(403, 'discipline_decide_own');
}

/** The path of the unit `index` steps down the member's path ("/a/b/c/", 1 → "/a/b/"). */
const pathAt = (ids: readonly string[], index: number) => `/${ids.slice(0, index + 1).join('/')}/`;

/**
 * The bodies the caller may record decisions of, from the member's cell up: the cell itself for
 * its own members; the party committee and the inspection committee of each unit above it. Each
 * needs the deciding right over that unit, so a cell secretary records only the cell's. The body
 * the caller sits on comes first (the UBKT's own decisions for a UBKT member).
 */
export function decidingBodiesFor(actor: Actor, member: DisciplineSubject): { decidingUnitId: string; decidingBody: InspectionBody }[] {
  if (isOwnRecord(actor, member)) return [];
  const ids = pathIds(member.unit_path);
  return ids.flatMap((unitId, index) => {
    const unitPath = pathAt(ids, index);
    if (!can(actor, 'discipline.decide', { unitPath })) return [];
    const holds = (role: string) => actor.assignments.some((a) => a.role === role && isWithin(unitPath, a.unitPath));
    const ubktFirst = holds('inspection') && !holds('party_committee');
    const bodies: InspectionBody[] = unitId === member.unit_id ? ['cell'] : ubktFirst ? ['inspection_committee', 'party_committee'] : ['party_committee', 'inspection_committee'];
    return bodies.map((decidingBody) => ({ decidingUnitId: unitId, decidingBody }));
  });
}

/**
 * Why the caller may not record a decision of `body` at `unitId` about this member, as a field
 * problem (null: they may): the deciding unit must be the member's cell or above it, the cell
 * decides for its own members, the committees sit above the cell, and the caller must hold the
 * deciding right over the unit.
 */
export function decidingBodyProblem(actor: Actor, member: DisciplineSubject, unitId: string, body: InspectionBody): FieldProblem | null {
  const ids = pathIds(member.unit_path);
  const index = ids.indexOf(unitId);
  if (index < 0) return { field: 'memberId', messageKey: 'discipline_member_outside_body' };
  const atCell = unitId === member.unit_id;
  if (body === 'cell' && !atCell) return { field: 'decidingBody', messageKey: 'discipline_cell_body_own_members' };
  if (body !== 'cell' && atCell) return { field: 'decidingBody', messageKey: 'discipline_body_above_cell' };
  if (!can(actor, 'discipline.decide', { unitPath: pathAt(ids, index) })) return { field: 'decidingBody', messageKey: 'discipline_body_not_yours' };
  return null;
}
