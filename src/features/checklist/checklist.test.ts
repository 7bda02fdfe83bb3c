import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, COMMUNE, useDemoApp } from '../../../test/helpers/app.js';
import { missingId, signInAs } from '../../../test/helpers/accounts.js';
import { requester } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { newId, nowIso } from '../../db/ids.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { writeTransaction } from '../audit/service.js';
import { loadStartingChecklist } from './service.js';
import type { ChecklistItemHistory, ChecklistResponse } from './schemas.js';

const OTHER_COMMUNE = 'Đảng bộ xã Thử Nghiệm';

forEachDialect((dialect) => {
  describe('the self-examination checklist: reference data, versions, confirmation', () => {
    const t = useDemoApp(dialect);
    const call = requester(t);
    /** A committee of another commune, with its own checklist: the "other unit" of this reference data. */
    const otherCommittee = async () => {
      const exists = await t().db.db.selectFrom('units').select('id').where('name', '=', OTHER_COMMUNE).executeTakeFirst();
      if (!exists) {
        const id = newId();
        await writeTransaction(t().db, async (trx) => {
          const now = nowIso();
          await trx.insertInto('units').values({ id, parent_id: null, path: `/${id}/`, depth: 0, kind: 'commune', name: OTHER_COMMUNE, search_name: foldVietnamese(OTHER_COMMUNE), code: null, contact_name: null, contact_phone: null, archived_at: null, created_at: now, updated_at: now }).execute();
          await loadStartingChecklist(trx, t().db.dialect, id, null);
        });
      }
      return signInAs(t(), 'dangbo.thunghiem', [{ role: 'party_committee', unitName: OTHER_COMMUNE }]);
    };
    const noRole = () => signInAs(t(), 'khongvaitro.checklist', []);
    const current = async (who = 'bithu.dangbo') => (await call('GET', '/api/reference/manifestations', who)).json() as ChecklistResponse;
    const itemOf = (c: ChecklistResponse, code: string) => c.groups.flatMap((g) => g.items).find((i) => i.code === code)!;
    const state = async () => ({
      versions: await t().db.db.selectFrom('checklist_versions').select(['id', 'retired_at']).orderBy('id').execute(),
      confirmed: await t().db.db.selectFrom('checklist_items').select('id').where('confirmed_at', 'is not', null).execute(),
    });

    type Fixture = { checklist: ChecklistResponse; dongThu: string };
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'GET /api/reference/manifestations',
        method: 'GET',
        url: (f) => `/api/reference/manifestations?unitId=${f.dongThu}`,
        missing: () => `/api/reference/manifestations?unitId=${missingId()}`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: 'dangvien.dongthu', status: 200, check: (res) => expect(res.json()).toMatchObject({ current: true, actions: [] }) },
      }),
      row({
        route: 'GET /api/reference/manifestations/versions',
        method: 'GET',
        url: (f) => `/api/reference/manifestations/versions?unitId=${f.dongThu}`,
        missing: () => `/api/reference/manifestations/versions?unitId=${missingId()}`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: 'bithu.dangbo', status: 200, check: (res) => expect(res.json().items.length).toBeGreaterThan(0) },
      }),
      row({
        route: 'GET /api/reference/checklist-items/:id/history',
        method: 'GET',
        url: (f) => `/api/reference/checklist-items/${itemOf(f.checklist, 'CT6').id}/history`,
        missing: () => `/api/reference/checklist-items/${missingId()}/history`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: 'ubkt', status: 200, check: (res) => expect((res.json() as ChecklistItemHistory).code).toBe('CT6') },
      }),
      row({
        route: 'PATCH /api/reference/checklist-items/:id',
        method: 'PATCH',
        url: (f) => `/api/reference/checklist-items/${itemOf(f.checklist, 'CT6').id}`,
        missing: () => `/api/reference/checklist-items/${missingId()}`,
        body: () => ({ text: `Nói không đi đôi với làm; hứa nhiều làm ít (${Math.random()})`, note: 'Bổ sung nội dung' }),
        forbidden: ['bithu.dongthu', 'vanphong', 'ubkt'],
        other: otherCommittee,
        happy: { who: 'bithu.dangbo', status: 200, audit: 'checklist.update', check: (res, f) => expect(res.json().version).toBe(f.checklist.version + 1) },
      }),
      row({
        route: 'POST /api/reference/checklist-items/:id/confirm',
        method: 'POST',
        url: (f) => `/api/reference/checklist-items/${f.checklist.groups.flatMap((g) => g.items).find((i) => !i.confirmed)!.id}/confirm`,
        missing: () => `/api/reference/checklist-items/${missingId()}/confirm`,
        body: () => ({ note: 'Đã đối chiếu với văn bản gốc' }),
        forbidden: ['bithu.dongthu', 'vanphong', 'ubkt'],
        other: otherCommittee,
        happy: { who: 'bithu.dangbo', status: 200, audit: 'checklist.confirm', check: (res, f) => expect(res.json().unconfirmed).toBe(f.checklist.unconfirmed - 1) },
      }),
      row({
        route: 'POST /api/reference/checklist-items',
        method: 'POST',
        url: () => '/api/reference/checklist-items',
        missing: () => '/api/reference/checklist-items',
        body: (f) => ({ unitId: f.checklist.unitId, title: 'Gương mẫu trong phong trào xây dựng nông thôn mới', text: 'Đi đầu hiến đất, góp công làm đường thôn.', note: 'Theo nghị quyết Đảng ủy xã' }),
        missingBody: () => ({ unitId: missingId(), title: 'x', text: 'x', note: 'x' }),
        forbidden: ['bithu.dongthu', 'vanphong', 'ubkt'],
        other: otherCommittee,
        happy: { who: 'bithu.dangbo', status: 200, audit: 'checklist.add_item', check: (res) => expect(res.json().groups.at(-1).items.at(-1).title).toBe('Gương mẫu trong phong trào xây dựng nông thôn mới') },
      }),
      row({
        route: 'POST /api/reference/checklist-items/:id/remove',
        method: 'POST',
        url: (f) => `/api/reference/checklist-items/${f.checklist.groups.at(-1)!.items.at(-1)!.id}/remove`,
        missing: () => `/api/reference/checklist-items/${missingId()}/remove`,
        body: () => ({ note: 'Trùng với nội dung khác' }),
        forbidden: ['bithu.dongthu', 'vanphong', 'ubkt'],
        other: otherCommittee,
        happy: { who: 'bithu.dangbo', status: 200, audit: 'checklist.remove_item' },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ checklist: await current(), dongThu: await t().unitId(CELL_DONG_THU) }),
        state,
      });
    });

    it('loaded from the reference files with provenance, all unconfirmed; editing keeps every version, confirming records who', async () => {
      const c = await current('dangvien.dongthu');
      expect(c.groups.map((g) => [g.code, g.list, g.grave, g.items.length])).toEqual([
        ['CT', 'manifestation', true, 9],
        ['DD', 'manifestation', false, 9],
        ['DB', 'manifestation', true, 9],
        ['NG', 'exemplary', false, expect.any(Number)],
      ]);
      expect(itemOf(c, 'CT1').textSource).toContain('baobinhphuoc.com.vn');
      const committee = await current();
      expect(committee.actions).toEqual(['edit', 'confirm', 'add', 'remove']);
      const ct2 = itemOf(committee, 'CT2');
      const confirmed = await call('POST', `/api/reference/checklist-items/${ct2.id}/confirm`, 'bithu.dangbo', {});
      expect(itemOf(confirmed.json(), 'CT2')).toMatchObject({ confirmed: true, confirmedByName: expect.any(String) });
      expect((await call('POST', `/api/reference/checklist-items/${ct2.id}/confirm`, 'bithu.dangbo', {})).statusCode).toBe(409);
      const same = await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, 'bithu.dangbo', { title: ct2.title, note: 'không đổi' });
      expect(fieldsOf(same)).toEqual(['text']);
      const edited = (await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, 'bithu.dangbo', { title: 'Xa rời tôn chỉ, mục đích của Đảng (sửa)', note: 'Sửa tiêu đề' })).json() as ChecklistResponse;
      // The edited item needs confirming again; the old version's item cannot be edited any more.
      expect(itemOf(edited, 'CT2')).toMatchObject({ confirmed: false, title: 'Xa rời tôn chỉ, mục đích của Đảng (sửa)' });
      expect((await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, 'bithu.dangbo', { title: 'y', note: 'z' })).statusCode).toBe(409);
      const history = (await call('GET', `/api/reference/checklist-items/${itemOf(edited, 'CT2').id}/history`, 'dangvien.dongthu')).json() as ChecklistItemHistory;
      expect(history.items.map((i) => [i.title, i.confirmed]).slice(0, 2)).toEqual([
        ['Xa rời tôn chỉ, mục đích của Đảng (sửa)', false],
        [ct2.title, true],
      ]);
      const old = await call('GET', `/api/reference/manifestations?versionId=${committee.versionId}`, 'dangvien.dongthu');
      expect(old.json()).toMatchObject({ current: false, versionId: committee.versionId });
      const fixed = await call('POST', `/api/reference/checklist-items/${itemOf(edited, 'CT3').id}/remove`, 'bithu.dangbo', { note: 'x' });
      expect(fixed.statusCode).toBe(400);
      expect(fixed.json().error.code).toBe('checklist_fixed_list');
      expect((await call('GET', `/api/reference/manifestations`, await signInAs(t(), 'vanphong.checklist', [{ role: 'office', unitName: COMMUNE }]))).statusCode).toBe(200);
    });
  });
});
