/**
 * Tổng quan: one unit's figures for a period beside the same period last year, composed from
 * each feature's own aggregates (its lookup.ts, grouped in SQL per cell): nothing here loads a
 * record. Every figure names the list that counts it, with the list's filters in its address.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { fieldError } from '../../core/errors.js';
import type { Actor } from '../../domain/policy.js';
import type { UnitKind } from '../../shared/enums.js';
import { emptyCounts, mergeCounts, monthsBetween, type AttendanceCounts } from '../../domain/attendance.js';
import { taskCountsOf } from '../../domain/tasks.js';
import { sumCommitmentFigures } from '../../domain/commitments.js';
import { periodKeysOf, statsPeriod } from '../../domain/self-examination.js';
import {
  LAGGARD_BELOW,
  monthState,
  overviewPeriod,
  overviewPeriodProblem,
  previousYearPeriod,
  rankingScore,
  selfExamPeriodOf,
  share,
  weakIndicators,
  type IndicatorShares,
} from '../../domain/overview.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { activeCellsIn, activeUnitsIn, findUnit } from '../units/lookup.js';
import { countsOfTally, meetingCountsByCellMonth, tallyByCellAndMonth } from '../meetings/lookup.js';
import { taskCountsByWorkUnit } from '../tasks/lookup.js';
import { commitmentCountsByUnit } from '../commitments/lookup.js';
import { coverageByUnit } from '../self-examinations/lookup.js';
import { itemCountsByUnit } from '../correction-plans/lookup.js';
import { givenCountInSubtree } from '../feedback/lookup.js';
import { issueCounts } from '../local-issues/lookup.js';
import { inboxStatusCounts } from '../citizen-feedback/lookup.js';
import { authorizeOverview } from './policy.js';
import type { OverviewFigure, OverviewResponse, OverviewSection } from './schemas.js';

type Period = { from: string; to: string };
type Row = { id: string; name: string; path: string };
type Count = { value: number; of: number | null; href: string };

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

/** The pages (and their filters) behind the figures. */
export const hrefs = {
  meetings: (unitId: string, p: Period, kind?: string, held?: 'true') => `/units/${unitId}/meetings?${query({ from: p.from, to: p.to, kind, held })}`,
  work: (unitId: string, p: Period, status?: string, handDown?: 'all' | 'delayed') => `/units/${unitId}/work?${query({ from: p.from, to: p.to, status, handDown })}`,
  commitments: (unitId: string, year: number) => `/units/${unitId}/commitments?year=${year}`,
  selfExams: (unitId: string, period: string) => `/units/${unitId}/tu-soi?period=${period}`,
  issues: (unitId: string, filter: { status?: string; overdue?: 'true' }) => `/local-issues?${query({ unit: unitId, ...filter })}`,
  inbox: (unitId: string, status: string) => `/citizen-feedback?${query({ unit: unitId, status })}`,
  overview: (unitId: string, p: Period) => `/units/${unitId}/tong-quan?${query({ from: p.from, to: p.to })}`,
};

/** The row (cell, or a province's commune) a unit's path lies in: its own path or an ancestor's. */
function rowFinder(rows: readonly Row[]) {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  return (path: string): Row | undefined => {
    for (let i = path.length - 1; i > 0; i = path.lastIndexOf('/', i - 1)) {
      const row = byPath.get(path.slice(0, i + 1));
      if (row) return row;
    }
    return undefined;
  };
}

/** Everything of one period the figures and the ranking need, grouped in SQL per cell. */
async function periodData(db: Kysely<Database>, unit: { id: string; path: string }, p: Period, today: string) {
  const selfExamPeriod = selfExamPeriodOf(p);
  const { year, keys, thematic } = periodKeysOf(selfExamPeriod);
  const range = statsPeriod(selfExamPeriod);
  const [meetings, tallies, tasks, coverage, commitments, corrections, feedbackGiven] = await Promise.all([
    meetingCountsByCellMonth(db, { unitPath: unit.path, ...p }),
    tallyByCellAndMonth(db, { unitPath: unit.path, ...p, today }),
    taskCountsByWorkUnit(db, { unitPath: unit.path, ...p, today }),
    coverageByUnit(db, unit.path, year, keys, thematic),
    commitmentCountsByUnit(db, unit.path, Number(p.to.slice(0, 4))),
    itemCountsByUnit(db, unit.path, year),
    // Feedback of the self-examination period, as its board counts it.
    givenCountInSubtree(db, unit.path, range.from, range.to),
  ]);
  return { meetings, tallies, tasks, coverage, commitments, corrections, feedbackGiven, selfExamPeriod, commitmentYear: Number(p.to.slice(0, 4)) };
}
type PeriodData = Awaited<ReturnType<typeof periodData>>;

