// The rubric editor's working copy and its rules: pure functions, no React, no i18n (problems are
// message codes the components translate). The rules repeat the server's (createRubricBody) so
// the committee hears about a mistake at once; the server still has the last word.
import { meetingKinds, rubricMeasures, type MeetingKind, type RubricMeasure } from '../../../../shared/enums.js';
import type { CreateRubricBody, Rubric } from '../../../../features/meetings/schemas.js';

export type { MeetingKind, RubricMeasure };
export const MEETING_KINDS = meetingKinds;
export const RUBRIC_MEASURES = rubricMeasures;

/** '' = scored by hand by the chair (no measure). */
export type MeasureChoice = '' | RubricMeasure;

export interface CriterionRow {
  /** Stable React key (rows are added, removed and moved); also keys their error messages. */
  key: number;
  code: string;
  text: string;
  /** As typed ("2,5" or "2.5"). */
  points: string;
  measure: MeasureChoice;
  /** Percent as typed, only for attendance_rate ("90" = 0.9). */
  threshold: string;
}

export interface LevelRow {
  key: number;
  name: string;
  min: string;
}

export interface Draft {
  kind: MeetingKind;
  name: string;
  source: string;
  /** Checked against the official text of the province's form. */
  verified: boolean;
  criteria: CriterionRow[];
  levels: LevelRow[];
}

/** What a rubric shows, loaded or still a draft. */
export type RubricContent = Pick<Rubric, 'kind' | 'name' | 'source' | 'verified' | 'criteria' | 'levels'>;

/** The server's limits (createRubricBody, rubricCriterion, rubricLevel). */
export const LIMITS = {
  name: 200,
  source: 500,
  text: 500,
  levelName: 60,
  criteria: 40,
  levels: 10,
  points: 100,
  levelMin: 1000,
} as const;
export const CODE_PATTERN = /^[a-z0-9_-]{1,40}$/;
/** The server counts from 90% when a form names no threshold (domain/meetings.ts). */
export const DEFAULT_THRESHOLD = 0.9;

let lastKey = 0;
export const newKey = (): number => ++lastKey;

export function emptyCriterion(code = ''): CriterionRow {
  return { key: newKey(), code, text: '', points: '', measure: '', threshold: '' };
}
export function emptyLevel(): LevelRow {
  return { key: newKey(), name: '', min: '' };
}
export function emptyDraft(kind: MeetingKind = 'regular'): Draft {
  return { kind, name: '', source: '', verified: false, criteria: [emptyCriterion('1')], levels: [emptyLevel()] };
}

/** The smallest whole number not yet used as a code: a new row's suggested code. */
export function nextCode(rows: readonly CriterionRow[]): string {
  const used = new Set(rows.map((r) => r.code.trim()));
  let n = rows.length + 1;
  for (let i = 1; i <= rows.length + 1; i++) {
    if (!used.has(String(i))) {
      n = i;
      break;
    }
  }
  return String(n);
}

/** "2,5" / "2.5" / " 10 " → number; '' → null; anything else → NaN. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** 0.9 → 90; 0.875 → 87.5. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** Numbers as a person writes them ("2.5" for the input; the display formats per language). */
const plain = (n: number) => String(n);

/** Sum of the points typed so far (rows not yet valid count as 0): the editor's live total. */
export function draftTotal(draft: Pick<Draft, 'criteria'>): number {
  const sum = draft.criteria.reduce((s, r) => {
    const p = parseNumber(r.points);
    return s + (p !== null && Number.isFinite(p) ? p : 0);
  }, 0);
  return Math.round(sum * 100) / 100;
}

export function totalPoints(criteria: readonly { points: number }[]): number {
  return Math.round(criteria.reduce((s, c) => s + c.points, 0) * 100) / 100;
}

/** A loaded rubric → editor rows (used to start from the form in use). */
export function rowsFrom(r: Pick<RubricContent, 'criteria' | 'levels'>): Pick<Draft, 'criteria' | 'levels'> {
  return {
    criteria: r.criteria.map((c) => ({
      key: newKey(),
      code: c.code,
      text: c.text,
      points: plain(c.points),
      measure: c.measure ?? '',
      threshold: c.measure === 'attendance_rate' && c.threshold !== undefined ? plain(toPercent(c.threshold)) : '',
    })),
    levels: r.levels.map((l) => ({ key: newKey(), name: l.name, min: plain(l.min) })),
  };
}

// --- checking -------------------------------------------------------------------------------------

export type Problem =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'codeFormat' }
  | { code: 'codeDuplicate' }
  | { code: 'points'; max: number }
  | { code: 'threshold' }
  | { code: 'levelMin'; max: number }
  | { code: 'levelMinAboveTotal'; total: number }
  | { code: 'levelMinDuplicate' }
  | { code: 'tooMany'; max: number }
  | { code: 'atLeastOne' };

export type TopField = 'kind' | 'name' | 'source' | 'criteria' | 'levels';
export type CriterionField = 'code' | 'text' | 'points' | 'measure' | 'threshold';
export type LevelField = 'name' | 'min';

/** Messages beside each field: rows by their key, so that they stay with a row that moves. */
export interface DraftErrors<M> {
  fields: Partial<Record<TopField, M>>;
  criteria: Record<number, Partial<Record<CriterionField, M>>>;
  levels: Record<number, Partial<Record<LevelField, M>>>;
}

export function noErrors<M>(): DraftErrors<M> {
  return { fields: {}, criteria: {}, levels: {} };
}

