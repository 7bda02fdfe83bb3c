import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { isWithin, type Actor } from '../../domain/policy.js';
import type { ReviewDecisionTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldErrors, type FieldProblem } from '../../core/errors.js';
import { authorize } from '../../core/authorize.js';
import { pathIds } from '../../domain/unit-paths.js';
import type { RatingRules } from '../../domain/rating.js';
import { writeAuditEntries, writeTransaction, type AuditWrite } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { ratingRulesOfVersion } from '../rating-rules/lookup.js';
import * as repo from './repo.js';
import type { PeriodRow, ReviewRow } from './repo.js';
import { levelViews, marksOf, parsePoints, subjectOf } from './present.js';
import { periodDetail, ruleBasisOf } from './service.js';
import { memberLevelCounts, quotaOf } from './standing.js';
import type { DecisionsBody, PeriodDetail, RatingsResponse } from './schemas.js';

type Checked = { reviewId: string; level: string; reason: string | null };

/**
 * Each decision checked against its review: in the period, submitted, named once, a level of the
 * rules; a change of a decided level, or a level the evidence rules out, with its reason. A
 * decision that repeats the level in force is left out (nothing changes).
 */
async function checkedDecisions(
  trx: Kysely<Database>,
  p: PeriodRow,
  rules: RatingRules,
  reviews: ReadonlyMap<string, ReviewRow>,
  versions: ReadonlyMap<string, number>,
  decisions: DecisionsBody['decisions'],
): Promise<Checked[]> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const checked: Checked[] = [];
  for (const [i, d] of decisions.entries()) {
    const r = reviews.get(d.reviewId);
    const reason = d.reason?.trim() || null;
    if (!r || r.period_id !== p.id) {
      problems.push({ field: `decisions.${i}.reviewId`, messageKey: 'review_not_in_period' });
      continue;
    }
    if (seen.has(r.id)) problems.push({ field: `decisions.${i}.reviewId`, messageKey: 'review_decision_twice' });
    seen.add(r.id);
    const level = rules.levels.find((l) => l.code === d.level);
    if (!level) problems.push({ field: `decisions.${i}.level`, messageKey: 'review_level_unknown' });
    // A draft has no evidence kept yet: reading it live for a refused decision would be work for nothing.
    if (r.status !== 'submitted') {
      problems.push({ field: `decisions.${i}.reviewId`, messageKey: 'review_not_submitted' });
      continue;
    }
    if (!level) continue;
    if (r.decided_level === d.level) continue;
    if (versions.has(r.id) && !reason) problems.push({ field: `decisions.${i}.reason`, messageKey: 'review_decision_reason_required' });
    const option = levelViews(rules, subjectOf(r), await ruleBasisOf(trx, r, p), marksOf(r), parsePoints(r.points_json)).find((o) => o.code === d.level)!;
    if (!option.allowed && !reason) problems.push({ field: `decisions.${i}.reason`, messageKey: 'review_decision_ruled_out', params: { level: level.name } });
    checked.push({ reviewId: r.id, level: d.level, reason });
  }
  if (problems.length > 0) throw fieldErrors(problems);
  return checked;
}

/**
 * Quyết định xếp loại: the committee decides levels over its whole organisation at once. Each
 * decision is a new version (a change needs a reason); a level the evidence rules out needs the
 * reason; going over the quota needs a written reason, kept with every decision of the batch.
 */
export async function decideLevels(ctx: AppContext, actor: Actor, periodId: string, body: DecisionsBody): Promise<PeriodDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const p = await repo.findPeriod(trx, periodId);
    authorize(actor, 'review.decide', p ? { unitPath: p.unit_path } : null);
    if (p!.status !== 'open') throw new AppError(409, 'review_period_closed');
    const rules = await ratingRulesOfVersion(trx, p!.rules_version_id);
    const reviews = new Map((await repo.reviewsByIds(trx, body.decisions.map((d) => d.reviewId))).map((r) => [r.id, r]));
    const versions = await repo.latestVersions(trx, [...reviews.keys()]);
    const checked = await checkedDecisions(trx, p!, rules, reviews, versions, body.decisions);

    // The quota after these decisions, over every member of the organisation.
    const counts = await memberLevelCounts(trx, p!.id);
    for (const c of checked) {
      const r = reviews.get(c.reviewId)!;
      if (r.subject_kind !== 'member') continue;
      if (r.decided_level) counts.set(r.decided_level, (counts.get(r.decided_level) ?? 1) - 1);
      counts.set(c.level, (counts.get(c.level) ?? 0) + 1);
    }
    const quota = quotaOf(rules, counts, []);
    const overQuotaReason = body.overQuotaReason?.trim() || null;
    const raisesExcellent = checked.some((c) => c.level === rules.levels[0]!.code && reviews.get(c.reviewId)!.subject_kind === 'member');
    if (quota.over > 0 && raisesExcellent && !overQuotaReason) {
      throw fieldErrors([{ field: 'overQuotaReason', messageKey: 'review_quota_exceeded', params: { excellent: quota.excellent, limit: quota.limit, percent: quota.percentOfGood, good: quota.good } }]);
    }

    const now = nowIso();
    const rows: ReviewDecisionTable[] = checked.map((c) => ({
      id: newId(),
      review_id: c.reviewId,
      period_id: p!.id,
      unit_id: reviews.get(c.reviewId)!.unit_id,
      version: (versions.get(c.reviewId) ?? 0) + 1,
      level_code: c.level,
      reason: c.reason,
      over_quota_reason: quota.over > 0 && raisesExcellent ? overQuotaReason : null,
      decided_by_account_id: actor.accountId,
      decided_at: now,
    }));
    await repo.insertDecisions(trx, rows);
    const entries: AuditWrite[] = rows.map((d) => ({
      actorAccountId: actor.accountId,
      action: 'review.decide',
      recordType: 'review',
      recordId: d.review_id,
      unitId: d.unit_id,
      before: reviews.get(d.review_id)!.decided_level ? { level: reviews.get(d.review_id)!.decided_level, version: d.version - 1 } : undefined,
      after: { level: d.level_code, version: d.version, reason: d.reason, overQuotaReason: d.over_quota_reason },
    }));
    await writeAuditEntries(trx, ctx.handle.dialect, entries);
  });
  return periodDetail(ctx, actor, periodId);
}

