/**
 * The demo commune's 2022 beyond its meetings: the party committee's directives to every cell
 * and the tasks the cells broke them into; the jobs Chi bộ thôn Lưu Quang and Chi bộ thôn Đồng
 * Thứ handed down to their villages' mass organisations (Đồng Thứ late until April 2022, as the
 * article tells); the Lưu Quang cell committee's plan for the Nghị quyết T.Ư 4 content, one
 * task per member; and the yearly commitments (chỉ tiêu cam kết) of every member and cell,
 * evaluated at year end partly from the meetings' own record (attendance, lateness, dues, task
 * results, hand-down delays).
 *
 * Consistent with `buildDemoMeetings`, whose output it takes. Deterministic (seeded streams per
 * directive, cell and member) and pure: no ids. The words — directives, hand-down jobs, pledges
 * and how they are judged — are in story/work-directives.json, work-pledges.json and
 * work-evaluation.json.
 */
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import {
  addDays,
  cellInfo,
  drawDoneOn,
  gradeTask,
  notDoneCauses,
  pickCoworkers,
  taskOptions2022,
  taskPriority,
  YEAR_END,
  type CellInfo,
  type DemoMeeting,
  type DemoTaskLife,
  type TaskOptions,
} from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { averageDelay, commitmentPercent, handDownDelayDays, measurableResult } from '../domain/tasks.js';
import type { CommitmentDirection, CommitmentKind, CommitmentResult, CommitmentSection } from '../shared/enums.js';
import { readStory } from './story.js';

export const DEMO_WORK_YEAR = 2022;
const YEAR = DEMO_WORK_YEAR;
const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';
/** Members admitted after this day make their first pledge for the next year. */
export const PLEDGE_CUTOFF = `${YEAR}-10-15`;
/** Đồng Thứ changed at its April 2022 meeting. */
const STORY_TURN = `${YEAR}-04-01`;

// ---------------------------------------------------------------------------
// What the builder returns
// ---------------------------------------------------------------------------

/** Chỉ đạo of the commune committee to its cells. */
export interface DemoDirective {
  key: string;
  title: string;
  body: string;
  issuedOn: string;
  deadline: string;
  /** DemoMember key of the committee member whose account issued it (bithu.dangbo), if any. */
  issuedByKey: string | null;
  targets: DemoDirectiveTarget[];
}

export interface DemoDirectiveTarget {
  cellKey: string;
  /** ISO instant; null: the cell never acknowledged it. */
  acknowledgedAt: string | null;
  /** The cell secretary (DemoMember key). */
  acknowledgedByKey: string | null;
  note: string | null;
}

export type DemoWorkSource = { kind: 'directive'; directiveKey: string } | { kind: 'meeting'; meetingDate: string };

/** A task given outside a meeting's outcomes: from a directive, or handed down to a mass organisation. */
export interface DemoWorkTask extends DemoTaskLife {
  key: string;
  /** The assigning cell. */
  cellKey: string;
  title: string;
  /** Exactly one of the two: rõ người. */
  ownerMemberKey: string | null;
  ownerUnitKey: string | null;
  deadline: string;
  /** The day the task was given (for a hand-down, the day it was handed down). */
  createdOn: string;
  doneOn: string | null;
  source: DemoWorkSource;
  /** Hand-down: when the cell got the job, and when it passed it on. */
  receivedOn: string | null;
  handedDownOn: string | null;
  /** Who wrote the progress reports: the owner, or the cell secretary for a mass organisation. */
  reporterKey: string;
  /** Who assigned and closed it: the cell secretary. */
  assignerKey: string;
}

export interface DemoCommitmentProgress {
  on: string;
  note: string;
  value: number | null;
  authorKey: string;
}

/** One line of a member's or a cell's 2022 pledge. */
export interface DemoCommitment {
  key: string;
  /** The member's cell, or the committing cell. */
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  year: number;
  section: CommitmentSection;
  position: number;
  kind: CommitmentKind;
  title: string;
  targetValue: number | null;
  measureUnit: string | null;
  direction: CommitmentDirection | null;
  actualValue: number | null;
  evidence: string | null;
  createdOn: string;
  createdByKey: string;
  /** Null while awaiting the secretary's confirmation (the present year's first days). */
  confirmedOn: string | null;
  /** The cell secretary for a member's; the commune committee's secretary for a cell's. */
  confirmedByKey: string | null;
  progress: DemoCommitmentProgress[];
  /** Null until evaluated (the present year's pledges, still running). */
  result: CommitmentResult | null;
  resultPercent: number | null;
  evaluationNote: string | null;
  evaluatedOn: string | null;
  evaluatedByKey: string | null;
  /** Evaluated at the December review, before the year was over: why it did not wait. */
  earlyEvaluationReason: string | null;
}

