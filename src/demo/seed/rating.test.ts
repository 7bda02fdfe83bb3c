import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, CELL_LUU_QUANG, COMMUNE, useDemoApp, type DemoUsername } from '../../../test/helpers/app.js';
import { verifyAuditChain } from '../../features/audit/service.js';
import type { MyReviewsResponse, PeriodDetail, RatingsResponse, ReviewDetail, ReviewEvidence, ReviewMeetingDetail } from '../../features/reviews/schemas.js';
import { ratingRulesOfVersion } from '../../features/rating-rules/lookup.js';
import { levelOptions } from '../../domain/rating.js';

const TODAY = '2026-12-07';

/**
 * The yearly reviews as the seeded demo serves them: 2022 decided within the quota and true to the
 * story (the reprimanded member capped, Đồng Thứ's latecomers not the best, Lưu Quang's cell rated
 * on Nghị quyết Trung ương 4, each cell's comments and vote), and this year's period under way.
 */
forEachDialect((dialect) => {
  describe('the seeded reviews and ratings', () => {
    const t = useDemoApp(dialect, {}, { meetings: true, today: TODAY });
    const db = () => t().db.db;
    const get = async <T>(url: string, as: DemoUsername): Promise<T> => {
      const res = await t().app.inject({ method: 'GET', url, headers: { cookie: await t().login(as) } });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json() as T;
    };
    const ratings2022 = async () => get<RatingsResponse>(`/api/units/${await t().unitId(COMMUNE)}/ratings?year=2022`, 'bithu.dangbo');
    const review2022 = async (memberId: string) => {
      const row = await db().selectFrom('reviews as r').innerJoin('review_periods as p', 'p.id', 'r.period_id').select('r.id').where('p.year', '=', 2022).where('r.member_id', '=', memberId).executeTakeFirstOrThrow();
      return get<ReviewDetail>(`/api/reviews/${row.id}`, 'bithu.dangbo');
    };

    it('decides every 2022 review within the quota, every cell rated, no one reviewed who joined later', async () => {
      const r = await ratings2022();
      expect(r.quota).toMatchObject({ over: 0, percentOfGood: 20 });
      expect(r.quota!.excellent).toBeLessThanOrEqual(Math.floor((r.quota!.good * 20) / 100));
      // Some members' records earn the best level, and it is given within the quota.
      expect(r.quota!.excellent).toBeGreaterThan(0);
      expect(r.cells).toHaveLength(25);
      expect(r.cells.every((c) => c.collectiveLevel !== null)).toBe(true);
      const reviewed = r.cells.reduce((n, c) => n + c.members.length, 0);
      const members = await db().selectFrom('members').select((eb) => eb.fn.countAll().as('n')).where('joined_on', '<=', '2022-12-31').executeTakeFirstOrThrow();
      expect(reviewed).toBe(Number(members.n));
      const period = (await get<{ items: PeriodDetail[] }>(`/api/review-periods?unitId=${await t().unitId(COMMUNE)}&year=2022`, 'bithu.dangbo')).items[0]!;
      expect(period.createdAt.slice(0, 7)).toBe('2022-12');
      expect(period.counts).toMatchObject({ drafts: 0, decided: period.counts.reviews, proposed: period.counts.reviews });
      // The committee published the decisions, then closed the period.
      expect(period.status).toBe('closed');
    });

    it('writes, proposes and decides only levels the 2022 evidence allows; the quota’s surplus one level down with the reason; most of the commune rated well', async () => {
      const reviews = await db()
        .selectFrom('reviews as r')
        .innerJoin('review_periods as p', 'p.id', 'r.period_id')
        .innerJoin('review_decisions as d', 'd.review_id', 'r.id')
        .select(['r.id', 'r.evidence_json', 'r.subject_kind', 'r.self_level', 'r.self_level_reason', 'r.proposed_level', 'r.proposal_note', 'd.level_code', 'd.reason', 'd.over_quota_reason', 'p.rules_version_id'])
        .where('p.year', '=', 2022)
        .execute();
      const rules = await ratingRulesOfVersion(db(), reviews[0]!.rules_version_id);
      const codes = rules.levels.map((l) => l.code);
      let demoted = 0;
      for (const r of reviews) {
        const evidence = JSON.parse(r.evidence_json!) as ReviewEvidence;
        const levels = rules.levels.map((l) => (r.subject_kind === 'member' ? l.individual : l.collective));
        const allowed = new Set(levelOptions(levels, { tasks: evidence.taskOutcomes, unfixedShortcomings: evidence.unfixedShortcomings, triggers: [] }, null).filter((o) => o.allowed).map((o) => o.code));
        for (const level of [r.self_level!, r.proposed_level!, r.level_code]) expect(allowed.has(level), `${r.id} ${level}`).toBe(true);
        expect([r.self_level_reason, r.proposal_note], r.id).toEqual([null, null]);
        expect(r.proposed_level).toBe(r.self_level);
        if (r.level_code === r.proposed_level) expect(r.reason, r.id).toBeNull();
        else {
          // Over the quota: the committee took the proposal one level down, saying why.
          demoted++;
          expect([r.subject_kind, codes.indexOf(r.level_code) - codes.indexOf(r.proposed_level!)]).toEqual(['member', 1]);
          expect(r.reason, r.id).toBeTruthy();
        }
      }
      expect(demoted).toBeGreaterThan(0);
      // The commune the article praises: most cells and members did their work on time, none of the cells failed.
      const share = (kind: string, best: number) => reviews.filter((r) => r.subject_kind === kind && codes.indexOf(r.level_code) <= best).length / reviews.filter((r) => r.subject_kind === kind).length;
      expect(share('collective', 1)).toBeGreaterThan(0.7);
      expect(share('collective', 2)).toBe(1);
      expect(share('member', 1)).toBeGreaterThan(0.8);
      const failed = reviews.filter((r) => r.level_code === codes.at(-1));
      const disciplined = await db().selectFrom('discipline_decisions').select('member_id').where('decided_on', 'like', '2022%').execute();
      expect(failed).toHaveLength(disciplined.length);
    });

    it('caps the member reprimanded in 2022 at the lowest level: proposed by them, the cell and the committee', async () => {
      const disciplined = await db().selectFrom('discipline_decisions').select('member_id').where('decided_on', 'like', '2022%').execute();
      expect(disciplined).toHaveLength(1);
      const review = await review2022(disciplined[0]!.member_id);
      const lowest = review.levels.at(-1)!.code;
      expect(review).toMatchObject({ status: 'submitted', selfLevel: lowest, proposedLevel: lowest, decidedLevel: lowest });
      expect(review.shortcomings).toContain('khiển trách');
      expect(review.vote!.level).toBe(lowest);
    });

    it('rates none of Đồng Thứ’s first-quarter latecomers excellent; their reviews and the cell’s comments say why', async () => {
      const late = await db()
        .selectFrom('meeting_participants as mp')
        .innerJoin('meetings as m', 'm.id', 'mp.meeting_id')
        .select('mp.member_id')
        .distinct()
        .where('m.unit_id', '=', await t().unitId(CELL_DONG_THU))
        .where('m.meeting_date', '<', '2022-04-01')
        .where('mp.late_minutes', '>', 0)
        .execute();
      expect(late.length).toBeGreaterThanOrEqual(3);
      for (const { member_id } of late) {
        const review = await review2022(member_id!);
        expect(review.decidedLevel).not.toBe(review.levels[0]!.code);
        expect(review.shortcomings).toMatch(/muộn/);
        expect(review.cellComments).toMatch(/muộn/);
      }
    });

    it('rates Lưu Quang’s cell well, its report naming its work on Nghị quyết Trung ương 4; every cell commented and voted (counts)', async () => {
      const r = await ratings2022();
      const luuQuang = r.cells.find((c) => c.unitName === CELL_LUU_QUANG)!;
      expect(r.levels.slice(0, 2).map((l) => l.code)).toContain(luuQuang.collectiveLevel);
      const collective = await db().selectFrom('reviews as r').innerJoin('review_periods as p', 'p.id', 'r.period_id').select('r.id').where('p.year', '=', 2022).where('r.unit_id', '=', luuQuang.unitId).where('r.subject_kind', '=', 'collective').executeTakeFirstOrThrow();
      expect((await get<ReviewDetail>(`/api/reviews/${collective.id}`, 'bithu.luuquang')).strengths).toContain('Nghị quyết Trung ương 4');
      const votes = await db().selectFrom('reviews as r').innerJoin('review_periods as p', 'p.id', 'r.period_id').select(['r.cell_comments', 'r.vote_counts_json', 'r.vote_denominator', 'r.vote_level', 'r.proposed_level']).where('p.year', '=', 2022).where('r.subject_kind', '=', 'member').execute();
      for (const v of votes) {
        expect(v.cell_comments).toBeTruthy();
        expect(v.vote_level).toBe(v.proposed_level);
        const cast = Object.values(JSON.parse(v.vote_counts_json!) as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(cast).toBeGreaterThan(Number(v.vote_denominator) / 2);
        expect(cast).toBeLessThanOrEqual(Number(v.vote_denominator));
      }
      const meetings = await db().selectFrom('review_meetings as rm').innerJoin('review_periods as p', 'p.id', 'rm.period_id').select(['rm.vote_mode', 'rm.unit_id']).where('p.year', '=', 2022).execute();
      expect(meetings).toHaveLength(25);
      expect(meetings.filter((m) => m.vote_mode === 'counts')).toHaveLength(24);
    });

    it('has Đồng Thứ vote by secret ballot in 2022: closed, one sheet per official member present, every review’s tally cast', async () => {
      const dongThu = await t().unitId(CELL_DONG_THU);
      const rm = await db().selectFrom('review_meetings as rm').innerJoin('review_periods as p', 'p.id', 'rm.period_id').select(['rm.id', 'rm.vote_mode', 'rm.ballot_status', 'rm.meeting_id', 'rm.closed_at']).where('p.year', '=', 2022).where('rm.unit_id', '=', dongThu).executeTakeFirstOrThrow();
      expect(rm).toMatchObject({ vote_mode: 'ballot', ballot_status: 'closed' });
      expect(rm.closed_at!.slice(0, 7)).toBe('2022-12');
      const detail = await get<ReviewMeetingDetail>(`/api/review-meetings/${rm.id}`, 'bithu.dongthu');
      expect(detail.voted).toBe(detail.eligible);
      expect(detail.voted).toBeGreaterThan(detail.denominator / 2);
      expect(detail.reviews.length).toBeGreaterThan(0);
      for (const r of detail.reviews) {
        expect(Object.values(r.counts!).reduce((a, b) => a + b, 0)).toBe(detail.voted);
        expect(r.proposedLevel).toBeTruthy();
      }
    });

    it('has this year’s period open, self-reviews due in a few days, part of Đồng Thứ submitted and the demo member’s a draft with text', async () => {
      const period = (await get<{ items: PeriodDetail[] }>(`/api/review-periods?unitId=${await t().unitId(COMMUNE)}&year=2026`, 'bithu.dangbo')).items[0]!;
      expect(period).toMatchObject({ status: 'open', year: 2026 });
      expect(period.steps[0]!.dueOn > TODAY).toBe(true);
      const detail = await get<PeriodDetail>(`/api/review-periods/${period.id}`, 'bithu.dongthu');
      const dongThu = detail.cells.find((c) => c.unitName === CELL_DONG_THU)!;
      expect(dongThu.submitted).toBeGreaterThan(0);
      expect(dongThu.submitted).toBeLessThan(dongThu.members - 1);
      expect(period.counts.submitted).toBe(dongThu.submitted);
      const mine = await get<MyReviewsResponse>('/api/me/reviews', 'dangvien.dongthu');
      const current = mine.items.find((i) => i.periodId === period.id)!;
      expect(current.status).toBe('draft');
      const draft = await get<ReviewDetail>(`/api/reviews/${current.id}`, 'dangvien.dongthu');
      expect(draft.strengths).not.toBe('');
      expect(Object.keys(draft.points).length).toBeGreaterThan(0);
      expect(draft.actions).toEqual(['write', 'submit']);
      // Đồng Thứ's review meeting this year: a meeting of the cell, by secret ballot, for its secretary to open.
      const rm = await db().selectFrom('review_meetings as rm').innerJoin('meetings as m', 'm.id', 'rm.meeting_id').select(['rm.id', 'rm.vote_mode', 'rm.ballot_status', 'm.unit_id']).where('rm.period_id', '=', period.id).execute();
      expect(rm).toEqual([{ id: rm[0]!.id, vote_mode: 'ballot', ballot_status: 'not_open', unit_id: await t().unitId(CELL_DONG_THU) }]);
      expect((await get<ReviewMeetingDetail>(`/api/review-meetings/${rm[0]!.id}`, 'bithu.dongthu')).actions).toEqual(['manage']);
      // The cell's secretary, a member since before 2022, sees the level the committee decided then.
      const secretary = await get<MyReviewsResponse>('/api/me/reviews', 'bithu.dongthu');
      expect(secretary.items.find((i) => i.periodTitle.includes('2022'))!.decision).not.toBeNull();
    });

    it('keeps the audit chain whole', async () => {
      expect(await verifyAuditChain(t().db)).toMatchObject({ ok: true });
    });
  });
});
