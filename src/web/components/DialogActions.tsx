import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The button row every dialog ends with: "Hủy" (or `cancelLabel`) and one confirming action —
 * a submit button of the surrounding form, or `onConfirm` for dialogs without a form.
 */
export function DialogActions({
  onCancel,
  cancelLabel,
  confirmLabel,
  onConfirm,
  busy = false,
  disabled = false,
  color,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  /** Defaults to "Lưu". */
  confirmLabel?: string;
  onConfirm?: () => void;
  busy?: boolean;
  disabled?: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        loading={busy}
        disabled={disabled}
        color={color}
      >
        {confirmLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
