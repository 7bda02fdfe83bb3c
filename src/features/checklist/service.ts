import { pathIds } from '../../domain/unit-paths.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { ChecklistItemTable, ChecklistVersionTable, Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { readReferenceJson } from '../../core/paths.js';
import { authorize } from '../../core/authorize.js';
import type { ChecklistList } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { askedOrOwnUnitPath } from '../members/lookup.js';
import { versionHead } from '../rule-sets/service.js';
import * as repo from './repo.js';
import type { ChecklistItemRow, ChecklistVersionRow } from './repo.js';
import { authorizeManage, checklistActionsFor, mayReadChecklist } from './policy.js';
import type {
  AddChecklistItemBody,
  ChecklistGroup,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistResponse,
  ChecklistVersionsResponse,
  UpdateChecklistItemBody,
} from './schemas.js';

type Db = Kysely<Database>;

// --- the starting reference data ------------------------------------------------------------

/** An item of the files: `text_source` is the provenance in English, `text_source_vi` the same note as people read it. */
interface StartingItem {
  no: number;
  title: string;
  text: string | null;
  text_source?: string | null;
  text_source_vi?: string | null;
  confirmed: boolean;
}
interface ManifestationsFile {
  document: string;
  groups: { code: string; name: string; grave?: boolean; items: StartingItem[] }[];
}
interface ExemplaryFile {
  document: string;
  group: { code: string; name: string };
  items: StartingItem[];
}

/** The items of the starting checklist, from reference/manifestations-27.json and reference/exemplary-qd08.json. */
function startingItems(): { source: string; items: Omit<ChecklistItemTable, 'id' | 'version_id' | 'unit_id'>[] } {
  const manifestations = readReferenceJson<ManifestationsFile>('manifestations-27.json');
  const exemplary = readReferenceJson<ExemplaryFile>('exemplary-qd08.json');
  const items: Omit<ChecklistItemTable, 'id' | 'version_id' | 'unit_id'>[] = [];
  const add = (list: ChecklistList, group: { code: string; name: string; grave?: boolean }, item: StartingItem) =>
    items.push({
      list,
      code: `${group.code}${item.no}`,
      group_code: group.code,
      group_name: group.name,
      grave: group.grave ? 1 : 0,
      position: items.length + 1,
      title: item.title,
      text: item.text,
      // The note shown beside the item, in Vietnamese (the English one stays in the file).
      text_source: item.text_source_vi ?? null,
      // The files say "confirmed": false everywhere; a person confirms in the application.
      confirmed_at: null,
      confirmed_by_account_id: null,
    });
  for (const group of manifestations.groups) for (const item of group.items) add('manifestation', group, item);
  for (const item of exemplary.items) add('exemplary', exemplary.group, item);
  return { source: `${manifestations.document}; ${exemplary.document}`, items };
}

/** What the audit log keeps of an item. */
const itemSnapshot = (i: Pick<ChecklistItemTable, 'code' | 'title' | 'text' | 'text_source' | 'confirmed_at'>) => ({
  code: i.code,
  title: i.title,
  text: i.text,
  textSource: i.text_source,
  confirmedAt: i.confirmed_at,
});

/**
 * Writes a new current version of a unit's checklist (retiring the one it replaces), with one
 * audit entry saying why. Every earlier version stays: self-examinations point at them.
 */
