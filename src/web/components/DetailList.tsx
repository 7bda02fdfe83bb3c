import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list; empty values read "Chưa có". */
export function DetailList({ items }: { items: Detail[] }) {
  const { t } = useTranslation();
  return (
    <dl className="ts-dl">
      {items.map((item) => (
        <div key={item.label} className="ts-dl-row">
          <dt>{item.label}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <span className="ts-muted">{t('common.notSet')}</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
