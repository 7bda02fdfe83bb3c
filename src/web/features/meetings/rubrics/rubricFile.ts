// A province's form as a JSON file in the project's reference format
// (reference/meeting-rubric-sample.json): { about?, name, source, kind, criteria, levels }.
// Read into the editor's rows; whatever is missing or wrong is listed so the committee can
// complete it in the editor (or fix the file) before anything is sent.
import {
  MEETING_KINDS,
  RUBRIC_MEASURES,
  newKey,
  toPercent,
  type CriterionRow,
  type Draft,
  type LevelRow,
  type MeetingKind,
  type RubricMeasure,
} from './draft.js';

/** Bigger than any real form; a larger file is surely the wrong one. */
export const MAX_FILE_BYTES = 512 * 1024;

export type FileFailure =
  /** Not JSON at all (the parser's own words in `detail`). */
  | { reason: 'notJson'; detail: string }
  /** JSON, but not an object with a list of criteria: not a rubric file. */
  | { reason: 'notRubric' }
  | { reason: 'tooBig' }
  | { reason: 'unreadable' };

export interface FileResult {
  draft: Draft;
  /** Paths of fields missing or wrong in the file ("name", "criteria[3].points"), in file order. */
  problems: string[];
  /** The file's own note (`about`), shown as it is. */
  about: string | null;
  /** The file says its content is not yet checked against the official text (`"verified": false`). */
  unverified: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The file's text → editor rows, or why it cannot be used. `fallbackKind` fills the kind when the
 * file does not say it.
 */
export function parseRubricFile(text: string, fallbackKind: MeetingKind): { ok: true; value: FileResult } | { ok: false; failure: FileFailure } {
  let data: unknown;
  try {
    // A UTF-8 byte-order mark (files saved by some Windows editors) is not JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, failure: { reason: 'notJson', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isObject(data) || !Array.isArray(data.criteria)) return { ok: false, failure: { reason: 'notRubric' } };

  const problems: string[] = [];
  const name = str(data.name);
  if (name === null) problems.push('name');
  const source = str(data.source);
  if (source === null) problems.push('source');
  let kind = fallbackKind;
  if ((MEETING_KINDS as readonly unknown[]).includes(data.kind)) kind = data.kind as MeetingKind;
  else problems.push('kind');

  const criteria: CriterionRow[] = [];
  data.criteria.forEach((c: unknown, i: number) => {
    const at = (field: string) => `criteria[${i + 1}]${field ? `.${field}` : ''}`;
    if (!isObject(c)) {
      problems.push(at(''));
      return;
    }
    const code = typeof c.code === 'string' ? c.code.trim() : typeof c.code === 'number' ? String(c.code) : '';
    if (!code) problems.push(at('code'));
    const criterionText = str(c.text);
    if (criterionText === null) problems.push(at('text'));
    const points = num(c.points);
    if (points === null) problems.push(at('points'));
    let measure: '' | RubricMeasure = '';
    if (c.measure !== undefined && c.measure !== null && c.measure !== '') {
      if ((RUBRIC_MEASURES as readonly unknown[]).includes(c.measure)) measure = c.measure as RubricMeasure;
      else problems.push(at('measure'));
    }
    let threshold = '';
    if (c.threshold !== undefined && c.threshold !== null) {
      const t = num(c.threshold);
      // A fraction (0.9): the editor shows it as a percent and checks the range.
      if (t === null || t <= 0 || t > 1) problems.push(at('threshold'));
      if (t !== null) threshold = String(toPercent(t));
    }
    criteria.push({
      key: newKey(),
      code,
      text: criterionText ?? '',
      points: points === null ? '' : String(points),
      measure,
      threshold: measure === 'attendance_rate' ? threshold : '',
    });
  });
  if (criteria.length === 0) problems.push('criteria');

  const levels: LevelRow[] = [];
  if (Array.isArray(data.levels)) {
    data.levels.forEach((l: unknown, i: number) => {
      const at = (field: string) => `levels[${i + 1}]${field ? `.${field}` : ''}`;
      if (!isObject(l)) {
        problems.push(at(''));
        return;
      }
      const levelName = str(l.name);
      if (levelName === null) problems.push(at('name'));
      const min = num(l.min);
      if (min === null) problems.push(at('min'));
      levels.push({ key: newKey(), name: levelName ?? '', min: min === null ? '' : String(min) });
    });
  }
  if (levels.length === 0) problems.push('levels');

  return {
    ok: true,
    value: {
      draft: {
        kind,
        name: name ?? '',
        source: source ?? '',
        verified: data.verified === true,
        criteria: criteria.length > 0 ? criteria : [{ key: newKey(), code: '1', text: '', points: '', measure: '', threshold: '' }],
        levels: levels.length > 0 ? levels : [{ key: newKey(), name: '', min: '' }],
      },
      problems,
      about: str(data.about),
      unverified: data.verified === false,
    },
  };
}

/** Reads a chosen file as UTF-8 text (FileReader: also on older phone browsers). */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}
