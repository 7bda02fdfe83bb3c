import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError, fieldErrors, notFound, type FieldProblem } from '../../core/errors.js';
import { can, isWithin, type Actor } from '../../domain/policy.js';
import { ballotSheetProblems, proposedLevel, type RatingRules } from '../../domain/rating.js';
import type { Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { findMeeting, participantsOf, type ParticipantRow } from '../meetings/lookup.js';
import { findMemberWithUnit, officialMemberCounts } from '../members/lookup.js';
import { ratingRulesOfVersion } from '../rating-rules/lookup.js';
import * as repo from './repo.js';
import type { ReviewMeetingRow, ReviewRow } from './repo.js';
import { authorizeCellWork, authorizeManageReviewMeeting, authorizeReadReviewMeeting } from './policy.js';
import { levelViews, marksOf, parsePoints, presentReviewSummary, subjectOf } from './present.js';
import { ruleBasisOf } from './service.js';
import type { CastBallotBody, CellReviewResponse, LinkMeetingBody, MyBallotsResponse, ProposalBody, ReviewMeetingDetail, VoteCountsBody } from './schemas.js';

type Db = Kysely<Database>;

/**
 * Hội nghị kiểm điểm của chi bộ: the cell links its review meeting to one of its meetings,
 * comments on each member, votes on each member's level — counts typed by the secretary, or a
 * secret ballot from the members' phones — and its committee proposes each level.
 *
 * The secret ballot keeps two things apart and nothing that joins them: who has voted
 * (review_ballot_voters: meeting and member, no time, no choice) and running counts per review
 * and level (review_ballot_counts: no voter, no time, made at 0 when the ballot opens and only
 * ever added to). A ballot's audit entry says that the member voted, never what.
 */

// --- reading -----------------------------------------------------------------------------------------

/** A review meeting with its period and rules: `read` for the cell's members and readers, `manage` for its committee. */
async function loadReviewMeeting(db: Db, actor: Actor, id: string, mode: 'read' | 'manage') {
  const rm = await repo.findReviewMeeting(db, id);
  if (mode === 'manage') authorizeManageReviewMeeting(actor, rm);
  else authorizeReadReviewMeeting(actor, rm);
  const p = (await repo.findPeriod(db, rm!.period_id))!;
  const rules = await ratingRulesOfVersion(db, p.rules_version_id);
  return { rm: rm!, p, rules };
}

/** The members' reviews of the cell in the period, in name order: those the cell votes on. */
async function memberReviewsOf(db: Db, rm: Pick<ReviewMeetingRow, 'period_id' | 'unit_id' | 'unit_path'>): Promise<ReviewRow[]> {
  return (await repo.reviewsOfPeriod(db, rm.period_id, rm.unit_path)).filter((r) => r.unit_id === rm.unit_id && r.subject_kind === 'member');
}

/** Who may vote: the cell's official members present at the meeting (arriving late is being present). */
const isVoter = (p: ParticipantRow) => p.role === 'member' && p.status === 'present' && p.member_status === 'official';

async function officialMembers(db: Db, unitId: string): Promise<number> {
  return (await officialMemberCounts(db, [unitId])).get(unitId) ?? 0;
}

/** A review's vote as stored: counts per level ('' = blank), the denominator, the level it gives. */
function voteOf(r: Pick<ReviewRow, 'vote_counts_json' | 'vote_denominator' | 'vote_level'>): CellReviewResponse['vote'] {
  return r.vote_counts_json ? { counts: JSON.parse(r.vote_counts_json) as Record<string, number>, denominator: Number(r.vote_denominator ?? 0), level: r.vote_level } : null;
}

async function presentReviewMeeting(db: Db, actor: Actor, rm: ReviewMeetingRow, rules: RatingRules): Promise<ReviewMeetingDetail> {
  const [reviews, participants, voted, denominator] = await Promise.all([
    memberReviewsOf(db, rm),
    participantsOf(db, rm.meeting_id),
    repo.voterCount(db, rm.id),
    rm.denominator === null ? officialMembers(db, rm.unit_id) : Promise.resolve(Number(rm.denominator)),
  ]);
  const voters = participants.filter(isVoter);
  const hasVoted = actor.memberId !== null && (await repo.hasVoted(db, rm.id, actor.memberId));
  // The tally shows once the ballot is closed; typed counts as soon as they are typed.
  const tallyShown = rm.vote_mode === 'counts' || rm.ballot_status === 'closed';
  // A member reads the names to vote on; the reviews themselves are for those who read the cell's reviews.
  const staff = can(actor, 'review.read', { unitPath: rm.unit_path });
  return {
    id: rm.id,
    periodId: rm.period_id,
    unitId: rm.unit_id,
    unitName: rm.unit_name,
    meeting: { id: rm.meeting_id, title: rm.meeting_topic ?? '', kind: rm.meeting_kind as ReviewMeetingDetail['meeting']['kind'], startsAt: rm.meeting_starts_at },
    voteMode: rm.vote_mode as ReviewMeetingDetail['voteMode'],
    ballotStatus: rm.ballot_status as ReviewMeetingDetail['ballotStatus'],
    denominator,
    eligible: voters.length,
    voted,
    hasVoted,
    mayVote: rm.vote_mode === 'ballot' && rm.ballot_status === 'open' && !hasVoted && voters.some((p) => p.member_id === actor.memberId),
    levels: rules.levels.map((l) => ({ code: l.code, name: l.name })),
    reviews: reviews.map((r) => {
      const summary = presentReviewSummary(r);
      const counts = tallyShown ? (voteOf(r)?.counts ?? null) : null;
      const voteLevel = tallyShown ? summary.voteLevel : null;
      return staff
        ? { ...summary, voteLevel, cellComments: r.cell_comments, counts }
        : { ...summary, scoreTotal: null, selfLevel: null, proposedLevel: null, voteLevel, cellComments: null, counts };
    }),
    actions: can(actor, 'review.cell', { unitPath: rm.unit_path }) ? ['manage'] : [],
  };
}

export async function reviewMeetingDetail(ctx: AppContext, actor: Actor, id: string): Promise<ReviewMeetingDetail> {
  const db = ctx.handle.db;
  const { rm, rules } = await loadReviewMeeting(db, actor, id, 'read');
  return presentReviewMeeting(db, actor, rm, rules);
}

/**
 * The open secret ballots of the caller's own cell (none without a membership): what the member's
 * home shows, since a plain member reads no period. Whether they voted, never what.
 */
export async function myOpenBallots(ctx: AppContext, actor: Actor): Promise<MyBallotsResponse> {
  if (!actor.memberId) return { items: [] };
  const db = ctx.handle.db;
  const member = await findMemberWithUnit(db, actor.memberId);
  if (!member) return { items: [] };
  const items: MyBallotsResponse['items'] = [];
  for (const b of await repo.openBallotsOfUnit(db, member.unit_id)) {
    const voter = (await participantsOf(db, b.meeting_id)).find((p) => p.role === 'member' && p.member_id === actor.memberId);
    const hasVoted = await repo.hasVoted(db, b.id, actor.memberId);
    items.push({ id: b.id, periodId: b.period_id, periodTitle: b.period_title, startsAt: b.meeting_starts_at, hasVoted, mayVote: !hasVoted && voter !== undefined && isVoter(voter) });
  }
  return { items };
}

// --- linking the meeting -----------------------------------------------------------------------------

/** The cell committee names the meeting at which the cell reviews its members, and how it votes. One per cell and period. */
export async function linkReviewMeeting(ctx: AppContext, actor: Actor, periodId: string, body: LinkMeetingBody): Promise<ReviewMeetingDetail> {
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'review.cell', unit, 'unitId');
    const p = await repo.findPeriod(trx, periodId);
    if (!p || !isWithin(unit!.path, p.unit_path)) throw notFound();
    if (p.status !== 'open') throw new AppError(409, 'review_period_closed');
    if (!(await memberReviewsOf(trx, { period_id: p.id, unit_id: unit!.id, unit_path: unit!.path })).length) throw fieldError('unitId', 'review_unit_not_in_period');
    const meeting = await findMeeting(trx, body.meetingId);
    if (!meeting || meeting.unit_id !== unit!.id) throw new AppError(404, 'not_found', {}, [{ field: 'meetingId', messageKey: 'not_found' }]);
    if (await repo.reviewMeetingOfCell(trx, p.id, unit!.id)) throw new AppError(409, 'review_meeting_exists');
    const now = nowIso();
    const row = {
      id: newId(),
      period_id: p.id,
      unit_id: unit!.id,
      meeting_id: meeting.id,
      vote_mode: body.voteMode,
      ballot_status: 'not_open',
      denominator: null,
      opened_by_account_id: null,
      opened_at: null,
      closed_by_account_id: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertReviewMeeting(trx, row);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review_meeting.link',
      recordType: 'review_meeting',
      recordId: row.id,
      unitId: unit!.id,
      after: { periodId: p.id, meetingId: meeting.id, voteMode: body.voteMode },
    });
    return row.id;
  });
  return reviewMeetingDetail(ctx, actor, id);
}