/**
 * The levels in force of a unit's subtree for a year — every year period that covers it — with
 * the counts per level, the quota, each cell's own level, and last year beside it. A member sees
 * their cell's published levels; the committee, the UBKT and a cell's committee their scope.
 */
export async function unitRatings(ctx: AppContext, actor: Actor, unitId: string, year: number): Promise<RatingsResponse> {
  const db = ctx.handle.db;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'rating.read_published', unit);
  // A member sees their own cell's published levels; a whole commune's are the readers' of reviews.
  if (unit!.kind !== 'cell') authorizeUnit(actor, 'review.read', unit);
  const current = await ratingsOfYear(ctx, unit!.path, year);
  const last = await ratingsOfYear(ctx, unit!.path, year - 1);
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    year,
    levels: current.levels,
    counts: current.counts,
    quota: current.quota,
    cells: current.cells,
    lastYear: { year: year - 1, counts: last.counts, cells: last.cells.map((c) => ({ unitId: c.unitId, collectiveLevel: c.collectiveLevel })) },
  };
}

/** The year periods that rate a unit's subtree: its own and its ancestors', and those kept inside it. */
export async function yearPeriodsOf(db: Kysely<Database>, unitPath: string, year: number): Promise<PeriodRow[]> {
  return [...(await repo.periodsOfUnits(db, { unitIds: pathIds(unitPath), year })), ...(await repo.periodsOfUnits(db, { subtreePath: unitPath, year }))].filter(
    (p, i, all) => p.kind === 'year' && all.findIndex((q) => q.id === p.id) === i,
  );
}

/** A period's reviews that fall in the unit's subtree (all of them when the period is kept inside it). */
export function reviewsInUnit(db: Kysely<Database>, p: PeriodRow, unitPath: string) {
  return repo.reviewsOfPeriod(db, p.id, isWithin(unitPath, p.unit_path) ? unitPath : undefined);
}

async function ratingsOfYear(ctx: AppContext, unitPath: string, year: number) {
  const db = ctx.handle.db;
  const periods = await yearPeriodsOf(db, unitPath, year);
  const counts: Record<string, number> = {};
  const cells = new Map<string, RatingsResponse['cells'][number]>();
  let levels: RatingsResponse['levels'] = [];
  let quota: RatingsResponse['quota'] = null;
  for (const p of periods) {
    const rules = await ratingRulesOfVersion(db, p.rules_version_id);
    levels = rules.levels.map((l) => ({ code: l.code, name: l.name }));
    const reviews = (await reviewsInUnit(db, p, unitPath)).filter((r) => r.decided_level !== null);
    for (const r of reviews) {
      let cell = cells.get(r.unit_id);
      if (!cell) cells.set(r.unit_id, (cell = { unitId: r.unit_id, unitName: r.unit_name, collectiveLevel: null, counts: {}, members: [] }));
      if (r.subject_kind === 'collective') {
        cell.collectiveLevel = r.decided_level;
        continue;
      }
      cell.counts[r.decided_level!] = (cell.counts[r.decided_level!] ?? 0) + 1;
      counts[r.decided_level!] = (counts[r.decided_level!] ?? 0) + 1;
      cell.members.push({ reviewId: r.id, memberId: r.member_id!, memberName: r.member_name!, level: r.decided_level! });
    }
    if (periods.length === 1) quota = quotaOf(rules, await memberLevelCounts(db, p.id), []);
  }
  return { levels, counts, quota, cells: [...cells.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')) };
}
