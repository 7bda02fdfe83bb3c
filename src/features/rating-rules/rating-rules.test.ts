import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { requester } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import { writeTransaction } from '../audit/service.js';
import { ensureRatingRules, ratingRulesInEffect, ratingRulesOfVersion, unconfirmedNames } from './lookup.js';
import type { RatingRulesResponse, RatingRuleVersionsResponse } from './schemas.js';

const RULES = '/api/reference/rating-rules';

/** The reference file the starting rules come from, read here on its own. */
const file = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../reference/rating-qd366.json'), 'utf8')) as {
  score: { max: number; groups: { code: string; max: number; criteria: { code: string; max: number | null }[] }[] };
  levels: { code: string; name: string; min_score: number; individual: Record<string, number | boolean | null>; collective: Record<string, number | boolean | null>; source: string }[];
  triggers: { code: string; caps_at: string; applies_to: string[]; detect: string | null; source: string }[];
  forms: { code: string }[];
  form_sections: { code: string }[];
  review_steps: { code: string }[];
  quota: { percent_of_good: number; source: string };
  vote: { majority: number; cumulative: boolean; source: string };
};
const camel = (c: Record<string, number | boolean | null>) => ({
  allTasksDone: c.all_tasks_done,
  allTasksOnTime: c.all_tasks_on_time,
  minExceededShare: c.min_exceeded_share,
  maxLateShare: c.max_late_share,
  shortcomingsFixed: c.shortcomings_fixed,
});