// --- the cell's work on one review -----------------------------------------------------------------

async function loadCellReview(db: Db, actor: Actor, id: string) {
  const r = await repo.findReview(db, id);
  authorizeCellWork(actor, r);
  const p = (await repo.findPeriod(db, r!.period_id))!;
  if (p.status !== 'open') throw new AppError(409, 'review_period_closed');
  return { r: r!, p, rules: await ratingRulesOfVersion(db, p.rules_version_id) };
}

async function cellReviewAfter(db: Db, id: string): Promise<CellReviewResponse> {
  const r = (await repo.findReview(db, id))!;
  return { ...presentReviewSummary(r), cellComments: r.cell_comments, vote: voteOf(r), proposalNote: r.proposal_note };
}

/** Ý kiến góp ý của chi bộ: what the cell said of a member (or of itself) at the review meeting. */
export async function saveCellComments(ctx: AppContext, actor: Actor, id: string, body: { comments: string }): Promise<CellReviewResponse> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { r } = await loadCellReview(trx, actor, id);
    const comments = body.comments.trim() || null;
    if (comments === r.cell_comments) return;
    await repo.updateReview(trx, r.id, { cell_comments: comments, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review.cell_comments',
      recordType: 'review',
      recordId: r.id,
      unitId: r.unit_id,
      before: { comments: r.cell_comments },
      after: { comments },
    });
  });
  return cellReviewAfter(ctx.handle.db, id);
}

