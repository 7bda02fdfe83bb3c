import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { Notice } from './Notice.js';

/** A failed load: the server's message (already translated) and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : null;
  return (
    <Notice tone="error" title={t('errors.loadFailed')}>
      {message && <p className="ts-notice-text">{message}</p>}
      {onRetry && (
        <Button size="xs" variant="outline" mt="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Notice>
  );
}
