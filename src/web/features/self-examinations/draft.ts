// The self-examination draft as the form holds it, and its copy on this device: pure helpers,
// no React (unit-tested in draft.test.ts).
import type { ChecklistItem, ChecklistResponse, Followup, Mark, SaveDraftBody, SelfExamDetail, Shortcoming } from './api.js';

/** What the member writes: the body of `PUT /self-examinations/:id/draft` without its revision. */
export type Draft = Omit<SaveDraftBody, 'revision'>;
export type DraftAnswer = Draft['answers'][number];

export function draftOf(detail: Pick<SelfExamDetail, 'strengths' | 'answers' | 'shortcomings' | 'followups'>): Draft {
  return {
    strengths: detail.strengths,
    answers: detail.answers.map((a) => ({ itemId: a.itemId, mark: a.mark, note: a.note })),
    shortcomings: detail.shortcomings.map((s) => ({ ...s, plan: s.plan ? { ...s.plan } : null })),
    followups: detail.followups.map((f) => ({ ...f })),
  };
}

/** The body to save: an empty note goes as null (the text itself is sent as typed, untrimmed). */
export function saveBody(draft: Draft, revision: number): SaveDraftBody {
  return {
    revision,
    strengths: draft.strengths,
    answers: draft.answers.map((a) => ({ itemId: a.itemId, mark: a.mark, note: a.note ? a.note : null })),
    shortcomings: draft.shortcomings,
    followups: draft.followups,
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(saveBody(a, 0)) === JSON.stringify(saveBody(b, 0));
}

/** Marks an item (or, with `mark` null, clears it); the note stays with its item. */
export function withAnswer(draft: Draft, itemId: string, change: { mark?: Mark | null; note?: string }): Draft {
  const i = draft.answers.findIndex((a) => a.itemId === itemId);
  const old = i >= 0 ? draft.answers[i]! : null;
  const mark = change.mark === undefined ? (old?.mark ?? null) : change.mark;
  const answers = [...draft.answers];
  if (mark === null) {
    if (i >= 0) answers.splice(i, 1);
  } else {
    const next: DraftAnswer = { itemId, mark, note: change.note ?? old?.note ?? null };
    if (i >= 0) answers[i] = next;
    else answers.push(next);
  }
  return { ...draft, answers };
}

export function answersById(draft: Draft): Map<string, DraftAnswer> {
  return new Map(draft.answers.map((a) => [a.itemId, a]));
}

/**
 * Items not marked yet, of both lists (the 27 manifestations and the exemplary points): the server
 * refuses to take the self-examination without every item of its checklist version.
 */
export function unmarkedItems(checklist: ChecklistResponse, draft: Draft): ChecklistItem[] {
  const marked = answersById(draft);
  return checklist.groups
    .flatMap((g) => g.items)
    .filter((item) => !marked.has(item.id));
}

/** A proposed correction with all three parts: it becomes a plan item when the self-examination is submitted. */
export function planComplete(s: Shortcoming): boolean {
  return s.plan !== null && s.plan.action.trim() !== '' && s.plan.deadline !== null && s.plan.successCriteria.trim() !== '';
}

/** A random UUID (v4) for a new row. `crypto.randomUUID` exists only on https or localhost; this works on a plain-http LAN address too. */
export function newKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function emptyShortcoming(): Shortcoming {
  return { key: newKey(), text: '', causeKind: null, cause: '', plan: null };
}

export function emptyFollowup(): Followup {
  return { key: newKey(), planItemId: null, shortcoming: '', status: null, result: '' };
}

// --- The copy on this device -------------------------------------------------------------------

/**
 * What the member typed and the server has not confirmed yet, kept in localStorage so that a
 * refresh, a closed tab or a dropped connection loses nothing. Keyed by the self-examination;
 * `revision` is the server revision the edits were made on top of. Removed as soon as the server
 * has it (a self-examination is private: it should not linger on a shared phone).
 */
export interface LocalDraft {
  v: 1;
  revision: number;
  /** When it was last typed (this device's clock). */
  editedAt: string;
  draft: Draft;
}

export const localKey = (id: string) => `tusoi.selfexam.draft.${id}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function isDraft(v: unknown): v is Draft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.strengths === 'string' && Array.isArray(d.answers) && Array.isArray(d.shortcomings) && Array.isArray(d.followups);
}

export function readLocal(id: string): LocalDraft | null {
  const raw = storage()?.getItem(localKey(id));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<LocalDraft>;
    if (v.v !== 1 || typeof v.revision !== 'number' || typeof v.editedAt !== 'string' || !isDraft(v.draft)) return null;
    return v as LocalDraft;
  } catch {
    return null;
  }
}

/** False when the device refused (storage full or disabled): the page then says so. */
export function writeLocal(id: string, revision: number, draft: Draft, now = new Date()): boolean {
  const s = storage();
  if (!s) return false;
  try {
    const value: LocalDraft = { v: 1, revision, editedAt: now.toISOString(), draft };
    s.setItem(localKey(id), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearLocal(id: string): void {
  try {
    storage()?.removeItem(localKey(id));
  } catch {
    /* nothing to do */
  }
}

export type Restore =
  | { kind: 'server' }
  /** Edits typed on top of the server's revision and never saved: carry on from them. */
  | { kind: 'local'; local: LocalDraft }
  /** Edits typed on top of an older revision, and the server has had a newer save since (another tab or device): ask. */
  | { kind: 'conflict'; local: LocalDraft };

/** Which text the form opens with: the server's, or this device's unsaved copy when that is newer. */
export function chooseRestore(server: { revision: number; draft: Draft }, local: LocalDraft | null): Restore {
  if (!local || sameDraft(local.draft, server.draft)) return { kind: 'server' };
  if (local.revision >= server.revision) return { kind: 'local', local };
  return { kind: 'conflict', local };
}
