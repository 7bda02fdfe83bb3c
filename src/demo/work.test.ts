import { describe, expect, it } from 'vitest';
import { buildDemoCommune, type DemoMember } from './commune.js';
import { buildDemoMeetings, taskOptions2022, type DemoTaskLife } from './meetings.js';
import { buildDemoWork, DEMO_WORK_YEAR, PLEDGE_CUTOFF, type DemoWorkTask } from './work.js';
import { allowedOutcomes, averageDelay, commitmentPercent, daysBetween, handDownDelayDays, measurableResult } from '../domain/tasks.js';
import { commitmentSections, taskPriorities } from '../shared/enums.js';

const commune = buildDemoCommune();
const meetings = buildDemoMeetings(commune);
const work = buildDemoWork(commune, meetings);
const cells = commune.units.filter((u) => u.kind === 'cell');
const unitByKey = new Map(commune.units.map((u) => [u.key, u]));
const memberCell = new Map<string, string>(commune.units.flatMap((u) => u.members.map((m) => [m.key, u.key] as const)));
const memberByKey = new Map<string, DemoMember>(commune.units.flatMap((u) => u.members.map((m) => [m.key, m] as const)));
const committeeKey = commune.accounts.find((a) => a.username === 'bithu.dangbo')!.memberKey;
/** The chair of a cell's meetings is its secretary; the clerk sits on its committee. */
const secretaryOf = (cellKey: string) => meetings.find((m) => m.cellKey === cellKey)!.chairKey;
const clerkOf = (cellKey: string) => meetings.find((m) => m.cellKey === cellKey)!.secretaryKey;
const inYear = (date: string) => date >= '2022-01-01' && date <= '2022-12-31';
const handDowns = (cellKey: string) => work.tasks.filter((t) => t.cellKey === cellKey && t.ownerUnitKey !== null);
const delays = (tasks: readonly DemoWorkTask[]) => tasks.map((t) => handDownDelayDays(t.receivedOn, t.handedDownOn)!);

/** Checks one task's progress and close against when it was given, due and done. */
function expectConsistentLife(label: string, t: DemoTaskLife & { deadline: string; doneOn: string | null }, createdOn: string): void {
  expect(taskPriorities, label).toContain(t.priority);
  expect(t.deadline > createdOn, label).toBe(true);
  expect(inYear(t.deadline), label).toBe(true);
  if (t.doneOn !== null) expect(t.doneOn > createdOn && inYear(t.doneOn), label).toBe(true);
  expect(t.progress.length, label).toBeGreaterThanOrEqual(1);
  let previous = { on: createdOn, percent: 0 };
  for (const p of t.progress) {
    expect(p.on > previous.on && inYear(p.on), label).toBe(true);
    expect(p.percent, label).toBeGreaterThan(previous.percent);
    expect(p.percent, label).toBeLessThanOrEqual(100);
    previous = p;
  }
  expect(previous.percent === 100, label).toBe(t.doneOn !== null);
  if (t.close === null) {
    expect(t.doneOn, label).toBeNull();
    return;
  }
  expect(t.close.on >= createdOn && inYear(t.close.on), label).toBe(true);
  expect(t.close.on >= previous.on, label).toBe(true);
  expect(allowedOutcomes(t.deadline, t.doneOn), label).toContain(t.close.outcome);
  if (t.doneOn !== null) expect(t.close.outcome, label).not.toBe('not_done');
  if (t.deliverable === null) expect(t.close.outcome, label).not.toBe('exceeded');
}

