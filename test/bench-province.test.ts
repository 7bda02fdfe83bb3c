import { describe, expect, it } from 'vitest';
import { cellSizes, communeSizes, generateCommune } from '../bench/province-generate.js';
import { Rng } from '../src/demo/random.js';

/** The bench's province generator (bench/province-generate.ts): sizes add up, derived columns agree with their rows. */
describe('bench province generator', () => {
  it('spreads the members over the communes, each 0.5–1.5× the mean', () => {
    const sizes = communeSizes(150_000, 100);
    expect(sizes).toHaveLength(100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(150_000);
    for (const s of sizes) expect(s).toBeGreaterThan(0.45 * 1_500);
    for (const s of sizes) expect(s).toBeLessThan(1.55 * 1_500);
  });

  it('gives a merged commune of 3,500 members 50–100 cells that add up to it', () => {
    const { offices, sizes } = cellSizes(new Rng(7), 3_500);
    expect(sizes.length).toBeGreaterThanOrEqual(50);
    expect(sizes.length).toBeLessThanOrEqual(100);
    expect(offices).toBeGreaterThan(0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3_500);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
  });

  it("keeps each meeting's attendance tally equal to its participants", () => {
    const rows = generateCommune({
      index: 0, members: 120, province: { id: 'p', path: '/p/', depth: 0 }, year: 2022, firstCard: 1, now: '2022-01-01T00:00:00.000Z',
      checklist: { versionId: 'v', items: [{ id: 'i1', list: 'manifestation' }, { id: 'i2', list: 'exemplary' }] },
    });
    expect(rows.members).toHaveLength(120);
    expect(rows.meetings.length).toBeGreaterThan(0);
    for (const m of rows.meetings) {
      const mine = rows.meeting_participants.filter((p) => p.meeting_id === m.id);
      expect(m.att_present).toBe(mine.filter((p) => p.status === 'present').length);
      expect(m.att_late).toBe(mine.filter((p) => (p.late_minutes ?? 0) > 0).length);
      expect(m.att_late_minutes).toBe(mine.reduce((s, p) => s + (p.late_minutes ?? 0), 0));
      expect(m.att_expected).toBe(mine.filter((p) => p.status !== 'exempt').length);
    }
    const unitIds = new Set(rows.units.map((u) => u.id));
    for (const u of rows.units) expect(u.path.endsWith(`/${u.id}/`) && u.path.split('/').length - 2 === u.depth + 1).toBe(true);
    for (const t of rows.tasks) expect(unitIds.has(t.unit_id)).toBe(true);
  });
});