export interface DemoWork {
  directives: DemoDirective[];
  tasks: DemoWorkTask[];
  commitments: DemoCommitment[];
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const round1 = (x: number): number => Math.round(x * 10) / 10;
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
/** A number as Vietnamese writes it (decimal comma), with its unit: "94,7%", "12 hộ". */
const quantity = (value: number, unit: string): string => {
  const n = String(value).replace('.', ',');
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
};
/** An instant during Vietnamese office hours (08:00–16:59, UTC+7) on `date`. */
const officeInstant = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;

type MassOrg = 'nong-dan' | 'phu-nu' | 'cuu-chien-binh' | 'thanh-nien' | 'mat-tran';

interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  /** Chair of its meetings: the secretary. */
  secretary: string;
  /** Clerk of its meetings, a cell committee member. */
  clerk: string;
  meetings: DemoMeeting[];
  reviewDates: string[];
  december: string;
  massOrgs: Map<MassOrg, string>;
}

function fill(text: string, info: CellInfo): string {
  return text.replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where).replaceAll('{where}', info.where);
}

/** Members who could take work on `date`: joined by then, not excused from party activities. */
function activeMembers(cell: Cell, date: string): DemoMember[] {
  return cell.unit.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= date);
}

// ---------------------------------------------------------------------------
// Directives
// ---------------------------------------------------------------------------

interface JobSpec {
  t: string;
  d: string;
  /** Given to the cell secretary (plans, reports, the cell's own meetings). */
  lead?: boolean;
}

interface HandDownSpec extends JobSpec {
  org: MassOrg;
  /** Months (1–12) it fits; any when absent. */
  m?: readonly number[];
}

interface DirectiveSpec {
  key: string;
  title: string;
  body: string;
  issuedOn: string;
  deadline: string;
  village: readonly JobSpec[];
  /** Office, school, police… cells; the village jobs when absent. */
  office?: readonly JobSpec[];
  handDown?: readonly HandDownSpec[];
}

/** The commune committee's directives and the jobs cells hand down, from story/work-directives.json. */
interface DirectivesStory {
  /** In the order they were issued; {thon} is "thôn Đồng Thứ", {where} the office ("Công an xã"). */
  directives: readonly DirectiveSpec[];
  /** Jobs a village cell passes to its mass organisations after a monthly meeting. */
  handDownJobs: readonly HandDownSpec[];
  /** A cell's note when acknowledging a directive (null: none). */
  acknowledgementNotes: readonly (string | null)[];
  /** Lưu Quang's plan for the Nghị quyết T.Ư 4 content: the cell committee's own tasks, and each member's. */
  luuQuangPlan: Record<'plan' | 'session' | 'summary' | 'member', JobSpec>;
}

const DIRECTIVES_STORY = readStory<DirectivesStory>('work-directives');
const LUU_QUANG_PLAN = DIRECTIVES_STORY.luuQuangPlan;

/** Đồng Thứ before April 2022 (elsewhere, and after, work outside meetings turns out as the cell's meeting tasks: `taskOptions2022`). */
const TIMID: Omit<TaskOptions, 'deadlineDays'> = { openRate: 0, veryLateRate: 0.15, lateRate: 0.6, lateDays: [3, 15] };

interface Context {
  cells: Cell[];
  /** The commune committee member with the party committee's account (bithu.dangbo). */
  committeeKey: string | null;
  tasks: DemoWorkTask[];
  /** The cell's meeting tasks, for its year-end figures. */
  meetingTasks: Map<string, { status: string; closedOn: string | null }[]>;
}

interface NewTask {
  cell: Cell;
  rng: Rng;
  title: string;
  deliverable: string | null;
  owner: { member: string } | { unit: string };
  createdOn: string;
  deadline: string;
  source: DemoWorkSource;
  options: Omit<TaskOptions, 'deadlineDays'>;
  exceededRate?: number;
  handDown?: { receivedOn: string; handedDownOn: string };
}

/** Grades and records one task; its key is unique and stable. */
function addTask(ctx: Context, t: NewTask): DemoWorkTask {
  const { rng, cell } = t;
  const deadline = minDate(t.deadline, YEAR_END);
  // Work running past the year's end was finished in its last days: 2022 left nothing undone.
  const drawn = drawDoneOn(rng, t.createdOn, deadline, t.options);
  const doneOn = drawn === null ? null : minDate(drawn, YEAR_END);
  const ownerMemberKey = 'member' in t.owner ? t.owner.member : null;
  const helpers = ownerMemberKey === null ? [] : activeMembers(cell, t.createdOn).map((m) => m.key).filter((k) => k !== ownerMemberKey);
  const life = gradeTask(rng, {
    createdOn: t.createdOn,
    deadline,
    doneOn,
    deliverable: t.deliverable,
    reviewDates: cell.reviewDates,
    notDoneOn: deadline < cell.december ? cell.december : YEAR_END,
    exceededRate: t.exceededRate ?? 0.25,
    causes: notDoneCauses(cell.info.type === 'village'),
  });
  const task: DemoWorkTask = {
    key: `${t.source.kind === 'directive' ? t.source.directiveKey : `meeting-${t.source.meetingDate}`}/${cell.unit.key}/${ctx.tasks.length + 1}`,
    cellKey: cell.unit.key,
    title: t.title,
    ownerMemberKey,
    ownerUnitKey: 'unit' in t.owner ? t.owner.unit : null,
    deadline,
    createdOn: t.createdOn,
    doneOn,
    source: t.source,
    receivedOn: t.handDown?.receivedOn ?? null,
    handedDownOn: t.handDown?.handedDownOn ?? null,
    reporterKey: ownerMemberKey ?? cell.secretary,
    assignerKey: cell.secretary,
    deliverable: t.deliverable,
    priority: taskPriority(rng, t.title),
    coworkerKeys: t.deliverable === null ? [] : pickCoworkers(rng, helpers),
    ...life,
  };
  ctx.tasks.push(task);
  return task;
}

