import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { isWithin, scopePaths, type Actor } from '../../domain/policy.js';
import type { Database, ReviewTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { pathIds } from '../../domain/unit-paths.js';
import { scoreProblems, scoreTotal, type RatingRules } from '../../domain/rating.js';
import { AppError, fieldError, fieldErrors, notFound, type FieldProblem } from '../../core/errors.js';
import { logRead, writeAudit, writeTransaction } from '../audit/service.js';
import { activeCellsIn, findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { activeMembersInSubtree } from '../members/lookup.js';
import { membersHoldingPostsIn } from '../accounts/lookup.js';
import { ensureRatingRules, ratingRulesOfVersion } from '../rating-rules/lookup.js';
import { cellEvidence, memberEvidence } from './evidence.js';
import * as repo from './repo.js';
import type { FullReviewRow, PeriodRow, ReviewRow } from './repo.js';
import { authorizeReadReview, authorizeWriteReview, isOwnReview, reviewActionsFor } from './policy.js';
import { levelViews, marksOf, triggerViews, parsePoints, periodRange, presentDecision, presentPeriodSummary, presentReviewSummary, subjectOf } from './present.js';
import { periodStanding } from './standing.js';
import type { CreatePeriodBody, MyReviewsResponse, PeriodDetail, PeriodSummary, ReviewDetail, ReviewEvidence, RuleBasis, SelfAssessmentBody } from './schemas.js';

type Db = Kysely<Database>;

/** The committee's decisions and the cell's review meeting live in their own files; this is their door for the demo and other features. */
export { decideLevels } from './decisions.js';
export { castBallot, closeBallot, linkReviewMeeting, openBallot, proposeLevel, reviewMeetingDetail, saveCellComments, saveVoteCounts } from './meeting.js';

// --- periods -------------------------------------------------------------------------------------------

const periodKey = (b: Pick<CreatePeriodBody, 'kind' | 'year' | 'quarter'>) => (b.kind === 'quarter' ? `${b.year}-Q${b.quarter}` : String(b.year));

function periodTitle(b: Pick<CreatePeriodBody, 'kind' | 'year' | 'quarter'>): string {
  return b.kind === 'quarter' ? `Kiểm điểm, đánh giá, xếp loại quý ${b.quarter} năm ${b.year}` : `Kiểm điểm, đánh giá, xếp loại chất lượng năm ${b.year}`;
}

/** The steps as given must be the rules' steps, each once, dated in the rules' order. */
function checkedSteps(rules: RatingRules, steps: CreatePeriodBody['steps']): { code: string; dueOn: string }[] {
  const problems: FieldProblem[] = [];
  const order = new Map(rules.reviewSteps.map((s, i) => [s.code, i]));
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (!order.has(s.code)) problems.push({ field: `steps.${i}.code`, messageKey: 'review_step_unknown' });
    else if (seen.has(s.code)) problems.push({ field: `steps.${i}.code`, messageKey: 'review_step_twice' });
    seen.add(s.code);
  });
  const missing = rules.reviewSteps.filter((s) => !seen.has(s.code));
  if (missing.length > 0) problems.push({ field: 'steps', messageKey: 'review_steps_missing', params: { steps: missing.map((s) => s.name).join('; ') } });
  if (problems.length > 0) throw fieldErrors(problems);
  const sorted = steps.map((s, i) => ({ ...s, index: i })).sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    if (sorted[i]!.dueOn < before.dueOn) {
      problems.push({ field: `steps.${sorted[i]!.index}.dueOn`, messageKey: 'review_step_order', params: { step: rules.reviewSteps[order.get(before.code)!]!.name, date: before.dueOn } });
    }
  }
  if (problems.length > 0) throw fieldErrors(problems);
  return sorted.map((s) => ({ code: s.code, dueOn: s.dueOn }));
}

/** The form a member writes by default: 2B with a post, 2C in a village cell, else 2A (they may change it). */
function defaultForm(rules: RatingRules, holdsPost: boolean, villageCell: boolean): string {
  const individual = rules.forms.filter((f) => f.subject === 'individual');
  const pick = holdsPost ? individual.find((f) => f.leadership) : villageCell ? individual[individual.length - 1] : individual.find((f) => !f.leadership);
  return (pick ?? individual[0])!.code;
}

