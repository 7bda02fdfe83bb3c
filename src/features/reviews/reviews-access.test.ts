import { describe, expect } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { accountOnFirstUse, buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import { vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { fullText, pointsFor, reviewSteps } from '../../../test/helpers/reviews.js';

const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe('reviews: who may call each endpoint', () => {
    const t = useTestApp(dialect);
    const { home, staff, as } = useStaffedCommune(t, { cells: 2, membersPerCell: 4 });
    /** The office with no membership: a caller whose role never reads reviews (403, not 404). */
    const office = accountOnFirstUse(() => buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] }));
    /** Another commune, with its committee and a cell secretary: the "another unit" callers. */
    const elsewhere = (role: 'party_committee' | 'cell_secretary') =>
      accountOnFirstUse(async () => {
        const other = await buildCommune(t(), { cells: 1 });
        return buildAccount(t(), { roles: [{ role, unitId: role === 'party_committee' ? other.id : other.cells[0]!.id }] });
      });
    const otherCommittee = elsewhere('party_committee');
    const otherSecretary = elsewhere('cell_secretary');

    interface Fixture {
      periodId: string;
      reviewId: string;
      revision: number;
      cellId: string;
    }
    type Row = AccessRow<Fixture> & { year: number; written?: boolean; submitted?: boolean };
    const row = (r: Row) => r;

    async function periodOf(year: number): Promise<string> {
      const found = await t().db.db.selectFrom('review_periods').select('id').where('unit_id', '=', home().id).where('year', '=', year).executeTakeFirst();
      if (found) return found.id;
      const res = await t().app.inject({ method: 'POST', url: '/api/review-periods', headers: { cookie: staff().committee.cookie }, payload: { unitId: home().id, kind: 'year', year, steps: reviewSteps(year) } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    }

    accessMatrix<Fixture, Row>(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows: [
        row({
          route: 'GET /api/review-periods',
          method: 'GET',
          year: YEAR - 5,
          url: (f) => `/api/review-periods?unitId=${f.cellId}`,
          missing: () => `/api/review-periods?unitId=${missingId()}`,
          forbidden: [office, as('member')],
          other: otherSecretary,
          happy: { who: as('secretary'), status: 200, check: (res, f) => expect(res.json().items.map((p: { id: string }) => p.id)).toContain(f.periodId) },
        }),
        row({
          route: 'POST /api/review-periods',
          method: 'POST',
          year: YEAR - 5,
          url: () => '/api/review-periods',
          body: () => ({ unitId: home().id, kind: 'quarter', year: YEAR - 5, quarter: 2, steps: reviewSteps(YEAR - 5) }),
          missing: () => '/api/review-periods',
          missingBody: () => ({ unitId: missingId(), kind: 'quarter', year: YEAR - 5, quarter: 2, steps: reviewSteps(YEAR - 5) }),
          forbidden: [office, as('member'), as('secretary')],
          other: otherCommittee,
          happy: { who: as('committee'), status: 201, audit: 'review_period.open', check: (res) => expect(res.json()).toMatchObject({ kind: 'quarter', quarter: 2 }) },
        }),
        row({
          route: 'GET /api/review-periods/:id',
          method: 'GET',
          year: YEAR - 5,
          url: (f) => `/api/review-periods/${f.periodId}`,
          missing: () => `/api/review-periods/${missingId()}`,
          forbidden: [office, as('member')],
          other: otherSecretary,
          happy: { who: as('inspection'), status: 200, check: (res) => expect(res.json().cells).toHaveLength(2) },
        }),
        row({
          route: 'POST /api/review-periods/:id/close',
          method: 'POST',
          year: YEAR - 8,
          url: (f) => `/api/review-periods/${f.periodId}/close`,
          missing: () => `/api/review-periods/${missingId()}/close`,
          forbidden: [office, as('member'), as('secretary')],
          other: otherCommittee,
          happy: { who: as('committee'), status: 200, audit: 'review_period.close', check: (res) => expect(res.json()).toMatchObject({ status: 'closed', actions: ['manage'] }) },
        }),
        row({
          route: 'POST /api/review-periods/:id/decisions',
          method: 'POST',
          year: YEAR - 6,
          submitted: true,
          url: (f) => `/api/review-periods/${f.periodId}/decisions`,
          body: (f) => ({ decisions: [{ reviewId: f.reviewId, level: 'HTNV' }] }),
          missing: () => `/api/review-periods/${missingId()}/decisions`,
          missingBody: (f) => ({ decisions: [{ reviewId: f.reviewId, level: 'HTNV' }] }),
          forbidden: [office, as('member'), as('secretary')],
          other: otherCommittee,
          happy: { who: as('committee'), status: 200, audit: 'review.decide' },
        }),
        row({
          route: 'GET /api/me/reviews',
          method: 'GET',
          year: YEAR - 5,
          url: () => '/api/me/reviews',
          forbidden: { none: 'every account may ask for its own reviews (none without a membership)' },
          other: { none: 'names no record: it answers the caller\'s own' },
          happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().items.map((i: { id: string }) => i.id)).toContain(f.reviewId) },
        }),
        row({
          route: 'GET /api/reviews/:id',
          method: 'GET',
          year: YEAR - 5,
          url: (f) => `/api/reviews/${f.reviewId}`,
          missing: () => `/api/reviews/${missingId()}`,
          forbidden: [office],
          other: as('otherSecretary'),
          happy: { who: as('secretary'), status: 200, audit: 'read.review' },
        }),
        row({
          route: 'PUT /api/reviews/:id/self-assessment',
          method: 'PUT',
          year: YEAR - 5,
          url: (f) => `/api/reviews/${f.reviewId}/self-assessment`,
          body: (f) => fullText('HTNV', pointsFor(60), f.revision),
          missing: () => `/api/reviews/${missingId()}/self-assessment`,
          forbidden: [office],
          other: as('otherSecretary'),
          happy: { who: as('member'), status: 200, audit: 'review.save_draft' },
        }),
        row({
          route: 'POST /api/reviews/:id/submit',
          method: 'POST',
          year: YEAR - 7,
          written: true,
          url: (f) => `/api/reviews/${f.reviewId}/submit`,
          missing: () => `/api/reviews/${missingId()}/submit`,
          forbidden: [office],
          other: as('otherSecretary'),
          happy: { who: as('member'), status: 200, audit: 'review.submit' },
        }),
        row({
          route: 'GET /api/units/:id/ratings',
          method: 'GET',
          year: YEAR - 5,
          url: (f) => `/api/units/${f.cellId}/ratings?year=${YEAR - 5}`,
          missing: () => `/api/units/${missingId()}/ratings?year=${YEAR - 5}`,
          forbidden: [office],
          other: otherSecretary,
          happy: { who: as('member'), status: 200 },
        }),
      ],
      fixture: async (r) => {
        const periodId = await periodOf(r.year);
        const review = await t().db.db.selectFrom('reviews').select(['id', 'revision', 'status']).where('period_id', '=', periodId).where('member_id', '=', staff().member.memberId).executeTakeFirstOrThrow();
        if ((r.written || r.submitted) && review.status === 'draft') {
          const text = fullText('HTNV', pointsFor(60), 0);
          await t()
            .db.db.updateTable('reviews')
            .set({ strengths: text.strengths, shortcomings: text.shortcomings, causes: text.causes, previous_fixes: text.previousFixes, remedies: text.remedies, points_json: JSON.stringify(text.points), self_level: 'HTNV', ...(r.submitted ? { status: 'submitted', submitted_at: new Date().toISOString() } : {}) })
            .where('id', '=', review.id)
            .execute();
        }
        return { periodId, reviewId: review.id, revision: Number(review.revision), cellId: home().cells[0]!.id };
      },
      state: async () => {
        const db = t().db.db;
        const [periods, reviews, decisions] = await Promise.all([
          db.selectFrom('review_periods').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('status').as('s')]).executeTakeFirstOrThrow(),
          db.selectFrom('reviews').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('revision').as('r')]).executeTakeFirstOrThrow(),
          db.selectFrom('review_decisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return [Number(periods.n), periods.s, Number(reviews.n), Number(reviews.r ?? 0), Number(decisions.n)];
      },
    });
  });
});
