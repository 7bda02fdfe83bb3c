/**
 * The present's meetings: each cell's monthly meetings held up to last month, the one called for
 * this month, and what became of the tasks they gave.
 */
import {
  addDays,
  buildAttendance,
  drawDoneOn,
  gradeTask,
  notDoneCauses,
  pickCoworkers,
  REASONS,
  taskPriority,
  type DemoAgendaItem,
  type DemoMeeting,
  type DemoOutcome,
  type DemoTask,
  type DemoTaskLife,
} from './meetings.js';
import * as text from './present-text.js';
import type { PresentThematicTopic } from './present-text.js';
import type { Rng } from './random.js';
import { daysBetween } from '../domain/tasks.js';
import { pad, minDate, maxDate, weekday, ROMAN, type PresentWindow } from './present-window.js';
import { activeOn, comrade, Comrade, fill, monthLabel, previousMonth, templatesFor, type Cell } from './present-cell.js';

// ---------------------------------------------------------------------------
// Meetings and their tasks
// ---------------------------------------------------------------------------

/** Meeting day in a month: 3–10 (February 12–18, after Tết), offices on working days. */
export function meetingDay(rng: Rng, month: string, office: boolean): string {
  const feb = month.endsWith('-02');
  const days: string[] = [];
  for (let d = feb ? 12 : 3; d <= (feb ? 18 : 10); d++) {
    const date = `${month}-${pad(d)}`;
    if (office && (weekday(date) === 0 || weekday(date) === 6)) continue;
    days.push(date);
  }
  return rng.pick(days);
}

/** A few days ahead of today, an office's on a working day. */
function nextMeetingDay(rng: Rng, today: string, office: boolean): string {
  let date = addDays(today, rng.int(2, 5));
  while (office && (weekday(date) === 0 || weekday(date) === 6)) date = addDays(date, 1);
  return date;
}

/** Present tasks finish like 2022's after the story: mostly on time, a fifth late by days. */
const PRESENT_TASKS = { openRate: 0.05, veryLateRate: 0.02, lateRate: 0.3, lateDays: [2, 15] as const };
/** Work not yet due is usually still in hand, whatever its owner will make of it. */
const EARLY_FINISH_SHOWN = 0.25;
/** Unfinished work overdue by more than this is closed "not done" at the next meeting; younger stays open. */
const OVERDUE_OPEN_DAYS = 21;

export interface PresentTask {
  task: DemoTask;
  given: string;
  helpers: string[];
  /** Fixed on purpose (an account holder's due-soon or overdue work), not drawn. */
  fixed?: { deadline: string };
}


/** One held meeting: attendance, the review of last month's resolution, news, criticism, tasks, dues. */
export function heldMeeting(rng: Rng, cell: Cell, date: string, earlier: readonly PresentTask[], live: (tasks: readonly PresentTask[]) => void): { meeting: DemoMeeting; tasks: PresentTask[] } {
  const month = date.slice(0, 7);
  const [year, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const { participants, attendance, present, others, voters } = takeAttendance(rng, cell, date, { lateRate: 0.04, maxLate: 2 });
  const agenda: DemoAgendaItem[] = [reviewItem(rng, cell, date, earlier), newsItem(rng, cell, year, mo)];
  const criticism = criticismItem(rng, cell, others);
  if (criticism) agenda.push(criticism);
  const tasks = monthTasks(rng, cell, date, earlier, present, others);
  live(tasks);
  agenda.push(resolutionItem(rng, cell, tasks, voters, year, mo));
  if (mo % 3 === 0) agenda.push(duesItem(cell, participants.length, year, mo));
  const score = (max: number, lo: number): number => rng.int(lo, max);
  return {
    meeting: {
      ...meetingBasics(cell, 'regular', null, date),
      attendance,
      agenda,
      chairScores: { prepare: score(10, 8), review: score(15, 12), criticism: score(15, 11), resolution: score(10, 8), dues: score(10, 8) },
    },
    tasks,
  };
}

/**
 * A held meeting's attendance: who was expected (active members), the door's record with the
 * chair and the clerk always there, who came, who else may take a task, and the voters
 * (official members present).
 */
function takeAttendance(rng: Rng, cell: Cell, date: string, lateness: { lateRate: number; maxLate: number }) {
  const participants = cell.unit.members.filter((m) => activeOn(m, date));
  const attendance = buildAttendance(rng, date, cell.time, participants, new Set([cell.chair.key, cell.clerk.key]), reasonsOf(cell), { kind: 'normal', ...lateness }, null);
  const present = attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey);
  const voters = participants.filter((m) => present.includes(m.key) && m.officialOn !== null && m.officialOn <= date).length;
  return { participants, attendance, present, others: present.filter((k) => k !== cell.chair.key), voters };
}

