import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistResponse } from './api.js';
import {
  chooseRestore,
  clearLocal,
  emptyShortcoming,
  localKey,
  newKey,
  planComplete,
  readLocal,
  sameDraft,
  saveBody,
  unmarkedItems,
  withAnswer,
  writeLocal,
  type Draft,
} from './draft.js';

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

  it('saves an empty note as none, keeps the text as typed, and compares drafts by what would be saved', () => {
    const d = withAnswer(withAnswer(empty(), 'ct1', { mark: 'none' }), 'ct1', { note: '' });
    const typed = { ...d, strengths: '  Đi họp đúng giờ ' };
    expect(saveBody(typed, 4)).toEqual({ revision: 4, strengths: '  Đi họp đúng giờ ', answers: [{ itemId: 'ct1', mark: 'none', note: null }], shortcomings: [], followups: [] });
    expect(sameDraft(d, withAnswer(d, 'ct1', { note: '' }))).toBe(true);
    expect(sameDraft(d, typed)).toBe(false);
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

describe('the copy on this device', () => {
  const store = new Map<string, string>();
  const fakeStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  beforeEach(() => {
    store.clear();
    (globalThis as { window?: unknown }).window = { localStorage: fakeStorage };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('keeps what was typed with the revision it was typed on, and forgets it when told', () => {
    const d = { ...empty(), strengths: 'Viết lúc mất sóng' };
    expect(writeLocal('se-1', 3, d, new Date('2022-04-14T01:00:00Z'))).toBe(true);
    expect(readLocal('se-1')).toEqual({ v: 1, revision: 3, editedAt: '2022-04-14T01:00:00.000Z', draft: d });
    expect(readLocal('se-2')).toBeNull();
    clearLocal('se-1');
    expect(readLocal('se-1')).toBeNull();
  });

  it('ignores a damaged or foreign copy instead of failing the form', () => {
    store.set(localKey('se-1'), '{not json');
    expect(readLocal('se-1')).toBeNull();
    store.set(localKey('se-1'), JSON.stringify({ v: 2, revision: 1, editedAt: 'x', draft: empty() }));
    expect(readLocal('se-1')).toBeNull();
    store.set(localKey('se-1'), JSON.stringify({ v: 1, revision: 1, editedAt: 'x', draft: { strengths: 1 } }));
    expect(readLocal('se-1')).toBeNull();
  });

  it('says so when the device refuses to keep it (storage full or switched off)', () => {
    (globalThis as { window?: unknown }).window = {
      localStorage: { ...fakeStorage, setItem: () => { throw new Error('QuotaExceededError'); } },
    };
    expect(writeLocal('se-1', 1, empty())).toBe(false);
    delete (globalThis as { window?: unknown }).window;
    expect(writeLocal('se-1', 1, empty())).toBe(false);
    expect(readLocal('se-1')).toBeNull();
  });

  it('opens with the server\'s text, this device\'s unsaved edits, or asks when another device saved since', () => {
    const server = { revision: 5, draft: { ...empty(), strengths: 'Bản trên máy chủ' } };
    const local = (revision: number, strengths: string) => ({ v: 1 as const, revision, editedAt: '2022-04-14T01:00:00.000Z', draft: { ...empty(), strengths } });
    expect(chooseRestore(server, null)).toEqual({ kind: 'server' });
    expect(chooseRestore(server, local(4, 'Bản trên máy chủ'))).toEqual({ kind: 'server' });
    expect(chooseRestore(server, local(5, 'Viết thêm khi mất sóng'))).toMatchObject({ kind: 'local' });
    expect(chooseRestore(server, local(4, 'Viết trên máy cũ'))).toMatchObject({ kind: 'conflict' });
  });
});