/**
 * Days a cell took to pass a job to a mass organisation: Đồng Thứ 7–20 days before April 2022
 * and 0–2 after; Lưu Quang mostly within 3 days.
 */
function handDownDelay(rng: Rng, cell: Cell, receivedOn: string): number {
  if (cell.unit.key === DONG_THU) return receivedOn < STORY_TURN ? rng.int(7, 20) : rng.int(0, 2);
  return rng.chance(0.85) ? rng.int(0, 3) : rng.int(4, 6);
}

/** Days a cell took to acknowledge a directive. */
function acknowledgeDelay(rng: Rng, cell: Cell, issuedOn: string): number {
  if (cell.unit.key === DONG_THU) return issuedOn < STORY_TURN ? rng.int(6, 12) : rng.int(0, 2);
  if (cell.unit.key === LUU_QUANG) return rng.int(0, 2);
  return rng.chance(0.88) ? rng.int(1, 5) : rng.int(8, 20);
}

function handDownTask(ctx: Context, rng: Rng, cell: Cell, job: HandDownSpec, receivedOn: string, notBefore: string, source: DemoWorkSource): void {
  const unit = cell.massOrgs.get(job.org);
  if (!unit) return;
  const handedDownOn = maxDate(addDays(receivedOn, handDownDelay(rng, cell, receivedOn)), notBefore);
  const vague = cell.unit.key === DONG_THU && handedDownOn < STORY_TURN;
  addTask(ctx, {
    cell,
    rng,
    title: job.t,
    deliverable: vague ? null : job.d,
    owner: { unit },
    createdOn: handedDownOn,
    deadline: addDays(handedDownOn, rng.int(10, 25)),
    source,
    options: vague ? TIMID : taskOptions2022(cell.unit.key),
    handDown: { receivedOn, handedDownOn },
  });
}

function buildDirectives(ctx: Context): DemoDirective[] {
  const out: DemoDirective[] = [];
  for (const spec of DIRECTIVES_STORY.directives) {
    const rng = new Rng(hashSeed(`directive/${spec.key}`));
    // One or two cells never answer; never the two cells of the article.
    const silent = new Set(rng.sample(ctx.cells.filter((c) => c.unit.key !== DONG_THU && c.unit.key !== LUU_QUANG), rng.int(1, 2)).map((c) => c.unit.key));
    const targets: DemoDirectiveTarget[] = [];
    for (const cell of ctx.cells) {
      const crng = new Rng(hashSeed(`directive/${spec.key}/${cell.unit.key}`));
      if (silent.has(cell.unit.key)) {
        targets.push({ cellKey: cell.unit.key, acknowledgedAt: null, acknowledgedByKey: null, note: null });
        continue;
      }
      const ackOn = addDays(spec.issuedOn, acknowledgeDelay(crng, cell, spec.issuedOn));
      targets.push({ cellKey: cell.unit.key, acknowledgedAt: officeInstant(crng, ackOn), acknowledgedByKey: cell.secretary, note: crng.pick(DIRECTIVES_STORY.acknowledgementNotes) });
      breakIntoTasks(ctx, crng, spec, cell, ackOn);
    }
    out.push({
      key: spec.key,
      title: spec.title,
      body: spec.body,
      issuedOn: spec.issuedOn,
      deadline: spec.deadline,
      issuedByKey: ctx.committeeKey,
      targets,
    });
  }
  return out;
}

