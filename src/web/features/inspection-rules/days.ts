// A year's days off, as people read and type them: runs of consecutive days ("Tết: 14/02 – 22/02"),
// one run or one day a line. Pure: dates travel as yyyy-mm-dd.
import { formatDate, parseDateInput } from '../../lib/format.js';

/** Consecutive calendar days, from `from` to `to` (the same day for a single one). */
export interface DayRun {
  from: string;
  to: string;
  count: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The days (any order, repeats allowed) as runs of consecutive days, in order. */
export function dayRuns(days: readonly string[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = runs.at(-1);
    if (last && dayNumber(day) - dayNumber(last.to) === 1) {
      last.to = day;
      last.count += 1;
    } else runs.push({ from: day, to: day, count: 1 });
  }
  return runs;
}

/** The days as lines to edit: "01/01/2026", "14/02/2026 - 22/02/2026". */
export function dayLines(days: readonly string[]): string {
  return dayRuns(days)
    .map((r) => (r.count === 1 ? formatDate(r.from)! : `${formatDate(r.from)} - ${formatDate(r.to)}`))
    .join('\n');
}

/** A run typed as two dates joined by a dash or "đến" with spaces around it ("14/02/2026 - 22/02/2026"). */
const RANGE = /^(\S+)\s+(?:-|–|—|đến|to)\s+(\S+)$/i;

/** The longest run a line may give: a slip of the year ("2026 - 2036") must not make years of days. */
const LONGEST_RUN = 31;

/**
 * What was typed, one day or run a line (blank lines skipped) → the days, in order, and the
 * 1-based numbers of the lines that are no date, or a run backwards or longer than a month.
 */
export function parseDayLines(text: string): { days: string[]; badLines: number[] } {
  const days: string[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const range = RANGE.exec(line);
    const [from, to] = range ? [parseDateInput(range[1]!), parseDateInput(range[2]!)] : [parseDateInput(line), null];
    if (from === null || from === 'invalid' || to === 'invalid' || (to !== null && (to < from || dayNumber(to) - dayNumber(from) >= LONGEST_RUN))) {
      badLines.push(i + 1);
      return;
    }
    for (let n = dayNumber(from); n <= dayNumber(to ?? from); n += 1) days.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  });
  return { days: [...new Set(days)].sort(), badLines };
}
