/**
 * Sinh hoạt chi bộ — pure meeting rules: the schedule a cell is expected to keep and the
 * quality score on a province's rubric.
 */
import type { AttendanceCounts } from './attendance.js';
import type { MeetingKind, RubricMeasure } from '../shared/enums.js';

/** A gap in a cell's schedule: a month without a regular meeting or a quarter without a thematic one. */
export type ScheduleWarning = { kind: 'regular'; month: string } | { kind: 'thematic'; quarter: string };

/**
 * Months (yyyy-mm) in [from, until] without a regular meeting, and whole quarters (yyyy-Qn)
 * in that range without a thematic one. `until` is normally today: the future is not late yet.
 * A quarter is only reported once it has ended (or ends within the range).
 */
export function scheduleWarnings(
  meetings: readonly { kind: MeetingKind; date: string }[],
  from: string,
  until: string,
): ScheduleWarning[] {
  if (until < from) return [];
  const regularMonths = new Set(meetings.filter((m) => m.kind === 'regular').map((m) => m.date.slice(0, 7)));
  const thematicQuarters = new Set(meetings.filter((m) => m.kind === 'thematic').map((m) => quarterOf(m.date)));
  const warnings: ScheduleWarning[] = [];
  const seenQuarters = new Set<string>();
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastMonth = until.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > lastMonth) break;
    if (!regularMonths.has(key)) warnings.push({ kind: 'regular', month: key });
    const quarter = quarterOf(`${key}-01`);
    const quarterEndMonth = `${year}-${String(Math.ceil(month / 3) * 3).padStart(2, '0')}`;
    // Only whole quarters the range covers to their last month can be judged.
    if (key === quarterEndMonth && !seenQuarters.has(quarter)) {
      seenQuarters.add(quarter);
      if (!thematicQuarters.has(quarter)) warnings.push({ kind: 'thematic', quarter });
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return warnings;
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** One criterion of a rubric (loaded from a province's form). */
export interface RubricCriterion {
  code: string;
  text: string;
  points: number;
  /** When set, the points are pre-filled from the meeting's own data. */
  measure?: RubricMeasure | undefined;
  /** For attendance_rate: the rate that earns full points (0.9 = "từ 90% trở lên"). */
  threshold?: number | undefined;
}

export interface RubricLevel {
  name: string;
  min: number;
}

/** What the data of one meeting says, for pre-filling measured criteria. */
export interface MeetingFacts {
  attendance: AttendanceCounts;
  /** Tasks decided at the meeting, and how many name an owner and a deadline. */
  tasks: number;
  tasksNamed: number;
}

/**
 * Pre-filled points for a measured criterion, or null when the chair scores it.
 * - attendance_rate: full points at or above the threshold (default 90%), otherwise in
 *   proportion to the rate reached (rounded down to half points);
 * - punctuality: in proportion to the share of those present who came on time;
 * - tasks_named: in proportion to the tasks with a named owner and deadline (none decided: 0).
 */
export function measuredPoints(criterion: RubricCriterion, facts: MeetingFacts): number | null {
  if (!criterion.measure) return null;
  const { attendance } = facts;
  let share: number;
  switch (criterion.measure) {
    case 'attendance_rate': {
      // Against everyone expected, those not marked yet too.
      const expected = attendance.expected + attendance.pending;
      if (expected === 0) return 0;
      const rate = attendance.present / expected;
      const threshold = criterion.threshold ?? 0.9;
      share = rate >= threshold ? 1 : rate / threshold;
      break;
    }
    case 'punctuality':
      share = attendance.present === 0 ? 0 : attendance.onTime / attendance.present;
      break;
    case 'tasks_named':
      share = facts.tasks === 0 ? 0 : facts.tasksNamed / facts.tasks;
      break;
  }
  // The epsilon keeps 0.75 / 0.9 × 15 (= 12.4999… in binary) at the 12.5 a person works out.
  return Math.floor(share * criterion.points * 2 + 1e-9) / 2;
}

/** The level a total reaches: the first (highest) threshold it meets. */
export function scoreLevel(total: number, levels: readonly RubricLevel[]): string | null {
  const sorted = [...levels].sort((a, b) => b.min - a.min);
  return sorted.find((l) => total >= l.min)?.name ?? null;
}

export function rubricMaxPoints(criteria: readonly RubricCriterion[]): number {
  return criteria.reduce((sum, c) => sum + c.points, 0);
}

/**
 * Who votes on a resolution: the cell's own official members present. Guests from the
 * committees above only sit in, and probationary members (dự bị, or not yet official on the
 * meeting's day) speak but have no vote.
 */
export function mayVote(
  p: { role: string; status: string; memberStatus: string | null; officialOn: string | null },
  meetingDate: string,
): boolean {
  return p.role === 'member' && p.status === 'present' && p.memberStatus !== 'probationary' && (p.officialOn === null || p.officialOn <= meetingDate);
}

/** A meeting can be deleted (created by mistake, or called off) until it is held, marks or not. */
export function meetingDeletable(status: string): boolean {
  return status === 'planned';
}
