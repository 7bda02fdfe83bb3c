/**
 * The present's directives (văn bản chỉ đạo): the commune committee issues one a quarter (the
 * story file's `directives`), every cell acknowledges it within days — the newest still waiting at
 * a few — and makes tasks of it for its members, a village cell handing one job down to a mass
 * organisation. Their lives are drawn like the meetings' tasks, up to yesterday.
 */
import type { DemoUnit } from './commune.js';
import { addDays } from './meetings.js';
import type { DemoDirective, DemoDirectiveTarget, DemoWork, DemoWorkTask } from './work.js';
import * as text from './present-text.js';
import type { PresentDirective, PresentHandDown, PresentJob } from './present-text.js';
import type { Rng } from './random.js';
import { activeOn, fill, fillDate, type Cell } from './present-cell.js';
import { liveTasks, type LivingTask } from './present-meetings.js';
import { maxDate, minDate, pad, weekday, type PresentWindow } from './present-window.js';

/** A cell of the present with what its directive tasks need: its meeting days and mass organisations. */
export interface WorkCell {
  cell: Cell;
  meetingDates: readonly string[];
  massOrgs: readonly DemoUnit[];
}

interface WorkContext {
  w: PresentWindow;
  stream: (name: string) => Rng;
  committeeKey: string | null;
  tasks: DemoWorkTask[];
}

/** The directives issued from the window's first day to yesterday, with their targets and tasks. */
export function presentWork(stream: (name: string) => Rng, cells: readonly WorkCell[], w: PresentWindow, committeeKey: string | null): DemoWork {
  const ctx: WorkContext = { w, stream, committeeKey, tasks: [] };
  const from = w.heldMonths.length > 0 ? `${w.heldMonths[0]}-01` : `${w.today.slice(0, 7)}-01`;
  const directives: DemoDirective[] = [];
  for (let year = Number(from.slice(0, 4)); year <= w.year; year++) {
    for (const spec of text.PRESENT_DIRECTIVES) {
      if (spec.quarter === undefined || spec.day === undefined) continue;
      const issuedOn = workingDay(`${year}-${pad((spec.quarter - 1) * 3 + 1)}-${pad(spec.day)}`);
      if (issuedOn < from || issuedOn >= w.today) continue;
      directives.push(issueDirective(ctx, spec, year, issuedOn, cells));
    }
  }
  // The newest, a few days old: some cells have acknowledged it, others have yet to.
  for (const spec of text.PRESENT_DIRECTIVES) {
    if (spec.daysAgo === undefined) continue;
    const issuedOn = previousWorkingDay(addDays(w.today, -spec.daysAgo));
    directives.push(issueDirective(ctx, spec, Number(issuedOn.slice(0, 4)), issuedOn, cells));
  }
  return { directives, tasks: ctx.tasks, commitments: [] };
}

/** The day itself, or the Monday after when it falls on a weekend: the office issues on working days. */
function workingDay(date: string): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  return day;
}

/** The day itself, or the Friday before when it falls on a weekend. */
function previousWorkingDay(date: string): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, -1);
  return day;
}

function issueDirective(ctx: WorkContext, spec: PresentDirective, year: number, issuedOn: string, cells: readonly WorkCell[]): DemoDirective {
  const key = `${spec.key}/${year}`;
  const month = Number(issuedOn.slice(5, 7));
  const targets: DemoDirectiveTarget[] = [];
  for (const c of cells) {
    const rng = ctx.stream(`directive/${key}/${c.cell.unit.key}`);
    const ackOn = addDays(issuedOn, rng.chance(0.85) ? rng.int(1, 4) : rng.int(6, 12));
    // Not yet acknowledged: the newest directive at the cells that have not got to it.
    if (ackOn >= ctx.w.today) {
      targets.push({ cellKey: c.cell.unit.key, acknowledgedAt: null, acknowledgedByKey: null, note: null });
      continue;
    }
    targets.push({ cellKey: c.cell.unit.key, acknowledgedAt: `${ackOn}T0${rng.int(1, 9)}:${pad(rng.int(0, 59))}:00.000Z`, acknowledgedByKey: c.cell.chair.key, note: rng.pick(text.ACKNOWLEDGEMENT_NOTES) });
    const deadline = addDays(issuedOn, spec.days);
    const jobs = (c.cell.office ? (spec.office ?? spec.village) : spec.village).filter((j) => j.lead || rng.chance(0.6));
    const made = jobs.map((job, i) => memberJob(ctx, rng, c, { key: `${key}/${c.cell.unit.key}/${i + 1}`, directiveKey: key, job, ackOn, deadline, year, month }));
    const handDown = !c.cell.office && spec.handDown && c.massOrgs.length > 0 ? rng.pick(spec.handDown) : null;
    if (handDown) made.push(...handDownJob(ctx, rng, c, { key: `${key}/${c.cell.unit.key}/to-${handDown.org}`, directiveKey: key, job: handDown, issuedOn, ackOn, year, month }));
    liveTasks(rng, c.cell, c.meetingDates, made, ctx.w);
  }
  return {
    key,
    title: fillDate(spec.title, year, month),
    body: fillDate(spec.body, year, month),
    issuedOn,
    deadline: addDays(issuedOn, spec.days),
    issuedByKey: ctx.committeeKey,
    targets,
  };
}

