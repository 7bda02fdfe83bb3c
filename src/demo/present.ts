/**
 * The demo commune's present: the same cells and members as the 2022 story, living up to the day
 * the demo is loaded. Pure and deterministic for a given `today`: no I/O, no ids.
 *
 * The present window is a rolling year: the twelve months before this one (never reaching back
 * into 2022, the article's year) have their monthly meetings held and approved, this month's is
 * called a few days ahead. So a demo loaded on 3 January still shows last year's meetings and
 * work, and this year's pledges just registered; loaded on 7 December it shows the whole year.
 * What is open, due soon or overdue is so by days, relative to `today`.
 */
import type { DemoCommune, DemoUnit } from './commune.js';
import type { DemoMeeting } from './meetings.js';
import type { DemoCommitment, DemoWork } from './work.js';
import { presentWork, type WorkCell } from './present-work.js';
import type { DemoSelfExamData } from './self-examination.js';
import { hashSeed, Rng } from './random.js';
import { displayDate } from '../domain/tasks.js';
import { statsPeriodLabelVi } from '../domain/self-examination.js';
import { presentWindow, type DemoQuarter, type PresentWindow } from './present-window.js';
import { cellOf, type Cell } from './present-cell.js';
import { accountHolderTasks, heldMeeting, liveTasks, meetingDay, plannedMeeting, thematicMeeting, type PresentTask } from './present-meetings.js';
import * as text from './present-text.js';
import { commitmentsOf } from './present-commitments.js';
import { cellFeedback, quarterExams, type SelfExamBuilder } from './present-self-examination.js';

export { FIRST_PRESENT_YEAR, presentWindow, type DemoQuarter, type PresentWindow } from './present-window.js';

// ---------------------------------------------------------------------------
// What the builder returns
// ---------------------------------------------------------------------------

export interface DemoPresent {
  window: PresentWindow;
  /** Every cell's meetings of the window (approved) and its next one (planned), tasks inside. */
  meetings: DemoMeeting[];
  /** This year's pledges of every member and cell: registered, mostly confirmed, with progress. */
  commitments: DemoCommitment[];
  selfExam: DemoSelfExamData;
  /** The commune's directives of the window, acknowledged by the cells, and the tasks made of them. */
  work: DemoWork;
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/** What every cell's part of the present draws on: the window, the streams, who holds accounts. */
interface PresentContext {
  w: PresentWindow;
  stream: (name: string) => Rng;
  /** The first day of the window: members who joined by then can chair and keep the minutes. */
  from: string;
  committeeKey: string | null;
  /** Account holders by cell, the secretaries marked: their pages must show something of their own. */
  holders: Map<string, { memberKey: string; secretary: boolean }[]>;
  accountKeys: ReadonlySet<string>;
}

/**
 * The present of every cell as of `today`, in the commune's order. Same result for the same
 * `today`; each cell and area draws from its own stream salted with the day.
 */
export function buildDemoPresent(commune: DemoCommune, today: string): DemoPresent {
  const w = presentWindow(today);
  const salt = Number(today.replaceAll('-', ''));
  const top = commune.units.find((u) => u.parentKey === null)?.key;
  const ctx: PresentContext = {
    w,
    stream: (name: string) => new Rng(hashSeed(`present/${name}`, salt)),
    from: w.heldMonths.length > 0 ? `${w.heldMonths[0]}-01` : `${w.today.slice(0, 7)}-01`,
    committeeKey: commune.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee' && r.unitKey === top))?.memberKey ?? null,
    holders: accountHolders(commune),
    accountKeys: new Set(commune.accounts.flatMap((a) => (a.memberKey ? [a.memberKey] : []))),
  };
  const out: DemoPresent = { window: w, meetings: [], commitments: [], selfExam: { lowParticipationCells: [], selfExaminations: [], feedback: [], plans: [], planItems: [] }, work: { directives: [], tasks: [], commitments: [] } };
  const b: SelfExamBuilder = { w, data: out.selfExam, plans: new Map() };
  const workCells: WorkCell[] = [];
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const { cell, dates } = cellMeetings(ctx, unit);
    out.meetings.push(...cell.meetings);
    workCells.push({ cell, meetingDates: dates, massOrgs: commune.units.filter((u) => u.kind === 'mass_org' && u.parentKey === unit.key) });
    cellCommitments(ctx, cell, out.commitments);
    cellSelfExamination(ctx, b, cell);
  }
  out.work = presentWork(ctx.stream, workCells, w, ctx.committeeKey);
  return out;
}