async function writeVersion(
  trx: Db,
  dialect: DialectHelpers,
  actorAccountId: string | null,
  unitId: string,
  content: { source: string; note: string; items: Omit<ChecklistItemTable, 'id' | 'version_id' | 'unit_id'>[]; replaces?: string },
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<{ versionId: string; items: ChecklistItemTable[] }> {
  const now = nowIso();
  if (content.replaces) await repo.retireVersion(trx, content.replaces, now);
  const version: ChecklistVersionTable = {
    id: newId(),
    unit_id: unitId,
    version: (await repo.maxVersion(trx, unitId)) + 1,
    source: content.source,
    note: content.note,
    retired_at: null,
    created_by_account_id: actorAccountId,
    created_at: now,
  };
  const items = content.items.map((i, index): ChecklistItemTable => ({ ...i, id: newId(), version_id: version.id, unit_id: unitId, position: index + 1 }));
  await repo.insertVersion(trx, version, items);
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: audit.action,
    recordType: 'checklist',
    recordId: version.id,
    unitId,
    before: audit.before,
    after: { version: version.version, note: version.note, ...(audit.after ? { change: audit.after } : { items: items.length }) },
  });
  return { versionId: version.id, items };
}

/** Loads the starting checklist (the 27 manifestations and the QĐ 08 points) for a committee's unit. */
export async function loadStartingChecklist(trx: Db, dialect: DialectHelpers, unitId: string, actorAccountId: string | null) {
  const start = startingItems();
  const written = await writeVersion(trx, dialect, actorAccountId, unitId, { source: start.source, note: 'Nạp dữ liệu ban đầu từ tệp tham chiếu (chưa đối chiếu văn bản chính thức)', items: start.items }, { action: 'checklist.load' });
  return {
    versionId: written.versionId,
    items: written.items.map((i) => ({ id: i.id, code: i.code, list: i.list as ChecklistList, grave: i.grave === 1 })),
  };
}


/** The version in effect for a unit: the current one kept by the nearest unit at or above it. */
export async function checklistInEffect(db: Db, unitPath: string): Promise<ChecklistVersionRow | undefined> {
  const ids = pathIds(unitPath);
  const versions = await repo.currentVersionsOf(db, ids);
  return versions.sort((a, b) => b.unit_path.length - a.unit_path.length)[0];
}

/**
 * The version in effect, loading the starting data for the root unit the first time anyone
 * needs one (a fresh installation has no checklist until then). Call inside a write transaction.
 */
export async function ensureChecklist(trx: Db, dialect: DialectHelpers, unitPath: string): Promise<ChecklistVersionRow> {
  const found = await checklistInEffect(trx, unitPath);
  if (found) return found;
  const { versionId } = await loadStartingChecklist(trx, dialect, pathIds(unitPath)[0]!, null);
  return (await repo.findVersion(trx, versionId))!;
}

// --- presenting -----------------------------------------------------------------------------

export function presentItem(i: ChecklistItemRow): ChecklistItem {
  return {
    id: i.id,
    code: i.code,
    list: i.list as ChecklistList,
    groupCode: i.group_code,
    groupName: i.group_name,
    grave: Number(i.grave) === 1,
    position: Number(i.position),
    title: i.title,
    text: i.text,
    textSource: i.text_source,
    confirmed: i.confirmed_at !== null,
    confirmedAt: i.confirmed_at,
    confirmedByName: i.confirmed_by_name,
  };
}

