import {
  commitmentDirections,
  commitmentKinds,
  commitmentSections,
  type CommitmentDirection,
  type CommitmentKind,
  type CommitmentResult,
  type CommitmentSection,
} from '../shared/enums.js';
import { commitmentPercent } from './tasks.js';

/**
 * Pure rules for commitments (chỉ tiêu cam kết) beyond the percent and result in tasks.ts: what
 * a valid line of the pledge holds, which years may be registered, and the Vietnamese words the
 * spreadsheet uses. No I/O; the service, the importer and the tests share them.
 */

/** Vietnamese section titles of the yearly pledge, as the paper form and the spreadsheet write them. */
export const sectionNamesVi: Record<CommitmentSection, string> = {
  political_thought: 'Về tư tưởng chính trị',
  ethics_lifestyle: 'Về phẩm chất đạo đức, lối sống',
  discipline: 'Về ý thức tổ chức kỷ luật',
  working_style: 'Về tác phong, lề lối làm việc',
  duties: 'Về thực hiện chức trách, nhiệm vụ được giao',
  fix_shortcomings: 'Khắc phục hạn chế, khuyết điểm năm trước',
  congress_resolution: 'Chương trình hành động thực hiện nghị quyết đại hội',
  directive_05: 'Việc "làm theo" gương Bác (Chỉ thị 05-CT/TW)',
};

export const kindNamesVi: Record<CommitmentKind, string> = { measurable: 'Định lượng', qualitative: 'Định tính' };
export const directionNamesVi: Record<CommitmentDirection, string> = { more: 'Càng nhiều càng tốt', less: 'Càng ít càng tốt' };
export const resultNamesVi: Record<CommitmentResult, string> = { achieved: 'Đạt', exceeded: 'Vượt', not_achieved: 'Không đạt' };

/** Sections in the order of the pledge: lists group by it. */
export function sectionOrder(section: string): number {
  const i = commitmentSections.indexOf(section as CommitmentSection);
  return i < 0 ? commitmentSections.length : i;
}

/** Commitment years one may register or import: last year to next year (the pledge is made in January, or late December). */
export function allowedYears(today: string): { from: number; to: number } {
  const year = Number(today.slice(0, 4));
  return { from: year - 1, to: year + 1 };
}

/** The measurable-only fields of a commitment. */
export const measurableFields = ['targetValue', 'measureUnit', 'direction'] as const;
export type MeasurableField = (typeof measurableFields)[number];

export interface CommitmentContent {
  kind: CommitmentKind;
  targetValue: number | null;
  measureUnit: string | null;
  direction: CommitmentDirection | null;
}

/**
 * What is wrong with a line's content: a measurable one lacks some of target, unit and
 * direction (all named at once); a qualitative one carries some of them. Empty = valid.
 */
export function contentProblems(c: CommitmentContent): { field: MeasurableField; problem: 'required' | 'not_allowed' }[] {
  const present: Record<MeasurableField, boolean> = {
    targetValue: c.targetValue !== null,
    measureUnit: c.measureUnit !== null && c.measureUnit !== '',
    direction: c.direction !== null,
  };
  return measurableFields
    .filter((f) => (c.kind === 'measurable' ? !present[f] : present[f]))
    .map((field) => ({ field, problem: c.kind === 'measurable' ? 'required' : 'not_allowed' }));
}

/** Percent of a measurable target reached so far; null without an actual value or for a qualitative line. */
export function progressPercent(c: CommitmentContent & { actualValue: number | null }): number | null {
  if (c.kind !== 'measurable' || c.targetValue === null || c.direction === null || c.actualValue === null) return null;
  return commitmentPercent(c.targetValue, c.actualValue, c.direction);
}


/** Vietnamese words → enum values, folded (no diacritics, lower case), for the importer. */
export const kindWords: Record<string, CommitmentKind> = {
  'dinh luong': 'measurable',
  'dinh tinh': 'qualitative',
  ...Object.fromEntries(commitmentKinds.map((k) => [k, k])),
};
export const directionWords: Record<string, CommitmentDirection> = {
  'cang nhieu cang tot': 'more',
  'cang cao cang tot': 'more',
  'tang': 'more',
  'cang it cang tot': 'less',
  'cang thap cang tot': 'less',
  'giam': 'less',
  ...Object.fromEntries(commitmentDirections.map((d) => [d, d])),
};

/** The year's figures of a set of commitments (the shape of `CommitmentCounts` in the API). */
export interface CommitmentFigures {
  total: number;
  confirmed: number;
  evaluated: number;
  achieved: number;
  exceeded: number;
  notAchieved: number;
}

/** Figures of several groups added up (a commune's from its cells'); none gives zeros. */
export function sumCommitmentFigures(parts: readonly CommitmentFigures[]): CommitmentFigures {
  const total: CommitmentFigures = { total: 0, confirmed: 0, evaluated: 0, achieved: 0, exceeded: 0, notAchieved: 0 };
  for (const p of parts) for (const key of Object.keys(total) as (keyof CommitmentFigures)[]) total[key] += p[key];
  return total;
}

/** The figures of a set of commitments: confirmed, evaluated, and the results. */
export function countCommitments(items: readonly { confirmedAt: string | null; result: string | null }[]): CommitmentFigures {
  const counts = { total: items.length, confirmed: 0, evaluated: 0, achieved: 0, exceeded: 0, notAchieved: 0 };
  for (const c of items) {
    if (c.confirmedAt) counts.confirmed += 1;
    if (c.result) counts.evaluated += 1;
    if (c.result === 'achieved') counts.achieved += 1;
    else if (c.result === 'exceeded') counts.exceeded += 1;
    else if (c.result === 'not_achieved') counts.notAchieved += 1;
  }
  return counts;
}
