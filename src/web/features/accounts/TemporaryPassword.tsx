import { useId, useRef, useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';

/**
 * The one-time password of a new account or a reset, shown once: large, monospace, with a copy
 * button (and, where the clipboard is unavailable, e.g. plain http on a LAN, selected for copying
 * by hand) and the instruction to hand it over.
 */
export function TemporaryPassword({
  username,
  password,
  reset = false,
  onDone,
}: {
  username: string;
  password: string;
  /** A reset (the person changes it at the next sign-in) rather than a new account. */
  reset?: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const valueRef = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  function selectValue() {
    const el = valueRef.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      selectValue();
      setCopy('failed');
    }
  }

  return (
    <Stack gap="md">
      <div className="ts-temp-password">
        <Text size="sm" fw={600} id={labelId}>
          {t('accounts.tempPassword')} · {username}
        </Text>
        <div ref={valueRef} className="ts-temp-password-value" aria-labelledby={labelId} translate="no">
          {password}
        </div>
        <Group gap="sm">
          <Button variant="light" leftSection={<CopyIcon size={16} />} onClick={() => void copyPassword()}>
            {copy === 'copied' ? t('accounts.copied') : t('accounts.copy')}
          </Button>
          <Text size="sm" c="dimmed" role="status">
            {copy === 'failed' ? t('accounts.copyFailed') : ''}
          </Text>
        </Group>
      </div>
      <Notice tone="warning">{reset ? t('accounts.handOverReset') : t('accounts.handOver')}</Notice>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
