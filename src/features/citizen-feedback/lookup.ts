/**
 * What other features may read of citizens' messages (ý kiến người dân): one message, and
 * whether a caller may read it, and an inbox's counts by status. The citizen-feedback feature's door for reads; its repo stays its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findFeedback, statusCountsInSubtree, type CitizenFeedbackRow } from './repo.js';
import { inboxRoutedOnly } from './policy.js';

export { findFeedback, type CitizenFeedbackRow };
export { mayReadCitizenFeedback, maySeeContact } from './policy.js';

/** How many messages of each status a unit's inbox holds, as its list counts them (the overview). */
export function inboxStatusCounts(db: Kysely<Database>, unit: { kind: string; path: string }) {
  return statusCountsInSubtree(db, { unitPath: unit.path, routedOnlyPaths: inboxRoutedOnly(unit) });
}