export function hasErrors<M>(e: DraftErrors<M>): boolean {
  return (
    Object.keys(e.fields).length > 0 ||
    Object.values(e.criteria).some((r) => Object.keys(r).length > 0) ||
    Object.values(e.levels).some((r) => Object.keys(r).length > 0)
  );
}

function checkText(value: string, max: number): Problem | undefined {
  const s = value.trim();
  if (!s) return { code: 'required' };
  if (s.length > max) return { code: 'tooLong', max };
  return undefined;
}

/** The draft as the body to send, or the problems to show beside the fields. */
export function checkDraft(
  draft: Draft,
  unitId: string,
): { ok: true; body: CreateRubricBody } | { ok: false; errors: DraftErrors<Problem> } {
  const errors = noErrors<Problem>();
  const name = checkText(draft.name, LIMITS.name);
  if (name) errors.fields.name = name;
  const source = checkText(draft.source, LIMITS.source);
  if (source) errors.fields.source = source;
  if (!(MEETING_KINDS as readonly string[]).includes(draft.kind)) errors.fields.kind = { code: 'required' };

  if (draft.criteria.length === 0) errors.fields.criteria = { code: 'atLeastOne' };
  else if (draft.criteria.length > LIMITS.criteria) errors.fields.criteria = { code: 'tooMany', max: LIMITS.criteria };
  if (draft.levels.length === 0) errors.fields.levels = { code: 'atLeastOne' };
  else if (draft.levels.length > LIMITS.levels) errors.fields.levels = { code: 'tooMany', max: LIMITS.levels };

  const seen = new Set<string>();
  const criteria: CreateRubricBody['criteria'] = [];
  for (const row of draft.criteria) {
    const e: Partial<Record<CriterionField, Problem>> = {};
    const code = row.code.trim();
    if (!code) e.code = { code: 'required' };
    else if (!CODE_PATTERN.test(code)) e.code = { code: 'codeFormat' };
    else if (seen.has(code)) e.code = { code: 'codeDuplicate' };
    seen.add(code);
    const text = checkText(row.text, LIMITS.text);
    if (text) e.text = text;
    const points = parseNumber(row.points);
    if (points === null) e.points = { code: 'required' };
    else if (!(points > 0 && points <= LIMITS.points)) e.points = { code: 'points', max: LIMITS.points };
    let threshold: number | undefined;
    if (row.measure === 'attendance_rate' && row.threshold.trim() !== '') {
      const pct = parseNumber(row.threshold);
      if (pct === null || !(pct > 0 && pct <= 100)) e.threshold = { code: 'threshold' };
      else threshold = Number((pct / 100).toFixed(4));
    }
    if (Object.keys(e).length > 0) errors.criteria[row.key] = e;
    else {
      criteria.push({
        code,
        text: row.text.trim(),
        points: points!,
        ...(row.measure ? { measure: row.measure } : {}),
        ...(threshold !== undefined ? { threshold } : {}),
      });
    }
  }

  const total = draftTotal(draft);
  const mins = new Set<number>();
  const levels: CreateRubricBody['levels'] = [];
  for (const row of draft.levels) {
    const e: Partial<Record<LevelField, Problem>> = {};
    const levelName = checkText(row.name, LIMITS.levelName);
    if (levelName) e.name = levelName;
    const min = parseNumber(row.min);
    if (min === null) e.min = { code: 'required' };
    else if (!(min >= 0 && min <= LIMITS.levelMin)) e.min = { code: 'levelMin', max: LIMITS.levelMin };
    else if (total > 0 && min > total) e.min = { code: 'levelMinAboveTotal', total };
    else if (mins.has(min)) e.min = { code: 'levelMinDuplicate' };
    if (min !== null && Number.isFinite(min)) mins.add(min);
    if (Object.keys(e).length > 0) errors.levels[row.key] = e;
    else levels.push({ name: row.name.trim(), min: min! });
  }

  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    body: { unitId, kind: draft.kind, name: draft.name.trim(), source: draft.source.trim(), verified: draft.verified, criteria, levels },
  };
}

/** Levels from the highest threshold down, as they are read (and as the server stores them). */
export function levelsHighFirst<L extends { min: number }>(levels: readonly L[]): L[] {
  return [...levels].sort((a, b) => b.min - a.min);
}

// --- server messages --------------------------------------------------------------------------------

/**
 * A 400's `fields` → messages beside the editor's fields. The server names rows by position
 * (`criteria.2.points`); `sentKeys` are the rows' keys in the order they were sent.
 */
export function serverErrors(
  fields: readonly { field: string; message: string }[],
  sent: { criteria: readonly number[]; levels: readonly number[] },
): { errors: DraftErrors<string>; unmatched: string[] } {
  const errors = noErrors<string>();
  const unmatched: string[] = [];
  for (const f of fields) {
    const row = /(?:^|\.)(criteria|levels)\.(\d+)(?:\.(\w+))?$/.exec(f.field);
    if (row) {
      const list = row[1] as 'criteria' | 'levels';
      const key = sent[list][Number(row[2])];
      const field = row[3];
      const allowed: readonly string[] = list === 'criteria' ? ['code', 'text', 'points', 'measure', 'threshold'] : ['name', 'min'];
      if (key !== undefined && field && allowed.includes(field)) {
        const target = (errors[list][key] ??= {}) as Record<string, string>;
        target[field] ??= f.message;
        continue;
      }
    }
    const top = /(?:^|\.)(kind|name|source|criteria|levels)$/.exec(f.field);
    if (top) {
      errors.fields[top[1] as TopField] ??= f.message;
      continue;
    }
    unmatched.push(f.message);
  }
  return { errors, unmatched };
}
