import type { DecisionsBody, PeriodSummary, ReviewListItem } from './api.js';

/** The six steps of the starting rules, in their order: what the open form offers when no period shows the rules' own. */
export const STARTING_STEP_CODES = ['self_review', 'cell_meeting', 'cell_proposal', 'committee_collective', 'committee_individual', 'publish'] as const;
export type StartingStep = (typeof STARTING_STEP_CODES)[number];

/** The level a row of the decision table starts at: the decision in force, else the cell's proposal, else the member's own. */
export const decisionDefault = (r: Pick<ReviewListItem, 'decidedLevel' | 'proposedLevel' | 'selfLevel'>): string => r.decidedLevel ?? r.proposedLevel ?? r.selfLevel ?? '';

/** A reason must go with the level: it changes a decision in force, or the evidence rules it out. */
export function decisionNeedsReason(r: Pick<ReviewListItem, 'decidedLevel' | 'ruledOut'>, level: string): 'changed' | 'ruledOut' | null {
  if (!level || level === r.decidedLevel) return null;
  if (r.decidedLevel !== null) return 'changed';
  return r.ruledOut.includes(level) ? 'ruledOut' : null;
}

/** The body of "Ghi quyết định": the rows whose level is not yet the one in force, in the table's order. */
export function decisionsBody(rows: readonly ReviewListItem[], chosen: Record<string, { level: string; reason: string }>, overQuotaReason: string | null): DecisionsBody | null {
  const decisions = rows.flatMap((r) => {
    const c = chosen[r.id];
    const level = c?.level ?? decisionDefault(r);
    if (!level || level === r.decidedLevel) return [];
    const reason = c?.reason.trim() ?? '';
    return [{ reviewId: r.id, level, ...(reason ? { reason } : {}) }];
  });
  if (decisions.length === 0) return null;
  return { decisions, ...(overQuotaReason?.trim() ? { overQuotaReason: overQuotaReason.trim() } : {}) };
}

/** The steps the open form asks a date for: those of the newest period (the rules' own names), else the starting codes. */
export function stepsToDate(latest: Pick<PeriodSummary, 'steps'> | undefined): ({ code: string; name: string } | { code: StartingStep; name: null })[] {
  if (latest && latest.steps.length > 0) return latest.steps.map((s) => ({ code: s.code, name: s.name }));
  return STARTING_STEP_CODES.map((code) => ({ code, name: null }));
}
