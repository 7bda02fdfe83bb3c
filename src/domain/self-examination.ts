/**
 * Pure rules of "tự soi, tự sửa": periods of a self-examination, the state of a correction-plan
 * item, and the aggregates a cell or commune may see (never for a group smaller than k).
 */
import type { PlanItemStatus, SelfExamPeriodKind } from '../shared/enums.js';
import { addDays } from './tasks.js';

/** A self-examination's period: a year, a quarter of a year, or one thematic meeting. */
export interface SelfExamPeriod {
  kind: SelfExamPeriodKind;
  year: number;
  quarter: number | null;
  meetingId: string | null;
}

/** Y2022, Q2022-2, M<meeting id>: unique per member. */
export function periodKey(p: SelfExamPeriod): string {
  if (p.kind === 'year') return `Y${p.year}`;
  if (p.kind === 'quarter') return `Q${p.year}-${p.quarter}`;
  return `M${p.meetingId}`;
}

const romanQuarters = ['I', 'II', 'III', 'IV'];

/** "Năm 2022", "Quý II/2022", "Sinh hoạt chuyên đề 14/04/2022". */
export function periodLabelVi(p: SelfExamPeriod, meetingDate?: string | null): string {
  if (p.kind === 'year') return `Năm ${p.year}`;
  if (p.kind === 'quarter') return `Quý ${romanQuarters[(p.quarter ?? 1) - 1]}/${p.year}`;
  const shown = meetingDate ? `${meetingDate.slice(8, 10)}/${meetingDate.slice(5, 7)}/${meetingDate.slice(0, 4)}` : String(p.year);
  return `Sinh hoạt chuyên đề ${shown}`;
}

/** Why a period is the one the cell has asked its members for (the member's page puts it first). */
export type AskedBy = 'thematic_meeting' | 'cell';

/**
 * Which of the periods a member may open the cell has asked for: its coming thematic meeting
 * (today or later, the soonest), else the year or quarter the cell's other members have opened
 * most (a cell works by one rhythm); null when nothing says. Pure: `opened` counts the other
 * members' self-examinations by period key.
 */
export function askedPeriod(
  periods: readonly { period: SelfExamPeriod; meetingDate: string | null }[],
  opened: ReadonlyMap<string, number>,
  today: string,
): { index: number; by: AskedBy } | null {
  let thematic = -1;
  let habit = -1;
  let most = 0;
  for (const [i, p] of periods.entries()) {
    if (p.period.kind === 'thematic') {
      if (p.meetingDate && p.meetingDate >= today && (thematic < 0 || p.meetingDate < periods[thematic]!.meetingDate!)) thematic = i;
      continue;
    }
    const n = opened.get(periodKey(p.period)) ?? 0;
    if (n > most) [habit, most] = [i, n];
  }
  if (thematic >= 0) return { index: thematic, by: 'thematic_meeting' };
  return habit >= 0 ? { index: habit, by: 'cell' } : null;
}

/** The stats query's period (`2022`, `2022-Q2`) as a date range and the months it covers. */
export function statsPeriod(period: string): { year: number; quarter: number | null; from: string; to: string; months: string[] } {
  const [yearText, q] = period.split('-Q');
  const year = Number(yearText);
  const quarter = q ? Number(q) : null;
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const monthCount = quarter ? 3 : 12;
  const months = Array.from({ length: monthCount }, (_, i) => `${year}-${String(firstMonth + i).padStart(2, '0')}`);
  const last = months[months.length - 1]!;
  const lastDay = new Date(Date.UTC(year, Number(last.slice(5, 7)), 0)).getUTCDate();
  return { year, quarter, from: `${months[0]}-01`, to: `${last}-${String(lastDay).padStart(2, '0')}`, months };
}

/** "2022" → "Năm 2022"; "2022-Q2" → "Quý II/2022". */
export function statsPeriodLabelVi(period: string): string {
  const { year, quarter } = statsPeriod(period);
  return quarter ? periodLabelVi({ kind: 'quarter', year, quarter, meetingId: null }) : periodLabelVi({ kind: 'year', year, quarter: null, meetingId: null });
}

