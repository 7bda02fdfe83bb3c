import { describe, expect, it } from 'vitest';
import { buildDemoCommune } from './commune.js';
import { buildDemoMeetings } from './meetings.js';
import { buildDemoWork } from './work.js';
import { buildDemoRating2022, buildDemoRatingPresent, firstQuarterLatecomers, overQuota, spreadPoints, STANDINGS, voteCounts } from './rating.js';
import { Rng } from './random.js';
import { ordinaryMember } from './inspection.js';
import { proposedLevel, scoreProblems, scoreTotal, type RatingGroup } from '../domain/rating.js';
import { readReferenceJson } from '../core/paths.js';

/**
 * The yearly reviews as built, before any storage: the 2022 story's facts (the reprimanded member
 * at the lowest level, Đồng Thứ's latecomers never the best, Lưu Quang on Nghị quyết Trung ương 4),
 * the quota's arithmetic, the votes proposing what they are meant to, and the present's period.
 */
const commune = buildDemoCommune();
const meetings = buildDemoMeetings(commune);
const reference = readReferenceJson<{ score: { max: number; groups: RatingGroup[] }; review_steps: { code: string }[]; levels: { code: string; min_score: number }[]; vote: { majority: number; cumulative: boolean } }>('rating-qd366.json');
const rules = { levels: reference.levels.map((l) => ({ minScore: l.min_score })), scoreMax: reference.score.max, reviewSteps: reference.review_steps };
const stepCodes = reference.review_steps.map((s) => s.code);
// Who the inspection demo reprimands: a long-standing member of Chi bộ thôn số 5 with no post.
const reprimanded = ordinaryMember(commune, commune.units.find((u) => u.key === 'cell-thon-so-05')!, '2017-01-01').key;

// Who finished a task of 2022 late, and where: the meetings' tasks and the work given outside them.
const late = [
  ...meetings.flatMap((m) => m.agenda.flatMap((a) => a.outcomes).flatMap((o) => (o.task?.close?.outcome === 'late' ? [{ cellKey: m.cellKey, ownerKey: o.task.ownerKey }] : []))),
  ...buildDemoWork(commune, meetings).tasks.flatMap((t) => (t.close?.outcome === 'late' ? [{ cellKey: t.cellKey, ownerKey: t.ownerMemberKey }] : [])),
];
const records = { disciplined: new Set([reprimanded]), lateOwners: new Set(late.flatMap((t) => (t.ownerKey ? [t.ownerKey] : []))), lateCells: new Set(late.map((t) => t.cellKey)) };

describe('the demo’s 2022 reviews', () => {
  const year = buildDemoRating2022(commune, meetings, records, rules);
  const byKey = new Map(year.members.map((m) => [m.memberKey, m]));

  it('reviews every member who had joined by the end of 2022, and no one who joined later; one report per cell', () => {
    const all = commune.units.flatMap((u) => u.members);
    expect(year.members.map((m) => m.memberKey).sort()).toEqual(all.filter((m) => m.joinedOn <= '2022-12-31').map((m) => m.key).sort());
    expect(all.some((m) => m.joinedOn > '2022-12-31')).toBe(true);
    expect(year.collectives.map((c) => c.cellKey).sort()).toEqual(commune.units.filter((u) => u.kind === 'cell').map((u) => u.key).sort());
  });

  it('puts the disciplined member at the lowest level, saying why', () => {
    expect(byKey.get(reprimanded)).toMatchObject({ standing: 'failed', disciplined: true });
    expect(byKey.get(reprimanded)!.text.shortcomings).toContain('kỷ luật');
    expect(byKey.get(reprimanded)!.score).toBeLessThan(50);
  });

  it('never rates Đồng Thứ’s first-quarter latecomers the best; each says so in their own words', () => {
    const late = firstQuarterLatecomers(meetings);
    expect(late.size).toBeGreaterThanOrEqual(3);
    for (const key of late) {
      const r = byKey.get(key)!;
      expect(r, key).toMatchObject({ latecomer: true, cellKey: 'cell-dong-thu' });
      expect(['good', 'fair']).toContain(r.standing);
      expect(r.text.shortcomings).toMatch(/muộn/);
      expect(r.comments).toMatch(/muộn/);
    }
    expect(year.members.filter((m) => m.latecomer).length).toBe(late.size);
  });

  it('rates whoever finished a task late, and every cell where one ran late, "Hoàn thành nhiệm vụ", each saying so; the others better', () => {
    expect(records.lateOwners.size).toBeGreaterThan(5);
    expect(records.lateCells.size).toBeGreaterThan(1);
    for (const m of year.members.filter((x) => !x.disciplined)) {
      expect(m.lateTask, m.memberKey).toBe(records.lateOwners.has(m.memberKey));
      if (m.lateTask) {
        expect(m.standing, m.memberKey).toBe('fair');
        expect(m.text.shortcomings).toMatch(/chậm|sau thời hạn/);
        if (!m.latecomer) expect(m.comments).toMatch(/chậm|sau thời hạn/);
      }
    }
    for (const c of year.collectives) {
      expect(c.standing === 'fair', c.cellKey).toBe(records.lateCells.has(c.cellKey));
      if (c.standing === 'fair') expect(c.text.shortcomings).toMatch(/chậm/);
    }
    // Most of the commune did its work on time.
    expect(year.members.filter((m) => m.standing === 'good' || m.standing === 'excellent').length / year.members.length).toBeGreaterThan(0.8);
    expect(year.collectives.filter((c) => c.standing !== 'fair').length / year.collectives.length).toBeGreaterThan(0.7);
  });

  it('rates Lưu Quang’s cell well on its work on Nghị quyết Trung ương 4, Đồng Thứ naming its first quarter', () => {
    const luuQuang = year.collectives.find((c) => c.cellKey === 'cell-luu-quang')!;
    expect(['excellent', 'good']).toContain(luuQuang.standing);
    expect(luuQuang.text.strengths).toContain('Nghị quyết Trung ương 4');
    expect(year.collectives.find((c) => c.cellKey === 'cell-dong-thu')!.text.shortcomings).toMatch(/quý I\b/i);
  });

  it('dates the period in December 2022: opened, each review submitted before its cell’s meeting, steps in order', () => {
    expect(year.openedOn).toBe('2022-12-01');
    expect(year.steps.map((s) => s.code)).toEqual(stepCodes);
    const dates = year.steps.map((s) => s.dueOn);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith('2022-12'))).toBe(true);
    for (const r of [...year.members, ...year.collectives]) {
      expect(r.submittedOn >= year.openedOn && r.submittedOn < year.meetingOf.get(r.cellKey)!, r.cellKey).toBe(true);
    }
  });

  it('gives points within the framework adding up to the review’s score, in its level’s band', () => {
    for (const r of [...year.members, ...year.collectives]) {
      const points = spreadPoints(reference.score.groups, r.score);
      expect(scoreProblems(reference.score.groups, points)).toEqual([]);
      expect(scoreTotal(points)).toBe(r.score);
      const rank = STANDINGS.indexOf(r.standing);
      expect(r.score >= rules.levels[rank]!.minScore && (rank === 0 || r.score < rules.levels[rank - 1]!.minScore), `${r.standing} ${r.score}`).toBe(true);
    }
    expect(new Set(year.members.map((m) => m.standing))).toEqual(new Set(['excellent', 'good', 'fair', 'failed']));
  });
});

