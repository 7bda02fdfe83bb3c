/**
 * This year's inspection and supervision programme of the commune's committee, as of the day the
 * demo is loaded: adopted in January, with a case waiting for Chi bộ thôn Đồng Thứ's report (the
 * notice went out a few days ago), a case whose verification is late, a case concluded with a
 * recommendation past its deadline, one closed, one item still planned and one whose window passed
 * with no case. Pure and deterministic for a given `today`; every date is counted back from it in
 * working days by the rules given, so nothing lies in the future and no step comes before the one
 * it follows. A case that would start before the present (2023) is left out.
 */
import type { DemoCommune, DemoUnit } from './commune.js';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../domain/working-days.js';
import { addDays } from '../domain/tasks.js';
import { FIRST_PRESENT_YEAR, maxDate, minDate } from './present-window.js';
import {
  caseFrame,
  conclusionOf,
  inspectorsOf,
  itemOf,
  kindOf,
  placeOf,
  stepDates,
  stepsOf,
  STORY,
  fill,
  type DemoCase,
  type DemoInspectionData,
  type DemoInspectionRules,
  type DemoInspectors,
  type DemoProgrammeItem,
} from './inspection.js';

/** The day `n` working days before `day` (the day itself not counted). */
export function workingDaysBefore(day: string, n: number, calendar: WorkingCalendar): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** The cells of this year's cases: Đồng Thứ waits to report, the others as the comments say. */
const CELLS = { waiting: 'cell-dong-thu', late: 'cell-thon-so-02', overdue: 'cell-luu-quang', closed: 'cell-tram-y-te', planned: 'cell-thon-so-09', missed: 'cell-thcs' } as const;

/** Decision numbers (số quyết định) of the year's cases, in the order they were decided. */
const NUMBER = { closed: 5, overdue: 18, late: 24, waiting: 31 } as const;

/** Working-day paces (after the decision) of each case, within the rules' limits. */
const PACE = { waiting: [1, 2], late: [2, 3, 6], overdue: [1, 2, 6, 5, 2, 2, 1], closed: [1, 2, 5, 5, 2, 2, 1] } as const;

/** This year's programme and its cases as of `today`. */
export function buildDemoInspectionPresent(demo: DemoCommune, today: string, rules: DemoInspectionRules): DemoInspectionData {
  const year = Number(today.slice(0, 4));
  const who = inspectorsOf(demo);
  const cell = (key: string) => who.cells.find((u) => u.key === key)!;
  const back = (n: number) => workingDaysBefore(today, n, rules.calendar);
  const cases = [
    openCase(who, rules, cell(CELLS.waiting), { key: 'present-waiting', decidedOn: back(6), number: NUMBER.waiting }, PACE.waiting, STORY.present.waiting),
    openCase(who, rules, cell(CELLS.late), { key: 'present-late', decidedOn: back(30), number: NUMBER.late }, PACE.late, STORY.present.late),
    overdueCase(who, rules, cell(CELLS.overdue), back(45), today),
    closedCase(who, rules, cell(CELLS.closed), back(80)),
  ].filter((c) => c.decidedOn >= `${FIRST_PRESENT_YEAR}-01-03`);
  const adoptedOn = minDate(addWorkingDays(`${year}-01-04`, 1, rules.calendar), today);
  // A case decided before the programme was adopted (a demo loaded early in January) stands on its own.
  for (const c of cases) if (c.decidedOn < adoptedOn) c.itemKey = null;
  const items: DemoProgrammeItem[] = cases.filter((c) => c.itemKey !== null).map((c) => itemOf(c, { start: `${c.decidedOn.slice(0, 7)}-01`, end: c.conclusion ? addDays(c.conclusion.on, 10) : minDate(addDays(today, 20), `${year}-12-31`) }));
  const planned = addDays(today, 10);
  if (planned <= `${year}-12-31`) items.push(plannedItem(who, cell(CELLS.planned), 'present-planned', STORY.present.planned, { start: planned, end: `${year}-12-31` }, year));
  if (today > `${year}-03-31`) items.push(plannedItem(who, cell(CELLS.missed), 'present-missed', STORY.present.missed, { start: `${year}-02-01`, end: `${year}-03-31` }, year));
  return { programmes: [{ year, title: fill(STORY.programmeTitle, { nam: year }), adoptedOn, items }], cases };
}

