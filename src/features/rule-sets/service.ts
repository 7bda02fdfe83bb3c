/**
 * Bộ quy định có phiên bản: ONE store for every rule set the application keeps as versioned
 * reference data (the rating rules of QĐ 366 so far; the checklist and the inspection rules are
 * written the same way and could move here). A set is named by its code: the rows' set_code, the
 * audit's record type and the prefix of its audit actions. A unit keeps at most one current
 * version of a set; the version in effect for a unit is the one kept by the nearest unit at or
 * above it. Changing an item writes a new version (the old one is retired and read-only) in which
 * that item is unconfirmed again; confirming an item records who and when, in place. Every write
 * is audited in the caller's transaction. Who may read or change a set is the set's own policy.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { Database, RuleSetItemTable, RuleSetVersionTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { pathIds } from '../../domain/unit-paths.js';
import type { Actor } from '../../domain/policy.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { askedOrOwnUnitPath } from '../members/lookup.js';
import * as repo from './repo.js';
import type { RuleSetVersionsResponse } from './schemas.js';
import type { RuleSetItemRow, RuleSetVersionRow } from './repo.js';

export type { RuleSetItemRow, RuleSetVersionRow } from './repo.js';

type Db = Kysely<Database>;

/** An item as a set's starting data or an edit gives it; the store numbers and files it. */
export type NewRuleSetItem = Pick<RuleSetItemTable, 'item_type' | 'code' | 'name' | 'source' | 'data_json'> & Partial<Pick<RuleSetItemTable, 'confirmed_at' | 'confirmed_by_account_id'>>;

export interface RuleSetDefinition {
  /** set_code of the rows, the audit's record type and its actions' prefix (e.g. 'rating_rules'). */
  code: string;
  /** The starting data, every item unconfirmed: loaded for the root unit the first time anyone needs the set. */
  starting(): { source: string; note: string; items: NewRuleSetItem[] };
}

/** What the versions list shows of each version. */
export type RuleSetVersionSummary = RuleSetVersionsResponse['items'][number];

const snapshot = (i: Pick<RuleSetItemTable, 'item_type' | 'code' | 'name' | 'source' | 'data_json'>) => ({ type: i.item_type, code: i.code, name: i.name, source: i.source, data: JSON.parse(i.data_json) as unknown });

/** Writes a version of a set (retiring the one it replaces), audited as `<code>.<action>`. Returns its id. */
export async function writeVersion(
  trx: Db,
  dialect: DialectHelpers,
  set: RuleSetDefinition,
  actorAccountId: string | null,
  unitId: string,
  content: { source: string; note: string; items: readonly NewRuleSetItem[]; replaces?: string },
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<string> {
  const now = nowIso();
  if (content.replaces) await repo.retireVersion(trx, content.replaces, now);
  const version: RuleSetVersionTable = {
    id: newId(),
    set_code: set.code,
    unit_id: unitId,
    version: (await repo.maxVersion(trx, set.code, unitId)) + 1,
    source: content.source,
    note: content.note,
    retired_at: null,
    created_by_account_id: actorAccountId,
    created_at: now,
  };
  await repo.insertVersion(
    trx,
    version,
    content.items.map((i, index) => ({ confirmed_at: null, confirmed_by_account_id: null, ...i, id: newId(), version_id: version.id, unit_id: unitId, position: index + 1 })),
  );
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: `${set.code}.${audit.action}`,
    recordType: set.code,
    recordId: version.id,
    unitId,
    before: audit.before,
    after: { version: version.version, note: version.note, ...(audit.after ? { change: audit.after } : { items: content.items.length }) },
  });
  return version.id;
}

/** Loads a set's starting data for a unit (audited as `<code>.load`). */
export function loadStarting(trx: Db, dialect: DialectHelpers, set: RuleSetDefinition, unitId: string, actorAccountId: string | null): Promise<string> {
  const start = set.starting();
  return writeVersion(trx, dialect, set, actorAccountId, unitId, start, { action: 'load' });
}

export function findVersion(db: Db, set: RuleSetDefinition, id: string): Promise<RuleSetVersionRow | undefined> {
  return repo.findVersion(db, set.code, id);
}

/** The version in effect for a unit: the current one kept by the nearest unit at or above it. */
export async function versionInEffect(db: Db, set: RuleSetDefinition, unitPath: string): Promise<RuleSetVersionRow | undefined> {
  const versions = await repo.currentVersionsOf(db, set.code, pathIds(unitPath));
  return versions.sort((a, b) => b.unit_path.length - a.unit_path.length)[0];
}

/** The version in effect, loading the starting data for the root unit the first time anyone needs it. Call in the caller's write transaction. */
export async function ensureVersion(trx: Db, dialect: DialectHelpers, set: RuleSetDefinition, unitPath: string): Promise<RuleSetVersionRow> {
  const found = await versionInEffect(trx, set, unitPath);
  if (found) return found;
  const id = await loadStarting(trx, dialect, set, pathIds(unitPath)[0]!, null);
  return (await repo.findVersion(trx, set.code, id))!;
}

/** The items of a version, in their order, with who confirmed each. */
export function itemsOfVersion(db: Db, versionId: string): Promise<RuleSetItemRow[]> {
  return repo.itemsOfVersion(db, versionId);
}

