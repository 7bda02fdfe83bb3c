import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { Notice } from './Notice.js';

/**
 * A failed load: the server's message (already translated) and a way to try again. A 403 says
 * plainly that the account lacks the right (asking again would not help, so no retry).
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 403)) {
    return (
      <Notice tone="warning" title={t('errors.forbiddenTitle')}>
        <p className="ts-notice-text">{t('errors.forbiddenBody')}</p>
      </Notice>
    );
  }
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
