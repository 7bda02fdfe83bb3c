import { describe, expect, it } from 'vitest';
import { checkDisciplineForm, checkStep, maxExtension, programmeItemState, recommendationCounts, stepSchedule, type InspectionKindRule } from './inspection.js';
import { workingCalendar } from './working-days.js';

const thematic: InspectionKindRule = {
  code: 'supervision_thematic',
  name: 'Giám sát chuyên đề',
  family: 'supervision',
  subjects: ['member', 'unit'],
  steps: [
    { code: 'decision', withinWorkingDays: null },
    { code: 'plan', withinWorkingDays: 5 },
    { code: 'notice', withinWorkingDays: 5 },
    { code: 'subject_report', withinWorkingDays: 10 },
    { code: 'verification', withinWorkingDays: 10 },
    { code: 'conclusion', withinWorkingDays: 10 },
  ],
  timeLimit: { workingDays: 20, extensionWorkingDays: 6, fromStep: 'subject_report', toStep: 'conclusion' },
  confirmed: false,
};
const cal = workingCalendar(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);

describe('inspection steps', () => {
  it('go in the kind\'s order, each once', () => {
    expect(checkStep(thematic, new Set(), 'decision')).toBe('ok');
    expect(checkStep(thematic, new Set(['decision']), 'notice')).toBe('out_of_order');
    expect(checkStep(thematic, new Set(['decision']), 'decision')).toBe('already_done');
    expect(checkStep(thematic, new Set(['decision']), 'draft_report')).toBe('unknown_step');
    expect(checkStep(thematic, new Set(['decision', 'plan']), 'notice')).toBe('ok');
  });

  it('are due in working days from the previous one, the conclusion by the kind\'s limit', () => {
    const s = stepSchedule(thematic, { decidedOn: '2026-01-26', doneOn: new Map([['decision', '2026-01-26'], ['plan', '2026-01-28']]), extensionWorkingDays: 0, today: '2026-02-02' }, cal);
    expect(s.map((x) => [x.code, x.dueOn])).toEqual([
      ['decision', '2026-01-26'],
      ['plan', '2026-02-02'],
      ['notice', '2026-02-04'], // 5 working days after the plan was actually done
      ['subject_report', '2026-02-25'], // 10 working days across Tết
      ['verification', '2026-03-11'],
      ['conclusion', '2026-03-25'], // 20 working days from the subject's report
    ]);
    expect(s.find((x) => x.code === 'conclusion')!.limitEnds).toBe(true);
    expect(s.some((x) => x.late)).toBe(false);
  });

  it('flags a late step, and an extension moves the limit', () => {
    const doneOn = new Map([['decision', '2026-03-02'], ['plan', '2026-03-12'], ['notice', '2026-03-13'], ['subject_report', '2026-03-20']]);
    const s = stepSchedule(thematic, { decidedOn: '2026-03-02', doneOn, extensionWorkingDays: 0, today: '2026-04-20' }, cal);
    expect(s.find((x) => x.code === 'plan')!.late).toBe(true); // due 9/3, done 12/3
    expect(s.find((x) => x.code === 'conclusion')!.dueOn).toBe('2026-04-17');
    expect(s.find((x) => x.code === 'conclusion')!.late).toBe(true);
    const extended = stepSchedule(thematic, { decidedOn: '2026-03-02', doneOn, extensionWorkingDays: 6, today: '2026-04-20' }, cal);
    expect(extended.find((x) => x.code === 'conclusion')!.dueOn).toBe('2026-04-27');
    expect(extended.find((x) => x.code === 'conclusion')!.late).toBe(false);
  });

  it('extend by at most the fixed days or the fraction of the limit', () => {
    expect(maxExtension({ workingDays: 20, extensionFraction: 0.3333 })).toBe(6);
    expect(maxExtension({ workingDays: 90, extensionWorkingDays: 30 })).toBe(30);
    expect(maxExtension({ workingDays: 30 })).toBe(0);
  });
});

describe('programme items and recommendations', () => {
  it('say planned, in progress, concluded or late', () => {
    const window = { plannedStart: '2026-03-01', plannedEnd: '2026-04-30' };
    expect(programmeItemState({ ...window, caseStatus: null }, '2026-02-20')).toBe('planned');
    expect(programmeItemState({ ...window, caseStatus: null }, '2026-03-05')).toBe('late');
    expect(programmeItemState({ ...window, caseStatus: 'open' }, '2026-03-05')).toBe('in_progress');
    expect(programmeItemState({ ...window, caseStatus: 'open' }, '2026-05-01')).toBe('late');
    expect(programmeItemState({ ...window, caseStatus: 'concluded' }, '2026-05-01')).toBe('concluded');
  });

  it('count fixed, open and overdue recommendations', () => {
    const counts = recommendationCounts([{ status: 'fixed', deadline: '2026-01-01' }, { status: 'reported', deadline: '2026-01-01' }, { status: 'open', deadline: '2026-12-31' }], '2026-06-01');
    expect(counts).toEqual({ total: 3, fixed: 1, open: 2, overdue: 1 });
  });
});

describe('discipline forms', () => {
  const form = (code: string, probationaryAllowed: boolean, requiresPost = false) => ({ code, name: code, probationaryAllowed, requiresPost, confirmed: false });
  it('a probationary member only the first two; cách chức only for a post holder', () => {
    expect(checkDisciplineForm(form('reprimand', true), { status: 'probationary', holdsPost: false })).toBe('ok');
    expect(checkDisciplineForm(form('expulsion', false), { status: 'probationary', holdsPost: false })).toBe('probationary');
    expect(checkDisciplineForm(form('dismissal', false, true), { status: 'official', holdsPost: false })).toBe('requires_post');
    expect(checkDisciplineForm(form('dismissal', false, true), { status: 'official', holdsPost: true })).toBe('ok');
  });
});
