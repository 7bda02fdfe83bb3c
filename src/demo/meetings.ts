/**
 * A year (2022) of cell meetings for the demo commune, consistent with its members. Chi bộ
 * thôn Đồng Thứ tells the article's story: members late from January to March 2022, then
 * the April 2022 meeting where everyone came on time, spoke frankly, and every task of the
 * month had a named owner. Each task also carries what became of it by the end of 2022 — what
 * counts as done (none for Đồng Thứ's vague tasks of January–March), priority, helpers, the
 * owner's progress reports and the graded close — for the tasks issue. Deterministic (seeded
 * PRNG) and pure: no ids. The words — news, task templates, what the minutes say, progress
 * reports and closing comments — are in story/meetings*.json.
 */
import { Rng, hashSeed } from './random.js';
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import type { TaskOutcome, TaskPriority } from '../shared/enums.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { classifyOutcome, daysBetween } from '../domain/tasks.js';
import { joinFullName } from '../domain/vietnamese.js';
import { readStory } from './story.js';

export interface DemoAttendance {
  /** DemoMember.key of a member of the cell, or of a guest from the commune committee. */
  memberKey: string;
  role: 'member' | 'guest';
  /** `pending` only at a meeting still planned (the present year's next one). */
  status: 'present' | 'excused' | 'absent' | 'exempt' | 'pending';
  /** ISO UTC instant; only for present. */
  arrivedAt: string | null;
  reason: string | null;
  reported: 'before' | 'after' | null;
}

export interface DemoOutcome {
  kind: 'information' | 'decision' | 'task';
  text: string;
  votes: { for: number; against: number; abstain: number } | null;
  task: DemoTask | null;
}

/** A progress report (báo cáo tiến độ) by the task's owner. */
export interface DemoTaskProgress {
  on: string; // yyyy-mm-dd
  percent: number;
  text: string;
}

/** How the assigner closed a task: the graded outcome, when, and a short comment. */
export interface DemoTaskClose {
  outcome: TaskOutcome;
  on: string; // yyyy-mm-dd
  comment: string;
}

/** What happened to a task after it was given: shared by meeting, directive and hand-down tasks. */
export interface DemoTaskLife {
  /** Rõ trách nhiệm: what counts as done; null for the vague tasks of Đồng Thứ's early 2022. */
  deliverable: string | null;
  priority: TaskPriority;
  /** DemoMember keys of members working with the owner. */
  coworkerKeys: string[];
  /** Rising percent, the last one 100 when the work was finished. */
  progress: DemoTaskProgress[];
  /** Null: still open at the end of 2022. */
  close: DemoTaskClose | null;
}

export interface DemoTask extends DemoTaskLife {
  title: string;
  ownerKey: string;
  deadline: string; // yyyy-mm-dd
  /** Finished on this date, or never in 2022 (null). */
  doneOn: string | null;
}

export interface DemoAgendaItem {
  title: string;
  presenterKey: string | null;
  plannedMinutes: number;
  minutes: string;
  outcomes: DemoOutcome[];
}

export interface DemoMeeting {
  cellKey: string;
  kind: 'regular' | 'thematic';
  topic: string | null;
  date: string; // yyyy-mm-dd
  startTime: string; // HH:MM local
  place: string;
  chairKey: string;
  secretaryKey: string;
  attendance: DemoAttendance[];
  agenda: DemoAgendaItem[];
  /** Points the chair gave to the criteria the data cannot answer, by rubric criterion code. */
  chairScores: Record<string, number>;
  /** Still to be held (the present's next meeting): attendance pending, agenda without minutes. */
  planned?: boolean;
  /** When a planned meeting was called (its invitation went out). */
  calledOn?: string;
}

// ---------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------

export const DEMO_MEETINGS_YEAR = 2022;

