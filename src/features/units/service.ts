import { pathIds } from '../../domain/unit-paths.js';
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError, forbidden } from '../../core/errors.js';
import { allowedActions, can, canSomewhere, scopePaths, type Actor } from '../../domain/policy.js';
import { newId, nowIso } from '../../db/ids.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import * as repo from './repo.js';
import type { UnitRow } from './repo.js';
import { assertKindFits, assertParentActive, authorizeReferencedUnit, authorizeStructuralChange, authorizeUnit, unitActions } from './policy.js';
import type { CreateUnitBody, UnitDetail, UnitKind, UnitSummary, UnitTreeNode, UpdateUnitBody } from './schemas.js';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const kindOrder: Record<string, number> = { province: 0, commune: 1, intermediate: 2, cell: 3, mass_org: 4 };
function byKindThenName(a: UnitRow, b: UnitRow): number {
  return (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || collator.compare(a.name, b.name);
}

function summary(row: UnitRow, memberCount: number): UnitSummary {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as UnitKind,
    name: row.name,
    code: row.code,
    archived: row.archived_at !== null,
    memberCount,
  };
}

/** What the audit log keeps of a unit. */
function snapshot(row: UnitRow) {
  return {
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    ...(row.village_name ? { villageName: row.village_name } : {}),
    archivedAt: row.archived_at,
  };
}

/** The caller's units as a forest: one root per scope, children sorted, member counts per subtree. */
export async function unitTree(ctx: AppContext, actor: Actor): Promise<{ roots: UnitTreeNode[] }> {
  const { db } = ctx.handle;
  // No role anywhere is 403, as for every other endpoint (not an empty tree).
  if (!canSomewhere(actor, 'unit.read')) throw forbidden();
  const paths = scopePaths(actor, 'unit.read');
  const [rows, counts] = await Promise.all([repo.unitsUnder(db, paths), repo.activeMemberCounts(db, paths)]);
  const nodes = new Map<string, UnitTreeNode>();
  for (const row of rows) nodes.set(row.id, { ...summary(row, counts.get(row.path) ?? 0), children: [] });
  const roots: UnitTreeNode[] = [];
  for (const row of [...rows].sort(byKindThenName)) {
    const node = nodes.get(row.id)!;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Member counts of a subtree, so a commune shows its total.
  const total = (node: UnitTreeNode): number => {
    node.memberCount += node.children.reduce((sum, child) => sum + total(child), 0);
    return node.memberCount;
  };
  roots.forEach(total);
  return { roots };
}

export async function unitDetail(ctx: AppContext, actor: Actor, id: string): Promise<UnitDetail> {
  const { db } = ctx.handle;
  const row = await repo.findUnit(db, id);
  authorizeUnit(actor, 'unit.read', row);
  return present(ctx, actor, row!);
}

async function present(ctx: AppContext, actor: Actor, row: UnitRow): Promise<UnitDetail> {
  const { db } = ctx.handle;
  const ids = pathIds(row.path);
  // Breadcrumbs: only ancestors the caller may see themselves.
  const visibleAncestorIds = ids
    .slice(0, -1)
    .filter((_, i) => can(actor, 'unit.read', { unitPath: `/${ids.slice(0, i + 1).join('/')}/` }));
  const [ancestors, children, counts] = await Promise.all([
    repo.unitsByIds(db, visibleAncestorIds),
    repo.childrenOf(db, row.id),
    repo.activeMemberCounts(db, [row.path]),
  ]);
  const subtreeCount = (path: string) => {
    let n = 0;
    for (const [unitPath, count] of counts) if (unitPath.startsWith(path)) n += count;
    return n;
  };
  return {
    ...summary(row, subtreeCount(row.path)),
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    villageName: row.village_name,
    ancestors: ancestors
      .sort((a, b) => a.depth - b.depth)
      .map((a) => ({ id: a.id, name: a.name, kind: a.kind as UnitKind })),
    children: children.sort(byKindThenName).map((c) => summary(c, subtreeCount(c.path))),
    allowedActions: allowedActions(actor, { unitPath: row.path }, unitActions),
  };
}

export async function createUnit(ctx: AppContext, actor: Actor, body: CreateUnitBody): Promise<UnitDetail> {
  const { dialect } = ctx.handle;
  const created = await writeTransaction(ctx.handle, async (trx) => {
    const parent = await repo.findUnit(trx, body.parentId);
    authorizeReferencedUnit(actor, 'unit.create', parent, 'parentId');
    assertParentActive(parent!);
    assertKindFits(body.kind, parent!.kind as UnitKind);
    if (body.villageName && body.kind !== 'cell') throw fieldError('villageName', 'unit_village_cell_only');
    const now = nowIso();
    const id = newId();
    const row: UnitRow = {
      id,
      parent_id: parent!.id,
      path: `${parent!.path}${id}/`,
      depth: parent!.depth + 1,
      kind: body.kind,
      name: body.name,
      search_name: foldVietnamese(body.name),
      code: body.code ?? null,
      contact_name: body.contactName ?? null,
      contact_phone: body.contactPhone ?? null,
      village_name: body.kind === 'cell' ? (body.villageName ?? null) : null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertUnit(trx, row);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'unit.create',
      recordType: 'unit',
      recordId: id,
      unitId: id,
      after: snapshot(row),
    });
    return row;
  });
  return present(ctx, actor, created);
}

