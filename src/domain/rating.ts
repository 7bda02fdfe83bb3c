/**
 * Kiểm điểm, đánh giá, xếp loại (Quy định 366-QĐ/TW, 2025) — the pure rules of the yearly rating,
 * over a rule set read from versioned reference data: which levels the year's own evidence
 * allows and why, what caps a member whatever their points, the quota of "Hoàn thành xuất sắc",
 * and the tally of the cell's vote. No threshold here is a constant: each comes with the rules.
 */

/** One level, best first in a rule set, with what it requires of the year's tasks. */
export interface RatingLevelRule {
  code: string;
  name: string;
  /** Points needed on the 100-point framework. */
  minScore: number;
  /** Every task finished (none left undone). */
  allTasksDone: boolean;
  /** Every task finished on time (none late). */
  allTasksOnTime: boolean;
  /** Least share of tasks done beyond what was asked (Hoàn thành xuất sắc: 0.3), or none. */
  minExceededShare: number | null;
  /** Most share of tasks late (Hoàn thành: 0.2), or none. */
  maxLateShare: number | null;
  /** Shortcomings pointed out before must have been fixed. */
  shortcomingsFixed: boolean;
}

/** How the year's tasks ended for the person or collective under review. */
export interface TaskOutcomes {
  onTime: number;
  /** Done late, or still open past their deadline at the review. */
  late: number;
  /** Done on time and beyond what was asked. */
  exceeded: number;
  notDone: number;
}

/** A fact that caps the level whatever the points (disciplined this year, concluded to have degraded, …), with its rule. */
export interface RatingTrigger {
  code: string;
  name: string;
  /** The best level still possible with it (QĐ 366: Không hoàn thành nhiệm vụ). */
  capsAt: string;
  source: string;
}

export interface RatingEvidence {
  tasks: TaskOutcomes;
  /** Shortcomings pointed out (correction items, recommendations) still not fixed. */
  unfixedShortcomings: number;
  triggers: readonly RatingTrigger[];
}

/** Why a level is out of reach, for the screen to say ("2 nhiệm vụ chậm: không thể Hoàn thành tốt"). */
export type LevelReason =
  | { key: 'score'; minScore: number; score: number }
  | { key: 'tasks_not_done'; count: number }
  | { key: 'tasks_late'; count: number }
  | { key: 'late_share'; share: number; max: number }
  | { key: 'exceeded_share'; share: number; min: number }
  | { key: 'shortcomings_unfixed'; count: number }
  | { key: 'trigger'; trigger: RatingTrigger };

export interface LevelOption {
  code: string;
  allowed: boolean;
  reasons: LevelReason[];
}

const taskTotal = (t: TaskOutcomes) => t.onTime + t.late + t.exceeded + t.notDone;

/** Shares of the year's tasks; a year without tasks has none late and none exceeded. */
export function taskShares(t: TaskOutcomes): { late: number; exceeded: number } {
  const total = taskTotal(t);
  return total === 0 ? { late: 0, exceeded: 0 } : { late: t.late / total, exceeded: t.exceeded / total };
}

/**
 * Each level with whether the evidence allows it and, if not, every reason. A trigger rules out
 * every level better than the one it caps at. `score` is the points proposed, when known.
 */
export function levelOptions(levels: readonly RatingLevelRule[], evidence: RatingEvidence, score: number | null): LevelOption[] {
  const shares = taskShares(evidence.tasks);
  const rank = new Map(levels.map((l, i) => [l.code, i]));
  return levels.map((level, index) => {
    const reasons: LevelReason[] = [];
    if (score !== null && score < level.minScore) reasons.push({ key: 'score', minScore: level.minScore, score });
    if (level.allTasksDone && evidence.tasks.notDone > 0) reasons.push({ key: 'tasks_not_done', count: evidence.tasks.notDone });
    if (level.allTasksOnTime && evidence.tasks.late > 0) reasons.push({ key: 'tasks_late', count: evidence.tasks.late });
    if (level.maxLateShare !== null && shares.late > level.maxLateShare) reasons.push({ key: 'late_share', share: shares.late, max: level.maxLateShare });
    if (level.minExceededShare !== null && shares.exceeded < level.minExceededShare) reasons.push({ key: 'exceeded_share', share: shares.exceeded, min: level.minExceededShare });
    if (level.shortcomingsFixed && evidence.unfixedShortcomings > 0) reasons.push({ key: 'shortcomings_unfixed', count: evidence.unfixedShortcomings });
    for (const trigger of evidence.triggers) if (index < (rank.get(trigger.capsAt) ?? levels.length - 1)) reasons.push({ key: 'trigger', trigger });
    return { code: level.code, allowed: reasons.length === 0, reasons };
  });
}

/** The best level the evidence and the points allow (the last level always remains). */
export function bestAllowedLevel(levels: readonly RatingLevelRule[], evidence: RatingEvidence, score: number | null): string {
  return levelOptions(levels, evidence, score).find((o) => o.allowed)?.code ?? levels[levels.length - 1]!.code;
}

// --- the rule set ----------------------------------------------------------------------------------

export type RatingSubject = 'individual' | 'collective';

/** A criterion of the 100-point framework; `max` null = bounded only by its group. */
export interface RatingCriterion {
  code: string;
  name: string;
  max: number | null;
}
export interface RatingGroup {
  code: string;
  name: string;
  max: number;
  criteria: RatingCriterion[];
}

/** A fact that caps a level, with the evidence that detects it (null: the cell or committee marks it). */
export interface RatingTriggerRule extends RatingTrigger {
  appliesTo: RatingSubject[];
  detect: 'discipline' | 'leadership_discipline' | null;
}

