import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildDemoCommune, type DemoMember } from './commune.js';
import { buildDemoMeetings, DEMO_MEETINGS_YEAR, taskOptions2022, type DemoMeeting } from './meetings.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { localDate } from '../domain/vietnam-time.js';
import { daysBetween } from '../domain/tasks.js';
import { joinFullName } from '../domain/vietnamese.js';

const commune = buildDemoCommune();
const meetings = buildDemoMeetings(commune);
const cells = commune.units.filter((u) => u.kind === 'cell');
const cellOf = new Map(cells.map((c) => [c.key, c]));
const memberByKey = new Map<string, DemoMember>(commune.units.flatMap((u) => u.members.map((m) => [m.key, m] as const)));

/** Member keys of the commune committee people who may visit a cell as guests. */
const committeeKeys = new Set(
  commune.accounts
    .filter((a) => a.roles.some((r) => r.unitKey === 'commune' && (r.role === 'party_committee' || r.role === 'inspection')))
    .map((a) => a.memberKey)
    .filter((k): k is string => k !== null),
);

const rubric = JSON.parse(readFileSync(new URL('../../reference/meeting-rubric-sample.json', import.meta.url), 'utf8')) as {
  criteria: { code: string; points: number }[];
};
const maxPoints = new Map(rubric.criteria.map((c) => [c.code, c.points]));

const startOf = (m: DemoMeeting): string => meetingStartsAt(m.date, m.startTime);
const lateRows = (m: DemoMeeting) => m.attendance.filter((a) => a.arrivedAt !== null && Date.parse(a.arrivedAt) > Date.parse(startOf(m)));
const tasksOf = (m: DemoMeeting) => m.agenda.flatMap((i) => i.outcomes).filter((o) => o.kind === 'task');
const dongThu = meetings.filter((m) => m.cellKey === 'cell-dong-thu');
const dongThuRegular = (month: number): DemoMeeting => {
  const found = dongThu.find((m) => m.kind === 'regular' && Number(m.date.slice(5, 7)) === month);
  if (!found) throw new Error(`no Đồng Thứ regular meeting in month ${month}`);
  return found;
};

