// INTERIM until the evidence module lands (branch i17-evidence): no figures yet.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ReviewEvidence } from './schemas.js';
const empty = (from: string, to: string): ReviewEvidence => ({ from, to, figures: [], taskOutcomes: { onTime: 0, late: 0, exceeded: 0, notDone: 0 }, unfixedShortcomings: 0, detected: { discipline: [], leadershipDiscipline: [] } });
export async function memberEvidence(_db: Kysely<Database>, q: { memberId: string; from: string; to: string; today: string }): Promise<ReviewEvidence> { return empty(q.from, q.to); }
export async function cellEvidence(_db: Kysely<Database>, q: { unitId: string; from: string; to: string; today: string }): Promise<ReviewEvidence> { return empty(q.from, q.to); }