/** The counts and the level they give under the rules' majority (and cumulation), over `denominator`. */
function tallied(rules: RatingRules, counts: Record<string, number>, denominator: number) {
  return {
    vote_counts_json: JSON.stringify(counts),
    vote_denominator: denominator,
    vote_level: proposedLevel(rules.levels, counts, { denominator, majority: rules.vote.majority, cumulative: rules.vote.cumulative }),
  };
}

/** Typed counts (the cell voted by show of hands or on paper): levels of the rules or '' (blank), at most the official members. */
export async function saveVoteCounts(ctx: AppContext, actor: Actor, id: string, body: VoteCountsBody): Promise<CellReviewResponse> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { r, p, rules } = await loadCellReview(trx, actor, id);
    if (r.subject_kind !== 'member') throw new AppError(409, 'review_vote_members_only');
    const rm = await repo.reviewMeetingOfCell(trx, p.id, r.unit_id);
    if (!rm) throw new AppError(409, 'review_meeting_none');
    if (rm.vote_mode !== 'counts') throw new AppError(409, 'review_vote_mode_ballot');
    if (r.status !== 'submitted') throw new AppError(409, 'review_not_submitted');
    const problems: FieldProblem[] = [];
    for (const code of Object.keys(body.counts)) if (code !== '' && !rules.levels.some((l) => l.code === code)) problems.push({ field: `counts.${code}`, messageKey: 'review_vote_level_unknown' });
    const denominator = await officialMembers(trx, r.unit_id);
    const total = Object.values(body.counts).reduce((a, b) => a + b, 0);
    if (total > denominator) problems.push({ field: 'counts', messageKey: 'review_vote_over_denominator', params: { total, denominator } });
    if (problems.length > 0) throw fieldErrors(problems);
    const vote = tallied(rules, body.counts, denominator);
    await repo.updateReview(trx, r.id, { ...vote, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review.vote_counts',
      recordType: 'review',
      recordId: r.id,
      unitId: r.unit_id,
      before: r.vote_counts_json ? { counts: JSON.parse(r.vote_counts_json) as unknown, level: r.vote_level } : undefined,
      after: { counts: body.counts, denominator, level: vote.vote_level },
    });
  });
  return cellReviewAfter(ctx.handle.db, id);
}

