import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, type BuiltCommune } from '../../../test/helpers/factories.js';
import { writeTransaction } from '../audit/service.js';
import * as store from './service.js';
import type { RuleSetDefinition } from './service.js';

/** A small set of its own, so the store is seen apart from any one set's meaning. */
const setOf = (code: string): RuleSetDefinition => ({
  code,
  starting: () => ({
    source: 'Văn bản thử',
    note: 'Nạp dữ liệu ban đầu',
    items: [
      { item_type: 'limit', code: 'a', name: 'Thời hạn A', source: 'Điều 1', data_json: JSON.stringify({ days: 10 }) },
      { item_type: 'limit', code: 'b', name: 'Thời hạn B', source: 'Điều 2', data_json: JSON.stringify({ days: 20 }) },
    ],
  }),
});

forEachDialect((dialect) => {
  describe('the versioned rule-set store', () => {
    const t = useTestApp(dialect);
    let commune: BuiltCommune;
    let accountId: string;
    beforeAll(async () => {
      commune = await buildCommune(t(), { cells: 2, membersPerCell: 1 });
      accountId = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: commune.id }] })).accountId;
    });
    const write = <T>(work: Parameters<typeof writeTransaction<T>>[1]) => writeTransaction(t().db, work);
    const db = () => t().db.db;

    it('loads the starting items for the root unit the first time, once, audited under the set code', async () => {
      const set = setOf('test_load');
      const cellPath = commune.cells[0]!.path;
      expect(await store.versionInEffect(db(), set, cellPath)).toBeUndefined();
      const first = await write((trx) => store.ensureVersion(trx, t().db.dialect, set, cellPath));
      expect(first).toMatchObject({ unit_id: commune.id, set_code: 'test_load', version: 1, retired_at: null });
      expect(await lastAudit(t())).toMatchObject({ action: 'test_load.load', record_type: 'test_load', record_id: first.id, unit_id: commune.id });
      const again = await write((trx) => store.ensureVersion(trx, t().db.dialect, set, commune.cells[1]!.path));
      expect(again.id).toBe(first.id);
      const items = await store.itemsOfVersion(db(), first.id);
      expect(items.map((i) => [i.code, i.position, i.confirmed_at])).toEqual([
        ['a', 1, null],
        ['b', 2, null],
      ]);
      // Another set's versions are not this one's.
      expect(await store.versionInEffect(db(), setOf('test_other'), cellPath)).toBeUndefined();
      expect(await store.findVersion(db(), setOf('test_other'), first.id)).toBeUndefined();
    });

    it('editing an item writes a new version where only that item is unconfirmed again; the old one is retired', async () => {
      const set = setOf('test_edit');
      const v1 = await write((trx) => store.ensureVersion(trx, t().db.dialect, set, commune.path));
      const [a, b] = await store.itemsOfVersion(db(), v1.id);
      await write(async (trx) => {
        await store.confirmItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, a!.id, () => {}), null);
        await store.confirmItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, b!.id, () => {}), 'Đã đối chiếu');
      });
      const v2Id = await write(async (trx) => store.editItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, b!.id, () => {}), { name: b!.name, source: b!.source, data_json: JSON.stringify({ days: 25 }) }, 'Theo hướng dẫn mới'));
      const v2 = (await store.findVersion(db(), set, v2Id))!;
      expect(v2).toMatchObject({ version: 2, retired_at: null, note: 'Thời hạn B: Theo hướng dẫn mới' });
      expect((await store.findVersion(db(), set, v1.id))!.retired_at).not.toBeNull();
      expect((await store.versionInEffect(db(), set, commune.cells[0]!.path))!.id).toBe(v2Id);
      const items = await store.itemsOfVersion(db(), v2Id);
      expect(items.map((i) => [i.code, JSON.parse(i.data_json), i.confirmed_at !== null])).toEqual([
        ['a', { days: 10 }, true],
        ['b', { days: 25 }, false],
      ]);
      expect(items[0]!.confirmed_by_name).toBe((await db().selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirstOrThrow()).display_name);
      // The old version keeps what it said.
      expect((await store.itemsOfVersion(db(), v1.id)).map((i) => JSON.parse(i.data_json))).toEqual([{ days: 10 }, { days: 20 }]);
      expect(await lastAudit(t())).toMatchObject({
        action: 'test_edit.update',
        record_type: 'test_edit',
        record_id: v2Id,
        actor_account_id: accountId,
        before: { version: 1, item: { code: 'b', data: { days: 20 } } },
        after: { version: 2, change: { code: 'b', data: { days: 25 } } },
      });
      const versions = await store.versionsOfUnit(db(), set, commune.id);
      expect(versions.map((v) => [v.version, v.unconfirmed, v.retiredAt !== null])).toEqual([
        [2, 1, false],
        [1, 0, true],
      ]);
      // A retired version's items cannot change any more; nothing unchanged makes a version.
      await expect(write(async (trx) => store.itemForChange(trx, set, a!.id, () => {}))).rejects.toMatchObject({ statusCode: 409, code: 'rule_set_version_retired' });
      const current = items[1]!;
      await expect(write(async (trx) => store.editItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, current.id, () => {}), { name: current.name, source: current.source, data_json: current.data_json }, 'x'))).rejects.toMatchObject({ statusCode: 400 });
      expect((await store.versionsOfUnit(db(), set, commune.id)).length).toBe(2);
    });

    it('confirming records who and when on the item, without a new version; twice is a 409', async () => {
      const set = setOf('test_confirm');
      const v1 = await write((trx) => store.ensureVersion(trx, t().db.dialect, set, commune.path));
      const [a] = await store.itemsOfVersion(db(), v1.id);
      const before = new Date(Date.now() - 1000).toISOString();
      await write(async (trx) => store.confirmItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, a!.id, () => {}), 'Khớp văn bản gốc'));
      const [confirmed] = await store.itemsOfVersion(db(), v1.id);
      expect(confirmed!.confirmed_by_account_id).toBe(accountId);
      expect(confirmed!.confirmed_at! >= before).toBe(true);
      expect(await lastAudit(t())).toMatchObject({ action: 'test_confirm.confirm', record_id: v1.id, after: { code: 'a', confirmedAt: confirmed!.confirmed_at, note: 'Khớp văn bản gốc' } });
      expect((await store.versionsOfUnit(db(), set, commune.id)).map((v) => [v.version, v.unconfirmed])).toEqual([[1, 1]]);
      await expect(write(async (trx) => store.confirmItem(trx, t().db.dialect, set, accountId, await store.itemForChange(trx, set, a!.id, () => {}), null))).rejects.toMatchObject({ statusCode: 409, code: 'rule_set_item_confirmed' });
    });

    it('the nearest unit at or above that keeps a current version wins', async () => {
      const set = setOf('test_nearest');
      const [cell, sibling] = commune.cells;
      const root = await write((trx) => store.ensureVersion(trx, t().db.dialect, set, commune.path));
      const own = await write((trx) =>
        store.writeVersion(trx, t().db.dialect, set, accountId, cell!.id, { source: 'Hướng dẫn của chi bộ', note: 'Bộ riêng', items: [{ item_type: 'limit', code: 'a', name: 'Thời hạn A', source: 'Điều 1', data_json: '{"days":5}' }] }, { action: 'load' }),
      );
      expect((await store.versionInEffect(db(), set, cell!.path))!.id).toBe(own);
      expect((await store.versionInEffect(db(), set, sibling!.path))!.id).toBe(root.id);
      expect((await store.versionInEffect(db(), set, commune.path))!.id).toBe(root.id);
      // Its version numbers are the cell's own.
      expect((await store.findVersion(db(), set, own))!.version).toBe(1);
    });

    it('writes the version and its audit in the same transaction: a failure after leaves neither', async () => {
      const set = setOf('test_atomic');
      const audits = await auditCount(t());
      await expect(
        write(async (trx) => {
          await store.ensureVersion(trx, t().db.dialect, set, commune.path);
          // Inside, the load and its audit entry are both there.
          expect(await trx.selectFrom('audit_log').select('action').where('record_type', '=', 'test_atomic').execute()).toEqual([{ action: 'test_atomic.load' }]);
          throw new Error('later step fails');
        }),
      ).rejects.toThrow('later step fails');
      expect(await auditCount(t())).toBe(audits);
      expect(await db().selectFrom('rule_set_versions').select('id').where('set_code', '=', 'test_atomic').execute()).toEqual([]);
      expect(await db().selectFrom('rule_set_items as i').innerJoin('rule_set_versions as v', 'v.id', 'i.version_id').select('i.id').where('v.set_code', '=', 'test_atomic').execute()).toEqual([]);
    });
  });
});
