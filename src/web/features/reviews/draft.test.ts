import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { reviewsVi } from './messages.vi.js';
import { criterionMax, draftOf, groupSubtotal, isReviewDraft, needsReason, reasonText, saveBody, totalOf, withPoint, type ReviewDraft } from './draft.js';
import { decisionDefault, decisionNeedsReason, decisionsBody, stepsToDate } from './decide.js';
import type { Framework, LevelOptionView, ReviewDetail, ReviewListItem } from './api.js';

/** The starting framework: four common criteria sharing 30 points (no maximum of their own), one task criterion of 70. */
const framework: Framework = {
  scoreMax: 100,
  groups: [
    { code: 'common', name: 'Nhóm tiêu chí chung', max: 30, criteria: ['politics', 'discipline', 'innovation', 'self_criticism'].map((code) => ({ code, name: code, max: null })) },
    { code: 'tasks', name: 'Nhóm kết quả', max: 70, criteria: [{ code: 'results', name: 'results', max: 60 }] },
  ],
};

const t = i18n.createInstance();
await t.init({ lng: 'vi', resources: { vi: { translation: { reviews: reviewsVi } } }, interpolation: { escapeValue: false } });

describe('the points as the form bounds them', () => {
  it('bounds a criterion by its own maximum, else by what is left of its group; subtotals and the total follow', () => {
    let points: Record<string, number> = {};
    expect(criterionMax(framework, 'politics', points)).toBe(30);
    points = withPoint(framework, points, 'politics', 20);
    points = withPoint(framework, points, 'discipline', 15);
    // 20 already in the group of 30: discipline is cut to what is left.
    expect(points).toEqual({ politics: 20, discipline: 10 });
    expect(criterionMax(framework, 'innovation', points)).toBe(0);
    expect(criterionMax(framework, 'politics', points)).toBe(20);
    points = withPoint(framework, points, 'results', 65);
    expect(points.results).toBe(60);
    expect(groupSubtotal(framework.groups[0]!, points)).toBe(30);
    expect(totalOf(framework, points)).toBe(90);
    expect(withPoint(framework, points, 'discipline', null)).toEqual({ politics: 20, results: 60 });
    expect(withPoint(framework, {}, 'politics', -5)).toEqual({ politics: 0 });
  });

  it('sends the whole draft with the revision it was typed on; an empty reason is none', () => {
    const draft: ReviewDraft = { reviewForm: '2C', strengths: 'a', shortcomings: 'b', causes: '', previousFixes: '', remedies: 'c', points: { politics: 5 }, selfLevel: 'HTTNV', selfLevelReason: '  ' };
    expect(saveBody(draft, 3)).toEqual({ ...draft, revision: 3, selfLevelReason: null });
  });
});

describe('the copy of a review on this device', () => {
  const draft: ReviewDraft = { reviewForm: '2C', strengths: 'a', shortcomings: '', causes: '', previousFixes: '', remedies: '', points: { politics: 5 }, selfLevel: null, selfLevelReason: '' };

  it('recognises a review draft as the form holds it', () => {
    expect(isReviewDraft(draft)).toBe(true);
    expect(isReviewDraft({ ...draft, points: {}, selfLevel: 'HTTNV' })).toBe(true);
    // What came from the server, kept and read back.
    const fromServer = draftOf({ ...draft, selfLevelReason: null, revision: 1 } as unknown as ReviewDetail);
    expect(isReviewDraft(JSON.parse(JSON.stringify(fromServer)))).toBe(true);
  });

  it('ignores anything else: a missing part, a point that is not a number, a self-examination\'s draft', () => {
    const { remedies: _gone, ...noRemedies } = draft;
    expect(isReviewDraft(noRemedies)).toBe(false);
    expect(isReviewDraft({ ...draft, strengths: null })).toBe(false);
    expect(isReviewDraft({ ...draft, points: { politics: '5' } })).toBe(false);
    expect(isReviewDraft({ ...draft, points: [5] })).toBe(false);
    expect(isReviewDraft({ ...draft, selfLevel: 3 })).toBe(false);
    expect(isReviewDraft({ ...draft, selfLevelReason: null })).toBe(false);
    expect(isReviewDraft({ strengths: '', answers: [], shortcomings: [], followups: [] })).toBe(false);
    expect(isReviewDraft(null)).toBe(false);
  });
});

const level = (code: string, allowed: boolean, reasons: LevelOptionView['reasons'] = []): LevelOptionView => ({ code, name: code, minScore: 0, conditions: [], allowed, reasons, confirmed: false, source: null });
const reason = (key: string, r: Partial<LevelOptionView['reasons'][number]> = {}) => ({ key, count: null, share: null, limit: null, trigger: null, ...r });