describe('the quota and the vote', () => {
  it('rates the lowest-scored excellent one level down until excellent ≤ ⌊20 % × good⌋', () => {
    const reviews = [
      ...[95, 91, 93, 90, 92].map((score, i) => ({ id: `x${i}`, rank: 0, score })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, rank: 1, score: 80 })),
    ];
    // 10 good allow 2; each one moved down adds a good: 13 good still allow 2, so three go down.
    expect(overQuota(reviews, 20).map((r) => r.score)).toEqual([90, 91, 92]);
    expect(overQuota(reviews.slice(0, 1).concat(reviews.slice(5)), 20)).toEqual([]);
    expect(overQuota([{ rank: 0, score: 95 }], 20)).toHaveLength(1);
  });

  it('types counts that propose the level meant, for every level and cell size', () => {
    const levels = reference.levels.map((l) => ({ code: l.code }));
    const rng = new Rng(7);
    for (let i = 0; i < 400; i++) {
      const rank = i % levels.length;
      const denominator = 5 + (i % 30);
      const counts = voteCounts(rng, levels, rank, denominator, reference.vote);
      expect(proposedLevel(levels, counts, { majority: reference.vote.majority, cumulative: reference.vote.cumulative, denominator })).toBe(levels[rank]!.code);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(denominator);
    }
  });
});

describe('the demo’s present reviews', () => {
  const writer = commune.accounts.find((a) => a.username === 'dangvien.dongthu')!.memberKey!;

  it.each(['2026-12-07', '2025-03-01', '2024-01-03'])('as of %s: the self-reviews due in four days, part of Đồng Thứ submitted, the demo member writing', (today) => {
    const p = buildDemoRatingPresent(commune, today, rules);
    expect(p.year).toBe(Number(today.slice(0, 4)));
    expect(p.steps[0]!.dueOn > today).toBe(true);
    const dates = p.steps.map((s) => s.dueOn);
    expect([...dates].sort()).toEqual(dates);
    expect(p.openedOn <= today && p.openedOn.startsWith(today.slice(0, 4))).toBe(true);
    const dongThu = commune.units.find((u) => u.key === 'cell-dong-thu')!.members.length;
    expect(p.submitted.length).toBeGreaterThan(0);
    expect(p.submitted.length).toBeLessThan(dongThu - 1);
    expect(p.draft.memberKey).toBe(writer);
    expect(p.submitted.map((r) => r.memberKey)).not.toContain(writer);
    expect(p.draft.text.strengths).not.toBe('');
    for (const r of p.submitted) expect(r.submittedOn >= p.openedOn && r.submittedOn <= today).toBe(true);
  });
});
