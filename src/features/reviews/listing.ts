import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import { ratingRulesOfVersion } from '../rating-rules/lookup.js';
import * as repo from './repo.js';
import { levelViews, marksOf, parsePoints, presentReviewSummary, subjectOf } from './present.js';
import { periodReadPath, ruleBasisOf } from './service.js';
import type { ReviewListResponse } from './schemas.js';

/**
 * A period's reviews for the boards: the cell's committee sees its cells', the committee and the
 * UBKT all. A submitted review carries the levels its kept evidence rules out, so a decision
 * that picks one can ask for the reason before it is sent.
 */
export async function periodReviews(ctx: AppContext, actor: Actor, periodId: string, query: { unitId?: string | undefined }): Promise<ReviewListResponse> {
  const db = ctx.handle.db;
  const p = await repo.findPeriod(db, periodId);
  const readPath = periodReadPath(actor, p);
  const rules = await ratingRulesOfVersion(db, p!.rules_version_id);
  const rows = (await repo.reviewsOfPeriod(db, p!.id, readPath === p!.unit_path ? undefined : readPath)).filter((r) => !query.unitId || r.unit_id === query.unitId);
  const items: ReviewListResponse['items'] = [];
  for (const r of rows) {
    const ruledOut = r.status === 'submitted' ? levelViews(rules, subjectOf(r), await ruleBasisOf(db, r, p!), marksOf(r), parsePoints(r.points_json)).filter((l) => !l.allowed).map((l) => l.code) : [];
    items.push({ ...presentReviewSummary(r), ruledOut });
  }
  return { items };
}
