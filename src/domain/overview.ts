/**
 * Tổng quan — pure rules of the overview: its period (this month by default, at most a year),
 * the same period a year earlier, which self-examination period it reads, and the simple score
 * that ranks cells (or communes) and names the laggards.
 */

/** The longest period the overview compares (a year, and the odd day of a leap year). */
export const OVERVIEW_MAX_DAYS = 366;

/** Below this share an indicator is weak and its row a laggard. */
export const LAGGARD_BELOW = 0.8;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** The period asked for, defaulting to the month of `today` (or of whichever end is given). */
export function overviewPeriod(query: { from?: string | undefined; to?: string | undefined }, today: string): { from: string; to: string } {
  const anchor = query.from ?? query.to ?? today;
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7));
  const from = query.from ?? `${year}-${pad(month)}-01`;
  const to = query.to ?? `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`;
  return { from, to };
}

/** What is wrong with a period, naming the field: the end before the start, or longer than a year. */
export function overviewPeriodProblem(p: { from: string; to: string }): { field: 'to'; problem: 'period_invalid' | 'overview_period_too_long' } | null {
  if (p.to < p.from) return { field: 'to', problem: 'period_invalid' };
  if (dayNumber(p.to) - dayNumber(p.from) + 1 > OVERVIEW_MAX_DAYS) return { field: 'to', problem: 'overview_period_too_long' };
  return null;
}

/** The same date a year earlier (29 February becomes the 28th). */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), lastDayOf(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The same period of the previous year; a period ending on a month's last day keeps ending on one. */
export function previousYearPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const to = yearEarlier(p.to);
  const endsMonth = Number(p.to.slice(8, 10)) === lastDayOf(Number(p.to.slice(0, 4)), Number(p.to.slice(5, 7)));
  return { from: yearEarlier(p.from), to: endsMonth ? `${to.slice(0, 8)}${pad(lastDayOf(Number(to.slice(0, 4)), Number(to.slice(5, 7))))}` : to };
}

/**
 * The self-examination period the overview reads: the year the period ends in. Self-examinations
 * are yearly or quarterly (never monthly), and a year's board counts its quarters' too.
 */
export function selfExamPeriodOf(p: { from: string; to: string }): string {
  return p.to.slice(0, 4);
}

/**
 * A row's month in the grid: held when every cell of the row held its regular meeting; planned
 * when the rest have one scheduled this month or later, not held yet; missing once the month has begun without
 * one (it is not over, but the meeting is due); the future otherwise.
 */
export function monthState(month: string, cells: { held: number; of: number; planned: boolean }, today: string): 'held' | 'planned' | 'missing' | 'future' {
  if (cells.of > 0 && cells.held === cells.of) return 'held';
  const current = today.slice(0, 7);
  if (month > current) return cells.planned ? 'planned' : 'future';
  // A meeting of an earlier month still only planned was never held.
  return month === current && cells.planned ? 'planned' : 'missing';
}

export const rankingIndicators = ['regularMonths', 'attendance', 'punctuality', 'tasksOnTime', 'selfExamCoverage'] as const;
export type RankingIndicator = (typeof rankingIndicators)[number];
export type IndicatorShares = Record<RankingIndicator, number | null>;

/** A share, or null when there is nothing to count. */
export const share = (value: number, of: number): number | null => (of > 0 ? value / of : null);

/**
 * The ranking score: the plain mean of the indicators that have something to count (each a share
 * from 0 to 1), so a cell is never marked down for what it had no occasion to do. Null when none has.
 */
export function rankingScore(shares: IndicatorShares): number | null {
  const known = rankingIndicators.map((k) => shares[k]).filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** The indicators below the laggard line; a row with any is a laggard. */
export function weakIndicators(shares: IndicatorShares): RankingIndicator[] {
  return rankingIndicators.filter((k) => shares[k] !== null && shares[k]! < LAGGARD_BELOW);
}
