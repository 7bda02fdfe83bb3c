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
  memberStatuses,
  genders,
} from '../../features/members/schemas.js';
import type { AuditEntry, auditListResponse } from '../../features/audit/schemas.js';
import type { Role } from '../../domain/roles.js';
import type { z } from 'zod';

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
  Role,
};

export type MemberStatus = (typeof memberStatuses)[number];
export type Gender = (typeof genders)[number];
export type UnitTreeResponse = { roots: UnitTreeNode[] };
export type AuditListResponse = z.infer<typeof auditListResponse>;
export type FieldMessage = NonNullable<ErrorResponse['error']['fields']>[number];

/** Actions named by the API (MeResponse.actions, *.allowedActions). */
export type Action =
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'unit.move'
  | 'unit.archive'
  | 'member.read'
  | 'member.create'
  | 'member.update'
  | 'audit.read'
  | 'account.manage';

/** Values listed here for selects (kept in sync with the zod enums by the `satisfies` checks). */
export const MEMBER_STATUSES = ['official', 'probationary', 'exempt'] as const satisfies readonly MemberStatus[];
export const GENDERS = ['male', 'female', 'other'] as const satisfies readonly Gender[];
export const UNIT_KINDS = ['province', 'commune', 'intermediate', 'cell', 'mass_org'] as const satisfies readonly UnitKind[];
