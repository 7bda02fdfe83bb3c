import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { AppContext } from '../../core/context.js';
import { loadConfig } from '../../core/config.js';
import type { Actor, Assignment } from '../../domain/policy.js';
import { proposedLevel, type RatingRules } from '../../domain/rating.js';
import {
  castBallot,
  closeBallot,
  closePeriod,
  decideLevels,
  linkReviewMeeting,
  openBallot,
  openPeriod,
  proposeLevel,
  reviewMeetingDetail,
  saveCellComments,
  saveSelfAssessment,
  saveVoteCounts,
  submitReview,
} from '../../features/reviews/service.js';
import { participantsOf } from '../../features/meetings/lookup.js';
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
  memberText,
  overQuota,
  rankOf,
  RATING_STORY,
  STANDINGS,
  RATING_YEAR,
  spreadPoints,
  voteCounts,
  type DemoMemberReview,
  type DemoRatingPresent,
  type DemoRatingYear,
  type DemoReviewText,
  type DemoYearRecords,
} from '../rating.js';
import { cellDay, cellMeetingIds, demoIds, type DemoIds, type DemoRefs } from './refs.js';
import { demoInstant } from './work.js';
import { minDate } from '../present-window.js';

/** Hours (UTC) used on a day: the period opened, a review submitted, the review meeting linked (its ballot opened), the cell's proposal, a decision, the period closed. */
const AT = { open: 2, submit: 13, link: 12, proposal: 14, decision: 3, close: 9 } as const;

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
 * every review written and submitted, each cell's review meeting linked with its comments, votes
 * (Đồng Thứ's by secret ballot) and proposals, the committee's decisions within the quota, the
 * period closed; and, given `today`, this year's period under way, Đồng Thứ's ballot waiting to
 * be opened. Dated afterwards
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
  const story = buildDemoRating2022(demo, meetings, await recordsOf(trx, demo, refs, RATING_YEAR), rules);
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
  await linkPresentBallot(s, period.id, present, today);
  return { periods: counts.periods + 1, reviews: counts.reviews + reviews.size, decisions: counts.decisions };
}

/**
 * Đồng Thứ's review meeting this year: its next meeting (else its latest since the period opened),
 * voting by secret ballot, the ballot not yet open — for its secretary to open in the demo.
 */
async function linkPresentBallot(s: Seeding, periodId: string, present: DemoRatingPresent, today: string): Promise<void> {
  const cell = s.demo.units.find((u) => u.key === present.cellKey)!;
  const unitId = s.ids.unitId(cell.key);
  const meetings = await s.trx.selectFrom('meetings').select(['id', 'meeting_date']).where('unit_id', '=', unitId).where('meeting_date', '>=', present.openedOn).orderBy('meeting_date').execute();
  const meeting = meetings.find((m) => m.meeting_date >= today) ?? meetings.at(-1);
  if (!meeting) return;
  const rm = await linkReviewMeeting(s.ctx, secretaryActor(s, cell), periodId, { unitId, meetingId: meeting.id, voteMode: 'ballot' });
  const at = demoInstant(minDate(today, meeting.meeting_date), AT.link);
  await s.trx.updateTable('review_meetings').set({ created_at: at, updated_at: at }).where('id', '=', rm.id).execute();
}

/**
 * What of a year's stored records the reviews answer to: who was disciplined (the inspection
 * demo's reprimand), who finished a task due that year late, and in which cells (a mass
 * organisation's work counting for its cell).
 */