const YEAR = DEMO_MEETINGS_YEAR;
const DONG_THU = 'cell-dong-thu';

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, n: number): string => new Date(dayMs(date) + n * 86_400_000).toISOString().slice(0, 10);
/** The last day of the demo year: nothing in the 2022 data happens after it. */
export const YEAR_END = `${YEAR}-12-31`;
const minDate = (a: string, b: string): string => (a < b ? a : b);
const weekday = (date: string): number => new Date(dayMs(date)).getUTCDay(); // 0 = Sunday
const ddmm = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Holidays in 2022 within the meeting windows (New Year observed, Hùng Kings, 30/4–1/5 observed, National Day). */
const HOLIDAYS = new Set(['2022-01-03', '2022-04-10', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01', '2022-09-02']);

function instant(date: string, time: string, offsetMs: number): string {
  return new Date(Date.parse(meetingStartsAt(date, time)) + offsetMs).toISOString();
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

export type CellType = 'village' | 'party_office' | 'people_committee' | 'police' | 'military' | 'school' | 'health';

export interface CellInfo {
  type: CellType;
  /** Village name for village cells ("Đồng Thứ"), else null. */
  village: string | null;
  place: string;
  /** Short way to refer to the cell's area or workplace in minutes text. */
  where: string;
}

export function cellInfo(unit: DemoUnit): CellInfo {
  const places = STORY.places;
  if (unit.villageName !== null) {
    const thon = `thôn ${unit.villageName}`;
    return { type: 'village', village: unit.villageName, place: places.village.place.replace('{thon}', thon), where: places.village.where.replace('{thon}', thon) };
  }
  const office = places.offices[unit.key];
  if (office) return { type: office.type, village: null, place: office.place, where: office.where };
  const org = unit.name.replace(/^Chi bộ /, '');
  if (/^Trường /.test(org)) return { type: 'school', village: null, place: places.school.place.replace('{donVi}', org), where: places.school.where };
  return { type: 'party_office', village: null, place: places.other.place.replace('{donVi}', org), where: places.other.where };
}

// ---------------------------------------------------------------------------
// Text material
// ---------------------------------------------------------------------------

/** How a cell's meeting place reads: "{thon}" is "thôn Đồng Thứ", "{donVi}" the office's name. */
interface PlaceText {
  place: string;
  where: string;
}

/** The words of the minutes, from story/meetings.json. */
interface MeetingsStory {
  /** What the commune passed down each month of 2022 ("Thông tin thời sự, văn bản cấp trên"), January first. */
  monthNews: readonly string[];
  /** Where a cell meets and how the minutes name its area or workplace. */
  places: {
    village: PlaceText;
    /** The commune's offices, by cell key. */
    offices: Record<string, PlaceText & { type: Exclude<CellType, 'village' | 'school'> }>;
    school: PlaceText;
    other: PlaceText;
  };
  /** How the minutes introduce a visiting commune committee member, by their role. */
  guestTitles: Record<'party_committee' | 'inspection', string>;
  /** Why a member was excused (vắng có lý do), by kind of cell. */
  absenceReasons: Record<'village' | 'office' | 'school', readonly string[]>;
  /** Why work was not done ("do …"), by kind of cell. */
  notDoneCauses: Record<'village' | 'office', readonly string[]>;
  /** The sentence closing the news item, by kind of cell. */
  newsClosings: Record<'village' | 'office', readonly string[]>;
  /** Agenda titles and the minutes' set sentences; see AgendaText. */
  agenda: AgendaText;
  minutes: MinutesText;
}

/**
 * The agenda items' titles and set sentences. People: {Chair}, {Presenter}, {Clerk}, {Critic},
 * {Guest} read "Đồng chí …" at the start of a sentence, {target} "đồng chí …" inside one;
 * {thang}/{nam}: the month and year, {thangTruoc}: "tháng 3/2022", {thon}: the cell's area.
 */
type AgendaText = Record<
  | 'reviewTitle' | 'carriedOver' | 'newsTitle' | 'newsMinutes' | 'criticismTitle' | 'criticismPair' | 'criticismNone'
  | 'tasksTitle' | 'resolution' | 'thematicReportTitle' | 'thematicReport' | 'discussionTitle' | 'discussionSpeakers'
  | 'discussionNone' | 'discussionGuest' | 'followUpTitle' | 'followUp' | 'conclusionTitle' | 'conclusion' | 'thematicPlan'
  | 'frankSelfCriticism' | 'frankCritique' | 'frankGuest',
  string
> & {
  /** The review at the year's first meeting, by kind of cell. */
  reviewFirst: Record<'village' | 'office', string>;
};

/** Sentences of the minutes; {Chair} is "Đồng chí …" (the chair), {n} a count. */
interface MinutesText {
  /** Đồng Thứ's early 2022 review: vague. */
  reviewTimid: string;
  /** One is added to about half the reviews; the first is what Đồng Thứ's April review said. */
  reviewRemarks: readonly string[];
  /** Added to Đồng Thứ's early 2022 review: how many came late. */
  timidLateness: string;
  /** What one member criticises another for at an ordinary cell. */
  criticismAspects: readonly string[];
  /** Đồng Thứ's early 2022 criticism item: nể nang, nothing said. */
  timidCriticism: readonly string[];
  /** April 2022 in Đồng Thứ: what each of the five members was criticised for, in order. */
  frankAspects: readonly string[];
  frankOutcome: string;
  thematicPresentationNotes: readonly string[];
  /** The follow-up on the previous quarter's topic. */
  thematicFollowUps: readonly string[];
  /** How the month's tasks were given: vague (early 2022 Đồng Thứ), frank (its April), or ordinary. */
  taskNotes: { timid: string; frank: string; ordinary: readonly string[] };
}

/** The task templates, from story/meetings-tasks.json. */
interface MeetingTasksStory {
  /** Collected at the quarter's last meeting ("Thu nộp đảng phí"); the month before, someone chases it. */
  duesTask: TaskTemplate;
  /** "duesTask" in a list stands for the dues task at that place. */
  villageTasks: readonly (TaskTemplate | 'duesTask')[];
  officeTasks: Record<Exclude<CellType, 'village'>, readonly (TaskTemplate | 'duesTask')[]>;
  /** Đồng Thứ before April 2022: tasks "giao chung chung" — an owner only because the form needs one. */
  vagueTasks: readonly string[];
  thematicTopics: readonly ThematicTopic[];
  /** April 2022 in Đồng Thứ: one task per owner, in order; {han} is the deadline (dd/mm). */
  aprilTasks: readonly TaskSpec[];
  /** The cells (keys) where some of 2022's work ran late; the others finished every task on time. */
  lateCells2022: readonly string[];
}

export interface TaskTemplate {
  t: string;
  /** The deliverable: what counts as done (rõ trách nhiệm). */
  d: string;
  /** Months (1–12) in which the task makes sense; every month when absent. */
  m?: readonly number[];
  /** Only for these cells (keys); every cell of the type when absent. */
  k?: readonly string[];
}

interface ThematicTopic {
  topic: string;
  villageOnly?: boolean;
  task: string;
  deliverable: string;
}

const STORY = readStory<MeetingsStory>('meetings');
const MINUTES = STORY.minutes;
const AGENDA = STORY.agenda;

/** A story text with its `{placeholders}` filled in (in one pass: a filled-in value is not read again). */
function say(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
const TASKS = readStory<MeetingTasksStory>('meetings-tasks');

const withDues = (list: readonly (TaskTemplate | 'duesTask')[]): TaskTemplate[] =>
  list.map((t) => (t === 'duesTask' ? TASKS.duesTask : t));

export const VILLAGE_TASKS: readonly TaskTemplate[] = withDues(TASKS.villageTasks);

export const OFFICE_TASKS: Record<Exclude<CellType, 'village'>, readonly TaskTemplate[]> = {
  party_office: withDues(TASKS.officeTasks.party_office),
  people_committee: withDues(TASKS.officeTasks.people_committee),
  police: withDues(TASKS.officeTasks.police),
  military: withDues(TASKS.officeTasks.military),
  school: withDues(TASKS.officeTasks.school),
  health: withDues(TASKS.officeTasks.health),
};

export const REASONS: Record<'village' | 'office' | 'school', readonly string[]> = STORY.absenceReasons;

// ---------------------------------------------------------------------------
// Building one cell's year
// ---------------------------------------------------------------------------

/** Where a Đồng Thứ meeting sits in the article's story; null for every other cell. */
type StoryPhase = 'timid' | 'frank' | 'after' | null;

export interface Guest {
  member: DemoMember;
  title: string;
}

interface TaskRecord {
  title: string;
  ownerKey: string;
  deadline: string;
  doneOn: string | null;
  meetingDate: string;
  /** The outcome's task; its life (progress, close…) is filled in once the cell's year is built. */
  out: DemoTask;
  /** Other members at the meeting, who may be asked to help. */
  helpers: string[];
}

/** A task template filled in for a cell and month. */
interface TaskSpec {
  title: string;
  deliverable: string | null;
}

interface MeetingContext {
  rng: Rng;
  unit: DemoUnit;
  info: CellInfo;
  kind: 'regular' | 'thematic';
  month: number;
  date: string;
  time: string;
  chair: DemoMember;
  clerk: DemoMember;
  /** Member participants who were present. */
  present: DemoMember[];
  participants: DemoMember[];
  guest: Guest | null;
  names: Map<string, string>;
  /** Đồng Thứ before April 2022: tasks "giao chung chung", with no deliverable. */
  vague: boolean;
}

const comrade = (ctx: MeetingContext, m: DemoMember): string => `đồng chí ${ctx.names.get(m.key)!}`;
const Comrade = (ctx: MeetingContext, m: DemoMember): string => `Đồng chí ${ctx.names.get(m.key)!}`;

function fill(t: string, info: CellInfo, month: number): string {
  const quarter = Math.ceil(month / 3);
  return t
    .replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where)
    .replaceAll('{thangSau}', String(month === 12 ? 1 : month + 1))
    .replaceAll('{thang}', String(month))
    .replaceAll('{quy}', ROMAN[quarter - 1]!)
    .replaceAll('{quySau}', quarter === 4 ? 'I/2023' : `${ROMAN[quarter]!}/2022`);
}

/** Choose the meeting day: `from`–`to` of the month, never a holiday; offices also avoid weekends. */
function pickDay(rng: Rng, month: number, from: number, to: number, office: boolean, avoid: string | null): string {
  const days: string[] = [];
  for (let d = from; d <= to; d++) {
    const date = isoDate(YEAR, month, d);
    if (date === avoid) continue;
    if (HOLIDAYS.has(date) || (office && (weekday(date) === 0 || weekday(date) === 6))) continue;
    days.push(date);
  }
  return rng.pick(days);
}

function taskOutcome(task: TaskRecord): DemoOutcome {
  return { kind: 'task', text: task.title, votes: null, task: task.out };
}

/** A task as decided at a meeting; work running past the year's end was finished in its last days (2022 left nothing undone). */
function taskRecord(ctx: MeetingContext, spec: TaskSpec, owner: DemoMember, deadline: string, doneOn: string | null): TaskRecord {
  const done = doneOn === null ? null : minDate(doneOn, YEAR_END);
  const out: DemoTask = {
    title: spec.title,
    ownerKey: owner.key,
    deadline,
    doneOn: done,
    deliverable: ctx.vague ? null : spec.deliverable,
    priority: 'normal',
    coworkerKeys: [],
    progress: [],
    close: null,
  };
  const helpers = ctx.participants.filter((m) => m.key !== owner.key).map((m) => m.key);
  return { title: spec.title, ownerKey: owner.key, deadline, doneOn: done, meetingDate: ctx.date, out, helpers };
}

export interface TaskOptions {
  /** Share of tasks left open at the end of the data. */
  openRate: number;
  /** Share done very late (2–6 weeks after the deadline). */
  veryLateRate: number;
  /** Days late when late: [min, max]. */
  lateDays: readonly [number, number];
  /** Share done after the deadline. */
  lateRate: number;
  deadlineDays: readonly [number, number];
}

function makeTask(ctx: MeetingContext, spec: TaskSpec, owner: DemoMember, opts: TaskOptions): TaskRecord {
  const { rng, date } = ctx;
  // Nothing is due after the demo year: December's tasks are due by 31/12.
  const deadline = addDays(date, rng.int(opts.deadlineDays[0], Math.min(opts.deadlineDays[1], daysBetween(date, YEAR_END))));
  return taskRecord(ctx, spec, owner, deadline, drawDoneOn(rng, date, deadline, opts));
}

/**
 * When work given on `given` and due on `deadline` was finished (null: never). Shared with the
 * directive and hand-down tasks of demo-work.ts, so every 2022 task is late or open alike.
 */
export function drawDoneOn(rng: Rng, given: string, deadline: string, opts: Omit<TaskOptions, 'deadlineDays'>): string | null {
  let doneOn: string | null;
  if (rng.chance(opts.openRate)) doneOn = null;
  else if (rng.chance(opts.veryLateRate)) doneOn = addDays(deadline, rng.int(14, 42));
  else if (rng.chance(opts.lateRate)) doneOn = addDays(deadline, rng.int(opts.lateDays[0], opts.lateDays[1]));
  else {
    doneOn = addDays(deadline, -rng.int(0, 10));
    if (doneOn <= addDays(given, 2)) doneOn = addDays(given, rng.int(3, 6));
  }
  return doneOn;
}

/**
 * How a cell's work of 2022 turned out, Đồng Thứ's first quarter aside: in the cells the story
 * names (`lateCells2022`) some tasks ran late, never more than a few; everywhere else every task
 * was finished by its deadline. Nothing was left undone: the commune the article praises, whose
 * yearly rating (QĐ 366: "Hoàn thành tốt" needs every task on time) says so.
 */
export function taskOptions2022(cellKey: string): Omit<TaskOptions, 'deadlineDays'> {
  return TASKS.lateCells2022.includes(cellKey)
    ? { openRate: 0, veryLateRate: 0.02, lateRate: 0.06, lateDays: [1, 7] }
    : { openRate: 0, veryLateRate: 0, lateRate: 0, lateDays: [1, 7] };
}

function ordinaryTaskOptions(cellKey: string): TaskOptions {
  return { ...taskOptions2022(cellKey), deadlineDays: [14, 35] };
}

/** Owners for `n` tasks: present members, the chair taking at most one. */
function pickOwners(ctx: MeetingContext, n: number): DemoMember[] {
  const others = ctx.rng.shuffle(ctx.present.filter((m) => m.key !== ctx.chair.key));
  const owners = others.slice(0, n);
  while (owners.length < n) owners.push(ctx.chair);
  return owners;
}

/** Tasks that fit the cell and month, minus the titles in `exclude` (still open, or given last time). */
function taskTemplatesFor(unit: DemoUnit, info: CellInfo, month: number, exclude: ReadonlySet<string>): TaskSpec[] {
  const pool = info.type === 'village' ? VILLAGE_TASKS : OFFICE_TASKS[info.type];
  return pool
    .filter((t) => (!t.m || t.m.includes(month)) && (!t.k || t.k.includes(unit.key)))
    .map((t) => ({ title: fill(t.t, info, month), deliverable: fill(t.d, info, month) }))
    .filter((t) => !exclude.has(t.title));
}

/** "A", "A và B", "A, B và C". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]!}`;
}

/** Only official members vote on a resolution (probationary members speak but do not vote). */
function votesOf(ctx: MeetingContext): DemoOutcome['votes'] {
  const voters = ctx.present.filter((m) => m.officialOn !== null && m.officialOn <= ctx.date);
  return { for: voters.length, against: 0, abstain: 0 };
}

function prevMonthLabel(month: number): string {
  return month === 1 ? `tháng 12/${YEAR - 1}` : `tháng ${month - 1}/${YEAR}`;
}

function reviewItem(
  ctx: MeetingContext,
  previous: readonly TaskRecord[],
  overdue: readonly TaskRecord[],
  phase: StoryPhase,
  memberByKey: Map<string, DemoMember>,
): DemoAgendaItem {
  const { rng, month, date } = ctx;
  const village = ctx.info.type === 'village';
  const sentences: string[] = [];
  if (previous.length === 0) {
    sentences.push(say(AGENDA.reviewFirst[village ? 'village' : 'office'], { Chair: Comrade(ctx, ctx.chair), thangTruoc: prevMonthLabel(month) }));
  } else {
    const done = previous.filter((t) => t.doneOn !== null && t.doneOn <= date).length;
    const notDue = previous.filter((t) => (t.doneOn === null || t.doneOn > date) && t.deadline >= date).length;
    sentences.push(
      `Chi bộ hoàn thành ${done}/${previous.length} nhiệm vụ đề ra trong nghị quyết ${prevMonthLabel(month)}${
        notDue > 0 ? `, ${notDue} việc đang thực hiện, chưa đến hạn` : ''
      }${overdue.length > 0 ? `; việc quá hạn ${rng.pick(notDoneCauses(village))}` : ''}.`,
    );
  }
  if (overdue.length > 0) {
    const listed = overdue.slice(-3).map((t) => `“${t.title}” (${comrade(ctx, memberByKey.get(t.ownerKey)!)})`);
    sentences.push(say(AGENDA.carriedOver, { viec: listed.join('; ') }));
  }
  if (phase === 'timid') sentences.push(MINUTES.reviewTimid);
  else if (phase === 'frank') sentences.push(MINUTES.reviewRemarks[0]!);
  else if (previous.length > 0 && rng.chance(0.5)) sentences.push(rng.pick(MINUTES.reviewRemarks));
  return {
    title: say(AGENDA.reviewTitle, { thangTruoc: prevMonthLabel(month) }),
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(15, 25),
    minutes: sentences.join(' '),
    outcomes: [],
  };
}

function newsItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng, month } = ctx;
  const presenter = rng.chance(0.5) ? ctx.clerk : rng.pick(ctx.present);
  const news = STORY.monthNews[month - 1]!;
  return {
    title: AGENDA.newsTitle,
    presenterKey: presenter.key,
    plannedMinutes: rng.int(10, 20),
    minutes: say(AGENDA.newsMinutes, {
      Presenter: Comrade(ctx, presenter),
      closing: rng.pick(STORY.newsClosings[ctx.info.type === 'village' ? 'village' : 'office']),
    }),
    outcomes: [{ kind: 'information', text: `${news}.`, votes: null, task: null }],
  };
}

function duesItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng, month } = ctx;
  const quarter = ROMAN[Math.ceil(month / 3) - 1]!;
  const n = ctx.participants.length;
  const paid = rng.chance(0.85) ? n : n - 1;
  return {
    title: 'Thu nộp đảng phí',
    presenterKey: ctx.clerk.key,
    plannedMinutes: 10,
    minutes:
      paid === n
        ? `Đã thu đủ đảng phí quý ${quarter}/${YEAR} của ${n}/${n} đảng viên, nộp Đảng ủy xã đúng hạn.`
        : `Đã thu đảng phí quý ${quarter}/${YEAR} của ${paid}/${n} đảng viên; còn 1 đồng chí ${
            ctx.info.type === 'village' ? 'đi làm xa' : 'đi công tác'
          }, hẹn nộp trong tháng.`,
    outcomes: [
      { kind: 'information', text: `Đảng phí quý ${quarter}/${YEAR}: ${paid}/${n} đảng viên đã nộp.`, votes: null, task: null },
    ],
  };
}

