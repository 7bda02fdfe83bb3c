import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { writeTransaction } from '../features/audit/service.js';
import { ensureRules, type InspectionRules } from '../features/inspection-rules/service.js';
import { checkStep, stepSchedule } from '../domain/inspection.js';
import { newId, nowIso } from '../db/ids.js';
import { buildDemoCommune } from './commune.js';
import { buildDemoMeetings } from './meetings.js';
import { buildDemoInspection, stepDates, type DemoCase, type DemoInspectionData } from './inspection.js';
import { buildDemoInspectionPresent } from './present-inspection.js';

/**
 * The committee's programmes and cases as built, checked against the rule set the app loads from
 * reference/ (read through an empty database): every step in the kind's order, on or after the one
 * before, within its working days, nothing after the day the demo is loaded.
 */
let db: TestDatabase;
let rules: InspectionRules;
beforeAll(async () => {
  db = await openTestDatabase('sqlite');
  const id = newId();
  const now = nowIso();
  await db.db.insertInto('units').values({ id, parent_id: null, path: `/${id}/`, depth: 0, kind: 'commune', name: 'Xã', search_name: 'xa', code: null, contact_name: null, contact_phone: null, village_name: null, archived_at: null, created_at: now, updated_at: now }).execute();
  rules = await writeTransaction(db, (trx) => ensureRules(trx, db.dialect, `/${id}/`));
});
afterAll(() => db.dispose());

const commune = buildDemoCommune();
const meetings = buildDemoMeetings(commune);

/** Every step of a case as its page would schedule it on `today`: in order, none late, none ahead of today. */
function expectLawful(c: DemoCase, today: string): void {
  const kind = rules.kinds.get(c.kindCode)!;
  const steps = [...c.steps, ...(c.conclusion ? [{ code: 'conclusion', on: c.conclusion.on }] : [])].sort((a, b) => a.on.localeCompare(b.on) || kind.steps.findIndex((s) => s.code === a.code) - kind.steps.findIndex((s) => s.code === b.code));
  const done = new Set<string>();
  for (const s of steps) {
    expect(checkStep(kind, done, s.code), `${c.key} ${s.code}`).toBe('ok');
    done.add(s.code);
    expect(s.on <= today, `${c.key} ${s.code} ${s.on}`).toBe(true);
  }
  const schedule = stepSchedule(kind, { decidedOn: c.decidedOn, doneOn: new Map(steps.map((s) => [s.code, s.on])), extensionWorkingDays: 0, today }, rules.calendar);
  expect(schedule.filter((s) => s.doneOn !== null && s.late).map((s) => s.code), c.key).toEqual([]);
  expect(c.reviewFrom <= c.decidedOn && c.reviewFrom <= c.reviewTo, c.key).toBe(true);
  for (const r of c.recommendations) {
    expect(r.deadline >= c.conclusion!.on, c.key).toBe(true);
    if (r.verifiedOn) expect(r.reportedOn! <= r.verifiedOn && r.verifiedOn <= today).toBe(true);
  }
  expect(c.status === 'open').toBe(c.conclusion === null);
  if (c.status === 'closed') expect(c.recommendations.every((r) => r.verifiedOn !== null), c.key).toBe(true);
}

