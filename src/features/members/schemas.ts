import { z } from 'zod';
import { id, isoDate, pageQuery } from '../../shared/schemas.js';

import { genders, memberStatuses } from '../../shared/enums.js';

export { genders, memberStatuses };
export const memberStatus = z.enum(memberStatuses);

export const memberSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  fullName: z.string(),
  gender: z.enum(genders).nullable(),
  birthYear: z.number().int().nullable(),
  cardNumber: z.string().nullable(),
  status: memberStatus,
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const memberDetail = memberSummary.extend({
  familyName: z.string(),
  middleName: z.string(),
  givenName: z.string(),
  joinedOn: isoDate.nullable(),
  officialOn: isoDate.nullable(),
  phone: z.string().nullable(),
  hasAccount: z.boolean(),
  archived: z.boolean(),
  allowedActions: z.array(z.string()),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const memberListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: memberStatus.optional(),
  ...pageQuery,
});
export const memberListResponse = z.object({
  items: z.array(memberSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MemberListResponse = z.infer<typeof memberListResponse>;

const namePart = z.string().trim().max(60);
const fields = {
  familyName: namePart.min(1),
  middleName: namePart,
  givenName: namePart.min(1),
  gender: z.enum(genders).nullable(),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  cardNumber: z.string().trim().regex(/^[0-9A-Za-z.-]{4,20}$/).nullable(),
  joinedOn: isoDate.nullable(),
  officialOn: isoDate.nullable(),
  status: memberStatus,
  phone: z.string().trim().regex(/^[0-9+ .()-]{6,20}$/).nullable(),
};
export const createMemberBody = z.strictObject({
  unitId: id,
  ...fields,
  middleName: fields.middleName.default(''),
  gender: fields.gender.optional(),
  birthYear: fields.birthYear.optional(),
  cardNumber: fields.cardNumber.optional(),
  joinedOn: fields.joinedOn.optional(),
  officialOn: fields.officialOn.optional(),
  phone: fields.phone.optional(),
});
export type CreateMemberBody = z.infer<typeof createMemberBody>;
export const updateMemberBody = z.strictObject({
  unitId: id.optional(),
  familyName: fields.familyName.optional(),
  middleName: fields.middleName.optional(),
  givenName: fields.givenName.optional(),
  gender: fields.gender.optional(),
  birthYear: fields.birthYear.optional(),
  cardNumber: fields.cardNumber.optional(),
  joinedOn: fields.joinedOn.optional(),
  officialOn: fields.officialOn.optional(),
  status: fields.status.optional(),
  phone: fields.phone.optional(),
  archived: z.boolean().optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;
export const memberParams = z.strictObject({ id });
