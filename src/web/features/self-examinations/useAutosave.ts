import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client.js';
import { selfExamPath, type SelfExamDetail } from './api.js';
import { chooseRestore, clearLocal, draftOf, readLocal, saveBody, writeLocal, type Draft, type LocalDraft } from './draft.js';

/** Typing pauses this long before the draft goes to the server. */
export const SAVE_DELAY_MS = 1000;
/** While the connection is down, another try this often (the 'online' event does not always come). */
const RETRY_MS = 15_000;

export type SaveStatus =
  /** Everything typed is on the server. */
  | 'saved'
  /** Typed, waiting for the pause or on its way. */
  | 'saving'
  /** No connection: kept on this device, sent when it is back. */
  | 'offline'
  /** The server refused (the message says why): kept on this device. */
  | 'error'
  /** Another tab or device saved a newer version: the member chooses. */
  | 'conflict';

export interface Conflict {
  /** The version on the server. */
  server: { revision: number; updatedAt: string; draft: Draft };
  /** When this device's copy was last typed. */
  localEditedAt: string;
}

export interface Autosave {
  draft: Draft;
  /** Change the draft (a function of the latest one): kept on the device at once, saved after a pause. */
  update: (change: (draft: Draft) => Draft) => void;
  status: SaveStatus;
  /** When the server last took the draft. */
  savedAt: string;
  error: unknown;
  /** This device's unsaved copy was restored when the page opened. */
  restoredAt: string | null;
  /** The device would not keep a copy (storage full or disabled). */
  localFailed: boolean;
  conflict: Conflict | null;
  resolveConflict: (keep: 'mine' | 'theirs') => void;
  /** Save now (before submitting); true once the server has everything. */
  flush: () => Promise<boolean>;
  /** Forget this device's copy (after submitting). */
  discardLocal: () => void;
}

type SaveResult = { revision: number; updatedAt: string };

/**
 * Saves a self-examination as the member types: the draft goes to localStorage on every change
 * and to the server after a pause of about a second (`PUT …/draft` with the revision it was typed
 * on). Without a connection it waits and tries again when the browser is back online; a save
 * another tab made in the meantime (409 `self_exam_stale`) is shown as a choice, never silently
 * overwritten or dropped.
 */