describe('the demo’s 2022 inspection and supervision', () => {
  let data: DemoInspectionData;
  const byKey = (key: string) => data.cases.find((c) => c.key === key)!;
  beforeAll(() => {
    data = buildDemoInspection(commune, meetings, rules);
  });

  it('keeps every step of every case in order, within the rules’ working days, none late', () => {
    for (const c of data.cases) expectLawful(c, '2022-12-31');
    expect(data.cases.every((c) => c.status === 'closed')).toBe(true);
  });

  it('has the five kinds, the programme adopted in January 2022 with one regular supervision per cell', () => {
    expect(new Set(data.cases.map((c) => c.kindCode))).toEqual(new Set(['supervision_thematic', 'supervision_regular', 'inspection_signs_of_violation', 'denunciation']));
    const [programme] = data.programmes;
    expect(programme!.adoptedOn.slice(0, 7)).toBe('2022-01');
    const cells = commune.units.filter((u) => u.kind === 'cell').map((u) => u.key);
    const regular = programme!.items.filter((i) => i.kindCode === 'supervision_regular');
    expect(regular.map((i) => i.subjectCellKey).sort()).toEqual([...cells].sort());
    const withRecommendations = data.cases.filter((c) => c.kindCode === 'supervision_regular' && c.recommendations.length > 0);
    expect(withRecommendations.length).toBeGreaterThan(0);
    expect(withRecommendations.length).toBeLessThan(cells.length / 4);
    for (const c of data.cases) expect(c.decidedOn >= programme!.adoptedOn || c.itemKey === null, c.key).toBe(true);
  });

  it('supervises Đồng Thứ’s first quarter with its real meetings as evidence, concludes before the April meeting and verifies the fixes after it', () => {
    const c = byKey('dong-thu-thematic');
    const april = meetings.find((m) => m.cellKey === 'cell-dong-thu' && m.kind === 'regular' && m.date.startsWith('2022-04'))!;
    const q1 = meetings.filter((m) => m.cellKey === 'cell-dong-thu' && m.date < '2022-04-01').map((m) => m.date);
    expect(c.steps.find((s) => s.code === 'verification')!.evidence.map((e) => e.date)).toEqual(q1);
    expect(c.steps.find((s) => s.code === 'draft_report')!.subjectComments).toBeTruthy();
    expect(c.conclusion!.on < april.date).toBe(true);
    expect(c.conclusion!.shortcomings).toMatch(/muộn[\s\S]*dĩ hòa vi quý[\s\S]*không rõ người/);
    expect(c.recommendations).toHaveLength(3);
    for (const r of c.recommendations) {
      expect(r.reportedOn! > april.date && r.verifiedOn! > april.date && r.verifiedOn! <= r.deadline).toBe(true);
      expect(r.life.close).toMatchObject({ outcome: 'on_time' });
    }
    // Everyone came on time to that April meeting, as the recommendations asked.
    expect(april.attendance.filter((a) => a.status === 'present').every((a) => a.arrivedAt! <= `${april.date}T12:30:00.000Z`)).toBe(true);
  });

  it('ends the member inspection with a reprimand after its conclusion, and the denunciation unfounded', () => {
    const inspection = data.cases.find((c) => c.kindCode === 'inspection_signs_of_violation')!;
    expect(inspection.conclusion!.violations).toBeTruthy();
    expect(inspection.discipline).toMatchObject({ formCode: 'reprimand' });
    expect(inspection.discipline!.decidedOn >= inspection.conclusion!.on).toBe(true);
    const denunciation = data.cases.find((c) => c.kindCode === 'denunciation')!;
    expect(denunciation).toMatchObject({ verdict: 'unfounded', status: 'closed', recommendations: [] });
    expect(denunciation.receivedOn! <= denunciation.decidedOn && denunciation.complainantName).toBeTruthy();
  });

  it('refuses a pace the rules do not allow', () => {
    const kind = rules.kinds.get('supervision_thematic')!;
    expect(() => stepDates(kind, '2022-03-14', [6], rules.calendar)).toThrow(/within 5 working days/);
    const tight = { ...kind, timeLimit: { ...kind.timeLimit!, workingDays: 8 } };
    expect(() => stepDates(tight, '2022-03-14', [1, 2, 5, 4, 2, 2, 1], rules.calendar)).toThrow(/runs past its 8 working days/);
  });
});

describe('the demo’s present inspection and supervision', () => {
  it.each(['2026-12-07', '2025-03-01', '2024-06-17', '2024-01-08'])('as of %s: lawful cases, Đồng Thứ waiting to report, a late step, an overdue recommendation', (today) => {
    const data = buildDemoInspectionPresent(commune, today, rules);
    for (const c of data.cases) expectLawful(c, today);
    const [programme] = data.programmes;
    expect(programme!.year).toBe(Number(today.slice(0, 4)));
    expect(programme!.adoptedOn <= today && programme!.adoptedOn.slice(5, 7) === '01').toBe(true);
    const waiting = data.cases.find((c) => c.key === 'present-waiting')!;
    expect(waiting.subjectCellKey).toBe('cell-dong-thu');
    expect(waiting.steps.map((s) => s.code)).toEqual(['decision', 'plan', 'notice']);
    expect(waiting.notifiedOn! < today).toBe(true);
    const late = data.cases.find((c) => c.key === 'present-late')!;
    const kind = rules.kinds.get(late.kindCode)!;
    const schedule = stepSchedule(kind, { decidedOn: late.decidedOn, doneOn: new Map(late.steps.map((s) => [s.code, s.on])), extensionWorkingDays: 0, today }, rules.calendar);
    expect(schedule.some((s) => s.doneOn === null && s.late)).toBe(true);
    const overdue = data.cases.find((c) => c.key === 'present-overdue')!;
    expect(overdue.status).toBe('concluded');
    expect(overdue.recommendations.every((r) => r.verifiedOn === null && r.deadline < today)).toBe(true);
  });

  it('leaves out what would start before the present, outside the programme what came before its adoption, and plans ahead only inside the year', () => {
    const early = buildDemoInspectionPresent(commune, '2023-01-15', rules);
    expect(early.cases.map((c) => c.key)).toEqual(['present-waiting']);
    for (const c of early.cases) expectLawful(c, '2023-01-15');
    const newYear = buildDemoInspectionPresent(commune, '2024-01-08', rules);
    for (const c of newYear.cases) expect(c.itemKey === null).toBe(c.decidedOn < newYear.programmes[0]!.adoptedOn);
    expect(newYear.cases.some((c) => c.itemKey === null)).toBe(true);
    const late = buildDemoInspectionPresent(commune, '2026-12-28', rules);
    for (const i of late.programmes[0]!.items) expect(i.plannedStart <= '2026-12-31').toBe(true);
  });
});
