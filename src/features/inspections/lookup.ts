/**
 * What other features may read of inspection and supervision: the cases about a member that
 * they have been told of (their access log lists reads of those), a case as discipline
 * records cite it, and for the yearly review the cases about a member or a cell concluded in a
 * period and a cell's recommendations not yet fixed. The inspections feature's door for reads;
 * its repo stays its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notifiedCasesAbout } from './repo.js';

export async function notifiedCasesOfMember(db: Kysely<Database>, memberId: string): Promise<{ id: string; year: number; title: string }[]> {
  return (await notifiedCasesAbout(db, { memberId, unitIds: [] })).filter((c) => c.subject_member_id === memberId).map((c) => ({ id: c.id, year: Number(c.year), title: c.title }));
}

export { casesConcludedAbout, findInspection, openRecommendationsAbout } from './repo.js';
