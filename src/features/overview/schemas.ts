import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import { unitKinds } from '../../shared/enums.js';
import { rankingIndicators } from '../../domain/overview.js';

/** The period: from/to inclusive dates, this month (Vietnam time) by default, at most a year. */
export const overviewQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const overviewSections = ['meetings', 'tasks', 'self_examination', 'local_issues', 'citizen_feedback'] as const;
export type OverviewSection = (typeof overviewSections)[number];

/** A count, of how many, and the page listing exactly what it counts (filters in its address). */
const count = z.object({ value: z.number().int(), of: z.number().int().nullable(), href: z.string() });

/** One figure: the period's, and the same period last year's beside it (null for a figure of today, such as what waits now). */
export const overviewFigure = count.extend({ key: z.string(), previous: count.nullable() });
export type OverviewFigure = z.infer<typeof overviewFigure>;

const gridMonth = z.object({
  month: z.string(),
  /** held: every cell of the row held its regular meeting; planned: the others have one scheduled, not held yet; missing: one has none (the month has begun); future: not begun yet. */
  state: z.enum(['held', 'planned', 'missing', 'future']),
  held: z.number().int(),
  of: z.number().int(),
  href: z.string(),
});

const shares = z.object(Object.fromEntries(rankingIndicators.map((k) => [k, z.number().nullable()])) as Record<(typeof rankingIndicators)[number], z.ZodNullable<z.ZodNumber>>);

export const overviewResponse = z.object({
  unitId: id,
  unitName: z.string(),
  unitKind: z.enum(unitKinds),
  /** What the grid and the ranking list: the cells, or a province's communes. */
  rowKind: z.enum(['cell', 'commune']),
  from: isoDate,
  to: isoDate,
  today: isoDate,
  previous: z.object({ from: isoDate, to: isoDate }),
  /** The self-examination period the coverage reads (self-examinations are yearly or quarterly). */
  selfExamPeriod: z.string(),
  sections: z.array(z.object({ key: z.enum(overviewSections), figures: z.array(overviewFigure) })),
  /** Regular meetings, rows × months: a cell's month is held or missing; a commune's counts its cells. */
  grid: z.object({
    months: z.array(z.string()),
    rows: z.array(z.object({ unitId: id, unitName: z.string(), href: z.string(), monthsHeld: z.number().int(), monthsDue: z.number().int(), months: z.array(gridMonth) })),
  }),
  /**
   * Rows by score, best first: the mean of the indicator shares that have something to count;
   * `weak` names the indicators under the laggard line, and a row with any is a laggard.
   */
  ranking: z.array(z.object({ unitId: id, unitName: z.string(), href: z.string(), score: z.number().nullable(), shares, weak: z.array(z.enum(rankingIndicators)) })),
  laggardBelow: z.number(),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