function newReview(periodId: string, unitId: string, subject: { kind: 'member'; memberId: string } | { kind: 'collective' }, reviewForm: string, now: string): ReviewTable {
  return {
    id: newId(),
    period_id: periodId,
    unit_id: unitId,
    subject_kind: subject.kind,
    member_id: subject.kind === 'member' ? subject.memberId : null,
    subject_key: subject.kind === 'member' ? subject.memberId : `unit:${unitId}`,
    form_code: reviewForm,
    status: 'draft',
    strengths: '',
    shortcomings: '',
    causes: '',
    previous_fixes: '',
    remedies: '',
    points_json: '{}',
    self_level: null,
    self_level_reason: null,
    revision: 0,
    evidence_json: null,
    rule_basis_json: null,
    marked_triggers_json: '[]',
    submitted_at: null,
    cell_comments: null,
    vote_counts_json: null,
    vote_denominator: null,
    vote_level: null,
    proposed_level: null,
    proposal_note: null,
    proposed_by_account_id: null,
    proposed_at: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Opens a period: one review for every active member of the organisation's cells and one for each
 * cell as a collective, all under the rules version in effect now (the period keeps it).
 */
export async function openPeriod(ctx: AppContext, actor: Actor, body: CreatePeriodBody): Promise<PeriodDetail> {
  if (body.kind === 'quarter' && body.quarter === undefined) throw fieldError('quarter', 'review_quarter_required');
  if (body.kind === 'year' && body.quarter !== undefined) throw fieldError('quarter', 'review_quarter_not_for_year');
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'review_period.manage', unit, 'unitId');
    const cells = unit!.kind === 'cell' ? [] : await activeCellsIn(trx, unit!.path);
    if (cells.length === 0) throw fieldError('unitId', 'review_unit_without_cells');
    const rules = await ensureRatingRules(trx, ctx.handle.dialect, unit!.path);
    const steps = checkedSteps(rules, body.steps);
    const key = periodKey(body);
    if (await repo.findPeriodByKey(trx, unit!.id, key)) throw new AppError(409, 'review_period_exists', { period: key });
    const now = nowIso();
    const period = {
      id: newId(),
      unit_id: unit!.id,
      kind: body.kind,
      year: body.year,
      quarter: body.kind === 'quarter' ? body.quarter! : null,
      period_key: key,
      title: body.title?.trim() || periodTitle(body),
      rules_version_id: rules.versionId,
      steps_json: JSON.stringify(steps),
      status: 'open',
      created_by_account_id: actor.accountId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPeriod(trx, period);
    const [members, posts] = await Promise.all([activeMembersInSubtree(trx, unit!.path, periodRange(period).to), membersHoldingPostsIn(trx, unit!.path)]);
    const collectiveForm = rules.forms.find((f) => f.subject === 'collective')!.code;
    const reviews = [
      ...cells.map((c) => newReview(period.id, c.id, { kind: 'collective' }, collectiveForm, now)),
      ...members.map((m) => newReview(period.id, m.unit_id, { kind: 'member', memberId: m.id }, defaultForm(rules, posts.has(m.id), m.village_name !== null), now)),
    ];
    await repo.insertReviews(trx, reviews);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review_period.open',
      recordType: 'review_period',
      recordId: period.id,
      unitId: unit!.id,
      after: { periodKey: key, title: period.title, rulesVersionId: rules.versionId, steps, cells: cells.length, members: members.length },
    });
    return period.id;
  });
  return periodDetail(ctx, actor, id);
}

/** Periods that concern a unit: its own and its ancestors' (a cell's), and those kept inside it (a province's). */
export async function listPeriods(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined; year?: number | undefined }): Promise<{ items: PeriodSummary[]; mayOpen: { unitId: string; unitName: string }[] }> {
  const db = ctx.handle.db;
  const readPaths = scopePaths(actor, 'review.read');
  let unitPath: string;
  if (query.unitId) {
    const unit = await findUnit(db, query.unitId);
    authorizeUnit(actor, 'review.read', unit);
    unitPath = unit!.path;
  } else {
    if (readPaths.length === 0) authorizeUnit(actor, 'review.read', undefined);
    unitPath = readPaths[0]!;
  }
  const rows = [...(await repo.periodsOfUnits(db, { unitIds: pathIds(unitPath), year: query.year })), ...(await repo.periodsOfUnits(db, { subtreePath: unitPath, year: query.year })).filter((p) => p.unit_path !== unitPath)];
  const counts = await repo.periodCounts(db, rows.map((p) => p.id));
  const today = todayInVietnam();
  const items: PeriodSummary[] = [];
  for (const p of rows) items.push(presentPeriodSummary(p, await ratingRulesOfVersion(db, p.rules_version_id), counts.get(p.id), today));
  const openIds = [...new Set(actor.assignments.filter((a) => a.role === 'party_committee').map((a) => a.unitId))];
  const mayOpen = (await unitsByIds(db, openIds)).filter((u) => u.kind !== 'cell').map((u) => ({ unitId: u.id, unitName: u.name }));
  return { items, mayOpen };
}

