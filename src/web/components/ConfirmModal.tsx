import './modal-styles.js';
import type { ReactNode } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { DialogActions } from './DialogActions.js';
import { Notice } from './Notice.js';

/** A yes/no question before an action that cannot simply be undone. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  color,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {error && <Notice tone="error">{error}</Notice>}
        <Text>{children}</Text>
        <DialogActions onCancel={onClose} confirmLabel={confirmLabel} onConfirm={onConfirm} busy={busy} color={color} />
      </Stack>
    </Modal>
  );
}
