import type { TFunction } from 'i18next';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { isRecord, localDrafts } from '../../lib/localDraft.js';
import type { Framework, LevelOptionView, LevelReason, ReviewDetail, SelfAssessmentBody } from './api.js';

/** The self-review as the form holds it: the whole text, the points, the level proposed. */
export interface ReviewDraft {
  reviewForm: string;
  strengths: string;
  shortcomings: string;
  causes: string;
  previousFixes: string;
  remedies: string;
  points: Record<string, number>;
  selfLevel: string | null;
  selfLevelReason: string;
}

/** The five written parts, in the order of the review forms. */
export const TEXT_PARTS = ['strengths', 'shortcomings', 'causes', 'previousFixes', 'remedies'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

export function draftOf(d: ReviewDetail): ReviewDraft {
  return {
    reviewForm: d.reviewForm,
    strengths: d.strengths,
    shortcomings: d.shortcomings,
    causes: d.causes,
    previousFixes: d.previousFixes,
    remedies: d.remedies,
    points: { ...d.points },
    selfLevel: d.selfLevel,
    selfLevelReason: d.selfLevelReason ?? '',
  };
}

export function saveBody(d: ReviewDraft, revision: number): SelfAssessmentBody {
  return { revision, ...d, selfLevelReason: d.selfLevelReason.trim() || null };
}

// --- The copy on this device (lib/localDraft.ts) --------------------------------------------------

const STRING_PARTS = ['reviewForm', ...TEXT_PARTS, 'selfLevelReason'] as const;

/** A review draft as this device may have kept it (anything else is ignored, not restored). */
export function isReviewDraft(v: unknown): v is ReviewDraft {
  return (
    isRecord(v) &&
    STRING_PARTS.every((k) => typeof v[k] === 'string') &&
    isRecord(v.points) &&
    Object.values(v.points).every((p) => typeof p === 'number' && Number.isFinite(p)) &&
    (v.selfLevel === null || typeof v.selfLevel === 'string')
  );
}

/** What the member typed and the server has not confirmed yet, one copy per review. */
export const deviceCopies = localDrafts('tusoi.review.draft.', isReviewDraft);

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function groupSubtotal(group: Framework['groups'][number], points: Record<string, number>): number {
  return sum(group.criteria.map((c) => points[c.code] ?? 0));
}

export function totalOf(framework: Framework, points: Record<string, number>): number {
  return sum(framework.groups.map((g) => groupSubtotal(g, points)));
}

/**
 * The most a criterion may take now: its own maximum (or, when the framework gives none, its
 * group's), less what the group's other criteria already hold — as the server checks it.
 */
export function criterionMax(framework: Framework, code: string, points: Record<string, number>): number {
  const group = framework.groups.find((g) => g.criteria.some((c) => c.code === code));
  if (!group) return 0;
  const own = group.criteria.find((c) => c.code === code)!.max ?? group.max;
  const others = groupSubtotal(group, points) - (points[code] ?? 0);
  return Math.max(0, Math.min(own, group.max - others));
}

/** The points with one criterion set (null clears it), never above what it may take. */
export function withPoint(framework: Framework, points: Record<string, number>, code: string, value: number | null): Record<string, number> {
  const next = { ...points };
  if (value === null || Number.isNaN(value)) delete next[code];
  else next[code] = Math.max(0, Math.min(value, criterionMax(framework, code, points)));
  return next;
}

/** The chosen level is one the evidence rules out: a reason must go with it. */
export function needsReason(levels: readonly LevelOptionView[], code: string | null): boolean {
  return code !== null && levels.some((l) => l.code === code && !l.allowed);
}

/**
 * Why the evidence rules out a level, in plain words with the numbers: "2 nhiệm vụ chậm tiến độ:
 * không thể Hoàn thành tốt nhiệm vụ". Triggers are named by their rule.
 */
export function reasonText(t: TFunction, lng: string, reason: LevelReason, level: string, triggers: readonly { code: string; name: string }[]): string {
  const pct = (v: number | null) => formatPercent(v, lng);
  switch (reason.key) {
    case 'score':
      return t('reviews.reason.score', { count: reason.count ?? 0, score: formatNumber(reason.count ?? 0, lng), limit: formatNumber(reason.limit ?? 0, lng), level });
    case 'tasks_not_done':
    case 'tasks_late':
    case 'shortcomings_unfixed':
      return t(`reviews.reason.${reason.key}`, { count: reason.count ?? 0, level });
    case 'late_share':
    case 'exceeded_share':
      return t(`reviews.reason.${reason.key}`, { share: pct(reason.share), limit: pct(reason.limit), level });
    case 'trigger':
      return t('reviews.reason.trigger', { trigger: triggers.find((x) => x.code === reason.trigger)?.name ?? reason.trigger ?? '', level });
    default:
      return t('reviews.reason.other', { level });
  }
}
