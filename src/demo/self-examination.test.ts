import { describe, expect, it } from 'vitest';
import { buildDemoCommune, DEMO_REFERENCE_DATE, type DemoMember } from './commune.js';
import { buildDemoMeetings } from './meetings.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { joinFullName } from '../domain/vietnamese.js';
import { planItemFixedOnTime, planItemOverdue } from '../domain/self-examination.js';
import {
  buildDemoSelfExamination,
  DEMO_SELF_EXAM_YEAR,
  EXEMPLARY_CODES,
  lowParticipationCells,
  MANIFESTATION_CODES,
  type DemoFeedback,
  type DemoSelfExamination,
} from './self-examination.js';
import { causeKinds, exemplaryMarks, feedbackTopics, manifestationMarks, planItemStatuses } from '../shared/enums.js';

const commune = buildDemoCommune();
const meetings = buildDemoMeetings(commune);
const data = buildDemoSelfExamination(commune, meetings);
const DONG_THU = 'cell-dong-thu';
const cells = commune.units.filter((u) => u.kind === 'cell');
const memberByKey = new Map<string, DemoMember>(commune.units.flatMap((u) => u.members.map((m) => [m.key, m] as const)));
const memberCell = new Map<string, string>(commune.units.flatMap((u) => u.members.map((m) => [m.key, u.key] as const)));
const accountMember = (username: string) => commune.accounts.find((a) => a.username === username)!.memberKey!;
const secretaryOf = (cellKey: string) => meetings.find((m) => m.cellKey === cellKey)!.chairKey;
const clerkOf = (cellKey: string) => meetings.find((m) => m.cellKey === cellKey)!.secretaryKey;
const verifierOf = (cellKey: string, memberKey: string) => (memberKey === secretaryOf(cellKey) ? clerkOf(cellKey) : secretaryOf(cellKey));
const april = meetings.find((m) => m.cellKey === DONG_THU && m.kind === 'regular' && m.date.startsWith('2022-04'))!;
/** Members who take part in 2022's "tự soi": not excused, admitted by mid-October. */
const activeIn2022 = (cellKey: string) => cells.find((c) => c.key === cellKey)!.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= '2022-10-15');
const of2022 = <T extends { year: number }>(xs: readonly T[]) => xs.filter((x) => x.year === DEMO_SELF_EXAM_YEAR);
const exams2022 = of2022(data.selfExaminations);
const items2022 = of2022(data.planItems);
const feedback2022 = data.feedback.filter((f) => f.givenOn.startsWith('2022'));
const inYear = (date: string) => date >= '2022-01-01' && date <= '2022-12-31';
const submitted = (e: DemoSelfExamination) => e.status !== 'draft';
const itemsOfFeedback = (f: DemoFeedback) => data.planItems.filter((i) => i.feedbackKey === f.key);

/** Late arrivals of a member at 2022 meetings. */
const lateDates = (memberKey: string): string[] =>
  meetings
    .filter((m) => m.attendance.some((a) => a.memberKey === memberKey && a.role === 'member' && a.arrivedAt !== null && Date.parse(a.arrivedAt) > Date.parse(meetingStartsAt(m.date, m.startTime))))
    .map((m) => m.date)
    .sort();

/** Every piece of Vietnamese prose the demo writes. */
function allTexts(): string[] {
  const out: string[] = [];
  for (const e of data.selfExaminations) {
    out.push(e.strengths, e.reviewComment ?? '');
    for (const a of e.answers) out.push(a.note ?? '');
    for (const s of e.shortcomings) out.push(s.text, s.cause, s.plan?.action ?? '', s.plan?.successCriteria ?? '');
    for (const f of e.followups) out.push(f.shortcoming, f.result);
  }
  for (const f of data.feedback) out.push(f.text, f.answerText ?? '');
  for (const i of data.planItems) {
    out.push(i.shortcoming, i.action, i.successCriteria, i.verificationComment ?? '');
    for (const p of i.progress) out.push(p.note);
  }
  return out.filter((t) => t !== '');
}

