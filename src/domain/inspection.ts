import { addWorkingDays, type WorkingCalendar } from './working-days.js';

/**
 * Kiểm tra, giám sát — the rules a case follows (Quy định 296-QĐ/TW, 2025, as versioned reference
 * data): the steps of each kind in order, how many working days each may take, the kind's overall
 * limit, and the discipline forms. Everything here is read from a rule set the committee keeps;
 * nothing about the party's procedure is a constant in this file.
 */

export type InspectionFamily = 'supervision' | 'inspection' | 'denunciation' | 'appeal';
export type SubjectKind = 'member' | 'unit';

export interface InspectionStepRule {
  code: string;
  name: string;
  documents: string[];
}

export interface InspectionKindRule {
  code: string;
  name: string;
  family: InspectionFamily;
  subjects: SubjectKind[];
  /** The kind's steps in order; `withinWorkingDays` after the previous step is done (null: no limit). */
  steps: { code: string; withinWorkingDays: number | null }[];
  /** The kind's overall limit between two of its steps, with the longest extension allowed. */
  timeLimit: { workingDays: number; extensionWorkingDays: number; fromStep: string; toStep: string } | null;
  confirmed: boolean;
}

export interface DisciplineFormRule {
  code: string;
  name: string;
  /** A probationary member (đảng viên dự bị) may only be reprimanded or warned. */
  probationaryAllowed: boolean;
  /** Cách chức removes a post: only for someone who holds one. */
  requiresPost: boolean;
  /** The bodies that may decide this form (a cell only reprimands or warns its members); null: the rule set does not say. */
  decidingBodies?: readonly string[] | null;
  confirmed: boolean;
}

/** The extension a kind's limit allows: a fixed number of working days, or a fraction of the limit. */
export function maxExtension(limit: { workingDays: number; extensionWorkingDays?: number | null; extensionFraction?: number | null }): number {
  if (limit.extensionWorkingDays != null) return limit.extensionWorkingDays;
  if (limit.extensionFraction != null) return Math.floor(limit.workingDays * limit.extensionFraction + 1e-9);
  return 0;
}

// --- step order ---------------------------------------------------------------------------------

export type StepCheck = 'ok' | 'unknown_step' | 'already_done' | 'out_of_order';

/** The next step of the kind not yet done, in order (null when every step is done). */
export function nextStep(kind: InspectionKindRule, done: ReadonlySet<string>): string | null {
  return kind.steps.find((s) => !done.has(s.code))?.code ?? null;
}

/**
 * May `code` be recorded now? Steps go in the kind's order; a step once recorded is corrected by
 * a new entry, not recorded twice. The follow-up runs for as long as recommendations are open.
 */
export function checkStep(kind: InspectionKindRule, done: ReadonlySet<string>, code: string): StepCheck {
  if (!kind.steps.some((s) => s.code === code)) return 'unknown_step';
  if (done.has(code)) return 'already_done';
  return nextStep(kind, done) === code ? 'ok' : 'out_of_order';
}

/** A step's date must not come before the step it follows. */
export function previousStepDate(kind: InspectionKindRule, doneOn: ReadonlyMap<string, string>, code: string): string | null {
  const index = kind.steps.findIndex((s) => s.code === code);
  for (let i = index - 1; i >= 0; i--) {
    const date = doneOn.get(kind.steps[i]!.code);
    if (date) return date;
  }
  return null;
}

// --- schedule -----------------------------------------------------------------------------------

export interface ScheduledStep {
  code: string;
  /** When it is due: n working days after the previous step (done, or as planned), or the kind's limit. */
  dueOn: string | null;
  doneOn: string | null;
  /** Done after its due date, or still not done with the due date passed. */
  late: boolean;
  /** This step closes the kind's overall limit. */
  limitEnds: boolean;
}

/**
 * Each step's due date from the decision date, the dates recorded so far and any extension
 * granted: a step not yet done is planned from the previous step's date (done or due), so the
 * whole timeline shows even before the work starts.
 */
export function stepSchedule(
  kind: InspectionKindRule,
  input: { decidedOn: string; doneOn: ReadonlyMap<string, string>; extensionWorkingDays: number; today: string },
  calendar: WorkingCalendar,
): ScheduledStep[] {
  const out: ScheduledStep[] = [];
  const anchorOf = new Map<string, string | null>();
  let previous: string | null = input.decidedOn;
  for (const [index, step] of kind.steps.entries()) {
    const doneOn = input.doneOn.get(step.code) ?? null;
    let dueOn: string | null = index === 0 ? input.decidedOn : null;
    if (index > 0 && step.withinWorkingDays != null && previous) dueOn = addWorkingDays(previous, step.withinWorkingDays, calendar);
    const limit = kind.timeLimit;
    const limitEnds = limit !== null && limit.toStep === step.code;
    if (limitEnds) {
      const from = anchorOf.get(limit.fromStep);
      if (from) dueOn = addWorkingDays(from, limit.workingDays + input.extensionWorkingDays, calendar);
    }
    const late = dueOn !== null && (doneOn ? doneOn > dueOn : input.today > dueOn);
    out.push({ code: step.code, dueOn, doneOn, late, limitEnds });
    // The next step counts from this one's date: done, else as planned.
    previous = doneOn ?? dueOn;
    anchorOf.set(step.code, previous);
  }
  return out;
}

// --- programme and follow-up --------------------------------------------------------------------

export type ProgrammeItemState = 'planned' | 'in_progress' | 'concluded' | 'late';

/**
 * Where a programme item stands: concluded once its case is; late when its window has passed
 * without a conclusion, or its start has passed without a case; otherwise in progress or planned.
 */
export function programmeItemState(item: { plannedStart: string; plannedEnd: string; caseStatus: string | null }, today: string): ProgrammeItemState {
  if (item.caseStatus === 'concluded' || item.caseStatus === 'closed') return 'concluded';
  if (today > item.plannedEnd) return 'late';
  if (item.caseStatus === null) return today > item.plannedStart ? 'late' : 'planned';
  return 'in_progress';
}

export type RecommendationStatus = 'open' | 'reported' | 'fixed' | 'returned';

/** A recommendation not yet verified fixed whose deadline has passed. */
export function recommendationOverdue(r: { status: string; deadline: string }, today: string): boolean {
  return r.status !== 'fixed' && today > r.deadline;
}

export function recommendationCounts(items: readonly { status: string; deadline: string }[], today: string) {
  return {
    total: items.length,
    fixed: items.filter((r) => r.status === 'fixed').length,
    open: items.filter((r) => r.status !== 'fixed').length,
    overdue: items.filter((r) => recommendationOverdue(r, today)).length,
  };
}

// --- discipline ---------------------------------------------------------------------------------

export type DisciplineCheck = 'ok' | 'probationary' | 'requires_post';

/** May this form be given to this member? (Điều lệ Đảng: a probationary member only the first two.) */
export function checkDisciplineForm(form: DisciplineFormRule, member: { status: string; holdsPost: boolean }): DisciplineCheck {
  if (member.status === 'probationary' && !form.probationaryAllowed) return 'probationary';
  if (form.requiresPost && !member.holdsPost) return 'requires_post';
  return 'ok';
}