/** A period is read whole by its committee and the UBKT; a cell's committee reads its cells' part. */
export function periodReadPath(actor: Actor, p: Pick<PeriodRow, 'unit_path'> | undefined): string {
  if (!p) throw notFound();
  const paths = scopePaths(actor, 'review.read');
  if (paths.some((path) => isWithin(p.unit_path, path))) return p.unit_path;
  const inside = paths.filter((path) => isWithin(path, p.unit_path));
  if (inside.length > 0) return inside.sort((a, b) => a.length - b.length)[0]!;
  authorizeUnit(actor, 'review.read', undefined);
  throw notFound();
}

export async function periodDetail(ctx: AppContext, actor: Actor, id: string): Promise<PeriodDetail> {
  const db = ctx.handle.db;
  const p = await repo.findPeriod(db, id);
  const readPath = periodReadPath(actor, p);
  const rules = await ratingRulesOfVersion(db, p!.rules_version_id);
  const counts = await repo.periodCounts(db, [p!.id]);
  const standing = await periodStanding(db, p!, rules, readPath);
  return {
    ...presentPeriodSummary(p!, rules, counts.get(p!.id), todayInVietnam()),
    ...standing,
    unconfirmed: rules.unconfirmed,
    actions: [
      ...(p!.status === 'open' && scopePaths(actor, 'review.decide').some((path) => isWithin(p!.unit_path, path)) ? (['decide'] as const) : []),
      ...(scopePaths(actor, 'review_period.manage').some((path) => isWithin(p!.unit_path, path)) ? (['manage'] as const) : []),
    ],
  };
}

/**
 * Closes a period once the results are published: no review, vote or decision of it changes
 * after that (a later correction is a decision of a new period, on the record).
 */
export async function closePeriod(ctx: AppContext, actor: Actor, id: string): Promise<PeriodDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const p = await repo.findPeriod(trx, id);
    authorizeUnit(actor, 'review_period.manage', p ? { path: p.unit_path } : undefined);
    if (p!.status !== 'open') throw new AppError(409, 'review_period_closed');
    const now = nowIso();
    await repo.updatePeriod(trx, p!.id, { status: 'closed', updated_at: now });
    const counts = (await repo.periodCounts(trx, [p!.id])).get(p!.id);
    await writeAudit(trx, ctx.handle.dialect, { actorAccountId: actor.accountId, action: 'review_period.close', recordType: 'review_period', recordId: p!.id, unitId: p!.unit_id, before: { status: 'open' }, after: { status: 'closed', counts } });
  });
  return periodDetail(ctx, actor, id);
}

// --- reviews -------------------------------------------------------------------------------------------

/** The year's evidence for a review: live while it is a draft, as submitted afterwards. */
export async function evidenceOf(db: Db, r: FullReviewRow, p: PeriodRow): Promise<ReviewEvidence> {
  if (r.evidence_json) return JSON.parse(r.evidence_json) as ReviewEvidence;
  return liveEvidence(db, r, p);
}

/** What the level rules read of the evidence: kept beside a submitted review, live for a draft. */
export async function ruleBasisOf(db: Db, r: ReviewRow, p: PeriodRow): Promise<RuleBasis> {
  if (r.rule_basis_json) return JSON.parse(r.rule_basis_json) as RuleBasis;
  return ruleBasis(await liveEvidence(db, r, p));
}

const ruleBasis = (e: ReviewEvidence): RuleBasis => ({ taskOutcomes: e.taskOutcomes, unfixedShortcomings: e.unfixedShortcomings, detected: e.detected });

async function liveEvidence(db: Db, r: ReviewRow, p: PeriodRow): Promise<ReviewEvidence> {
  const { from, to } = periodRange(p);
  const today = todayInVietnam();
  if (r.subject_kind === 'member') return memberEvidence(db, { memberId: r.member_id!, from, to, today });
  const evidence = await cellEvidence(db, { unitId: r.unit_id, from, to, today });
  return { ...evidence, figures: [...evidence.figures, ...membersFigures(await repo.reviewsOfPeriod(db, p.id, r.unit_path))] };
}

