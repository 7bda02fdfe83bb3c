import '../citizen-feedback/messages.js';
import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import type { ConfirmationBody, ConfirmationDecision } from './api.js';

/**
 * "Đồng ý với kết quả" / "Chưa đồng ý" with an optional comment: a citizen with their tracking
 * code, or the village cell signed in. `onDone` refreshes whatever shows the result.
 */
export function ConfirmBox({ issueId, trackingCode, question, onDone }: { issueId: string; trackingCode?: string; question: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const confirm = useMutation({
    mutationFn: (decision: ConfirmationDecision) => {
      const body: ConfirmationBody = { decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(trackingCode ? { trackingCode } : {}) };
      return api<unknown>(`/local-issues/${issueId}/confirmations`, { method: 'POST', body });
    },
    meta: { allow401: Boolean(trackingCode) },
    onSuccess: onDone,
  });
  return (
    <Stack gap="sm" data-testid="confirm-box">
      <Text fw={600}>{question}</Text>
      {confirm.isError && <Notice tone="error">{confirm.error.message}</Notice>}
      <Textarea
        label={t('localissues.track.comment')}
        autosize
        minRows={2}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        data-testid="confirm-comment"
      />
      <Group gap="sm" grow>
        <Button size="md" color="green.8" loading={confirm.isPending && confirm.variables === 'confirm'} disabled={confirm.isPending} onClick={() => confirm.mutate('confirm')} data-testid="confirm-button">
          {t('localissues.decision.confirm')}
        </Button>
        <Button size="md" variant="outline" loading={confirm.isPending && confirm.variables === 'dispute'} disabled={confirm.isPending} onClick={() => confirm.mutate('dispute')} data-testid="dispute-button">
          {t('localissues.decision.dispute')}
        </Button>
      </Group>
    </Stack>
  );
}