/** A unit's versions of a set, newest first, with how many items of each nobody has confirmed. */
export async function versionsOfUnit(db: Db, set: RuleSetDefinition, unitId: string): Promise<RuleSetVersionSummary[]> {
  const rows = await repo.versionsOfUnit(db, set.code, unitId);
  return rows.map((r) => ({ id: r.id, version: Number(r.version), note: r.note, createdAt: r.created_at, createdByName: r.created_by_name, retiredAt: r.retired_at, unconfirmed: Number(r.unconfirmed ?? 0) }));
}

/**
 * An item about to change, with its version. `authorize` gets the version (undefined when the
 * item is not of this set) and throws as the set's policy says; a retired version is a 409.
 */
export async function itemForChange(trx: Db, set: RuleSetDefinition, id: string, authorize: (version: RuleSetVersionRow | undefined) => void) {
  const item = await repo.findItem(trx, set.code, id);
  const version = item ? await repo.findVersion(trx, set.code, item.version_id) : undefined;
  authorize(version);
  if (!item || !version) throw notFound();
  if (version.retired_at !== null) throw new AppError(409, 'rule_set_version_retired');
  return { item, version };
}

const copyOf = ({ id: _i, version_id: _v, unit_id: _u, position: _p, confirmed_by_name: _n, ...rest }: RuleSetItemRow): NewRuleSetItem => rest;

/**
 * Sửa một mục: a new version of the set in which this item has its new name, source and data
 * and is unconfirmed again; the others keep theirs. Audited as `<code>.update` with before and
 * after. Nothing changed is a 400 naming the reason (`note`).
 */
export async function editItem(
  trx: Db,
  dialect: DialectHelpers,
  set: RuleSetDefinition,
  actorAccountId: string | null,
  target: { item: RuleSetItemTable; version: RuleSetVersionRow },
  next: Pick<RuleSetItemTable, 'name' | 'source' | 'data_json'>,
  note: string,
): Promise<string> {
  const { item, version } = target;
  if (next.name === item.name && next.source === item.source && next.data_json === item.data_json) throw fieldError('note', 'rule_set_no_change');
  const items = await repo.itemsOfVersion(trx, version.id);
  return writeVersion(
    trx,
    dialect,
    set,
    actorAccountId,
    version.unit_id,
    { source: version.source, note: `${item.name}: ${note}`, replaces: version.id, items: items.map((i) => (i.id === item.id ? { ...copyOf(i), ...next, confirmed_at: null, confirmed_by_account_id: null } : copyOf(i))) },
    { action: 'update', before: { version: Number(version.version), item: snapshot(item) }, after: snapshot({ ...item, ...next }) },
  );
}

/** Đã đối chiếu văn bản chính thức: who and when, on the item itself (no new version); audited as `<code>.confirm`. */
export async function confirmItem(
  trx: Db,
  dialect: DialectHelpers,
  set: RuleSetDefinition,
  actorAccountId: string,
  target: { item: RuleSetItemTable; version: RuleSetVersionRow },
  note: string | null,
): Promise<void> {
  const { item, version } = target;
  if (item.confirmed_at !== null) throw new AppError(409, 'rule_set_item_confirmed');
  const at = nowIso();
  await repo.confirmItem(trx, item.id, { confirmed_at: at, confirmed_by_account_id: actorAccountId });
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: `${set.code}.confirm`,
    recordType: set.code,
    recordId: version.id,
    unitId: version.unit_id,
    before: { code: item.code, type: item.item_type, confirmedAt: null },
    after: { code: item.code, type: item.item_type, confirmedAt: at, note },
  });
}

// --- reading, as the API answers -----------------------------------------------------------------

/** An item's provenance as every set's page shows it. */
export const provenanceOf = (i: Pick<RuleSetItemRow, 'id' | 'code' | 'name' | 'source' | 'confirmed_at' | 'confirmed_by_name'>) => ({
  id: i.id,
  code: i.code,
  name: i.name,
  source: i.source,
  confirmed: i.confirmed_at !== null,
  confirmedAt: i.confirmed_at,
  confirmedByName: i.confirmed_by_name,
});

/** The head of a version for its page: who keeps it, which it is, how many items are unconfirmed, what the viewer may do. */
export function versionHead<A extends string>(
  version: Pick<RuleSetVersionRow, 'id' | 'unit_id' | 'unit_name' | 'version' | 'source' | 'note' | 'created_at' | 'retired_at'>,
  items: readonly Pick<RuleSetItemRow, 'confirmed_at'>[],
  actions: A[],
) {
  return {
    versionId: version.id,
    unitId: version.unit_id,
    unitName: version.unit_name,
    version: Number(version.version),
    source: version.source,
    note: version.note,
    createdAt: version.created_at,
    current: version.retired_at === null,
    unconfirmed: items.filter((i) => i.confirmed_at === null).length,
    actions,
  };
}

/**
 * The version a reader asks for: the version named (when `mayRead` lets them read it), else the
 * one in effect for the unit asked — or their own — loaded on first need. Not found otherwise.
 */
export async function versionForReader(
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
  actor: Actor,
  set: RuleSetDefinition,
  query: { unitId?: string | undefined; versionId?: string | undefined },
  mayRead: (actor: Actor, keeperPath: string) => boolean,
): Promise<RuleSetVersionRow> {
  if (query.versionId) {
    const version = await repo.findVersion(handle.db, set.code, query.versionId);
    if (!version || !mayRead(actor, version.unit_path)) throw notFound();
    return version;
  }
  const unitPath = await askedOrOwnUnitPath(handle.db, actor, query.unitId);
  if (!unitPath) throw notFound();
  return (await versionInEffect(handle.db, set, unitPath)) ?? (await writeTransaction(handle, (trx) => ensureVersion(trx, handle.dialect, set, unitPath)));
}