/** The cells × months grid and the cells that held a regular meeting in every month begun. */
function meetingGrid(data: PeriodData, cells: readonly Row[], rows: readonly Row[], p: Period, today: string) {
  const months = monthsBetween(p.from, p.to);
  const cellOf = rowFinder(cells);
  // A month is held when a regular meeting of it has been held; planned when one is only scheduled.
  const held = new Set<string>();
  const planned = new Set<string>();
  for (const m of data.meetings) {
    const cell = m.kind === 'regular' ? cellOf(m.unitPath) : undefined;
    if (cell) (m.held ? held : planned).add(`${cell.id} ${m.month}`);
  }
  const begun = months.filter((m) => m <= today.slice(0, 7));
  const fullCells = cells.filter((c) => begun.length > 0 && begun.every((m) => held.has(`${c.id} ${m}`))).length;
  const rowOf = rowFinder(rows);
  const cellsOfRow = new Map<string, Row[]>();
  for (const c of cells) {
    const row = rowOf(c.path);
    if (row) cellsOfRow.set(row.id, [...(cellsOfRow.get(row.id) ?? []), c]);
  }
  const gridRows = rows.map((row) => {
    const its = cellsOfRow.get(row.id) ?? [];
    const cellsMonths = months.map((month) => {
      const n = its.filter((c) => held.has(`${c.id} ${month}`)).length;
      const scheduled = its.some((c) => !held.has(`${c.id} ${month}`) && planned.has(`${c.id} ${month}`));
      const state = monthState(month, { held: n, of: its.length, planned: scheduled }, today);
      // The month's days within the period.
      const days = { from: `${month}-01` < p.from ? p.from : `${month}-01`, to: lastDay(month) > p.to ? p.to : lastDay(month) };
      return { month, state, held: n, of: its.length, href: hrefs.meetings(row.id, days, 'regular', state === 'planned' ? undefined : 'true') };
    });
    return {
      unitId: row.id,
      unitName: row.name,
      href: hrefs.overview(row.id, p),
      monthsHeld: cellsMonths.filter((m) => m.state === 'held').length,
      monthsDue: cellsMonths.filter((m) => m.state === 'held' || m.state === 'missing').length,
      months: cellsMonths,
      cellMonthsHeld: its.reduce((sum, c) => sum + begun.filter((m) => held.has(`${c.id} ${m}`)).length, 0),
      // This month's meeting only called yet is not a gap: the month does not count against the cell.
      cellMonthsDue: its.reduce((sum, c) => sum + begun.filter((m) => held.has(`${c.id} ${m}`) || !(m === today.slice(0, 7) && planned.has(`${c.id} ${m}`))).length, 0),
    };
  });
  return { months, rows: gridRows, fullCells };
}

