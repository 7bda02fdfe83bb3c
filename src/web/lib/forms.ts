import { isApiError } from '../api/client.js';

export interface FormErrors<F extends string> {
  /** Messages to show under each form field. */
  fields: Partial<Record<F, string>>;
  /** A summary (or messages for fields the form does not show). */
  general: string | null;
}

/**
 * Turn an API error into messages for a form: `error.fields[].field` is a dot path
 * ("birthYear", "body.birthYear", "contact.phone"); it is matched against the form's field names.
 */
export function formErrorsFrom<F extends string>(error: unknown, known: readonly F[], fallback: string): FormErrors<F> {
  if (!isApiError(error)) return { fields: {}, general: fallback };
  const fields: Partial<Record<F, string>> = {};
  const unmatched: string[] = [];
  for (const f of error.fields) {
    const parts = f.field.split('.');
    const name = known.find((k) => parts.includes(k));
    if (name && !fields[name]) fields[name] = f.message;
    else if (!name) unmatched.push(f.message);
  }
  // The summary adds nothing when it only repeats the message shown under a field.
  const matched = Object.values(fields) as string[];
  const summary = matched.includes(error.message) ? null : error.message;
  const general = [summary, ...unmatched].filter(Boolean).join(' ');
  if (!general && matched.length > 0) return { fields, general: null };
  return { fields, general: general || fallback };
}

/**
 * The API's messages by the path of their field ("stepDays.plan", "daysOff.3", "individual.maxLateShare"), without
 * the label the server puts before them (the form shows its own); those `shows` does not place
 * go to the summary, as does a message naming no field.
 */
export function errorsAt(error: unknown, shows: (field: string) => boolean, fallback: string): FormErrors<string> {
  if (!isApiError(error)) return { fields: {}, general: fallback };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of error.fields) {
    // "Ngày nghỉ (daysOff): …", or "daysOff.3: …" where the path has no label of its own.
    const labelled = f.message.indexOf(`(${f.field}): `);
    const bare = f.message.startsWith(`${f.field}: `) ? f.field.length + 2 : -1;
    const text = labelled >= 0 ? f.message.slice(labelled + f.field.length + 4) : bare >= 0 ? f.message.slice(bare) : f.message;
    if (shows(f.field)) fields[f.field] ??= text;
    else rest.push(f.message);
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: rest.length > 0 ? rest.join(' ') : placed ? null : error.message || fallback };
}

/** '' → null, otherwise the trimmed text. */
export function textOrNull(v: string): string | null {
  const s = v.trim();
  return s === '' ? null : s;
}

/** The list with item `from` moved one step up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