/** A cell's collective report counts its members' reviews: how many submitted, and the levels decided. */
function membersFigures(reviews: readonly ReviewRow[]): ReviewEvidence['figures'] {
  const members = reviews.filter((m) => m.subject_kind === 'member');
  const item = (m: ReviewRow, tag: string | null) => ({ id: m.id, label: m.member_name ?? '', date: m.submitted_at?.slice(0, 10) ?? null, href: `/reviews/${m.id}`, tag });
  const submitted = members.filter((m) => m.status === 'submitted');
  const decided = members.filter((m) => m.decided_level !== null);
  return [
    { section: 'members', key: 'reviews_submitted', value: submitted.length, of: members.length, href: null, items: submitted.map((m) => item(m, m.self_level)) },
    { section: 'members', key: 'levels_decided', value: decided.length, of: members.length, href: null, items: decided.map((m) => item(m, m.decided_level)) },
  ];
}

async function loadReview(db: Db, actor: Actor, id: string, authorizeFor: (actor: Actor, r: ReviewRow | undefined) => void) {
  const r = await repo.findReview(db, id);
  authorizeFor(actor, r);
  const p = (await repo.findPeriod(db, r!.period_id))!;
  const rules = await ratingRulesOfVersion(db, p.rules_version_id);
  return { r: r!, p, rules };
}

export async function reviewDetail(ctx: AppContext, actor: Actor, id: string): Promise<ReviewDetail> {
  const db = ctx.handle.db;
  const { r, p, rules } = await loadReview(db, actor, id, authorizeReadReview);
  if (r.subject_kind === 'member' && !isOwnReview(actor, r)) await logRead(ctx.handle, actor, { recordType: 'review', recordId: r.id, unitId: r.unit_id, unitPath: r.unit_path });
  const evidence = await evidenceOf(db, r, p);
  const subject = subjectOf(r);
  const points = parsePoints(r.points_json);
  const decisions = await repo.decisionsOfReview(db, r.id);
  const summary = presentPeriodSummary(p, rules, undefined, todayInVietnam());
  return {
    ...presentReviewSummary(r),
    period: { title: p.title, kind: summary.kind, year: summary.year, quarter: summary.quarter, status: summary.status, steps: summary.steps },
    forms: rules.forms.filter((f) => f.subject === subject).map((f) => ({ code: f.code, name: f.name, for: f.for })),
    revision: Number(r.revision),
    strengths: r.strengths,
    shortcomings: r.shortcomings,
    causes: r.causes,
    previousFixes: r.previous_fixes,
    remedies: r.remedies,
    points,
    selfLevelReason: r.self_level_reason,
    framework: { scoreMax: rules.scoreMax, groups: rules.groups },
    evidence,
    levels: levelViews(rules, subject, evidence, marksOf(r), points),
    triggers: triggerViews(rules, subject, evidence, marksOf(r)),
    cellComments: r.cell_comments,
    vote: r.vote_counts_json ? { counts: JSON.parse(r.vote_counts_json) as Record<string, number>, denominator: Number(r.vote_denominator ?? 0), level: r.vote_level } : null,
    proposalNote: r.proposal_note,
    decisions: decisions.map((d) => presentDecision(d, rules)),
    unconfirmed: rules.unconfirmed,
    actions: reviewActionsFor(actor, r, p.status === 'open', p.unit_path),
  };
}

/** The self-review's own checks: the form fits the subject, the points stay within the framework. */
function selfAssessmentProblems(rules: RatingRules, r: ReviewRow, body: SelfAssessmentBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const form = rules.forms.find((f) => f.code === body.reviewForm);
  if (!form || form.subject !== subjectOf(r)) problems.push({ field: 'reviewForm', messageKey: 'review_form_unknown' });
  for (const p of scoreProblems(rules.groups, body.points)) {
    if (p.kind === 'unknown') problems.push({ field: `points.${p.code}`, messageKey: 'review_criterion_unknown' });
    else if (p.kind === 'group') problems.push({ field: `points.${p.code}`, messageKey: 'review_group_over', params: { max: p.max, group: rules.groups.find((g) => g.code === p.code)!.name } });
    else problems.push({ field: `points.${p.code}`, messageKey: 'review_points_range', params: { max: p.max } });
  }
  if (body.selfLevel !== null && !rules.levels.some((l) => l.code === body.selfLevel)) problems.push({ field: 'selfLevel', messageKey: 'review_level_unknown' });
  return problems;
}

