// The copy of a form's draft on this device: pure helpers, no React (unit-tested in localDraft.test.ts).

/**
 * What the member typed and the server has not confirmed yet, kept in localStorage so that a
 * refresh, a closed tab or a dropped connection loses nothing. Keyed by the record; `revision` is
 * the server revision the edits were made on top of. Removed as soon as the server has it (what a
 * member writes about themself is private: it should not linger on a shared phone).
 */
export interface LocalDraft<D> {
  v: 1;
  revision: number;
  /** When it was last typed (this device's clock). */
  editedAt: string;
  draft: D;
}

/** One form's copies on this device, one per record. */
export interface LocalDrafts<D> {
  /** The copy of this record, or null when there is none or it is damaged or of another shape. */
  read: (id: string) => LocalDraft<D> | null;
  /** False when the device refused (storage full or disabled): the page then says so. */
  write: (id: string, revision: number, draft: D, now?: Date) => boolean;
  clear: (id: string) => void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The copies of one form, under `prefix` + the record's id; `isDraft` tells a draft of this form from anything else. */
export function localDrafts<D>(prefix: string, isDraft: (v: unknown) => v is D): LocalDrafts<D> {
  const key = (id: string) => `${prefix}${id}`;
  return {
    read(id) {
      const raw = storage()?.getItem(key(id));
      if (!raw) return null;
      try {
        const v = JSON.parse(raw) as Partial<LocalDraft<unknown>>;
        if (v.v !== 1 || typeof v.revision !== 'number' || typeof v.editedAt !== 'string' || !isDraft(v.draft)) return null;
        return v as LocalDraft<D>;
      } catch {
        return null;
      }
    },
    write(id, revision, draft, now = new Date()) {
      const s = storage();
      if (!s) return false;
      try {
        const value: LocalDraft<D> = { v: 1, revision, editedAt: now.toISOString(), draft };
        s.setItem(key(id), JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    clear(id) {
      try {
        storage()?.removeItem(key(id));
      } catch {
        /* nothing to do */
      }
    },
  };
}

/** A plain object (not null, not an array): for the drafts' validators. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The same JSON value, whatever order the keys of its objects were written in. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isRecord(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sorted(v[k])]),
  );
}

export type Restore<D> =
  | { kind: 'server' }
  /** Edits typed on top of the server's revision and never saved: carry on from them. */
  | { kind: 'local'; local: LocalDraft<D> }
  /** Edits typed on top of an older revision, and the server has had a newer save since (another tab or device): ask. */
  | { kind: 'conflict'; local: LocalDraft<D> };

/**
 * Which text the form opens with: the server's, or this device's unsaved copy when that is newer.
 * `same` says when two drafts would be saved alike (then there is nothing to restore).
 */
export function chooseRestore<D>(server: { revision: number; draft: D }, local: LocalDraft<D> | null, same: (a: D, b: D) => boolean): Restore<D> {
  if (!local || same(local.draft, server.draft)) return { kind: 'server' };
  if (local.revision >= server.revision) return { kind: 'local', local };
  return { kind: 'conflict', local };
}
