import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { requester } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune, loadChecklist, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { ChecklistItemHistory, ChecklistResponse } from './schemas.js';

forEachDialect((dialect) => {
  describe('the self-examination checklist: reference data, versions, confirmation', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /** A commune whose committee keeps the starting checklist, with the demo's six roles. */
    const { home, staff, as } = useStaffedCommune(t, { checklist: true });
    /** A committee of another commune with its own checklist (the "other unit" of this reference data), and an account without any role. */
    let otherCommitteeCookie: string;
    let noRoleCookie: string;
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      await loadChecklist(t(), other.id);
      otherCommitteeCookie = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: other.id }] })).cookie;
      noRoleCookie = (await buildAccount(t(), { roles: [], unitId: home().id })).cookie;
    });
    const otherCommittee = () => otherCommitteeCookie;
    const noRole = () => noRoleCookie;
    const current = async (who = staff().committee.cookie) => (await call('GET', '/api/reference/manifestations', who)).json() as ChecklistResponse;
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
        happy: { who: as('member'), status: 200, check: (res) => expect(res.json()).toMatchObject({ current: true, actions: [] }) },
      }),
      row({
        route: 'GET /api/reference/manifestations/versions',
        method: 'GET',
        url: (f) => `/api/reference/manifestations/versions?unitId=${f.dongThu}`,
        missing: () => `/api/reference/manifestations/versions?unitId=${missingId()}`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, check: (res) => expect(res.json().items.length).toBeGreaterThan(0) },
      }),
      row({
        route: 'GET /api/reference/checklist-items/:id/history',
        method: 'GET',
        url: (f) => `/api/reference/checklist-items/${itemOf(f.checklist, 'CT6').id}/history`,
        missing: () => `/api/reference/checklist-items/${missingId()}/history`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect((res.json() as ChecklistItemHistory).code).toBe('CT6') },
      }),
      row({
        route: 'PATCH /api/reference/checklist-items/:id',
        method: 'PATCH',
        url: (f) => `/api/reference/checklist-items/${itemOf(f.checklist, 'CT6').id}`,
        missing: () => `/api/reference/checklist-items/${missingId()}`,
        body: () => ({ text: `Nói không đi đôi với làm; hứa nhiều làm ít (${Math.random()})`, note: 'Bổ sung nội dung' }),
        forbidden: [as('secretary'), as('office'), as('inspection')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'checklist.update', check: (res, f) => expect(res.json().version).toBe(f.checklist.version + 1) },
      }),
      row({
        route: 'POST /api/reference/checklist-items/:id/confirm',
        method: 'POST',
        url: (f) => `/api/reference/checklist-items/${f.checklist.groups.flatMap((g) => g.items).find((i) => !i.confirmed)!.id}/confirm`,
        missing: () => `/api/reference/checklist-items/${missingId()}/confirm`,
        body: () => ({ note: 'Đã đối chiếu với văn bản gốc' }),
        forbidden: [as('secretary'), as('office'), as('inspection')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'checklist.confirm', check: (res, f) => expect(res.json().unconfirmed).toBe(f.checklist.unconfirmed - 1) },
      }),
      row({
        route: 'POST /api/reference/checklist-items',
        method: 'POST',
        url: () => '/api/reference/checklist-items',
        missing: () => '/api/reference/checklist-items',
        body: (f) => ({ unitId: f.checklist.unitId, title: 'Gương mẫu trong phong trào xây dựng nông thôn mới', text: 'Đi đầu hiến đất, góp công làm đường thôn.', note: 'Theo nghị quyết Đảng ủy xã' }),
        missingBody: () => ({ unitId: missingId(), title: 'x', text: 'x', note: 'x' }),
        forbidden: [as('secretary'), as('office'), as('inspection')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'checklist.add_item', check: (res) => expect(res.json().groups.at(-1).items.at(-1).title).toBe('Gương mẫu trong phong trào xây dựng nông thôn mới') },
      }),
      row({
        route: 'POST /api/reference/checklist-items/:id/remove',
        method: 'POST',
        url: (f) => `/api/reference/checklist-items/${f.checklist.groups.at(-1)!.items.at(-1)!.id}/remove`,
        missing: () => `/api/reference/checklist-items/${missingId()}/remove`,
        body: () => ({ note: 'Trùng với nội dung khác' }),
        forbidden: [as('secretary'), as('office'), as('inspection')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'checklist.remove_item' },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ checklist: await current(), dongThu: home().cells[0]!.id }),
        state,
      });
    });

    it('loaded from the reference files with provenance, all unconfirmed; editing keeps every version, confirming records who', async () => {
      const c = await current(staff().member.cookie);
      expect(c.groups.map((g) => [g.code, g.list, g.grave, g.items.length])).toEqual([
        ['CT', 'manifestation', true, 9],
        ['DD', 'manifestation', false, 9],
        ['DB', 'manifestation', true, 9],
        ['NG', 'exemplary', false, expect.any(Number)],
      ]);
      expect(itemOf(c, 'CT1').textSource).toContain('baobinhphuoc.com.vn');
      // The notes people read are in Vietnamese, the provenance kept.
      expect(itemOf(c, 'DB1').textSource).toBe('Trích dẫn trên một trang hỏi đáp (boxhoidap.com)');
      const notes = c.groups.flatMap((g) => g.items.map((i) => i.textSource)).filter((n): n is string => n !== null);
      expect(notes.filter((n) => /\b(quoted|paraphrase|verbatim|fragment|only|found)\b/.test(n))).toEqual([]);
      const committee = await current();
      expect(committee.actions).toEqual(['edit', 'confirm', 'add', 'remove']);
      const ct2 = itemOf(committee, 'CT2');
      const confirmed = await call('POST', `/api/reference/checklist-items/${ct2.id}/confirm`, staff().committee.cookie, {});
      expect(itemOf(confirmed.json(), 'CT2')).toMatchObject({ confirmed: true, confirmedByName: expect.any(String) });
      expect((await call('POST', `/api/reference/checklist-items/${ct2.id}/confirm`, staff().committee.cookie, {})).statusCode).toBe(409);
      const same = await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, staff().committee.cookie, { title: ct2.title, note: 'không đổi' });
      expect(fieldsOf(same)).toEqual(['text']);
      const edited = (await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, staff().committee.cookie, { title: 'Xa rời tôn chỉ, mục đích của Đảng (sửa)', note: 'Sửa tiêu đề' })).json() as ChecklistResponse;
      // The edited item needs confirming again; the old version's item cannot be edited any more.
      expect(itemOf(edited, 'CT2')).toMatchObject({ confirmed: false, title: 'Xa rời tôn chỉ, mục đích của Đảng (sửa)' });
      expect((await call('PATCH', `/api/reference/checklist-items/${ct2.id}`, staff().committee.cookie, { title: 'y', note: 'z' })).statusCode).toBe(409);
      const history = (await call('GET', `/api/reference/checklist-items/${itemOf(edited, 'CT2').id}/history`, staff().member.cookie)).json() as ChecklistItemHistory;
      expect(history.items.map((i) => [i.title, i.confirmed]).slice(0, 2)).toEqual([
        ['Xa rời tôn chỉ, mục đích của Đảng (sửa)', false],
        [ct2.title, true],
      ]);
      const old = await call('GET', `/api/reference/manifestations?versionId=${committee.versionId}`, staff().member.cookie);
      expect(old.json()).toMatchObject({ current: false, versionId: committee.versionId });
      const fixed = await call('POST', `/api/reference/checklist-items/${itemOf(edited, 'CT3').id}/remove`, staff().committee.cookie, { note: 'x' });
      expect(fixed.statusCode).toBe(400);
      expect(fixed.json().error.code).toBe('checklist_fixed_list');
      // The office (and nothing else) may read the reference data it keeps.
      const officeOnly = await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] });
      expect((await call('GET', `/api/reference/manifestations`, officeOnly.cookie)).statusCode).toBe(200);
    });
  });
});