async function recordsOf(trx: Db, demo: DemoCommune, refs: DemoRefs, year: number): Promise<DemoYearRecords> {
  const memberKey = new Map([...refs.memberIds].map(([key, id]) => [id, key]));
  const cellKey = new Map(demo.units.flatMap((u) => (u.kind === 'cell' ? [[refs.unitIds.get(u.key)!, u.key]] : u.kind === 'mass_org' && u.parentKey ? [[refs.unitIds.get(u.key)!, u.parentKey]] : [])));
  const [disciplined, late] = await Promise.all([
    trx.selectFrom('discipline_decisions').select('member_id').where('decided_on', '>=', `${year}-01-01`).where('decided_on', '<=', `${year}-12-31`).execute(),
    trx.selectFrom('tasks').select(['unit_id', 'owner_member_id']).where('status', '=', 'late').where('deadline', '>=', `${year}-01-01`).where('deadline', '<=', `${year}-12-31`).execute(),
  ]);
  return {
    disciplined: new Set(disciplined.map((r) => memberKey.get(r.member_id)!)),
    lateOwners: new Set(late.flatMap((t) => (t.owner_member_id ? [memberKey.get(t.owner_member_id)!] : []))),
    lateCells: new Set(late.flatMap((t) => (cellKey.has(t.unit_id) ? [cellKey.get(t.unit_id)!] : []))),
  };
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
 * Writes a self-review as planned and, when `submit`, submits it. The plan answers to the year's
 * records (../rating.ts); should the evidence still rule its level out (an excellent one without
 * enough work beyond what was asked, say), the writer proposes the best level it allows, with
 * points in that level's band: the demo never shows a level its own records contradict. Returns
 * the level's rank and the points; `textFor` gives the words for the level written.
 */
async function writeReview(ctx: AppContext, actor: Actor, rules: RatingRules, r: StoredReview, plan: { rank: number; score: number; textFor: (rank: number) => DemoReviewText }, submit: boolean): Promise<{ rank: number; score: number }> {
  let { rank, score } = plan;
  const body = (revision: number) => ({ ...selfAssessment(r, plan.textFor(rank), spreadPoints(rules.groups, score), rules.levels[rank]!.code), revision });
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

/** A member's review as planned; at a level the evidence moved it to, in that level's words. */
function writeMemberReview(s: Seeding, rules: RatingRules, r: StoredReview, plan: DemoMemberReview, submit: boolean) {
  const textFor = (rank: number) => (rank === rankOf(plan.standing) ? plan.text : memberText(new Rng(hashSeed(`rating-text/${plan.memberKey}`)), STANDINGS[rank]!, plan));
  return writeReview(s.ctx, memberActor(s, r), rules, r, { rank: rankOf(plan.standing), score: plan.score, textFor }, submit);
}

/** 2022: opened, written, submitted, discussed and voted by the cells, decided by the committee, closed. */
async function seedYear(s: Seeding, rules: RatingRules, story: DemoRatingYear): Promise<DemoRatingCounts> {
  const { trx, ids, demo } = s;
  const period = await openPeriod(s.ctx, s.committee, { unitId: ids.unitId(demo.units.find((u) => u.parentKey === null)!.key), kind: 'year', year: story.year, steps: story.steps });
  const reviews = await reviewsOf(trx, period.id);

  const cells = demo.units.filter((u) => u.kind === 'cell');
  const final: Written[] = [];
  for (const c of story.collectives) {
    const cell = cells.find((u) => u.key === c.cellKey)!;
    const r = reviews.get(`unit:${ids.unitId(cell.key)}`)!;
    const written = await writeReview(s.ctx, secretaryActor(s, cell), rules, r, { rank: rankOf(c.standing), score: c.score, textFor: () => c.text }, true);
    final.push({ reviewId: r.id, cellKey: cell.key, ...written, collective: true, comments: null });
  }
  for (const m of story.members) {
    const r = reviews.get(ids.memberId(m.memberKey))!;
    const written = await writeMemberReview(s, rules, r, m, true);
    final.push({ reviewId: r.id, cellKey: m.cellKey, ...written, collective: false, comments: written.rank === rankOf(m.standing) ? m.comments : null, plan: m });
  }

  const rng = new Rng(hashSeed('rating-vote'));
  const meetingIds = await cellMeetingIds(trx, 'regular');
  for (const cell of cells) {
    const on = story.meetingOf.get(cell.key)!;
    const unitId = ids.unitId(cell.key);
    const secretary = secretaryActor(s, cell);
    const ballot = cell.key === story.ballotCellKey;
    const rm = await linkReviewMeeting(s.ctx, secretary, period.id, { unitId, meetingId: ids.need(meetingIds, cellDay(unitId, on), 'meeting'), voteMode: ballot ? 'ballot' : 'counts' });
    const own = final.filter((f) => f.cellKey === cell.key);
    const members = own.filter((f) => !f.collective);
    if (ballot) await secretBallot(s, rng, rules, rm.id, secretary, members);
    for (const f of members) {
      await saveCellComments(s.ctx, secretary, f.reviewId, { comments: f.comments ?? cellComment(rng, { ...f.plan!, standing: STANDINGS[f.rank]! }) });
      if (!ballot) await saveVoteCounts(s.ctx, secretary, f.reviewId, { counts: voteCounts(rng, rules.levels, f.rank, await officialNow(trx, unitId), rules.vote) });
    }
    for (const f of own) await proposeLevel(s.ctx, secretary, f.reviewId, { level: rules.levels[f.rank]!.code });
    await dateReviewMeeting(trx, rm.id, on, own.map((f) => f.reviewId));
  }

  // The committee: the cells first, then the members within the quota (the surplus one level down, with the reason).
  const demoted = new Set(overQuota(final.filter((f) => !f.collective), rules.quota.percentOfGood).map((f) => f.reviewId));
  const decision = (f: Written) => ({ reviewId: f.reviewId, level: rules.levels[demoted.has(f.reviewId) ? f.rank + 1 : f.rank]!.code, ...(demoted.has(f.reviewId) ? { reason: RATING_STORY.quotaReason } : {}) });
  await decideLevels(s.ctx, s.committee, period.id, { decisions: final.filter((f) => f.collective).map(decision) });
  await decideLevels(s.ctx, s.committee, period.id, { decisions: final.filter((f) => !f.collective).map(decision) });
  await closePeriod(s.ctx, s.committee, period.id);

  await dateReviews(trx, period.id, story.openedOn, [...story.collectives.map((c) => ({ reviewId: reviews.get(`unit:${ids.unitId(c.cellKey)}`)!.id, on: c.submittedOn })), ...story.members.map((m) => ({ reviewId: reviews.get(ids.memberId(m.memberKey))!.id, on: m.submittedOn }))]);
  await dateDecisions(trx, final.filter((f) => f.collective).map((f) => f.reviewId), story.decidedOn.collective);
  await dateDecisions(trx, final.filter((f) => !f.collective).map((f) => f.reviewId), story.decidedOn.individual);
  const closed = demoInstant(story.decidedOn.individual, AT.close);
  await trx.updateTable('review_periods').set({ updated_at: closed }).where('id', '=', period.id).execute();
  return { periods: 1, reviews: final.length, decisions: final.length };
}

interface Written {
  reviewId: string;
  cellKey: string;
  rank: number;
  score: number;
  collective: boolean;
  comments: string | null;
  plan?: DemoMemberReview;
}

/** The cell's official members today: the denominator the service fixes for the vote. */
async function officialNow(trx: Db, unitId: string): Promise<number> {
  const row = await trx.selectFrom('members').select((eb) => eb.fn.countAll().as('n')).where('unit_id', '=', unitId).where('status', '=', 'official').where('archived_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The secret ballot at the cell's review meeting: the secretary opens it, every official member
 * present casts a sheet (each review's counts drawn as for a show of hands, spread over the
 * sheets, the rest blank), the secretary closes it and the counts become each review's vote.
 */
async function secretBallot(s: Seeding, rng: Rng, rules: RatingRules, reviewMeetingId: string, secretary: Actor, members: readonly Written[]): Promise<void> {
  await openBallot(s.ctx, secretary, reviewMeetingId);
  const detail = await reviewMeetingDetail(s.ctx, secretary, reviewMeetingId);
  const voters = (await participantsOf(s.trx, detail.meeting.id)).filter((p) => p.role === 'member' && p.status === 'present' && p.member_status === 'official' && p.member_id !== null);
  const sheets: (string | null)[][] = voters.map(() => []);
  for (const f of members) {
    const drawn = voteCounts(rng, rules.levels, f.rank, voters.length, rules.vote);
    const code = rules.levels[f.rank]!.code;
    const counts = proposedLevel(rules.levels, drawn, { ...rules.vote, denominator: detail.denominator }) === code ? drawn : { [code]: voters.length };
    const marks = rng.shuffle([...Object.entries(counts).flatMap(([code, n]) => Array<string | null>(n).fill(code)), ...Array<null>(voters.length).fill(null)].slice(0, voters.length));
    marks.forEach((level, i) => sheets[i]!.push(level));
  }
  for (const [i, v] of voters.entries()) {
    const actor = demoActor(s.ids.accountOf(s.keyOf.get(v.member_id!)!), v.member_id, [{ role: 'member', unitId: detail.unitId, unitPath: s.paths.get(detail.unitId)! }]);
    await castBallot(s.ctx, actor, reviewMeetingId, { choices: members.map((f, j) => ({ reviewId: f.reviewId, level: sheets[i]![j]! })) });
  }
  await closeBallot(s.ctx, secretary, reviewMeetingId);
}

/** The review meeting and the cell's proposals dated to the meeting's day (the ballot opened and closed there). */
async function dateReviewMeeting(trx: Db, id: string, on: string, reviewIds: readonly string[]): Promise<void> {
  const at = demoInstant(on, AT.proposal);
  const rm = await trx.selectFrom('review_meetings').select(['opened_at', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();
  await trx
    .updateTable('review_meetings')
    .set({ created_at: demoInstant(on, AT.link), updated_at: at, ...(rm.opened_at ? { opened_at: demoInstant(on, AT.link) } : {}), ...(rm.closed_at ? { closed_at: at } : {}) })
    .where('id', '=', id)
    .execute();
  for (let i = 0; i < reviewIds.length; i += 200) await trx.updateTable('reviews').set({ proposed_at: at }).where('id', 'in', reviewIds.slice(i, i + 200)).execute();
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
