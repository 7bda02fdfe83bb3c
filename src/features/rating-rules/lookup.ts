// INTERIM until the rating-rules feature lands (branch i17-rules): the reference file read as it is, one version row per root.
import { currentVersion, insertVersion } from './repo.js';
// INTERIM: stands in for the rating-rules feature until it merges.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { readReferenceJson } from '../../core/paths.js';
import { newId, nowIso } from '../../db/ids.js';
import { pathIds } from '../../domain/unit-paths.js';
import type { RatingRules } from '../../domain/rating.js';

function fromFile(versionId: string): RatingRules {
  const f = readReferenceJson<any>('rating-qd366.json');
  const lr = (l: any, r: any) => ({ code: l.code, name: l.name, minScore: l.min_score, allTasksDone: r.all_tasks_done, allTasksOnTime: r.all_tasks_on_time, minExceededShare: r.min_exceeded_share, maxLateShare: r.max_late_share, shortcomingsFixed: r.shortcomings_fixed });
  return {
    versionId,
    scoreMax: f.score.max,
    groups: f.score.groups,
    forms: f.forms,
    levels: f.levels.map((l: any) => ({ code: l.code, name: l.name, minScore: l.min_score, conditions: l.conditions, individual: lr(l, l.individual), collective: lr(l, l.collective), confirmed: false, source: l.source })),
    triggers: f.triggers.map((t: any) => ({ code: t.code, name: t.name, capsAt: t.caps_at, appliesTo: t.applies_to, detect: t.detect, source: t.source, confirmed: false })),
    quota: { percentOfGood: f.quota.percent_of_good, rule: f.quota.rule, source: f.quota.source, confirmed: false },
    vote: { majority: f.vote.majority, cumulative: f.vote.cumulative, rule: f.vote.rule, source: f.vote.source, confirmed: false },
    reviewSteps: f.review_steps.map((s: any) => ({ code: s.code, name: s.name })),
  } as RatingRules;
}
export async function ratingRulesOfVersion(_db: Kysely<Database>, versionId: string): Promise<RatingRules> {
  return fromFile(versionId);
}
export async function ratingRulesInEffect(db: Kysely<Database>, unitPath: string): Promise<RatingRules | null> {
  const v = await currentVersion(db, pathIds(unitPath));
  return v ? fromFile(v.id) : null;
}
export async function ensureRatingRules(trx: Kysely<Database>, _dialect: DialectHelpers, unitPath: string): Promise<RatingRules> {
  const found = await ratingRulesInEffect(trx, unitPath);
  if (found) return found;
  const id = newId();
  await insertVersion(trx, { id, set_code: 'rating', unit_id: pathIds(unitPath)[0]!, version: 1, source: 'x', note: 'x', retired_at: null, created_by_account_id: null, created_at: nowIso() });
  return fromFile(id);
}