/** Why members of this kind of cell stay away: fields and family in a village, work and duty in an office. */
function reasonsOf(cell: Cell): readonly string[] {
  return REASONS[cell.info.type === 'village' ? 'village' : cell.info.type === 'school' ? 'school' : 'office'];
}

/** What every meeting of the cell shares: where, when, who chairs and who keeps the minutes. */
function meetingBasics(cell: Cell, kind: DemoMeeting['kind'], topic: string | null, date: string) {
  return { cellKey: cell.unit.key, kind, topic, date, startTime: cell.time, place: cell.info.place, chairKey: cell.chair.key, secretaryKey: cell.clerk.key };
}

/** "Đánh giá kết quả thực hiện nghị quyết": last month's tasks done, and what is carried over. */
function reviewItem(rng: Rng, cell: Cell, date: string, earlier: readonly PresentTask[]): DemoAgendaItem {
  const month = date.slice(0, 7);
  const last = earlier.filter((t) => t.given.startsWith(previousMonth(month)));
  const done = last.filter((t) => t.task.doneOn !== null && t.task.doneOn <= date).length;
  const overdue = earlier.filter((t) => t.task.deadline < date && (t.task.doneOn === null || t.task.doneOn > date));
  const review = [
    last.length > 0
      ? `Chi bộ hoàn thành ${done}/${last.length} nhiệm vụ đề ra trong nghị quyết ${monthLabel(previousMonth(month))}.`
      : `${Comrade(cell, cell.chair.key)} báo cáo kết quả thực hiện nghị quyết ${monthLabel(previousMonth(month))}: các chỉ tiêu cơ bản hoàn thành.`,
  ];
  if (overdue.length > 0) review.push(`Chuyển tiếp: ${overdue.slice(-3).map((t) => `“${t.task.title}” (${comrade(cell, t.task.ownerKey)})`).join('; ')}.`);
  review.push(rng.pick(text.PRESENT_REVIEW_CLOSINGS));
  return { title: `Đánh giá kết quả thực hiện nghị quyết ${monthLabel(previousMonth(month))}`, presenterKey: cell.chair.key, plannedMinutes: rng.int(15, 25), minutes: review.join(' '), outcomes: [] };
}

/** "Thông tin thời sự, văn bản cấp trên", read by the clerk. */
function newsItem(rng: Rng, cell: Cell, year: number, mo: number): DemoAgendaItem {
  const news = fill(rng.pick(text.PRESENT_NEWS), cell.info, year, mo);
  return {
    title: 'Thông tin thời sự, văn bản cấp trên',
    presenterKey: cell.clerk.key,
    plannedMinutes: rng.int(10, 20),
    minutes: `${Comrade(cell, cell.clerk.key)} thông tin tình hình thời sự trong nước, của tỉnh và xã. ${rng.pick(text.PRESENT_NEWS_CLOSINGS)}`,
    outcomes: [{ kind: 'information', text: `${news}.`, votes: null, task: null }],
  };
}

