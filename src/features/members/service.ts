import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { allowedActions, type Actor } from '../../domain/policy.js';
import { foldVietnamese, joinFullName, vietnameseSortKey } from '../../domain/vietnamese.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import type { Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import * as repo from './repo.js';
import type { MemberRow } from './repo.js';
import { authorizeMember, memberActions } from './policy.js';
import type { CreateMemberBody, MemberDetail, MemberListResponse, UpdateMemberBody } from './schemas.js';

type MemberStatus = MemberDetail['status'];
type Gender = NonNullable<MemberDetail['gender']>;

/** Name-derived columns kept in step with the name parts (every writer of members uses this). */
export function derivedNameColumns(parts: { family_name: string; middle_name: string; given_name: string; card_number: string | null }) {
  const fullName = joinFullName({ familyName: parts.family_name, middleName: parts.middle_name, givenName: parts.given_name });
  return {
    full_name: fullName,
    search_text: foldVietnamese(`${fullName} ${parts.card_number ?? ''}`),
    sort_key: vietnameseSortKey(parts.family_name, parts.middle_name, parts.given_name),
  };
}

/** What the audit log keeps of a member. */
function snapshot(row: MemberRow, unitName: string) {
  return {
    unitId: row.unit_id,
    // The cell's name beside its id keeps the history readable after a move.
    unitName,
    familyName: row.family_name,
    middleName: row.middle_name,
    givenName: row.given_name,
    gender: row.gender,
    birthYear: row.birth_year,
    cardNumber: row.card_number,
    joinedOn: row.joined_on,
    officialOn: row.official_on,
    status: row.status,
    phone: row.phone,
    archivedAt: row.archived_at,
  };
}

export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { q?: string | undefined; status?: MemberStatus | undefined; page: number; pageSize: number },
): Promise<MemberListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'member.read', unit);
  const words = query.q ? foldVietnamese(query.q).split(' ').filter(Boolean).slice(0, 8) : [];
  const { total, rows } = await repo.searchMembers(db, {
    unitPath: unit!.path,
    words,
    status: query.status,
    includeArchived: false,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      fullName: r.full_name,
      gender: r.gender as Gender | null,
      birthYear: r.birth_year,
      cardNumber: r.card_number,
      status: r.status as MemberStatus,
    })),
  };
}

export async function memberDetail(ctx: AppContext, actor: Actor, id: string): Promise<MemberDetail> {
  const row = await repo.findMemberWithUnit(ctx.handle.db, id);
  authorizeMember(actor, 'member.read', row);
  return present(ctx.handle.db, actor, row!);
}

async function present(
  db: Kysely<Database>,
  actor: Actor,
  row: MemberRow & { unit_path: string; unit_name: string },
): Promise<MemberDetail> {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fullName: row.full_name,
    familyName: row.family_name,
    middleName: row.middle_name,
    givenName: row.given_name,
    gender: row.gender as Gender | null,
    birthYear: row.birth_year,
    cardNumber: row.card_number,
    joinedOn: row.joined_on,
    officialOn: row.official_on,
    status: row.status as MemberStatus,
    phone: row.phone,
    hasAccount: await repo.hasAccount(db, row.id),
    archived: row.archived_at !== null,
    allowedActions: allowedActions(actor, { unitPath: row.unit_path }, memberActions),
  };
}

/** A member belongs to a cell the actor may manage. */
async function targetCell(trx: Kysely<Database>, actor: Actor, unitId: string, action: 'member.create' | 'member.update') {
  const unit = await findUnit(trx, unitId);
  authorizeReferencedUnit(actor, action, unit, 'unitId');
  if (unit!.kind !== 'cell' || unit!.archived_at) {
    throw new AppError(400, 'member_unit_kind', {}, [{ field: 'unitId', messageKey: 'member_unit_kind' }]);
  }
  return unit!;
}

async function assertCardNumberFree(trx: Kysely<Database>, cardNumber: string | null, exceptId?: string) {
  if (!cardNumber) return;
  const other = await repo.findByCardNumber(trx, cardNumber);
  if (other && other.id !== exceptId) {
    throw new AppError(409, 'conflict', { field: 'cardNumber' }, [
      { field: 'cardNumber', messageKey: 'conflict', params: { field: 'cardNumber' } },
    ]);
  }
}

export async function createMember(ctx: AppContext, actor: Actor, body: CreateMemberBody): Promise<MemberDetail> {
  const { dialect } = ctx.handle;
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const cell = await targetCell(trx, actor, body.unitId, 'member.create');
    await assertCardNumberFree(trx, body.cardNumber ?? null);
    const now = nowIso();
    const base = {
      family_name: body.familyName,
      middle_name: body.middleName,
      given_name: body.givenName,
      card_number: body.cardNumber ?? null,
    };
    const row: MemberRow = {
      id: newId(),
      unit_id: body.unitId,
      ...base,
      ...derivedNameColumns(base),
      gender: body.gender ?? null,
      birth_year: body.birthYear ?? null,
      joined_on: body.joinedOn ?? null,
      official_on: body.officialOn ?? null,
      status: body.status,
      phone: body.phone ?? null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertMember(trx, row);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'member.create',
      recordType: 'member',
      recordId: row.id,
      unitId: row.unit_id,
      after: snapshot(row, cell.name),
    });
    return row.id;
  });
  return memberDetail(ctx, actor, id);
}

export async function updateMember(ctx: AppContext, actor: Actor, id: string, body: UpdateMemberBody): Promise<MemberDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await repo.findMemberWithUnit(trx, id);
    authorizeMember(actor, 'member.update', current);
    const row = current!;
    const newCell = body.unitId && body.unitId !== row.unit_id ? await targetCell(trx, actor, body.unitId, 'member.update') : undefined;
    if (body.cardNumber !== undefined) await assertCardNumberFree(trx, body.cardNumber, id);
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    const now = nowIso();
    const nameParts = {
      family_name: pick(body.familyName, row.family_name),
      middle_name: pick(body.middleName, row.middle_name),
      given_name: pick(body.givenName, row.given_name),
      card_number: pick(body.cardNumber, row.card_number),
    };
    const next: MemberRow = {
      id: row.id,
      unit_id: pick(body.unitId, row.unit_id),
      ...nameParts,
      ...derivedNameColumns(nameParts),
      gender: pick(body.gender, row.gender),
      birth_year: pick(body.birthYear, row.birth_year),
      joined_on: pick(body.joinedOn, row.joined_on),
      official_on: pick(body.officialOn, row.official_on),
      status: pick(body.status, row.status),
      phone: pick(body.phone, row.phone),
      archived_at: body.archived === undefined ? row.archived_at : body.archived ? (row.archived_at ?? now) : null,
      created_at: row.created_at,
      updated_at: now,
    };
    // Saving an unchanged form is not a change: no write, no audit entry.
    if (canonicalJson(snapshot(row, '')) === canonicalJson(snapshot(next, ''))) return;
    const { id: _id, created_at: _created, ...patch } = next;
    await repo.updateMember(trx, id, patch);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'member.update',
      recordType: 'member',
      recordId: id,
      unitId: next.unit_id,
      before: snapshot(row, row.unit_name),
      after: snapshot(next, newCell?.name ?? row.unit_name),
    });
  });
  return memberDetail(ctx, actor, id);
}
