import { z } from 'zod';
import { id, pageQuery } from '../../shared/schemas.js';
import { roles } from '../../domain/roles.js';

const roleGrant = z.strictObject({ role: z.enum(roles), unitId: id });

export const accountSummary = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  unitId: id,
  unitName: z.string(),
  memberId: id.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ role: z.enum(roles), unitId: id, unitName: z.string() })),
});
export type AccountSummary = z.infer<typeof accountSummary>;

export const accountListQuery = z.strictObject({ q: z.string().trim().max(100).optional(), ...pageQuery });
export const accountListResponse = z.object({
  items: z.array(accountSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const createAccountBody = z.strictObject({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,49}$/),
  displayName: z.string().trim().min(2).max(200),
  /** The unit whose office manages the account. */
  unitId: id,
  memberId: id.nullable().optional(),
  roles: z.array(roleGrant).min(1).max(20),
});
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z.strictObject({
  displayName: z.string().trim().min(2).max(200).optional(),
  disabled: z.boolean().optional(),
  roles: z.array(roleGrant).min(1).max(20).optional(),
});
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

/** A new account or a reset gives a one-time password to hand over; it must be changed at first sign-in. */
export const accountWithPassword = z.object({ account: accountSummary, temporaryPassword: z.string() });
export const accountParams = z.strictObject({ id });
