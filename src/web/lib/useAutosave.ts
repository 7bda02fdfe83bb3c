import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../api/client.js';
import { chooseRestore, sameJson, type LocalDrafts } from './localDraft.js';

/** Typing pauses this long before the draft goes to the server. */
const SAVE_DELAY_MS = 1000;
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

/**
 * A version of the draft on the server. `At` is `string` where the server says when it was saved,
 * `null` where it does not (the review): then the page knows of no save before this visit.
 */
export interface ServerDraft<D, At extends string | null = string> {
  revision: number;
  updatedAt: At;
  draft: D;
}

/** The least a save answers: the new revision and when. */
export interface SaveResult {
  revision: number;
  updatedAt: string;
}

export interface AutosaveOptions<D, R extends SaveResult, At extends string | null> {
  /** The record being written: its saves and its copy on this device go by it. */
  id: string;
  /** What the server has when the form opens (read once). */
  server: ServerDraft<D, At>;
  /** Where a save goes (`PUT`). */
  path: string;
  /** What a save sends: the whole draft with the revision it was typed on. Two drafts that would be sent alike are the same. */
  body: (draft: D, revision: number) => unknown;
  /** The code of the 409 answer that means another tab or device saved first. */
  staleCode: string;
  /** The server's version now, for the member to choose against. */
  latest: () => Promise<ServerDraft<D, At>>;
  /** This form's copies on this device (lib/localDraft.ts): one per form, made once (a module's constant). */
  local: LocalDrafts<D>;
  /** Every answer of the server to a save (e.g. a total it computes). */
  onSaved?: (res: R) => void;
}

export interface Conflict<D, At extends string | null> {
  /** The version on the server. */
  server: ServerDraft<D, At>;
  /** When this device's copy was last typed. */
  localEditedAt: string;
}

export interface Autosave<D, At extends string | null = string> {
  draft: D;
  /** Change the draft (a function of the latest one): kept on the device at once, saved after a pause. */
  update: (change: (draft: D) => D) => void;
  status: SaveStatus;
  /** When the server last took the draft (null: not in this visit, and the server did not say before). */
  savedAt: string | At;
  error: unknown;
  /** This device's unsaved copy was restored when the page opened. */
  restoredAt: string | null;
  /** The device would not keep a copy (storage full or disabled). */
  localFailed: boolean;
  conflict: Conflict<D, At> | null;
  resolveConflict: (keep: 'mine' | 'theirs') => void;
  /** Save now (before submitting); true once the server has everything. */
  flush: () => Promise<boolean>;
  /** Forget this device's copy (after submitting). */
  discardLocal: () => void;
}

type Outcome = 'ok' | 'more' | 'failed';

/**
 * Saves a form as the member types (the self-examination, the year-end review): the draft goes to
 * this device's storage on every change and to the server after a pause of about a second (`PUT`
 * with the revision it was typed on). Without a connection it waits and tries again when the
 * browser is back online; a save another tab made in the meantime (409 with `staleCode`) is shown
 * as a choice, never silently overwritten or dropped. On opening, a newer unsaved copy on this
 * device is restored (or offered as that choice when the server has moved on since); the copy is
 * removed once the server has everything.
 */
export function useAutosave<D, R extends SaveResult, At extends string | null = string>(options: AutosaveOptions<D, R, At>): Autosave<D, At> {
  const opts = useRef(options);
  opts.current = options;
  const { id, local } = options;
  // Chosen once, when the form opens: the server's text, or this device's newer unsaved copy.
  const [initial] = useState(() => {
    const { server, body } = options;
    const restore = chooseRestore(server, local.read(id), (a, b) => sameJson(body(a, 0), body(b, 0)));
    if (restore.kind === 'server') local.clear(id);
    return { server, draft: restore.kind === 'server' ? server.draft : restore.local.draft, restore };
  });

  const [draft, setDraft] = useState<D>(initial.draft);
  const [status, setStatus] = useState<SaveStatus>(
    initial.restore.kind === 'conflict' ? 'conflict' : initial.restore.kind === 'local' ? 'saving' : 'saved',
  );
  const statusRef = useRef(status);
  statusRef.current = status;
  const [savedAt, setSavedAt] = useState<string | At>(initial.server.updatedAt);
  const [error, setError] = useState<unknown>(null);
  const [localFailed, setLocalFailed] = useState(false);
  const [conflict, setConflict] = useState<Conflict<D, At> | null>(() =>
    initial.restore.kind === 'conflict' ? { server: initial.server, localEditedAt: initial.restore.local.editedAt } : null,
  );
  const restoredAt = initial.restore.kind === 'local' ? initial.restore.local.editedAt : null;

  const draftRef = useRef(initial.draft);
  const revisionRef = useRef(initial.server.revision);
  /** The draft differs from what the server has. */
  const dirtyRef = useRef(initial.restore.kind !== 'server');
  const pausedRef = useRef(initial.restore.kind === 'conflict');
  const inFlight = useRef<Promise<Outcome> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const keepLocal = useCallback(
    (revision: number, value: D) => {
      setLocalFailed(!local.write(id, revision, value));
    },
    [id, local],
  );

  /** Sends the newest draft: 'ok' once the server has everything, 'more' if more was typed meanwhile, 'failed'. */
  const send = useCallback(async (): Promise<Outcome> => {
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
    const attempt = (async (): Promise<Outcome> => {
      const { path, body, staleCode, latest, onSaved } = opts.current;
      try {
        const res = await api<R>(path, { method: 'PUT', body: body(sent, revisionRef.current) });
        revisionRef.current = res.revision;
        if (!mounted.current) return 'ok';
        setSavedAt(res.updatedAt);
        setError(null);
        onSaved?.(res);
        if (draftRef.current === sent) {
          dirtyRef.current = false;
          local.clear(id);
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
        } else if (isApiError(e, 409) && e.code === staleCode) {
          pausedRef.current = true;
          setStatus('conflict');
          try {
            setConflict({ server: await latest(), localEditedAt: new Date().toISOString() });
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
  }, [id, local, keepLocal]);

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
    (change: (d: D) => D) => {
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
    if (dirtyRef.current && !pausedRef.current) schedule();
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back online, back to the tab, or every little while: try again.
  useEffect(() => {
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
  }, [send, schedule, status]);

  // Leaving with something unsaved: the device's copy is already written; where it is not, the browser asks.
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current && !local.read(id)) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [id, local]);

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
        local.clear(id);
        setStatus('saved');
        return;
      }
      // Mine: it goes over the newer version (which stays in the record's history of saves no more than any draft does).
      dirtyRef.current = true;
      keepLocal(conflict.server.revision, draftRef.current);
      setStatus('saving');
      schedule();
    },
    [conflict, id, local, keepLocal, schedule],
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
    local.clear(id);
  }, [id, local]);

  return { draft, update, status, savedAt, error, restoredAt, localFailed, conflict, resolveConflict, flush, discardLocal };
}
