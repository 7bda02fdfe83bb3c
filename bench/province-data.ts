import type { Kysely } from 'kysely';
import { newId, nowIso } from '../src/db/ids.js';
import type { Database } from '../src/db/schema.js';
import { buildDemoCommune } from '../src/demo/commune.js';
import { foldVietnamese } from '../src/domain/vietnamese.js';
import { demoMemberRow } from '../src/demo/seed/index.js';

/**
 * Grows a demo database toward province scale: `communes` extra communes, each a copy of the
 * demo commune's 25 cells and ~520 members under a province root, so the members table is
 * large while one cell's search stays a cell's worth. Benchmark data only: rows are inserted
 * directly (not audited), never used by the application's own seed.
 */
export async function addProvinceScaleData(db: Kysely<Database>, communes: number): Promise<number> {
  const demo = buildDemoCommune();
  const now = nowIso();
  const provinceId = newId();
  const provincePath = `/${provinceId}/`;
  await db
    .insertInto('units')
    .values({ id: provinceId, parent_id: null, path: provincePath, depth: 0, kind: 'province', name: 'Tỉnh ủy (dữ liệu đo hiệu năng)', search_name: 'tinh uy', code: null, contact_name: null, contact_phone: null, archived_at: null, created_at: now, updated_at: now })
    .execute();
  let members = 0;
  let card = 90_000_000;
  for (let c = 0; c < communes; c++) {
    await db.transaction().execute(async (trx) => {
      const ids = new Map<string, { id: string; path: string; depth: number }>();
      for (const unit of demo.units) {
        const id = newId();
        const parent = unit.parentKey ? ids.get(unit.parentKey)! : { id: provinceId, path: provincePath, depth: 0 };
        const path = `${parent.path}${id}/`;
        ids.set(unit.key, { id, path, depth: parent.depth + 1 });
        const name = unit.kind === 'commune' ? `Đảng bộ xã Số ${c + 1}` : unit.name;
        await trx
          .insertInto('units')
          .values({ id, parent_id: parent.id, path, depth: parent.depth + 1, kind: unit.kind, name, search_name: foldVietnamese(name), code: null, contact_name: null, contact_phone: null, archived_at: null, created_at: now, updated_at: now })
          .execute();
        const rows = unit.members.map((m) => {
          card += 1;
          return demoMemberRow(m, id, now, { card_number: String(card), phone: null });
        });
        if (rows.length) await trx.insertInto('members').values(rows).execute();
        members += rows.length;
      }
    });
  }
  return members;
}
