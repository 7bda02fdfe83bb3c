/**
 * Tổng quan: who may read a unit's overview, its period rules, and — the point of it — that
 * every figure (this period's and last year's) counts exactly what the list behind its link
 * lists, the cells × months grid included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { accountOnFirstUse, buildAccount, buildCommune, buildIssue, buildMeeting, buildTask, useStaffedCommune } from '../../../test/helpers/factories.js';
import { localInstant, requester, vnToday } from '../../../test/helpers/meetings.js';
import { taskBody } from '../../../test/helpers/tasks.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { allMarked } from '../../../test/helpers/selfexam.js';
import { newId } from '../../db/ids.js';
import type { SelfExamDetail } from '../self-examinations/schemas.js';
import { overviewEn } from '../../web/features/overview/messages.en.js';
import { overviewVi } from '../../web/features/overview/messages.vi.js';
import { rankingIndicators } from '../../domain/overview.js';
import type { OverviewFigure, OverviewResponse } from './schemas.js';

const TODAY = vnToday();
/** Last year, so every month of it has begun whatever day the suite runs; the year before is "last year". */
const YEAR = Number(TODAY.slice(0, 4)) - 1;
const on = (mmdd: string, year = YEAR) => `${year}-${mmdd}`;
const Q1 = { from: on('01-01'), to: on('03-31') };

/**
 * The list API behind a figure's link, and the number it gives for the figure: the page's own
 * filters, passed to the list the page reads.
 */
async function listed(call: ReturnType<typeof requester>, who: string, f: { key: string; href: string }, section: string): Promise<{ value: number; of: number | null }> {
  const url = new URL(f.href, 'http://x');
  const q = url.searchParams;
  const get = async (api: string) => {
    const res = await call('GET', api, who);
    expect(res.statusCode, `${api}: ${res.body}`).toBe(200);
    return res.json();
  };
  let m: RegExpExecArray | null;
  if ((m = /^\/units\/([^/]+)\/meetings$/.exec(url.pathname))) {
    if (section === 'meetings' && (f.key === 'attendance' || f.key === 'on_time')) {
      const stats = await get(`/api/units/${m[1]}/attendance-stats?from=${q.get('from')}&to=${q.get('to')}`);
      return f.key === 'attendance' ? { value: stats.total.present, of: stats.total.expected } : { value: stats.total.onTime, of: stats.total.present };
    }
    const list = await get(`/api/units/${m[1]}/meetings?${q.toString()}&pageSize=200`);
    if (f.key === 'cells_all_months') {
      // The cells with a regular meeting in every month of the period, among the listed meetings.
      const months = new Set<string>();
      for (let d = new Date(`${q.get('from')}T00:00:00Z`); d.toISOString().slice(0, 10) <= q.get('to')!; d.setUTCMonth(d.getUTCMonth() + 1, 1)) months.add(d.toISOString().slice(0, 7));
      const held = new Map<string, Set<string>>();
      for (const item of list.items as { unitId: string; date: string }[]) held.set(item.unitId, (held.get(item.unitId) ?? new Set()).add(item.date.slice(0, 7)));
      return { value: [...held.values()].filter((s) => [...months].every((mo) => s.has(mo))).length, of: null };
    }
    return { value: list.total, of: null };
  }
  if ((m = /^\/units\/([^/]+)\/work$/.exec(url.pathname))) {
    const all = await get(`/api/units/${m[1]}/tasks?from=${q.get('from')}&to=${q.get('to')}&pageSize=1`);
    const list = await get(`/api/units/${m[1]}/tasks?${q.toString()}&pageSize=1`);
    // A delayed hand-down is counted of all hand-downs; any other figure of all the tasks due.
    const of = q.get('handDown') === 'delayed' ? (await get(`/api/units/${m[1]}/tasks?from=${q.get('from')}&to=${q.get('to')}&handDown=all&pageSize=1`)).total : all.total;
    return { value: list.total, of };
  }
  if ((m = /^\/units\/([^/]+)\/commitments$/.exec(url.pathname))) {
    const { counts } = await get(`/api/units/${m[1]}/commitments?year=${q.get('year')}`);
    const key = { commitments: 'total', commitments_achieved: 'achieved', commitments_exceeded: 'exceeded', commitments_not_achieved: 'notAchieved' }[f.key]!;
    return { value: counts[key], of: counts.total };
  }
  if ((m = /^\/units\/([^/]+)\/tu-soi$/.exec(url.pathname))) {
    const stats = await get(`/api/units/${m[1]}/self-examination-stats?period=${q.get('period')}`);
    if (f.key === 'corrections_fixed_on_time') return { value: stats.plan.fixedOnTime, of: stats.plan.total };
    if (f.key === 'feedback_given') return { value: stats.feedback.given, of: null };
    return { value: stats.submitted, of: stats.memberCount };
  }
  if (url.pathname === '/local-issues') {
    const filter = q.get('status') ? `&status=${q.get('status')}` : `&overdue=${q.get('overdue')}`;
    return { value: (await get(`/api/local-issues?unitId=${q.get('unit')}${filter}&pageSize=1`)).total, of: null };
  }
  if (url.pathname === '/citizen-feedback') {
    return { value: (await get(`/api/citizen-feedback?unitId=${q.get('unit')}&status=${q.get('status')}&pageSize=1`)).total, of: null };
  }
  throw new Error(`no list known behind ${f.href}`);
}

