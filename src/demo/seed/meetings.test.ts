import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { CELL_DONG_THU, COMMUNE, useDemoApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { cellRoster, requester, vnToday } from '../../../test/helpers/meetings.js';
import type { MemberAttendanceStats, UnitAttendanceStats } from '../../features/meetings/schemas.js';

/**
 * The demo's meetings read back through the attendance reports and the meeting list: the 2022
 * story month by month (Đồng Thứ late until March, on time from April), its 25 cells, its
 * accounts' own records, and the present year's schedule.
 */
forEachDialect((dialect) => {
  describe('reports over the demo year 2022', () => {
    const t = useDemoApp(dialect, {}, { meetings: true });
    const call = requester(t);
    const YEAR_2022 = 'from=2022-01-01&to=2022-12-31';

    it('Đồng Thứ month by month: members late in January to March, everyone on time in April', async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/attendance-stats?${YEAR_2022}`, 'bithu.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as UnitAttendanceStats;
      expect(body).toMatchObject({ unitId, unitName: CELL_DONG_THU, from: '2022-01-01', to: '2022-12-31', meetings: 16 });
      expect(body.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
      for (const m of body.months.slice(0, 3)) expect(m.late, m.month).toBeGreaterThanOrEqual(5);
      const april = body.months[3]!;
      expect(april.present).toBeGreaterThan(0);
      expect(april).toMatchObject({ late: 0, absent: 0, excused: 0, punctualityRate: 1, attendanceRate: 1 });
      expect(body.total.present).toBe(body.months.reduce((s, m) => s + m.present, 0));
      expect(body.total.late).toBe(body.months.reduce((s, m) => s + m.late, 0));

      // The cell's members in roster order, not the exempt ones (who have no attendance record)
      // nor those who joined after 2022.
      const roster = await cellRoster(t(), unitId);
      expect(roster.some((m) => m.status === 'exempt')).toBe(true);
      expect(roster.some((m) => m.joined_on! > '2022-12-31')).toBe(true);
      expect(body.members.map((m) => m.memberId)).toEqual(
        roster.filter((m) => m.status !== 'exempt' && m.joined_on! <= '2022-12-31').map((m) => m.id),
      );
      for (const m of body.members) {
        const joined = roster.find((r) => r.id === m.memberId)!.joined_on!;
        if (joined <= '2022-01-01') expect(m.expected, joined).toBe(16);
      }
      expect(body.members.filter((m) => m.expected > 0).length).toBeGreaterThanOrEqual(18);
      expect(body.cells.map((c) => c.unitId)).toEqual([unitId]);
    });

    it('the commune lists its 25 cells, most punctual first', async () => {
      const communeId = await t().unitId(COMMUNE);
      const res = await call('GET', `/api/units/${communeId}/attendance-stats?${YEAR_2022}`, 'bithu.dangbo');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as UnitAttendanceStats;
      expect(body.cells).toHaveLength(25);
      expect(body.meetings).toBe(body.cells.reduce((s, c) => s + c.meetings, 0));
      expect(body.members).toEqual([]);
      const rates = body.cells.map((c) => c.punctualityRate ?? -1);
      for (let i = 1; i < rates.length; i++) expect(rates[i]!, body.cells[i]!.unitName).toBeLessThanOrEqual(rates[i - 1]!);
      expect(body.cells.every((c) => c.meetings > 0)).toBe(true);
      // Inspection reads the same report.
      expect((await call('GET', `/api/units/${communeId}/attendance-stats?${YEAR_2022}`, 'ubkt')).body).toBe(res.body);
    });

    it("lists Đồng Thứ's 16 meetings of 2022 without schedule warnings", async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/meetings?${YEAR_2022}`, 'dangvien.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { date: string; status: string; kind: string; minutesVersion: number }[]; warnings: unknown[]; years: number[] };
      expect(body.total).toBe(16);
      expect(body.items).toHaveLength(16);
      expect(body.warnings).toEqual([]);
      expect(body.years).toContain(2022);
      expect(body.items.filter((m) => m.kind === 'thematic')).toHaveLength(4);
      expect(body.items.every((m) => m.status === 'approved' && m.minutesVersion === 1)).toBe(true);
      const dates = body.items.map((m) => m.date);
      expect(dates).toEqual([...dates].sort().reverse());
      const paged = await call('GET', `/api/units/${unitId}/meetings?${YEAR_2022}&pageSize=5&page=4`, 'dangvien.dongthu');
      expect(paged.json()).toMatchObject({ total: 16, page: 4, pageSize: 5 });
      expect(paged.json().items).toHaveLength(1);
      const backwards = await call('GET', `/api/units/${unitId}/meetings?from=2022-12-31&to=2022-01-01`, 'dangvien.dongthu');
      expect(backwards.statusCode).toBe(400);
      expect(fieldsOf(backwards)).toEqual(['to']);
    });

    it('holds this year’s regular meeting every month and a thematic one every quarter: no schedule warnings but this month’s', async () => {
      const unitId = await t().unitId(CELL_DONG_THU);
      const res = await call('GET', `/api/units/${unitId}/meetings`, 'bithu.dongthu');
      expect(res.statusCode, res.body).toBe(200);
      const today = vnToday();
      const year = today.slice(0, 4);
      const month = Number(today.slice(5, 7));
      const body = res.json() as { from: string; to: string; total: number; warnings: { unitId: string; kind: string; period: string }[]; years: number[] };
      expect(body).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
      // Held up to last month, this month's called a few days ahead (which may fall in the next month).
      expect(body.total).toBeGreaterThanOrEqual(month - 1);
      const thisMonth = today.slice(0, 7);
      expect(body.warnings.filter((w) => w.kind === 'regular' && w.period !== thisMonth)).toEqual([]);
      // Each quarter's thematic meeting is held in its middle month, so no quarter gone by lacks one.
      expect(body.warnings.filter((w) => w.kind === 'thematic')).toEqual([]);
      expect(body.total).toBeGreaterThanOrEqual(month - 1 + Math.floor((month - 1) / 3));
      expect(body.warnings.every((w) => w.unitId === unitId)).toBe(true);
      expect(body.years).toContain(2022);
      expect(body.years).toContain(Number(year));
    });

    it("a member's own record: theirs and their secretary's to read, nobody else's", async () => {
      const secretaryId = await t().memberIdOf('bithu.dongthu');
      const secretaryUrl = `/api/members/${secretaryId}/attendance-stats?${YEAR_2022}`;
      const own = await call('GET', secretaryUrl, 'bithu.dongthu');
      expect(own.statusCode, own.body).toBe(200);
      const body = own.json() as MemberAttendanceStats;
      expect(body.memberId).toBe(secretaryId);
      expect(body.months).toHaveLength(12);
      expect(body.meetings).toHaveLength(16);
      expect(body.meetings.every((m) => m.date.startsWith('2022-') && m.unitName === CELL_DONG_THU && m.role === 'member')).toBe(true);
      expect(body.total.expected).toBe(body.meetings.filter((m) => ['present', 'excused', 'absent'].includes(m.status)).length);
      expect((await call('GET', secretaryUrl, 'ubkt')).body).toBe(own.body);

      // dangvien.dongthu joined the party after 2022: their own record of that year is empty.
      const memberId = await t().memberIdOf('dangvien.dongthu');
      const joined = (await t().db.db.selectFrom('members').select('joined_on').where('id', '=', memberId).executeTakeFirstOrThrow()).joined_on!;
      expect(joined > '2022-12-31').toBe(true);
      const url = `/api/members/${memberId}/attendance-stats?${YEAR_2022}`;
      const mine = await call('GET', url, 'dangvien.dongthu');
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toMatchObject({ memberId, meetings: [], total: { expected: 0, attendanceRate: null } });
      const bySecretary = await call('GET', url, 'bithu.dongthu');
      expect(bySecretary.statusCode).toBe(200);
      expect(bySecretary.body).toBe(mine.body);

      const peer = await call('GET', secretaryUrl, 'dangvien.dongthu');
      expect(peer.statusCode).toBe(403);
      const outside = await call('GET', url, 'bithu.luuquang');
      const missing = await call('GET', `/api/members/${missingId()}/attendance-stats?${YEAR_2022}`, 'bithu.luuquang');
      expect(outside.statusCode).toBe(404);
      expect(outside.body).toBe(missing.body);
    });
  });
});
