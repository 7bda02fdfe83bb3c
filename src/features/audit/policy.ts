import type { Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';

/**
 * A record's history is visible to those who may read audit trails in the unit the record
 * was last recorded under (party committee and inspection; never the office).
 */
export function authorizeHistory(actor: Actor, lastUnit: { path: string } | undefined): void {
  authorize(actor, 'audit.read', lastUnit ? { unitPath: lastUnit.path } : null);
}