/** An ordinary cell's self-criticism item: short, constructive. */
function ordinaryCriticismItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng } = ctx;
  const [a, b] = rng.sample(ctx.present.filter((m) => m.key !== ctx.chair.key), 2);
  const aspect = rng.pick(MINUTES.criticismAspects);
  const minutes = a && b ? say(AGENDA.criticismPair, { Critic: Comrade(ctx, a), target: comrade(ctx, b), aspect }) : AGENDA.criticismNone;
  return { title: AGENDA.criticismTitle, presenterKey: ctx.chair.key, plannedMinutes: rng.int(15, 25), minutes, outcomes: [] };
}

function tasksItem(ctx: MeetingContext, tasks: readonly TaskRecord[], note: string): DemoAgendaItem {
  const { rng, month } = ctx;
  return {
    title: say(AGENDA.tasksTitle, { thang: month, nam: YEAR }),
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(20, 35),
    minutes: note,
    outcomes: [
      ...tasks.map(taskOutcome),
      { kind: 'decision', text: say(AGENDA.resolution, { thang: month, nam: YEAR }), votes: votesOf(ctx), task: null },
    ],
  };
}

/** The members' discussion of the topic, and what a visiting guest said. */
function thematicDiscussionItem(ctx: MeetingContext, speakers: readonly DemoMember[]): DemoAgendaItem {
  const said = speakers.length > 0 ? say(AGENDA.discussionSpeakers, { speakers: listNames(speakers.map((m) => ctx.names.get(m.key)!)) }) : AGENDA.discussionNone;
  const guestLine = ctx.guest ? ` ${say(AGENDA.discussionGuest, { Guest: Comrade(ctx, ctx.guest.member), guestTitle: ctx.guest.title })}` : '';
  return {
    title: AGENDA.discussionTitle,
    presenterKey: ctx.chair.key,
    plannedMinutes: ctx.rng.int(20, 40),
    minutes: `${said}${guestLine}`,
    outcomes: [],
  };
}