describe('buildDemoWork', () => {
  it('is deterministic', () => {
    expect(buildDemoWork(buildDemoCommune(), buildDemoMeetings(buildDemoCommune()))).toEqual(work);
    expect(DEMO_WORK_YEAR).toBe(2022);
  });

  it('has the commune committee issue 5–7 directives in 2022, each to every cell', () => {
    expect(work.directives.length).toBeGreaterThanOrEqual(5);
    expect(work.directives.length).toBeLessThanOrEqual(7);
    expect(committeeKey).toBeTruthy();
    for (const d of work.directives) {
      expect(d.issuedByKey).toBe(committeeKey);
      expect(inYear(d.issuedOn) && inYear(d.deadline) && d.deadline > d.issuedOn).toBe(true);
      expect(d.body.length).toBeGreaterThan(100);
      expect(d.targets.map((t) => t.cellKey).sort()).toEqual(cells.map((c) => c.key).sort());
    }
    expect(work.directives.some((d) => /Trung ương 4 khóa XIII/.test(d.title))).toBe(true);
  });

  it('has most cells acknowledge within five days, a few late, one or two never', () => {
    const answered = work.directives.flatMap((d) => d.targets.filter((t) => t.acknowledgedAt).map((t) => ({ d, t, days: daysBetween(d.issuedOn, t.acknowledgedAt!.slice(0, 10)) })));
    for (const { d, t, days } of answered) {
      expect(days).toBeGreaterThanOrEqual(0);
      expect(t.acknowledgedAt! <= `${d.deadline}T23:59:59Z`).toBe(true);
      expect(t.acknowledgedByKey).toBe(secretaryOf(t.cellKey));
    }
    const prompt = answered.filter((x) => x.days <= 5).length / answered.length;
    expect(prompt).toBeGreaterThan(0.75);
    expect(prompt).toBeLessThan(0.97);
    for (const d of work.directives) {
      const silent = d.targets.filter((t) => t.acknowledgedAt === null);
      expect(silent.length).toBeGreaterThanOrEqual(1);
      expect(silent.length).toBeLessThanOrEqual(2);
      for (const t of silent) expect(t.acknowledgedByKey).toBeNull();
    }
  });

  it('has each acknowledging cell break a directive into one to three tasks, and the silent ones none', () => {
    for (const d of work.directives) {
      for (const target of d.targets) {
        const own = work.tasks.filter((t) => t.source.kind === 'directive' && t.source.directiveKey === d.key && t.cellKey === target.cellKey);
        if (target.acknowledgedAt === null) {
          expect(own).toHaveLength(0);
          continue;
        }
        const ackOn = target.acknowledgedAt.slice(0, 10);
        for (const t of own) expect(t.createdOn >= ackOn).toBe(true);
        if (d.key === 'nq-tw4' && target.cellKey === 'cell-luu-quang') continue; // one per member, below
        expect(own.length, `${d.key} ${target.cellKey}`).toBeGreaterThanOrEqual(1);
        expect(own.length, `${d.key} ${target.cellKey}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('gives every task exactly one owner: a member of the cell, or a mass organisation of its village', () => {
    for (const t of work.tasks) {
      expect((t.ownerMemberKey === null) !== (t.ownerUnitKey === null), t.key).toBe(true);
      expect(t.assignerKey).toBe(secretaryOf(t.cellKey));
      if (t.ownerMemberKey) {
        const m = memberByKey.get(t.ownerMemberKey)!;
        expect(memberCell.get(m.key)).toBe(t.cellKey);
        expect(m.status).not.toBe('exempt');
        expect(m.joinedOn <= t.createdOn).toBe(true);
        expect(t.reporterKey).toBe(t.ownerMemberKey);
        expect(t.receivedOn).toBeNull();
        expect(t.handedDownOn).toBeNull();
      } else {
        const org = unitByKey.get(t.ownerUnitKey!)!;
        expect(org.kind).toBe('mass_org');
        expect(org.parentKey).toBe(t.cellKey);
        expect(t.reporterKey).toBe(secretaryOf(t.cellKey));
        expect(t.coworkerKeys).toEqual([]);
      }
      for (const k of t.coworkerKeys) {
        expect(memberCell.get(k)).toBe(t.cellKey);
        expect(k).not.toBe(t.ownerMemberKey);
      }
    }
    expect(new Set(work.tasks.map((t) => t.key)).size).toBe(work.tasks.length);
  });

  it('keeps every task’s dates in 2022 and its reports and close consistent with them', () => {
    for (const t of work.tasks) {
      expectConsistentLife(t.key, t, t.createdOn);
      if (t.receivedOn !== null) {
        expect(t.handedDownOn! >= t.receivedOn).toBe(true);
        expect(t.createdOn).toBe(t.handedDownOn);
      }
    }
    // The same holds for the tasks decided at meetings.
    for (const m of meetings) {
      for (const o of m.agenda.flatMap((a) => a.outcomes)) if (o.task) expectConsistentLife(`${m.cellKey} ${m.date}`, o.task, m.date);
    }
  });

  it('grades directive and hand-down tasks like the others: every one finished, some exceeded, late only in Đồng Thứ’s first quarter and the story’s few cells', () => {
    expect(work.tasks.filter((t) => t.close === null || t.close.outcome === 'not_done')).toEqual([]);
    const share = (o: string) => work.tasks.filter((t) => t.close!.outcome === o).length / work.tasks.length;
    expect(share('exceeded')).toBeGreaterThan(0.1);
    expect(share('late')).toBeGreaterThan(0.01);
    expect(share('late')).toBeLessThan(0.1);
    for (const t of work.tasks.filter((x) => x.close!.outcome === 'late')) {
      expect(t.cellKey === 'cell-dong-thu' ? t.createdOn < '2022-04-01' : taskOptions2022(t.cellKey).lateRate > 0, t.key).toBe(true);
    }
  });
});

describe('buildDemoWork: hand-down to mass organisations', () => {
  it('only Lưu Quang and Đồng Thứ have mass organisations; each hands down 10–25 jobs in the year', () => {
    const withOrgs = new Set(commune.units.filter((u) => u.kind === 'mass_org').map((u) => u.parentKey));
    expect([...withOrgs].sort()).toEqual(['cell-dong-thu', 'cell-luu-quang']);
    for (const cell of cells) {
      const n = handDowns(cell.key).length;
      if (withOrgs.has(cell.key)) {
        expect(n, cell.key).toBeGreaterThanOrEqual(10);
        expect(n, cell.key).toBeLessThanOrEqual(25);
      } else expect(n, cell.key).toBe(0);
    }
    // The jobs come from directives (received the day they were issued) and from meetings.
    for (const t of work.tasks.filter((x) => x.ownerUnitKey)) {
      if (t.source.kind === 'meeting') {
        expect(t.receivedOn).toBe(t.source.meetingDate);
        expect(meetings.some((m) => m.cellKey === t.cellKey && m.kind === 'regular' && m.date === t.receivedOn)).toBe(true);
      } else {
        const source = t.source;
        expect(t.receivedOn).toBe(work.directives.find((d) => d.key === source.directiveKey)!.issuedOn);
      }
    }
  });

  it('Đồng Thứ passed jobs on 7–20 days late before April 2022 and within two days after', () => {
    const all = handDowns('cell-dong-thu');
    const before = all.filter((t) => t.receivedOn! < '2022-04-01');
    const after = all.filter((t) => t.receivedOn! >= '2022-04-01');
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(after.length).toBeGreaterThanOrEqual(6);
    for (const d of delays(before)) expect(d).toBeGreaterThanOrEqual(7);
    for (const d of delays(after)) expect(d).toBeLessThanOrEqual(2);
    expect(averageDelay(delays(before))!).toBeGreaterThan(5 * averageDelay(delays(after))!);
  });

  it('Lưu Quang mostly within three days', () => {
    const d = delays(handDowns('cell-luu-quang'));
    expect(d.filter((x) => x <= 3).length / d.length).toBeGreaterThan(0.75);
    expect(Math.max(...d)).toBeLessThanOrEqual(6);
  });
});

describe('buildDemoWork: Lưu Quang plans Nghị quyết T.Ư 4 for all its members', () => {
  const nq = work.tasks.filter((t) => t.cellKey === 'cell-luu-quang' && t.source.kind === 'directive' && t.source.directiveKey === 'nq-tw4');
  const studies = nq.filter((t) => t.deliverable === 'Bản thu hoạch nộp chi ủy');

  it('gives every member a study-and-essay task due within about a month', () => {
    const given = studies[0]!.createdOn;
    const expected = unitByKey.get('cell-luu-quang')!.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= given).map((m) => m.key);
    expect(studies.map((t) => t.ownerMemberKey).sort()).toEqual(expected.sort());
    for (const t of studies) {
      expect(t.title).toBe('Nghiên cứu, học tập Nghị quyết Trung ương 4 khóa XIII; viết bản thu hoạch, liên hệ bản thân');
      expect(daysBetween(t.createdOn, t.deadline)).toBeGreaterThanOrEqual(25);
      expect(daysBetween(t.createdOn, t.deadline)).toBeLessThanOrEqual(35);
    }
    const outcomes = studies.map((t) => t.close!.outcome);
    // Every essay came in on time, some beyond what was asked: the cell rated on this work.
    expect(outcomes.every((o) => o === 'on_time' || o === 'exceeded')).toBe(true);
    expect(outcomes).toContain('exceeded');
  });

  it('has the cell committee plan it, hold the thematic session and sum up the essays', () => {
    const committee = nq.filter((t) => !studies.includes(t));
    expect(committee.length).toBeGreaterThanOrEqual(2);
    expect(committee.length).toBeLessThanOrEqual(3);
    expect(committee.map((t) => t.title).join(' ')).toMatch(/kế hoạch.*sinh hoạt chuyên đề.*thu hoạch/i);
    expect(committee[0]!.ownerMemberKey).toBe(secretaryOf('cell-luu-quang'));
    expect(committee[1]!.ownerMemberKey).toBe(clerkOf('cell-luu-quang'));
  });
});

describe('buildDemoWork: commitments 2022', () => {
  const lines = work.commitments;
  const ofMember = (key: string) => lines.filter((c) => c.memberKey === key);

  it('every member who took part in 2022 pledges 4–8 lines, at least one a Chỉ thị 05 "làm theo" pledge', () => {
    for (const cell of cells) {
      for (const m of cell.members) {
        const own = ofMember(m.key);
        if (m.status === 'exempt' || m.joinedOn > PLEDGE_CUTOFF) {
          expect(own, m.key).toHaveLength(0);
          continue;
        }
        expect(own.length, m.key).toBeGreaterThanOrEqual(4);
        expect(own.length, m.key).toBeLessThanOrEqual(8);
        expect(own.some((c) => c.section === 'directive_05'), m.key).toBe(true);
        expect(own.map((c) => c.position)).toEqual(own.map((_, i) => i + 1));
        for (const c of own) {
          expect(c).toMatchObject({ unitKey: cell.key, subjectKind: 'member', year: 2022, createdByKey: m.key, confirmedByKey: secretaryOf(cell.key) });
          expect(commitmentSections).toContain(c.section);
          // Registered and confirmed at the start of the year (or soon after joining).
          if (m.joinedOn < '2022-01-01') expect(c.confirmedOn!.slice(0, 7) <= '2022-02').toBe(true);
          else expect(c.createdOn > m.joinedOn).toBe(true);
        }
      }
    }
  });

  it('Đồng Thứ’s members pledge to come on time and to speak frankly', () => {
    const dongThu = unitByKey.get('cell-dong-thu')!.members.filter((m) => ofMember(m.key).length > 0);
    expect(dongThu.length).toBeGreaterThan(15);
    for (const m of dongThu) {
      const fixes = ofMember(m.key).filter((c) => c.section === 'fix_shortcomings').map((c) => c.title);
      expect(fixes.some((t) => /muộn/.test(t))).toBe(true);
      expect(fixes.some((t) => /thẳng thắn/.test(t))).toBe(true);
    }
  });

  it('every cell commits to 4–6 measurable targets, confirmed and evaluated by the commune committee', () => {
    for (const cell of cells) {
      const own = lines.filter((c) => c.subjectKind === 'unit' && c.unitKey === cell.key);
      expect(own.length, cell.key).toBeGreaterThanOrEqual(4);
      expect(own.length, cell.key).toBeLessThanOrEqual(6);
      for (const c of own) {
        expect(c).toMatchObject({ kind: 'measurable', memberKey: null, confirmedByKey: committeeKey, evaluatedByKey: committeeKey, createdByKey: secretaryOf(cell.key) });
        expect(c.confirmedOn!.startsWith('2022-01')).toBe(true);
      }
    }
  });

  it('is evaluated in December 2022 (with the reason it did not wait), measurable lines by their percent', () => {
    for (const c of lines) {
      expect(c.evaluatedOn!.startsWith('2022-12')).toBe(true);
      expect(c.earlyEvaluationReason!.length).toBeGreaterThan(10);
      expect(c.evaluationNote!.length).toBeGreaterThan(5);
      expect(c.createdOn <= c.confirmedOn!).toBe(true);
      if (c.kind === 'measurable') {
        expect(c.targetValue).not.toBeNull();
        expect(c.measureUnit).toBeTruthy();
        expect(['more', 'less']).toContain(c.direction);
        const percent = commitmentPercent(c.targetValue!, c.actualValue!, c.direction!);
        expect(c.resultPercent).toBe(percent);
        expect(c.result).toBe(measurableResult(percent));
      } else {
        expect(c).toMatchObject({ targetValue: null, measureUnit: null, direction: null, actualValue: null, resultPercent: null });
        expect(c.evidence).toBeTruthy();
      }
      expect(c.progress.length).toBeGreaterThanOrEqual(1);
      expect(c.progress.length).toBeLessThanOrEqual(3);
      let previous = c.confirmedOn!;
      for (const p of c.progress) {
        expect(p.on > previous && p.on < c.evaluatedOn!).toBe(true);
        expect((p.value === null) === (c.kind === 'qualitative')).toBe(true);
        previous = p.on;
      }
    }
    const kinds = new Set(lines.filter((c) => c.subjectKind === 'member').map((c) => c.kind));
    expect(kinds).toEqual(new Set(['measurable', 'qualitative']));
  });

  it('ends the year with about four in five achieved, one in ten exceeded, the rest not achieved', () => {
    const share = (r: string) => lines.filter((c) => c.result === r).length / lines.length;
    expect(share('achieved')).toBeGreaterThan(0.72);
    expect(share('achieved')).toBeLessThan(0.86);
    expect(share('exceeded')).toBeGreaterThan(0.06);
    expect(share('exceeded')).toBeLessThan(0.15);
    expect(share('not_achieved')).toBeGreaterThan(0.05);
    expect(share('not_achieved')).toBeLessThan(0.18);
  });

  it('measures the cells’ hand-down targets by the delays recorded', () => {
    for (const key of ['cell-dong-thu', 'cell-luu-quang']) {
      const line = lines.find((c) => c.unitKey === key && c.subjectKind === 'unit' && c.direction === 'less')!;
      expect(line.actualValue).toBe(averageDelay(delays(handDowns(key))));
    }
    const dongThu = lines.find((c) => c.unitKey === 'cell-dong-thu' && c.subjectKind === 'unit' && c.direction === 'less')!;
    expect(dongThu.result).toBe('not_achieved');
  });
});