/**
 * Chi ủy đề xuất: after the vote, the level the cell committee proposes — the vote's by default;
 * another level, or one the year's evidence rules out, needs a note. The cell as a collective is
 * not voted on: its proposal needs only its submitted report.
 */
export async function proposeLevel(ctx: AppContext, actor: Actor, id: string, body: ProposalBody): Promise<CellReviewResponse> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { r, p, rules } = await loadCellReview(trx, actor, id);
    if (r.status !== 'submitted') throw new AppError(409, 'review_not_submitted');
    const voted = r.subject_kind === 'member';
    if (voted && !r.vote_counts_json) throw new AppError(409, 'review_vote_first');
    const code = body.level ?? (voted ? r.vote_level : null);
    if (!code) throw fieldError('level', 'review_proposal_level_required');
    const level = rules.levels.find((l) => l.code === code);
    if (!level) throw fieldError('level', 'review_level_unknown');
    const note = body.note?.trim() || null;
    if (!note) {
      if (voted && code !== r.vote_level) throw fieldError('note', 'review_proposal_note_required', { level: level.name });
      const option = levelViews(rules, subjectOf(r), await ruleBasisOf(trx, r, p), marksOf(r), parsePoints(r.points_json)).find((o) => o.code === code)!;
      if (!option.allowed) throw fieldError('note', 'review_proposal_ruled_out', { level: level.name });
    }
    const now = nowIso();
    await repo.updateReview(trx, r.id, { proposed_level: code, proposal_note: note, proposed_by_account_id: actor.accountId, proposed_at: now, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review.propose',
      recordType: 'review',
      recordId: r.id,
      unitId: r.unit_id,
      before: r.proposed_level ? { level: r.proposed_level, note: r.proposal_note } : undefined,
      after: { level: code, note, voteLevel: r.vote_level },
    });
  });
  return cellReviewAfter(ctx.handle.db, id);
}

// --- the secret ballot -----------------------------------------------------------------------------

/**
 * Opens the secret ballot: the denominator is fixed (the cell's official members, as the rules
 * say) and every submitted member review gets a count at 0 for each level and for a blank.
 */
export async function openBallot(ctx: AppContext, actor: Actor, id: string): Promise<ReviewMeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { rm, p, rules } = await loadReviewMeeting(trx, actor, id, 'manage');
    if (p.status !== 'open') throw new AppError(409, 'review_period_closed');
    if (rm.vote_mode !== 'ballot') throw new AppError(409, 'review_vote_mode_counts');
    if (rm.ballot_status === 'open') throw new AppError(409, 'review_ballot_already_open');
    if (rm.ballot_status === 'closed') throw new AppError(409, 'review_ballot_ended');
    const reviews = (await memberReviewsOf(trx, rm)).filter((r) => r.status === 'submitted');
    if (reviews.length === 0) throw new AppError(409, 'review_ballot_nothing');
    const denominator = await officialMembers(trx, rm.unit_id);
    const choices = ['', ...rules.levels.map((l) => l.code)];
    await repo.insertBallotCounts(
      trx,
      reviews.flatMap((r) => choices.map((level_code) => ({ review_id: r.id, unit_id: rm.unit_id, level_code }))),
    );
    const now = nowIso();
    await repo.updateReviewMeeting(trx, rm.id, { ballot_status: 'open', denominator, opened_by_account_id: actor.accountId, opened_at: now, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review_meeting.ballot_open',
      recordType: 'review_meeting',
      recordId: rm.id,
      unitId: rm.unit_id,
      after: { denominator, reviewIds: reviews.map((r) => r.id) },
    });
  });
  return reviewMeetingDetail(ctx, actor, id);
}