/** A cell acknowledging a directive turns it into one to three tasks (Lưu Quang's NQ T.Ư 4: one per member). */
function breakIntoTasks(ctx: Context, rng: Rng, spec: DirectiveSpec, cell: Cell, ackOn: string): void {
  const source: DemoWorkSource = { kind: 'directive', directiveKey: spec.key };
  if (spec.key === 'nq-tw4' && cell.unit.key === LUU_QUANG) {
    luuQuangPlan(ctx, rng, cell, ackOn, source);
    return;
  }
  const createdOn = addDays(ackOn, rng.int(0, 2));
  const vague = cell.unit.key === DONG_THU && createdOn < STORY_TURN;
  const handDowns = spec.handDown && cell.massOrgs.size > 0 ? rng.sample(spec.handDown, rng.int(1, 2)) : [];
  const pool = cell.info.type === 'village' ? spec.village : (spec.office ?? spec.village);
  const jobs = rng.sample(pool, Math.max(1, rng.int(1, 3) - handDowns.length));
  const members = activeMembers(cell, createdOn);
  for (const job of jobs) {
    const owner = job.lead ? cell.secretary : rng.pick(members.filter((m) => m.key !== cell.secretary)).key;
    addTask(ctx, {
      cell,
      rng,
      title: fill(job.t, cell.info),
      deliverable: vague ? null : job.d,
      owner: { member: owner },
      createdOn,
      deadline: maxDate(addDays(createdOn, 5), minDate(spec.deadline, addDays(createdOn, rng.int(10, 30)))),
      source,
      options: vague ? TIMID : taskOptions2022(cell.unit.key),
    });
  }
  for (const job of handDowns) handDownTask(ctx, rng, cell, job, spec.issuedOn, ackOn, source);
}

/**
 * "Chi ủy Chi bộ thôn Lưu Quang họp bàn xây dựng kế hoạch, cụ thể hóa các nội dung của Nghị
 * quyết T.Ư 4 tới toàn thể đảng viên": the plan, the thematic session and the summary for the
 * committee, and one study-and-essay task for every member, due within about a month.
 */
function luuQuangPlan(ctx: Context, rng: Rng, cell: Cell, ackOn: string, source: DemoWorkSource): void {
  const members = activeMembers(cell, ackOn);
  const third = rng.pick(members.filter((m) => m.key !== cell.secretary && m.key !== cell.clerk && m.status === 'official' && m.phone !== null));
  const onTime = taskOptions2022(cell.unit.key);
  const committee: [{ t: string; d: string }, string, number][] = [
    [LUU_QUANG_PLAN.plan, cell.secretary, 7],
    [LUU_QUANG_PLAN.session, cell.clerk, 25],
    [LUU_QUANG_PLAN.summary, third.key, 45],
  ];
  for (const [job, owner, days] of committee) {
    addTask(ctx, { cell, rng, title: job.t, deliverable: job.d, owner: { member: owner }, createdOn: ackOn, deadline: addDays(ackOn, days), source, options: onTime });
  }
  // Members are given their part once the plan is out.
  const givenOn = addDays(ackOn, 6);
  for (const m of activeMembers(cell, givenOn)) {
    addTask(ctx, {
      cell,
      rng,
      title: LUU_QUANG_PLAN.member.t,
      deliverable: LUU_QUANG_PLAN.member.d,
      owner: { member: m.key },
      createdOn: givenOn,
      deadline: addDays(givenOn, rng.int(28, 31)),
      source,
      options: onTime,
      exceededRate: 0.12,
    });
  }
}

