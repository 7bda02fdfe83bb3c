/**
 * What every step of the 2022 "tự soi, tự sửa" story shares: the year and its days, the cells with
 * the record their 2022 meetings left (who arrived late, whose tasks ran late), the context the
 * steps pass along, and the small date and time helpers. Pure, like the rest of the builder.
 */
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import { addDays, cellInfo, YEAR_END, type CellInfo, type DemoMeeting } from './meetings.js';
import { Rng } from './random.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { joinFullName } from '../domain/vietnamese.js';
import type { FeedbackTopic } from '../shared/enums.js';
import type { DemoFeedback, DemoSelfExamination } from './self-examination.js';

export const DEMO_SELF_EXAM_YEAR = 2022;
export const YEAR = DEMO_SELF_EXAM_YEAR;
export const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';
/** Members admitted after this day make their first self-examination the next year (as with the pledges). */
export const CUTOFF = `${YEAR}-10-15`;
/** The commune's directive on Nghị quyết T.Ư 4, "gắn với việc tự soi, tự sửa", reached the cells this day. */
export const NQ4_DIRECTIVE = `${YEAR}-03-14`;

/** The checklist codes the demo marks (reference/manifestations-27.json, reference/exemplary-qd08.json). */
export const MANIFESTATION_CODES: readonly string[] = ['CT', 'DD', 'DB'].flatMap((g) => Array.from({ length: 9 }, (_, i) => `${g}${i + 1}`));
export const EXEMPLARY_CODES: readonly string[] = Array.from({ length: 10 }, (_, i) => `NG${i + 1}`);

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
/** dd/mm/yyyy, as the app shows dates. */
export const shown = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
export const stripDot = (s: string): string => s.replace(/\.$/, '');

/** A story text with its `{name}` placeholders filled in (src/demo/story/README.md); others are left as they are. */
export function fillText(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (all, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : all));
}

/**
 * A story file with its year placeholders filled in every text: `{nam}` the story's year, `{nam_truoc}`
 * the year before, `{nam_sau}` the year after. The files hold no years of their own, so the same words
 * serve 2022 and the account holder's own year.
 */
export function withYear<T>(story: T, year: number): T {
  const values = { nam_truoc: year - 1, nam: year, nam_sau: year + 1 };
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return fillText(v, values);
    if (Array.isArray(v)) return v.map(fill);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(story) as T;
}

/** The last day of the month `months` after `date`'s month. */
export function monthEndAfter(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(y, m + 1, 0));
  return last.toISOString().slice(0, 10);
}

/** A random day in [from, to] (both yyyy-mm-dd); `from` when the range is empty. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** An instant during office hours (08:00–16:59, UTC+7) on `date`. */
export const officeAt = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;
/** An instant in the evening (19:00–21:59, UTC+7) on `date`: when village members write. */
export const eveningAt = (rng: Rng, date: string): string => `${date}T${pad(rng.int(12, 14))}:${pad(rng.int(0, 59))}:00.000Z`;
export const plusMinutes = (instant: string, minutes: number): string => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

// ---------------------------------------------------------------------------
// Cells and the record they left in 2022
// ---------------------------------------------------------------------------

export interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  village: boolean;
  story: boolean;
  low: boolean;
  /** Chair of the cell's meetings (the secretary) and its clerk (a cell committee member). */
  secretary: string;
  clerk: string;
  meetings: DemoMeeting[];
  /** Members who take part in 2022: not excused from party activities, admitted by CUTOFF. */
  members: DemoMember[];
  /** Full name → member key of everyone active in 2022, to read the meetings' minutes. */
  byName: Map<string, string>;
}

export interface MemberRecord {
  /** Meetings (dates) the member arrived late to / was present at on time. */
  lateDates: string[];
  onTimeDates: string[];
  /** Meeting tasks the member owned: deadline, and whether they finished late or not at all. */
  tasks: { deadline: string; late: boolean }[];
}

export interface Context {
  cells: Cell[];
  cellOf: Map<string, Cell>;
  names: Map<string, string>;
  records: Map<string, MemberRecord>;
  memberByKey: Map<string, DemoMember>;
}

export const activeOn = (m: DemoMember, date: string): boolean => m.status !== 'exempt' && m.joinedOn <= date;

