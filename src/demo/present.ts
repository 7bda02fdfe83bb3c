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
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import {
  addDays,
  buildAttendance,
  cellInfo,
  drawDoneOn,
  gradeTask,
  notDoneCauses,
  OFFICE_TASKS,
  pickCoworkers,
  REASONS,
  taskPriority,
  VILLAGE_TASKS,
  type CellInfo,
  type DemoAgendaItem,
  type DemoMeeting,
  type DemoOutcome,
  type DemoTask,
} from './meetings.js';
import { MEMBER_PLEDGES, type DemoCommitment, type Pledge } from './work.js';
import {
  EXEMPLARY_CODES,
  MANIFESTATION_CODES,
  type DemoAnswer,
  type DemoCorrectionPlan,
  type DemoFeedback,
  type DemoPlanItem,
  type DemoSelfExamData,
  type DemoSelfExamination,
} from './self-examination.js';
import * as text from './present-text.js';
import { hashSeed, Rng } from './random.js';
import { daysBetween, displayDate } from '../domain/tasks.js';
import { statsPeriod, statsPeriodLabelVi } from '../domain/self-examination.js';
import { joinFullName } from '../domain/vietnamese.js';

// ---------------------------------------------------------------------------
// The window
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

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
}

interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  office: boolean;
  chair: DemoMember;
  clerk: DemoMember;
  time: string;
  names: Map<string, string>;
  meetings: DemoMeeting[];
}

const activeOn = (m: DemoMember, date: string): boolean => m.status !== 'exempt' && m.joinedOn <= date;
const comrade = (cell: Cell, key: string): string => `đồng chí ${cell.names.get(key)!}`;
const Comrade = (cell: Cell, key: string): string => `Đồng chí ${cell.names.get(key)!}`;

function fill(t: string, info: CellInfo, year: number, month: number): string {
  const quarter = Math.ceil(month / 3);
  return t
    .replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where)
    .replaceAll('{thangSau}', String(month === 12 ? 1 : month + 1))
    .replaceAll('{thang}', String(month))
    .replaceAll('{nam}', String(year))
    .replaceAll('{quy}', ROMAN[quarter - 1]!)
    .replaceAll('{quySau}', quarter === 4 ? `I/${year + 1}` : `${ROMAN[quarter]!}/${year}`);
}

/** Meeting-task templates that still make sense after 2022 (no 2022 dates, no finished land allocations). */
function templatesFor(cell: Cell, year: number, month: number): { title: string; deliverable: string }[] {
  const pool = cell.info.type === 'village' ? VILLAGE_TASKS : OFFICE_TASKS[cell.info.type];
  return pool
    .filter((t) => (!t.m || t.m.includes(month)) && (!t.k || t.k.includes(cell.unit.key)))
    .filter((t) => !/2023|COVID|Trại Khóng|Lồng Chấy/.test(t.t + t.d))
    .map((t) => ({ title: fill(t.t.replaceAll('2022', '{nam}'), cell.info, year, month), deliverable: fill(t.d.replaceAll('2022', '{nam}'), cell.info, year, month) }));
}

// ---------------------------------------------------------------------------
// Meetings and their tasks
// ---------------------------------------------------------------------------