describe('buildDemoSelfExamination', () => {
  it('is deterministic', () => {
    expect(buildDemoSelfExamination(buildDemoCommune(), buildDemoMeetings(buildDemoCommune()))).toEqual(data);
    expect(DEMO_SELF_EXAM_YEAR).toBe(2022);
    expect(MANIFESTATION_CODES).toHaveLength(27);
    expect(EXEMPLARY_CODES).toHaveLength(10);
  });

  it('gives active members one 2022 self-examination each, in their own cell, with a consistent life', () => {
    const keys = new Set<string>();
    for (const e of exams2022) {
      const m = memberByKey.get(e.memberKey)!;
      expect(memberCell.get(e.memberKey), e.key).toBe(e.cellKey);
      expect(m.status).not.toBe('exempt');
      expect(m.joinedOn <= '2022-10-15', e.key).toBe(true);
      expect(keys.has(e.memberKey), e.key).toBe(false);
      keys.add(e.memberKey);
      expect([e.periodKind, e.quarter]).toEqual(['year', null]);
      expect(e.createdAt.slice(0, 10) >= m.joinedOn && inYear(e.createdAt.slice(0, 10)), e.key).toBe(true);
      expect(e.updatedAt >= e.createdAt).toBe(true);
      if (e.status === 'draft') {
        expect([e.submittedAt, e.reviewedAt, e.reviewedByKey, e.reviewComment]).toEqual([null, null, null, null]);
        continue;
      }
      expect(e.submittedAt! > e.createdAt).toBe(true);
      expect(e.answers.map((a) => a.code)).toEqual([...MANIFESTATION_CODES, ...EXEMPLARY_CODES]);
      expect(e.shortcomings.length).toBeGreaterThanOrEqual(1);
      for (const s of e.shortcomings) {
        expect(causeKinds).toContain(s.causeKind);
        expect(s.plan!.deadline! > e.submittedAt!.slice(0, 10) && inYear(s.plan!.deadline!), e.key).toBe(true);
        expect(s.plan!.action.length).toBeGreaterThan(20);
      }
      if (e.status === 'reviewed') {
        // Reviewed by the cell secretary at the year-end review; the secretary's own by the clerk.
        expect(e.reviewedAt!.startsWith('2022-12')).toBe(true);
        expect(e.reviewedByKey).toBe(verifierOf(e.cellKey, e.memberKey));
        expect(e.reviewComment!.length).toBeGreaterThan(20);
      } else expect(e.reviewedAt).toBeNull();
    }
    for (const e of data.selfExaminations) {
      for (const a of e.answers) {
        const list = MANIFESTATION_CODES.includes(a.code) ? manifestationMarks : exemplaryMarks;
        expect(list as readonly string[], `${e.key} ${a.code}`).toContain(a.mark);
        expect(a.note === null, `${e.key} ${a.code}`).toBe(a.mark === 'none' || a.mark === 'good');
      }
    }
    // Grave manifestations are never the demo's: nobody marks "phai nhạt lý tưởng" or "tự diễn biến".
    const marked = (code: string) => exams2022.filter((e) => e.answers.some((a) => a.code === code && a.mark !== 'none')).length;
    for (const code of ['CT1', 'CT2', ...MANIFESTATION_CODES.filter((c) => c.startsWith('DB'))]) expect(marked(code), code).toBe(0);
  });

  it('has most members of most cells submit, and the secretaries review them', () => {
    const low = new Set(data.lowParticipationCells);
    for (const cell of cells.filter((c) => !low.has(c.key))) {
      const active = activeIn2022(cell.key);
      const own = exams2022.filter((e) => e.cellKey === cell.key);
      expect(own.filter(submitted).length / active.length, cell.key).toBeGreaterThanOrEqual(0.75);
      expect(own.filter((e) => e.status === 'reviewed').length / Math.max(1, own.filter(submitted).length), cell.key).toBeGreaterThanOrEqual(0.7);
    }
    const secretary = accountMember('bithu.dongthu');
    expect(exams2022.filter((e) => e.reviewedByKey === secretary).length).toBeGreaterThanOrEqual(15);
    expect(exams2022.filter((e) => e.reviewedByKey === accountMember('bithu.luuquang')).length).toBeGreaterThanOrEqual(15);
  });

  it('has the three least attended cells take part least', () => {
    expect([...data.lowParticipationCells].sort()).toEqual(lowParticipationCells(meetings).sort());
    expect(data.lowParticipationCells).toHaveLength(3);
    expect(data.lowParticipationCells).not.toContain(DONG_THU);
    const share = (keys: readonly string[]) => {
      const active = keys.reduce((s, k) => s + activeIn2022(k).length, 0);
      return exams2022.filter((e) => keys.includes(e.cellKey) && submitted(e)).length / active;
    };
    const others = cells.map((c) => c.key).filter((k) => !data.lowParticipationCells.includes(k));
    expect(share(data.lowParticipationCells)).toBeLessThan(0.7);
    expect(share(others)).toBeGreaterThan(0.85);
    for (const k of data.lowParticipationCells) {
      const own = exams2022.filter((e) => e.cellKey === k);
      expect(activeIn2022(k).length - own.length + own.filter((e) => e.status === 'draft').length, k).toBeGreaterThanOrEqual(3);
    }
    // Feedback per member, too.
    const rate = (keys: readonly string[]) => feedback2022.filter((f) => keys.includes(f.cellKey)).length / keys.reduce((s, k) => s + activeIn2022(k).length, 0);
    expect(rate(data.lowParticipationCells)).toBeLessThan(rate(others) * 0.6);
  });

  it('tells Đồng Thứ’s story: honest self-examinations before April naming lateness and reluctance to criticise', () => {
    const active = activeIn2022(DONG_THU);
    const own = exams2022.filter((e) => e.cellKey === DONG_THU);
    expect(own.map((e) => e.memberKey).sort()).toEqual(active.map((m) => m.key).sort());
    for (const e of own) {
      expect(e.status).toBe('reviewed');
      expect(e.submittedAt!.slice(0, 10) < april.date).toBe(true);
      expect(e.createdAt.slice(0, 10) > '2022-03-14').toBe(true);
    }
    const markShare = (code: string, marks: readonly string[]) => own.filter((e) => e.answers.some((a) => a.code === code && marks.includes(a.mark))).length / own.length;
    expect(markShare('CT4', ['at_risk', 'present'])).toBeGreaterThanOrEqual(0.5);
    expect(markShare('CT5', ['at_risk', 'present'])).toBeGreaterThanOrEqual(0.6);
    expect(markShare('NG5', ['limited', 'not_met'])).toBeGreaterThanOrEqual(0.3);
    // Everyone late in the first quarter names it, and marks punctuality as a limit.
    for (const e of own) {
      const lateBefore = lateDates(e.memberKey).filter((d) => d < april.date).length;
      const namesLateness = e.shortcomings.some((s) => s.text.includes('sinh hoạt chi bộ muộn'));
      expect(namesLateness, e.memberKey).toBe(lateBefore > 0);
      if (lateBefore > 0) expect(e.answers.find((a) => a.code === 'NG5')!.mark).not.toBe('good');
    }
    const reluctant = own.filter((e) => e.shortcomings.some((s) => s.text.includes('nể nang, ngại va chạm, dĩ hòa vi quý')));
    expect(reluctant.length / own.length).toBeGreaterThanOrEqual(0.6);
    expect(own.some((e) => e.shortcomings.some((s) => s.text.includes('triển khai còn chung chung')))).toBe(true);
  });

  it('records the April 2022 meeting’s frank feedback on the four aspects, mostly accepted, each acceptance one plan item', () => {
    const there = data.feedback.filter((f) => f.cellKey === DONG_THU && f.meetingDate === april.date);
    for (const topic of ['working_style', 'speech', 'behaviour', 'setting_example'] as const) {
      expect(there.filter((f) => f.topic === topic).length, topic).toBeGreaterThanOrEqual(2);
    }
    // The pairs the minutes name are there, accepted.
    const names = new Map(commune.units.flatMap((u) => u.members.map((m) => [m.key, joinFullName(m)] as const)));
    const minutes = april.agenda.find((a) => a.title === 'Tự phê bình và phê bình')!.minutes;
    const named = there.filter((f) => f.giverKey && f.receiverKey && minutes.includes(`Đồng chí ${names.get(f.giverKey)} góp ý đồng chí ${names.get(f.receiverKey)} về`));
    expect(named.length).toBe(5);
    for (const f of named) expect(f.status).toBe('accepted');
    const accepted = there.filter((f) => f.status === 'accepted');
    expect(accepted.length / there.length).toBeGreaterThanOrEqual(0.75);
    expect(there.filter((f) => f.status === 'explained').length).toBe(2);
    expect(there.filter((f) => f.status === 'open')).toEqual([]);
    for (const f of there) {
      expect(f.givenOn).toBe(april.date);
      expect(f.createdAt > meetingStartsAt(april.date, april.startTime)).toBe(true);
      const present = april.attendance.filter((a) => a.status === 'present').map((a) => a.memberKey);
      expect(present).toContain(f.giverKey);
      if (f.receiverKey) expect(present).toContain(f.receiverKey);
    }
    for (const f of accepted) {
      const items = itemsOfFeedback(f);
      expect(items, f.key).toHaveLength(1);
      expect(items[0]).toMatchObject({ sourceKind: 'feedback', memberKey: f.receiverKey ?? f.answeredByKey, cellKey: DONG_THU, year: 2022, createdAt: f.answeredAt });
      expect(items[0]!.deadline > april.date).toBe(true);
    }
    // And an upward word to the secretary about how the cell committee led.
    expect(there.some((f) => f.direction === 'upward' && f.topic === 'cell_leadership' && f.receiverKey === secretaryOf(DONG_THU) && f.status === 'accepted')).toBe(true);
    // Before April, nobody in Đồng Thứ gave anyone feedback.
    expect(data.feedback.filter((f) => f.cellKey === DONG_THU && f.givenOn < april.date)).toEqual([]);
  });

  it('turns every accepted feedback into exactly one plan item, and nothing else', () => {
    for (const f of data.feedback) {
      expect(feedbackTopics).toContain(f.topic);
      expect(f.giverKey === null || f.giverKey !== f.receiverKey, f.key).toBe(true);
      expect(itemsOfFeedback(f).length, f.key).toBe(f.status === 'accepted' ? 1 : 0);
      if (f.status === 'open') expect([f.answeredAt, f.answeredByKey, f.answerText]).toEqual([null, null, null]);
      else {
        expect(f.answeredAt! > f.createdAt, f.key).toBe(true);
        expect(f.answeredByKey).toBe(f.receiverKey ?? secretaryOf(f.cellKey));
        expect(f.answerText!.length).toBeGreaterThan(10);
      }
      if (f.direction === 'cell_to_member') expect(f.giverKey).toBeNull();
      if (f.meetingDate) expect(meetings.some((m) => m.cellKey === f.cellKey && m.date === f.meetingDate)).toBe(true);
      // No feedback of the demo names a grave-group item: those cannot be accepted as a plan item.
      if (f.manifestationCode) expect(f.manifestationCode.startsWith('DD')).toBe(true);
    }
    expect(feedback2022.every((f) => inYear(f.givenOn))).toBe(true);
    expect(new Set(data.feedback.map((f) => f.direction))).toEqual(new Set(['member_to_member', 'upward', 'cell_to_member']));
  });

  it('keeps no author for the one anonymous feedback', () => {
    const anonymous = data.feedback.filter((f) => f.anonymous);
    expect(anonymous).toHaveLength(1);
    const f = anonymous[0]!;
    expect(f).toMatchObject({ cellKey: DONG_THU, direction: 'upward', giverKey: null, receiverKey: null, topic: 'cell_leadership', meetingDate: null });
    expect(f.createdAt).toBe(`${f.givenOn}T00:00:00.000Z`);
    // Upward feedback that names a giver is never anonymous.
    for (const x of data.feedback.filter((y) => !y.anonymous && y.direction !== 'cell_to_member')) expect(x.giverKey, x.key).not.toBeNull();
  });

  it('has most 2022 plan items verified as fixed by year end, a few late, some awaiting verification, a few open or returned', () => {
    const count = (s: string) => items2022.filter((i) => i.status === s).length;
    expect(items2022.length).toBeGreaterThan(500);
    expect(count('fixed') / items2022.length).toBeGreaterThanOrEqual(0.75);
    expect(count('claimed')).toBeGreaterThan(0);
    expect(count('open')).toBeGreaterThan(0);
    expect(count('returned')).toBeGreaterThan(0);
    const fixed = items2022.filter((i) => i.status === 'fixed');
    const onTime = fixed.filter((i) => planItemFixedOnTime({ status: i.status, deadline: i.deadline, claimedOn: i.claimedOn, verifiedOn: i.verifiedOn }));
    expect(onTime.length / fixed.length).toBeGreaterThan(0.8);
    expect(onTime.length).toBeLessThan(fixed.length);
    const dongThu = items2022.filter((i) => i.cellKey === DONG_THU);
    expect(dongThu.filter((i) => i.status === 'fixed').length / dongThu.length).toBeGreaterThanOrEqual(0.8);
    // Each submitted self-examination's proposals are its plan items.
    for (const e of exams2022.filter(submitted)) {
      const own = data.planItems.filter((i) => i.selfExamKey === e.key);
      expect(own.map((i) => i.deadline)).toEqual(e.shortcomings.map((s) => s.plan!.deadline));
      for (const i of own) expect(i).toMatchObject({ sourceKind: 'self_examination', memberKey: e.memberKey, createdAt: e.submittedAt });
    }
    for (const e of exams2022.filter((x) => !submitted(x))) expect(data.planItems.some((i) => i.selfExamKey === e.key)).toBe(false);
  });

  it('gives each plan item a progress history that explains its status', () => {
    const positions = new Map<string, number[]>();
    for (const i of data.planItems) {
      positions.set(i.planKey, [...(positions.get(i.planKey) ?? []), i.position]);
      expect(planItemStatuses).toContain(i.status);
      expect(i.planKey).toBe(`${i.memberKey}/${i.year}`);
      expect(i.deadline > i.createdAt.slice(0, 10), i.key).toBe(true);
      if (i.year === 2022) expect(inYear(i.deadline)).toBe(true);
      let previous = i.createdAt;
      let state: 'working' | 'claimed' | 'fixed' = 'working';
      for (const p of i.progress) {
        expect(p.at >= previous, i.key).toBe(true);
        previous = p.at;
        if (i.year === 2022) expect(inYear(p.at.slice(0, 10))).toBe(true);
        const verifier = verifierOf(i.cellKey, i.memberKey);
        if (p.kind === 'note' || p.kind === 'claimed') expect(p.authorKey).toBe(i.memberKey);
        else expect(p.authorKey).toBe(verifier);
        expect(state, i.key).not.toBe('fixed');
        if (p.kind === 'note') expect(state).toBe('working');
        if (p.kind === 'claimed') state = 'claimed';
        if (p.kind === 'fixed' || p.kind === 'returned') {
          expect(state, i.key).toBe('claimed');
          state = p.kind === 'fixed' ? 'fixed' : 'working';
        }
      }
      const last = i.progress.filter((p) => p.kind !== 'note').at(-1);
      expect(i.status, i.key).toBe(last === undefined ? 'open' : last.kind);
      expect(i.updatedAt).toBe(i.progress.at(-1)?.at ?? i.createdAt);
      if (i.status === 'fixed') {
        expect(i.claimedOn! < i.verifiedOn!).toBe(true);
        expect(i.verifiedByKey).toBe(verifierOf(i.cellKey, i.memberKey));
        expect(i.verifiedByKey).not.toBe(i.memberKey);
      } else expect([i.verifiedOn, i.verifiedByKey]).toEqual([null, null]);
      if (i.status === 'claimed') expect(i.claimedOn).not.toBeNull();
      if (i.status === 'open' || i.status === 'returned') expect(i.claimedOn).toBeNull();
      if (i.status === 'returned') expect(i.verificationComment).toBeTruthy();
    }
    for (const [plan, list] of positions) expect(list.sort((a, b) => a - b), plan).toEqual(list.map((_, k) => k + 1));
    expect(data.plans.map((p) => p.key).sort()).toEqual([...positions.keys()].sort());
  });

  it('judges lateness on the attendance record and reluctance on the feedback actually given', () => {
    const lateItems = items2022.filter((i) => i.shortcoming.includes('sinh hoạt chi bộ muộn'));
    expect(lateItems.length).toBeGreaterThan(10);
    for (const i of lateItems.filter((x) => x.status === 'fixed')) {
      const since = [...i.progress].reverse().find((p) => p.kind === 'returned')?.at.slice(0, 10) ?? i.createdAt.slice(0, 10);
      expect(lateDates(i.memberKey).filter((d) => d > since && d <= i.claimedOn!), i.key).toEqual([]);
    }
    // Late again after April in Đồng Thứ: the item came back.
    const relapsed = lateItems.filter((i) => i.cellKey === DONG_THU && lateDates(i.memberKey).some((d) => d > i.createdAt.slice(0, 10) && d <= i.deadline));
    for (const i of relapsed) expect(i.progress.some((p) => p.kind === 'returned'), i.key).toBe(true);
    const reluctant = items2022.filter((i) => i.shortcoming.includes('nể nang'));
    for (const i of reluctant.filter((x) => x.status === 'fixed')) {
      const given = data.feedback.filter((f) => f.giverKey === i.memberKey && f.givenOn > i.createdAt.slice(0, 10) && f.givenOn <= i.claimedOn!);
      expect(given.length, i.key).toBeGreaterThanOrEqual(i.cellKey === DONG_THU ? 2 : 1);
    }
  });

  it('gives the demo member’s account a lived-in page: a reviewed self-examination, plan items, feedback both ways', () => {
    const holder = accountMember('dangvien.dongthu');
    const exams = data.selfExaminations.filter((e) => e.memberKey === holder);
    expect(exams.length).toBeGreaterThanOrEqual(1);
    expect(exams.every((e) => e.status === 'reviewed' && e.reviewedByKey === accountMember('bithu.dongthu'))).toBe(true);
    const member = memberByKey.get(holder)!;
    for (const e of exams) expect(e.createdAt.slice(0, 10) >= member.joinedOn).toBe(true);
    const items = data.planItems.filter((i) => i.memberKey === holder);
    expect(items.filter((i) => i.status === 'fixed').length).toBeGreaterThan(items.length / 2);
    const overdue = items.filter((i) => planItemOverdue({ status: i.status, deadline: i.deadline, claimedOn: i.claimedOn, verifiedOn: i.verifiedOn }, DEMO_REFERENCE_DATE));
    expect(overdue).toHaveLength(1);
    expect(data.feedback.filter((f) => f.receiverKey === holder).map((f) => f.status).sort()).toEqual(['accepted', 'explained']);
    expect(data.feedback.filter((f) => f.giverKey === holder).length).toBeGreaterThanOrEqual(1);
    // Nothing of theirs predates their joining or follows the demo's "today".
    for (const i of items) for (const p of i.progress) expect(p.at.slice(0, 10) >= member.joinedOn && p.at.slice(0, 10) < DEMO_REFERENCE_DATE).toBe(true);
  });

  it('writes natural Vietnamese: composed diacritics, no ASCII-only look-alikes of the key words', () => {
    const texts = allTexts();
    expect(texts.length).toBeGreaterThan(5000);
    const lookAlikes = /\b(chi bo|dang vien|dong chi|sinh hoat|gop y|ne nang|ngai va cham|di hoa vi quy|khac phuc|tiep thu|tu soi|tu sua|chi uy|muon|ke hoach|nhiem vu)\b/i;
    for (const t of texts) {
      expect(t, t).toBe(t.normalize('NFC'));
      expect(lookAlikes.test(t), t).toBe(false);
      expect(/[^\u0000-\u007f]/.test(t), t).toBe(true);
      expect(/\s{2,}|\s[,.;]|\{\w+\}|undefined|null|NaN/.test(t), t).toBe(false);
    }
    const all = texts.join('\n');
    for (const phrase of ['đi sinh hoạt chi bộ muộn', 'nể nang, ngại va chạm, dĩ hòa vi quý', 'rõ người, rõ việc', 'Trại Khóng']) expect(all).toContain(phrase);
  });
});