/** The clerk's report on how last quarter's topic was carried out. */
function thematicFollowUpItem(ctx: MeetingContext, previousTopic: ThematicTopic): DemoAgendaItem {
  return {
    title: AGENDA.followUpTitle,
    presenterKey: ctx.clerk.key,
    plannedMinutes: ctx.rng.int(10, 15),
    minutes: say(AGENDA.followUp, { Clerk: Comrade(ctx, ctx.clerk), topic: previousTopic.topic, result: ctx.rng.pick(MINUTES.thematicFollowUps) }),
    outcomes: [],
  };
}

/** A thematic meeting's agenda: the report, discussion, perhaps last quarter's follow-up, the conclusion. */
function thematicItems(
  ctx: MeetingContext,
  topic: ThematicTopic,
  previousTopic: ThematicTopic | null,
  tasks: TaskRecord[],
): DemoAgendaItem[] {
  const { rng } = ctx;
  const others = ctx.present.filter((m) => m.key !== ctx.chair.key);
  const presenter = rng.chance(0.6) ? ctx.chair : rng.pick(others.length > 0 ? others : [ctx.chair]);
  const speakers = rng.sample(others, Math.min(3, others.length));
  const items: DemoAgendaItem[] = [
    {
      title: say(AGENDA.thematicReportTitle, { topic: topic.topic }),
      presenterKey: presenter.key,
      plannedMinutes: rng.int(30, 45),
      minutes: say(AGENDA.thematicReport, {
        Presenter: Comrade(ctx, presenter),
        thon: ctx.info.village ? `thôn ${ctx.info.village}` : ctx.info.where,
        note: rng.pick(MINUTES.thematicPresentationNotes),
      }),
      outcomes: [],
    },
  ];
  items.push(thematicDiscussionItem(ctx, speakers));
  if (previousTopic && rng.chance(0.5)) items.push(thematicFollowUpItem(ctx, previousTopic));
  items.push({
    title: AGENDA.conclusionTitle,
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(10, 20),
    minutes: say(AGENDA.conclusion, { Chair: Comrade(ctx, ctx.chair) }),
    outcomes: [
      { kind: 'decision', text: say(AGENDA.thematicPlan, { topic: topic.topic, nam: YEAR }), votes: votesOf(ctx), task: null },
      ...tasks.map(taskOutcome),
    ],
  });
  return items;
}

// ---------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------

export type Mode =
  | { kind: 'normal'; lateRate: number; maxLate: number }
  /** Đồng Thứ, January–March 2022: these members come 11–45 minutes late. */
  | { kind: 'latecomers'; late: ReadonlySet<string> }
  /** Đồng Thứ, April 2022: everyone present, early. */
  | { kind: 'all_on_time' };

