import type { Actor } from '../../domain/policy.js';
import { authorizeUnit } from '../units/policy.js';

/**
 * Who sees a unit's overview (counts only, never a record's content): the commune's committee,
 * UBKT and office for their commune and below, a cell's leaders for their cell. Outside scope
 * answers 404 like a missing unit; a role without it anywhere 403.
 */
export function authorizeOverview(actor: Actor, unit: { path: string } | undefined): void {
  authorizeUnit(actor, 'overview.read', unit);
}
