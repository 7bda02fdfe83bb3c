import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { requester } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { InspectionRulesResponse, InspectionRuleVersionsResponse } from './schemas.js';

const RULES = '/api/reference/inspection-rules';
const THEMATIC = 'supervision_thematic';

forEachDialect((dialect) => {
  describe('the inspection rules (QĐ 296): reference data, versions, confirmation', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /** A commune whose committee keeps the rules (loaded on first read), with the demo's six roles. */
    const { home, staff, as } = useStaffedCommune(t);
    /** A committee of another commune (the "other unit" of this reference data), and an account without any role. */
    let otherCommitteeCookie: string;
    let noRoleCookie: string;
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      otherCommitteeCookie = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: other.id }] })).cookie;
      noRoleCookie = (await buildAccount(t(), { roles: [], unitId: home().id })).cookie;
    });
    const otherCommittee = () => otherCommitteeCookie;
    const noRole = () => noRoleCookie;
    const current = async (who = staff().committee.cookie) => (await call('GET', RULES, who)).json() as InspectionRulesResponse;
    const kindOf = (r: InspectionRulesResponse, code: string) => r.kinds.find((k) => k.code === code)!;
    const yearOf = (r: InspectionRulesResponse, year: number) => r.holidays.find((h) => h.year === year)!;
    const formOf = (r: InspectionRulesResponse, code: string) => r.disciplineForms.find((f) => f.code === code)!;
    const patch = (id: string, body: unknown, who = staff().committee.cookie) => call('PATCH', `${RULES}/items/${id}`, who, body);
    const confirm = (id: string, who = staff().committee.cookie) => call('POST', `${RULES}/items/${id}/confirm`, who, { note: 'Đã đối chiếu với văn bản gốc' });
    const versionCount = async () => (await t().db.db.selectFrom('inspection_rule_versions').select('id').where('unit_id', '=', home().id).execute()).length;
    const state = async () => ({
      versions: await t().db.db.selectFrom('inspection_rule_versions').select(['id', 'retired_at']).orderBy('id').execute(),
      confirmed: await t().db.db.selectFrom('inspection_rule_items').select('id').where('confirmed_at', 'is not', null).orderBy('id').execute(),
    });

    type Fixture = { rules: InspectionRulesResponse; dongThu: string };
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: `GET ${RULES}`,
        method: 'GET',
        url: (f) => `${RULES}?unitId=${f.dongThu}`,
        missing: () => `${RULES}?unitId=${missingId()}`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: as('member'), status: 200, check: (res) => expect(res.json()).toMatchObject({ current: true, actions: [] }) },
      }),
      row({
        route: `GET ${RULES}/versions`,
        method: 'GET',
        url: (f) => `${RULES}/versions?unitId=${f.dongThu}`,
        missing: () => `${RULES}/versions?unitId=${missingId()}`,
        forbidden: [noRole],
        other: otherCommittee,
        happy: { who: as('office'), status: 200, check: (res) => expect(res.json().items.length).toBeGreaterThan(0) },
      }),
      row({
        route: `PATCH ${RULES}/items/:id`,
        method: 'PATCH',
        url: (f) => `${RULES}/items/${kindOf(f.rules, THEMATIC).id}`,
        missing: () => `${RULES}/items/${missingId()}`,
        // A limit no earlier call set, so the edit always changes something.
        body: (f) => ({ limitWorkingDays: kindOf(f.rules, THEMATIC).timeLimit!.workingDays + 1, note: 'Theo Hướng dẫn 08-HD/TW' }),
        forbidden: [as('member'), as('secretary'), as('office')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'inspection_rules.update', check: (res, f) => expect(res.json().version).toBe(f.rules.version + 1) },
      }),
      row({
        route: `POST ${RULES}/items/:id/confirm`,
        method: 'POST',
        url: (f) => `${RULES}/items/${f.rules.steps.find((s) => !s.confirmed)!.id}/confirm`,
        missing: () => `${RULES}/items/${missingId()}/confirm`,
        body: () => ({ note: 'Đã đối chiếu với văn bản gốc' }),
        forbidden: [as('member'), as('secretary'), as('office')],
        other: otherCommittee,
        // The UBKT works by these rules and may confirm them too.
        happy: { who: as('inspection'), status: 200, audit: 'inspection_rules.confirm', check: (res, f) => expect(res.json().unconfirmed).toBe(f.rules.unconfirmed - 1) },
      }),
      row({
        route: `POST ${RULES}/holidays`,
        method: 'POST',
        url: () => `${RULES}/holidays`,
        missing: () => `${RULES}/holidays`,
        body: (f) => ({ unitId: f.rules.unitId, year: 2030, daysOff: ['2030-01-01', '2030-09-02'], source: 'Bộ luật Lao động 2019, Điều 112', note: 'Thêm lịch năm 2030' }),
        missingBody: () => ({ unitId: missingId(), year: 2030, daysOff: ['2030-01-01'], source: 'x', note: 'x' }),
        forbidden: [as('member'), as('secretary'), as('office')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'inspection_rules.add_year', check: (res) => expect(yearOf(res.json(), 2030).daysOff).toEqual(['2030-01-01', '2030-09-02']) },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ rules: await current(), dongThu: home().cells[0]!.id }),
        state,
      });
    });

    it('loads the starting rules from the reference files with provenance, every item unconfirmed', async () => {
      // A commune of its own: nothing confirmed or edited yet. The first read loads the files, audited once.
      const fresh = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      const reader = await buildAccount(t(), { roles: [{ role: 'member', unitId: fresh.cells[0]!.id }], memberId: fresh.cells[0]!.members[0]!.id });
      const r = await current(reader.cookie);
      expect(r).toMatchObject({ unitId: fresh.id, version: 1, current: true, actions: [] });
      expect(r.source).toContain('Quy định 296-QĐ/TW');
      expect(r.kinds.map((k) => k.code)).toEqual([
        'supervision_regular',
        THEMATIC,
        'inspection_signs_of_violation',
        'inspection_oversight_duty',
        'inspection_discipline_enforcement',
        'denunciation',
        'discipline_appeal',
      ]);
      expect(r.steps.map((s) => s.code)).toEqual(['decision', 'plan', 'notice', 'subject_report', 'verification', 'draft_report', 'result_report', 'conclusion', 'follow_up']);
      expect(r.disciplineForms.map((f) => [f.code, f.probationaryAllowed])).toEqual([
        ['reprimand', true],
        ['warning', true],
        ['dismissal', false],
        ['expulsion', false],
      ]);
      expect(r.holidays.map((h) => h.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);
      const all = [...r.kinds, ...r.steps, ...r.disciplineForms, ...r.holidays];
      expect(all).toHaveLength(28);
      expect(all.filter((i) => i.confirmed || i.confirmedAt !== null)).toEqual([]);
      expect(all.filter((i) => !i.source?.trim()).map((i) => i.code)).toEqual([]);
      expect(r.unconfirmed).toBe(28);
      expect(r.disciplineNotes.length).toBeGreaterThan(0);
      // Thematic supervision: 20 working days from the subject's report to the conclusion, extendable by a third (6 days).
      expect(kindOf(r, THEMATIC).timeLimit).toMatchObject({ workingDays: 20, extensionWorkingDays: 6, fromStep: 'subject_report', toStep: 'conclusion' });
      expect(kindOf(r, THEMATIC).timeLimit!.source).toContain('20 ngày làm việc');
      expect(kindOf(r, THEMATIC).steps.find((s) => s.code === 'verification')!.withinWorkingDays).toBe(10);
      expect(yearOf(r, 2026).daysOff).toContain('2026-09-02');
      // The list of versions counts the same unconfirmed rules as the page.
      const versions = (await call('GET', `${RULES}/versions`, reader.cookie)).json() as InspectionRuleVersionsResponse;
      expect(versions.items.map((v) => [v.version, v.unconfirmed])).toEqual([[1, 28]]);
      const loads = await t().db.db.selectFrom('audit_log').select('action').where('unit_id', '=', fresh.id).where('action', 'like', 'inspection_rules.%').execute();
      expect(loads.map((a) => a.action)).toEqual(['inspection_rules.load']);
    });

    it("editing a kind's step days or limit makes a new version with it unconfirmed again; the old version is read-only", async () => {
      const before = await current();
      // Confirmed first, so the edit visibly takes the confirmation away (and leaves the others').
      await confirm(kindOf(before, THEMATIC).id);
      const confirmedForm = (await confirm(formOf(before, 'reprimand').id)).json() as InspectionRulesResponse;
      expect(kindOf(confirmedForm, THEMATIC).confirmed).toBe(true);
      const old = kindOf(confirmedForm, THEMATIC);

      const res = await patch(old.id, { stepDays: { verification: 12 }, limitWorkingDays: 24, note: 'Theo Hướng dẫn 08-HD/TW' });
      expect(res.statusCode, res.body).toBe(200);
      const edited = res.json() as InspectionRulesResponse;
      expect(edited.version).toBe(confirmedForm.version + 1);
      expect(edited.versionId).not.toBe(confirmedForm.versionId);
      const kind = kindOf(edited, THEMATIC);
      expect(kind).toMatchObject({ confirmed: false, confirmedAt: null });
      expect(kind.steps.find((s) => s.code === 'verification')!.withinWorkingDays).toBe(12);
      // A third of 24 days, from the rule's own fraction.
      expect(kind.timeLimit).toMatchObject({ workingDays: 24, extensionWorkingDays: 8 });
      expect(formOf(edited, 'reprimand').confirmed).toBe(true);
      expect(edited.unconfirmed).toBe(confirmedForm.unconfirmed + 1);
      const audit = await lastAudit(t());
      expect(audit).toMatchObject({ action: 'inspection_rules.update', record_id: edited.versionId, actor_account_id: staff().committee.accountId });
      expect(audit.before).toMatchObject({ version: confirmedForm.version, item: { code: THEMATIC } });

      const extended = (await patch(kind.id, { extensionWorkingDays: 5, note: 'Gia hạn tối đa 5 ngày' })).json() as InspectionRulesResponse;
      expect(kindOf(extended, THEMATIC).timeLimit).toMatchObject({ workingDays: 24, extensionWorkingDays: 5 });

      // The old version stays readable, and nothing of it can change any more.
      const versions = await versionCount();
      for (const refused of [await patch(old.id, { limitWorkingDays: 30, note: 'x' }), await confirm(formOf(confirmedForm, 'warning').id)]) {
        expect(refused.statusCode, refused.body).toBe(409);
        expect(refused.json().error.code).toBe('inspection_rules_version_retired');
      }
      expect(await versionCount()).toBe(versions);
      const shown = (await call('GET', `${RULES}?versionId=${confirmedForm.versionId}`, staff().member.cookie)).json() as InspectionRulesResponse;
      expect(shown).toMatchObject({ current: false, version: confirmedForm.version, actions: [] });
      expect(kindOf(shown, THEMATIC).timeLimit!.workingDays).toBe(old.timeLimit!.workingDays);
      const list = (await call('GET', `${RULES}/versions`, staff().committee.cookie)).json() as InspectionRuleVersionsResponse;
      expect(list.items[0]).toMatchObject({ id: extended.versionId, retiredAt: null, unconfirmed: extended.unconfirmed });
      expect(list.items.find((v) => v.id === confirmedForm.versionId)).toMatchObject({ retiredAt: expect.any(String), unconfirmed: confirmedForm.unconfirmed });
    });

    it('a field not for the rule, an unknown step or no change is a 400 naming the field, and writes nothing', async () => {
      const r = await current();
      const versions = await versionCount();
      const cases: [string, unknown, string[]][] = [
        [kindOf(r, THEMATIC).id, { daysOff: ['2026-01-01'], note: 'x' }, ['daysOff']],
        [kindOf(r, THEMATIC).id, { probationaryAllowed: true, note: 'x' }, ['probationaryAllowed']],
        [formOf(r, 'dismissal').id, { stepDays: { plan: 3 }, note: 'x' }, ['stepDays']],
        [yearOf(r, 2026).id, { limitWorkingDays: 10, note: 'x' }, ['limitWorkingDays']],
        [r.steps[0]!.id, { workingWeekendDays: ['2026-01-03'], note: 'x' }, ['workingWeekendDays']],
        [kindOf(r, THEMATIC).id, { stepDays: { hearing: 3 }, note: 'x' }, ['stepDays.hearing']],
        // Regular supervision has no overall limit: an extension alone names the extension.
        [kindOf(r, 'supervision_regular').id, { extensionWorkingDays: 3, note: 'x' }, ['extensionWorkingDays']],
        [kindOf(r, THEMATIC).id, { stepDays: { plan: kindOf(r, THEMATIC).steps.find((s) => s.code === 'plan')!.withinWorkingDays }, note: 'x' }, ['note']],
        [kindOf(r, THEMATIC).id, { limitWorkingDays: 0, note: 'x' }, ['limitWorkingDays']],
        [kindOf(r, THEMATIC).id, { limitWorkingDays: 10 }, ['note']],
      ];
      for (const [id, body, fields] of cases) {
        const res = await patch(id, body);
        expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
      }
      const vi = await patch(kindOf(r, THEMATIC).id, { daysOff: ['2026-01-01'], note: 'x' });
      expect(vi.json().error.message).toContain('không áp dụng cho loại quy định này');
      const en = await call('PATCH', `${RULES}/items/${kindOf(r, THEMATIC).id}`, staff().committee.cookie, { daysOff: ['2026-01-01'], note: 'x' }, 'en');
      expect(en.json().error.message).toContain('does not apply to this kind of rule');
      expect(await versionCount()).toBe(versions);
    });

    it("a year's days off are edited only inside that year", async () => {
      const r = await current();
      const y2026 = yearOf(r, 2026);
      const outside = await patch(y2026.id, { daysOff: ['2026-01-01', '2027-01-01'], note: 'Sửa lịch nghỉ' });
      expect(outside.statusCode).toBe(400);
      expect(fieldsOf(outside)).toEqual(['daysOff.1']);
      expect(outside.json().error.message).toContain('2026');
      const weekend = await patch(y2026.id, { workingWeekendDays: ['2025-12-27'], note: 'Sửa lịch nghỉ' });
      expect(fieldsOf(weekend)).toEqual(['workingWeekendDays.0']);
      const notADay = await patch(y2026.id, { daysOff: ['2026-02-30'], note: 'Sửa lịch nghỉ' });
      expect(fieldsOf(notADay)).toEqual(['daysOff.0']);

      const days = [...y2026.daysOff.filter((d) => d !== '2026-09-01'), '2026-04-27', '2026-04-27'];
      const res = await patch(y2026.id, { daysOff: days, note: 'Thông báo nghỉ lễ năm 2026' });
      expect(res.statusCode, res.body).toBe(200);
      const edited = yearOf(res.json(), 2026);
      expect(edited.daysOff).toEqual([...new Set(days)].sort());
      expect(edited.confirmed).toBe(false);
      expect(await lastAudit(t())).toMatchObject({ action: 'inspection_rules.update' });
    });

    it('confirming records who and when; a second confirm is 409', async () => {
      const r = await current();
      const form = formOf(r, 'expulsion');
      const startedAt = new Date(Date.now() - 1000).toISOString();
      const res = await call('POST', `${RULES}/items/${form.id}/confirm`, staff().inspection.cookie, { note: 'Đối chiếu Điều lệ Đảng, Điều 35' });
      expect(res.statusCode, res.body).toBe(200);
      const confirmed = formOf(res.json(), 'expulsion');
      expect(confirmed).toMatchObject({ confirmed: true, confirmedByName: `Tài khoản thử ${staff().inspection.username}` });
      expect(confirmed.confirmedAt! >= startedAt).toBe(true);
      // Confirming does not make a new version.
      expect((res.json() as InspectionRulesResponse).version).toBe(r.version);
      expect(await lastAudit(t())).toMatchObject({
        action: 'inspection_rules.confirm',
        actor_account_id: staff().inspection.accountId,
        after: { code: 'expulsion', confirmedAt: confirmed.confirmedAt, note: 'Đối chiếu Điều lệ Đảng, Điều 35' },
      });
      const again = await confirm(form.id);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('inspection_rule_confirmed');
    });

    it('adds a year of holidays not there yet, in year order; a year that exists is a 400 naming it', async () => {
      const r = await current();
      const body = { unitId: r.unitId, year: 2020, daysOff: ['2020-01-01', '2020-09-02'], source: 'Thông báo của Bộ Lao động - Thương binh và Xã hội', note: 'Các vụ việc từ năm 2020' };
      const exists = await call('POST', `${RULES}/holidays`, staff().committee.cookie, { ...body, year: 2026, daysOff: ['2026-01-01'] });
      expect(exists.statusCode).toBe(400);
      expect(fieldsOf(exists)).toEqual(['year']);
      const outside = await call('POST', `${RULES}/holidays`, staff().committee.cookie, { ...body, daysOff: ['2020-01-01', '2021-01-01'] });
      expect(fieldsOf(outside)).toEqual(['daysOff.1']);
      // A cell keeps no rules of its own: the committee's unit does.
      const cell = await call('POST', `${RULES}/holidays`, staff().committee.cookie, { ...body, unitId: home().cells[0]!.id });
      expect(fieldsOf(cell)).toEqual(['unitId']);

      const res = await call('POST', `${RULES}/holidays`, staff().committee.cookie, body);
      expect(res.statusCode, res.body).toBe(200);
      const added = res.json() as InspectionRulesResponse;
      expect(added.version).toBe(r.version + 1);
      expect(yearOf(added, 2020)).toMatchObject({ daysOff: ['2020-01-01', '2020-09-02'], workingWeekendDays: [], source: body.source, confirmed: false });
      const years = added.holidays.map((h) => h.year);
      expect(years).toEqual([...years].sort((a, b) => a - b));
      expect(added.unconfirmed).toBe(r.unconfirmed + 1);
    });

    it('members and the office read the rules but may not change them; the committee and the UBKT may', async () => {
      expect((await current(staff().member.cookie)).actions).toEqual([]);
      expect((await current(staff().secretary.cookie)).actions).toEqual([]);
      const officeOnly = await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] });
      const office = await call('GET', RULES, officeOnly.cookie);
      expect(office.statusCode).toBe(200);
      expect(office.json()).toMatchObject({ unitId: home().id, actions: [] });
      expect((await current(staff().inspection.cookie)).actions).toEqual(['edit', 'confirm']);
      expect((await current()).actions).toEqual(['edit', 'confirm']);
      const r = await current();
      for (const who of [staff().member.cookie, officeOnly.cookie]) {
        expect((await patch(kindOf(r, THEMATIC).id, { limitWorkingDays: 40, note: 'x' }, who)).statusCode).toBe(403);
        expect((await confirm(formOf(r, 'warning').id, who)).statusCode).toBe(403);
      }
    });
  });
});
