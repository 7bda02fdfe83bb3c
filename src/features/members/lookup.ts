/**
 * What other features may read of the members (đảng viên): one member with their unit. The
 * members feature's door for reads; its repo stays its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../domain/policy.js';
import { findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { findMemberWithUnit } from './repo.js';

export { activeMembersInSubtree, activeMembersOf, findMemberWithUnit, officialMemberCounts, type MemberRow } from './repo.js';

/**
 * The unit whose reference data a caller asks for: the unit named (which they must be able to
 * read), else their own cell as a member, else their first role's unit. Null when they have none.
 */
export async function askedOrOwnUnitPath(db: Kysely<Database>, actor: Actor, unitId: string | undefined): Promise<string | null> {
  if (unitId) {
    const unit = await findUnit(db, unitId);
    authorizeUnit(actor, 'unit.read', unit);
    return unit!.path;
  }
  if (actor.memberId) {
    const me = await findMemberWithUnit(db, actor.memberId);
    if (me) return me.unit_path;
  }
  return actor.assignments[0]?.unitPath ?? null;
}
