import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { lastAudit } from '../../../test/helpers/accounts.js';
import { buildAccount, useStaffedCommune } from '../../../test/helpers/factories.js';
import { requester, vnToday } from '../../../test/helpers/meetings.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { fullText, pointsFor, reviewSteps } from '../../../test/helpers/reviews.js';
import type { MyReviewsResponse, PeriodDetail, ReviewDetail } from './schemas.js';

const TODAY = vnToday();
const YEAR = Number(TODAY.slice(0, 4));

forEachDialect((dialect) => {
  describe('reviews: a period, a member\'s self-review, the committee\'s decisions and the quota', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff } = useStaffedCommune(t, { cells: 2, membersPerCell: 6 });
    const as = (role: 'committee' | 'secretary' | 'member' | 'office' | 'otherSecretary' | 'inspection') => staff()[role].cookie;
    const cell = () => home().cells[0]!;

    async function openPeriod(year: number): Promise<PeriodDetail> {
      const res = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'year', year, steps: reviewSteps(year) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as PeriodDetail;
    }
        const detail = async (id: string, who: string) => (await call('GET', `/api/reviews/${id}`, who)).json() as ReviewDetail;

    it('opens a period with a review for every member and each cell; steps must be the rules\' steps in their order', async () => {
      const wrongOrder = reviewSteps(YEAR - 3).map((s) => (s.code === 'publish' ? { ...s, dueOn: `${YEAR - 3}-12-01` } : s));
      const res = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'year', year: YEAR - 3, steps: wrongOrder });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['steps.5.dueOn']);
      const missing = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'year', year: YEAR - 3, steps: reviewSteps(YEAR - 3).slice(1) });
      expect(fieldsOf(missing)).toEqual(['steps']);
      const unknown = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'year', year: YEAR - 3, steps: [...reviewSteps(YEAR - 3), { code: 'vote', dueOn: `${YEAR - 3}-12-30` }] });
      expect(fieldsOf(unknown)).toEqual(['steps.6.code']);
      const quarterless = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'quarter', year: YEAR - 3, steps: reviewSteps(YEAR - 3) });
      expect(fieldsOf(quarterless)).toEqual(['quarter']);
      const cellUnit = await call('POST', '/api/review-periods', as('committee'), { unitId: cell().id, kind: 'year', year: YEAR - 3, steps: reviewSteps(YEAR - 3) });
      expect(fieldsOf(cellUnit)).toEqual(['unitId']);

      const p = await openPeriod(YEAR - 3);
      const members = home().cells.reduce((n, c) => n + c.members.length, 0);
      expect(p.counts).toEqual({ reviews: members + home().cells.length, drafts: members + home().cells.length, submitted: 0, proposed: 0, decided: 0 });
      expect(p.cells.map((c) => c.members)).toEqual(home().cells.map((c) => c.members.length));
      expect(p.steps.map((s) => s.code)).toEqual(reviewSteps(YEAR).map((s) => s.code));
      expect(p.unconfirmed.length).toBeGreaterThan(0);
      expect(await lastAudit(t())).toMatchObject({ action: 'review_period.open', record_id: p.id });
      const again = await call('POST', '/api/review-periods', as('committee'), { unitId: home().id, kind: 'year', year: YEAR - 3, steps: reviewSteps(YEAR - 3) });
      expect(again.statusCode).toBe(409);

      const secretaryView = (await call('GET', `/api/review-periods/${p.id}`, as('secretary'))).json() as PeriodDetail;
      expect(secretaryView.cells.map((c) => c.unitId)).toEqual([cell().id]);
      expect(secretaryView.actions).toEqual([]);
    });

    it('a member writes and submits their self-review; points stay in the framework; the secretary reads it (logged)', async () => {
      await openPeriod(YEAR - 2);
      const mine = (await call('GET', '/api/me/reviews', as('member'))).json() as MyReviewsResponse;
      const review = mine.items.find((i) => i.periodTitle.includes(String(YEAR - 2)))!;
      expect(review).toMatchObject({ status: 'draft', memberId: staff().member.memberId, unitId: cell().id });
      const d = await detail(review.id, as('member'));
      expect(d.actions).toEqual(['write', 'submit']);
      expect(d.forms.map((f) => f.code)).toEqual(['2A', '2B', '2C']);
      expect(d.levels.map((l) => l.code)).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);

      const put = (body: unknown) => call('PUT', `/api/reviews/${review.id}/self-assessment`, as('member'), body);
      expect(fieldsOf(await put(fullText('HTTNV', { politics: 31 }, 0)))).toEqual(['points.politics']);
      expect(fieldsOf(await put(fullText('HTTNV', { politics: 20, discipline: 11 }, 0)))).toEqual(['points.common']);
      expect(fieldsOf(await put(fullText('HTTNV', { nonsense: 1 }, 0)))).toEqual(['points.nonsense']);
      expect(fieldsOf(await put(fullText('HTTNV', {}, 0, { reviewForm: '01' })))).toEqual(['reviewForm']);
      expect(fieldsOf(await put(fullText('GIOI', {}, 0)))).toEqual(['selfLevel']);

      const empty = await put({ ...fullText('HTTNV', { politics: 5 }, 0), strengths: '', remedies: '' });
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toMatchObject({ revision: 1, scoreTotal: 5 });
      expect((await put(fullText('HTTNV', {}, 0))).statusCode).toBe(409);
      const early = await call('POST', `/api/reviews/${review.id}/submit`, as('member'));
      // 5 points cannot be Hoàn thành tốt: without a reason, the level is one more problem.
      expect(fieldsOf(early)).toEqual(['strengths', 'remedies', 'points.discipline', 'points.innovation', 'points.self_criticism', 'points.results', 'selfLevelReason']);

      const saved = await put(fullText('HTTNV', pointsFor(80), 1));
      expect(saved.json()).toMatchObject({ revision: 2, scoreTotal: 80 });
      expect(saved.json().levels.find((l: { code: string }) => l.code === 'HTXSNV')).toMatchObject({ allowed: false, reasons: expect.arrayContaining([expect.objectContaining({ key: 'score', count: 80, limit: 90 })]) });
      expect(await lastAudit(t())).toMatchObject({ action: 'review.save_draft', record_id: review.id });

      expect((await call('GET', `/api/reviews/${review.id}`, as('otherSecretary'))).statusCode).toBe(404);
      // The office reads no reviews; being a member too, it gets what any member gets for another's: missing.
      expect((await call('GET', `/api/reviews/${review.id}`, as('office'))).statusCode).toBe(404);
      expect((await call('PUT', `/api/reviews/${review.id}/self-assessment`, as('secretary'), fullText('HTTNV', pointsFor(80), 2))).statusCode).toBe(403);

      const submitted = await call('POST', `/api/reviews/${review.id}/submit`, as('member'));
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toMatchObject({ status: 'submitted', selfLevel: 'HTTNV', scoreTotal: 80, actions: [] });
      expect(await lastAudit(t())).toMatchObject({ action: 'review.submit' });
      expect((await put(fullText('HTTNV', pointsFor(80), 3))).statusCode).toBe(409);

      const bySecretary = await call('GET', `/api/reviews/${review.id}`, as('secretary'));
      expect(bySecretary.statusCode).toBe(200);
      expect(bySecretary.json().actions).toEqual(['comment', 'vote', 'propose', 'mark']);
      expect(await lastAudit(t())).toMatchObject({ action: 'read.review', record_id: review.id });
    });

    it('the committee decides; a change needs a reason and is a new version; going over the quota needs a written reason', async () => {
      const p = await openPeriod(YEAR - 1);
      const all = (await call('GET', `/api/review-periods/${p.id}`, as('committee'))).json() as PeriodDetail;
      expect(all.actions).toEqual(['decide', 'manage']);
      // Five members of the first cell submit: four propose "good", one "excellent".
      const reviews = (await t().db.db.selectFrom('reviews').select(['id', 'member_id']).where('period_id', '=', p.id).where('unit_id', '=', cell().id).where('subject_kind', '=', 'member').execute()).slice(0, 5);
      // Submitted as the service keeps them: the evidence, and apart what the level rules read of it.
      const evidence = { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31`, figures: [], taskOutcomes: { onTime: 3, late: 0, exceeded: 2, notDone: 0 }, unfixedShortcomings: 0, detected: { discipline: [], leadershipDiscipline: [] } };
      const basis = { taskOutcomes: evidence.taskOutcomes, unfixedShortcomings: 0, detected: evidence.detected };
      for (const [i, r] of reviews.entries()) {
        await t().db.db.updateTable('reviews').set({ status: 'submitted', points_json: JSON.stringify(pointsFor(i === 0 ? 95 : 80)), self_level: i === 0 ? 'HTXSNV' : 'HTTNV', evidence_json: JSON.stringify(evidence), rule_basis_json: JSON.stringify(basis) }).where('id', '=', r.id).execute();
      }
      const decide = (body: unknown) => call('POST', `/api/review-periods/${p.id}/decisions`, as('committee'), body);
      expect((await call('POST', `/api/review-periods/${p.id}/decisions`, as('secretary'), { decisions: [{ reviewId: reviews[1]!.id, level: 'HTTNV' }] })).statusCode).toBe(403);
      expect((await call('POST', `/api/review-periods/${p.id}/decisions`, as('office'), { decisions: [{ reviewId: reviews[1]!.id, level: 'HTTNV' }] })).statusCode).toBe(403);
      const draft = (await t().db.db.selectFrom('reviews').select('id').where('period_id', '=', p.id).where('status', '=', 'draft').where('subject_kind', '=', 'member').executeTakeFirstOrThrow()).id;
      expect(fieldsOf(await decide({ decisions: [{ reviewId: draft, level: 'HTTNV' }, { reviewId: reviews[1]!.id, level: 'XX' }] }))).toEqual(['decisions.0.reviewId', 'decisions.1.level']);

      const good = await decide({ decisions: reviews.slice(1).map((r) => ({ reviewId: r.id, level: 'HTTNV' })) });
      expect(good.statusCode, good.body).toBe(200);
      expect(good.json().quota).toMatchObject({ good: 4, excellent: 0, limit: 0, over: 0 });
      // 20 % of 4 rated good is 0.8: no one may be rated excellent without a written reason.
      const over = await decide({ decisions: [{ reviewId: reviews[0]!.id, level: 'HTXSNV' }] });
      expect(fieldsOf(over)).toEqual(['overQuotaReason']);
      expect(over.json().error.fields[0].message).toContain('tối đa 0');
      const reason = 'Đồng chí có thành tích xuất sắc trong phong trào xây dựng nông thôn mới, được tỉnh khen thưởng.';
      const withReason = await decide({ decisions: [{ reviewId: reviews[0]!.id, level: 'HTXSNV' }], overQuotaReason: reason });
      expect(withReason.statusCode, withReason.body).toBe(200);
      expect(withReason.json().quota).toMatchObject({ excellent: 1, good: 4, limit: 0, over: 1, overReasons: [expect.objectContaining({ reason })] });
      expect(await lastAudit(t())).toMatchObject({ action: 'review.decide', record_id: reviews[0]!.id });

      expect(fieldsOf(await decide({ decisions: [{ reviewId: reviews[1]!.id, level: 'HTNV' }] }))).toEqual(['decisions.0.reason']);
      const changed = await decide({ decisions: [{ reviewId: reviews[1]!.id, level: 'HTNV', reason: 'Chi bộ phát hiện thêm nhiệm vụ chậm tiến độ.' }] });
      expect(changed.statusCode, changed.body).toBe(200);
      const history = await detail(reviews[1]!.id, as('committee'));
      expect(history.decisions.map((d) => [d.version, d.level])).toEqual([
        [2, 'HTNV'],
        [1, 'HTTNV'],
      ]);
      expect(history.decidedLevel).toBe('HTNV');

      // Every figure of the period's board is the count of the list behind it (the cell's reviews).
      const board = (await call('GET', `/api/review-periods/${p.id}`, as('committee'))).json() as PeriodDetail;
      const decidedLevels: string[] = [];
      for (const c of board.cells) {
        const listed = ((await call('GET', `/api/review-periods/${p.id}/reviews?unitId=${c.unitId}`, as('committee'))).json() as { items: { subjectKind: string; status: string; proposedLevel: string | null; decidedLevel: string | null }[] }).items;
        const members = listed.filter((r) => r.subjectKind === 'member');
        expect(c).toMatchObject({
          members: members.length,
          drafts: members.filter((r) => r.status === 'draft').length,
          submitted: members.filter((r) => r.status === 'submitted').length,
          proposed: members.filter((r) => r.proposedLevel !== null).length,
          decided: members.filter((r) => r.decidedLevel !== null).length,
        });
        decidedLevels.push(...members.flatMap((r) => (r.decidedLevel ? [r.decidedLevel] : [])));
      }
      expect(board.counts.decided).toBe(board.cells.reduce((n, c) => n + c.decided + (c.collective?.decidedLevel ? 1 : 0), 0));
      expect([board.quota.excellent, board.quota.good]).toEqual([decidedLevels.filter((l) => l === 'HTXSNV').length, decidedLevels.filter((l) => l === 'HTTNV').length]);

      // The member sees their level on their page and the cell's published levels.
      const member = reviews.findIndex((r) => r.member_id === staff().member.memberId);
      const mine = ((await call('GET', '/api/me/reviews', as('member'))).json() as MyReviewsResponse).items.find((i) => i.periodId === p.id)!;
      expect(mine.decision?.level ?? null).toBe(member >= 0 ? (member === 0 ? 'HTXSNV' : member === 1 ? 'HTNV' : 'HTTNV') : null);
      const ratings = await call('GET', `/api/units/${cell().id}/ratings?year=${YEAR - 1}`, as('member'));
      expect(ratings.statusCode, ratings.body).toBe(200);
      expect(ratings.json().counts).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1 });
      expect((await call('GET', `/api/units/${home().id}/ratings?year=${YEAR - 1}`, as('member'))).statusCode).toBe(404);
      const commune = (await call('GET', `/api/units/${home().id}/ratings?year=${YEAR}`, as('committee'))).json();
      expect(commune.lastYear.counts).toEqual({ HTXSNV: 1, HTTNV: 3, HTNV: 1 });
    });

    it('the cell\'s committee writes the collective report (Mẫu 01) counting its members\' reviews; the committee rates the cell', async () => {
      const p = await openPeriod(YEAR - 4);
      const collective = p.cells.find((c) => c.unitId === cell().id)!.collective!;
      expect(collective.status).toBe('draft');
      expect((await call('GET', `/api/reviews/${collective.reviewId}`, as('member'))).statusCode).toBe(404);
      const d = await detail(collective.reviewId, as('secretary'));
      expect(d).toMatchObject({ subjectKind: 'collective', reviewForm: '01', actions: ['write', 'submit', 'comment', 'vote', 'propose'] });
      expect(d.forms.map((f) => f.code)).toEqual(['01']);
      const members = d.evidence.figures.find((f) => f.key === 'reviews_submitted')!;
      expect(members).toMatchObject({ section: 'members', value: 0, of: cell().members.length });
      expect(fieldsOf(await call('PUT', `/api/reviews/${collective.reviewId}/self-assessment`, as('secretary'), fullText('HTTNV', pointsFor(85), 0)))).toEqual(['reviewForm']);
      const saved = await call('PUT', `/api/reviews/${collective.reviewId}/self-assessment`, as('secretary'), fullText('HTTNV', pointsFor(85), 0, { reviewForm: '01' }));
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await call('PUT', `/api/reviews/${collective.reviewId}/self-assessment`, as('otherSecretary'), fullText('HTTNV', pointsFor(85), 1, { reviewForm: '01' }))).statusCode).toBe(404);
      const submitted = await call('POST', `/api/reviews/${collective.reviewId}/submit`, as('secretary'));
      expect(submitted.statusCode, submitted.body).toBe(200);
      const decided = await call('POST', `/api/review-periods/${p.id}/decisions`, as('committee'), { decisions: [{ reviewId: collective.reviewId, level: 'HTTNV' }] });
      expect(decided.statusCode, decided.body).toBe(200);
      expect((decided.json() as PeriodDetail).cells.find((c) => c.unitId === cell().id)!.collective).toMatchObject({ decidedLevel: 'HTTNV' });
      // A cell's level is no member's: the quota counts members only.
      expect((decided.json() as PeriodDetail).quota).toMatchObject({ good: 0, excellent: 0 });
      const ratings = (await call('GET', `/api/units/${home().id}/ratings?year=${YEAR - 4}`, as('inspection'))).json();
      expect(ratings.cells).toEqual([expect.objectContaining({ unitId: cell().id, collectiveLevel: 'HTTNV', members: [] })]);
    });

    it('discipline this year caps the level: a better one needs a reason from the member and from the committee', async () => {
      const p = await openPeriod(YEAR);
      const disciplined = cell().members[3]!.id;
      const recorded = await call('POST', '/api/discipline-decisions', as('secretary'), {
        memberId: disciplined,
        formCode: 'reprimand',
        decidingUnitId: cell().id,
        decidingBody: 'cell',
        decidedOn: TODAY,
        effectiveOn: TODAY,
        reason: 'Nhiều lần không tham gia sinh hoạt chi bộ không có lý do.',
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      const review = (await t().db.db.selectFrom('reviews').select('id').where('period_id', '=', p.id).where('member_id', '=', disciplined).executeTakeFirstOrThrow()).id;
      const d = await detail(review, as('secretary'));
      expect(d.triggers.find((tr) => tr.code === 'disciplined')).toMatchObject({ detected: true, capsAt: 'KHTNV', evidence: [expect.objectContaining({ date: TODAY })] });
      expect(d.levels.filter((l) => l.allowed).map((l) => l.code)).toEqual(['KHTNV']);
      expect(d.levels.find((l) => l.code === 'HTNV')!.reasons).toEqual([expect.objectContaining({ key: 'trigger', trigger: 'disciplined' })]);
      // The member writes through their own account; the test writes the same text straight in.
      const text = fullText('HTNV', pointsFor(60), 0);
      await t().db.db.updateTable('reviews').set({ strengths: text.strengths, shortcomings: text.shortcomings, remedies: text.remedies, points_json: JSON.stringify(text.points), self_level: 'HTNV' }).where('id', '=', review).execute();
      const member = await buildAccount(t(), { roles: [{ role: 'member', unitId: cell().id }], memberId: disciplined });
      const refused = await call('POST', `/api/reviews/${review}/submit`, member.cookie);
      expect(fieldsOf(refused)).toEqual(['selfLevelReason']);
      expect(refused.json().error.fields[0].message).toContain('Hoàn thành nhiệm vụ');
      const saved = await call('PUT', `/api/reviews/${review}/self-assessment`, member.cookie, { ...text, selfLevelReason: 'Đã tự nhận khuyết điểm và khắc phục xong trước khi bị kỷ luật.' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await call('POST', `/api/reviews/${review}/submit`, member.cookie)).statusCode).toBe(200);
      const decide = (body: unknown) => call('POST', `/api/review-periods/${p.id}/decisions`, as('committee'), body);
      expect(fieldsOf(await decide({ decisions: [{ reviewId: review, level: 'HTNV' }] }))).toEqual(['decisions.0.reason']);
      expect((await decide({ decisions: [{ reviewId: review, level: 'KHTNV' }] })).statusCode).toBe(200);
    });
  });
});
