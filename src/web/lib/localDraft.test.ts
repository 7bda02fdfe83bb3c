import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseRestore, isRecord, localDrafts, sameJson } from './localDraft.js';

/** A form of one text and its notes: an empty note is saved as none. */
interface Note {
  text: string;
  notes: string[];
}
const isNote = (v: unknown): v is Note => isRecord(v) && typeof v.text === 'string' && Array.isArray(v.notes);
const body = (d: Note, revision: number) => ({ revision, text: d.text, notes: d.notes.map((n) => n || null) });
const same = (a: Note, b: Note) => sameJson(body(a, 0), body(b, 0));
const note = (text: string, notes: string[] = []): Note => ({ text, notes });

const PREFIX = 'tusoi.test.draft.';
const copies = localDrafts(PREFIX, isNote);

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

  it('keeps what was typed with the revision it was typed on, under its record, and forgets it when told', () => {
    const d = note('Viết lúc mất sóng');
    expect(copies.write('r-1', 3, d, new Date('2022-04-14T01:00:00Z'))).toBe(true);
    expect([...store.keys()]).toEqual([`${PREFIX}r-1`]);
    expect(copies.read('r-1')).toEqual({ v: 1, revision: 3, editedAt: '2022-04-14T01:00:00.000Z', draft: d });
    expect(copies.read('r-2')).toBeNull();
    copies.clear('r-1');
    expect(copies.read('r-1')).toBeNull();
  });

  it('ignores a damaged copy, one of another version, or a draft its form does not recognise, instead of failing the form', () => {
    store.set(`${PREFIX}r-1`, '{not json');
    expect(copies.read('r-1')).toBeNull();
    store.set(`${PREFIX}r-1`, JSON.stringify({ v: 2, revision: 1, editedAt: 'x', draft: note('') }));
    expect(copies.read('r-1')).toBeNull();
    store.set(`${PREFIX}r-1`, JSON.stringify({ v: 1, revision: '1', editedAt: 'x', draft: note('') }));
    expect(copies.read('r-1')).toBeNull();
    store.set(`${PREFIX}r-1`, JSON.stringify({ v: 1, revision: 1, editedAt: 'x', draft: { text: 1, notes: [] } }));
    expect(copies.read('r-1')).toBeNull();
    // Another form's copies are under another prefix.
    expect(localDrafts('tusoi.other.draft.', isNote).read('r-1')).toBeNull();
  });

  it('says so when the device refuses to keep it (storage full or switched off)', () => {
    (globalThis as { window?: unknown }).window = {
      localStorage: { ...fakeStorage, setItem: () => { throw new Error('QuotaExceededError'); } },
    };
    expect(copies.write('r-1', 1, note(''))).toBe(false);
    delete (globalThis as { window?: unknown }).window;
    expect(copies.write('r-1', 1, note(''))).toBe(false);
    expect(copies.read('r-1')).toBeNull();
  });
});

describe('which text the form opens with', () => {
  const server = { revision: 5, draft: note('Bản trên máy chủ', ['']) };
  const local = (revision: number, d: Note) => ({ v: 1 as const, revision, editedAt: '2022-04-14T01:00:00.000Z', draft: d });

  it('the server\'s, this device\'s unsaved edits, or asks when another device saved since', () => {
    expect(chooseRestore(server, null, same)).toEqual({ kind: 'server' });
    expect(chooseRestore(server, local(4, note('Bản trên máy chủ', [''])), same)).toEqual({ kind: 'server' });
    expect(chooseRestore(server, local(5, note('Viết thêm khi mất sóng')), same)).toMatchObject({ kind: 'local' });
    expect(chooseRestore(server, local(6, note('Viết thêm khi mất sóng')), same)).toMatchObject({ kind: 'local' });
    expect(chooseRestore(server, local(4, note('Viết trên máy cũ')), same)).toMatchObject({ kind: 'conflict' });
  });

  it('compares drafts by what would be saved, whatever order their keys were kept in', () => {
    // An empty note and none are saved alike: nothing to restore, nothing to ask.
    expect(chooseRestore(server, local(4, { notes: [''], text: 'Bản trên máy chủ' }), same)).toEqual({ kind: 'server' });
    expect(sameJson({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
  });
});
