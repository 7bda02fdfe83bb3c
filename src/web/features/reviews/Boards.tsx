import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodSummary } from './api.js';

/** The period a board shows (newest first); its id goes in the address. */
export function PeriodPicker({ periods, value, onChange }: { periods: readonly PeriodSummary[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('reviews.board.period')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={periods.map((p) => ({ value: p.id, label: `${p.title} (${t(`reviews.periodStatus.${p.status}`)})` }))}
      maw={420}
    />
  );
}