/** Meeting day in a month: 3–10 (February 12–18, after Tết), offices on working days. */
function meetingDay(rng: Rng, month: string, office: boolean): string {
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

interface PresentTask {
  task: DemoTask;
  given: string;
  helpers: string[];
  /** Fixed on purpose (an account holder's due-soon or overdue work), not drawn. */
  fixed?: { deadline: string };
}

function cellOf(rng: Rng, unit: DemoUnit, from: string): Cell {
  const info = cellInfo(unit);
  const office = info.type !== 'village';
  const veterans = unit.members.filter((m) => m.status === 'official' && m.joinedOn < from);
  const chair = veterans.find((m) => joinFullName(m) === unit.contactName) ?? veterans[0];
  if (!chair) throw new Error(`demo present: no chair for ${unit.key}`);
  const pool = veterans.filter((m) => m.key !== chair.key && m.phone !== null);
  const clerk = rng.pick(pool.length > 0 ? pool : veterans.filter((m) => m.key !== chair.key));
  if (!clerk) throw new Error(`demo present: no clerk for ${unit.key}`);
  return {
    unit,
    info,
    office,
    chair,
    clerk,
    time: office ? (rng.chance(0.6) ? '14:00' : '08:00') : '19:30',
    names: new Map(unit.members.map((m) => [m.key, joinFullName(m)] as const)),
    meetings: [],
  };
}

function monthLabel(month: string): string {
  return `tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** One held meeting: attendance, the review of last month's resolution, news, criticism, tasks, dues. */
function heldMeeting(rng: Rng, cell: Cell, date: string, earlier: readonly PresentTask[], live: (tasks: readonly PresentTask[]) => void): { meeting: DemoMeeting; tasks: PresentTask[] } {
  const month = date.slice(0, 7);
  const [year, mo] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const participants = cell.unit.members.filter((m) => activeOn(m, date));
  const reasons = REASONS[cell.info.type === 'village' ? 'village' : cell.info.type === 'school' ? 'school' : 'office'];
  const attendance = buildAttendance(rng, date, cell.time, participants, new Set([cell.chair.key, cell.clerk.key]), reasons, { kind: 'normal', lateRate: 0.04, maxLate: 2 }, null);
  const present = attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey);
  const agenda: DemoAgendaItem[] = [];

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
  agenda.push({ title: `Đánh giá kết quả thực hiện nghị quyết ${monthLabel(previousMonth(month))}`, presenterKey: cell.chair.key, plannedMinutes: rng.int(15, 25), minutes: review.join(' '), outcomes: [] });

  const news = fill(rng.pick(text.PRESENT_NEWS), cell.info, year, mo);
  agenda.push({
    title: 'Thông tin thời sự, văn bản cấp trên',
    presenterKey: cell.clerk.key,
    plannedMinutes: rng.int(10, 20),
    minutes: `${Comrade(cell, cell.clerk.key)} thông tin tình hình thời sự trong nước, của tỉnh và xã. ${rng.pick(text.PRESENT_NEWS_CLOSINGS)}`,
    outcomes: [{ kind: 'information', text: `${news}.`, votes: null, task: null }],
  });

  const others = present.filter((k) => k !== cell.chair.key);
  if (others.length >= 2 && rng.chance(0.5)) {
    const [a, b] = rng.sample(others, 2) as [string, string];
    agenda.push({
      title: 'Tự phê bình và phê bình',
      presenterKey: cell.chair.key,
      plannedMinutes: rng.int(15, 25),
      minutes: `${Comrade(cell, a)} góp ý ${comrade(cell, b)} về ${rng.pick(text.PRESENT_CRITICISM_ASPECTS)}; ${comrade(cell, b)} tiếp thu. Các ý kiến thẳng thắn, trên tinh thần xây dựng.`,
      outcomes: [],
    });
  }

  // Not handed out again while still in hand, nor right after it was given.
  const busy = new Set(earlier.filter((t) => t.task.doneOn === null || t.task.doneOn > date || daysBetween(t.given, date) < 45).map((t) => t.task.title));
  const specs = rng.sample(templatesFor(cell, year, mo).filter((t) => !busy.has(t.title)), rng.int(2, 3));
  const owners = rng.shuffle(others.length > 0 ? others : [cell.chair.key]);
  const tasks: PresentTask[] = specs.map((spec, i) => ({
    given: date,
    helpers: present.filter((k) => k !== owners[i % owners.length]),
    task: {
      title: spec.title,
      ownerKey: owners[i % owners.length]!,
      // Most work is due within the month; the first item is sometimes a longer job (quarter-long).
      deadline: addDays(date, i === 0 && rng.chance(0.5) ? rng.int(45, 90) : rng.int(20, 45)),
      doneOn: null,
      deliverable: spec.deliverable,
      priority: 'normal',
      coworkerKeys: [],
      progress: [],
      close: null,
    },
  }));
  live(tasks);
  const voters = participants.filter((m) => present.includes(m.key) && m.officialOn !== null && m.officialOn <= date).length;
  agenda.push({
    title: `Nhiệm vụ trọng tâm tháng ${mo}/${year}`,
    presenterKey: cell.chair.key,
    plannedMinutes: rng.int(20, 35),
    minutes: rng.pick(text.PRESENT_TASK_NOTES),
    outcomes: [
      ...tasks.map((t): DemoOutcome => ({ kind: 'task', text: t.task.title, votes: null, task: t.task })),
      { kind: 'decision', text: `Biểu quyết thông qua Nghị quyết chi bộ tháng ${mo}/${year}.`, votes: { for: voters, against: 0, abstain: 0 }, task: null },
    ],
  });
  const hasDues = mo % 3 === 0;
  if (hasDues) {
    const n = participants.length;
    agenda.push({
      title: 'Thu nộp đảng phí',
      presenterKey: cell.clerk.key,
      plannedMinutes: 10,
      minutes: `Đã thu đủ đảng phí quý ${ROMAN[mo / 3 - 1]}/${year} của ${n}/${n} đảng viên, nộp Đảng ủy xã đúng hạn.`,
      outcomes: [{ kind: 'information', text: `Đảng phí quý ${ROMAN[mo / 3 - 1]}/${year}: ${n}/${n} đảng viên đã nộp.`, votes: null, task: null }],
    });
  }
  const score = (max: number, lo: number): number => rng.int(lo, max);
  return {
    meeting: {
      cellKey: cell.unit.key,
      kind: 'regular',
      topic: null,
      date,
      startTime: cell.time,
      place: cell.info.place,
      chairKey: cell.chair.key,
      secretaryKey: cell.clerk.key,
      attendance,
      agenda,
      chairScores: { prepare: score(10, 8), review: score(15, 12), criticism: score(15, 11), resolution: score(10, 8), dues: score(10, 8) },
    },
    tasks,
  };
}

/** This month's meeting, called a few days ahead: its agenda set, attendance still to be taken. */
function plannedMeeting(rng: Rng, cell: Cell, w: PresentWindow, lastHeld: string | null): DemoMeeting {
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
function accountHolderTasks(rng: Rng, cell: Cell, meeting: DemoMeeting, holders: readonly { memberKey: string; secretary: boolean }[], w: PresentWindow, taken: ReadonlySet<string>): PresentTask[] {
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
function liveTasks(rng: Rng, cell: Cell, reviewDates: readonly string[], tasks: readonly PresentTask[], w: PresentWindow): void {
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

// ---------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------

const SECTIONS_ORDER = ['political_thought', 'ethics_lifestyle', 'discipline', 'working_style', 'duties', 'fix_shortcomings', 'congress_resolution', 'directive_05'] as const;

/** Share of the year gone by on `date`. */
function yearShare(year: number, date: string): number {
  return Math.min(1, Math.max(0, daysBetween(`${year}-01-01`, date) / 365));
}

interface CommitmentContext {
  w: PresentWindow;
  committeeKey: string | null;
  accountKeys: ReadonlySet<string>;
}

/**
 * This year's pledges: registered before the cell's first meeting of the year and confirmed at it
 * by the secretary (the cell's by the committee); registered but awaiting confirmation while that
 * meeting is still ahead. Measurable lines report progress at each quarter's end gone by.
 */
function commitmentsOf(rng: Rng, cell: Cell, ctx: CommitmentContext, out: DemoCommitment[]): void {
  const { w } = ctx;
  const year = w.year;
  const first = cell.meetings.find((m) => m.date.startsWith(`${year}-`));
  const held = first && !first.planned ? first.date : null;
  const createdOn = held ? maxDate(`${year}-01-02`, addDays(held, -rng.int(2, 6))) : maxDate(`${year}-01-01`, minDate(w.today, `${year}-01-0${rng.int(2, 5)}`));
  const confirmedOn = held ? minDate(addDays(held, rng.int(0, 3)), w.yesterday) : null;
  const checkpoints = [3, 6, 9].map((m) => `${year}-${pad(m + 1)}-0${rng.int(1, 5)}`).filter((d) => d < w.today && (confirmedOn ?? w.today) <= d);
  const fits = (p: Pledge) => !p.measured && (!p.cells || p.cells.includes(cell.info.type));
  const members = cell.unit.members.filter((m) => activeOn(m, createdOn));
  for (const m of members) {
    const measurable = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && p.target && p.direction === 'more'), 2);
    const qualitative = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && !p.target), 2);
    const lines = [...qualitative, ...measurable].sort((a, b) => SECTIONS_ORDER.indexOf(a.section) - SECTIONS_ORDER.indexOf(b.section));
    const pace = 0.6 + rng.float() * 0.6;
    lines.forEach((p, i) => {
      const target = p.target ? rng.int(p.target[0], p.target[1]) : null;
      const progress =
        confirmedOn === null
          ? []
          : checkpoints.map((on) => ({
              on,
              value: target === null ? null : Math.min(target * 2, Math.round(target * yearShare(year, on) * pace)),
              note: target === null ? rng.pick(text.COMMITMENT_NOTES) : `Kết quả đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${year}.`,
              authorKey: m.key,
            }));
      out.push(commitmentLine({ key: `${m.key}/${year}/${i + 1}`, unitKey: cell.unit.key, subjectKind: 'member', memberKey: m.key, year, section: p.section, position: i + 1, title: p.title, target, unit: p.unit ?? null, direction: p.direction ?? null, evidence: p.evidence, createdOn, createdByKey: m.key, confirmedOn, confirmedByKey: cell.chair.key, progress }));
    });
  }
  // The cell's own targets, confirmed by the commune committee, measured from its meetings and tasks.
  const heldThisYear = cell.meetings.filter((m) => !m.planned && m.date.startsWith(`${year}-`));
  const attendance = (until: string) => {
    let present = 0;
    let total = 0;
    for (const m of heldThisYear.filter((x) => x.date <= until)) {
      for (const a of m.attendance) if (a.role === 'member') (total++, a.status === 'present' && present++);
    }
    return total === 0 ? null : Math.round((present / total) * 100);
  };
  const onTime = (until: string) => {
    const closed = heldThisYear.flatMap((m) => m.agenda.flatMap((a) => a.outcomes)).flatMap((o) => (o.task?.close && o.task.close.on <= until ? [o.task.close.outcome] : []));
    return closed.length === 0 ? null : Math.round((closed.filter((x) => x === 'on_time' || x === 'exceeded').length / closed.length) * 100);
  };
  const cellLines = [
    { ...text.CELL_TARGETS.attendance, target: rng.pick([90, 95]), measure: attendance },
    { ...text.CELL_TARGETS.tasksOnTime, target: rng.pick([80, 85, 90]), measure: onTime },
  ];
  cellLines.forEach((l, i) => {
    const progress = confirmedOn === null ? [] : checkpoints.flatMap((on) => (l.measure(on) === null ? [] : [{ on, value: l.measure(on), note: `Số liệu đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${year}.`, authorKey: cell.chair.key }]));
    out.push(commitmentLine({ key: `${cell.unit.key}/${year}/${i + 1}`, unitKey: cell.unit.key, subjectKind: 'unit', memberKey: null, year, section: 'duties', position: i + 1, title: l.title, target: l.target, unit: l.unit, direction: 'more', evidence: l.evidence, createdOn, createdByKey: cell.chair.key, confirmedOn, confirmedByKey: ctx.committeeKey, progress }));
  });
}

function commitmentLine(c: {
  key: string;
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  year: number;
  section: DemoCommitment['section'];
  position: number;
  title: string;
  target: number | null;
  unit: string | null;
  direction: DemoCommitment['direction'];
  evidence: string;
  createdOn: string;
  createdByKey: string;
  confirmedOn: string | null;
  confirmedByKey: string | null;
  progress: DemoCommitment['progress'];
}): DemoCommitment {
  const measurable = c.target !== null;
  return {
    key: c.key,
    unitKey: c.unitKey,
    subjectKind: c.subjectKind,
    memberKey: c.memberKey,
    year: c.year,
    section: c.section,
    position: c.position,
    kind: measurable ? 'measurable' : 'qualitative',
    title: c.title,
    targetValue: c.target,
    measureUnit: measurable ? c.unit : null,
    direction: measurable ? c.direction : null,
    actualValue: measurable ? (c.progress.at(-1)?.value ?? null) : null,
    evidence: c.evidence,
    createdOn: c.createdOn,
    createdByKey: c.createdByKey,
    confirmedOn: c.confirmedOn,
    confirmedByKey: c.confirmedOn ? c.confirmedByKey : null,
    progress: c.progress,
    result: null,
    resultPercent: null,
    evaluationNote: null,
    evaluatedOn: null,
    evaluatedByKey: null,
    earlyEvaluationReason: null,
  };
}

// ---------------------------------------------------------------------------
// Self-examination, feedback, correction plans
// ---------------------------------------------------------------------------

const at = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;

function dayIn(rng: Rng, from: string, to: string): string {
  return to <= from ? from : addDays(from, rng.int(0, daysBetween(from, to)));
}

interface SelfExamBuilder {
  w: PresentWindow;
  data: DemoSelfExamData;
  plans: Map<string, DemoCorrectionPlan>;
}

function planOf(b: SelfExamBuilder, cell: Cell, memberKey: string, year: number, createdAt: string): DemoCorrectionPlan {
  const key = `${memberKey}/${year}`;
  let plan = b.plans.get(key);
  if (!plan) {
    plan = { key, cellKey: cell.unit.key, memberKey, year, createdAt, updatedAt: createdAt };
    b.plans.set(key, plan);
    b.data.plans.push(plan);
  }
  if (createdAt > plan.updatedAt) plan.updatedAt = createdAt;
  return plan;
}

/** Who verifies a member's items and reviews their self-examination: the secretary, or for the secretary the clerk. */
const verifierOf = (cell: Cell, memberKey: string): string => (memberKey === cell.chair.key ? cell.clerk.key : cell.chair.key);

/**
 * A plan item's life until yesterday: due and mostly fixed (claimed, then verified), some claimed
 * and waiting, a few open past the deadline or returned; not yet due: open, some with a note.
 */
function planItemLife(rng: Rng, b: SelfExamBuilder, cell: Cell, item: DemoPlanItem): void {
  const { w } = b;
  const verifier = verifierOf(cell, item.memberKey);
  const created = item.createdAt.slice(0, 10);
  const r = rng.float();
  if (item.deadline < w.today && r < 0.92) {
    const claimedOn = dayIn(rng, addDays(created, 3), minDate(item.deadline, w.yesterday));
    item.progress.push({ kind: 'claimed', note: rng.pick(text.PRESENT_CLAIMS), authorKey: item.memberKey, at: at(rng, claimedOn) });
    item.status = 'claimed';
    item.claimedOn = claimedOn;
    const verifiedOn = addDays(claimedOn, rng.int(1, 10));
    if (r < 0.85 && verifiedOn < w.today) {
      const back = r > 0.8;
      item.progress.push({ kind: back ? 'returned' : 'fixed', note: back ? text.PRESENT_RETURNED : rng.pick(text.PRESENT_FIXED), authorKey: verifier, at: at(rng, verifiedOn) });
      item.status = back ? 'returned' : 'fixed';
      item.verifiedOn = back ? null : verifiedOn;
      item.verifiedByKey = back ? null : verifier;
      item.verificationComment = back ? text.PRESENT_RETURNED : item.progress.at(-1)!.note;
      if (back) item.claimedOn = null;
    }
  } else if (rng.chance(0.5) && addDays(created, 5) < w.today) {
    const on = dayIn(rng, addDays(created, 5), w.yesterday);
    item.progress.push({ kind: 'note', note: rng.pick(text.PRESENT_PLAN_NOTES), authorKey: item.memberKey, at: at(rng, on) });
  }
  const lastAt = item.progress.at(-1)?.at;
  if (lastAt && lastAt > item.updatedAt) item.updatedAt = lastAt;
}

function answersFor(rng: Rng): DemoAnswer[] {
  const risky = new Set(rng.chance(0.25) ? rng.sample(MANIFESTATION_CODES.filter((c) => !c.startsWith('CT')), 1) : []);
  const limited = new Set(rng.sample(EXEMPLARY_CODES, rng.int(0, 2)));
  return [
    ...MANIFESTATION_CODES.map((code) => ({ code, mark: risky.has(code) ? ('at_risk' as const) : ('none' as const), note: risky.has(code) ? 'Tự nhận thấy có nguy cơ, đã đề ra cách khắc phục.' : null })),
    ...EXEMPLARY_CODES.map((code) => ({ code, mark: limited.has(code) ? ('limited' as const) : ('good' as const), note: null })),
  ];
}

/**
 * One quarter's self-examinations in a cell: the period before this one complete (submitted and
 * mostly reviewed), this one open (members submit as the quarter goes, some still drafting).
 */
function quarterExams(rng: Rng, b: SelfExamBuilder, cell: Cell, q: DemoQuarter, open: boolean, forced: ReadonlySet<string>): void {
  const { w } = b;
  const share = open ? Math.min(0.8, 0.15 + 0.75 * (daysBetween(q.from, w.today) / Math.max(1, daysBetween(q.from, q.to)))) : 0.95;
  const writeFrom = open ? q.from : addDays(q.to, -20);
  const writeTo = open ? w.yesterday : minDate(addDays(q.to, 10), w.yesterday);
  for (const m of cell.unit.members.filter((x) => activeOn(x, q.from))) {
    const r = rng.float();
    const mustDraft = forced.has(m.key);
    if (!mustDraft && r >= share + 0.1) continue;
    const submitted = !mustDraft && r < share;
    const created = dayIn(rng, writeFrom, writeTo < writeFrom ? writeFrom : writeTo);
    const submittedOn = submitted ? dayIn(rng, created, writeTo) : null;
    const reviewedOn = submittedOn && rng.chance(open ? 0.5 : 0.9) ? addDays(submittedOn, rng.int(2, 12)) : null;
    const reviewed = reviewedOn !== null && reviewedOn < w.today;
    const key = `${m.key}/Q${q.year}-${q.quarter}`;
    const shortcomings = rng.sample(text.PRESENT_SHORTCOMINGS, rng.int(1, 2)).map((s, i) => ({
      key: `${key}/s${i + 1}`,
      text: s.text,
      causeKind: s.causeKind,
      cause: s.cause,
      plan: { action: s.action, deadline: addDays(submittedOn ?? created, rng.int(30, 75)), successCriteria: s.criteria },
    }));
    // What came of last quarter's corrections, as the member writes it.
    const followups = b.data.planItems
      .filter((i) => i.memberKey === m.key && i.createdAt.slice(0, 10) < q.from)
      .slice(-2)
      .map((i, n) => ({ key: `${key}/f${n + 1}`, planItemKey: i.key, shortcoming: i.shortcoming, status: i.status, result: text.PRESENT_FOLLOWUP_RESULT[i.status === 'fixed' ? 'fixed' : 'other'] }));
    const createdAt = at(rng, created);
    const submittedAt = submittedOn ? maxDate(at(rng, submittedOn), createdAt) : null;
    const exam: DemoSelfExamination = {
      key,
      cellKey: cell.unit.key,
      memberKey: m.key,
      periodKind: 'quarter',
      year: q.year,
      quarter: q.quarter,
      status: reviewed ? 'reviewed' : submitted ? 'submitted' : 'draft',
      strengths: submitted || rng.chance(0.5) ? rng.pick(text.PRESENT_STRENGTHS) : '',
      answers: submitted ? answersFor(rng) : answersFor(rng).slice(0, rng.int(5, 30)),
      shortcomings: submitted ? shortcomings : shortcomings.slice(0, 1),
      followups,
      revision: rng.int(2, 9),
      createdAt,
      updatedAt: reviewed ? at(rng, reviewedOn!) : (submittedAt ?? createdAt),
      submittedAt,
      reviewedAt: reviewed ? at(rng, reviewedOn!) : null,
      reviewedByKey: reviewed ? verifierOf(cell, m.key) : null,
      reviewComment: reviewed ? rng.pick(text.PRESENT_REVIEW_COMMENTS) : null,
    };
    if (exam.reviewedAt && submittedAt && exam.reviewedAt < submittedAt) exam.reviewedAt = exam.updatedAt = submittedAt;
    b.data.selfExaminations.push(exam);
    if (!submitted) continue;
    // Submitting turns the proposed corrections into the plan's items (the self-examination service does the same).
    const plan = planOf(b, cell, m.key, q.year, submittedAt!);
    for (const s of shortcomings) {
      const item: DemoPlanItem = {
        key: `${s.key}/item`,
        planKey: plan.key,
        cellKey: cell.unit.key,
        memberKey: m.key,
        year: q.year,
        position: b.data.planItems.filter((i) => i.planKey === plan.key).length + 1,
        shortcoming: s.text,
        action: s.plan.action,
        deadline: s.plan.deadline,
        successCriteria: s.plan.successCriteria,
        sourceKind: 'self_examination',
        selfExamKey: key,
        feedbackKey: null,
        status: 'open',
        claimedOn: null,
        verifiedOn: null,
        verifiedByKey: null,
        verificationComment: null,
        createdByKey: m.key,
        createdAt: submittedAt!,
        updatedAt: submittedAt!,
        progress: [],
      };
      planItemLife(rng, b, cell, item);
      b.data.planItems.push(item);
    }
  }
}

/**
 * Feedback in the cell's last three meetings and in the last two weeks outside them: the older
 * answered (accepted into a plan item, or explained), the recent waiting for an answer.
 */
function cellFeedback(rng: Rng, b: SelfExamBuilder, cell: Cell, mustReceive: readonly string[]): void {
  const { w } = b;
  const held = cell.meetings.filter((m) => !m.planned).slice(-3);
  const occasions: { on: string; meetingDate: string | null; present: string[] }[] = held.map((m) => ({
    on: m.date,
    meetingDate: m.date,
    present: m.attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey),
  }));
  const members = cell.unit.members.filter((m) => activeOn(m, w.today)).map((m) => m.key);
  occasions.push({ on: dayIn(rng, addDays(w.today, -14), w.yesterday), meetingDate: null, present: members });
  let n = 0;
  const give = (o: (typeof occasions)[number], giver: string, receiver: string | null) => {
    const spec = rng.pick(text.PRESENT_FEEDBACK);
    const upward = receiver === null;
    const up = rng.pick(text.PRESENT_UPWARD);
    const key = `${cell.unit.key}/${o.on}/${++n}`;
    const createdAt = o.meetingDate ? `${o.on}T13:${pad(rng.int(0, 59))}:00.000Z` : at(rng, o.on);
    const age = daysBetween(o.on, w.today);
    const answered = age > 10 && rng.chance(0.85);
    const accept = answered && rng.chance(0.7);
    const answeredOn = answered ? minDate(addDays(o.on, rng.int(2, 9)), w.yesterday) : null;
    const answerer = upward ? cell.chair.key : receiver;
    const f: DemoFeedback = {
      key,
      cellKey: cell.unit.key,
      direction: upward ? 'upward' : 'member_to_member',
      giverKey: giver,
      receiverKey: receiver,
      anonymous: false,
      topic: upward ? 'cell_leadership' : spec.topic,
      text: upward ? up.text : spec.text.replaceAll('{thon}', cell.info.village ? `thôn ${cell.info.village}` : cell.info.where),
      meetingDate: o.meetingDate,
      manifestationCode: null,
      status: answered ? (accept ? 'accepted' : 'explained') : 'open',
      answerText: answered ? (upward ? up.answer : accept ? 'Tôi tiếp thu ý kiến, đưa vào kế hoạch tự sửa.' : spec.explain) : null,
      answeredAt: answeredOn ? maxDate(at(rng, answeredOn), createdAt) : null,
      answeredByKey: answered ? answerer : null,
      givenOn: o.on,
      createdAt,
      updatedAt: answeredOn ? maxDate(at(rng, answeredOn), createdAt) : createdAt,
    };
    b.data.feedback.push(f);
    if (!accept || !answerer) return;
    const year = Number(answeredOn!.slice(0, 4));
    const plan = planOf(b, cell, answerer, year, f.answeredAt!);
    const item: DemoPlanItem = {
      key: `${key}/item`,
      planKey: plan.key,
      cellKey: cell.unit.key,
      memberKey: answerer,
      year,
      position: b.data.planItems.filter((i) => i.planKey === plan.key).length + 1,
      shortcoming: upward ? up.text : spec.text.replaceAll('{thon}', cell.info.village ? `thôn ${cell.info.village}` : cell.info.where),
      action: upward ? up.answer : spec.action,
      deadline: addDays(answeredOn!, rng.int(30, 60)),
      successCriteria: upward ? 'Đảng viên xác nhận tại kỳ sinh hoạt tới' : spec.criteria,
      sourceKind: 'feedback',
      selfExamKey: null,
      feedbackKey: key,
      status: 'open',
      claimedOn: null,
      verifiedOn: null,
      verifiedByKey: null,
      verificationComment: null,
      createdByKey: answerer,
      createdAt: f.answeredAt!,
      updatedAt: f.answeredAt!,
      progress: [],
    };
    planItemLife(rng, b, cell, item);
    b.data.planItems.push(item);
  };
  for (const o of occasions) {
    const pool = o.present.filter((k) => members.includes(k));
    if (pool.length < 2) continue;
    for (let i = rng.int(1, 2); i > 0; i--) {
      const [giver, receiver] = rng.sample(pool, 2) as [string, string];
      give(o, giver, receiver);
    }
    if (o.meetingDate === null && rng.chance(0.5)) give(o, rng.pick(pool.filter((k) => k !== cell.chair.key)), null);
  }
  // The demo's members see feedback waiting for their answer on their own page.
  const recent = occasions.at(-1)!;
  for (const receiver of mustReceive) {
    const giver = rng.pick(members.filter((k) => k !== receiver));
    if (!giver) continue;
    // Given within the last week: too recent to be answered yet.
    give({ ...recent, meetingDate: null, on: dayIn(rng, addDays(w.today, -6), w.yesterday) }, giver, receiver);
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * The present of every cell as of `today`, in the commune's order. Same result for the same
 * `today`; each cell and area draws from its own stream salted with the day.
 */
export function buildDemoPresent(commune: DemoCommune, today: string): DemoPresent {
  const w = presentWindow(today);
  const salt = Number(today.replaceAll('-', ''));
  const stream = (name: string) => new Rng(hashSeed(`present/${name}`, salt));
  const from = w.heldMonths.length > 0 ? `${w.heldMonths[0]}-01` : `${w.today.slice(0, 7)}-01`;
  const top = commune.units.find((u) => u.parentKey === null)?.key;
  const committeeKey = commune.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee' && r.unitKey === top))?.memberKey ?? null;
  const holders = new Map<string, { memberKey: string; secretary: boolean }[]>();
  for (const a of commune.accounts) {
    if (!a.memberKey) continue;
    const unitKey = a.roles.find((r) => r.role === 'member')?.unitKey;
    if (!unitKey) continue;
    holders.set(unitKey, [...(holders.get(unitKey) ?? []), { memberKey: a.memberKey, secretary: a.roles.some((r) => r.role !== 'member') }]);
  }
  const accountKeys = new Set(commune.accounts.flatMap((a) => (a.memberKey ? [a.memberKey] : [])));

  const meetings: DemoMeeting[] = [];
  const commitments: DemoCommitment[] = [];
  const b: SelfExamBuilder = { w, data: { lowParticipationCells: [], selfExaminations: [], feedback: [], plans: [], planItems: [] }, plans: new Map() };
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const rng = stream(`${unit.key}/meetings`);
    const cell = cellOf(rng, unit, from);
    const tasks: PresentTask[] = [];
    // The days first: a task's life (closed at the next meeting, carried over) needs them.
    const dates = w.heldMonths.map((month) => meetingDay(rng, month, cell.office));
    const lives = stream(`${unit.key}/tasks`);
    const live = (list: readonly PresentTask[]) => liveTasks(lives, cell, dates, list, w);
    for (const date of dates) {
      const held = heldMeeting(rng, cell, date, tasks, live);
      cell.meetings.push(held.meeting);
      tasks.push(...held.tasks);
    }
    const last = cell.meetings.at(-1);
    if (last) live(accountHolderTasks(stream(`${unit.key}/accounts`), cell, last, holders.get(unit.key) ?? [], w, new Set(tasks.filter((t) => t.given === last.date).map((t) => t.task.title))));
    cell.meetings.push(plannedMeeting(rng, cell, w, last?.date ?? null));
    meetings.push(...cell.meetings);

    commitmentsOf(stream(`${unit.key}/commitments`), cell, { w, committeeKey, accountKeys }, commitments);

    const exams = stream(`${unit.key}/self-examination`);
    const forced = new Set((holders.get(unit.key) ?? []).map((h) => h.memberKey));
    if (w.previousQuarter) quarterExams(exams, b, cell, w.previousQuarter, false, new Set());
    quarterExams(exams, b, cell, w.quarter, true, forced);
    cellFeedback(stream(`${unit.key}/feedback`), b, cell, (holders.get(unit.key) ?? []).map((h) => h.memberKey));
  }
  return { window: w, meetings, commitments, selfExam: b.data };
}

/** "Quý IV/2026 (01/10/2026–31/12/2026)": the open self-examination period, for the summary. */
export function shownPeriod(q: DemoQuarter): string {
  return `${statsPeriodLabelVi(`${q.year}-Q${q.quarter}`)} (${displayDate(q.from)}–${displayDate(q.to)})`;
}
