import { z } from 'zod';
import { id } from '../../shared/schemas.js';
import { roles } from '../../domain/roles.js';
import { unitKinds } from '../../shared/enums.js';

const unitKind = z.enum(unitKinds);

export const locale = z.enum(['vi', 'en']);

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The language picked on the sign-in page: it wins over the account's and becomes the account's. */
  locale: locale.optional(),
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const roleAssignment = z.object({
  id,
  role: z.enum(roles),
  unitId: id,
  unitName: z.string(),
  unitKind,
});

/** GET /api/me — who is calling and what they may do. */
export const meResponse = z.object({
  account: z.object({
    id,
    username: z.string(),
    displayName: z.string(),
    locale,
    mustChangePassword: z.boolean(),
  }),
  member: z
    .object({ id, fullName: z.string(), unitId: id, unitName: z.string() })
    .nullable(),
  roles: z.array(roleAssignment),
  /** Actions the caller may take somewhere in their scope (for navigation). */
  actions: z.array(z.string()),
});
export type MeResponse = z.infer<typeof meResponse>;

/** PATCH /api/me — what a person may change about their own account from the app. */
export const updateMeBody = z.strictObject({ locale });

export const okResponse = z.object({ ok: z.literal(true) });