/** An item of the programme with no case (yet): planned ahead, or its window passed. */
function plannedItem(who: DemoInspectors, cell: DemoUnit, key: string, content: string, window: { start: string; end: string }, year: number): DemoProgrammeItem {
  return { key, kindCode: 'supervision_thematic', subjectCellKey: cell.key, subjectMemberKey: null, content, reviewFrom: `${year}-01-01`, reviewTo: window.start, plannedStart: window.start, plannedEnd: window.end, leadKey: who.leadKey, teamKeys: who.teamKeys };
}

/** A thematic supervision under way: its steps up to where the pace stops. */
function openCase(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, at: { key: string; decidedOn: string; number: number }, pace: readonly number[], text: (typeof STORY.present)['waiting']): DemoCase {
  const kind = kindOf(rules, 'supervision_thematic');
  const c = caseFrame(who, kind, at.key, text.content, { cellKey: cell.key, memberKey: null }, reviewOf(at.decidedOn), at.number);
  const dates = stepDates(kind, at.decidedOn, pace, rules.calendar);
  c.steps = stepsOf(dates, text, { thon: placeOf(cell) }, { decisionNo: c.decisionNo });
  c.notifiedOn = dates.get('notice') ?? null;
  return c;
}

/** Concluded some weeks ago with one recommendation: the cell has started on it, its deadline passed a week ago. */
function overdueCase(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, decidedOn: string, today: string): DemoCase {
  const text = STORY.present.overdue;
  const c = concludedCase(who, rules, cell, { key: 'present-overdue', decidedOn, number: NUMBER.overdue }, PACE.overdue, text);
  const deadline = workingDaysBefore(today, 5, rules.calendar);
  const progressOn = addWorkingDays(c.conclusion!.on, 3, rules.calendar);
  c.recommendations = [
    {
      text: text.recommendation,
      deadline,
      ownerKey: who.secretaryOf(cell),
      life: { deliverable: STORY.taskDeliverable, priority: 'high', coworkerKeys: [], progress: progressOn < today ? [{ on: progressOn, percent: 50, text: text.progress }] : [], close: null },
      reportedOn: null,
      reportNote: null,
      verifiedOn: null,
      verificationComment: null,
    },
  ];
  return Object.assign(c, { status: 'concluded' as const });
}

/** Concluded without recommendations, so closed. */
function closedCase(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, decidedOn: string): DemoCase {
  return Object.assign(concludedCase(who, rules, cell, { key: 'present-closed', decidedOn, number: NUMBER.closed }, PACE.closed, STORY.present.closed), { status: 'closed' as const });
}

/** The half year before the decision, never reaching back into 2022. */
function reviewOf(decidedOn: string): { decidedOn: string; reviewFrom: string; reviewTo: string } {
  return { decidedOn, reviewFrom: maxDate(addDays(decidedOn, -182), `${FIRST_PRESENT_YEAR}-01-01`), reviewTo: addDays(decidedOn, -1) };
}

function concludedCase(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, at: { key: string; decidedOn: string; number: number }, pace: readonly number[], text: (typeof STORY.present)['closed']): DemoCase {
  const kind = kindOf(rules, 'supervision_thematic');
  const c = caseFrame(who, kind, at.key, text.content, { cellKey: cell.key, memberKey: null }, reviewOf(at.decidedOn), at.number);
  const dates = stepDates(kind, at.decidedOn, pace, rules.calendar);
  c.steps = stepsOf(dates, text, { thon: placeOf(cell) }, { decisionNo: c.decisionNo });
  c.conclusion = conclusionOf(text.conclusion!, dates.get('conclusion')!, at.number + 1);
  c.notifiedOn = dates.get('notice')!;
  return c;
}
