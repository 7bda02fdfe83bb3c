import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FieldProblem } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { isWithin } from '../../domain/policy.js';
import type { InspectionKindRule } from '../../domain/inspection.js';
import { findUnit } from '../units/lookup.js';
import { findMemberWithUnit } from '../members/lookup.js';
import * as repo from './repo.js';

type Db = Kysely<Database>;

/** Who a case or a programme item is about, and who works on it: checked the same way for both. */
export interface Subject {
  unitId: string;
  unitPath: string;
  memberId: string | null;
}

/** The subject named by a unit or a member, within the deciding unit's subtree (a cell only supervises its own members). */
export async function resolveSubject(db: Db, decidingUnit: { id: string; path: string; kind: string }, input: { subjectUnitId?: string | undefined; subjectMemberId?: string | undefined }, kind: InspectionKindRule | undefined, prefix = ''): Promise<Subject | FieldProblem> {
  const problem = (field: string, messageKey: MessageKey): FieldProblem => ({ field: `${prefix}${field}`, messageKey });
  if (input.subjectMemberId) {
    const m = await findMemberWithUnit(db, input.subjectMemberId);
    if (!m || m.archived_at !== null || !isWithin(m.unit_path, decidingUnit.path)) return problem('subjectMemberId', 'inspection_subject_out_of_scope');
    if (kind && !kind.subjects.includes('member')) return problem('subjectMemberId', 'inspection_kind_subject_unit_only');
    if (input.subjectUnitId && input.subjectUnitId !== m.unit_id) return problem('subjectUnitId', 'inspection_subject_both');
    return { unitId: m.unit_id, unitPath: m.unit_path, memberId: m.id };
  }
  if (!input.subjectUnitId) return problem('subjectUnitId', 'inspection_subject_required');
  const u = await findUnit(db, input.subjectUnitId);
  // A unit below the deciding one (a committee supervises its cells; a cell supervises members, not itself).
  if (!u || u.archived_at !== null || u.id === decidingUnit.id || !isWithin(u.path, decidingUnit.path) || u.kind === 'mass_org') return problem('subjectUnitId', 'inspection_subject_out_of_scope');
  if (kind && !kind.subjects.includes('unit')) return problem('subjectUnitId', 'inspection_kind_subject_member_only');
  return { unitId: u.id, unitPath: u.path, memberId: null };
}

export const isProblem = (x: Subject | FieldProblem): x is FieldProblem => 'messageKey' in x;

/** The lead and the team: active members within the deciding unit's subtree, each named once (one query). */
export async function checkPeople(db: Db, decidingPath: string, leadId: string | null, teamIds: readonly string[], say: (field: string, key: MessageKey) => void, prefix = '') {
  const people = new Map((await repo.membersWithPaths(db, [...new Set([...(leadId ? [leadId] : []), ...teamIds])])).map((m) => [m.id, m]));
  const eligible = (id: string) => {
    const m = people.get(id);
    return m !== undefined && m.archived_at === null && isWithin(m.unit_path, decidingPath);
  };
  if (leadId && !eligible(leadId)) say(`${prefix}leadMemberId`, 'inspection_team_unknown');
  teamIds.forEach((id, i) => {
    if (teamIds.indexOf(id) !== i) say(`${prefix}teamMemberIds.${i}`, 'duplicate_entry');
    else if (!eligible(id)) say(`${prefix}teamMemberIds.${i}`, 'inspection_team_unknown');
  });
}

export function reviewPeriodProblems(from: string | undefined, to: string | undefined, say: (field: string, key: MessageKey, params?: Record<string, string | number>) => void, prefix = ''): void {
  if (from && to && to < from) say(`${prefix}reviewTo`, 'inspection_period_order');
}