forEachDialect((dialect) => {
  describe('the rating rules (QĐ 366): reference data, versions, confirmation', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, as } = useStaffedCommune(t);
    let otherCommitteeCookie: string;
    let noRoleCookie: string;
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      otherCommitteeCookie = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: other.id }] })).cookie;
      noRoleCookie = (await buildAccount(t(), { roles: [], unitId: home().id })).cookie;
    });
    const current = async (who = staff().committee.cookie) => (await call('GET', RULES, who)).json() as RatingRulesResponse;
    const levelOf = (r: RatingRulesResponse, code: string) => r.levels.find((l) => l.code === code)!;
    const triggerOf = (r: RatingRulesResponse, code: string) => r.triggers.find((l) => l.code === code)!;
    const patch = (id: string, body: unknown, who = staff().committee.cookie, lang?: 'en') => call('PATCH', `${RULES}/items/${id}`, who, body, lang);
    const confirm = (id: string, who = staff().committee.cookie) => call('POST', `${RULES}/items/${id}/confirm`, who, { note: 'Đã đối chiếu với văn bản gốc' });
    const versionCount = async () => (await t().db.db.selectFrom('rule_set_versions').select('id').where('set_code', '=', 'rating_rules').where('unit_id', '=', home().id).execute()).length;
    const state = async () => ({
      versions: await t().db.db.selectFrom('rule_set_versions').select(['id', 'retired_at']).orderBy('id').execute(),
      confirmed: await t().db.db.selectFrom('rule_set_items').select('id').where('confirmed_at', 'is not', null).orderBy('id').execute(),
    });

    type Fixture = { rules: RatingRulesResponse; dongThu: string };
    const rows: AccessRow<Fixture>[] = [
      {
        route: `GET ${RULES}`,
        method: 'GET',
        url: (f) => `${RULES}?unitId=${f.dongThu}`,
        missing: () => `${RULES}?unitId=${missingId()}`,
        forbidden: [() => noRoleCookie],
        other: () => otherCommitteeCookie,
        happy: { who: as('member'), status: 200, check: (res) => expect(res.json()).toMatchObject({ current: true, actions: [] }) },
      },
      {
        route: `GET ${RULES}/versions`,
        method: 'GET',
        url: (f) => `${RULES}/versions?unitId=${f.dongThu}`,
        missing: () => `${RULES}/versions?unitId=${missingId()}`,
        forbidden: [() => noRoleCookie],
        other: () => otherCommitteeCookie,
        happy: { who: as('office'), status: 200, check: (res) => expect(res.json().items.length).toBeGreaterThan(0) },
      },
      {
        route: `PATCH ${RULES}/items/:id`,
        method: 'PATCH',
        url: (f) => `${RULES}/items/${f.rules.quota.id}`,
        missing: () => `${RULES}/items/${missingId()}`,
        // A percentage no earlier call set, so the edit always changes something.
        body: (f) => ({ percentOfGood: f.rules.quota.percentOfGood + 1, note: 'Theo hướng dẫn của Tỉnh ủy' }),
        forbidden: [as('member'), as('secretary'), as('office'), as('inspection')],
        other: () => otherCommitteeCookie,
        happy: { who: as('committee'), status: 200, audit: 'rating_rules.update', check: (res, f) => expect(res.json().version).toBe(f.rules.version + 1) },
      },
      {
        route: `POST ${RULES}/items/:id/confirm`,
        method: 'POST',
        url: (f) => `${RULES}/items/${f.rules.reviewSteps.find((s) => !s.confirmed)!.id}/confirm`,
        missing: () => `${RULES}/items/${missingId()}/confirm`,
        body: () => ({ note: 'Đã đối chiếu với văn bản gốc' }),
        forbidden: [as('member'), as('secretary'), as('office'), as('inspection')],
        other: () => otherCommitteeCookie,
        happy: { who: as('committee'), status: 200, audit: 'rating_rules.confirm', check: (res, f) => expect(res.json().unconfirmed).toBe(f.rules.unconfirmed - 1) },
      },
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => ({ rules: await current(), dongThu: home().cells[0]!.id }),
        state,
      });
    });

    it('loads the starting rules from the reference file on first need, every item unconfirmed with its source', async () => {
      const fresh = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      const cellPath = fresh.cells[0]!.path;
      expect(await ratingRulesInEffect(t().db.db, cellPath)).toBeNull();
      const reader = await buildAccount(t(), { roles: [{ role: 'member', unitId: fresh.cells[0]!.id }], memberId: fresh.cells[0]!.members[0]!.id });
      const r = await current(reader.cookie);
      expect(r).toMatchObject({ unitId: fresh.id, version: 1, current: true, actions: [] });
      expect(r.source).toContain('Quy định 366-QĐ/TW');
      expect(r.levels.map((l) => l.code)).toEqual(file.levels.map((l) => l.code));
      expect(r.forms.map((f) => f.code)).toEqual(file.forms.map((f) => f.code));
      expect(r.sections.map((s) => s.code)).toEqual(file.form_sections.map((s) => s.code));
      expect(r.reviewSteps.map((s) => s.code)).toEqual(file.review_steps.map((s) => s.code));
      expect(r.triggers.map((tr) => [tr.code, tr.capsAt])).toEqual(file.triggers.map((tr) => [tr.code, tr.caps_at]));
      expect(r.framework).toMatchObject({ scoreMax: 100, groups: file.score.groups });
      const all = [r.framework, ...r.levels, ...r.triggers, ...r.forms, ...r.sections, r.quota, r.vote, ...r.reviewSteps];
      expect(all.filter((i) => i.confirmed || i.confirmedAt !== null)).toEqual([]);
      expect(all.filter((i) => !i.source?.trim()).map((i) => i.code)).toEqual([]);
      expect(r.unconfirmed).toBe(all.length);
      const versions = (await call('GET', `${RULES}/versions`, reader.cookie)).json() as RatingRuleVersionsResponse;
      expect(versions.items.map((v) => [v.version, v.unconfirmed])).toEqual([[1, all.length]]);
      const loads = await t().db.db.selectFrom('audit_log').select(['action', 'record_type']).where('unit_id', '=', fresh.id).where('action', 'like', 'rating_rules.%').execute();
      expect(loads).toEqual([{ action: 'rating_rules.load', record_type: 'rating_rules' }]);
    });

    it('ratingRulesOfVersion gives the thresholds, quota, vote and framework of the reference file', async () => {
      const fresh = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      const ensured = await writeTransaction(t().db, (trx) => ensureRatingRules(trx, t().db.dialect, fresh.cells[0]!.path));
      const rules = await ratingRulesOfVersion(t().db.db, ensured.versionId);
      expect(rules).toEqual(ensured);
      expect(await ratingRulesInEffect(t().db.db, fresh.path)).toEqual(rules);
      expect(rules.scoreMax).toBe(file.score.max);
      expect(rules.groups.map((g) => [g.code, g.max, g.criteria.map((c) => [c.code, c.max])])).toEqual(file.score.groups.map((g) => [g.code, g.max, g.criteria.map((c) => [c.code, c.max])]));
      expect(rules.levels.map((l) => ({ code: l.code, minScore: l.minScore, source: l.source, confirmed: l.confirmed }))).toEqual(file.levels.map((l) => ({ code: l.code, minScore: l.min_score, source: l.source, confirmed: false })));
      for (const [i, level] of file.levels.entries()) {
        expect(rules.levels[i]!.individual).toEqual({ code: level.code, name: level.name, minScore: level.min_score, ...camel(level.individual) });
        expect(rules.levels[i]!.collective).toEqual({ code: level.code, name: level.name, minScore: level.min_score, ...camel(level.collective) });
      }
      expect(rules.triggers.map((tr) => ({ code: tr.code, capsAt: tr.capsAt, appliesTo: tr.appliesTo, detect: tr.detect, source: tr.source, confirmed: tr.confirmed }))).toEqual(
        file.triggers.map((tr) => ({ code: tr.code, capsAt: tr.caps_at, appliesTo: tr.applies_to, detect: tr.detect, source: tr.source, confirmed: false })),
      );
      expect(rules.quota).toMatchObject({ percentOfGood: file.quota.percent_of_good, source: file.quota.source, confirmed: false });
      expect(rules.vote).toMatchObject({ majority: file.vote.majority, cumulative: file.vote.cumulative, source: file.vote.source, confirmed: false });
      expect(rules.reviewSteps.map((s) => s.code)).toEqual(file.review_steps.map((s) => s.code));
      // Every item is unconfirmed and named; the two individual forms are told apart by code.
      expect(unconfirmedNames(rules)).toContain('Bản kiểm điểm cá nhân (2A)');
      expect(unconfirmedNames(rules)).toContain(file.levels[0]!.name);
      expect(new Set(unconfirmedNames(rules)).size).toBe(unconfirmedNames(rules).length);
      await expect(ratingRulesOfVersion(t().db.db, missingId())).rejects.toMatchObject({ statusCode: 404 });
    });

    it("editing a level's min score and thresholds makes a new version with it unconfirmed again; the rating reads the new values", async () => {
      const before = await current();
      await confirm(levelOf(before, 'HTNV').id);
      const confirmedQuota = (await confirm(before.quota.id)).json() as RatingRulesResponse;
      const res = await patch(levelOf(before, 'HTNV').id, { minScore: 55, collective: { maxLateShare: 0.1 }, individual: { minExceededShare: null }, note: 'Theo Hướng dẫn của Tỉnh ủy' });
      expect(res.statusCode, res.body).toBe(200);
      const edited = res.json() as RatingRulesResponse;
      expect(edited.version).toBe(confirmedQuota.version + 1);
      expect(levelOf(edited, 'HTNV')).toMatchObject({ minScore: 55, confirmed: false, confirmedAt: null, collective: { maxLateShare: 0.1, allTasksDone: true }, individual: { maxLateShare: null, allTasksDone: true } });
      expect(edited.quota.confirmed).toBe(true);
      expect(edited.unconfirmed).toBe(confirmedQuota.unconfirmed + 1);
      const rules = await ratingRulesOfVersion(t().db.db, edited.versionId);
      expect(rules.levels.find((l) => l.code === 'HTNV')!.collective).toMatchObject({ minScore: 55, maxLateShare: 0.1 });
      expect(rules.quota.confirmed).toBe(true);
      expect((await ratingRulesInEffect(t().db.db, home().cells[0]!.path))!.versionId).toBe(edited.versionId);
      const audit = await lastAudit(t());
      expect(audit).toMatchObject({ action: 'rating_rules.update', record_type: 'rating_rules', record_id: edited.versionId, actor_account_id: staff().committee.accountId });
      expect(audit.before).toMatchObject({ version: confirmedQuota.version, item: { code: 'HTNV', data: { min_score: 50 } } });
      expect(audit.after).toMatchObject({ change: { code: 'HTNV', data: { min_score: 55 } } });

      // The old version stays readable, and nothing of it can change any more.
      const versions = await versionCount();
      for (const refused of [await patch(levelOf(before, 'HTNV').id, { minScore: 60, note: 'x' }), await confirm(levelOf(before, 'HTTNV').id)]) {
        expect(refused.statusCode, refused.body).toBe(409);
        expect(refused.json().error.code).toBe('rule_set_version_retired');
      }
      expect(await versionCount()).toBe(versions);
      const shown = (await call('GET', `${RULES}?versionId=${confirmedQuota.versionId}`, staff().member.cookie)).json() as RatingRulesResponse;
      expect(shown).toMatchObject({ current: false, version: confirmedQuota.version, actions: [] });
      expect(levelOf(shown, 'HTNV').minScore).toBe(50);
    });

    it("edits the framework's maxima, the quota, the vote and a trigger's cap", async () => {
      const r = await current();
      const moved = (await patch(r.framework.id, { groupMax: { common: 25, tasks: 75 }, criterionMax: { politics: 10 }, note: 'Khung điểm của Tỉnh ủy' })).json() as RatingRulesResponse;
      expect(moved.framework.groups.map((g) => g.max)).toEqual([25, 75]);
      expect(moved.framework.groups[0]!.criteria.find((c) => c.code === 'politics')!.max).toBe(10);
      // A group lowered below a criterion's own maximum names the group.
      const below = await patch(moved.framework.id, { groupMax: { common: 8, tasks: 92 }, note: 'x' });
      expect(fieldsOf(below)).toEqual(['groupMax.common']);
      expect(below.json().error.message).toContain('Phẩm chất chính trị');
      const quota = (await patch(moved.quota.id, { percentOfGood: 15, note: 'Tỷ lệ của Tỉnh ủy' })).json() as RatingRulesResponse;
      expect(quota.quota).toMatchObject({ percentOfGood: 15, confirmed: false });
      const vote = (await patch(quota.vote.id, { majority: 2 / 3, cumulative: false, note: 'Hai phần ba' })).json() as RatingRulesResponse;
      expect(vote.vote).toMatchObject({ majority: 2 / 3, cumulative: false });
      const capped = (await patch(triggerOf(vote, 'subordinate_disciplined').id, { capsAt: 'HTNV', note: 'Theo hướng dẫn' })).json() as RatingRulesResponse;
      expect(triggerOf(capped, 'subordinate_disciplined').capsAt).toBe('HTNV');
      const rules = await ratingRulesOfVersion(t().db.db, capped.versionId);
      expect(rules).toMatchObject({ quota: { percentOfGood: 15 }, vote: { majority: 2 / 3, cumulative: false } });
      expect(rules.groups.map((g) => g.max)).toEqual([25, 75]);
      expect(rules.triggers.find((tr) => tr.code === 'subordinate_disciplined')!.capsAt).toBe('HTNV');
    });

    it('bad input is a 400 naming the field, in Vietnamese or English, and writes nothing', async () => {
      const r = await current();
      const versions = await versionCount();
      const [top, good, done] = ['HTXSNV', 'HTTNV', 'HTNV'].map((c) => levelOf(r, c).id);
      const cases: [string, unknown, string[]][] = [
        [good!, { individual: { maxLateShare: 1.5 }, note: 'x' }, ['individual.maxLateShare']],
        [good!, { collective: { minExceededShare: -0.1 }, note: 'x' }, ['collective.minExceededShare']],
        [good!, { minScore: levelOf(r, 'HTXSNV').minScore, note: 'x' }, ['minScore']],
        [good!, { minScore: levelOf(r, 'HTNV').minScore, note: 'x' }, ['minScore']],
        [top!, { minScore: r.framework.scoreMax + 1, note: 'x' }, ['minScore']],
        [done!, { minScore: -1, note: 'x' }, ['minScore']],
        [r.framework.id, { criterionMax: { results: r.framework.groups[1]!.max + 1 }, note: 'x' }, ['criterionMax.results']],
        [r.framework.id, { groupMax: { common: r.framework.groups[0]!.max + 5 }, note: 'x' }, ['groupMax']],
        [r.framework.id, { groupMax: { culture: 10 }, note: 'x' }, ['groupMax.culture']],
        [r.framework.id, { criterionMax: { courage: 10 }, note: 'x' }, ['criterionMax.courage']],
        [triggerOf(r, 'disciplined').id, { capsAt: 'TOT', note: 'x' }, ['capsAt']],
        [r.quota.id, { percentOfGood: 120, note: 'x' }, ['percentOfGood']],
        [r.vote.id, { majority: 0.3, note: 'x' }, ['majority']],
        [r.vote.id, { majority: 1, note: 'x' }, ['majority']],
        [good!, { percentOfGood: 10, capsAt: 'HTNV', note: 'x' }, ['percentOfGood', 'capsAt']],
        [r.quota.id, { minScore: 60, note: 'x' }, ['minScore']],
        [r.forms[0]!.id, { majority: 0.6, note: 'x' }, ['majority']],
        [r.quota.id, { percentOfGood: r.quota.percentOfGood, note: 'x' }, ['note']],
        [r.quota.id, { percentOfGood: 10 }, ['note']],
      ];
      for (const [id, body, fields] of cases) {
        const res = await patch(id, body);
        expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(fieldsOf(res), JSON.stringify(body)).toEqual(fields);
      }
      const vi = await patch(good!, { minScore: 95, note: 'x' });
      expect(vi.json().error.message).toContain('Điểm tối thiểu (minScore)');
      expect(vi.json().error.message).toContain('giảm dần');
      const sum = await patch(r.framework.id, { groupMax: { common: 40 }, note: 'x' });
      expect(sum.json().error.message).toContain('phải bằng tổng điểm của khung (100)');
      const en = await patch(r.quota.id, { minScore: 60, note: 'x' }, staff().committee.cookie, 'en');
      expect(en.json().error.message).toContain('does not apply to this kind of rule');
      expect(await versionCount()).toBe(versions);
    });

    it('confirming records who and when without a new version; a second confirm is 409; members and the office only read', async () => {
      const r = await current();
      const step = r.reviewSteps.find((s) => !s.confirmed)!;
      const startedAt = new Date(Date.now() - 1000).toISOString();
      const res = await confirm(step.id);
      expect(res.statusCode, res.body).toBe(200);
      const confirmed = (res.json() as RatingRulesResponse).reviewSteps.find((s) => s.id === step.id)!;
      expect(confirmed).toMatchObject({ confirmed: true, confirmedByName: `Tài khoản thử ${staff().committee.username}` });
      expect(confirmed.confirmedAt! >= startedAt).toBe(true);
      expect((res.json() as RatingRulesResponse).version).toBe(r.version);
      expect(await lastAudit(t())).toMatchObject({ action: 'rating_rules.confirm', record_type: 'rating_rules', after: { code: step.code, confirmedAt: confirmed.confirmedAt, note: 'Đã đối chiếu với văn bản gốc' } });
      expect((await ratingRulesOfVersion(t().db.db, r.versionId)).unconfirmed).not.toContain(step.name);
      const again = await confirm(step.id);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('rule_set_item_confirmed');

      const officeOnly = await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] });
      expect((await call('GET', RULES, officeOnly.cookie)).json()).toMatchObject({ unitId: home().id, actions: [] });
      expect((await current(staff().member.cookie)).actions).toEqual([]);
      expect((await current(staff().inspection.cookie)).actions).toEqual([]);
      expect((await current()).actions).toEqual(['edit', 'confirm']);
    });
  });
});
