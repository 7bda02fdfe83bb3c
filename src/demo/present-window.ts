/**
 * The present's window: the rolling year the demo lives in, as of the day it is loaded, and the
 * small date helpers the present's builders share.
 */
import { addDays } from './meetings.js';
import { statsPeriod } from '../domain/self-examination.js';

// ---------------------------------------------------------------------------
// The window
// ---------------------------------------------------------------------------

export const pad = (n: number): string => String(n).padStart(2, '0');
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The first year of the present: 2022 belongs to the article's story. */
export const FIRST_PRESENT_YEAR = 2023;

export interface DemoQuarter {
  year: number;
  quarter: number;
  from: string;
  to: string;
}

export interface PresentWindow {
  today: string;
  yesterday: string;
  year: number;
  /** Months (yyyy-mm) whose meeting has been held, oldest first: up to twelve, up to last month, none in 2022. */
  heldMonths: string[];
  /** The self-examination period open now (this quarter) and the one before it, when after 2022. */
  quarter: DemoQuarter;
  previousQuarter: DemoQuarter | null;
}

/** A quarter's dates, as the self-examination statistics count them. */
function quarterOf(year: number, quarter: number): DemoQuarter {
  const { from, to } = statsPeriod(`${year}-Q${quarter}`);
  return { year, quarter, from, to };
}

/** The present as seen on `today` (yyyy-mm-dd). Refuses a day in or before 2022: that year is the story's. */
export function presentWindow(today: string): PresentWindow {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new Error(`demo: today must be a date (yyyy-mm-dd), got ${today}`);
  const year = Number(today.slice(0, 4));
  if (year < FIRST_PRESENT_YEAR) throw new Error(`demo: the present starts in ${FIRST_PRESENT_YEAR} (2022 is the article's year); cannot seed as of ${today}`);
  const month = Number(today.slice(5, 7));
  const heldMonths: string[] = [];
  for (let back = 12; back >= 1; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    if (y >= FIRST_PRESENT_YEAR) heldMonths.push(`${y}-${pad((index % 12) + 1)}`);
  }
  const q = Math.floor((month - 1) / 3) + 1;
  const prev = q === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: q - 1 };
  return {
    today,
    yesterday: addDays(today, -1),
    year,
    heldMonths,
    quarter: quarterOf(year, q),
    previousQuarter: prev.year >= FIRST_PRESENT_YEAR ? quarterOf(prev.year, prev.quarter) : null,
  };
}