export async function updateUnit(ctx: AppContext, actor: Actor, id: string, body: UpdateUnitBody): Promise<UnitDetail> {
  const { dialect } = ctx.handle;
  const updated = await writeTransaction(ctx.handle, async (trx) => {
    const row = await repo.findUnit(trx, id);
    authorizeUnit(actor, 'unit.update', row);
    if (body.villageName && row!.kind !== 'cell') throw fieldError('villageName', 'unit_village_cell_only');
    const next: UnitRow = {
      ...row!,
      name: body.name ?? row!.name,
      search_name: foldVietnamese(body.name ?? row!.name),
      code: body.code !== undefined ? body.code : row!.code,
      contact_name: body.contactName !== undefined ? body.contactName : row!.contact_name,
      contact_phone: body.contactPhone !== undefined ? body.contactPhone : row!.contact_phone,
      village_name: row!.kind !== 'cell' ? null : body.villageName !== undefined ? body.villageName : row!.village_name,
      updated_at: nowIso(),
    };
    // Saving an unchanged form is not a change: no write, no audit entry.
    if (canonicalJson(snapshot(row!)) === canonicalJson(snapshot(next))) return row!;
    await repo.updateUnit(trx, id, {
      name: next.name,
      search_name: next.search_name,
      code: next.code,
      contact_name: next.contact_name,
      contact_phone: next.contact_phone,
      village_name: next.village_name,
      updated_at: next.updated_at,
    });
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'unit.update',
      recordType: 'unit',
      recordId: id,
      unitId: id,
      before: snapshot(row!),
      after: snapshot(next),
    });
    return next;
  });
  return present(ctx, actor, updated);
}

export async function moveUnit(ctx: AppContext, actor: Actor, id: string, parentId: string): Promise<UnitDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const row = await repo.findUnit(trx, id);
    authorizeUnit(actor, 'unit.move', row);
    authorizeStructuralChange(actor, 'unit.move', row!);
    const found = await repo.findUnit(trx, parentId);
    authorizeReferencedUnit(actor, 'unit.move', found, 'parentId');
    const parent = found!;
    if (parent.path.startsWith(row!.path)) {
      throw new AppError(400, 'unit_cycle', {}, [{ field: 'parentId', messageKey: 'unit_cycle' }]);
    }
    assertParentActive(parent);
    assertKindFits(row!.kind as UnitKind, parent.kind as UnitKind);
    if (parent.id === row!.parent_id) return;
    const oldParent = row!.parent_id ? await repo.findUnit(trx, row!.parent_id) : undefined;
    const now = nowIso();
    await repo.rewriteSubtreePaths(trx, row!.path, `${parent.path}${row!.id}/`, now);
    await repo.updateUnit(trx, id, { parent_id: parent.id, updated_at: now });
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'unit.move',
      recordType: 'unit',
      recordId: id,
      unitId: id,
      // Names beside ids: the history stays readable after renames and outside the reader's scope.
      before: { parentId: row!.parent_id, parentName: oldParent?.name ?? null },
      after: { parentId: parent.id, parentName: parent.name },
    });
  });
  return unitDetail(ctx, actor, id);
}

export async function setArchived(ctx: AppContext, actor: Actor, id: string, archived: boolean): Promise<UnitDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const row = await repo.findUnit(trx, id);
    authorizeUnit(actor, 'unit.archive', row);
    authorizeStructuralChange(actor, 'unit.archive', row!);
    if (archived === (row!.archived_at !== null)) return;
    if (archived) {
      if ((await repo.countActiveChildren(trx, id)) > 0) throw new AppError(409, 'unit_has_active_children');
      if ((await repo.countActiveMembers(trx, id)) > 0) throw new AppError(409, 'unit_has_active_members');
    }
    const now = nowIso();
    const archivedAt = archived ? now : null;
    await repo.updateUnit(trx, id, { archived_at: archivedAt, updated_at: now });
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: archived ? 'unit.archive' : 'unit.restore',
      recordType: 'unit',
      recordId: id,
      unitId: id,
      before: { archivedAt: row!.archived_at },
      after: { archivedAt },
    });
  });
  return unitDetail(ctx, actor, id);
}