/** "Tự phê bình và phê bình" at about half the meetings: one member criticises another, who accepts. */
function criticismItem(rng: Rng, cell: Cell, others: readonly string[]): DemoAgendaItem | null {
  if (others.length < 2 || !rng.chance(0.5)) return null;
  const [a, b] = rng.sample(others, 2) as [string, string];
  return {
    title: 'Tự phê bình và phê bình',
    presenterKey: cell.chair.key,
    plannedMinutes: rng.int(15, 25),
    minutes: `${Comrade(cell, a)} góp ý ${comrade(cell, b)} về ${rng.pick(text.PRESENT_CRITICISM_ASPECTS)}; ${comrade(cell, b)} tiếp thu. Các ý kiến thẳng thắn, trên tinh thần xây dựng.`,
    outcomes: [],
  };
}

/** Two or three of the month's jobs, each with an owner present and a deadline, not a job still in hand. */
function monthTasks(rng: Rng, cell: Cell, date: string, earlier: readonly PresentTask[], present: readonly string[], others: readonly string[]): PresentTask[] {
  const [year, mo] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  // Not handed out again while still in hand, nor right after it was given.
  const busy = new Set(earlier.filter((t) => t.task.doneOn === null || t.task.doneOn > date || daysBetween(t.given, date) < 45).map((t) => t.task.title));
  const specs = rng.sample(templatesFor(cell, year, mo).filter((t) => !busy.has(t.title)), rng.int(2, 3));
  const owners = rng.shuffle(others.length > 0 ? others : [cell.chair.key]);
  return specs.map((spec, i) => ({
    given: date,
    helpers: present.filter((k) => k !== owners[i % owners.length]),
    // Most work is due within the month; the first item is sometimes a longer job (quarter-long).
    task: openTask(spec, owners[i % owners.length]!, addDays(date, i === 0 && rng.chance(0.5) ? rng.int(45, 90) : rng.int(20, 45))),
  }));
}

/** A task as decided, before its life is drawn. */
function openTask(spec: { title: string; deliverable: string }, ownerKey: string, deadline: string): DemoTask {
  return { title: spec.title, ownerKey, deadline, doneOn: null, deliverable: spec.deliverable, priority: 'normal', coworkerKeys: [], progress: [], close: null };
}

/** "Nhiệm vụ trọng tâm": the tasks decided, then the month's resolution put to the vote. */
function resolutionItem(rng: Rng, cell: Cell, tasks: readonly PresentTask[], voters: number, year: number, mo: number): DemoAgendaItem {
  return {
    title: `Nhiệm vụ trọng tâm tháng ${mo}/${year}`,
    presenterKey: cell.chair.key,
    plannedMinutes: rng.int(20, 35),
    minutes: rng.pick(text.PRESENT_TASK_NOTES),
    outcomes: [
      ...tasks.map((t): DemoOutcome => ({ kind: 'task', text: t.task.title, votes: null, task: t.task })),
      { kind: 'decision', text: `Biểu quyết thông qua Nghị quyết chi bộ tháng ${mo}/${year}.`, votes: { for: voters, against: 0, abstain: 0 }, task: null },
    ],
  };
}

/** Party dues, collected at the last meeting of each quarter. */
function duesItem(cell: Cell, n: number, year: number, mo: number): DemoAgendaItem {
  const quarter = `${ROMAN[mo / 3 - 1]}/${year}`;
  return {
    title: 'Thu nộp đảng phí',
    presenterKey: cell.clerk.key,
    plannedMinutes: 10,
    minutes: `Đã thu đủ đảng phí quý ${quarter} của ${n}/${n} đảng viên, nộp Đảng ủy xã đúng hạn.`,
    outcomes: [{ kind: 'information', text: `Đảng phí quý ${quarter}: ${n}/${n} đảng viên đã nộp.`, votes: null, task: null }],
  };
}

/**
 * The quarter's thematic meeting (sinh hoạt chuyên đề), in its middle month, a week or more after
 * the regular one: the topic presented, discussed against the cell's own work, and a plan voted
 * with one task for it. Held and approved like the regular meetings.
 */