export function buildAttendance(
  rng: Rng,
  date: string,
  time: string,
  participants: readonly DemoMember[],
  forcedPresent: ReadonlySet<string>,
  reasons: readonly string[],
  mode: Mode,
  guest: Guest | null,
): DemoAttendance[] {
  const rows: DemoAttendance[] = [];
  const early = (maxMin: number): string => instant(date, time, -(rng.int(0, maxMin) * 60 + rng.int(0, 59)) * 1000);
  const late = (min: number, max: number): string => instant(date, time, (rng.int(min, max) * 60 + rng.int(0, 59)) * 1000);
  let lateCount = 0;
  for (const m of participants) {
    const base = { memberKey: m.key, role: 'member' as const };
    const forced = forcedPresent.has(m.key);
    if (mode.kind === 'all_on_time') {
      rows.push({ ...base, status: 'present', arrivedAt: early(10), reason: null, reported: null });
      continue;
    }
    if (mode.kind === 'latecomers' && mode.late.has(m.key)) {
      rows.push({ ...base, status: 'present', arrivedAt: late(11, 45), reason: null, reported: null });
      continue;
    }
    const r = rng.float();
    if (forced || r < 0.92) {
      let arrivedAt: string;
      if (forced) arrivedAt = early(20);
      else if (mode.kind === 'normal' && lateCount < mode.maxLate && rng.chance(mode.lateRate)) {
        arrivedAt = late(6, 25);
        lateCount++;
      } else arrivedAt = early(15);
      rows.push({ ...base, status: 'present', arrivedAt, reason: null, reported: null });
    } else if (r < 0.98) {
      rows.push({ ...base, status: 'excused', arrivedAt: null, reason: rng.pick(reasons), reported: rng.chance(0.8) ? 'before' : 'after' });
    } else {
      rows.push({ ...base, status: 'absent', arrivedAt: null, reason: null, reported: null });
    }
  }
  if (guest) {
    rows.push({ memberKey: guest.member.key, role: 'guest', status: 'present', arrivedAt: early(15), reason: null, reported: null });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------

function chairScores(rng: Rng, quality: number, story: StoryPhase, hasDues: boolean): Record<string, number> {
  // `quality` in [0, 1] nudges a cell's scores up or down a little all year.
  const score = (max: number, lo: number): number => Math.min(max, lo + Math.round(quality * 2) + rng.int(0, max - lo - 2));
  const scores: Record<string, number> = {
    prepare: score(10, 7),
    review: score(15, 10),
    criticism: score(15, 9),
    resolution: score(10, 8),
    dues: hasDues ? score(10, 8) : score(10, 7),
  };
  if (story === 'timid') {
    scores.prepare = rng.int(5, 7);
    scores.review = rng.int(8, 11);
    scores.criticism = rng.int(3, 7);
    scores.resolution = rng.int(6, 8);
  } else if (story === 'frank') {
    scores.prepare = 10;
    scores.review = 15;
    scores.criticism = 15;
    scores.resolution = 10;
    scores.dues = 10;
  } else if (story === 'after') {
    scores.criticism = rng.int(12, 15);
  }
  return scores;
}

// ---------------------------------------------------------------------------
// A task's life: progress reports, co-workers, the graded close
// ---------------------------------------------------------------------------

/** What owners report and assigners say when closing, from story/meetings-task-life.json. */
interface TaskLifeStory {
  /** Progress up to 40%. */
  progressStart: readonly string[];
  /** Progress above 40%; {p} is the percent. */
  progressMiddle: readonly string[];
  /** Progress on a task "giao chung chung": nothing to measure it against. */
  progressVague: readonly string[];
  /** The 100% report; {d} is the deliverable. */
  progressDone: readonly string[];
  progressDoneVague: readonly string[];
  /** The last report on work never finished; {cause}: why ("do …"). */
  progressNotDone: string;
  /** By graded outcome; {n} is days late, {cause} why it was not done. */
  closeComments: Record<TaskOutcome, readonly string[]>;
  /** Closing a vague task: done or not, there is no deliverable to judge it by. */
  closeVague: Record<'on_time' | 'late', readonly string[]>;
}

const LIFE = readStory<TaskLifeStory>('meetings-task-life');

export const CLOSE_COMMENTS: Record<TaskOutcome, readonly string[]> = LIFE.closeComments;

/** Why work was not done, by kind of cell (also read out in the meeting reviews). */
export function notDoneCauses(village: boolean): readonly string[] {
  return STORY.notDoneCauses[village ? 'village' : 'office'];
}

/** Land, security, epidemics, fire and storms come first; tidying up and dues rarely. */
export function taskPriority(rng: Rng, title: string): TaskPriority {
  if (/đất|an ninh|COVID|cháy|lụt bão|ma túy|trái phép|nhập ngũ|giao nhận quân/i.test(title)) return rng.chance(0.75) ? 'high' : 'normal';
  if (/đảng phí|cây xanh|văn nghệ|chỉnh trang|bóng chuyền/i.test(title)) return rng.chance(0.4) ? 'low' : 'normal';
  const r = rng.float();
  return r < 0.15 ? 'high' : r < 0.88 ? 'normal' : 'low';
}

/** About one task in four gets one or two members to help the owner. */
export function pickCoworkers(rng: Rng, helpers: readonly string[]): string[] {
  if (helpers.length === 0 || !rng.chance(0.25)) return [];
  return rng.sample(helpers, rng.int(1, 2));
}

/** `n` distinct dates after `after` up to `until`, in order (fewer when the span is short). */
function spreadDates(rng: Rng, after: string, until: string, n: number): string[] {
  const span = daysBetween(after, until);
  const offsets = new Set<number>();
  while (offsets.size < Math.min(n, span)) offsets.add(rng.int(1, span));
  return [...offsets].sort((a, b) => a - b).map((d) => addDays(after, d));
}

/** `n` distinct percents from `values`, rising. */
function risingPercents(rng: Rng, values: readonly number[], n: number): number[] {
  return rng.sample(values, n).sort((a, b) => a - b);
}

export interface TaskGrading {
  /** The day the task was given. */
  createdOn: string;
  deadline: string;
  /** When the work was finished (≤ 31/12/2022), or null. */
  doneOn: string | null;
  deliverable: string | null;
  /** The assigning cell's meeting dates, in order: finished work is closed at the next one when it is near. */
  reviewDates: readonly string[];
  /** When work never finished is closed "not done" (the year-end review); null leaves it open. */
  notDoneOn: string | null;
  /** Share of work finished in time that the assigner grades "exceeded". */
  exceededRate: number;
  causes: readonly string[];
  /** Nothing is closed or reported after this day: 31/12/2022 for the story, yesterday for the present. */
  lastDay?: string;
}

/**
 * Progress reports and the close of one task, graded with `classifyOutcome`: finished by the
 * deadline is on time (or exceeded), after it late, never not done. A task without a deliverable
 * cannot be judged to exceed anything.
 */
export function gradeTask(rng: Rng, g: TaskGrading): Pick<DemoTaskLife, 'progress' | 'close'> {
  const vague = g.deliverable === null;
  const lastDay = g.lastDay ?? YEAR_END;
  if (g.doneOn !== null) {
    const n = rng.int(1, 3);
    const dates = [...spreadDates(rng, g.createdOn, addDays(g.doneOn, -1), n - 1), g.doneOn];
    const percents = [...risingPercents(rng, [20, 30, 40, 50, 60, 70, 80, 90], dates.length - 1), 100];
    const progress = dates.map((on, i) => ({ on, percent: percents[i]!, text: progressText(rng, percents[i]!, g.deliverable) }));
    const exceeded = !vague && g.doneOn <= g.deadline && rng.chance(g.exceededRate);
    const outcome = classifyOutcome(g.deadline, g.doneOn, exceeded);
    const next = g.reviewDates.find((d) => d > g.doneOn!);
    const on = minDate(next !== undefined && daysBetween(g.doneOn, next) <= 10 ? next : addDays(g.doneOn, rng.int(1, 5)), lastDay);
    const pool = vague && (outcome === 'on_time' || outcome === 'late') ? LIFE.closeVague[outcome] : CLOSE_COMMENTS[outcome];
    const comment = rng.pick(pool).replace('{n}', String(daysBetween(g.deadline, g.doneOn)));
    return { progress, close: { outcome, on, comment } };
  }
  // Never finished: a report or two short of 100%, the last one saying why.
  const until = minDate(minDate(g.deadline, g.notDoneOn ?? lastDay), lastDay);
  const dates = spreadDates(rng, g.createdOn, until, rng.int(1, 2));
  const percents = risingPercents(rng, [10, 20, 30, 40, 50, 60, 70, 80], dates.length);
  const cause = rng.pick(g.causes);
  const progress = dates.map((on, i) => ({
    on,
    percent: percents[i]!,
    text: i === dates.length - 1 && g.notDoneOn !== null ? say(LIFE.progressNotDone, { cause }) : progressText(rng, percents[i]!, g.deliverable),
  }));
  if (g.notDoneOn === null) return { progress, close: null };
  return { progress, close: { outcome: 'not_done', on: g.notDoneOn, comment: rng.pick(CLOSE_COMMENTS.not_done).replace('{cause}', cause) } };
}

function progressText(rng: Rng, percent: number, deliverable: string | null): string {
  if (deliverable === null) return rng.pick(percent === 100 ? LIFE.progressDoneVague : LIFE.progressVague);
  if (percent === 100) return rng.pick(LIFE.progressDone).replace('{d}', deliverable);
  return rng.pick(percent <= 40 ? LIFE.progressStart : LIFE.progressMiddle).replace('{p}', String(percent));
}

/**
 * Once a cell's year is built: each meeting task gets its priority, helpers, reports and close,
 * at the next meeting when it is near. Every task of 2022 was finished (`taskOptions2022`), so
 * none is left open in the present. Draws from its own stream, so the meetings read as before.
 */
function finishMeetingTasks(unit: DemoUnit, info: CellInfo, meetings: readonly DemoMeeting[], tasks: readonly TaskRecord[]): void {
  const rng = new Rng(hashSeed(`${unit.key}/tasks`));
  const reviewDates = meetings.map((m) => m.date).sort();
  const december = meetings.find((m) => m.kind === 'regular' && m.date.slice(5, 7) === '12')!.date;
  const causes = notDoneCauses(info.type === 'village');
  for (const t of tasks) {
    t.out.priority = taskPriority(rng, t.title);
    t.out.coworkerKeys = t.out.deliverable === null ? [] : pickCoworkers(rng, t.helpers);
    Object.assign(
      t.out,
      gradeTask(rng, {
        createdOn: t.meetingDate,
        deadline: t.deadline,
        doneOn: t.doneOn,
        deliverable: t.out.deliverable,
        reviewDates,
        notDoneOn: t.deadline < december ? december : YEAR_END,
        exceededRate: 0.27,
        causes,
      }),
    );
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Every cell's 2022: 12 regular monthly meetings and 4 thematic ones (one a quarter), in
 * date order per cell, cells in the commune's order. Same result on every call.
 */
export function buildDemoMeetings(commune: DemoCommune): DemoMeeting[] {
  const memberByKey = new Map<string, DemoMember>();
  const memberCell = new Map<string, string>();
  for (const u of commune.units) {
    for (const m of u.members) {
      memberByKey.set(m.key, m);
      memberCell.set(m.key, u.key);
    }
  }
  const guests = visitingGuests(commune, memberByKey);
  const out: DemoMeeting[] = [];
  for (const unit of commune.units) {
    if (unit.kind === 'cell') out.push(...buildCellYear(unit, guests, memberByKey, memberCell));
  }
  return out;
}

/** Commune committee people who visit cells as guests: the party committee's secretary and the inspection chair. */
function visitingGuests(commune: DemoCommune, memberByKey: Map<string, DemoMember>): Guest[] {
  const guests: Guest[] = [];
  for (const a of commune.accounts) {
    const member = a.memberKey ? memberByKey.get(a.memberKey) : undefined;
    if (!member) continue;
    if (a.roles.some((r) => r.role === 'party_committee' && r.unitKey === 'commune')) {
      guests.push({ member, title: STORY.guestTitles.party_committee });
    } else if (a.roles.some((r) => r.role === 'inspection' && r.unitKey === 'commune')) {
      guests.push({ member, title: STORY.guestTitles.inspection });
    }
  }
  return guests;
}

/** One cell's year in the making: who chairs and takes minutes, and what has been decided so far. */
interface CellYear {
  /** The cell's own stream: every draw of its year, in meeting order. */
  rng: Rng;
  unit: DemoUnit;
  info: CellInfo;
  office: boolean;
  /** Chi bộ thôn Đồng Thứ, whose year tells the article's story. */
  story: boolean;
  /** In [0, 1]: nudges the chair's scores up or down all year. */
  quality: number;
  reasons: readonly string[];
  /** The usual start time; offices now and then meet at the other half of the day. */
  baseTime: string;
  names: Map<string, string>;
  /** Commune committee members from outside the cell. */
  guests: readonly Guest[];
  chair: DemoMember;
  clerk: DemoMember;
  /** The habitual latecomers of Đồng Thứ's early 2022; none elsewhere. */
  latecomers: DemoMember[];
  /** The year's four thematic topics, one a quarter. */
  topics: ThematicTopic[];
  memberByKey: Map<string, DemoMember>;
  tasks: TaskRecord[];
  meetings: DemoMeeting[];
  lastRegularDate: string | null;
  /** Titles given at the last regular meeting: not given again straight away. */
  lastTitles: Set<string>;
}

function buildCellYear(
  unit: DemoUnit,
  allGuests: readonly Guest[],
  memberByKey: Map<string, DemoMember>,
  memberCell: Map<string, string>,
): DemoMeeting[] {
  const year = startCellYear(unit, allGuests, memberByKey, memberCell);
  for (let month = 1; month <= 12; month++) {
    // The second month of each quarter also has its thematic meeting, after the regular one.
    const plan: ('regular' | 'thematic')[] = month % 3 === 2 ? ['regular', 'thematic'] : ['regular'];
    let regularDate: string | null = null;
    for (const kind of plan) {
      const date: string =
        kind === 'regular'
          ? pickDay(year.rng, month, month === 2 ? 7 : 3, 10, year.office, null) // February: after the Tết holiday
          : pickDay(year.rng, month, 14, 25, year.office, regularDate);
      if (kind === 'regular') regularDate = date;
      holdMeeting(year, month, kind, date);
    }
  }
  finishMeetingTasks(unit, year.info, year.meetings, year.tasks);
  return year.meetings;
}

/** What a cell's year starts from: its stream, chair and clerk, meeting time, latecomers and topics. */
function startCellYear(
  unit: DemoUnit,
  allGuests: readonly Guest[],
  memberByKey: Map<string, DemoMember>,
  memberCell: Map<string, string>,
): CellYear {
  const rng = new Rng(hashSeed(unit.key));
  const info = cellInfo(unit);
  const office = info.type !== 'village';
  const story = unit.key === DONG_THU;
  const quality = rng.float();
  const reasons = REASONS[info.type === 'village' ? 'village' : info.type === 'school' ? 'school' : 'office'];
  const baseTime = office ? (rng.chance(0.6) ? '14:00' : '08:00') : '19:30';
  const names = new Map(unit.members.map((m) => [m.key, joinFullName(m)] as const));
  for (const g of allGuests) names.set(g.member.key, joinFullName(g.member));
  // Guests come from outside the cell.
  const guests = allGuests.filter((g) => memberCell.get(g.member.key) !== unit.key);
  const { chair, clerk, veterans } = chairAndClerk(rng, unit);
  // The habitual latecomers of Đồng Thứ's early 2022.
  const latecomers = story ? rng.sample(veterans.filter((m) => m.key !== clerk.key), 6) : [];
  const topics = rng.shuffle(TASKS.thematicTopics.filter((t) => !t.villageOnly || !office)).slice(0, 4);
  return {
    rng, unit, info, office, story, quality, reasons, baseTime, names, guests, chair, clerk, latecomers, topics, memberByKey,
    tasks: [], meetings: [], lastRegularDate: null, lastTitles: new Set(),
  };
}

/**
 * Chair: the secretary (the unit's contact). Clerk (thư ký): a fixed official member, one with a
 * phone when there is one. Both members since before the year; `veterans` are the others.
 */
function chairAndClerk(rng: Rng, unit: DemoUnit): { chair: DemoMember; clerk: DemoMember; veterans: DemoMember[] } {
  const yearStart = isoDate(YEAR, 1, 1);
  const veterans = unit.members.filter((m) => m.status === 'official' && m.joinedOn < yearStart);
  const secretary = veterans.find((m) => joinFullName(m) === unit.contactName);
  const chair = secretary ?? veterans[0];
  if (!chair) throw new Error(`demo meetings: no chair for ${unit.key}`);
  const clerkPool = veterans.filter((m) => m.key !== chair.key);
  const clerk = rng.pick(clerkPool.some((m) => m.phone) ? clerkPool.filter((m) => m.phone) : clerkPool);
  if (!clerk) throw new Error(`demo meetings: no clerk for ${unit.key}`);
  return { chair, clerk, veterans: clerkPool };
}

/** Where a meeting sits in Đồng Thứ's story: January–March timid, the April regular one frank. */
function storyPhase(story: boolean, month: number, kind: 'regular' | 'thematic'): StoryPhase {
  if (!story) return null;
  if (month <= 3) return 'timid';
  return month === 4 && kind === 'regular' ? 'frank' : 'after';
}

/** One meeting of the cell on `date`: who came, what was said and decided, the chair's scores. */
function holdMeeting(year: CellYear, month: number, kind: 'regular' | 'thematic', date: string): void {
  const { rng, unit, office, baseTime, chair, clerk } = year;
  const time = office && rng.chance(0.1) ? (baseTime === '14:00' ? '08:00' : '14:00') : baseTime;
  const participants = unit.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= date);
  const phase = storyPhase(year.story, month, kind);
  const guest = meetingGuest(year, date, phase, kind);
  const mode = attendanceMode(year, phase, kind, participants);
  const attendance = buildAttendance(rng, date, time, participants, new Set([chair.key, clerk.key]), year.reasons, mode, guest);
  const presentKeys = new Set(attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey));
  const ctx: MeetingContext = {
    rng, unit, info: year.info, kind, month, date, time, chair, clerk,
    present: participants.filter((m) => presentKeys.has(m.key)),
    participants,
    guest,
    names: year.names,
    vague: phase === 'timid',
  };
  // Not done by this meeting: don't hand the same job out again.
  const openTitles = new Set(year.tasks.filter((t) => t.doneOn === null || t.doneOn > date).map((t) => t.title));
  const exclude = new Set([...openTitles, ...year.lastTitles]);
  const held = kind === 'thematic' ? thematicMeeting(year, ctx, exclude) : regularMeeting(year, ctx, phase, attendance, exclude);
  year.meetings.push({
    cellKey: unit.key,
    kind,
    topic: held.topic,
    date,
    startTime: time,
    place: year.info.place,
    chairKey: chair.key,
    secretaryKey: clerk.key,
    attendance,
    agenda: held.agenda,
    chairScores: chairScores(rng, year.quality, phase === 'after' && kind === 'thematic' ? null : phase, held.hasDues),
  });
  if (kind === 'regular') year.lastRegularDate = date;
}

/** Guests: the April Đồng Thứ meeting and about half of the thematic meetings. */
function meetingGuest(year: CellYear, date: string, phase: StoryPhase, kind: 'regular' | 'thematic'): Guest | null {
  const choices = year.guests.filter((g) => g.member.joinedOn <= date);
  if (phase === 'frank') return choices[0] ?? null;
  if (kind === 'thematic' && choices.length > 0 && year.rng.chance(0.5)) return year.rng.pick(choices);
  return null;
}

/** Who comes late: Đồng Thứ's latecomers until April, no one in April, few after, a few elsewhere. */
function attendanceMode(year: CellYear, phase: StoryPhase, kind: 'regular' | 'thematic', participants: readonly DemoMember[]): Mode {
  if (phase === 'frank') return { kind: 'all_on_time' };
  if (phase === 'after') return { kind: 'normal', lateRate: 0.05, maxLate: 1 };
  if (phase !== 'timid') return { kind: 'normal', lateRate: 0.08, maxLate: 99 };
  // 5–8 late at regular meetings (fewer at the thematic one), mostly the same people.
  const { rng, chair, clerk, latecomers } = year;
  const target = kind === 'regular' ? rng.int(5, 8) : rng.int(3, 5);
  const habitual = rng.shuffle(latecomers).slice(0, Math.min(target, latecomers.length));
  const others = participants.filter((m) => m.key !== chair.key && m.key !== clerk.key && !habitual.includes(m));
  const extra = rng.sample(others, target - habitual.length);
  return { kind: 'latecomers', late: new Set([...habitual, ...extra].map((m) => m.key)) };
}

/** What a meeting's business came to, before the chair scores it. */
interface HeldMeeting {
  agenda: DemoAgendaItem[];
  topic: string | null;
  hasDues: boolean;
}

/** A quarter's thematic meeting (sinh hoạt chuyên đề): its topic's task and perhaps one more. */
function thematicMeeting(year: CellYear, ctx: MeetingContext, exclude: ReadonlySet<string>): HeldMeeting {
  const { rng, month } = ctx;
  const q = Math.floor((month - 1) / 3);
  const topic = year.topics[q]!;
  const n = rng.int(1, 2);
  const specs = [{ title: topic.task, deliverable: topic.deliverable }, ...rng.sample(taskTemplatesFor(ctx.unit, ctx.info, month, exclude), n - 1)];
  const owners = pickOwners(ctx, specs.length);
  const tasks = specs.map((t, i) => makeTask(ctx, t, owners[i]!, ordinaryTaskOptions(ctx.unit.key)));
  year.tasks.push(...tasks);
  return { agenda: thematicItems(ctx, topic, q > 0 ? year.topics[q - 1]! : null, tasks), topic: topic.topic, hasDues: false };
}

/** A regular meeting: review, news, (criticism), tasks and resolution, (dues at the quarter's end). */
function regularMeeting(
  year: CellYear,
  ctx: MeetingContext,
  phase: StoryPhase,
  attendance: readonly DemoAttendance[],
  exclude: ReadonlySet<string>,
): HeldMeeting {
  const { date, month } = ctx;
  const since = year.lastRegularDate;
  const previous = since ? year.tasks.filter((t) => t.meetingDate >= since) : [];
  const overdue = year.tasks.filter((t) => t.deadline < date && (t.doneOn === null || t.doneOn > date));
  const agenda = [reviewItem(ctx, previous, overdue, phase, year.memberByKey)];
  if (phase === 'timid') {
    const start = meetingStartsAt(date, ctx.time);
    const lateCount = attendance.filter((a) => a.arrivedAt !== null && a.arrivedAt > start).length;
    agenda[0]!.minutes += ` ${say(MINUTES.timidLateness, { n: lateCount })}`;
  }
  agenda.push(newsItem(ctx));
  const criticism = criticismItem(ctx, phase, year.latecomers);
  if (criticism) agenda.push(criticism);
  const { tasks, note } = monthTasks(ctx, phase, exclude);
  year.tasks.push(...tasks);
  year.lastTitles = new Set(tasks.map((t) => t.title));
  agenda.push(tasksItem(ctx, tasks, note));
  // Dues are collected at the last meeting of each quarter.
  const hasDues = month % 3 === 0;
  if (hasDues) agenda.push(duesItem(ctx));
  return { agenda, topic: null, hasDues };
}

/** Tự phê bình và phê bình: timid, then frank in Đồng Thứ; elsewhere at some meetings only. */
function criticismItem(ctx: MeetingContext, phase: StoryPhase, latecomers: readonly DemoMember[]): DemoAgendaItem | null {
  if (phase === 'timid') {
    return { title: AGENDA.criticismTitle, presenterKey: ctx.chair.key, plannedMinutes: 10, minutes: ctx.rng.pick(MINUTES.timidCriticism), outcomes: [] };
  }
  if (phase === 'frank') return frankCriticismItem(ctx, latecomers);
  return ctx.rng.chance(phase === 'after' ? 0.6 : 0.35) ? ordinaryCriticismItem(ctx) : null;
}

/** How vague tasks turn out: late, often very late, never left open. */
const VAGUE_TASK_OPTIONS: TaskOptions = { openRate: 0, veryLateRate: 0.2, lateRate: 0.7, lateDays: [5, 20], deadlineDays: [25, 35] };

/** The month's tasks and how the minutes say they were given. */
function monthTasks(ctx: MeetingContext, phase: StoryPhase, exclude: ReadonlySet<string>): { tasks: TaskRecord[]; note: string } {
  const { rng, chair } = ctx;
  if (phase === 'timid') {
    const n = rng.int(2, 3);
    const owners = [chair, ...rng.sample(ctx.present.filter((m) => m.key !== chair.key), n - 1)];
    const titles = rng.sample(TASKS.vagueTasks.filter((t) => !exclude.has(t)), n);
    const tasks = titles.map((t, i) => makeTask(ctx, { title: t, deliverable: null }, owners[i]!, VAGUE_TASK_OPTIONS));
    return { tasks, note: MINUTES.taskNotes.timid };
  }
  if (phase === 'frank') return { tasks: aprilTasks(ctx), note: MINUTES.taskNotes.frank };
  const n = rng.int(2, 4);
  const specs = rng.sample(taskTemplatesFor(ctx.unit, ctx.info, ctx.month, exclude), n);
  const owners = pickOwners(ctx, specs.length);
  const tasks = specs.map((t, i) => makeTask(ctx, t, owners[i]!, ordinaryTaskOptions(ctx.unit.key)));
  return { tasks, note: say(rng.pick(MINUTES.taskNotes.ordinary), { Chair: Comrade(ctx, chair) }) };
}

/** The April 2022 Đồng Thứ criticism session, as the article tells it. */
function frankCriticismItem(ctx: MeetingContext, latecomers: readonly DemoMember[]): DemoAgendaItem {
  const { rng, chair } = ctx;
  const others = ctx.present.filter((m) => m.key !== chair.key);
  const late = latecomers.filter((m) => others.includes(m));
  // Targets: two habitual latecomers first (tác phong), then others.
  const targets = [...late.slice(0, 2), ...rng.shuffle(others.filter((m) => !late.slice(0, 2).includes(m)))].slice(0, 5);
  const sentences: string[] = [say(AGENDA.frankSelfCriticism, { Chair: Comrade(ctx, chair) })];
  targets.forEach((target, i) => {
    const critics = others.filter((m) => m.key !== target.key && !targets.slice(0, i + 1).includes(m));
    const critic = rng.pick(critics.length > 0 ? critics : others.filter((m) => m.key !== target.key));
    sentences.push(say(AGENDA.frankCritique, { Critic: Comrade(ctx, critic), target: comrade(ctx, target), aspect: MINUTES.frankAspects[i]! }));
  });
  if (ctx.guest) {
    sentences.push(say(AGENDA.frankGuest, { Guest: Comrade(ctx, ctx.guest.member), guestTitle: ctx.guest.title }));
  }
  return {
    title: AGENDA.criticismTitle,
    presenterKey: chair.key,
    plannedMinutes: 40,
    minutes: sentences.join(' '),
    outcomes: [
      {
        kind: 'information',
        text: MINUTES.frankOutcome,
        votes: null,
        task: null,
      },
    ],
  };
}

/** April 2022 in Đồng Thứ: every task with a named owner, a deliverable and a date. */
function aprilTasks(ctx: MeetingContext): TaskRecord[] {
  const { rng, date, chair } = ctx;
  const n = rng.int(5, 6);
  const owners = rng.sample(ctx.present.filter((m) => m.key !== chair.key), n);
  const deadlines = owners.map(() => addDays(date, rng.int(14, 28)));
  return owners.map((owner, i) => {
    const deadline = deadlines[i]!;
    const doneOn = addDays(deadline, -rng.int(0, 6));
    const task = TASKS.aprilTasks[i]!;
    return taskRecord(ctx, { title: task.title.replace('{han}', ddmm(deadline)), deliverable: task.deliverable }, owner, deadline, doneOn);
  });
}
