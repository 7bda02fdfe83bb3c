import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isWithin } from '../../domain/policy.js';
import { quotaCheck, type RatingRules } from '../../domain/rating.js';
import * as repo from './repo.js';
import type { PeriodRow } from './repo.js';
import type { PeriodDetail, QuotaView } from './schemas.js';

type Db = Kysely<Database>;

/**
 * The quota over a period's members (tỷ lệ khống chế): at most the rules' share of those rated at
 * the second level may be rated at the first. `levels` counts the members' levels in force.
 */
export function quotaOf(rules: RatingRules, levels: ReadonlyMap<string, number>, overReasons: QuotaView['overReasons']): QuotaView {
  const excellent = levels.get(rules.levels[0]!.code) ?? 0;
  const good = levels.get(rules.levels[1]!.code) ?? 0;
  const { limit, over } = quotaCheck({ excellent, good }, rules.quota.percentOfGood);
  return { percentOfGood: rules.quota.percentOfGood, excellent, good, limit, over, rule: rules.quota.rule, source: rules.quota.source, confirmed: rules.quota.confirmed, overReasons };
}

/** How many members have each level in force in a period. */
export async function memberLevelCounts(db: Db, periodId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const d of await repo.decisionsInForce(db, periodId)) if (d.subject_kind === 'member') counts.set(d.level_code, (counts.get(d.level_code) ?? 0) + 1);
  return counts;
}

export async function periodQuota(db: Db, p: Pick<PeriodRow, 'id'>, rules: RatingRules): Promise<QuotaView> {
  const reasons = await repo.overQuotaReasons(db, p.id);
  return quotaOf(
    rules,
    await memberLevelCounts(db, p.id),
    reasons.map((r) => ({ reason: r.reason!, decidedAt: r.decided_at, decidedByName: r.decided_by_name })),
  );
}

type Stage = PeriodDetail['cells'][number]['stage'];

/** Where every cell (within `readPath`) stands: its reviews by state, its review meeting, its furthest common step. */
export async function periodStanding(db: Db, p: PeriodRow, rules: RatingRules, readPath: string): Promise<Pick<PeriodDetail, 'cells' | 'quota' | 'levels'>> {
  const reviews = await repo.reviewStatesOfPeriod(db, p.id, readPath === p.unit_path ? undefined : readPath);
  const meetings = new Map((await repo.reviewMeetingsOfPeriod(db, p.id)).map((m) => [m.unit_id, m]));
  const cells = new Map<string, PeriodDetail['cells'][number]>();
  for (const r of reviews) {
    if (!isWithin(r.unit_path, readPath)) continue;
    let cell = cells.get(r.unit_id);
    if (!cell) {
      const m = meetings.get(r.unit_id);
      cell = {
        unitId: r.unit_id,
        unitName: r.unit_name,
        members: 0,
        drafts: 0,
        submitted: 0,
        proposed: 0,
        decided: 0,
        collective: null,
        reviewMeeting: m ? { id: m.id, meetingId: m.meeting_id, startsAt: m.starts_at, ballotStatus: m.ballot_status as 'not_open' | 'open' | 'closed' } : null,
        stage: 'self_review',
      };
      cells.set(r.unit_id, cell);
    }
    if (r.subject_kind === 'collective') {
      cell.collective = { reviewId: r.id, status: r.status as 'draft' | 'submitted', proposedLevel: r.proposed_level, decidedLevel: r.decided_level };
      continue;
    }
    cell.members++;
    if (r.status === 'draft') cell.drafts++;
    else cell.submitted++;
    if (r.proposed_level) cell.proposed++;
    if (r.decided_level) cell.decided++;
  }
  for (const cell of cells.values()) cell.stage = stageOf(cell);
  return { cells: [...cells.values()], quota: await periodQuota(db, p, rules), levels: rules.levels.map((l) => ({ code: l.code, name: l.name })) };
}

function stageOf(c: PeriodDetail['cells'][number]): Stage {
  if (c.members > 0 && c.decided === c.members && c.collective?.decidedLevel) return 'decided';
  if (c.members > 0 && c.proposed === c.members) return 'decision';
  if (c.reviewMeeting && c.reviewMeeting.ballotStatus !== 'not_open') return 'cell_proposal';
  if (c.members > 0 && c.drafts === 0) return 'cell_meeting';
  return 'self_review';
}