describe('why a level is ruled out, in plain Vietnamese with the numbers', () => {
  const say = (r: LevelOptionView['reasons'][number]) => reasonText(t.t, 'vi', r, 'Hoàn thành tốt nhiệm vụ', [{ code: 'disciplined', name: 'Bị xử lý kỷ luật trong kỳ' }]);
  it('writes one sentence per key', () => {
    expect(say(reason('tasks_late', { count: 2 }))).toBe('2 nhiệm vụ chậm tiến độ: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('tasks_not_done', { count: 1 }))).toBe('1 nhiệm vụ không hoàn thành: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('score', { count: 80, limit: 90 }))).toBe('Tổng điểm 80 dưới 90 điểm: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('late_share', { share: 0.25, limit: 0.2 }))).toBe('25\u00a0% nhiệm vụ chậm tiến độ, quá mức 20\u00a0%: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('exceeded_share', { share: 0.1, limit: 0.3 }))).toBe('Chỉ 10\u00a0% nhiệm vụ vượt yêu cầu, cần ít nhất 30\u00a0%: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('shortcomings_unfixed', { count: 3 }))).toBe('3 hạn chế, khuyết điểm chưa khắc phục xong: không thể Hoàn thành tốt nhiệm vụ');
    expect(say(reason('trigger', { trigger: 'disciplined' }))).toBe('Bị xử lý kỷ luật trong kỳ: không thể Hoàn thành tốt nhiệm vụ');
  });

  it('asks for a reason only when the chosen level is ruled out', () => {
    const levels = [level('HTXSNV', false, [reason('score', { count: 80, limit: 90 })]), level('HTTNV', true)];
    expect(needsReason(levels, 'HTXSNV')).toBe(true);
    expect(needsReason(levels, 'HTTNV')).toBe(false);
    expect(needsReason(levels, null)).toBe(false);
  });
});

const row = (id: string, r: Partial<ReviewListItem>): ReviewListItem =>
  ({ id, memberName: id, unitName: 'Chi bộ', status: 'submitted', selfLevel: 'HTTNV', proposedLevel: null, decidedLevel: null, ruledOut: [], ...r }) as ReviewListItem;

describe('the decision table', () => {
  it('starts at the decision in force, else the proposal, else the member\'s own level', () => {
    expect(decisionDefault(row('a', {}))).toBe('HTTNV');
    expect(decisionDefault(row('a', { proposedLevel: 'HTNV' }))).toBe('HTNV');
    expect(decisionDefault(row('a', { proposedLevel: 'HTNV', decidedLevel: 'HTXSNV' }))).toBe('HTXSNV');
  });

  it('needs a reason when a decision changes or the level is ruled out', () => {
    expect(decisionNeedsReason(row('a', { decidedLevel: 'HTTNV' }), 'HTNV')).toBe('changed');
    expect(decisionNeedsReason(row('a', { decidedLevel: 'HTTNV' }), 'HTTNV')).toBeNull();
    expect(decisionNeedsReason(row('a', { ruledOut: ['HTXSNV'] }), 'HTXSNV')).toBe('ruledOut');
    expect(decisionNeedsReason(row('a', { ruledOut: ['HTXSNV'] }), 'HTTNV')).toBeNull();
  });

  it('sends only what differs from the level in force, with its reason and the over-quota reason', () => {
    const rows = [row('a', {}), row('b', { decidedLevel: 'HTTNV' }), row('c', { selfLevel: 'HTXSNV' })];
    expect(decisionsBody(rows, { c: { level: 'HTXSNV', reason: ' Thành tích xuất sắc ' } }, 'Vượt vì khen thưởng')).toEqual({
      decisions: [
        { reviewId: 'a', level: 'HTTNV' },
        { reviewId: 'c', level: 'HTXSNV', reason: 'Thành tích xuất sắc' },
      ],
      overQuotaReason: 'Vượt vì khen thưởng',
    });
    expect(decisionsBody([row('b', { decidedLevel: 'HTTNV' })], {}, null)).toBeNull();
  });

  it('asks a date for the steps of the newest period, else for the six starting steps', () => {
    expect(stepsToDate(undefined).map((s) => s.code)).toEqual(['self_review', 'cell_meeting', 'cell_proposal', 'committee_collective', 'committee_individual', 'publish']);
    expect(stepsToDate({ steps: [{ code: 'x', name: 'Bước X', dueOn: '2026-12-01', passed: false }] })).toEqual([{ code: 'x', name: 'Bước X' }]);
  });
});
