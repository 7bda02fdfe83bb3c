import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, CELL_LUU_QUANG, COMMUNE, useDemoApp } from '../../../test/helpers/app.js';
import { verifyAuditChain } from '../../features/audit/service.js';
import { averageDelay, daysBetween, handDownDelayDays } from '../../domain/tasks.js';
import { commitmentSections, taskStatuses } from '../../shared/enums.js';
import { PLEDGE_CUTOFF } from '../work.js';

/**
 * The 2022 demo read back with SQL: tasks, hand-downs, directives and commitments as stored
 * satisfy the rules demo-work.test.ts checks on the builders, on both dialects.
 */
forEachDialect((dialect) => {
  describe('the seeded 2022 work', () => {
    const t = useDemoApp(dialect, {}, { meetings: true, present: false });
    const db = () => t().db.db;
    const accountId = async (username: string) =>
      (await db().selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    it('gives every task exactly one owner, a deadline in 2022 and a known status; only Đồng Thứ’s early tasks lack a deliverable', async () => {
      const dongThu = await t().unitId(CELL_DONG_THU);
      const tasks = await db()
        .selectFrom('tasks as t')
        .leftJoin('units as ou', 'ou.id', 't.owner_unit_id')
        .select(['t.id', 't.unit_id', 't.owner_member_id', 't.owner_unit_id', 't.deliverable', 't.deadline', 't.status', 't.created_at', 't.source_kind', 'ou.kind as owner_kind', 'ou.parent_id as owner_parent'])
        // The local issues' actions are seeded with the issues (seed-local-issues.ts), the follow-up of the
        // committee's recommendations with its cases (seed/inspection.ts), not with the 2022 work.
        .where('t.source_kind', 'not in', ['local_issue', 'inspection'])
        .execute();
      expect(tasks.length).toBeGreaterThan(1300);
      for (const task of tasks) {
        expect((task.owner_member_id === null) !== (task.owner_unit_id === null), task.id).toBe(true);
        if (task.owner_unit_id) expect({ kind: task.owner_kind, parent: task.owner_parent }).toEqual({ kind: 'mass_org', parent: task.unit_id });
        expect(taskStatuses).toContain(task.status);
        expect(task.deadline >= '2022-01-01' && task.deadline <= '2022-12-31').toBe(true);
        if (task.deliverable === null) {
          expect(task.unit_id).toBe(dongThu);
          expect(task.created_at < '2022-04-01').toBe(true);
        }
      }
      expect(new Set(tasks.map((x) => x.source_kind))).toEqual(new Set(['meeting', 'directive']));
      // Every member owner belongs to the assigning cell.
      const strangers = await db()
        .selectFrom('tasks as t')
        .innerJoin('members as m', 'm.id', 't.owner_member_id')
        .select('t.id')
        .whereRef('m.unit_id', '<>', 't.unit_id')
        .execute();
      expect(strangers).toEqual([]);
    });

    it('closes every 2022 task after it was given, with a comment, by the secretary’s account where there is one', async () => {
      const tasks = await db().selectFrom('tasks').selectAll().where('source_kind', 'not in', ['local_issue', 'inspection']).where('created_at', '<', '2023').execute();
      for (const task of tasks) {
        expect(task.status, task.id).not.toBe('open');
        expect(task.closed_on! >= task.created_at.slice(0, 10) && task.closed_on! <= '2022-12-31').toBe(true);
        expect(task.close_comment).toBeTruthy();
        expect(task.completed_on === null).toBe(task.status === 'not_done');
        if (task.completed_on) expect(task.status).toBe(task.completed_on > task.deadline ? 'late' : task.status === 'exceeded' ? 'exceeded' : 'on_time');
      }
      // 2022 left nothing undone: the commune the article praises.
      expect(tasks.filter((x) => x.status === 'not_done')).toEqual([]);

      const dongThu = await t().unitId(CELL_DONG_THU);
      const secretary = await accountId('bithu.dongthu');
      const closers = new Set(tasks.filter((x) => x.unit_id === dongThu && x.status !== 'open').map((x) => x.closed_by_account_id));
      expect([...closers]).toEqual([secretary]);
    });

    it('stores progress reports after the task was given, rising to the task’s percent', async () => {
      const rows = await db()
        .selectFrom('task_progress as p')
        .innerJoin('tasks as t', 't.id', 'p.task_id')
        .select(['p.task_id', 'p.percent', 'p.created_at', 'p.author_account_id', 'p.author_member_id', 'p.unit_id', 't.unit_id as task_unit', 't.created_at as task_created', 't.progress_percent', 't.owner_member_id'])
        .orderBy('p.task_id')
        .orderBy('p.created_at')
        .execute();
      const byTask = new Map<string, typeof rows>();
      for (const r of rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
      const taskCount = await db().selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(byTask.size).toBe(Number(taskCount.n));
      for (const list of byTask.values()) {
        expect(list.length).toBeLessThanOrEqual(3);
        list.forEach((r, i) => {
          expect(r.unit_id).toBe(r.task_unit);
          expect(r.created_at > r.task_created).toBe(true);
          if (i > 0) expect(Number(r.percent)).toBeGreaterThan(Number(list[i - 1]!.percent));
          expect(r.author_member_id).not.toBeNull();
          if (r.owner_member_id) expect(r.author_member_id).toBe(r.owner_member_id);
        });
        expect(Number(list.at(-1)!.progress_percent)).toBe(Number(list.at(-1)!.percent));
      }
      // Owners with an account report as themselves.
      const secretary = await accountId('bithu.luuquang');
      const secretaryMember = await t().memberIdOf('bithu.luuquang');
      const own = rows.filter((r) => r.author_member_id === secretaryMember);
      expect(own.length).toBeGreaterThan(0);
      for (const r of own) expect(r.author_account_id).toBe(secretary);
      const coworkers = await db().selectFrom('task_coworkers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(coworkers.n)).toBeGreaterThan(200);
    });

    it('records hand-downs: Đồng Thứ late before April 2022, prompt after; Lưu Quang mostly within three days', async () => {
      const rows = await db()
        .selectFrom('tasks')
        .select(['unit_id', 'received_on', 'handed_down_on', 'owner_unit_id'])
        .where('handed_down_on', 'is not', null)
        .execute();
      for (const r of rows) {
        expect(r.owner_unit_id).not.toBeNull();
        expect(r.handed_down_on! >= r.received_on!).toBe(true);
      }
      const of = async (name: string) => {
        const id = await t().unitId(name);
        return rows.filter((r) => r.unit_id === id);
      };
      const dt = await of(CELL_DONG_THU);
      const lq = await of(CELL_LUU_QUANG);
      for (const list of [dt, lq]) {
        expect(list.length).toBeGreaterThanOrEqual(10);
        expect(list.length).toBeLessThanOrEqual(25);
      }
      expect(dt.length + lq.length).toBe(rows.length);
      const delay = (list: typeof rows) => averageDelay(list.map((r) => handDownDelayDays(r.received_on, r.handed_down_on)))!;
      const before = delay(dt.filter((r) => r.received_on! < '2022-04-01'));
      const after = delay(dt.filter((r) => r.received_on! >= '2022-04-01'));
      expect(before).toBeGreaterThanOrEqual(7);
      expect(after).toBeLessThanOrEqual(2);
      const lqDelays = lq.map((r) => daysBetween(r.received_on!, r.handed_down_on!));
      expect(lqDelays.filter((d) => d <= 3).length / lqDelays.length).toBeGreaterThan(0.75);
    });

    it('has the committee’s directives reach every cell, acknowledged by most and broken into tasks', async () => {
      const commune = await t().unitId(COMMUNE);
      const committee = await accountId('bithu.dangbo');
      const directives = await db().selectFrom('directives').selectAll().execute();
      expect(directives.length).toBeGreaterThanOrEqual(5);
      expect(directives.length).toBeLessThanOrEqual(7);
      for (const d of directives) expect(d).toMatchObject({ unit_id: commune, created_by_account_id: committee });
      const targets = await db().selectFrom('directive_targets').selectAll().execute();
      expect(targets).toHaveLength(directives.length * 25);
      const acted = await db()
        .selectFrom('tasks')
        .select(['source_directive_id', 'unit_id'])
        .where('source_kind', '=', 'directive')
        .groupBy(['source_directive_id', 'unit_id'])
        .execute();
      const actedKeys = new Set(acted.map((a) => `${a.source_directive_id}|${a.unit_id}`));
      for (const target of targets) expect(actedKeys.has(`${target.directive_id}|${target.unit_id}`)).toBe(target.acknowledged_at !== null);
      const silent = targets.filter((x) => x.acknowledged_at === null).length;
      expect(silent).toBeGreaterThanOrEqual(directives.length);
      expect(silent).toBeLessThanOrEqual(2 * directives.length);
      const dongThu = await t().unitId(CELL_DONG_THU);
      const bySecretary = targets.filter((x) => x.unit_id === dongThu).map((x) => x.acknowledged_by_account_id);
      expect(new Set(bySecretary)).toEqual(new Set([await accountId('bithu.dongthu')]));
    });

    it('has Lưu Quang give every member the Nghị quyết T.Ư 4 essay', async () => {
      const unitId = await t().unitId(CELL_LUU_QUANG);
      const essays = await db()
        .selectFrom('tasks')
        .select(['owner_member_id', 'status'])
        .where('unit_id', '=', unitId)
        .where('deliverable', '=', 'Bản thu hoạch nộp chi ủy')
        .execute();
      const members = await db()
        .selectFrom('members')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('status', '<>', 'exempt')
        .where('joined_on', '<', '2022-03-15')
        .execute();
      expect(new Set(essays.map((e) => e.owner_member_id))).toEqual(new Set(members.map((m) => m.id)));
      expect(essays.every((e) => e.status === 'on_time' || e.status === 'exceeded')).toBe(true);
      expect(essays.filter((e) => e.status === 'exceeded').length).toBeGreaterThan(0);
    });

    it('stores every member’s and cell’s 2022 commitments, confirmed, with progress and a year-end evaluation', async () => {
      const lines = await db().selectFrom('commitments').selectAll().execute();
      const members = await db()
        .selectFrom('members as m')
        .innerJoin('units as u', 'u.id', 'm.unit_id')
        .select(['m.id', 'm.unit_id'])
        .where('u.kind', '=', 'cell')
        .where('m.status', '<>', 'exempt')
        .where('m.joined_on', '<=', PLEDGE_CUTOFF)
        .execute();
      const byMember = new Map<string, typeof lines>();
      for (const c of lines) if (c.member_id) byMember.set(c.member_id, [...(byMember.get(c.member_id) ?? []), c]);
      expect(byMember.size).toBe(members.length);
      for (const m of members) {
        const own = byMember.get(m.id)!;
        expect(own.length).toBeGreaterThanOrEqual(4);
        expect(own.length).toBeLessThanOrEqual(8);
        expect(own.some((c) => c.section === 'directive_05')).toBe(true);
        for (const c of own) expect(c.unit_id).toBe(m.unit_id);
      }
      const cellLines = lines.filter((c) => c.subject_kind === 'unit');
      const committee = await accountId('bithu.dangbo');
      expect(new Set(cellLines.map((c) => c.unit_id)).size).toBe(25);
      for (const c of cellLines) expect(c).toMatchObject({ kind: 'measurable', member_id: null, confirmed_by_account_id: committee, evaluated_by_account_id: committee });
      for (const c of lines) {
        expect(Number(c.year)).toBe(2022);
        expect(commitmentSections).toContain(c.section);
        expect(c.confirmed_at).not.toBeNull();
        expect(c.evaluated_at!.startsWith('2022-12')).toBe(true);
        expect(c.early_evaluation_reason).toBeTruthy();
        expect(['achieved', 'exceeded', 'not_achieved']).toContain(c.result);
        expect(c.result_percent === null).toBe(c.kind === 'qualitative');
      }
      const progress = await db()
        .selectFrom('commitment_progress as p')
        .innerJoin('commitments as c', 'c.id', 'p.commitment_id')
        .select(['p.commitment_id', 'p.created_at', 'c.confirmed_at', 'c.evaluated_at'])
        .execute();
      expect(new Set(progress.map((p) => p.commitment_id)).size).toBe(lines.length);
      for (const p of progress) expect(p.created_at > p.confirmed_at! && p.created_at < p.evaluated_at!).toBe(true);
    });

    async function localIssueEntries(): Promise<number> {
      const n = async (q: { execute(): Promise<{ n: unknown }[]> }) => Number((await q.execute())[0]!.n);
      const d = db();
      const changes = await n(d.selectFrom('local_issue_status_changes').select((eb) => eb.fn.countAll().as('n')));
      const words = await n(d.selectFrom('local_issue_confirmations').select((eb) => eb.fn.countAll().as('n')));
      const messages = await d.selectFrom('citizen_feedback').select(['local_issue_id', 'routed_unit_id', 'answer_text', 'close_reason']).execute();
      const handled = messages.reduce((sum, m) => sum + 1 + [m.local_issue_id, m.routed_unit_id, m.answer_text, m.close_reason].filter((v) => v !== null).length, 0);
      return 1 + changes + words + handled;
    }

    /** Entries the yearly reviews leave, from their own tables: each has a row, or a revision, or a stamp of its own. */
    async function reviewEntries(): Promise<number> {
      const d = db();
      const n = async (q: Promise<{ n: unknown }>) => Number((await q).n ?? 0);
      // Each period opened, and closed when it is.
      const periods = (await n(d.selectFrom('review_periods').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())) + (await n(d.selectFrom('review_periods').where('status', '=', 'closed').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()));
      // Each save and submit of a review (a revision).
      const revisions = await n(d.selectFrom('reviews').select((eb) => eb.fn.sum('revision').as('n')).executeTakeFirstOrThrow());
      // At the cell's review meeting: linked; the ballot opened, each sheet cast, closed; each review's comments, typed counts and proposal.
      const meetings = await n(d.selectFrom('review_meetings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
      const ballots = (await n(d.selectFrom('review_meetings').where('opened_at', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())) + (await n(d.selectFrom('review_meetings').where('closed_at', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())) + (await n(d.selectFrom('review_ballot_voters').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()));
      const comments = await n(d.selectFrom('reviews').where('cell_comments', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
      const typed = await n(
        d
          .selectFrom('reviews as r')
          .innerJoin('review_meetings as rm', (j) => j.onRef('rm.period_id', '=', 'r.period_id').onRef('rm.unit_id', '=', 'r.unit_id'))
          .where('rm.vote_mode', '=', 'counts')
          .where('r.vote_counts_json', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
      const proposals = await n(d.selectFrom('reviews').where('proposed_level', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
      const decisions = await n(d.selectFrom('review_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
      // The rating rule set loaded once, before the first period.
      return 1 + periods + revisions + meetings + ballots + comments + typed + proposals + decisions;
    }

    it('audits every seeded record in one verifiable chain', async () => {
      const count = async (table: 'units' | 'members' | 'accounts' | 'meetings' | 'directives' | 'tasks' | 'commitments' | 'self_examinations' | 'feedback' | 'correction_plan_items' | 'inspection_programmes' | 'inspections' | 'discipline_decisions') =>
        Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      // Every task has its own entry, those decided at meetings too (their pages show a history).
      const expected =
        (await count('units')) + (await count('members')) + (await count('accounts')) + 1 + (await count('meetings')) + (await count('directives')) + (await count('tasks')) + (await count('commitments')) +
        // The checklist, then each self-examination, feedback and correction-plan item.
        1 + (await count('self_examinations')) + (await count('feedback')) + (await count('correction_plan_items')) +
        // The issue categories, each issue and status change, the people's word, each citizen's message and what was done with it.
        (await localIssueEntries()) +
        // The inspection rules loaded, then each programme, case and discipline decision (the follow-up tasks are counted above).
        1 + (await count('inspection_programmes')) + (await count('inspections')) + (await count('discipline_decisions')) +
        // The yearly reviews: each period opened and closed, each save and submit, the cells' meetings, ballots, comments, votes and proposals, each decision.
        (await reviewEntries());
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true, count: expected });
    });
  });
});
