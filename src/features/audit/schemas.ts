import { z } from 'zod';
import { id, pageQuery } from '../../shared/schemas.js';

export const auditQuery = z.strictObject({
  recordType: z.string().trim().min(1).max(50),
  recordId: id,
  ...pageQuery,
});

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditListResponse = z.object({
  items: z.array(auditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditListResponse = z.infer<typeof auditListResponse>;