describe('buildDemoMeetings: shape', () => {
  it('is deterministic', () => {
    expect(buildDemoMeetings(buildDemoCommune())).toEqual(meetings);
    expect(DEMO_MEETINGS_YEAR).toBe(2022);
  });

  it('gives every cell 12 regular meetings (one a month) and 4 thematic ones (one a quarter), all in 2022', () => {
    expect(cells.length).toBeGreaterThan(0);
    expect(meetings).toHaveLength(cells.length * 16);
    for (const cell of cells) {
      const own = meetings.filter((m) => m.cellKey === cell.key);
      expect(own).toHaveLength(16);
      for (const m of own) expect(m.date.slice(0, 4)).toBe(String(DEMO_MEETINGS_YEAR));
      const regular = own.filter((m) => m.kind === 'regular');
      const thematic = own.filter((m) => m.kind === 'thematic');
      expect(regular).toHaveLength(12);
      expect(new Set(regular.map((m) => m.date.slice(5, 7))).size).toBe(12);
      for (const m of regular) expect(m.topic).toBeNull();
      expect(thematic).toHaveLength(4);
      expect(new Set(thematic.map((m) => Math.ceil(Number(m.date.slice(5, 7)) / 3))).size).toBe(4);
      for (const m of thematic) expect(m.topic).toBeTruthy();
      // A thematic meeting never falls on the regular meeting's day.
      const regularDates = new Set(regular.map((m) => m.date));
      for (const m of thematic) expect(regularDates.has(m.date)).toBe(false);
    }
  });

  it('uses real calendar dates and sensible places and times', () => {
    for (const m of meetings) {
      expect(new Date(`${m.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(m.date);
      expect(m.startTime).toMatch(/^\d{2}:\d{2}$/);
      const village = cellOf.get(m.cellKey)!.name.startsWith('Chi bộ thôn ');
      if (village) {
        expect(m.startTime).toBe('19:30');
        expect(m.place).toMatch(/^Nhà văn hóa thôn /);
      } else {
        expect(['08:00', '14:00']).toContain(m.startTime);
        expect(m.place).toMatch(/^(Hội trường|Phòng họp) /);
      }
    }
  });

  it('is chaired by the cell secretary, with another official member as clerk', () => {
    for (const m of meetings) {
      const cell = cellOf.get(m.cellKey)!;
      const chair = memberByKey.get(m.chairKey)!;
      expect(joinFullName(chair)).toBe(cell.contactName);
      expect(m.secretaryKey).not.toBe(m.chairKey);
      expect(cell.members.find((x) => x.key === m.secretaryKey)?.status).toBe('official');
    }
  });
});

describe('buildDemoMeetings: attendance', () => {
  it('lists only the cell’s own non-exempt members who had joined, plus commune committee guests', () => {
    for (const m of meetings) {
      const cell = cellOf.get(m.cellKey)!;
      const own = new Set(cell.members.map((x) => x.key));
      const keys = m.attendance.map((a) => a.memberKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const a of m.attendance) {
        const member = memberByKey.get(a.memberKey)!;
        expect(member).toBeDefined();
        expect(member.joinedOn <= m.date).toBe(true);
        if (a.role === 'guest') {
          expect(committeeKeys.has(a.memberKey)).toBe(true);
          expect(own.has(a.memberKey)).toBe(false);
        } else {
          expect(own.has(a.memberKey)).toBe(true);
          expect(member.status).not.toBe('exempt');
          expect(a.status).not.toBe('exempt');
        }
      }
      // Every eligible member is on the list.
      const eligible = cell.members.filter((x) => x.status !== 'exempt' && x.joinedOn <= m.date);
      expect(m.attendance.filter((a) => a.role === 'member')).toHaveLength(eligible.length);
      // At most one guest.
      expect(m.attendance.filter((a) => a.role === 'guest').length).toBeLessThanOrEqual(1);
    }
  });

  it('has an arrival time exactly for those present, on the meeting’s local day', () => {
    for (const m of meetings) {
      for (const a of m.attendance) {
        expect(a.status === 'present').toBe(a.arrivedAt !== null);
        if (a.arrivedAt) expect(localDate(a.arrivedAt)).toBe(m.date);
        if (a.status === 'excused') {
          expect(a.reason).toBeTruthy();
          expect(a.reported).not.toBeNull();
        }
        if (a.role === 'guest') expect(a.status).toBe('present');
      }
      // The chair and the clerk are there.
      for (const key of [m.chairKey, m.secretaryKey]) {
        expect(m.attendance.find((a) => a.memberKey === key)?.status).toBe('present');
      }
    }
  });

  it('looks like real attendance overall: most present, a few excused, fewer absent, some late', () => {
    const rows = meetings.flatMap((m) => m.attendance.filter((a) => a.role === 'member'));
    const share = (s: string) => rows.filter((a) => a.status === s).length / rows.length;
    expect(share('present')).toBeGreaterThan(0.88);
    expect(share('excused')).toBeGreaterThan(0.02);
    expect(share('absent')).toBeGreaterThan(0.003);
    expect(share('absent')).toBeLessThan(share('excused'));
    const late = meetings.reduce((n, m) => n + lateRows(m).length, 0);
    const present = rows.filter((a) => a.status === 'present').length;
    expect(late / present).toBeGreaterThan(0.03);
    expect(late / present).toBeLessThan(0.15);
  });
});

describe('buildDemoMeetings: agenda and tasks', () => {
  it('has 3–5 agenda items with present member presenters', () => {
    for (const m of meetings) {
      expect(m.agenda.length).toBeGreaterThanOrEqual(3);
      expect(m.agenda.length).toBeLessThanOrEqual(5);
      const present = new Set(m.attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey));
      for (const item of m.agenda) {
        expect(item.title).toBeTruthy();
        expect(item.minutes).toBeTruthy();
        expect(item.plannedMinutes).toBeGreaterThanOrEqual(10);
        expect(item.plannedMinutes).toBeLessThanOrEqual(45);
        if (item.presenterKey !== null) expect(present.has(item.presenterKey)).toBe(true);
      }
    }
  });

  it('adopts a resolution by a vote of the official members present (probationary members do not vote)', () => {
    let withProbationary = 0;
    for (const m of meetings) {
      const decisions = m.agenda.flatMap((i) => i.outcomes).filter((o) => o.kind === 'decision');
      expect(decisions.length).toBeGreaterThanOrEqual(1);
      const present = m.attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => memberByKey.get(a.memberKey)!);
      const voters = present.filter((p) => p.officialOn !== null && p.officialOn <= m.date).length;
      if (voters < present.length) withProbationary++;
      for (const d of decisions) expect(d.votes).toEqual({ for: voters, against: 0, abstain: 0 });
    }
    expect(withProbationary).toBeGreaterThan(0);
  });

  it('gives every task to a member taking part, due 2–5 weeks later', () => {
    for (const m of meetings) {
      const members = new Set(m.attendance.filter((a) => a.role === 'member').map((a) => a.memberKey));
      for (const o of tasksOf(m)) {
        const t = o.task!;
        expect(members.has(t.ownerKey)).toBe(true);
        expect(t.deadline > m.date).toBe(true);
        const days = (Date.parse(t.deadline) - Date.parse(m.date)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(14);
        expect(days).toBeLessThanOrEqual(35);
        if (t.doneOn !== null) expect(t.doneOn > m.date).toBe(true);
        expect(o.votes).toBeNull();
      }
      for (const o of m.agenda.flatMap((i) => i.outcomes)) expect(o.kind === 'task').toBe(o.task !== null);
    }
  });

  it('keeps chair scores within the rubric maxima', () => {
    const codes = ['prepare', 'review', 'criticism', 'resolution', 'dues'];
    for (const m of meetings) {
      expect(Object.keys(m.chairScores).sort()).toEqual([...codes].sort());
      for (const [code, points] of Object.entries(m.chairScores)) {
        const max = maxPoints.get(code);
        expect(max).toBeDefined();
        expect(Number.isInteger(points)).toBe(true);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(max!);
      }
    }
  });
});

describe('buildDemoMeetings: the Đồng Thứ story', () => {
  it('January–March: at least five late each time, timid criticism, vague tasks', () => {
    for (const month of [1, 2, 3]) {
      const m = dongThuRegular(month);
      expect(lateRows(m).length).toBeGreaterThanOrEqual(5);
      expect(lateRows(m).length).toBeLessThanOrEqual(8);
      expect(m.chairScores.criticism).toBeLessThanOrEqual(7);
      const text = m.agenda.map((i) => i.minutes).join(' ');
      expect(text).toMatch(/nể nang|dĩ hòa vi quý/);
      expect(text).toMatch(/chung chung/);
    }
  });

  it('April: everyone on time, a committee guest, frank criticism, named tasks', () => {
    const m = dongThuRegular(4);
    expect(lateRows(m)).toHaveLength(0);
    expect(m.attendance.filter((a) => a.status !== 'present')).toHaveLength(0);
    const guests = m.attendance.filter((a) => a.role === 'guest');
    expect(guests.length).toBeGreaterThanOrEqual(1);
    for (const g of guests) expect(committeeKeys.has(g.memberKey)).toBe(true);

    const criticism = m.agenda.find((i) => /phê bình/.test(i.title));
    expect(criticism).toBeDefined();
    for (const aspect of ['tác phong', 'lề lối làm việc', 'phát ngôn', 'thái độ ứng xử', 'nêu gương']) {
      expect(criticism!.minutes).toContain(aspect);
    }
    expect(criticism!.minutes).toContain('tiếp thu');
    // Names real demo members of the cell.
    const cell = cellOf.get('cell-dong-thu')!;
    const named = cell.members.filter((x) => criticism!.minutes.includes(joinFullName(x)));
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(m.chairScores.criticism).toBe(15);

    const tasks = tasksOf(m);
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    expect(tasks.length).toBeLessThanOrEqual(6);
    expect(new Set(tasks.map((t) => t.task!.ownerKey)).size).toBe(tasks.length);
    for (const t of tasks) {
      const days = (Date.parse(t.task!.deadline) - Date.parse(m.date)) / 86_400_000;
      expect(days).toBeLessThanOrEqual(31);
    }
    const decision = m.agenda.flatMap((i) => i.outcomes).find((o) => o.kind === 'decision');
    expect(decision?.votes).toEqual({ for: m.attendance.filter((a) => a.role === 'member').length, against: 0, abstain: 0 });
  });

  it('from May on: punctual (at most one late a meeting)', () => {
    for (const m of dongThu.filter((x) => x.date >= '2022-05-01')) {
      expect(lateRows(m).length).toBeLessThanOrEqual(1);
    }
  });

  it('lists still-open tasks as carried over at a later meeting', () => {
    const carried = meetings.filter((m) => m.agenda.some((i) => i.minutes.includes('Chuyển tiếp sang tháng này')));
    expect(carried.length).toBeGreaterThan(0);
  });
});

describe('buildDemoMeetings: what became of the tasks', () => {
  const all = meetings.flatMap((m) => tasksOf(m).map((o) => ({ meeting: m, task: o.task! })));
  const closed = all.filter((x) => x.task.close !== null);
  const share = (outcome: string) => closed.filter((x) => x.task.close!.outcome === outcome).length / closed.length;

  it('says what counts as done for every task but Đồng Thứ’s vague ones of January–March', () => {
    for (const { meeting, task } of all) {
      const vague = meeting.cellKey === 'cell-dong-thu' && meeting.date < '2022-04-01';
      if (vague) expect(task.deliverable, task.title).toBeNull();
      else expect(task.deliverable?.length ?? 0, task.title).toBeGreaterThan(10);
    }
    expect(all.filter((x) => x.task.deliverable === null).length).toBeGreaterThanOrEqual(6);
  });

  it('keeps every date within 2022', () => {
    for (const { meeting, task } of all) {
      expect(task.deadline <= '2022-12-31', `${meeting.cellKey} ${task.title}`).toBe(true);
      if (task.doneOn !== null) expect(task.doneOn <= '2022-12-31').toBe(true);
    }
  });

  it('gives some tasks one or two helpers from the meeting, never the owner', () => {
    for (const { meeting, task } of all) {
      expect(task.coworkerKeys.length).toBeLessThanOrEqual(2);
      expect(new Set(task.coworkerKeys).size).toBe(task.coworkerKeys.length);
      const members = new Set(meeting.attendance.filter((a) => a.role === 'member').map((a) => a.memberKey));
      for (const k of task.coworkerKeys) {
        expect(k).not.toBe(task.ownerKey);
        expect(members.has(k)).toBe(true);
      }
    }
    const helped = all.filter((x) => x.task.coworkerKeys.length > 0).length / all.length;
    expect(helped).toBeGreaterThan(0.15);
    expect(helped).toBeLessThan(0.35);
    expect(new Set(all.map((x) => x.task.priority))).toEqual(new Set(['high', 'normal', 'low']));
  });

  it('closes every task a few days after the work was done, as done on time, late or exceeded', () => {
    for (const { meeting, task } of all) {
      const c = task.close!;
      expect(task.doneOn, `${meeting.cellKey} ${task.title}`).not.toBeNull();
      expect(c.comment.length).toBeGreaterThan(10);
      expect(c.on > meeting.date && c.on <= '2022-12-31').toBe(true);
      expect(c.outcome).toBe(task.doneOn! > task.deadline ? 'late' : c.outcome === 'exceeded' ? 'exceeded' : 'on_time');
      expect(daysBetween(task.doneOn!, c.on)).toBeGreaterThanOrEqual(0);
      expect(daysBetween(task.doneOn!, c.on)).toBeLessThanOrEqual(10);
      if (task.deliverable === null) expect(c.outcome).not.toBe('exceeded');
    }
    expect(share('exceeded')).toBeGreaterThan(0.15);
    expect(share('exceeded')).toBeLessThan(0.3);
    expect(share('late')).toBeGreaterThan(0.01);
    expect(share('late')).toBeLessThan(0.06);
  });

  it('has owners report progress in rising percent, 100% on the day the work was done', () => {
    for (const { meeting, task } of all) {
      const p = task.progress;
      expect(p.length).toBeGreaterThanOrEqual(1);
      expect(p.length).toBeLessThanOrEqual(3);
      for (let i = 0; i < p.length; i++) {
        expect(p[i]!.text.length).toBeGreaterThan(5);
        expect(p[i]!.on > (i === 0 ? meeting.date : p[i - 1]!.on)).toBe(true);
        if (i > 0) expect(p[i]!.percent).toBeGreaterThan(p[i - 1]!.percent);
      }
      const last = p.at(-1)!;
      if (task.doneOn !== null) expect(last).toMatchObject({ on: task.doneOn, percent: 100 });
      else expect(last.percent).toBeLessThan(100);
      if (task.close) expect(last.on <= task.close.on).toBe(true);
    }
  });

  it('leaves nothing of 2022 undone; work ran late only in Đồng Thứ’s first quarter and the story’s few cells, never over a fifth of a cell’s', () => {
    expect(all.filter((x) => x.task.close === null || x.task.close.outcome === 'not_done')).toEqual([]);
    const lateCells = new Set(cells.filter((c) => taskOptions2022(c.key).lateRate > 0).map((c) => c.key));
    expect(lateCells.size).toBeGreaterThanOrEqual(3);
    expect(lateCells.has('cell-dong-thu') || lateCells.has('cell-luu-quang')).toBe(false);
    for (const cell of cells) {
      const own = all.filter((x) => x.meeting.cellKey === cell.key);
      const late = own.filter((x) => x.task.close!.outcome === 'late');
      if (cell.key === 'cell-dong-thu') {
        expect(late.length).toBeGreaterThan(0);
        for (const { meeting } of late) expect(meeting.date < '2022-04-01', meeting.date).toBe(true);
      } else if (!lateCells.has(cell.key)) expect(late, cell.key).toEqual([]);
      expect(late.length / own.length, cell.key).toBeLessThanOrEqual(0.2);
    }
    expect(cells.filter((c) => lateCells.has(c.key) && all.some((x) => x.meeting.cellKey === c.key && x.task.close!.outcome === 'late')).length).toBeGreaterThanOrEqual(3);
  });
});