/** Items grouped as the checklist reads: the three groups of the 27, then the exemplary points. */
function groupItems(items: readonly ChecklistItemRow[]): ChecklistGroup[] {
  const groups = new Map<string, ChecklistGroup>();
  for (const row of [...items].sort((a, b) => Number(a.position) - Number(b.position))) {
    const item = presentItem(row);
    let group = groups.get(item.groupCode);
    if (!group) {
      group = { code: item.groupCode, name: item.groupName, list: item.list, grave: item.grave, items: [] };
      groups.set(item.groupCode, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

export async function presentChecklist(db: Db, actor: Actor, version: ChecklistVersionRow): Promise<ChecklistResponse> {
  const items = await repo.itemsOfVersion(db, version.id);
  return { ...versionHead(version, items, checklistActionsFor(actor, version.unit_path, version.retired_at === null)), groups: groupItems(items) };
}

// --- reading --------------------------------------------------------------------------------

/** The unit a caller means by default: their own cell as a member, else their first role's unit. */

export async function getChecklist(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined; versionId?: string | undefined }): Promise<ChecklistResponse> {
  const { db } = ctx.handle;
  if (query.versionId) {
    const version = await repo.findVersion(db, query.versionId);
    if (!version || !mayReadChecklist(actor, version.unit_path)) throw notFound();
    return presentChecklist(db, actor, version);
  }
  const unitPath = await askedOrOwnUnitPath(db, actor, query.unitId);
  if (!unitPath) throw notFound();
  const found = (await checklistInEffect(db, unitPath)) ?? (await writeTransaction(ctx.handle, (trx) => ensureChecklist(trx, ctx.handle.dialect, unitPath)));
  return presentChecklist(db, actor, found);
}

export async function listVersions(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined }): Promise<ChecklistVersionsResponse> {
  const { db } = ctx.handle;
  const current = await getChecklist(ctx, actor, { unitId: query.unitId });
  const rows = await repo.versionsOfUnit(db, current.unitId);
  return {
    unitId: current.unitId,
    items: rows.map((r) => ({
      id: r.id,
      version: Number(r.version),
      note: r.note,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      retiredAt: r.retired_at,
      unconfirmed: Number(r.unconfirmed ?? 0),
    })),
  };
}

/** An item and its version, for the caller to read (404 outside what they may read). */
async function loadItem(db: Db, actor: Actor, id: string) {
  const item = await repo.findItem(db, id);
  const version = item ? await repo.findVersion(db, item.version_id) : undefined;
  if (!item || !version || !mayReadChecklist(actor, version.unit_path)) return { item: undefined, version: undefined };
  return { item, version };
}

export async function itemHistory(ctx: AppContext, actor: Actor, id: string): Promise<ChecklistItemHistory> {
  const { db } = ctx.handle;
  const { item, version } = await loadItem(db, actor, id);
  if (!item || !version) {
    // Anyone signed in may read some checklist: only "not found" is left to say.
    authorize(actor, 'unit.read', null);
  }
  const rows = await repo.itemHistory(db, version!.unit_id, item!.code);
  return {
    code: item!.code,
    items: rows.map((r) => ({
      ...presentItem(r),
      versionId: r.version_id,
      version: Number(r.version),
      versionNote: r.version_note,
      versionCreatedAt: r.version_created_at,
    })),
  };
}

// --- changing -------------------------------------------------------------------------------

/** An item of the current version, for the committee that keeps it. */
async function loadManageable(trx: Db, actor: Actor, id: string) {
  const { item, version } = await loadItem(trx, actor, id);
  authorizeManage(actor, version);
  if (version!.retired_at !== null) throw new AppError(409, 'checklist_version_retired');
  const items = await repo.itemsOfVersion(trx, version!.id);
  return { item: item!, version: version!, items };
}

const copyOf = ({ id: _i, version_id: _v, unit_id: _u, confirmed_by_name: _n, ...rest }: ChecklistItemRow) => rest;

/** Sửa nội dung một mục: a new version in which this item is unconfirmed again (its wording changed). */
export async function updateItem(ctx: AppContext, actor: Actor, id: string, body: UpdateChecklistItemBody): Promise<ChecklistResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const { item, version, items } = await loadManageable(trx, actor, id);
    const next = {
      title: body.title ?? item.title,
      text: body.text ?? item.text,
      text_source: body.textSource === undefined ? item.text_source : body.textSource === '' ? null : body.textSource,
    };
    if (next.title === item.title && next.text === item.text && next.text_source === item.text_source) throw fieldError('text', 'checklist_no_change');
    const written = await writeVersion(
      trx,
      ctx.handle.dialect,
      actor.accountId,
      version.unit_id,
      {
        source: version.source,
        note: `${item.code}: ${body.note}`,
        replaces: version.id,
        items: items.map((i) => (i.id === item.id ? { ...copyOf(i), ...next, confirmed_at: null, confirmed_by_account_id: null } : copyOf(i))),
      },
      { action: 'checklist.update', before: { version: Number(version.version), item: itemSnapshot(item) }, after: itemSnapshot({ ...item, ...next, confirmed_at: null }) },
    );
    return written.versionId;
  });
  return presentChecklist(ctx.handle.db, actor, (await repo.findVersion(ctx.handle.db, versionId))!);
}

