import i18n, { currentLanguage } from '../i18n/index.js';
import type { ErrorResponse, FieldMessage } from './types.js';

/** An API answer other than 2xx (or no answer at all: status 0, code 'network'). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldMessage[];

  constructor(status: number, code: string, message: string, fields: FieldMessage[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Every query's `retry` (app/queryClient.ts): a 403 or 404 is an answer, not a hiccup; asking again would not change it. */
export const retryUnlessAnswered = (count: number, e: unknown): boolean =>
  !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2;

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function isErrorBody(v: unknown): v is ErrorResponse {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

/**
 * Call the API: `path` is relative to /api. JSON in, JSON out; the session cookie goes along
 * (same origin) and Accept-Language follows the UI language so error messages come translated.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let url = `/api${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) {
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  const text = await res.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = isErrorBody(data) ? data.error : undefined;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? i18n.t('errors.generic', { status: res.status }),
      err?.fields ?? [],
    );
  }
  return data as T;
}
