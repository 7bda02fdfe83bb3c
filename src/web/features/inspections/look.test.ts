import { describe, expect, it } from 'vitest';
import { evidenceHref, extensionProblem, followUpHref, groupRecords, programmeSegments, stepFields, stepLook, subjectReportWord } from './look.js';
import type { StepView, SubjectRecord } from './api.js';

const step = (over: Partial<StepView> = {}): StepView => ({ code: 'verification', name: 'Thẩm tra, xác minh', documents: [], dueOn: '2026-03-10', late: false, limitEnds: false, entry: null, ...over });
const entry = { id: 'e1', doneOn: '2026-03-09', note: 'Đã xác minh', documentNo: null, subjectComments: null, attachment: null, byName: null, evidence: [] };

describe('programmeSegments', () => {
  it('gives the bar one segment per state that has items, in the legend order', () => {
    expect(programmeSegments({ total: 6, planned: 3, in_progress: 0, concluded: 2, late: 1 })).toEqual([
      { state: 'planned', n: 3 },
      { state: 'concluded', n: 2 },
      { state: 'late', n: 1 },
    ]);
  });
});

describe('stepLook', () => {
  it('tells a recorded step from a late one, the next one from those ahead', () => {
    expect(stepLook(step({ entry }), 'draft_report')).toBe('done');
    expect(stepLook(step({ entry, late: true }), 'draft_report')).toBe('done_late');
    expect(stepLook(step({ late: true }), 'verification')).toBe('overdue');
    expect(stepLook(step(), 'verification')).toBe('next');
    expect(stepLook(step(), 'notice')).toBe('ahead');
  });
});

describe('stepFields', () => {
  it('asks for a document number only where the rules name a document, comments at the draft-report meeting, evidence at verification, a file with the report', () => {
    expect(stepFields('decision', ['Quyết định'])).toEqual({ documentNo: true, subjectComments: false, evidence: false, attachment: false });
    expect(stepFields('draft_report', [])).toMatchObject({ documentNo: false, subjectComments: true });
    expect(stepFields('verification', [])).toMatchObject({ evidence: true, attachment: false });
    expect(stepFields('subject_report', ['Báo cáo tự kiểm tra'])).toMatchObject({ attachment: true, documentNo: true });
  });
});

describe('subjectReportWord', () => {
  it('is a self-inspection report in a supervision and an explanation otherwise', () => {
    expect(subjectReportWord('supervision')).toBe('selfReport');
    expect(subjectReportWord('inspection')).toBe('explanation');
    expect(subjectReportWord('denunciation')).toBe('explanation');
  });
});

describe('groupRecords', () => {
  const records: SubjectRecord[] = [
    { recordType: 'task', recordId: 't1', date: '2026-02-01', label: 'Dọn vệ sinh đường thôn', detail: 'Nguyễn Văn Đông' },
    { recordType: 'meeting', recordId: 'm1', date: '2026-01-05', label: 'Sinh hoạt tháng 1', detail: null },
    { recordType: 'meeting', recordId: 'm2', date: '2026-02-05', label: 'Sinh hoạt tháng 2', detail: null },
    { recordType: 'self_examination', recordId: 's1', date: null, label: 'Tự soi 2026', detail: null },
  ];
  it('groups by type in the contract order and leaves empty types out', () => {
    expect(groupRecords(records, '').map((g) => [g.type, g.items.map((r) => r.recordId)])).toEqual([
      ['meeting', ['m1', 'm2']],
      ['task', ['t1']],
      ['self_examination', ['s1']],
    ]);
  });
  it('searches label and detail ignoring diacritics and đ', () => {
    expect(groupRecords(records, 'dong').map((g) => g.items.map((r) => r.recordId))).toEqual([['t1']]);
    expect(groupRecords(records, 'thang 2').flatMap((g) => g.items.map((r) => r.recordId))).toEqual(['m2']);
    expect(groupRecords(records, 'không có')).toEqual([]);
  });
});

describe('evidenceHref and followUpHref', () => {
  it('leads to each record’s own page, and commitments to the subject unit’s list', () => {
    expect(evidenceHref('meeting', 'm1', 'u1')).toBe('/meetings/m1');
    expect(evidenceHref('task', 't1', 'u1')).toBe('/tasks/t1');
    expect(evidenceHref('self_examination', 's1', 'u1')).toBe('/self-examinations/s1');
    expect(evidenceHref('correction_plan', 'p1', 'u1')).toBe('/correction-plans/p1');
    expect(evidenceHref('commitment', 'c1', 'u1')).toBe('/units/u1/commitments');
    expect(followUpHref({ kind: 'task', id: 't9' }, { memberId: null }, 'subject')).toBe('/tasks/t9');
    expect(followUpHref(null, { memberId: null }, 'staff')).toBeNull();
  });
  it('leads a member to their own plan on their Tự soi page, and the UBKT to the member’s page', () => {
    expect(followUpHref({ kind: 'plan_item', id: 'i1' }, { memberId: 'm7' }, 'subject')).toBe('/tu-soi');
    expect(followUpHref({ kind: 'plan_item', id: 'i1' }, { memberId: 'm7' }, 'staff')).toBe('/members/m7');
  });
});

describe('extensionProblem', () => {
  const detail = { maxExtensionWorkingDays: 7 };
  it('takes a whole number of working days within the kind’s allowance', () => {
    expect(extensionProblem('7', detail)).toBeNull();
    expect(extensionProblem('8', detail)).toBe('tooMany');
    expect(extensionProblem('0', detail)).toBe('invalid');
    expect(extensionProblem('2,5', detail)).toBe('invalid');
    expect(extensionProblem('', detail)).toBe('invalid');
  });
});

describe('parseDates', () => {
  it('reads dd/mm/yyyy, names each missing required date and each invalid one', async () => {
    const { parseDates } = await import('./dates.js');
    expect(parseDates({ from: '01/01/2026', to: '', on: '31/02/2026' }, ['from', 'to'])).toEqual({
      dates: { from: '2026-01-01', to: null, on: null },
      problems: { to: 'required', on: 'invalid' },
    });
  });
});
