import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database, ReviewMeetingTable } from '../../db/schema.js';
import type { AppContext } from '../../core/context.js';
import { loadConfig } from '../../core/config.js';
import type { Actor, Assignment } from '../../domain/policy.js';
import type { RatingRules } from '../../domain/rating.js';
import { newId } from '../../db/ids.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { decideLevels, openPeriod, saveSelfAssessment, submitReview } from '../../features/reviews/service.js';
import type { SelfAssessmentBody } from '../../features/reviews/schemas.js';
import { ensureRatingRules } from '../../features/rating-rules/lookup.js';
import type { DemoCommune, DemoUnit } from '../commune.js';
import type { DemoMeeting } from '../meetings.js';
import { fullNameOf } from '../inspection.js';
import { Rng, hashSeed } from '../random.js';
import {
  buildDemoRating2022,
  buildDemoRatingPresent,
  cellComment,
  officialCount,
  overQuota,
  rankOf,
  RATING_STORY,
  STANDINGS,
  RATING_YEAR,
  spreadPoints,
  voteCounts,
  type DemoMemberReview,
  type DemoRatingYear,
  type DemoReviewText,
} from '../rating.js';
import { cellDay, cellMeetingIds, demoIds, type DemoIds, type DemoRefs } from './refs.js';
import { demoInstant } from './work.js';

/** Hours (UTC) used on a day: the period opened, a review submitted, the cell's proposal, a decision. */
const AT = { open: 2, submit: 13, proposal: 14, decision: 3 } as const;

export interface DemoRatingCounts {
  periods: number;
  reviews: number;
  decisions: number;
}

type Db = Kysely<Database>;

/**
 * The seed's transaction as the handle the reviews service writes through: its own transactions
 * run inside the seed's one (the demo loads whole or not at all), its reads see what came before.
 */