/** Closes the ballot: each review's counts become its vote, with the level the rules' majority gives. */
export async function closeBallot(ctx: AppContext, actor: Actor, id: string): Promise<ReviewMeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { rm, rules } = await loadReviewMeeting(trx, actor, id, 'manage');
    if (rm.vote_mode !== 'ballot') throw new AppError(409, 'review_vote_mode_counts');
    if (rm.ballot_status === 'not_open') throw new AppError(409, 'review_ballot_not_open');
    if (rm.ballot_status === 'closed') throw new AppError(409, 'review_ballot_ended');
    const reviews = await memberReviewsOf(trx, rm);
    const byReview = new Map<string, Record<string, number>>();
    for (const c of await repo.ballotCounts(trx, reviews.map((r) => r.id))) {
      const counts = byReview.get(c.review_id) ?? {};
      counts[c.level_code] = Number(c.count);
      byReview.set(c.review_id, counts);
    }
    const denominator = Number(rm.denominator ?? 0);
    const now = nowIso();
    const tally: Record<string, { counts: Record<string, number>; level: string | null }> = {};
    for (const [reviewId, counts] of byReview) {
      const vote = tallied(rules, counts, denominator);
      await repo.updateReview(trx, reviewId, { ...vote, updated_at: now });
      tally[reviewId] = { counts, level: vote.vote_level };
    }
    const voted = await repo.voterCount(trx, rm.id);
    await repo.updateReviewMeeting(trx, rm.id, { ballot_status: 'closed', closed_by_account_id: actor.accountId, closed_at: now, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review_meeting.ballot_close',
      recordType: 'review_meeting',
      recordId: rm.id,
      unitId: rm.unit_id,
      after: { denominator, voted, tally },
    });
  });
  return reviewMeetingDetail(ctx, actor, id);
}

/** The sheet's problems, each naming its field. */
function sheetProblems(rules: RatingRules, onBallot: ReadonlyMap<string, ReviewRow>, choices: CastBallotBody['choices']): FieldProblem[] {
  return ballotSheetProblems([...onBallot.keys()], rules.levels, choices).map((p): FieldProblem => {
    if (p.kind === 'not_on_ballot') return { field: `choices.${p.index}.reviewId`, messageKey: 'review_ballot_not_on_sheet' };
    if (p.kind === 'level') return { field: `choices.${p.index}.level`, messageKey: 'review_level_unknown' };
    const names = p.reviewIds.map((id) => onBallot.get(id)!.member_name ?? onBallot.get(id)!.unit_name);
    return { field: 'choices', messageKey: 'review_ballot_missing', params: { count: names.length, names: names.join(', ') } };
  });
}

/**
 * One member's ballot sheet: an official member present at the meeting casts one, covering every
 * review on the ballot. In one transaction the member is marked as having voted and each chosen
 * count goes up by one; nothing records which sheet added what.
 */
export async function castBallot(ctx: AppContext, actor: Actor, id: string, body: CastBallotBody): Promise<ReviewMeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { rm, rules } = await loadReviewMeeting(trx, actor, id, 'read');
    if (rm.vote_mode !== 'ballot') throw new AppError(409, 'review_vote_mode_counts');
    if (rm.ballot_status === 'not_open') throw new AppError(409, 'review_ballot_not_open');
    if (rm.ballot_status === 'closed') throw new AppError(409, 'review_ballot_ended', {}, [{ field: 'choices', messageKey: 'review_ballot_closed' }]);
    const me = (await participantsOf(trx, rm.meeting_id)).find((p) => p.role === 'member' && p.member_id === actor.memberId);
    if (!me || me.status !== 'present') throw new AppError(403, 'review_ballot_not_present');
    if (!isVoter(me)) throw new AppError(403, 'review_ballot_not_official');
    if (await repo.hasVoted(trx, rm.id, me.member_id)) throw new AppError(409, 'review_ballot_cast_twice', {}, [{ field: 'choices', messageKey: 'review_ballot_twice' }]);
    const reviews = await memberReviewsOf(trx, rm);
    const ids = await repo.ballotReviewIds(trx, reviews.map((r) => r.id));
    const onBallot = new Map(reviews.filter((r) => ids.has(r.id)).map((r) => [r.id, r]));
    const problems = sheetProblems(rules, onBallot, body.choices);
    if (problems.length > 0) throw fieldErrors(problems);
    await repo.insertBallotVoter(trx, { review_meeting_id: rm.id, member_id: me.member_id, unit_id: rm.unit_id });
    for (const c of body.choices) await repo.addBallotChoice(trx, c.reviewId, c.level ?? '');
    // That this member voted, as review_ballot_voters keeps it: never a choice.
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review_meeting.ballot_cast',
      recordType: 'review_meeting',
      recordId: rm.id,
      unitId: rm.unit_id,
      after: { memberId: me.member_id },
    });
  });
  return reviewMeetingDetail(ctx, actor, id);
}
