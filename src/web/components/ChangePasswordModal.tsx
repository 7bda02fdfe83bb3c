import './modal-styles.js';
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { api, isApiError } from '../api/client.js';
import { meKey } from '../api/session.js';
import { formErrorsFrom, type FormErrors } from '../lib/forms.js';
import { Notice } from './Notice.js';
import { DialogActions } from './DialogActions.js';
import { usePhone } from '../lib/usePhone.js';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };

export function ChangePasswordModal({
  opened,
  onClose,
  required = false,
}: {
  opened: boolean;
  onClose: () => void;
  /** The account must change its password: explain why. */
  required?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<{ ok: true }>('/auth/password', { method: 'POST', body }),
    meta: { allow401: true }, // 401 = wrong current password, not a lost session
    onSuccess: () => {
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => {
      const e = formErrorsFrom(error, FIELDS, t('errors.generic', { status: 0 }));
      if (isApiError(error, 401) && !e.fields.currentPassword) {
        setErrors({ fields: { currentPassword: error.message }, general: null });
      } else setErrors(e);
    },
  });

  function close() {
    setErrors(NO_ERRORS);
    setDone(false);
    onClose();
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!current) fields.currentPassword = t('errors.required');
    if (next.length < 10) fields.newPassword = t('errors.passwordTooShort');
    if (confirm !== next) fields.confirmPassword = t('errors.passwordMismatch');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    change.mutate({ currentPassword: current, newPassword: next });
  }

  return (
    <Modal opened={opened} onClose={close} title={t('account.changePassword')} fullScreen={phone} centered>
      {done ? (
        <Stack>
          <Notice tone="success">
            {t('account.changed')}
          </Notice>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {required && (
              <Text size="sm" c="dimmed">
                {t('account.mustChange')}
              </Text>
            )}
            {errors.general && (
              <Notice tone="error">
                {errors.general}
              </Notice>
            )}
            <PasswordField
              label={t('account.currentPassword')}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.fields.currentPassword}
              toggleLabel={t('login.togglePassword')}
            />
            <PasswordField
              label={t('account.newPassword')}
              description={t('account.newPasswordHint')}
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errors.fields.newPassword}
              toggleLabel={t('login.togglePassword')}
            />
            <PasswordField
              label={t('account.confirmPassword')}
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.fields.confirmPassword}
              toggleLabel={t('login.togglePassword')}
            />
            <DialogActions
              onCancel={close}
              cancelLabel={required ? t('common.later') : undefined}
              confirmLabel={t('account.changePassword')}
              busy={change.isPending}
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
