import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client.js';
import { reviewPath, type ReviewDetail, type SaveResult } from './api.js';
import { draftOf, saveBody, type ReviewDraft } from './draft.js';
import type { SaveStatus } from '../../lib/useAutosave.js';

/** Typing pauses this long before the review goes to the server (as the self-examination form). */
export const SAVE_DELAY_MS = 1000;
const RETRY_MS = 15_000;


export interface ReviewAutosave {
  draft: ReviewDraft;
  update: (change: (d: ReviewDraft) => ReviewDraft) => void;
  status: SaveStatus;
  /** When the server last took the review in this visit (null: nothing typed yet). */
  savedAt: string | null;
  error: unknown;
  /** The newer version another tab or device saved, while the member chooses. */
  conflict: { revision: number; updatedAt: string; draft: ReviewDraft } | null;
  resolveConflict: (keep: 'mine' | 'theirs') => void;
  /** Save now (before submitting); true once the server has everything. */
  flush: () => Promise<boolean>;
}

/**
 * Saves the self-review as the member types, like the self-examination form (useAutosave.ts):
 * `PUT …/self-assessment` with the revision it was typed on after a pause; without a connection
 * it tries again when the browser is back online; a save made elsewhere meanwhile (409
 * `review_stale`) is shown as a choice, never silently overwritten. `onSaved` receives the
 * server's answer (the total and which levels the points now allow).
 */
export function useReviewAutosave(detail: ReviewDetail, onSaved: (res: SaveResult) => void): ReviewAutosave {
  const id = detail.id;
  const [draft, setDraft] = useState<ReviewDraft>(() => draftOf(detail));
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ReviewAutosave['conflict']>(null);
  const draftRef = useRef(draft);
  const revisionRef = useRef(detail.revision);
  const dirtyRef = useRef(false);
  const pausedRef = useRef(false);
  const inFlight = useRef<Promise<'ok' | 'more' | 'failed'> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const send = useCallback(async (): Promise<'ok' | 'more' | 'failed'> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inFlight.current) await inFlight.current;
    if (!dirtyRef.current) return 'ok';
    if (pausedRef.current) return 'failed';
    const sent = draftRef.current;
    const attempt = (async (): Promise<'ok' | 'more' | 'failed'> => {
      try {
        const res = await api<SaveResult>(reviewPath(id, '/self-assessment'), { method: 'PUT', body: saveBody(sent, revisionRef.current) });
        revisionRef.current = res.revision;
        if (!mounted.current) return 'ok';
        setSavedAt(res.updatedAt);
        setError(null);
        onSavedRef.current(res);
        if (draftRef.current === sent) {
          dirtyRef.current = false;
          setStatus('saved');
          return 'ok';
        }
        return 'more';
      } catch (e) {
        if (!mounted.current) return 'failed';
        if (isApiError(e, 0)) setStatus('offline');
        else if (isApiError(e, 409) && e.code === 'review_stale') {
          pausedRef.current = true;
          setStatus('conflict');
          try {
            const latest = await api<ReviewDetail>(reviewPath(id));
            setConflict({ revision: latest.revision, updatedAt: new Date().toISOString(), draft: draftOf(latest) });
          } catch (e2) {
            pausedRef.current = false;
            setStatus(isApiError(e2, 0) ? 'offline' : 'error');
            setError(e2);
          }
        } else {
          setStatus('error');
          setError(e);
        }
        return 'failed';
      }
    })();
    inFlight.current = attempt;
    const outcome = await attempt;
    inFlight.current = null;
    return outcome;
  }, [id]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void send().then((outcome) => outcome === 'more' && mounted.current && schedule());
    }, SAVE_DELAY_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [send]);

  const update = useCallback(
    (change: (d: ReviewDraft) => ReviewDraft) => {
      const next = change(draftRef.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      dirtyRef.current = true;
      setDraft(next);
      if (pausedRef.current) return;
      setStatus((s) => (s === 'offline' ? s : 'saving'));
      schedule();
    },
    [schedule],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  // Back online, or every little while after a failure: try again.
  useEffect(() => {
    const retry = () => {
      if (dirtyRef.current && !pausedRef.current && !inFlight.current) void send().then((o) => o === 'more' && mounted.current && schedule());
    };
    window.addEventListener('online', retry);
    const every = setInterval(() => (status === 'offline' || status === 'error') && retry(), RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(every);
    };
  }, [send, schedule, status]);

  // Leaving with something unsaved: the browser asks.
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);

  const resolveConflict = useCallback(
    (keep: 'mine' | 'theirs') => {
      if (!conflict) return;
      revisionRef.current = conflict.revision;
      pausedRef.current = false;
      setConflict(null);
      if (keep === 'theirs') {
        draftRef.current = conflict.draft;
        dirtyRef.current = false;
        setDraft(conflict.draft);
        setStatus('saved');
        return;
      }
      dirtyRef.current = true;
      setStatus('saving');
      schedule();
    },
    [conflict, schedule],
  );

  const flush = useCallback(async () => {
    for (let i = 0; i < 5; i++) {
      const outcome = await send();
      if (outcome === 'ok') return true;
      if (outcome === 'failed') return false;
    }
    return false;
  }, [send]);

  return { draft, update, status, savedAt, error, conflict, resolveConflict, flush };
}
