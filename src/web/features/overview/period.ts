// The overview's period picker as data: a month, a quarter or a year, to and from the from/to
// dates the address and the API carry. Pure, so a test reads it without a browser.

export type PeriodKind = 'month' | 'quarter' | 'year';
export interface PickedPeriod {
  kind: PeriodKind;
  year: number;
  /** The month (1–12) or the quarter (1–4); 1 for a year. */
  part: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The dates of a picked period. */
export function datesOf(p: PickedPeriod): { from: string; to: string } {
  const [first, last] = p.kind === 'year' ? [1, 12] : p.kind === 'quarter' ? [p.part * 3 - 2, p.part * 3] : [p.part, p.part];
  return { from: `${p.year}-${pad(first)}-01`, to: `${p.year}-${pad(last)}-${pad(lastDay(p.year, last))}` };
}

/** What a from/to pair picks: a whole year or quarter when it is one, else the month it starts in. */
export function pickedOf(from: string, to: string): PickedPeriod {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  if (datesOf({ kind: 'year', year, part: 1 }).to === to && from.endsWith('-01-01')) return { kind: 'year', year, part: 1 };
  const quarter = Math.ceil(month / 3);
  const q = datesOf({ kind: 'quarter', year, part: quarter });
  if (q.from === from && q.to === to) return { kind: 'quarter', year, part: quarter };
  return { kind: 'month', year, part: month };
}

/** Keeps the year and the moment when the kind changes: March becomes Q1, Q2 becomes April. */
export function withKind(p: PickedPeriod, kind: PeriodKind): PickedPeriod {
  if (kind === p.kind) return p;
  const month = p.kind === 'month' ? p.part : p.kind === 'quarter' ? p.part * 3 - 2 : 1;
  return { kind, year: p.year, part: kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1 };
}
