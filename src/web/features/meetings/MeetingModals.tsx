import './messages.js';
import '../../components/modal-styles.js';
import { useState, type FormEvent } from 'react';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import type { FormErrors } from '../../lib/forms.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import { usePhone } from '../../lib/usePhone.js';
import { meetingPath, type MeetingDetail } from './api.js';

const REOPEN_FIELDS = ['reason'] as const;

/** Reopen approved minutes for a correction: the reason is kept with the version. */
export function ReopenModal({
  opened,
  meetingId,
  version,
  onClose,
  onDone,
}: {
  opened: boolean;
  meetingId: string;
  version: number;
  onClose: () => void;
  onDone: (detail: MeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.reopen.title', { version })} fullScreen={phone} centered>
      {opened && <ReopenForm meetingId={meetingId} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function ReopenForm({ meetingId, onClose, onDone }: { meetingId: string; onClose: () => void; onDone: (d: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<'reason'>>({ fields: {}, general: null });
  const reopen = useMutation({
    mutationFn: (body: { reason: string }) => api<MeetingDetail>(meetingPath(meetingId, '/reopen'), { method: 'POST', body }),
    onSuccess: onDone,
    onError: (e) => setErrors(fieldErrors(e, REOPEN_FIELDS, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setErrors({ fields: { reason: t('meetings.reopen.reasonTooShort') }, general: null });
      return;
    }
    reopen.mutate({ reason: reason.trim() });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <Text size="sm">{t('meetings.reopen.body')}</Text>
        <Textarea
          label={t('meetings.reopen.reason')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.fields.reason}
          data-autofocus
        />
        <DialogActions onCancel={onClose} confirmLabel={t('meetings.actions.reopen')} busy={reopen.isPending} />
      </Stack>
    </form>
  );
}
