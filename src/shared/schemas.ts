import { z } from 'zod';

/** Every record id is a UUID (v7, time-ordered), so rows from many communes can be merged. */
export const id = z.uuid();

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** The body of every 4xx/5xx answer. `fields` names each bad input field (dot path). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** The error answers a signed-in route may give, for its OpenAPI `response` map. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
} as const;

/** Calendar date as stored and sent: yyyy-mm-dd (shown as dd/mm/yyyy). */
export const isoDate = z.iso.date();