interface JobPlace {
  key: string;
  directiveKey: string;
  year: number;
  month: number;
}

/** A job for a member (the secretary's own when `lead`), given a day or two after the cell acknowledged. */
function memberJob(ctx: WorkContext, rng: Rng, c: WorkCell, p: JobPlace & { job: PresentJob; ackOn: string; deadline: string }): LivingTask {
  const { cell } = c;
  const createdOn = minDate(addDays(p.ackOn, rng.int(0, 2)), ctx.w.yesterday);
  const members = cell.unit.members.filter((m) => activeOn(m, createdOn) && m.key !== cell.chair.key);
  const owner = p.job.lead || members.length === 0 ? cell.chair.key : rng.pick(members).key;
  const task = workTask(cell, {
    key: p.key,
    directiveKey: p.directiveKey,
    title: fill(p.job.t, cell.info, p.year, p.month),
    deliverable: fill(p.job.d, cell.info, p.year, p.month),
    owner: { member: owner },
    createdOn,
    deadline: maxDate(addDays(createdOn, 5), minDate(p.deadline, addDays(createdOn, rng.int(10, 30)))),
  });
  ctx.tasks.push(task);
  return { task, given: createdOn, helpers: members.map((m) => m.key).filter((k) => k !== owner) };
}

/** A village cell passes one job on to a mass organisation, within days of getting the directive. */
function handDownJob(ctx: WorkContext, rng: Rng, c: WorkCell, p: JobPlace & { job: PresentHandDown; issuedOn: string; ackOn: string }): LivingTask[] {
  const unit = c.massOrgs.find((u) => u.key.endsWith(`-${p.job.org}`));
  if (!unit) return [];
  const handedDownOn = minDate(addDays(p.ackOn, rng.int(0, 3)), ctx.w.yesterday);
  const task = workTask(c.cell, {
    key: p.key,
    directiveKey: p.directiveKey,
    title: fill(p.job.t, c.cell.info, p.year, p.month),
    deliverable: fill(p.job.d, c.cell.info, p.year, p.month),
    owner: { unit: unit.key },
    createdOn: handedDownOn,
    deadline: addDays(handedDownOn, rng.int(10, 25)),
    handDown: { receivedOn: p.issuedOn, handedDownOn },
  });
  ctx.tasks.push(task);
  return [{ task, given: handedDownOn, helpers: [] }];
}

function workTask(
  cell: Cell,
  t: { key: string; directiveKey: string; title: string; deliverable: string; owner: { member: string } | { unit: string }; createdOn: string; deadline: string; handDown?: { receivedOn: string; handedDownOn: string } },
): DemoWorkTask {
  return {
    key: t.key,
    cellKey: cell.unit.key,
    title: t.title,
    ownerMemberKey: 'member' in t.owner ? t.owner.member : null,
    ownerUnitKey: 'unit' in t.owner ? t.owner.unit : null,
    deadline: t.deadline,
    createdOn: t.createdOn,
    doneOn: null,
    source: { kind: 'directive', directiveKey: t.directiveKey },
    receivedOn: t.handDown?.receivedOn ?? null,
    handedDownOn: t.handDown?.handedDownOn ?? null,
    // A mass organisation's progress is reported by the cell's secretary.
    reporterKey: 'member' in t.owner ? t.owner.member : cell.chair.key,
    assignerKey: cell.chair.key,
    deliverable: t.deliverable,
    priority: 'normal',
    coworkerKeys: [],
    progress: [],
    close: null,
  };
}
