import { levelOptions, levelRulesFor, scoreTotal, triggersFor, type LevelReason, type RatingRules, type RatingSubject } from '../../domain/rating.js';
import type { MemberStatus } from '../../shared/enums.js';
import type { DecisionRow, PeriodRow, ReviewRow } from './repo.js';
import type { EvidenceItem, LevelOptionView, PeriodSummary, RuleBasis, ReviewSummary, TriggerView } from './schemas.js';

/** A review's subject as the rules see it: a member is an individual, a cell a collective. */
export const subjectOf = (r: Pick<ReviewRow, 'subject_kind'>): RatingSubject => (r.subject_kind === 'collective' ? 'collective' : 'individual');

export const parsePoints = (json: string): Record<string, number> => JSON.parse(json) as Record<string, number>;

/** The dates a period covers: a year, or a quarter of it. */
export function periodRange(p: Pick<PeriodRow, 'kind' | 'year' | 'quarter'>): { from: string; to: string } {
  if (p.kind === 'quarter' && p.quarter) {
    const startMonth = (p.quarter - 1) * 3 + 1;
    const endMonth = startMonth + 2;
    const lastDay = new Date(Date.UTC(p.year, endMonth, 0)).getUTCDate();
    const mm = (m: number) => String(m).padStart(2, '0');
    return { from: `${p.year}-${mm(startMonth)}-01`, to: `${p.year}-${mm(endMonth)}-${lastDay}` };
  }
  return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
}

/** A trigger the rules leave to people, marked on a review with its basis (by the cell's committee or the party committee). */
export interface TriggerMark {
  code: string;
  note: string;
  markedAt: string;
  markedByAccountId: string | null;
  markedByName: string | null;
}

export const marksOf = (r: Pick<ReviewRow, 'marked_triggers_json'>): TriggerMark[] => JSON.parse(r.marked_triggers_json) as TriggerMark[];

/**
 * Each trigger of the rules for a subject: detected from the records (discipline in the period, a
 * leader's discipline), or marked by hand where the rules leave it to people; either caps.
 */
export function subjectTriggers(rules: RatingRules, subject: RatingSubject, evidence: RuleBasis, marks: readonly TriggerMark[]) {
  return triggersFor(rules, subject).map((t) => {
    const found: EvidenceItem[] = t.detect === 'discipline' ? evidence.detected.discipline : t.detect === 'leadership_discipline' ? evidence.detected.leadershipDiscipline : [];
    const mark = t.detect === null ? (marks.find((m) => m.code === t.code) ?? null) : null;
    return { trigger: t, detected: found.length > 0, evidence: found, mark, applies: found.length > 0 || mark !== null };
  });
}

function presentReason(r: LevelReason): LevelOptionView['reasons'][number] {
  const base = { key: r.key, count: null, share: null, limit: null, trigger: null };
  switch (r.key) {
    case 'score':
      return { ...base, count: r.score, limit: r.minScore };
    case 'tasks_not_done':
    case 'tasks_late':
    case 'shortcomings_unfixed':
      return { ...base, count: r.count };
    case 'late_share':
      return { ...base, share: r.share, limit: r.max };
    case 'exceeded_share':
      return { ...base, share: r.share, limit: r.min };
    case 'trigger':
      return { ...base, trigger: r.trigger.code };
  }
}

/** The triggers as the review shows them: the rule, its source, what detected it or who marked it and why. */
export function triggerViews(rules: RatingRules, subject: RatingSubject, evidence: RuleBasis, marks: readonly TriggerMark[]): TriggerView[] {
  return subjectTriggers(rules, subject, evidence, marks).map(({ trigger, detected, evidence: found, mark }) => ({
    code: trigger.code,
    name: trigger.name,
    capsAt: trigger.capsAt,
    source: trigger.source,
    confirmed: trigger.confirmed,
    manual: trigger.detect === null,
    detected,
    evidence: found,
    mark: mark && { note: mark.note, markedAt: mark.markedAt, markedByName: mark.markedByName },
  }));
}

/** Each level with whether the evidence, the triggers marked and the points allow it, and why not. */
export function levelViews(rules: RatingRules, subject: RatingSubject, evidence: RuleBasis, marks: readonly TriggerMark[], points: Record<string, number>): LevelOptionView[] {
  const triggers = subjectTriggers(rules, subject, evidence, marks)
    .filter((t) => t.applies)
    .map((t) => t.trigger);
  const options = levelOptions(levelRulesFor(rules, subject), { tasks: evidence.taskOutcomes, unfixedShortcomings: evidence.unfixedShortcomings, triggers }, scoreTotal(points));
  return rules.levels.map((level, i) => ({
    code: level.code,
    name: level.name,
    minScore: level.minScore,
    conditions: level.conditions,
    allowed: options[i]!.allowed,
    reasons: options[i]!.reasons.map(presentReason),
    confirmed: level.confirmed,
    source: level.source,
  }));
}

export function presentReviewSummary(r: ReviewRow): ReviewSummary {
  return {
    id: r.id,
    periodId: r.period_id,
    subjectKind: r.subject_kind as ReviewSummary['subjectKind'],
    memberId: r.member_id,
    memberName: r.member_name,
    memberStatus: (r.member_status as MemberStatus | null) ?? null,
    unitId: r.unit_id,
    unitName: r.unit_name,
    reviewForm: r.form_code,
    status: r.status as ReviewSummary['status'],
    scoreTotal: scoreTotal(parsePoints(r.points_json)),
    selfLevel: r.self_level,
    voteLevel: r.vote_level,
    proposedLevel: r.proposed_level,
    decidedLevel: r.decided_level,
    submittedAt: r.submitted_at,
  };
}

export function presentDecision(d: DecisionRow, rules: RatingRules) {
  return {
    version: Number(d.version),
    level: d.level_code,
    levelName: rules.levels.find((l) => l.code === d.level_code)?.name ?? d.level_code,
    reason: d.reason,
    overQuotaReason: d.over_quota_reason,
    decidedAt: d.decided_at,
    decidedByName: d.decided_by_name,
  };
}

export function presentPeriodSummary(p: PeriodRow, rules: RatingRules, counts: PeriodSummary['counts'] | undefined, today: string): PeriodSummary {
  const dates = new Map((JSON.parse(p.steps_json) as { code: string; dueOn: string }[]).map((s) => [s.code, s.dueOn]));
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName: p.unit_name,
    kind: p.kind as PeriodSummary['kind'],
    year: Number(p.year),
    quarter: p.quarter === null ? null : Number(p.quarter),
    title: p.title,
    status: p.status as PeriodSummary['status'],
    rulesVersionId: p.rules_version_id,
    rulesVersion: Number(p.rules_version),
    steps: rules.reviewSteps.filter((s) => dates.has(s.code)).map((s) => ({ code: s.code, name: s.name, dueOn: dates.get(s.code)!, passed: dates.get(s.code)! < today })),
    counts: counts ?? { reviews: 0, drafts: 0, submitted: 0, proposed: 0, decided: 0 },
    createdAt: p.created_at,
  };
}
