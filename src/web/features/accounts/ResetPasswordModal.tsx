import '../../components/modal-styles.js';
import { useState } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AccountSummary, AccountWithPassword } from '../../api/types.js';
import { Notice } from '../../components/Notice.js';
import { formErrorsFrom } from '../../lib/forms.js';
import { TemporaryPassword } from './TemporaryPassword.js';
import { DialogActions } from '../../components/DialogActions.js';

/** Confirm, then reset an account's password and show the new one-time password once. */
export function ResetPasswordModal({
  account,
  opened,
  onClose,
}: {
  account: AccountSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<AccountWithPassword | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = useMutation({
    mutationFn: () => api<AccountWithPassword>(`/accounts/${account.id}/reset-password`, { method: 'POST' }),
    onSuccess: (r) => {
      setResult(r);
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (e) => setError(formErrorsFrom(e, [], t('common.formErrors')).general),
  });

  function close() {
    setResult(null);
    setError(null);
    onClose();
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={result ? t('accounts.passwordReset', { username: account.username }) : t('accounts.reset')}
      centered
      closeOnClickOutside={!result}
    >
      {result ? (
        <TemporaryPassword username={result.account.username} password={result.temporaryPassword} reset onDone={close} />
      ) : (
        <Stack gap="md">
          {error && <Notice tone="error">{error}</Notice>}
          <Text>{t('accounts.resetConfirm', { name: account.displayName, username: account.username })}</Text>
          <DialogActions onCancel={close} confirmLabel={t('accounts.reset')} onConfirm={() => reset.mutate()} busy={reset.isPending} />
        </Stack>
      )}
    </Modal>
  );
}
