// What other features read of the rating rules (QĐ 366): a version's rules, the rules in effect
// for a unit (loaded on first need), and the names of the rules nobody has confirmed yet.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { RatingRules } from '../../domain/rating.js';
import { notFound } from '../../core/errors.js';
import { ensureVersion, findVersion, itemsOfVersion, versionInEffect } from '../rule-sets/service.js';
import { ratingRuleSet, ratingRulesFromItems } from './set.js';

/** The rules of one version (a period keeps the version it was opened under); 404 when there is no such version. */
export async function ratingRulesOfVersion(db: Kysely<Database>, versionId: string): Promise<RatingRules> {
  const version = await findVersion(db, ratingRuleSet, versionId);
  if (!version) throw notFound();
  return ratingRulesFromItems(version.id, await itemsOfVersion(db, version.id));
}

/** The version in effect for the unit, loading the starting data first if there is none. Call in the caller's write transaction. */
export async function ensureRatingRules(trx: Kysely<Database>, dialect: DialectHelpers, unitPath: string): Promise<RatingRules> {
  const version = await ensureVersion(trx, dialect, ratingRuleSet, unitPath);
  return ratingRulesFromItems(version.id, await itemsOfVersion(trx, version.id));
}

/** The version in effect for the unit (kept by the nearest unit at or above it), or null when none is loaded yet. */
export async function ratingRulesInEffect(db: Kysely<Database>, unitPath: string): Promise<RatingRules | null> {
  const version = await versionInEffect(db, ratingRuleSet, unitPath);
  return version ? ratingRulesFromItems(version.id, await itemsOfVersion(db, version.id)) : null;
}

/** The names of the rules nobody has compared with the official text yet (the screens warn, nothing is blocked). */
export function unconfirmedNames(rules: Pick<RatingRules, 'unconfirmed'>): string[] {
  return rules.unconfirmed;
}
