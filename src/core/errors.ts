import type { $ZodIssue } from 'zod/v4/core';
import { fieldLabel, translate, type Lang, type MessageKey } from './messages.js';

/**
 * An error the API reports to the caller. `code` doubles as the message key; the message is
 * produced in the caller's language when the response is written.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields?: { field: string; messageKey: MessageKey; params?: Record<string, string | number> }[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

/** One field's rule failure, for `fieldErrors`. */
export interface FieldProblem {
  field: string;
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

/** A 400 naming one field, worded like a schema failure ("Giờ đến (entries.2.arrivedAt): …"). */
export const fieldError = (field: string, messageKey: MessageKey, params?: Record<string, string | number>) =>
  fieldErrors([{ field, messageKey, ...(params ? { params } : {}) }]);

/** A 400 naming every bad field at once (say all that is missing, not the first). */
export const fieldErrors = (problems: FieldProblem[]) => new AppError(400, 'validation', {}, problems);

export const unauthorized = () => new AppError(401, 'unauthorized');
export const forbidden = () => new AppError(403, 'forbidden');
export const notFound = () => new AppError(404, 'not_found');

/** Request validation failure carrying the zod issues of one part of the request. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: readonly $ZodIssue[],
  ) {
    super('validation');
  }
}

export interface FieldMessage {
  field: string;
  message: string;
}

/** Turns one zod issue into a plain-language message naming the field. */
export function describeIssue(lang: Lang, issue: $ZodIssue & { input?: unknown }): FieldMessage[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...issue.path, key].join('.');
      return { field, message: `${fieldLabel(lang, field)}: ${translate(lang, 'issue.unknown_field')}` };
    });
  }
  const field = issue.path.length ? issue.path.join('.') : 'body';
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => [
    { field, message: `${fieldLabel(lang, field)}: ${translate(lang, key, params)}` },
  ];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return say('issue.required');
      const typeKey = `type.${issue.expected}` as MessageKey;
      return say('issue.type', { expected: safeTranslate(lang, typeKey, issue.expected) });
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? say('issue.required') : say('issue.too_short', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return say('issue.too_few', { min: Number(issue.minimum) });
      return say('issue.too_small', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return say('issue.too_long', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return say('issue.too_many', { max: Number(issue.maximum) });
      return say('issue.too_big', { max: Number(issue.maximum) });
    case 'invalid_format':
      return say('issue.format', { format: safeTranslate(lang, `format.${issue.format}` as MessageKey, issue.format) });
    case 'invalid_value':
      return say('issue.enum', { values: issue.values.map(String).join(', ') });
    default:
      return say('issue.invalid');
  }
}

/** Translates a key built from zod's vocabulary, falling back to zod's own word when we have none. */
function safeTranslate(lang: Lang, key: MessageKey, fallback: string): string {
  const text = translate(lang, key);
  return text === key ? fallback : text;
}