/** After its monthly meetings a village cell passes jobs to its mass organisations. */
function meetingHandDowns(ctx: Context, cell: Cell): void {
  if (cell.massOrgs.size === 0) return;
  const rng = new Rng(hashSeed(`hand-down/${cell.unit.key}`));
  const fromDirectives = ctx.tasks.filter((t) => t.cellKey === cell.unit.key && t.ownerUnitKey !== null).length;
  let budget = 25 - fromDirectives;
  for (const m of cell.meetings) {
    if (m.kind !== 'regular' || budget <= 0) continue;
    const month = Number(m.date.slice(5, 7));
    // Đồng Thứ's early 2022: the cell did pass jobs on, just late.
    const n = cell.unit.key === DONG_THU && m.date < STORY_TURN ? 2 : (rng.chance(0.8) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
    const jobs = rng.sample(DIRECTIVES_STORY.handDownJobs.filter((j) => !j.m || j.m.includes(month)), Math.min(n, budget));
    for (const job of jobs) handDownTask(ctx, rng, cell, job, m.date, m.date, { kind: 'meeting', meetingDate: m.date });
    budget -= jobs.length;
  }
}

// ---------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------

type Kind = CellInfo['type'];

export interface Pledge {
  section: CommitmentSection;
  title: string;
  evidence: string;
  /** Measurable: the range the target is drawn from, its unit and direction. */
  target?: readonly [number, number];
  unit?: string;
  direction?: CommitmentDirection;
  /** Only for these kinds of cell. */
  cells?: readonly Kind[];
  /** Measured from the meetings' record rather than drawn. */
  measured?: 'late_count' | 'punctuality_fixed';
}

/** The lines members pledge (story/work-pledges.json). */
interface PledgesStory {
  /** Every member draws from these, by section, for their kind of cell. */
  memberPledges: readonly Pledge[];
  /** Đồng Thứ's members name last year's shortcomings the article tells of. */
  dongThuPledges: readonly Pledge[];
}

/** How the year's commitments are followed and judged (story/work-evaluation.json). */
interface EvaluationStory {
  /** Why the December review judged the pledges before the year was over. */
  earlyEvaluationReason: string;
  /**
   * The checkpoints of the year where progress is recorded (sơ kết 6 tháng, 9 tháng, cuối tháng
   * 11): from this day (MM-DD) of the year, with the share of the target reached by then.
   */
  checkpoints: readonly { label: string; from: string; share: number }[];
  qualitativeProgress: Record<CommitmentResult, readonly string[]>;
  qualitativeNotes: Record<CommitmentResult, readonly string[]>;
  /** {phanTram}: the percent reached; {khacPhuc}: one of the remedies. */
  measurableNotes: Record<CommitmentResult, string> & { remedies: readonly string[] };
  /** Đồng Thứ's punctuality pledge judged on the record; {n}: times late after April 2022. */
  punctuality: { lateAgain: string; fixed: string; alwaysOnTime: string };
  /** The titles, units and evidence of a cell's collective targets. */
  cellTargets: Record<keyof CellFigures | 'culturalFamilies' | 'membersDoingWell', { title: string; unit: string; evidence: string }>;
}

const PLEDGES = readStory<PledgesStory>('work-pledges');
const EVALUATION = readStory<EvaluationStory>('work-evaluation');

export const MEMBER_PLEDGES: readonly Pledge[] = PLEDGES.memberPledges;

const SECTION_ORDER: readonly CommitmentSection[] = [
  'political_thought',
  'ethics_lifestyle',
  'discipline',
  'working_style',
  'duties',
  'fix_shortcomings',
  'congress_resolution',
  'directive_05',
];

const CHECKPOINTS = EVALUATION.checkpoints.map((c) => ({ ...c, from: `${YEAR}-${c.from}` }));

/** What a member's record in the meetings says: the days they arrived late. */
interface MemberRecord {
  lateDates: string[];
}

function memberRecords(meetings: readonly DemoMeeting[]): Map<string, MemberRecord> {
  const out = new Map<string, MemberRecord>();
  for (const m of meetings) {
    const start = Date.parse(meetingStartsAt(m.date, m.startTime));
    for (const a of m.attendance) {
      if (a.role !== 'member') continue;
      const rec = out.get(a.memberKey) ?? { lateDates: [] };
      if (a.arrivedAt !== null && Date.parse(a.arrivedAt) > start) rec.lateDates.push(m.date);
      out.set(a.memberKey, rec);
    }
  }
  return out;
}

/** The intended result of a line: ~80% achieved, ~10% exceeded, the rest not. */
function drawResult(rng: Rng): CommitmentResult {
  const r = rng.float();
  return r < 0.1 ? 'exceeded' : r < 0.185 ? 'not_achieved' : 'achieved';
}

/** An actual value that gives `intended` (or "achieved" where the target cannot be beaten). */
function actualFor(rng: Rng, intended: CommitmentResult, target: number, direction: CommitmentDirection, unit: string): number {
  const step = Math.max(1, Math.round(target * (0.1 + rng.float() * 0.3)));
  const percent = unit === '%';
  if (direction === 'more') {
    if (intended === 'exceeded') return percent ? Math.min(100, target + rng.int(1, 3)) : target + step;
    if (intended === 'not_achieved') return percent ? target - rng.int(1, 5) : Math.max(0, target - step);
    return target;
  }
  if (intended === 'exceeded') return Math.max(0, target - step);
  if (intended === 'not_achieved') return target + rng.int(1, 2);
  return target;
}

interface Subject {
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  createdOn: string;
  createdByKey: string;
  confirmedOn: string;
  confirmedByKey: string | null;
  evaluatedOn: string;
  evaluatedByKey: string | null;
  /** Who records progress: the member, or the cell secretary for the cell. */
  reporterKey: string;
}

/** A measurable indicator whose value at any date comes from the year's record. */
type Measure = (until: string) => number | null;

interface Line {
  section: CommitmentSection;
  title: string;
  evidence: string;
  kind: CommitmentKind;
  target: number | null;
  unit: string | null;
  direction: CommitmentDirection | null;
  /** Measured from the record; otherwise the result is drawn and the actual follows. */
  measure?: Measure;
  /** A qualitative line judged from the record. */
  judged?: { result: CommitmentResult; note: string };
}

/** A checkpoint at which progress on a line is recorded, on a day of its week. */
type Checkpoint = (typeof CHECKPOINTS)[number] & { on: string };

/** A subject's pledge lines in section order, each followed at one to three of the year's checkpoints. */
function commitmentLines(rng: Rng, subject: Subject, lines: readonly Line[], out: DemoCommitment[]): void {
  const sorted = [...lines].sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
  // Progress is recorded at one to three of the year's checkpoints after the confirmation.
  const open = CHECKPOINTS.filter((c) => c.from > subject.confirmedOn);
  const checkpoints = rng.sample(open, rng.int(1, Math.min(3, open.length))).sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((line, i) => {
    const base = commitmentBase(subject, line, i + 1);
    const dates = checkpoints.map((c) => ({ ...c, on: addDays(c.from, rng.int(0, 6)) }));
    out.push(line.kind === 'qualitative' ? qualitativeCommitment(rng, subject, line, base, dates) : measurableCommitment(rng, subject, line, base, dates));
  });
}

/** What a line says before it is followed and judged: who pledged what, confirmed and evaluated when. */
type CommitmentBase = Omit<DemoCommitment, 'actualValue' | 'progress' | 'result' | 'resultPercent' | 'evaluationNote'>;

function commitmentBase(subject: Subject, line: Line, position: number): CommitmentBase {
  return {
    key: `${subject.memberKey ?? subject.unitKey}/${YEAR}/${position}`,
    unitKey: subject.unitKey,
    subjectKind: subject.subjectKind,
    memberKey: subject.memberKey,
    year: YEAR,
    section: line.section,
    position,
    kind: line.kind,
    title: line.title,
    targetValue: line.target,
    measureUnit: line.unit,
    direction: line.direction,
    evidence: line.evidence,
    createdOn: subject.createdOn,
    createdByKey: subject.createdByKey,
    confirmedOn: subject.confirmedOn,
    confirmedByKey: subject.confirmedByKey,
    evaluatedOn: subject.evaluatedOn,
    evaluatedByKey: subject.evaluatedByKey,
    earlyEvaluationReason: EVALUATION.earlyEvaluationReason,
  };
}

/** A qualitative line: judged from the record where it can be, else drawn; progress in words. */
function qualitativeCommitment(rng: Rng, subject: Subject, line: Line, base: CommitmentBase, dates: readonly Checkpoint[]): DemoCommitment {
  const judged = line.judged ?? { result: drawResult(rng), note: '' };
  return {
    ...base,
    actualValue: null,
    progress: dates.map((c) => ({
      on: c.on,
      note: `${c.label}: ${lowerFirst(rng.pick(EVALUATION.qualitativeProgress[judged.result]))}`,
      value: null,
      authorKey: subject.reporterKey,
    })),
    result: judged.result,
    resultPercent: null,
    evaluationNote: judged.note || rng.pick(EVALUATION.qualitativeNotes[judged.result]),
  };
}

/** A measurable line: the actual value measured from the record or drawn, its progress a share of it. */
function measurableCommitment(rng: Rng, subject: Subject, line: Line, base: CommitmentBase, dates: readonly Checkpoint[]): DemoCommitment {
  const target = line.target!;
  const direction = line.direction!;
  const unit = line.unit!;
  const actual = line.measure ? (line.measure(YEAR_END) ?? 0) : actualFor(rng, drawResult(rng), target, direction, unit);
  const percent = commitmentPercent(target, actual, direction);
  const result = measurableResult(percent);
  const valueAt = (c: Checkpoint): number => {
    if (line.measure) return line.measure(c.on) ?? 0;
    if (unit === '%') return Math.max(0, Math.min(100, actual + rng.int(-3, 1)));
    return Math.round(actual * c.share);
  };
  return {
    ...base,
    actualValue: actual,
    progress: dates.map((c) => {
      const value = valueAt(c);
      return { on: c.on, note: `${c.label}: ${quantity(value, unit)}.`, value, authorKey: subject.reporterKey };
    }),
    result,
    resultPercent: percent,
    evaluationNote: measurableNote(rng, result, percent),
  };
}

/** The evaluation of a measurable line; one that falls short says what follows. */
function measurableNote(rng: Rng, result: CommitmentResult, percent: number): string {
  const notes = EVALUATION.measurableNotes;
  const reached = quantity(percent, '%');
  if (result === 'exceeded') return notes.exceeded.replace('{phanTram}', reached);
  if (result === 'achieved') return notes.achieved;
  return notes.not_achieved.replace('{phanTram}', reached).replace('{khacPhuc}', rng.pick(notes.remedies));
}

function pledgeLine(rng: Rng, p: Pledge, record: MemberRecord | undefined): Line {
  if (p.target) {
    const line: Line = {
      section: p.section,
      title: p.title,
      evidence: p.evidence,
      kind: 'measurable',
      target: rng.int(p.target[0], p.target[1]),
      unit: p.unit!,
      direction: p.direction!,
    };
    if (p.measured === 'late_count') line.measure = (until) => (record?.lateDates ?? []).filter((d) => d <= until).length;
    return line;
  }
  const line: Line = { section: p.section, title: p.title, evidence: p.evidence, kind: 'qualitative', target: null, unit: null, direction: null };
  if (p.measured === 'punctuality_fixed') {
    // Judged on the record: late again after the April 2022 meeting, or not.
    const dates = record?.lateDates ?? [];
    const after = dates.filter((d) => d >= STORY_TURN).length;
    const said = EVALUATION.punctuality;
    line.judged =
      after > 0
        ? { result: 'not_achieved', note: said.lateAgain.replace('{n}', String(after)) }
        : { result: 'achieved', note: dates.length > 0 ? said.fixed : said.alwaysOnTime };
  }
  return line;
}

/** A member's pledge: 4–8 lines, always a Chỉ thị 05 one, one on discipline and one or two on duties. */
function memberLines(rng: Rng, cell: Cell, record: MemberRecord | undefined): Line[] {
  const story = cell.unit.key === DONG_THU;
  const fits = (p: Pledge) => (!p.cells || p.cells.includes(cell.info.type)) && !(story && p.measured === 'late_count');
  const pool = (section: CommitmentSection) => MEMBER_PLEDGES.filter((p) => p.section === section && fits(p));
  const chosen: Pledge[] = [
    ...rng.sample(pool('directive_05'), rng.chance(0.35) ? 2 : 1),
    // Lateness is counted from the attendance record; few members pledge a number for it.
    rng.pick(pool('discipline').filter((p) => (p.measured === 'late_count') === (!story && rng.chance(0.12)))),
    ...rng.sample(pool('duties'), rng.int(1, 2)),
  ];
  if (story) chosen.push(...PLEDGES.dongThuPledges);
  const total = Math.max(chosen.length + 1, rng.int(4, 8));
  const optional = rng.shuffle(['political_thought', 'ethics_lifestyle', 'working_style', 'fix_shortcomings', 'congress_resolution'] as const);
  for (const section of optional) {
    if (chosen.length >= total) break;
    const left = pool(section).filter((p) => !chosen.includes(p));
    if (left.length > 0) chosen.push(rng.pick(left));
  }
  return chosen.slice(0, 8).map((p) => pledgeLine(rng, p, record));
}

interface CellFigures {
  attendanceRate: Measure;
  thematic: Measure;
  duesRate: Measure;
  newMembers: Measure;
  onTimeRate: Measure;
  handDownDelay: Measure;
}

/** A cell's year as its own record shows it, at any date of the year. */
function cellFigures(ctx: Context, cell: Cell): CellFigures {
  const upTo = (until: string) => cell.meetings.filter((m) => m.date <= until);
  const ownRows = (until: string) => upTo(until).flatMap((m) => m.attendance.filter((a) => a.role === 'member'));
  return {
    attendanceRate: (until) => {
      const rows = ownRows(until);
      return rows.length === 0 ? null : round1((100 * rows.filter((a) => a.status === 'present').length) / rows.length);
    },
    thematic: (until) => upTo(until).filter((m) => m.kind === 'thematic').length,
    duesRate: (until) => {
      let paid = 0;
      let due = 0;
      for (const m of upTo(until)) {
        for (const o of m.agenda.flatMap((a) => a.outcomes)) {
          const match = /: (\d+)\/(\d+) đảng viên đã nộp/.exec(o.text);
          if (match) {
            paid += Number(match[1]);
            due += Number(match[2]);
          }
        }
      }
      return due === 0 ? null : round1((100 * paid) / due);
    },
    newMembers: (until) => cell.unit.members.filter((m) => m.joinedOn >= `${YEAR}-01-01` && m.joinedOn <= until).length,
    onTimeRate: (until) => {
      const closed = (ctx.meetingTasks.get(cell.unit.key) ?? []).filter((t) => t.closedOn !== null && t.closedOn <= until);
      if (closed.length === 0) return null;
      return round1((100 * closed.filter((t) => t.status === 'on_time' || t.status === 'exceeded').length) / closed.length);
    },
    handDownDelay: (until) =>
      averageDelay(
        ctx.tasks
          .filter((t) => t.cellKey === cell.unit.key && t.handedDownOn !== null && t.handedDownOn <= until)
          .map((t) => handDownDelayDays(t.receivedOn, t.handedDownOn)),
      ),
  };
}

/** A cell's collective targets: 4–6 measurable lines under "duties". */
function cellLines(rng: Rng, ctx: Context, cell: Cell): Line[] {
  const f = cellFigures(ctx, cell);
  const village = cell.info.type === 'village';
  const targets = EVALUATION.cellTargets;
  type TargetName = keyof typeof targets;
  const line = (name: TargetName, target: number, measure?: Measure, direction: CommitmentDirection = 'more'): Line => ({
    section: 'duties',
    title: targets[name].title,
    evidence: targets[name].evidence,
    kind: 'measurable',
    target,
    unit: targets[name].unit,
    direction,
    ...(measure && { measure }),
  });
  const lines: Line[] = [
    line('attendanceRate', rng.pick([90, 95]), f.attendanceRate),
    line('thematic', 4, f.thematic),
    line('duesRate', 100, f.duesRate),
  ];
  if (cell.massOrgs.size > 0) lines.push(line('handDownDelay', 2, f.handDownDelay, 'less'));
  const extras: Line[] = [
    line('newMembers', 1, f.newMembers),
    line('onTimeRate', rng.pick([70, 75, 80]), f.onTimeRate),
    village ? line('culturalFamilies', rng.int(85, 92)) : line('membersDoingWell', rng.pick([85, 90])),
  ];
  const want = rng.int(4, 6);
  lines.push(...rng.sample(extras, Math.max(1, want - lines.length)));
  return lines;
}

function buildCommitments(ctx: Context, meetings: readonly DemoMeeting[]): DemoCommitment[] {
  const records = memberRecords(meetings);
  const out: DemoCommitment[] = [];
  for (const cell of ctx.cells) {
    const rng = new Rng(hashSeed(`commitments/${cell.unit.key}`));
    // The year-end review evaluates the members' pledges in the second half of December.
    const evaluatedOn = `${YEAR}-12-${pad(rng.int(15, 28))}`;
    for (const m of cell.unit.members) {
      // Members admitted late in the year pledge from the next one.
      if (m.status === 'exempt' || m.joinedOn > PLEDGE_CUTOFF) continue;
      memberCommitments(cell, m, evaluatedOn, records.get(m.key), out);
    }
    cellCommitments(rng, ctx, cell, out);
  }
  return out;
}

/**
 * A member's pledge, from its own stream: written in January (or soon after joining), confirmed
 * by the secretary at the February meeting (or a few days after writing, if later).
 */
function memberCommitments(cell: Cell, m: DemoMember, evaluatedOn: string, record: MemberRecord | undefined, out: DemoCommitment[]): void {
  const february = cell.meetings.find((x) => x.kind === 'regular' && x.date.slice(5, 7) === '02')!.date;
  const mrng = new Rng(hashSeed(`commitments/${m.key}`));
  const joinedThisYear = m.joinedOn >= `${YEAR}-01-01`;
  const createdOn = joinedThisYear ? addDays(m.joinedOn, mrng.int(7, 14)) : `${YEAR}-01-${pad(mrng.int(4, 25))}`;
  const confirmedOn = joinedThisYear || createdOn >= february ? addDays(createdOn, mrng.int(3, 10)) : february;
  const subject: Subject = {
    unitKey: cell.unit.key,
    subjectKind: 'member',
    memberKey: m.key,
    createdOn,
    createdByKey: m.key,
    confirmedOn,
    confirmedByKey: cell.secretary,
    evaluatedOn,
    evaluatedByKey: cell.secretary,
    reporterKey: m.key,
  };
  commitmentLines(mrng, subject, memberLines(mrng, cell, record), out);
}

/** The cell's own targets, confirmed in January and evaluated at the year's end by the commune committee. */
function cellCommitments(rng: Rng, ctx: Context, cell: Cell, out: DemoCommitment[]): void {
  const subject: Subject = {
    unitKey: cell.unit.key,
    subjectKind: 'unit',
    memberKey: null,
    createdOn: `${YEAR}-01-${pad(rng.int(5, 12))}`,
    createdByKey: cell.secretary,
    confirmedOn: `${YEAR}-01-${pad(rng.int(18, 28))}`,
    confirmedByKey: ctx.committeeKey,
    evaluatedOn: `${YEAR}-12-${pad(rng.int(29, 30))}`,
    evaluatedByKey: ctx.committeeKey,
    reporterKey: cell.secretary,
  };
  commitmentLines(rng, subject, cellLines(rng, ctx, cell), out);
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * The 2022 directives, their tasks, the hand-downs to mass organisations and the commitments,
 * for the commune and meetings of `buildDemoCommune` / `buildDemoMeetings`. Same result on every
 * call with the same input.
 */
export function buildDemoWork(commune: DemoCommune, meetings: readonly DemoMeeting[]): DemoWork {
  const cells: Cell[] = [];
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const own = meetings.filter((m) => m.cellKey === unit.key).sort((a, b) => a.date.localeCompare(b.date));
    const first = own[0];
    if (!first) throw new Error(`demo work: no meetings for ${unit.key}`);
    const massOrgs = new Map<MassOrg, string>();
    for (const u of commune.units) {
      if (u.kind === 'mass_org' && u.parentKey === unit.key) massOrgs.set(u.key.slice(unit.key.length + 1) as MassOrg, u.key);
    }
    cells.push({
      unit,
      info: cellInfo(unit),
      secretary: first.chairKey,
      clerk: first.secretaryKey,
      meetings: own,
      reviewDates: own.map((m) => m.date),
      december: own.find((m) => m.kind === 'regular' && m.date.slice(5, 7) === '12')!.date,
      massOrgs,
    });
  }
  const top = commune.units.find((u) => u.parentKey === null)?.key;
  const committee = commune.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee' && r.unitKey === top));
  const meetingTasks = new Map<string, { status: string; closedOn: string | null }[]>();
  for (const m of meetings) {
    const list = meetingTasks.get(m.cellKey) ?? [];
    for (const o of m.agenda.flatMap((a) => a.outcomes)) {
      if (o.task) list.push({ status: o.task.close?.outcome ?? 'open', closedOn: o.task.close?.on ?? null });
    }
    meetingTasks.set(m.cellKey, list);
  }
  const ctx: Context = {
    cells,
    committeeKey: committee?.memberKey ?? null,
    tasks: [],
    meetingTasks,
  };
  const directives = buildDirectives(ctx);
  for (const cell of cells) meetingHandDowns(ctx, cell);
  const commitments = buildCommitments(ctx, meetings);
  return { directives, tasks: ctx.tasks, commitments };
}