export function thematicMeeting(rng: Rng, cell: Cell, regularDate: string, topic: PresentThematicTopic, live: (tasks: readonly PresentTask[]) => void): { meeting: DemoMeeting; tasks: PresentTask[] } {
  const month = regularDate.slice(0, 7);
  const [year, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const date = thematicDay(rng, month, regularDate, cell.office);
  const { attendance, present, others, voters } = takeAttendance(rng, cell, date, { lateRate: 0.03, maxLate: 1 });
  const title = fill(topic.topic, cell.info, year, mo);
  const presenter = others.length > 0 && rng.chance(0.4) ? rng.pick(others) : cell.chair.key;
  const owner = others.length > 0 ? rng.pick(others) : cell.chair.key;
  const task: PresentTask = {
    given: date,
    helpers: present.filter((k) => k !== owner),
    task: openTask({ title: fill(topic.task, cell.info, year, mo), deliverable: fill(topic.deliverable, cell.info, year, mo) }, owner, addDays(date, rng.int(25, 45))),
  };
  live([task]);
  const speakers = rng.sample(others, Math.min(3, others.length));
  const agenda: DemoAgendaItem[] = [
    {
      title: `Báo cáo chuyên đề: ${title}`,
      presenterKey: presenter,
      plannedMinutes: rng.int(30, 45),
      minutes: `${Comrade(cell, presenter)} trình bày chuyên đề. ${fill(rng.pick(text.PRESENT_THEMATIC_OPENINGS), cell.info, year, mo)}`,
      outcomes: [],
    },
    {
      title: 'Thảo luận, liên hệ thực tiễn',
      presenterKey: cell.chair.key,
      plannedMinutes: rng.int(20, 40),
      minutes:
        speakers.length > 0
          ? `Các đồng chí ${speakers.map((k) => cell.names.get(k)!).join(', ')} phát biểu, liên hệ trách nhiệm của bản thân và đề xuất cách làm.`
          : 'Đảng viên thảo luận, liên hệ trách nhiệm của bản thân.',
      outcomes: [],
    },
    {
      title: 'Kết luận, biểu quyết kế hoạch thực hiện chuyên đề',
      presenterKey: cell.chair.key,
      plannedMinutes: rng.int(10, 20),
      minutes: rng.pick(text.PRESENT_THEMATIC_CONCLUSIONS),
      outcomes: [
        { kind: 'decision', text: `Thông qua kế hoạch thực hiện chuyên đề “${title}”.`, votes: { for: voters, against: 0, abstain: 0 }, task: null },
        { kind: 'task', text: task.task.title, votes: null, task: task.task },
      ],
    },
  ];
  const score = (max: number, lo: number): number => rng.int(lo, max);
  return {
    meeting: {
      ...meetingBasics(cell, 'thematic', title, date),
      attendance,
      agenda,
      chairScores: { prepare: score(10, 8), review: score(15, 11), criticism: score(15, 11), resolution: score(10, 8), dues: score(10, 7) },
    },
    tasks: [task],
  };
}

/** A thematic meeting's day: the 14th–25th, at least five days after the regular meeting; offices on working days. */
function thematicDay(rng: Rng, month: string, regularDate: string, office: boolean): string {
  const days: string[] = [];
  for (let d = 14; d <= 25; d++) {
    const date = `${month}-${pad(d)}`;
    if (date < addDays(regularDate, 5) || (office && (weekday(date) === 0 || weekday(date) === 6))) continue;
    days.push(date);
  }
  return rng.pick(days);
}

/** This month's meeting, called a few days ahead: its agenda set, attendance still to be taken. */
export function plannedMeeting(rng: Rng, cell: Cell, w: PresentWindow, lastHeld: string | null): DemoMeeting {
  const date = nextMeetingDay(rng, w.today, cell.office);
  const month = date.slice(0, 7);
  const [year, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const participants = cell.unit.members.filter((m) => activeOn(m, date));
  return {
    cellKey: cell.unit.key,
    kind: 'regular',
    topic: null,
    date,
    startTime: cell.time,
    place: cell.info.place,
    chairKey: cell.chair.key,
    secretaryKey: cell.clerk.key,
    attendance: participants.map((m) => ({ memberKey: m.key, role: 'member', status: 'pending', arrivedAt: null, reason: null, reported: null })),
    agenda: [
      { title: `Đánh giá kết quả thực hiện nghị quyết ${monthLabel(previousMonth(month))}`, presenterKey: cell.chair.key, plannedMinutes: 20, minutes: '', outcomes: [] },
      { title: 'Thông tin thời sự, văn bản cấp trên', presenterKey: cell.clerk.key, plannedMinutes: 15, minutes: '', outcomes: [] },
      { title: `Nhiệm vụ trọng tâm tháng ${mo}/${year}`, presenterKey: cell.chair.key, plannedMinutes: 30, minutes: '', outcomes: [] },
    ],
    chairScores: {},
    planned: true,
    calledOn: maxDate(addDays(w.today, -rng.int(1, 3)), lastHeld ? addDays(lastHeld, 1) : w.today),
  };
}

/**
 * The account holders of a cell each get a task at its last meeting that the home page shows: a
 * secretary's due in a few days, a member's overdue by three days.
 */
export function accountHolderTasks(rng: Rng, cell: Cell, meeting: DemoMeeting, holders: readonly { memberKey: string; secretary: boolean }[], w: PresentWindow, taken: ReadonlySet<string>): PresentTask[] {
  const item = meeting.agenda.find((a) => a.title.startsWith('Nhiệm vụ trọng tâm'))!;
  const [year, mo] = [Number(meeting.date.slice(0, 4)), Number(meeting.date.slice(5, 7))];
  const specs = rng.shuffle(templatesFor(cell, year, mo).filter((t) => !taken.has(t.title)));
  const out: PresentTask[] = [];
  holders.forEach((h, i) => {
    const spec = specs[i % Math.max(1, specs.length)];
    if (!spec || !meeting.attendance.some((a) => a.memberKey === h.memberKey)) return;
    const deadline = h.secretary ? addDays(w.today, rng.int(3, 6)) : addDays(w.today, -3);
    const task: DemoTask = { title: spec.title, ownerKey: h.memberKey, deadline, doneOn: null, deliverable: spec.deliverable, priority: 'normal', coworkerKeys: [], progress: [], close: null };
    out.push({ task, given: meeting.date, helpers: [], fixed: { deadline } });
    item.outcomes.splice(item.outcomes.length - 1, 0, { kind: 'task', text: task.title, votes: null, task });
  });
  return out;
}

/** What became of each task by yesterday, graded like 2022's: done, late, not done, or still open. */
/** A task whose life is still to be drawn: a meeting's, or one a cell made of a directive. */
export interface LivingTask {
  task: DemoTaskLife & { title: string; deadline: string; doneOn: string | null };
  given: string;
  helpers: readonly string[];
  fixed?: { deadline: string };
}

export function liveTasks(rng: Rng, cell: Cell, reviewDates: readonly string[], tasks: readonly LivingTask[], w: PresentWindow): void {
  const causes = notDoneCauses(cell.info.type === 'village');
  for (const t of tasks) {
    const out = t.task;
    let doneOn = t.fixed ? null : drawDoneOn(rng, t.given, out.deadline, PRESENT_TASKS);
    if (doneOn !== null && (doneOn >= w.today || (out.deadline >= w.today && !rng.chance(EARLY_FINISH_SHOWN)))) doneOn = null;
    const overdueLong = out.deadline < addDays(w.today, -OVERDUE_OPEN_DAYS);
    const notDoneOn = doneOn !== null || !overdueLong ? null : minDate(reviewDates.find((d) => d > out.deadline) ?? w.yesterday, w.yesterday);
    out.doneOn = doneOn;
    out.priority = taskPriority(rng, out.title);
    out.coworkerKeys = pickCoworkers(rng, t.helpers);
    Object.assign(out, gradeTask(rng, { createdOn: t.given, deadline: out.deadline, doneOn, deliverable: out.deliverable, reviewDates, notDoneOn, exceededRate: 0.25, causes, lastDay: w.yesterday }));
  }
}
