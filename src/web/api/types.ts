// Types of the API contract, taken from the server's zod schemas. Type-only imports: zod never
// reaches the browser bundle.
import type { ErrorResponse } from '../../shared/schemas.js';
import type { MeResponse } from '../../features/auth/schemas.js';
import type {
  UnitDetail,
  UnitKind,
  UnitSummary,
  UnitTreeNode,
  CreateUnitBody,
  UpdateUnitBody,
} from '../../features/units/schemas.js';
import type {
  MemberDetail,
  MemberListResponse,
  MemberSummary,
  CreateMemberBody,
  UpdateMemberBody,
} from '../../features/members/schemas.js';
import type { MemberStatus, Gender } from '../../shared/enums.js';
import type { Action } from '../../domain/policy.js';
import type { AuditEntry, AuditListResponse } from '../../features/audit/schemas.js';
import type { Role } from '../../domain/roles.js';
import type { z } from 'zod';
import type {
  AccountSummary,
  CreateAccountBody,
  UpdateAccountBody,
  accountListResponse,
  accountWithPassword,
} from '../../features/accounts/schemas.js';

export type {
  ErrorResponse,
  MeResponse,
  UnitDetail,
  UnitKind,
  UnitSummary,
  UnitTreeNode,
  CreateUnitBody,
  UpdateUnitBody,
  MemberDetail,
  MemberListResponse,
  MemberSummary,
  CreateMemberBody,
  UpdateMemberBody,
  AuditEntry,
  AuditListResponse,
  Role,
  AccountSummary,
  CreateAccountBody,
  UpdateAccountBody,
  MemberStatus,
  Gender,
  Action,
};

export type UnitTreeResponse = { roots: UnitTreeNode[] };
export type AccountListResponse = z.infer<typeof accountListResponse>;
/** A new account or a password reset: the one-time password to hand over. */
export type AccountWithPassword = z.infer<typeof accountWithPassword>;
export type FieldMessage = NonNullable<ErrorResponse['error']['fields']>[number];

/** Values for selects: the very lists the server validates against. */
export { memberStatuses as MEMBER_STATUSES, genders as GENDERS, unitKinds as UNIT_KINDS } from '../../shared/enums.js';
export { roles as ROLES } from '../../domain/roles.js';