/** Each figure and its last-year twin, named for the failure message. */
const everyFigure = (o: OverviewResponse) =>
  o.sections.flatMap((s) => s.figures.flatMap((f: OverviewFigure) => [{ name: `${s.key}.${f.key}`, section: s.key, key: f.key, value: f.value, of: f.of, href: f.href }, ...(f.previous ? [{ name: `${s.key}.${f.key} (last year)`, section: s.key, key: f.key, ...f.previous }] : [])]));

forEachDialect((dialect) => {
  describe('overview: who may read it', () => {
    const t = useTestApp(dialect);
    const { home, as } = useStaffedCommune(t, { cells: 2, membersPerCell: [3, 4] });
    const otherSecretary = accountOnFirstUse(async () => {
      const other = await buildCommune(t(), { cells: 1 });
      return buildAccount(t(), { roles: [{ role: 'cell_secretary', unitId: other.cells[0]!.id }] });
    });
    type Fixture = { communeId: string; cellId: string };

    accessMatrix<Fixture>(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows: [
        {
          route: 'GET /api/units/:id/overview',
          method: 'GET',
          url: (f) => `/api/units/${f.communeId}/overview`,
          missing: () => `/api/units/${missingId()}/overview`,
          // A plain member reads their own records, not the counts of a unit.
          forbidden: [as('member')],
          other: otherSecretary,
          // The office keeps the commune's records: it reads the counts (never a record's content).
          happy: { who: as('office'), status: 200, check: (res, f) => expect(res.json()).toMatchObject({ unitId: f.communeId, rowKind: 'cell' }) },
        } satisfies AccessRow<Fixture>,
      ],
      fixture: async () => ({ communeId: home().id, cellId: home().cells[0]!.id }),
      state: async () => null,
    });

    it("a cell's secretary reads their cell's overview, not the commune's nor another cell's (404 like a missing unit)", async () => {
      const call = requester(t);
      const own = await call('GET', `/api/units/${home().cells[0]!.id}/overview`, as('secretary')());
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().grid.rows.map((r: { unitId: string }) => r.unitId)).toEqual([home().cells[0]!.id]);
      const missing = await call('GET', `/api/units/${missingId()}/overview`, as('secretary')());
      for (const unitId of [home().id, home().cells[1]!.id]) {
        const res = await call('GET', `/api/units/${unitId}/overview`, as('secretary')());
        expect(res.statusCode).toBe(404);
        expect(res.body).toBe(missing.body);
      }
    });

    it('the period: this month by default; the end before the start, more than a year or a bad date is a 400 naming the field', async () => {
      const call = requester(t);
      const res = await call('GET', `/api/units/${home().id}/overview`, as('committee')());
      expect(res.json()).toMatchObject({ from: `${TODAY.slice(0, 7)}-01`, today: TODAY });
      expect(res.json().to.slice(0, 7)).toBe(TODAY.slice(0, 7));
      const bad = async (query: string, field: string) => {
        const r = await call('GET', `/api/units/${home().id}/overview?${query}`, as('committee')(), undefined, 'vi');
        expect(r.statusCode, r.body).toBe(400);
        expect(fieldsOf(r)).toEqual([field]);
        return r.json().error.message as string;
      };
      expect(await bad('from=2024-05-01&to=2024-04-30', 'to')).toContain('Đến ngày');
      expect(await bad('from=2024-01-01&to=2025-01-01', 'to')).toContain('một năm');
      await bad('from=2024-13-01', 'from');
      const leap = await call('GET', `/api/units/${home().id}/overview?from=2024-01-01&to=2024-12-31`, as('committee')());
      expect(leap.statusCode, leap.body).toBe(200);
      expect(leap.json().previous).toEqual({ from: '2023-01-01', to: '2023-12-31' });
      const feb = await call('GET', `/api/units/${home().id}/overview?from=2024-02-01&to=2024-02-29`, as('committee')());
      expect(feb.json().previous).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    });
  });

  describe('overview: every figure counts the list behind its link', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff } = useStaffedCommune(t, { cells: 3, membersPerCell: [3, 2, 4], massOrgsPerCell: [1, 0, 0], checklist: true });
    const cell = (i: number) => home().cells[i]!;

    async function ok(method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown, status = 200) {
      const res = await call(method, url, who, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json();
    }

    /** A regular (or thematic) meeting of a cell, held: its first member on time, the second late, the rest absent. */
    async function meeting(c: number, date: string, kind: 'regular' | 'thematic' = 'regular') {
      const members = cell(c).members;
      const m = await buildMeeting(t(), staff().committee.cookie, {
        unitId: cell(c).id,
        date,
        kind,
        ...(kind === 'thematic' ? { topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' } : {}),
        participantIds: members.map((x) => x.id),
      });
      const entries = members.map((x, i) =>
        i === 0 ? { memberId: x.id, status: 'present', arrivedAt: localInstant(date, '19:25') } : i === 1 ? { memberId: x.id, status: 'present', arrivedAt: localInstant(date, '19:50') } : { memberId: x.id, status: 'absent', reported: 'after' },
      );
      await ok('PUT', `/api/meetings/${m.id}/attendance`, staff().committee.cookie, { entries });
      await ok('POST', `/api/meetings/${m.id}/hold`, staff().committee.cookie);
      return m.id;
    }

    /** A task decided at a meeting of the cell (so its deadline may lie in the past), closed as `close` says. */
    async function task(c: number, meetingId: string, deadline: string, close?: { outcome: string; completedOn: string | null }) {
      const made = await buildTask(t(), staff().committee.cookie, taskBody(cell(c).id, cell(c).members[0]!.id, deadline, { source: { kind: 'meeting', meetingId } }));
      if (close) await ok('POST', `/api/tasks/${made.id}/close`, staff().committee.cookie, { ...close, comment: 'Đánh giá khi kết thúc nhiệm vụ' });
    }

    beforeAll(async () => {
      // Q1: the first cell meets every month, the second misses February, the third meets only in March.
      const first: string[] = [];
      for (const [c, mmdd] of [[0, '01-10'], [1, '01-12'], [2, '03-14']] as const) first.push(await meeting(c, on(mmdd)));
      for (const mmdd of ['02-10', '03-10']) await meeting(0, on(mmdd));
      await meeting(1, on('03-12'));
      await meeting(0, on('02-20'), 'thematic');
      // The same quarter the year before: the first cell in January only.
      const before = await meeting(0, on('01-10', YEAR - 1));

      // Tasks due in Q1: on time, exceeded, late, not done, and two left open (overdue by now); one due in April.
      await task(0, first[0]!, on('01-31'), { outcome: 'on_time', completedOn: on('01-20') });
      await task(0, first[0]!, on('02-28'), { outcome: 'exceeded', completedOn: on('02-20') });
      await task(1, first[1]!, on('02-28'), { outcome: 'late', completedOn: on('03-05') });
      await task(1, first[1]!, on('03-15'), { outcome: 'not_done', completedOn: null });
      await task(2, first[2]!, on('03-20'));
      await task(2, first[2]!, on('03-31'));
      await task(2, first[2]!, on('04-15'));
      await task(0, before, on('03-01', YEAR - 1), { outcome: 'on_time', completedOn: on('02-25', YEAR - 1) });
      // Handed down to the first cell's mass organisation: the day it came, and three days late.
      for (const [received, handed] of [['01-11', '01-11'], ['01-11', '01-14']] as const) {
        await buildTask(t(), staff().committee.cookie, {
          ...taskBody(cell(0).id, cell(0).members[0]!.id, on('02-15'), { source: { kind: 'meeting', meetingId: first[0]! } }),
          ownerMemberId: null,
          ownerUnitId: cell(0).massOrgs[0]!.id,
          receivedOn: on(received),
          handedDownOn: on(handed),
        });
      }

      // Commitments of the year: one achieved, one not yet evaluated.
      const sec = staff().secretary.cookie;
      const pledges: string[] = [];
      for (const title of ['Tham gia đầy đủ sinh hoạt chi bộ', 'Vận động gia đình hiến đất làm đường']) {
        pledges.push((await ok('POST', '/api/commitments', staff().member.cookie, { subjectKind: 'member', year: YEAR, section: 'political_thought', kind: 'qualitative', title }, 201)).id);
      }
      await ok('POST', '/api/commitments/confirm', sec, { ids: pledges });
      await ok('POST', `/api/commitments/${pledges[0]}/evaluate`, sec, { result: 'achieved' });

      // The year's self-examination: the member's submitted, the secretary's a draft.
      const me = staff().member.cookie;
      const exam = (await ok('POST', '/api/self-examinations', me, { periodKind: 'year', year: YEAR }, 201)) as SelfExamDetail;
      await ok('PUT', `/api/self-examinations/${exam.id}/draft`, me, { revision: exam.revision, strengths: 'Gương mẫu', answers: allMarked(exam), shortcomings: [], followups: [] });
      await ok('POST', `/api/self-examinations/${exam.id}/submit`, me);
      await ok('POST', '/api/self-examinations', sec, { periodKind: 'year', year: YEAR }, 201);

      // Local issues: one new and overdue, one in progress.
      const by = { cookie: staff().committee.cookie, communeId: home().id, villageUnitId: cell(0).id };
      const late = await buildIssue(t(), by, { deadline: TODAY });
      // Its deadline passed, as time would have it.
      await t().db.db.updateTable('local_issues').set({ deadline: on('06-30') }).where('id', '=', late.id).execute();
      const working = await buildIssue(t(), by);
      await ok('POST', `/api/local-issues/${working.id}/status`, staff().committee.cookie, { status: 'in_progress', note: 'Đang xử lý' });
    });

    const overview = async (unitId: string, who = staff().committee.cookie) => (await ok('GET', `/api/units/${unitId}/overview?from=${Q1.from}&to=${Q1.to}`, who)) as OverviewResponse;

    it('the commune: meetings, attendance, tasks, coverage, issues — as the figures say', async () => {
      const o = await overview(home().id);
      const value = (section: string, key: string) => o.sections.find((s) => s.key === section)!.figures.find((f) => f.key === key)!;
      expect(o).toMatchObject({ rowKind: 'cell', previous: { from: on('01-01', YEAR - 1), to: on('03-31', YEAR - 1) }, selfExamPeriod: `${YEAR}` });
      expect(value('self_examination', 'coverage')).toMatchObject({ value: 1, of: 9, previous: { value: 0, of: 9 } });
      expect(value('meetings', 'cells_all_months')).toMatchObject({ value: 1, of: 3, previous: { value: 0, of: 3 } });
      expect(value('meetings', 'regular')).toMatchObject({ value: 6, previous: { value: 1 } });
      expect(value('meetings', 'thematic')).toMatchObject({ value: 1, previous: { value: 0 } });
      expect(value('tasks', 'due')).toMatchObject({ value: 8, previous: { value: 1 } });
      expect(value('tasks', 'overdue')).toMatchObject({ value: 4, of: 8 });
      expect(value('tasks', 'exceeded')).toMatchObject({ value: 1, of: 8 });
      expect(value('tasks', 'hand_downs')).toMatchObject({ value: 2, previous: { value: 0 } });
      expect(value('tasks', 'hand_downs_delayed')).toMatchObject({ value: 1, of: 2 });
      expect(value('local_issues', 'new')).toMatchObject({ value: 1, previous: null });
      expect(value('local_issues', 'in_progress')).toMatchObject({ value: 1 });

      // The grid names the gaps: the second cell's February, the third's January and February.
      const row = (i: number) => o.grid.rows.find((r) => r.unitId === cell(i).id)!;
      expect(o.grid.months).toEqual([on('01-01').slice(0, 7), on('02-01').slice(0, 7), on('03-01').slice(0, 7)]);
      expect(row(0).months.map((m) => m.state)).toEqual(['held', 'held', 'held']);
      expect(row(1).months.map((m) => m.state)).toEqual(['held', 'missing', 'held']);
      expect(row(2).months.map((m) => m.state)).toEqual(['missing', 'missing', 'held']);

      // Ranked by score, the laggards named by their weak indicators.
      expect(o.ranking.map((r) => r.unitId)[0]).toBe(cell(0).id);
      const third = o.ranking.find((r) => r.unitId === cell(2).id)!;
      expect(third.weak).toContain('regularMonths');
      expect(third.shares.regularMonths).toBeCloseTo(1 / 3);
    });

    it('every figure, this period\'s and last year\'s, equals what the list behind its link counts', async () => {
      for (const unitId of [home().id, cell(0).id, cell(2).id]) {
        const o = await overview(unitId);
        for (const f of everyFigure(o)) {
          const got = await listed(call, staff().committee.cookie, f, f.section);
          expect(f.value, `${unitId} ${f.name}: ${f.href}`).toBe(got.value);
          if (f.of !== null && got.of !== null) expect(f.of, `${unitId} ${f.name} (of): ${f.href}`).toBe(got.of);
        }
      }
    });

    it("every month of the grid links to the cell's regular meetings of that month, which are there exactly when it says held", async () => {
      const o = await overview(home().id);
      for (const row of o.grid.rows) {
        for (const m of row.months) {
          const url = new URL(m.href, 'http://x');
          expect(url.pathname).toBe(`/units/${row.unitId}/meetings`);
          const list = await ok('GET', `/api/units/${row.unitId}/meetings?${url.searchParams.toString()}`, staff().committee.cookie);
          expect(list.total > 0, `${row.unitName} ${m.month}`).toBe(m.state === 'held' || m.state === 'planned');
          expect(list.items.every((i: { kind: string }) => i.kind === 'regular')).toBe(true);
        }
      }
    });

    it('every section, figure and ranking indicator has its words on the page, in Vietnamese and English', async () => {
      const o = await overview(home().id);
      for (const [lang, words] of [['vi', overviewVi], ['en', overviewEn]] as const) {
        const named = words.figure as Record<string, Record<string, string>>;
        expect(o.sections.filter((s) => !(s.key in words.section)).map((s) => `${lang} ${s.key}`)).toEqual([]);
        expect(o.sections.flatMap((s) => s.figures.filter((f) => !named[s.key]?.[f.key]).map((f) => `${lang} ${s.key}.${f.key}`))).toEqual([]);
        expect(rankingIndicators.filter((k) => !words.ranking.indicator[k])).toEqual([]);
      }
    });

    it("this month's meeting only called is planned, not missing, and does not count against the cell", async () => {
      const today = vnToday();
      const c = cell(1);
      await buildMeeting(t(), staff().committee.cookie, { unitId: c.id, date: today, participantIds: c.members.map((x) => x.id) });
      const o = (await ok('GET', `/api/units/${home().id}/overview`, staff().committee.cookie)) as OverviewResponse;
      const row = o.grid.rows.find((r) => r.unitId === c.id)!;
      expect(row.months.map((m) => m.state)).toEqual(['planned']);
      expect(row).toMatchObject({ monthsHeld: 0, monthsDue: 0 });
      expect(o.ranking.find((r) => r.unitId === c.id)!.shares.regularMonths).toBeNull();
      expect(o.ranking.find((r) => r.unitId === cell(2).id)!.shares.regularMonths).toBe(0);
      expect(o.sections[0]!.figures.find((f) => f.key === 'cells_all_months')).toMatchObject({ value: 0, of: 3 });
    });

    it('a province above the commune: the same shape one level up, communes instead of cells', async () => {
      // A province unit over this commune: the commune and everything below move one level down.
      const db = t().db.db;
      const provinceId = newId();
      const now = new Date().toISOString();
      await db.insertInto('units').values({ id: provinceId, parent_id: null, path: `/${provinceId}/`, depth: 0, kind: 'province', name: 'Tỉnh ủy thử', search_name: 'tinh uy thu', code: null, contact_name: null, contact_phone: null, village_name: null, archived_at: null, created_at: now, updated_at: now }).execute();
      const communePath = `/${home().id}/`;
      const moved = await db.selectFrom('units').select(['id', 'path', 'depth']).where('path', 'like', `${communePath}%`).execute();
      for (const u of moved) await db.updateTable('units').set({ path: `/${provinceId}${u.path}`, depth: u.depth + 1 }).where('id', '=', u.id).execute();
      await db.updateTable('units').set({ parent_id: provinceId }).where('id', '=', home().id).execute();
      const provincial = await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: provinceId }] });

      const o = await overview(provinceId, provincial.cookie);
      expect(o).toMatchObject({ unitKind: 'province', rowKind: 'commune' });
      expect(o.grid.rows.map((r) => r.unitId)).toEqual([home().id]);
      // A commune's month counts its cells: March all three, February one of three.
      expect(o.grid.rows[0]!.months.map((m) => [m.held, m.of, m.state])).toEqual([[2, 3, 'missing'], [1, 3, 'missing'], [3, 3, 'held']]);
      const cellsAll = o.sections[0]!.figures.find((f) => f.key === 'cells_all_months')!;
      expect(cellsAll).toMatchObject({ value: 1, of: 3 });
      for (const f of everyFigure(o)) {
        const got = await listed(call, provincial.cookie, f, f.section);
        expect(f.value, `province ${f.name}: ${f.href}`).toBe(got.value);
      }
    });
  });
});