/** Mẫu 01 (collective), 2A, 2B, 2C: which form a subject writes. */
export interface RatingForm {
  code: string;
  name: string;
  for: string;
  subject: RatingSubject;
  leadership: boolean;
}

/** The rule set as the rating reads it, whatever version it comes from. */
export interface RatingRules {
  versionId: string;
  scoreMax: number;
  groups: RatingGroup[];
  forms: RatingForm[];
  /** Best first; each with its conditions for an individual and for a collective. */
  levels: { code: string; name: string; minScore: number; conditions: string[]; individual: RatingLevelRule; collective: RatingLevelRule; confirmed: boolean; source: string | null }[];
  triggers: (RatingTriggerRule & { confirmed: boolean })[];
  quota: { percentOfGood: number; rule: string; source: string | null; confirmed: boolean };
  vote: { majority: number; cumulative: boolean; rule: string; source: string | null; confirmed: boolean };
  /** The period's steps in the guidance's order (collectives before individuals, lower before higher). */
  reviewSteps: { code: string; name: string }[];
}

/** The level rules for one kind of subject, best first. */
export function levelRulesFor(rules: Pick<RatingRules, 'levels'>, subject: RatingSubject): RatingLevelRule[] {
  return rules.levels.map((l) => l[subject]);
}

/** The triggers that apply to one kind of subject. */
export function triggersFor(rules: Pick<RatingRules, 'triggers'>, subject: RatingSubject): RatingRules['triggers'] {
  return rules.triggers.filter((t) => t.appliesTo.includes(subject));
}

/** A point outside the framework: a criterion over its bound, a group over its total, or a code the framework lacks. */
export type ScoreProblem = { code: string; max: number; kind: 'criterion' | 'group' | 'unknown' };

/**
 * Points per criterion must lie within the framework's bounds: each criterion within 0 and its
 * own maximum (or its group's), each group's sum within the group's maximum.
 */
export function scoreProblems(groups: readonly RatingGroup[], points: Readonly<Record<string, number>>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const known = new Set<string>();
  for (const group of groups) {
    let sum = 0;
    for (const c of group.criteria) {
      known.add(c.code);
      const p = points[c.code];
      if (p === undefined) continue;
      const max = c.max ?? group.max;
      if (!Number.isFinite(p) || p < 0 || p > max) problems.push({ code: c.code, max, kind: 'criterion' });
      else sum += p;
    }
    if (sum > group.max + 1e-9) problems.push({ code: group.code, max: group.max, kind: 'group' });
  }
  for (const code of Object.keys(points)) if (!known.has(code)) problems.push({ code, max: 0, kind: 'unknown' });
  return problems;
}

/** The total of the points given, or null when none is. */
export function scoreTotal(points: Readonly<Record<string, number>>): number | null {
  const values = Object.values(points);
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

// --- the quota -----------------------------------------------------------------------------------

/**
 * Tỷ lệ khống chế: at most `percentOfGood` % of the number rated good may be rated excellent,
 * rounded down (a share of a person is no one). Going over needs a written reason.
 */
export function excellentQuota(goodCount: number, percentOfGood: number): number {
  return Math.floor((goodCount * percentOfGood) / 100 + 1e-9);
}

export function quotaCheck(counts: { excellent: number; good: number }, percentOfGood: number): { limit: number; over: number } {
  const limit = excellentQuota(counts.good, percentOfGood);
  return { limit, over: Math.max(0, counts.excellent - limit) };
}

// --- the cell's vote -------------------------------------------------------------------------------

/**
 * The level a cell's vote proposes: the best level whose votes — counting a vote for a better
 * level as one for this too, when `cumulative` — reach more than `majority` of the denominator
 * (the official members, as the rules say). Null when no level has a majority.
 */
export function proposedLevel(levels: readonly { code: string }[], votes: Readonly<Record<string, number>>, rule: { denominator: number; majority: number; cumulative: boolean }): string | null {
  if (rule.denominator <= 0) return null;
  let running = 0;
  for (const level of levels) {
    const own = votes[level.code] ?? 0;
    running = rule.cumulative ? running + own : own;
    if (running / rule.denominator > rule.majority) return level.code;
  }
  return null;
}

/** Ballots counted per level (each ballot names one level; a blank one counts for none). */
export function tallyBallots(ballots: readonly { level: string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of ballots) if (b.level) out[b.level] = (out[b.level] ?? 0) + 1;
  return out;
}

/** What is wrong with a ballot sheet: an entry naming a review not on the ballot (or again), a level the rules lack, reviews left out. */
export type SheetProblem = { kind: 'not_on_ballot'; index: number } | { kind: 'level'; index: number } | { kind: 'missing'; reviewIds: string[] };

/**
 * A secret ballot's sheet names every review on the ballot exactly once, each with a level of the
 * rules or none (a blank). Problems in the sheet's order, the reviews left out last.
 */
export function ballotSheetProblems(onBallot: readonly string[], levels: readonly { code: string }[], choices: readonly { reviewId: string; level: string | null }[]): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const ballot = new Set(onBallot);
  const seen = new Set<string>();
  choices.forEach((c, index) => {
    if (!ballot.has(c.reviewId) || seen.has(c.reviewId)) problems.push({ kind: 'not_on_ballot', index });
    seen.add(c.reviewId);
    if (c.level !== null && !levels.some((l) => l.code === c.level)) problems.push({ kind: 'level', index });
  });
  const missing = onBallot.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ kind: 'missing', reviewIds: missing });
  return problems;
}