function insideSeed(trx: Db, dialect: DatabaseHandle['dialect']): AppContext {
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(work: (t: Db) => Promise<T>) => work(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { handle: { db, dialect, close: async () => {} }, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' }), version: 'demo' };
}

/**
 * Who writes: a demo person acting through the service. A member without an account writes as the
 * demo itself (no account in the audit entry, like every other seeded row of theirs).
 */
const demoActor = (accountId: string | null, memberId: string | null, assignments: Assignment[]): Actor => ({ accountId: accountId as string, memberId, assignments });

interface Seeding {
  trx: Db;
  ctx: AppContext;
  dialect: DatabaseHandle['dialect'];
  demo: DemoCommune;
  ids: DemoIds;
  paths: Map<string, string>;
  /** Demo key of each stored member. */
  keyOf: Map<string, string>;
  committee: Actor;
}

/**
 * Writes the yearly reviews (../rating.ts) through the reviews service: 2022's period opened,
 * every review written and submitted, the cells' comments, votes and proposals, the committee's
 * decisions within the quota; and, given `today`, this year's period under way. Dated afterwards
 * to the days the story gives (the service stamps the time it runs).
 */
export async function seedDemoRating(trx: Db, handle: Pick<DatabaseHandle, 'dialect'>, demo: DemoCommune, refs: DemoRefs, meetings: readonly DemoMeeting[], today: string | null): Promise<DemoRatingCounts> {
  const ids = demoIds(refs, 'demo rating');
  const paths = new Map((await trx.selectFrom('units').select(['id', 'path']).execute()).map((u) => [u.id, u.path]));
  const communeKey = demo.units.find((u) => u.parentKey === null)!.key;
  const communeId = ids.unitId(communeKey);
  const rules = await ensureRatingRules(trx, handle.dialect, paths.get(communeId)!);
  const committeeAccount = demo.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee'))!;
  const s: Seeding = {
    trx,
    ctx: insideSeed(trx, handle.dialect),
    dialect: handle.dialect,
    demo,
    ids,
    paths,
    keyOf: new Map([...refs.memberIds].map(([key, id]) => [id, key])),
    committee: demoActor(ids.accountOf(committeeAccount.memberKey), ids.memberOrNull(committeeAccount.memberKey), committeeAccount.roles.map((r) => ({ role: r.role, unitId: ids.unitId(r.unitKey), unitPath: paths.get(ids.unitId(r.unitKey))! }))),
  };
  const story = buildDemoRating2022(demo, meetings, await disciplinedIn(trx, refs, RATING_YEAR), rules);
  const counts = await seedYear(s, rules, story);
  if (!today) return counts;
  const present = buildDemoRatingPresent(demo, today, rules);
  const period = await openPeriod(s.ctx, s.committee, { unitId: communeId, kind: 'year', year: present.year, steps: present.steps });
  const reviews = await reviewsOf(trx, period.id);
  for (const r of present.submitted) await writeMemberReview(s, rules, reviews.get(ids.memberId(r.memberKey))!, r, true);
  const draft = reviews.get(ids.memberId(present.draft.memberKey))!;
  const points = spreadPoints(rules.groups.slice(0, present.draft.scoredGroups), 25);
  await saveSelfAssessment(s.ctx, memberActor(s, draft), draft.id, { ...selfAssessment(draft, present.draft.text, points, null), revision: 0 });
  await dateReviews(trx, period.id, present.openedOn, present.submitted.map((r) => ({ reviewId: reviews.get(ids.memberId(r.memberKey))!.id, on: r.submittedOn })));
  return { periods: counts.periods + 1, reviews: counts.reviews + reviews.size, decisions: counts.decisions };
}

/** The members disciplined in a year (the inspection demo's reprimand), by demo key. */
async function disciplinedIn(trx: Db, refs: DemoRefs, year: number): Promise<Set<string>> {
  const keyOf = new Map([...refs.memberIds].map(([key, id]) => [id, key]));
  const rows = await trx.selectFrom('discipline_decisions').select('member_id').where('decided_on', '>=', `${year}-01-01`).where('decided_on', '<=', `${year}-12-31`).execute();
  return new Set(rows.map((r) => keyOf.get(r.member_id)!));
}

interface StoredReview {
  id: string;
  member_id: string | null;
  unit_id: string;
  form_code: string;
}

/** A period's reviews by member id, and each cell's own by `unit:<id>`. */
async function reviewsOf(trx: Db, periodId: string): Promise<Map<string, StoredReview>> {
  const rows = await trx.selectFrom('reviews').select(['id', 'member_id', 'unit_id', 'form_code']).where('period_id', '=', periodId).execute();
  return new Map(rows.map((r) => [r.member_id ?? `unit:${r.unit_id}`, r]));
}

const memberActor = (s: Seeding, r: StoredReview): Actor => demoActor(s.ids.accountOf(s.keyOf.get(r.member_id!)!), r.member_id, [{ role: 'member', unitId: r.unit_id, unitPath: s.paths.get(r.unit_id)! }]);

function secretaryActor(s: Seeding, cell: DemoUnit): Actor {
  const unitId = s.ids.unitId(cell.key);
  const secretary = cell.members.find((m) => fullNameOf(m) === cell.contactName) ?? null;
  return demoActor(s.ids.accountOf(secretary?.key ?? null), s.ids.memberOrNull(secretary?.key ?? null), [{ role: 'cell_secretary', unitId, unitPath: s.paths.get(unitId)! }]);
}

const selfAssessment = (r: StoredReview, text: DemoReviewText, points: Record<string, number>, selfLevel: string | null): Omit<SelfAssessmentBody, 'revision'> => ({ reviewForm: r.form_code, ...text, points, selfLevel, selfLevelReason: null });

/**
 * Writes a self-review as planned and, when `submit`, submits it. Where the year's evidence rules
 * the planned level out, the writer proposes the best level it allows, with points in its band:
 * the demo never shows a level its own records contradict. Returns the level's rank and the points.
 */
async function writeReview(ctx: AppContext, actor: Actor, rules: RatingRules, r: StoredReview, plan: { rank: number; score: number; text: DemoReviewText }, submit: boolean): Promise<{ rank: number; score: number }> {
  let { rank, score } = plan;
  const body = (revision: number) => ({ ...selfAssessment(r, plan.text, spreadPoints(rules.groups, score), rules.levels[rank]!.code), revision });
  const saved = await saveSelfAssessment(ctx, actor, r.id, body(0));
  const allowed = saved.levels.findIndex((l, i) => i >= rank && l.allowed);
  if (allowed !== rank) {
    rank = allowed < 0 ? rules.levels.length - 1 : allowed;
    score = Math.max(rules.levels[rank]!.minScore, Math.min(score, rules.levels[rank - 1]!.minScore - 1));
    await saveSelfAssessment(ctx, actor, r.id, body(saved.revision));
  }
  if (submit) await submitReview(ctx, actor, r.id);
  return { rank, score };
}

function writeMemberReview(s: Seeding, rules: RatingRules, r: StoredReview, plan: DemoMemberReview, submit: boolean) {
  return writeReview(s.ctx, memberActor(s, r), rules, r, { rank: rankOf(plan.standing), score: plan.score, text: plan.text }, submit);
}

/** 2022: opened, written, submitted, discussed and voted by the cells, decided by the committee. */
async function seedYear(s: Seeding, rules: RatingRules, story: DemoRatingYear): Promise<DemoRatingCounts> {
  const { trx, ids, demo } = s;
  const period = await openPeriod(s.ctx, s.committee, { unitId: ids.unitId(demo.units.find((u) => u.parentKey === null)!.key), kind: 'year', year: story.year, steps: story.steps });
  const reviews = await reviewsOf(trx, period.id);

  const rng = new Rng(hashSeed('rating-vote'));
  const cells = demo.units.filter((u) => u.kind === 'cell');
  const levels = rules.levels.map((l) => ({ code: l.code }));
  const proposals: CellProposal[] = [];
  const final: { reviewId: string; rank: number; score: number; collective: boolean }[] = [];
  for (const c of story.collectives) {
    const cell = cells.find((u) => u.key === c.cellKey)!;
    const r = reviews.get(`unit:${ids.unitId(cell.key)}`)!;
    const written = await writeReview(s.ctx, secretaryActor(s, cell), rules, r, { rank: rankOf(c.standing), score: c.score, text: c.text }, true);
    final.push({ reviewId: r.id, ...written, collective: true });
    proposals.push({ reviewId: r.id, unitId: r.unit_id, comments: null, counts: null, denominator: null, level: rules.levels[written.rank]!.code, on: story.meetingOf.get(cell.key)!, by: secretaryActor(s, cell).accountId });
  }
  for (const m of story.members) {
    const r = reviews.get(ids.memberId(m.memberKey))!;
    const written = await writeMemberReview(s, rules, r, m, true);
    final.push({ reviewId: r.id, ...written, collective: false });
    const cell = cells.find((u) => u.key === m.cellKey)!;
    const on = story.meetingOf.get(cell.key)!;
    const denominator = officialCount(cell, on);
    const counts = voteCounts(rng, levels, written.rank, denominator, rules.vote);
    const asWritten = written.rank === rankOf(m.standing);
    proposals.push({ reviewId: r.id, unitId: r.unit_id, comments: asWritten ? m.comments : cellComment(rng, { ...m, standing: STANDINGS[written.rank]! }), counts, denominator, level: rules.levels[written.rank]!.code, on, by: secretaryActor(s, cell).accountId });
  }
  await linkReviewMeetings(s, period.id, story);
  await recordCellProposals(s, proposals);

  // The committee: the cells first, then the members within the quota (the surplus one level down, with the reason).
  const demoted = new Set(overQuota(final.filter((f) => !f.collective), rules.quota.percentOfGood).map((f) => f.reviewId));
  const decision = (f: (typeof final)[number]) => ({ reviewId: f.reviewId, level: rules.levels[demoted.has(f.reviewId) ? f.rank + 1 : f.rank]!.code, ...(demoted.has(f.reviewId) ? { reason: RATING_STORY.quotaReason } : {}) });
  await decideLevels(s.ctx, s.committee, period.id, { decisions: final.filter((f) => f.collective).map(decision) });
  await decideLevels(s.ctx, s.committee, period.id, { decisions: final.filter((f) => !f.collective).map(decision) });

  await dateReviews(trx, period.id, story.openedOn, [...story.collectives.map((c) => ({ reviewId: reviews.get(`unit:${ids.unitId(c.cellKey)}`)!.id, on: c.submittedOn })), ...story.members.map((m) => ({ reviewId: reviews.get(ids.memberId(m.memberKey))!.id, on: m.submittedOn }))]);
  await dateDecisions(trx, final.filter((f) => f.collective).map((f) => f.reviewId), story.decidedOn.collective);
  await dateDecisions(trx, final.filter((f) => !f.collective).map((f) => f.reviewId), story.decidedOn.individual);
  return { periods: 1, reviews: final.length, decisions: final.length };
}

/** Each cell's review meeting: its December regular meeting, the vote in counts. */
async function linkReviewMeetings(s: Seeding, periodId: string, story: DemoRatingYear): Promise<void> {
  const meetingIds = await cellMeetingIds(s.trx, 'regular');
  const rows: ReviewMeetingTable[] = s.demo.units
    .filter((u) => u.kind === 'cell')
    .map((cell) => {
      const unitId = s.ids.unitId(cell.key);
      const on = story.meetingOf.get(cell.key)!;
      const at = demoInstant(on, AT.proposal);
      return { id: newId(), period_id: periodId, unit_id: unitId, meeting_id: s.ids.need(meetingIds, cellDay(unitId, on), 'meeting'), vote_mode: 'counts', ballot_status: 'not_open', denominator: officialCount(cell, on), opened_by_account_id: null, opened_at: null, closed_by_account_id: null, closed_at: null, created_at: at, updated_at: at };
    });
  await s.trx.insertInto('review_meetings').values(rows).execute();
  await writeAuditEntries(s.trx, s.dialect, rows.map((r): AuditWrite => ({ actorAccountId: null, action: 'review_meeting.link', recordType: 'review_meeting', recordId: r.id, unitId: r.unit_id, after: { periodId, meetingId: r.meeting_id, voteMode: r.vote_mode, denominator: r.denominator, source: 'demo' } })));
}

interface CellProposal {
  reviewId: string;
  unitId: string;
  comments: string | null;
  counts: Record<string, number> | null;
  denominator: number | null;
  level: string;
  on: string;
  by: string | null;
}

/**
 * The cell's side of each review — comments, the vote's counts and the level they give, the
 * proposal — with its audit entry. Written directly while the cell's endpoints are being built on
 * another branch; the one place to switch to their service when they land.
 */
async function recordCellProposals(s: Seeding, rows: readonly CellProposal[]): Promise<void> {
  for (const r of rows) {
    await s.trx
      .updateTable('reviews')
      .set({ cell_comments: r.comments, vote_counts_json: r.counts ? JSON.stringify(r.counts) : null, vote_denominator: r.denominator, vote_level: r.counts ? r.level : null, proposed_level: r.level, proposed_by_account_id: r.by, proposed_at: demoInstant(r.on, AT.proposal) })
      .where('id', '=', r.reviewId)
      .execute();
  }
  await writeAuditEntries(s.trx, s.dialect, rows.map((r): AuditWrite => ({ actorAccountId: r.by, action: 'review.cell_proposal', recordType: 'review', recordId: r.reviewId, unitId: r.unitId, after: { comments: r.comments, counts: r.counts, denominator: r.denominator, proposedLevel: r.level, source: 'demo' } })));
}

/** The period and its reviews dated as the story has them (opened, written, submitted), a statement per day. */
async function dateReviews(trx: Db, periodId: string, openedOn: string, submitted: readonly { reviewId: string; on: string }[]): Promise<void> {
  const opened = demoInstant(openedOn, AT.open);
  await trx.updateTable('review_periods').set({ created_at: opened, updated_at: opened }).where('id', '=', periodId).execute();
  await trx.updateTable('reviews').set({ created_at: opened }).where('period_id', '=', periodId).execute();
  const byDay = new Map<string, string[]>();
  for (const r of submitted) byDay.set(r.on, [...(byDay.get(r.on) ?? []), r.reviewId]);
  for (const [on, reviewIds] of byDay) {
    const at = demoInstant(on, AT.submit);
    for (let i = 0; i < reviewIds.length; i += 200) await trx.updateTable('reviews').set({ submitted_at: at, updated_at: at }).where('id', 'in', reviewIds.slice(i, i + 200)).execute();
  }
}

async function dateDecisions(trx: Db, reviewIds: readonly string[], on: string): Promise<void> {
  for (let i = 0; i < reviewIds.length; i += 200) await trx.updateTable('review_decisions').set({ decided_at: demoInstant(on, AT.decision) }).where('review_id', 'in', reviewIds.slice(i, i + 200)).execute();
}
