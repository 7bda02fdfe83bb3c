import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import { requester, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { fullText, pointsFor, reviewSteps } from '../../../test/helpers/reviews.js';
import type { PeriodDetail, ReviewListResponse, MyReviewsResponse } from './schemas.js';

const YEAR = Number(vnToday().slice(0, 4));

forEachDialect((dialect) => {
  describe("a period's reviews for the boards: the cell's part to its committee, all to the party committee", () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, as } = useStaffedCommune(t, { cells: 2, membersPerCell: 4 });
    let otherCommitteeCookie: string;
    let period: PeriodDetail;
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      otherCommitteeCookie = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: other.id }] })).cookie;
      const res = await call('POST', '/api/review-periods', staff().committee.cookie, { unitId: home().id, kind: 'year', year: YEAR - 4, steps: reviewSteps(YEAR - 4) });
      expect(res.statusCode, res.body).toBe(201);
      period = res.json() as PeriodDetail;
    });
    const list = async (who: string, query = '') => (await call('GET', `/api/review-periods/${period.id}/reviews${query}`, who)).json() as ReviewListResponse;

    type Fixture = { periodId: string };
    const rows: AccessRow<Fixture>[] = [
      {
        route: 'GET /api/review-periods/:id/reviews',
        method: 'GET',
        url: (f) => `/api/review-periods/${f.periodId}/reviews`,
        missing: () => `/api/review-periods/${missingId()}/reviews`,
        // The office reads no reviews; a member only their own (GET /api/me/reviews).
        forbidden: [as('office')],
        other: () => otherCommitteeCookie,
        happy: { who: as('committee'), status: 200, check: (res) => expect((res.json() as ReviewListResponse).items.length).toBe(2 + 8) },
      },
    ];
    accessMatrix(t, {
      routesFile: new URL('./list-routes.ts', import.meta.url),
      rows,
      fixture: async () => ({ periodId: period.id }),
      state: async () => t().db.db.selectFrom('reviews').select(['id', 'status', 'revision']).orderBy('id').execute(),
    });

    it("a cell's secretary lists their cell only; a submitted review names the levels its evidence rules out", async () => {
      const cell = home().cells[0]!;
      const bySecretary = await list(staff().secretary.cookie);
      expect(new Set(bySecretary.items.map((i) => i.unitId))).toEqual(new Set([cell.id]));
      expect(bySecretary.items.map((i) => i.subjectKind)).toEqual(['collective', 'member', 'member', 'member', 'member']);
      expect((await list(staff().committee.cookie, `?unitId=${home().cells[1]!.id}`)).items.every((i) => i.unitId === home().cells[1]!.id)).toBe(true);
      expect((await list(staff().secretary.cookie, `?unitId=${home().cells[1]!.id}`)).items).toEqual([]);

      const mine = ((await call('GET', '/api/me/reviews', staff().member.cookie)).json() as MyReviewsResponse).items.find((i) => i.periodId === period.id)!;
      expect((await call('PUT', `/api/reviews/${mine.id}/self-assessment`, staff().member.cookie, fullText('HTTNV', pointsFor(80), 0))).statusCode).toBe(200);
      expect((await call('POST', `/api/reviews/${mine.id}/submit`, staff().member.cookie)).statusCode).toBe(200);
      const item = (await list(staff().committee.cookie)).items.find((i) => i.id === mine.id)!;
      expect(item).toMatchObject({ status: 'submitted', selfLevel: 'HTTNV', scoreTotal: 80 });
      // 80 points are under the 90 of Hoàn thành xuất sắc: that level is ruled out, Hoàn thành tốt is not.
      expect(item.ruledOut).toContain('HTXSNV');
      expect(item.ruledOut).not.toContain('HTTNV');
      expect((await list(staff().committee.cookie)).items.filter((i) => i.status === 'draft').every((i) => i.ruledOut.length === 0)).toBe(true);
    });
  });
});