/** Which self-examinations count for a period: the year's, a quarter's within it, and thematic ones held in it. */
export function periodKeysOf(period: string): { year: number; keys: string[]; thematic: boolean } {
  const { year, quarter } = statsPeriod(period);
  if (quarter) return { year, keys: [`Q${year}-${quarter}`], thematic: false };
  return { year, keys: [`Y${year}`, `Q${year}-1`, `Q${year}-2`, `Q${year}-3`, `Q${year}-4`], thematic: true };
}

/**
 * The self-examination that counts for each active member in a period: the most advanced of
 * theirs (reviewed > submitted > draft). Boards and the yearly review count submissions by it.
 */
export function countedExamPerMember<T extends { status: string }>(exams: readonly T[], memberOf: (exam: T) => string, active: ReadonlySet<string>): Map<string, T> {
  const rank = (s: string) => (s === 'reviewed' ? 3 : s === 'submitted' ? 2 : 1);
  const best = new Map<string, T>();
  for (const e of exams) {
    const member = memberOf(e);
    if (!active.has(member)) continue;
    const seen = best.get(member);
    if (!seen || rank(e.status) > rank(seen.status)) best.set(member, e);
  }
  return best;
}

export interface PlanItemState {
  status: PlanItemStatus | string;
  deadline: string;
  claimedOn: string | null;
  verifiedOn: string | null;
}

/** Not yet verified as fixed, and the deadline has passed (a claim waiting for verification is not overdue if made in time). */
export function planItemOverdue(item: PlanItemState, today: string): boolean {
  if (item.status === 'fixed') return false;
  if (item.status === 'claimed' && item.claimedOn !== null && item.claimedOn <= item.deadline) return false;
  return item.deadline < today;
}

/** A fixed item was fixed on time when the member reported it (or, without a report, it was verified) by the deadline. */
export function planItemFixedOnTime(item: PlanItemState): boolean | null {
  if (item.status !== 'fixed') return null;
  const doneOn = item.claimedOn ?? item.verifiedOn;
  return doneOn !== null && doneOn <= item.deadline;
}

/** Due within `days` days from today, not fixed and not yet overdue. */
export function planItemDueSoon(item: PlanItemState, today: string, days = 14): boolean {
  if (item.status === 'fixed' || planItemOverdue(item, today)) return false;
  return item.deadline <= addDays(today, days);
}

export interface PlanCountsOf {
  total: number;
  open: number;
  claimed: number;
  fixed: number;
  fixedOnTime: number;
  overdue: number;
}

export function planCounts(items: readonly PlanItemState[], today: string): PlanCountsOf {
  const counts = { total: 0, open: 0, claimed: 0, fixed: 0, fixedOnTime: 0, overdue: 0 };
  for (const item of items) {
    counts.total += 1;
    if (item.status === 'fixed') {
      counts.fixed += 1;
      if (planItemFixedOnTime(item)) counts.fixedOnTime += 1;
    } else if (item.status === 'claimed') counts.claimed += 1;
    else counts.open += 1;
    if (planItemOverdue(item, today)) counts.overdue += 1;
  }
  return counts;
}

/** Percent with one decimal; null for an empty base. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/**
 * Feedback per member per month: given ÷ members ÷ months, unrounded (a commune of 700 members
 * with four feedbacks in a year has 0.0005, not 0: rounding is the display's, which shows a
 * non-zero rate as non-zero); null without members or months.
 */
export function feedbackRate(given: number, members: number, months: number): number | null {
  if (members <= 0 || months <= 0) return null;
  return given / members / months;
}

/**
 * The k-anonymity rule: how often each manifestation was marked is shown only when at least
 * `k` members' self-examinations are counted; otherwise nothing at all (not even zeros), so a
 * small cell's single "present" cannot be traced to a person.
 */
export function aggregateIfLargeEnough<T>(groupSize: number, k: number, build: () => T): T | null {
  return groupSize >= k ? build() : null;
}

/** The months (yyyy-mm) of the period that have begun by today: a rate over a running year counts only months so far. */
export function monthsElapsed(months: readonly string[], today: string): number {
  const current = today.slice(0, 7);
  return months.filter((m) => m <= current).length;
}
