import { Button, Text } from '@mantine/core';
import type { SaveStatus } from '../lib/useAutosave.js';

/**
 * "Đã lưu lúc …" / "Đang lưu…" / "Chưa lưu — mất kết nối", always in sight at the bottom of the
 * form (styles/self-examination.css), with the submit button; `words` says each state in the form's own terms.
 */
export function SaveBar({
  status,
  words,
  submitLabel,
  onSubmit,
  submitting,
}: {
  status: SaveStatus;
  words: Record<SaveStatus, string>;
  submitLabel: string;
  onSubmit: (() => void) | null;
  submitting: boolean;
}) {
  return (
    <div className="ts-se-savebar" data-status={status}>
      <Text size="sm" fw={600} role="status" aria-live="polite" className="ts-se-savebar-text" data-save-status={status}>
        {words[status]}
      </Text>
      {onSubmit && (
        <Button onClick={onSubmit} loading={submitting} disabled={status === 'conflict'}>
          {submitLabel}
        </Button>
      )}
    </div>
  );
}
