import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import type { Autosave } from '../lib/useAutosave.js';
import { Notice } from './Notice.js';

/** What the notices say, in the form's own terms (each shown only when it applies). */
export interface SaveNoticeWords {
  /** This device's unsaved copy was restored (when it was typed is the form's to say). */
  restored: string;
  /** The device would not keep a copy. */
  localFailed: string;
  /** No connection: what is typed stays on this device. */
  offline: string;
  conflictTitle: string;
  conflictBody: string;
  keepMine: string;
  keepTheirs: string;
}

/**
 * Above a form that saves as one types (lib/useAutosave.ts): the copy restored from this device
 * (until dismissed), a device that keeps no copy, a lost connection, and the choice when another
 * tab or device saved first.
 */
export function SaveNotices<D, At extends string | null>({ save, words }: { save: Autosave<D, At>; words: SaveNoticeWords }) {
  const [restoredSeen, setRestoredSeen] = useState(false);
  return (
    <>
      {save.restoredAt && !restoredSeen && (
        <Notice tone="info" onClose={() => setRestoredSeen(true)}>
          {words.restored}
        </Notice>
      )}
      {save.localFailed && <Notice tone="warning">{words.localFailed}</Notice>}
      {save.status === 'offline' && <Notice tone="warning">{words.offline}</Notice>}
      {save.conflict && (
        <Notice tone="warning" title={words.conflictTitle}>
          <p className="ts-notice-text">{words.conflictBody}</p>
          <Group gap="xs" mt="xs">
            <Button size="xs" onClick={() => save.resolveConflict('mine')}>
              {words.keepMine}
            </Button>
            <Button size="xs" variant="default" onClick={() => save.resolveConflict('theirs')}>
              {words.keepTheirs}
            </Button>
          </Group>
        </Notice>
      )}
    </>
  );
}
