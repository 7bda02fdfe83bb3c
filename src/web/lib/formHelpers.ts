// Small form helpers of the meeting screens: API field messages for repeated rows, people options.
import { useEffect, type RefObject } from 'react';
import { ApiError, isApiError } from '../api/client.js';
import type { FieldMessage } from '../api/types.js';
import { formErrorsFrom, type FormErrors } from './forms.js';

/** Messages for each row of a repeated group, by index, then by field name. */
export type RowErrors = Record<number, Record<string, string>>;

/**
 * Splits an API error into messages for the rows of `group` (`agenda.3.title` → row 3, field
 * `title`) and the form's own fields. When every message sits beside its field or row, the
 * summary only points at them (rather than repeating them).
 */
export function splitErrors<F extends string>(
  error: unknown,
  group: string | null,
  known: readonly F[],
  fallback: string,
): { form: FormErrors<F>; rows: RowErrors } {
  if (!isApiError(error)) return { form: formErrorsFrom(error, known, fallback), rows: {} };
  const rows: RowErrors = {};
  const rest: FieldMessage[] = [];
  const pattern = group ? new RegExp(`(?:^|\\.)${group}\\.(\\d+)\\.(\\w+)`) : null;
  for (const f of error.fields) {
    const m = pattern?.exec(f.field);
    if (!m) {
      rest.push(f);
      continue;
    }
    const row = (rows[Number(m[1])] ??= {});
    row[m[2]!] ??= f.message;
  }
  const form = formErrorsFrom(new ApiError(error.status, error.code, error.message, rest), known, fallback);
  const unmatched = rest.filter((f) => !known.some((k) => f.field.split('.').includes(k)));
  if (error.fields.length > 0 && unmatched.length === 0) form.general = fallback;
  return { form, rows };
}

/** An API error as messages for a form's fields (see `splitErrors`). */
export function fieldErrors<F extends string>(error: unknown, known: readonly F[], fallback: string): FormErrors<F> {
  return splitErrors(error, null, known, fallback).form;
}

export interface PersonOption {
  value: string;
  label: string;
}

/** "12" → 12, "" → null, anything else → 'invalid'. */
export function wholeNumber(text: string | number, min: number, max: number): number | null | 'invalid' {
  const s = String(text).trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return 'invalid';
  const n = Number(s);
  return n < min || n > max ? 'invalid' : n;
}

/**
 * After a failed submit, takes the person to what needs fixing: the first invalid field (focused,
 * so it scrolls into view and is announced), else the form's error summary. `attempt` changes
 * with each failed submit.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0 || !container.current) return;
    const field = container.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) {
      field.focus();
      return;
    }
    container.current.querySelector<HTMLElement>('.ts-notice[data-tone="error"]')?.scrollIntoView({ block: 'center' });
  }, [attempt, container]);
}
