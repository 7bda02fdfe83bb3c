import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { reusableQuery } from './reusable-query.js';
import { nowIso } from './ids.js';

const now = nowIso();
const unit = (id: string, name: string, kind: string) => ({ id, parent_id: null, path: `/${id}/`, depth: 0, kind, name, search_name: name.toLowerCase(), code: null, contact_name: null, contact_phone: null, archived_at: null, created_at: now, updated_at: now });

// Built with a constant ('cell') beside the values: the constant stays, each value is the one given.
const unitsNamed = reusableQuery((db, v: { name: string; depth: number }) =>
  db.selectFrom('units').select(['id', 'name']).where('name', '=', v.name).where('depth', '=', v.depth).where('kind', '=', 'cell').orderBy('id'),
);

forEachDialect((dialect) => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([openTestDatabase(dialect), openTestDatabase(dialect)]);
    await a.db.insertInto('units').values([unit('u1', 'Đồng Thứ', 'cell'), unit('u2', 'Lưu Quang', 'cell'), unit('u3', 'Đồng Thứ', 'commune')]).execute();
    await b.db.insertInto('units').values([unit('v1', 'Lưu Quang', 'cell')]).execute();
  });
  afterAll(async () => Promise.all([a.dispose(), b.dispose()]));

  it('answers as the built query would, for each new value, keeping the query\'s own constants', async () => {
    expect(await unitsNamed(a.db, { name: 'Đồng Thứ', depth: 0 })).toEqual([{ id: 'u1', name: 'Đồng Thứ' }]);
    expect(await unitsNamed(a.db, { name: 'Lưu Quang', depth: 0 })).toEqual([{ id: 'u2', name: 'Lưu Quang' }]);
    expect(await unitsNamed(a.db, { name: 'Lưu Quang', depth: 1 })).toEqual([]);
    const built = await a.db.selectFrom('units').select(['id', 'name']).where('name', '=', 'Đồng Thứ').where('depth', '=', 0).where('kind', '=', 'cell').orderBy('id').execute();
    expect(await unitsNamed(a.db, { name: 'Đồng Thứ', depth: 0 })).toEqual(built);
  });

  it('keeps each database to its own, and runs inside a transaction', async () => {
    expect(await unitsNamed(b.db, { name: 'Lưu Quang', depth: 0 })).toEqual([{ id: 'v1', name: 'Lưu Quang' }]);
    const inside = await a.db.transaction().execute((trx) => unitsNamed(trx, { name: 'Lưu Quang', depth: 0 }));
    expect(inside).toEqual([{ id: 'u2', name: 'Lưu Quang' }]);
  });
});