const lastDay = (month: string) => `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

/** Sums per row (and in total) of what the SQL grouped per unit. */
function rollUp<T extends { unitPath: string }, S>(items: readonly T[], rows: readonly Row[], empty: () => S, add: (sum: S, item: T) => S) {
  const rowOf = rowFinder(rows);
  const perRow = new Map<string, S>();
  let total = empty();
  for (const item of items) {
    total = add(total, item);
    const row = rowOf(item.unitPath);
    if (row) perRow.set(row.id, add(perRow.get(row.id) ?? empty(), item));
  }
  return { total, of: (rowId: string) => perRow.get(rowId) ?? empty() };
}

/** Attendance, tasks and coverage of one period, in total and per row. */
function periodFigures(data: PeriodData, rows: readonly Row[], pathOfUnit: Map<string, string>) {
  const attendance = rollUp(
    data.tallies.map((t) => ({ unitPath: pathOfUnit.get(t.unitId) ?? '', counts: countsOfTally(t) })),
    rows,
    emptyCounts,
    (sum: AttendanceCounts, t) => mergeCounts(sum, t.counts),
  );
  const tasks = rollUp(data.tasks, rows, () => [] as typeof data.tasks, (sum, t) => [...sum, t]);
  const coverage = rollUp(data.coverage, rows, () => ({ members: 0, submitted: 0 }), (sum, c) => ({ members: sum.members + c.members, submitted: sum.submitted + c.submitted }));
  const regular = data.meetings.filter((m) => m.held && m.kind === 'regular').reduce((n, m) => n + m.n, 0);
  const thematic = data.meetings.filter((m) => m.held && m.kind === 'thematic').reduce((n, m) => n + m.n, 0);
  return { attendance, tasks, coverage, regular, thematic, commitments: sumCommitmentFigures([...data.commitments.values()]) };
}

export async function unitOverview(ctx: AppContext, actor: Actor, unitId: string, q: { from?: string | undefined; to?: string | undefined }): Promise<OverviewResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeOverview(actor, unit);
  const u = unit!;
  const today = todayInVietnam();
  const period = overviewPeriod(q, today);
  const problem = overviewPeriodProblem(period);
  if (problem) throw fieldError(problem.field, problem.problem);
  const previous = previousYearPeriod(period);

  const isProvince = u.kind === 'province';
  const [cells, communes, current, last, issues, inbox] = await Promise.all([
    activeCellsIn(db, u.path),
    isProvince ? activeUnitsIn(db, u.path, 'commune') : Promise.resolve([]),
    periodData(db, u, period, today),
    periodData(db, u, previous, today),
    issueCounts(db, u.path, today),
    inboxStatusCounts(db, u),
  ]);
  const rows: Row[] = isProvince ? communes : u.kind === 'cell' ? [{ id: u.id, name: u.name, path: u.path }] : cells;
  // A tally names its meeting's unit by id; the meeting counts carry the same units' paths.
  const pathOfUnit = new Map([...current.meetings, ...last.meetings].map((m) => [m.unitId, m.unitPath]));

  const now = { p: period, data: current, grid: meetingGrid(current, cells, rows, period, today), figures: periodFigures(current, rows, pathOfUnit) };
  const before = { p: previous, data: last, grid: meetingGrid(last, cells, rows, previous, today), figures: periodFigures(last, rows, pathOfUnit) };
  type Side = typeof now;

  /** A figure of the period with last year's beside it, both computed by the same function. */
  const compared = (key: string, of: (side: Side) => Count): OverviewFigure => ({ key, ...of(now), previous: of(before) });
  const today_ = (key: string, value: number, href: string, of: number | null = null): OverviewFigure => ({ key, value, of, href, previous: null });

  /** Tasks handed down to mass organisations (all), or a day or more after the cell received them (delayed). */
  const handDowns = (s: Side, which: 'all' | 'delayed') => s.figures.tasks.total.filter((b) => (which === 'all' ? b.handDown > 0 : b.handDown === 2)).reduce((n, b) => n + b.n, 0);
  const taskStatuses = ['on_time', 'exceeded', 'late', 'not_done', 'overdue', 'open'] as const;
  const taskKey = { on_time: 'onTime', exceeded: 'exceeded', late: 'late', not_done: 'notDone', overdue: 'overdue', open: 'open' } as const;
  const issueStatuses = ['new', 'in_progress', 'resolved', 'unresolvable'] as const;
  const issueBy = (status: string) => issues.filter((i) => i.status === status).reduce((n, i) => n + i.n, 0);
  const inboxBy = (status: string) => inbox.find((c) => c.status === status)?.n ?? 0;

  const sections: { key: OverviewSection; figures: OverviewFigure[] }[] = [
    {
      key: 'meetings',
      figures: [
        compared('cells_all_months', (s) => ({ value: s.grid.fullCells, of: cells.length, href: hrefs.meetings(u.id, s.p, 'regular', 'true') })),
        compared('regular', (s) => ({ value: s.figures.regular, of: null, href: hrefs.meetings(u.id, s.p, 'regular', 'true') })),
        compared('thematic', (s) => ({ value: s.figures.thematic, of: null, href: hrefs.meetings(u.id, s.p, 'thematic', 'true') })),
        compared('attendance', (s) => ({ value: s.figures.attendance.total.present, of: s.figures.attendance.total.expected, href: hrefs.meetings(u.id, s.p) })),
        compared('on_time', (s) => ({ value: s.figures.attendance.total.onTime, of: s.figures.attendance.total.present, href: hrefs.meetings(u.id, s.p) })),
      ],
    },
    {
      key: 'tasks',
      figures: [
        compared('due', (s) => ({ value: taskCountsOf(s.figures.tasks.total).total, of: null, href: hrefs.work(u.id, s.p) })),
        ...taskStatuses.map((status) =>
          compared(status, (s) => {
            const counts = taskCountsOf(s.figures.tasks.total);
            return { value: counts[taskKey[status]], of: counts.total, href: hrefs.work(u.id, s.p, status) };
          }),
        ),
        compared('hand_downs', (s) => ({ value: handDowns(s, 'all'), of: null, href: hrefs.work(u.id, s.p, undefined, 'all') })),
        compared('hand_downs_delayed', (s) => ({ value: handDowns(s, 'delayed'), of: handDowns(s, 'all'), href: hrefs.work(u.id, s.p, undefined, 'delayed') })),
        compared('commitments', (s) => ({ value: s.figures.commitments.total, of: null, href: hrefs.commitments(u.id, s.data.commitmentYear) })),
        compared('commitments_achieved', (s) => ({ value: s.figures.commitments.achieved, of: s.figures.commitments.total, href: hrefs.commitments(u.id, s.data.commitmentYear) })),
        compared('commitments_exceeded', (s) => ({ value: s.figures.commitments.exceeded, of: s.figures.commitments.total, href: hrefs.commitments(u.id, s.data.commitmentYear) })),
        compared('commitments_not_achieved', (s) => ({ value: s.figures.commitments.notAchieved, of: s.figures.commitments.total, href: hrefs.commitments(u.id, s.data.commitmentYear) })),
      ],
    },
    {
      key: 'self_examination',
      figures: [
        compared('coverage', (s) => ({ value: s.figures.coverage.total.submitted, of: s.figures.coverage.total.members, href: hrefs.selfExams(u.id, s.data.selfExamPeriod) })),
        compared('corrections_fixed_on_time', (s) => ({
          value: s.data.corrections.reduce((n, c) => n + c.fixedOnTime, 0),
          of: s.data.corrections.reduce((n, c) => n + c.total, 0),
          href: hrefs.selfExams(u.id, s.data.selfExamPeriod),
        })),
        compared('feedback_given', (s) => ({ value: s.data.feedbackGiven, of: null, href: hrefs.selfExams(u.id, s.data.selfExamPeriod) })),
      ],
    },
    {
      key: 'local_issues',
      figures: [
        ...issueStatuses.map((status) => today_(status, issueBy(status), hrefs.issues(u.id, { status }))),
        today_('overdue', issues.reduce((n, i) => n + i.overdue, 0), hrefs.issues(u.id, { overdue: 'true' })),
      ],
    },
    {
      key: 'citizen_feedback',
      figures: (['new', 'in_progress'] as const).map((status) => today_(status, inboxBy(status), hrefs.inbox(u.id, status))),
    },
  ];

  const ranking = now.grid.rows
    .map((row) => {
      const att = now.figures.attendance.of(row.unitId);
      const tasks = taskCountsOf(now.figures.tasks.of(row.unitId));
      const cover = now.figures.coverage.of(row.unitId);
      const shares: IndicatorShares = {
        regularMonths: share(row.cellMonthsHeld, row.cellMonthsDue),
        attendance: share(att.present, att.expected),
        punctuality: share(att.onTime, att.present),
        tasksOnTime: share(tasks.onTime + tasks.exceeded, tasks.onTime + tasks.exceeded + tasks.late + tasks.notDone + tasks.overdue),
        selfExamCoverage: share(cover.submitted, cover.members),
      };
      return { unitId: row.unitId, unitName: row.unitName, href: row.href, score: rankingScore(shares), shares, weak: weakIndicators(shares) };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitName.localeCompare(b.unitName, 'vi'));

  return {
    unitId: u.id,
    unitName: u.name,
    unitKind: u.kind as UnitKind,
    rowKind: isProvince ? 'commune' : 'cell',
    from: period.from,
    to: period.to,
    today,
    previous,
    selfExamPeriod: current.selfExamPeriod,
    sections,
    grid: { months: now.grid.months, rows: now.grid.rows.map(({ cellMonthsHeld: _h, cellMonthsDue: _d, ...row }) => row) },
    ranking,
    laggardBelow: LAGGARD_BELOW,
  };
}