/** Đã đối chiếu văn bản chính thức: recorded on the item with who and when; the wording does not change. */
export async function confirmItem(ctx: AppContext, actor: Actor, id: string, note: string | null | undefined): Promise<ChecklistResponse> {
  const version = await writeTransaction(ctx.handle, async (trx) => {
    const { item, version } = await loadManageable(trx, actor, id);
    if (item.confirmed_at !== null) throw new AppError(409, 'checklist_item_confirmed');
    const at = nowIso();
    await repo.confirmItem(trx, item.id, { confirmed_at: at, confirmed_by_account_id: actor.accountId });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'checklist.confirm',
      recordType: 'checklist',
      recordId: version.id,
      unitId: version.unit_id,
      before: itemSnapshot(item),
      after: { ...itemSnapshot({ ...item, confirmed_at: at }), note: note ?? null },
    });
    return version;
  });
  return presentChecklist(ctx.handle.db, actor, version);
}

/** Thêm một nội dung nêu gương (the 27 manifestations are a fixed list). */
export async function addItem(ctx: AppContext, actor: Actor, body: AddChecklistItemBody): Promise<ChecklistResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'checklist.manage', unit, 'unitId');
    const version = (await repo.currentVersionsOf(trx, [unit!.id]))[0];
    if (!version) throw fieldError('unitId', 'checklist_not_kept');
    const items = await repo.itemsOfVersion(trx, version.id);
    const exemplary = items.filter((i) => i.list === 'exemplary');
    const group = exemplary[0] ?? { group_code: 'NG', group_name: 'Trách nhiệm nêu gương (Quy định 08-QĐi/TW)' };
    const numbers = exemplary.map((i) => Number(i.code.slice(group.group_code.length)) || 0);
    const added = {
      list: 'exemplary',
      code: `${group.group_code}${Math.max(0, ...numbers) + 1}`,
      group_code: group.group_code,
      group_name: group.group_name,
      grave: 0,
      position: items.length + 1,
      title: body.title,
      text: body.text,
      text_source: body.textSource ? body.textSource : null,
      confirmed_at: null,
      confirmed_by_account_id: null,
    };
    const written = await writeVersion(
      trx,
      ctx.handle.dialect,
      actor.accountId,
      unit!.id,
      { source: version.source, note: `${added.code}: ${body.note}`, replaces: version.id, items: [...items.map(copyOf), added] },
      { action: 'checklist.add_item', after: itemSnapshot(added) },
    );
    return written.versionId;
  });
  return presentChecklist(ctx.handle.db, actor, (await repo.findVersion(ctx.handle.db, versionId))!);
}

/** Bỏ một nội dung nêu gương: a new version without it. */
export async function removeItem(ctx: AppContext, actor: Actor, id: string, note: string): Promise<ChecklistResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const { item, version, items } = await loadManageable(trx, actor, id);
    if (item.list !== 'exemplary') throw new AppError(400, 'checklist_fixed_list');
    if (items.filter((i) => i.list === 'exemplary').length <= 1) throw new AppError(400, 'checklist_last_exemplary');
    const written = await writeVersion(
      trx,
      ctx.handle.dialect,
      actor.accountId,
      version.unit_id,
      { source: version.source, note: `${item.code}: ${note}`, replaces: version.id, items: items.filter((i) => i.id !== item.id).map(copyOf) },
      { action: 'checklist.remove_item', before: itemSnapshot(item) },
    );
    return written.versionId;
  });
  return presentChecklist(ctx.handle.db, actor, (await repo.findVersion(ctx.handle.db, versionId))!);
}
