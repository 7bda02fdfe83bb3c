import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Tone = 'error' | 'success' | 'info' | 'warning';

/**
 * A message box (errors, confirmations, notices). Errors are announced (role="alert"),
 * confirmations politely (role="status").
 */
export function Notice({
  tone = 'info',
  title,
  children,
  onClose,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children: ReactNode;
  onClose?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const role = tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined;
  return (
    <div className={`ts-notice${className ? ` ${className}` : ''}`} data-tone={tone} role={role}>
      <div className="ts-notice-body">
        {title && <div className="ts-notice-title">{title}</div>}
        {children}
      </div>
      {onClose && (
        <button type="button" className="ts-notice-close" aria-label={t('common.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
