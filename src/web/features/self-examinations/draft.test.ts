import { describe, expect, it } from 'vitest';
import type { ChecklistResponse } from './api.js';
import { emptyShortcoming, isDraft, newKey, planComplete, saveBody, unmarkedItems, withAnswer, type Draft } from './draft.js';

const empty = (): Draft => ({ strengths: '', answers: [], shortcomings: [], followups: [] });

/** A checklist of two manifestations and one exemplary point (only what the helpers read). */
const checklist = {
  groups: [
    { list: 'manifestation', items: [{ id: 'ct1', code: 'CT1' }, { id: 'ct2', code: 'CT2' }] },
    { list: 'exemplary', items: [{ id: 'ng1', code: 'NG1' }] },
  ],
} as unknown as ChecklistResponse;

describe('the draft as the form holds it', () => {
  it('marks, re-marks and clears an item; the note stays with its item', () => {
    let d = withAnswer(empty(), 'ct1', { mark: 'at_risk' });
    d = withAnswer(d, 'ct1', { note: 'Đôi khi còn ngại nói' });
    d = withAnswer(d, 'ct1', { mark: 'none' });
    expect(d.answers).toEqual([{ itemId: 'ct1', mark: 'none', note: 'Đôi khi còn ngại nói' }]);
    expect(withAnswer(d, 'ct1', { mark: null }).answers).toEqual([]);
    // A note alone does not mark an item.
    expect(withAnswer(empty(), 'ct2', { note: 'x' }).answers).toEqual([]);
  });

  it('names every unmarked item of both lists, the exemplary points too (the server needs them all)', () => {
    const d = withAnswer(empty(), 'ct1', { mark: 'none' });
    expect(unmarkedItems(checklist, d).map((i) => i.code)).toEqual(['CT2', 'NG1']);
    const all = withAnswer(withAnswer(d, 'ct2', { mark: 'present' }), 'ng1', { mark: 'good' });
    expect(unmarkedItems(checklist, all)).toEqual([]);
  });

  it('saves an empty note as none and keeps the text as typed', () => {
    const d = withAnswer(withAnswer(empty(), 'ct1', { mark: 'none' }), 'ct1', { note: '' });
    const typed = { ...d, strengths: '  Đi họp đúng giờ ' };
    expect(saveBody(typed, 4)).toEqual({ revision: 4, strengths: '  Đi họp đúng giờ ', answers: [{ itemId: 'ct1', mark: 'none', note: null }], shortcomings: [], followups: [] });
  });

  it('turns a proposal into a plan item only with its action, deadline and criterion', () => {
    const s = emptyShortcoming();
    expect(planComplete(s)).toBe(false);
    const plan = { action: 'Góp ý mỗi kỳ', deadline: '2022-12-31', successCriteria: 'Ba kỳ liền có ý kiến' };
    expect(planComplete({ ...s, plan })).toBe(true);
    expect(planComplete({ ...s, plan: { ...plan, deadline: null } })).toBe(false);
    expect(planComplete({ ...s, plan: { ...plan, successCriteria: '   ' } })).toBe(false);
  });

  it('makes random version-4 keys', () => {
    const keys = new Set(Array.from({ length: 200 }, newKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the copy on this device (lib/localDraft.ts)', () => {
  it('recognises a self-examination draft, and nothing else', () => {
    expect(isDraft(empty())).toBe(true);
    expect(isDraft(withAnswer(empty(), 'ct1', { mark: 'none' }))).toBe(true);
    expect(isDraft({ ...empty(), strengths: 1 })).toBe(false);
    expect(isDraft({ strengths: '', answers: [], shortcomings: [] })).toBe(false);
    expect(isDraft([])).toBe(false);
    expect(isDraft(null)).toBe(false);
  });
});
