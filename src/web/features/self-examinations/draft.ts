// The self-examination draft as the form holds it, and its copy on this device: pure helpers,
// no React (unit-tested in draft.test.ts).
import { isRecord, localDrafts } from '../../lib/localDraft.js';
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

// --- The copy on this device (lib/localDraft.ts) --------------------------------------------------

/** A draft of this form as this device may have kept it (anything else is ignored, not restored). */
export function isDraft(v: unknown): v is Draft {
  return isRecord(v) && typeof v.strengths === 'string' && Array.isArray(v.answers) && Array.isArray(v.shortcomings) && Array.isArray(v.followups);
}

/** What the member typed and the server has not confirmed yet, one copy per self-examination. */
export const deviceCopies = localDrafts('tusoi.selfexam.draft.', isDraft);
