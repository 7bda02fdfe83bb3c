/** A cell as the present's builders see it: its chair, clerk, meeting time and members' names. */
import type { DemoMember, DemoUnit } from './commune.js';
import { cellInfo, OFFICE_TASKS, VILLAGE_TASKS, type CellInfo, type DemoMeeting } from './meetings.js';
import type { Rng } from './random.js';
import { joinFullName } from '../domain/vietnamese.js';
import { pad, ROMAN } from './present-window.js';

export interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  office: boolean;
  chair: DemoMember;
  clerk: DemoMember;
  time: string;
  names: Map<string, string>;
  meetings: DemoMeeting[];
}

export const activeOn = (m: DemoMember, date: string): boolean => m.status !== 'exempt' && m.joinedOn <= date;
export const comrade = (cell: Cell, key: string): string => `đồng chí ${cell.names.get(key)!}`;
export const Comrade = (cell: Cell, key: string): string => `Đồng chí ${cell.names.get(key)!}`;

export function fill(t: string, info: CellInfo, year: number, month: number): string {
  return fillDate(t.replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where).replaceAll('{where}', info.where), year, month);
}

/** The date placeholders alone: a text for the whole commune (a directive) names no cell. */
export function fillDate(t: string, year: number, month: number): string {
  const quarter = Math.ceil(month / 3);
  return t
    .replaceAll('{thangSau}', String(month === 12 ? 1 : month + 1))
    .replaceAll('{thang}', String(month))
    .replaceAll('{nam}', String(year))
    .replaceAll('{quy}', ROMAN[quarter - 1]!)
    .replaceAll('{quySau}', quarter === 4 ? `I/${year + 1}` : `${ROMAN[quarter]!}/${year}`);
}

/** Meeting-task templates that still make sense after 2022 (no 2022 dates, no finished land allocations). */
export function templatesFor(cell: Cell, year: number, month: number): { title: string; deliverable: string }[] {
  const pool = cell.info.type === 'village' ? VILLAGE_TASKS : OFFICE_TASKS[cell.info.type];
  return pool
    .filter((t) => (!t.m || t.m.includes(month)) && (!t.k || t.k.includes(cell.unit.key)))
    .filter((t) => !/2023|COVID|Trại Khóng|Lồng Chấy/.test(t.t + t.d))
    .map((t) => ({ title: fill(t.t.replaceAll('2022', '{nam}'), cell.info, year, month), deliverable: fill(t.d.replaceAll('2022', '{nam}'), cell.info, year, month) }));
}

export function cellOf(rng: Rng, unit: DemoUnit, from: string): Cell {
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

export function monthLabel(month: string): string {
  return `tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