/** Saves the self-review as the member types (the whole text each time; 409 when another save came in between). */
export async function saveSelfAssessment(ctx: AppContext, actor: Actor, id: string, body: SelfAssessmentBody) {
  return writeTransaction(ctx.handle, async (trx) => {
    const { r, p, rules } = await loadReview(trx, actor, id, authorizeWriteReview);
    if (p.status !== 'open') throw new AppError(409, 'review_period_closed');
    if (r.status !== 'draft') throw new AppError(409, 'review_not_draft');
    if (body.revision !== Number(r.revision)) throw new AppError(409, 'review_stale', { revision: Number(r.revision) });
    const problems = selfAssessmentProblems(rules, r, body);
    if (problems.length > 0) throw fieldErrors(problems);
    const now = nowIso();
    const revision = Number(r.revision) + 1;
    const patch = {
      form_code: body.reviewForm,
      strengths: body.strengths,
      shortcomings: body.shortcomings,
      causes: body.causes,
      previous_fixes: body.previousFixes,
      remedies: body.remedies,
      points_json: JSON.stringify(body.points),
      self_level: body.selfLevel,
      self_level_reason: body.selfLevelReason?.trim() || null,
      revision,
      updated_at: now,
    };
    if (!(await repo.updateReviewAt(trx, r.id, patch, Number(r.revision)))) throw new AppError(409, 'review_stale', { revision: Number(r.revision) });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review.save_draft',
      recordType: 'review',
      recordId: r.id,
      unitId: r.unit_id,
      after: { revision, reviewForm: body.reviewForm, points: body.points, selfLevel: body.selfLevel, textLength: body.strengths.length + body.shortcomings.length + body.causes.length + body.previousFixes.length + body.remedies.length },
    });
    const evidence = await evidenceOf(trx, r, p);
    return { revision, updatedAt: now, scoreTotal: scoreTotal(body.points), levels: levelViews(rules, subjectOf(r), evidence, marksOf(r), body.points) };
  });
}

/**
 * Submits the self-review: every section written, every criterion scored, a level proposed — and
 * a reason when the evidence rules that level out. The evidence is kept as it stood.
 */
export async function submitReview(ctx: AppContext, actor: Actor, id: string): Promise<ReviewDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const { r, p, rules } = await loadReview(trx, actor, id, authorizeWriteReview);
    if (p.status !== 'open') throw new AppError(409, 'review_period_closed');
    if (r.status !== 'draft') throw new AppError(409, 'review_not_draft');
    const problems: FieldProblem[] = [];
    const texts = { strengths: r.strengths, shortcomings: r.shortcomings, remedies: r.remedies };
    for (const [field, value] of Object.entries(texts)) if (!value.trim()) problems.push({ field, messageKey: 'review_section_required' });
    const points = parsePoints(r.points_json);
    for (const g of rules.groups) for (const c of g.criteria) if (points[c.code] === undefined) problems.push({ field: `points.${c.code}`, messageKey: 'review_points_required', params: { criterion: c.name } });
    const evidence = await evidenceOf(trx, r, p);
    if (!r.self_level) problems.push({ field: 'selfLevel', messageKey: 'review_level_required' });
    else {
      const option = levelViews(rules, subjectOf(r), evidence, marksOf(r), points).find((l) => l.code === r.self_level);
      if (option && !option.allowed && !r.self_level_reason) problems.push({ field: 'selfLevelReason', messageKey: 'review_level_ruled_out', params: { level: option.name } });
    }
    if (problems.length > 0) throw fieldErrors(problems);
    const now = nowIso();
    await repo.updateReview(trx, r.id, { status: 'submitted', submitted_at: now, evidence_json: JSON.stringify(evidence), rule_basis_json: JSON.stringify(ruleBasis(evidence)), revision: Number(r.revision) + 1, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'review.submit',
      recordType: 'review',
      recordId: r.id,
      unitId: r.unit_id,
      after: { selfLevel: r.self_level, scoreTotal: scoreTotal(points), selfLevelReason: r.self_level_reason, taskOutcomes: evidence.taskOutcomes },
    });
  });
  return reviewDetail(ctx, actor, id);
}

/** A member's own reviews, newest period first, with the level decided when there is one. */
export async function myReviews(ctx: AppContext, actor: Actor): Promise<MyReviewsResponse> {
  if (!actor.memberId) return { items: [] };
  const db = ctx.handle.db;
  const rows = await repo.reviewsOfMember(db, actor.memberId);
  const items: MyReviewsResponse['items'] = [];
  for (const r of rows) {
    const p = (await repo.findPeriod(db, r.period_id))!;
    const rules = await ratingRulesOfVersion(db, p.rules_version_id);
    const [decision] = await repo.decisionsOfReview(db, r.id);
    items.push({ ...presentReviewSummary(r), periodTitle: p.title, periodStatus: p.status as 'open' | 'closed', decision: decision ? presentDecision(decision, rules) : null });
  }
  return { items };
}
