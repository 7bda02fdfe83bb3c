import type { Generated } from 'kysely';

/**
 * Table types. Conventions shared by both dialects:
 * - ids are UUID v7 strings (time-ordered, mergeable across communes);
 * - times are ISO-8601 UTC strings (`2026-11-28T04:24:42.000Z`), dates `yyyy-mm-dd`;
 * - "flags" are nullable timestamps (`archived_at`) rather than booleans;
 * - every row carries the unit it belongs to, so data can be partitioned by province.
 */
export interface UnitTable {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids, `/root/…/self/`, for subtree queries by prefix. */
  path: string;
  depth: number;
  kind: string;
  name: string;
  /** foldVietnamese(name): lets "dong thu" find the members of Chi bộ thôn Đồng Thứ. */
  search_name: string;
  code: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  unit_id: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  full_name: string;
  /** foldVietnamese(full name + card number): diacritic-free search text. */
  search_text: string;
  /** vietnameseSortKey(): byte order = Vietnamese name order. */
  sort_key: string;
  gender: string | null;
  birth_year: number | null;
  card_number: string | null;
  joined_on: string | null;
  official_on: string | null;
  status: string;
  phone: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: string;
  /** The unit that manages this account (its office decides on it). */
  unit_id: string;
  username: string;
  password_hash: string;
  display_name: string;
  member_id: string | null;
  locale: string;
  must_change_password: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  account_id: string;
  role: string;
  unit_id: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not give working cookies. */
  id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  /** Gap-free sequence: a deleted row breaks the chain visibly. */
  seq: number;
  at: string;
  actor_account_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  units: UnitTable;
  members: MemberTable;
  accounts: AccountTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
}
