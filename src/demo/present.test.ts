import { describe, expect, it } from 'vitest';
import { buildDemoCommune } from './commune.js';
import { buildDemoPresent, presentWindow, type DemoPresent } from './present.js';
import { todayInVietnam } from '../domain/vietnam-time.js';
import { addDays, type DemoTask } from './meetings.js';
import { allowedOutcomes } from '../domain/tasks.js';
import { demoCitizenMessages, demoLocalIssues } from './local-issues.js';

const demo = buildDemoCommune();
const tasksOf = (p: DemoPresent) => p.meetings.flatMap((m) => m.agenda.flatMap((a) => a.outcomes.flatMap((o) => (o.task ? [{ meeting: m, task: o.task }] : []))));
const isOpen = (t: DemoTask) => t.close === null;

describe('the present window', () => {
  it('is the twelve months before this one, never reaching into 2022', () => {
    expect(presentWindow('2026-12-07').heldMonths).toEqual(Array.from({ length: 12 }, (_, i) => (i === 0 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`)));
    const january = presentWindow('2027-01-03');
    expect(january.heldMonths[0]).toBe('2026-01');
    expect(january.heldMonths.at(-1)).toBe('2026-12');
    expect(january.previousQuarter).toMatchObject({ year: 2026, quarter: 4 });
    expect(presentWindow('2023-03-10').heldMonths).toEqual(['2023-01', '2023-02']);
    expect(presentWindow('2023-03-10').previousQuarter).toBeNull();
  });

  it('refuses a day in or before 2022, the article’s year, and anything that is not a date', () => {
    expect(() => presentWindow('2022-06-01')).toThrow(/2023/);
    expect(() => presentWindow('yesterday')).toThrow(/yyyy-mm-dd/);
  });

  it('takes today in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(todayInVietnam(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-06');
  });
});

describe.each(['2026-12-07', '2027-01-03', '2026-07-15'])('the present seeded on %s', (today) => {
  const present = buildDemoPresent(demo, today);
  const cells = demo.units.filter((u) => u.kind === 'cell');
  const yesterday = addDays(today, -1);

  it('is deterministic for the day', () => {
    expect(buildDemoPresent(demo, today)).toEqual(present);
  });

  it('holds every cell’s monthly meeting up to last month, complete, and calls this month’s a few days ahead', () => {
    for (const cell of cells) {
      const own = present.meetings.filter((m) => m.cellKey === cell.key);
      const held = own.filter((m) => !m.planned);
      expect(held.filter((m) => m.kind === 'regular').map((m) => m.date.slice(0, 7))).toEqual(present.window.heldMonths);
      // One thematic meeting a quarter, in its middle month, after the regular one.
      const thematic = held.filter((m) => m.kind === 'thematic');
      expect(thematic.map((m) => m.date.slice(0, 7))).toEqual(present.window.heldMonths.filter((month) => Number(month.slice(5, 7)) % 3 === 2));
      for (const m of thematic) {
        const regular = held.find((r) => r.kind === 'regular' && r.date.slice(0, 7) === m.date.slice(0, 7))!;
        expect(m.date > regular.date).toBe(true);
        expect(m.topic).toBeTruthy();
        expect(m.agenda.flatMap((a) => a.outcomes).some((o) => o.task !== null)).toBe(true);
      }
      for (const m of held) {
        expect(m.date < today).toBe(true);
        expect(m.attendance.every((a) => a.status !== 'pending')).toBe(true);
        expect(m.attendance.filter((a) => a.role === 'member').length).toBeGreaterThan(0);
      }
      const planned = own.filter((m) => m.planned);
      expect(planned).toHaveLength(1);
      const days = (Date.parse(planned[0]!.date) - Date.parse(today)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(2);
      expect(days).toBeLessThanOrEqual(7);
      expect(planned[0]!.attendance.every((a) => a.status === 'pending')).toBe(true);
    }
    // Realistic attendance: most members present, a few excused or late.
    const rows = present.meetings.filter((m) => !m.planned).flatMap((m) => m.attendance.filter((a) => a.role === 'member'));
    const presentShare = rows.filter((a) => a.status === 'present').length / rows.length;
    expect(presentShare).toBeGreaterThan(0.85);
    expect(presentShare).toBeLessThan(0.99);
  });

  it('gives tasks with one owner taking part; open, due soon and overdue by days, the rest graded by yesterday', () => {
    const all = tasksOf(present);
    for (const { meeting, task } of all) {
      expect(meeting.attendance.some((a) => a.memberKey === task.ownerKey)).toBe(true);
      expect(task.deliverable).toBeTruthy();
      expect(task.deadline > meeting.date).toBe(true);
      for (const p of task.progress) expect(p.on <= yesterday).toBe(true);
      if (task.close) {
        expect(task.close.on <= yesterday).toBe(true);
        expect(allowedOutcomes(task.deadline, task.doneOn)).toContain(task.close.outcome);
      }
    }
    const open = all.filter((x) => isOpen(x.task)).map((x) => x.task);
    const overdue = open.filter((t) => t.deadline < today);
    expect(open.length).toBeGreaterThan(25);
    expect(open.filter((t) => t.deadline >= today && t.deadline <= addDays(today, 7)).length).toBeGreaterThan(3);
    expect(overdue.length).toBeGreaterThan(0);
    // Overdue by days, never by months.
    for (const t of overdue) expect(t.deadline >= addDays(today, -21)).toBe(true);
    expect(all.filter((x) => !isOpen(x.task)).length).toBeGreaterThan(open.length);
  });

  it('issues a directive a quarter, acknowledged within days (the newest still waiting at some cells), each made into tasks', () => {
    const { directives, tasks } = present.work;
    expect(directives.length).toBeGreaterThanOrEqual(3);
    for (const d of directives) {
      expect(d.issuedOn < today).toBe(true);
      expect(d.title).not.toMatch(/\{/);
      expect(d.targets).toHaveLength(cells.length);
      for (const target of d.targets.filter((x) => x.acknowledgedAt !== null)) {
        expect(target.acknowledgedAt!.slice(0, 10) < today).toBe(true);
        expect(target.acknowledgedAt!.slice(0, 10) > d.issuedOn).toBe(true);
        // A cell that acknowledged made at least its secretary's task of it.
        expect(tasks.some((t) => t.source.kind === 'directive' && t.source.directiveKey === d.key && t.cellKey === target.cellKey)).toBe(true);
      }
    }
    // The newest is still being acknowledged; older ones are acknowledged everywhere by now.
    const newest = directives.at(-1)!;
    expect(newest.targets.some((x) => x.acknowledgedAt === null)).toBe(true);
    expect(newest.targets.some((x) => x.acknowledgedAt !== null)).toBe(true);
    for (const d of directives.filter((x) => x.issuedOn < addDays(today, -20))) expect(d.targets.every((x) => x.acknowledgedAt !== null)).toBe(true);
    const handedDown = tasks.filter((t) => t.ownerUnitKey !== null);
    expect(handedDown.length).toBeGreaterThan(0);
    for (const t of handedDown) expect(t.handedDownOn! >= t.receivedOn!).toBe(true);
    for (const t of tasks) {
      expect(t.createdOn <= yesterday).toBe(true);
      expect(t.progress.every((p) => p.on <= yesterday)).toBe(true);
      if (t.close) expect(allowedOutcomes(t.deadline, t.doneOn ?? t.close.on)).toContain(t.close.outcome);
    }
  });

  it('registers this year’s commitments of every member and cell; confirmed with progress once the year’s first meeting is held', () => {
    const thisYear = present.commitments.filter((c) => c.year === present.window.year);
    expect(thisYear.every((c) => c.result === null)).toBe(true);
    for (const cell of cells) expect(thisYear.some((c) => c.unitKey === cell.key && c.subjectKind === 'unit')).toBe(true);
    const dangvien = demo.accounts.find((a) => a.username === 'dangvien.dongthu')!.memberKey;
    expect(thisYear.some((c) => c.memberKey === dangvien)).toBe(true);
    for (const c of present.commitments) {
      expect(c.createdOn <= today).toBe(true);
      if (c.confirmedOn) expect(c.createdOn <= c.confirmedOn && c.confirmedOn < today).toBe(true);
      for (const p of c.progress) expect(p.on >= c.confirmedOn! && p.on < today).toBe(true);
    }
    if (today.endsWith('-01-03')) expect(thisYear.every((c) => c.confirmedOn === null)).toBe(true);
    else {
      expect(thisYear.every((c) => c.confirmedOn !== null)).toBe(true);
      expect(thisYear.filter((c) => c.progress.length > 0).length / thisYear.length).toBeGreaterThan(0.9);
    }
  });

  it('evaluates last year’s commitments at its year-end review while the window reaches into that year', () => {
    const lastYear = present.commitments.filter((c) => c.year === present.window.year - 1);
    const reaches = present.window.heldMonths.some((m) => m.startsWith(`${present.window.year - 1}-`));
    expect(lastYear.length > 0).toBe(reaches);
    expect(present.commitments.every((c) => c.year >= present.window.year - 1)).toBe(true);
    for (const c of lastYear) {
      expect(c.result).not.toBeNull();
      expect(c.evaluatedOn!.startsWith(`${c.year}-12-`)).toBe(true);
      expect(c.earlyEvaluationReason).toBeTruthy();
      if (c.kind === 'measurable') {
        expect(c.actualValue).toBe(c.progress.at(-1)!.value);
        expect(c.resultPercent).not.toBeNull();
      }
    }
    if (reaches) {
      // Mostly kept, not all: the review is a judgement, not a formality.
      const kept = lastYear.filter((c) => c.result !== 'not_achieved').length / lastYear.length;
      expect(kept).toBeGreaterThan(0.6);
      expect(kept).toBeLessThan(1);
    }
  });

  it('opens this quarter’s self-examination with some submitted and some drafting; last quarter’s done', () => {
    const { quarter, previousQuarter } = present.window;
    const now = present.selfExam.selfExaminations.filter((e) => e.year === quarter.year && e.quarter === quarter.quarter);
    expect(now.filter((e) => e.status !== 'draft').length).toBeGreaterThan(20);
    expect(now.filter((e) => e.status === 'draft').length).toBeGreaterThan(10);
    for (const e of present.selfExam.selfExaminations) {
      expect(e.createdAt.slice(0, 10) <= yesterday).toBe(true);
      if (e.status !== 'draft') expect(e.answers).toHaveLength(37);
      if (e.reviewedAt) expect(e.reviewedAt >= e.submittedAt! && e.reviewedAt.slice(0, 10) <= yesterday).toBe(true);
    }
    const before = present.selfExam.selfExaminations.filter((e) => e.year === previousQuarter!.year && e.quarter === previousQuarter!.quarter);
    expect(before.filter((e) => e.status !== 'draft').length / before.length).toBeGreaterThan(0.85);
    expect(before.filter((e) => e.status === 'reviewed').length / before.length).toBeGreaterThan(0.3);
  });

  it('has correction items in progress and feedback waiting for an answer', () => {
    const items = present.selfExam.planItems;
    expect(items.filter((i) => i.status === 'open').length).toBeGreaterThan(50);
    for (const i of items) {
      if (i.status === 'fixed') expect(i.verifiedOn! <= yesterday && i.claimedOn! <= i.verifiedOn!).toBe(true);
      for (const p of i.progress) expect(p.at.slice(0, 10) <= yesterday).toBe(true);
    }
    const waiting = present.selfExam.feedback.filter((f) => f.status === 'open');
    expect(waiting.length).toBeGreaterThan(20);
    const dangvien = demo.accounts.find((a) => a.username === 'dangvien.dongthu')!.memberKey;
    expect(waiting.some((f) => f.receiverKey === dangvien)).toBe(true);
    for (const f of present.selfExam.feedback) {
      expect(f.givenOn <= yesterday).toBe(true);
      if (f.status === 'accepted') expect(items.some((i) => i.feedbackKey === f.key)).toBe(true);
    }
  });

  it('dates the recent local issues and citizens’ messages from today, the story’s from 2022', () => {
    const issues = demoLocalIssues(today);
    expect(issues.find((i) => i.key === 'trai-khong')!.createdOn).toBe('2022-01-10');
    const messages = demoCitizenMessages(today);
    const recent = messages.filter((m) => m.sentOn > addDays(today, -30));
    expect(recent.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) expect(m.sentOn <= today).toBe(true);
    const open = issues.find((i) => i.key === 'xay-dung-truoc-2014')!.tasks!.find((t) => !t.doneOn)!;
    expect(open.deadline > today && open.givenOn < today).toBe(true);
  });
});