/** The demo accounts that are members, by the cell they belong to. */
function accountHolders(commune: DemoCommune): Map<string, { memberKey: string; secretary: boolean }[]> {
  const holders = new Map<string, { memberKey: string; secretary: boolean }[]>();
  for (const a of commune.accounts) {
    if (!a.memberKey) continue;
    const unitKey = a.roles.find((r) => r.role === 'member')?.unitKey;
    if (!unitKey) continue;
    holders.set(unitKey, [...(holders.get(unitKey) ?? []), { memberKey: a.memberKey, secretary: a.roles.some((r) => r.role !== 'member') }]);
  }
  return holders;
}

/**
 * A cell's meetings of the window: the regular one each month and the thematic one each quarter,
 * with their tasks' lives, the account holders' own tasks, and this month's meeting called.
 */
function cellMeetings(ctx: PresentContext, unit: DemoUnit): { cell: Cell; dates: string[] } {
  const { w, stream } = ctx;
  const rng = stream(`${unit.key}/meetings`);
  const cell = cellOf(rng, unit, ctx.from);
  const tasks: PresentTask[] = [];
  // The days first: a task's life (closed at the next meeting, carried over) needs them.
  const dates = w.heldMonths.map((month) => meetingDay(rng, month, cell.office));
  const lives = stream(`${unit.key}/tasks`);
  const live = (list: readonly PresentTask[]) => liveTasks(lives, cell, dates, list, w);
  const topics = stream(`${unit.key}/thematic`);
  const topicPool = text.PRESENT_THEMATIC_TOPICS.filter((t) => !t.villageOnly || !cell.office);
  for (const date of dates) {
    const held = heldMeeting(rng, cell, date, tasks, live);
    cell.meetings.push(held.meeting);
    tasks.push(...held.tasks);
    // One thematic meeting a quarter, in its middle month.
    if (Number(date.slice(5, 7)) % 3 === 2) {
      const thematic = thematicMeeting(topics, cell, date, topics.pick(topicPool), live);
      cell.meetings.push(thematic.meeting);
      tasks.push(...thematic.tasks);
    }
  }
  // The account holders' own tasks come from the last regular meeting.
  const last = cell.meetings.filter((m) => m.kind === 'regular').at(-1);
  if (last) live(accountHolderTasks(stream(`${unit.key}/accounts`), cell, last, ctx.holders.get(unit.key) ?? [], w, new Set(tasks.filter((t) => t.given === last.date).map((t) => t.task.title))));
  cell.meetings.push(plannedMeeting(rng, cell, w, cell.meetings.at(-1)?.date ?? null));
  return { cell, dates };
}

/** This year's pledges, and last year's (evaluated) while the window still reaches into that year. */
function cellCommitments(ctx: PresentContext, cell: Cell, out: DemoCommitment[]): void {
  const { w, stream } = ctx;
  const commitmentCtx = { w, committeeKey: ctx.committeeKey, accountKeys: ctx.accountKeys };
  for (const year of new Set(w.heldMonths.map((month) => Number(month.slice(0, 4))).filter((y) => y < w.year))) {
    commitmentsOf(stream(`${cell.unit.key}/commitments/${year}`), cell, commitmentCtx, out, year);
  }
  commitmentsOf(stream(`${cell.unit.key}/commitments`), cell, commitmentCtx, out);
}

/** Last quarter's self-examinations done, this quarter's open, and the feedback between members. */
function cellSelfExamination(ctx: PresentContext, b: SelfExamBuilder, cell: Cell): void {
  const { w, stream } = ctx;
  const holders = (ctx.holders.get(cell.unit.key) ?? []).map((h) => h.memberKey);
  const exams = stream(`${cell.unit.key}/self-examination`);
  if (w.previousQuarter) quarterExams(exams, b, cell, w.previousQuarter, false, new Set());
  quarterExams(exams, b, cell, w.quarter, true, new Set(holders));
  cellFeedback(stream(`${cell.unit.key}/feedback`), b, cell, holders);
}

/** "Quý IV/2026 (01/10/2026–31/12/2026)": the open self-examination period, for the summary. */
export function shownPeriod(q: DemoQuarter): string {
  return `${statsPeriodLabelVi(`${q.year}-Q${q.quarter}`)} (${displayDate(q.from)}–${displayDate(q.to)})`;
}