export function useAutosave(detail: SelfExamDetail, editable: boolean): Autosave {
  const id = detail.id;
  // Chosen once, when the form opens: the server's text, or this device's newer unsaved copy.
  const [initial] = useState(() => {
    const serverDraft = draftOf(detail);
    if (!editable) return { draft: serverDraft, restore: { kind: 'server' as const } };
    const restore = chooseRestore({ revision: detail.revision, draft: serverDraft }, readLocal(id));
    if (restore.kind === 'server') clearLocal(id);
    return { draft: restore.kind === 'server' ? serverDraft : restore.local.draft, restore };
  });

  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [status, setStatus] = useState<SaveStatus>(
    initial.restore.kind === 'conflict' ? 'conflict' : initial.restore.kind === 'local' ? 'saving' : 'saved',
  );
  const statusRef = useRef(status);
  statusRef.current = status;
  const [savedAt, setSavedAt] = useState(detail.updatedAt);
  const [error, setError] = useState<unknown>(null);
  const [localFailed, setLocalFailed] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(() =>
    initial.restore.kind === 'conflict'
      ? { server: { revision: detail.revision, updatedAt: detail.updatedAt, draft: draftOf(detail) }, localEditedAt: initial.restore.local.editedAt }
      : null,
  );
  const restoredAt = initial.restore.kind === 'local' ? initial.restore.local.editedAt : null;

  const draftRef = useRef(initial.draft);
  const revisionRef = useRef(detail.revision);
  /** The draft differs from what the server has. */
  const dirtyRef = useRef(initial.restore.kind !== 'server');
  const pausedRef = useRef(initial.restore.kind === 'conflict');
  const inFlight = useRef<Promise<'ok' | 'more' | 'failed'> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const keepLocal = useCallback(
    (revision: number, value: Draft) => {
      setLocalFailed(!writeLocal(id, revision, value));
    },
    [id],
  );

  /** Sends the newest draft: 'ok' once the server has everything, 'more' if more was typed meanwhile, 'failed'. */
  const send = useCallback(async (): Promise<'ok' | 'more' | 'failed'> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time: a second waits for the first, then sends whatever is newest.
    while (inFlight.current) await inFlight.current;
    if (!dirtyRef.current) return 'ok';
    if (pausedRef.current) return 'failed';
    const sent = draftRef.current;
    // Offline, the line keeps saying so while it tries again (no flicker of "Đang lưu…").
    if (statusRef.current !== 'offline') setStatus('saving');
    const attempt = (async (): Promise<'ok' | 'more' | 'failed'> => {
      try {
        const res = await api<SaveResult>(selfExamPath(id, '/draft'), { method: 'PUT', body: saveBody(sent, revisionRef.current) });
        revisionRef.current = res.revision;
        if (!mounted.current) return 'ok';
        setSavedAt(res.updatedAt);
        setError(null);
        if (draftRef.current === sent) {
          dirtyRef.current = false;
          clearLocal(id);
          setStatus('saved');
          return 'ok';
        }
        // Typed more while it was on its way: the device's copy now builds on the new revision.
        keepLocal(res.revision, draftRef.current);
        setStatus('saving');
        return 'more';
      } catch (e) {
        if (!mounted.current) return 'failed';
        if (isApiError(e, 0)) {
          setStatus('offline');
        } else if (isApiError(e, 409) && e.code === 'self_exam_stale') {
          pausedRef.current = true;
          setStatus('conflict');
          try {
            const latest = await api<SelfExamDetail>(selfExamPath(id));
            setConflict({
              server: { revision: latest.revision, updatedAt: latest.updatedAt, draft: draftOf(latest) },
              localEditedAt: new Date().toISOString(),
            });
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
  }, [id, keepLocal]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void send().then((outcome) => {
        // More was typed during the save: it goes after the usual pause.
        if (outcome === 'more' && mounted.current) schedule();
      });
    }, SAVE_DELAY_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [send]);

  const update = useCallback(
    (change: (d: Draft) => Draft) => {
      const next = change(draftRef.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      dirtyRef.current = true;
      setDraft(next);
      keepLocal(revisionRef.current, next);
      if (pausedRef.current) return;
      setStatus((s) => (s === 'offline' ? s : 'saving'));
      schedule();
    },
    [keepLocal, schedule],
  );

  // A restored copy goes to the server straight away.
  useEffect(() => {
    mounted.current = true;
    if (editable && dirtyRef.current && !pausedRef.current) schedule();
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back online, back to the tab, or every little while: try again.
  useEffect(() => {
    if (!editable) return;
    const retry = () => {
      if (dirtyRef.current && !pausedRef.current && !inFlight.current) {
        void send().then((outcome) => outcome === 'more' && mounted.current && schedule());
      }
    };
    const onVisible = () => document.visibilityState === 'visible' && retry();
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    const every = setInterval(() => {
      if (status === 'offline' || status === 'error') retry();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(every);
    };
  }, [editable, send, schedule, status]);

  // Leaving with something unsaved: the device's copy is already written; the browser asks too.
  useEffect(() => {
    if (!editable) return;
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current && !readLocal(id)) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [editable, id]);

  const resolveConflict = useCallback(
    (keep: 'mine' | 'theirs') => {
      if (!conflict) return;
      revisionRef.current = conflict.server.revision;
      pausedRef.current = false;
      setConflict(null);
      setSavedAt(conflict.server.updatedAt);
      if (keep === 'theirs') {
        draftRef.current = conflict.server.draft;
        dirtyRef.current = false;
        setDraft(conflict.server.draft);
        clearLocal(id);
        setStatus('saved');
        return;
      }
      // Mine: it goes over the newer version (which stays in the record's history of saves no more than any draft does).
      dirtyRef.current = true;
      keepLocal(conflict.server.revision, draftRef.current);
      schedule();
    },
    [conflict, id, keepLocal, schedule],
  );

  const flush = useCallback(async () => {
    for (let i = 0; i < 5; i++) {
      const outcome = await send();
      if (outcome === 'ok') return true;
      if (outcome === 'failed') return false;
    }
    return false;
  }, [send]);

  const discardLocal = useCallback(() => {
    dirtyRef.current = false;
    clearLocal(id);
  }, [id]);

  return { draft, update, status, savedAt, error, restoredAt, localFailed, conflict, resolveConflict, flush, discardLocal };
}

export type { LocalDraft };