function memberRecords(meetings: readonly DemoMeeting[]): Map<string, MemberRecord> {
  const out = new Map<string, MemberRecord>();
  const get = (key: string) => {
    let r = out.get(key);
    if (!r) out.set(key, (r = { lateDates: [], onTimeDates: [], tasks: [] }));
    return r;
  };
  for (const m of meetings) {
    const start = Date.parse(meetingStartsAt(m.date, m.startTime));
    for (const a of m.attendance) {
      if (a.role !== 'member' || a.status !== 'present' || a.arrivedAt === null) continue;
      (Date.parse(a.arrivedAt) > start ? get(a.memberKey).lateDates : get(a.memberKey).onTimeDates).push(m.date);
    }
    for (const o of m.agenda.flatMap((a) => a.outcomes)) {
      const t = o.task;
      if (!t) continue;
      const late = t.doneOn === null ? t.close !== null : t.doneOn > t.deadline;
      get(t.ownerKey).tasks.push({ deadline: t.deadline, late });
    }
  }
  for (const r of out.values()) {
    r.lateDates.sort();
    r.onTimeDates.sort();
  }
  return out;
}

/**
 * The three cells with the least attended meetings of 2022, apart from the two the demo tells
 * stories about: where meetings are thin, self-examination and feedback are thin too.
 */
export function lowParticipationCells(meetings: readonly DemoMeeting[]): string[] {
  const counts = new Map<string, { present: number; total: number }>();
  for (const m of meetings) {
    if (m.cellKey === DONG_THU || m.cellKey === LUU_QUANG) continue;
    const c = counts.get(m.cellKey) ?? { present: 0, total: 0 };
    for (const a of m.attendance) {
      if (a.role !== 'member') continue;
      c.total += 1;
      if (a.status === 'present') c.present += 1;
    }
    counts.set(m.cellKey, c);
  }
  return [...counts]
    .map(([key, c]) => ({ key, rate: c.present / Math.max(1, c.total) }))
    .sort((a, b) => a.rate - b.rate || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map((c) => c.key);
}

export function buildContext(commune: DemoCommune, meetings: readonly DemoMeeting[]): Context {
  const low = new Set(lowParticipationCells(meetings));
  const names = new Map<string, string>();
  const memberByKey = new Map<string, DemoMember>();
  for (const u of commune.units) {
    for (const m of u.members) {
      names.set(m.key, joinFullName(m));
      memberByKey.set(m.key, m);
    }
  }
  const cells: Cell[] = [];
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const own = meetings.filter((m) => m.cellKey === unit.key).sort((a, b) => a.date.localeCompare(b.date));
    const first = own[0];
    if (!first) throw new Error(`demo self-examination: no meetings for ${unit.key}`);
    const members = unit.members.filter((m) => activeOn(m, CUTOFF));
    // Everyone who could be named in 2022's minutes, those admitted late in the year too.
    const byName = new Map<string, string>();
    for (const m of unit.members) if (activeOn(m, YEAR_END)) byName.set(joinFullName(m), m.key);
    const info = cellInfo(unit);
    cells.push({
      unit,
      info,
      village: info.type === 'village',
      story: unit.key === DONG_THU,
      low: low.has(unit.key),
      secretary: first.chairKey,
      clerk: first.secretaryKey,
      meetings: own,
      members,
      byName,
    });
  }
  return { cells, cellOf: new Map(cells.map((c) => [c.unit.key, c])), names, records: memberRecords(meetings), memberByKey };
}

export const recordOf = (ctx: Context, key: string): MemberRecord => ctx.records.get(key) ?? { lateDates: [], onTimeDates: [], tasks: [] };
/** Who verifies a member's items and reviews their self-examination: the secretary, or for the secretary the clerk. */
export const verifierOf = (cell: Cell, memberKey: string): string => (memberKey === cell.secretary ? cell.clerk : cell.secretary);

/** How an item's outcome is judged: on the attendance record, the feedback given, the tasks, or drawn. */
export type Kind = 'late' | 'reluctant' | 'vague' | 'study' | 'example' | 'service' | 'speech' | 'residence' | 'feedback';

// ---------------------------------------------------------------------------
// Items awaiting their outcome
// ---------------------------------------------------------------------------

export interface PendingItem {
  key: string;
  cell: Cell;
  memberKey: string;
  year: number;
  kind: Kind;
  shortcoming: string;
  action: string;
  successCriteria: string;
  deadline: string;
  sourceKind: 'self_examination' | 'feedback';
  selfExamKey: string | null;
  feedbackKey: string | null;
  topic: FeedbackTopic | null;
  createdAt: string;
  createdOn: string;
  /** Dates after which nothing happens: the end of 2022 for the 2022 record. */
  until: string;
}

export interface Builder {
  ctx: Context;
  exams: DemoSelfExamination[];
  feedback: DemoFeedback[];
  pending: PendingItem[];
}

/** An instant during a meeting, `minutes` after it started. */
export const duringMeeting = (m: DemoMeeting, minutes: number): string => plusMinutes(meetingStartsAt(m.date, m.startTime), minutes);
export const joinName = (ctx: Context, key: string): string => ctx.names.get(key) ?? '';
