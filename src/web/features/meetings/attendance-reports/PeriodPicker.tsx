import './messages.js';
import { useId, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateInput } from '../../../lib/format.js';
import { currentYear } from '../../../lib/time.js';
import { rangeOf, type Period } from './period.js';

const CUSTOM = 'custom';

/**
 * Year select (the unit's meeting years, newest first) with a last option for any from–to
 * range, which opens two date fields (dd/mm/yyyy, as everywhere in the app).
 */
export function PeriodPicker({ period, years, onChange }: { period: Period; years: number[]; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [custom, setCustom] = useState(period.kind === 'range');
  const range = rangeOf(period);
  const [fromText, setFromText] = useState(formatDate(range.from) ?? '');
  const [toText, setToText] = useState(formatDate(range.to) ?? '');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const offered = years.length > 0 ? years : [currentYear()];

  const onSelect = (value: string) => {
    if (value === CUSTOM) {
      setFromText(formatDate(range.from) ?? '');
      setToText(formatDate(range.to) ?? '');
      setErrors({});
      setCustom(true);
      return;
    }
    setCustom(false);
    onChange({ kind: 'year', year: Number(value) });
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const from = parseDateInput(fromText);
    const to = parseDateInput(toText);
    const next: { from?: string; to?: string } = {};
    if (from === null) next.from = t('errors.required');
    else if (from === 'invalid') next.from = t('errors.invalidDate');
    if (to === null) next.to = t('errors.required');
    else if (to === 'invalid') next.to = t('errors.invalidDate');
    if (!next.from && !next.to && from && to && from !== 'invalid' && to !== 'invalid') {
      if (to < from) next.to = t('reports.period.invalidOrder');
      else if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10) next.to = t('reports.period.tooLong');
      else {
        setErrors({});
        onChange({ kind: 'range', from, to });
        return;
      }
    }
    setErrors(next);
  };

  return (
    <Group gap="sm" align="flex-start" wrap="wrap" className="ts-rp-period">
      <NativeSelect
        label={t('reports.period.label')}
        value={custom ? CUSTOM : period.kind === 'year' ? String(period.year) : CUSTOM}
        onChange={(e) => onSelect(e.currentTarget.value)}
        data={[
          ...offered.map((y) => ({ value: String(y), label: t('reports.period.year', { year: y }) })),
          { value: CUSTOM, label: t('reports.period.custom') },
        ]}
        className="ts-rp-period-select"
      />
      {custom && (
        <form onSubmit={apply} noValidate className="ts-rp-period-form" aria-label={t('reports.period.custom')}>
          <TextInput
            id={`${id}-from`}
            label={t('reports.period.from')}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            value={fromText}
            onChange={(e) => setFromText(e.currentTarget.value)}
            error={errors.from}
            className="ts-rp-date"
          />
          <TextInput
            id={`${id}-to`}
            label={t('reports.period.to')}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            value={toText}
            onChange={(e) => setToText(e.currentTarget.value)}
            error={errors.to}
            className="ts-rp-date"
          />
          <Button type="submit" variant="light" className="ts-rp-apply">
            {t('reports.period.apply')}
          </Button>
        </form>
      )}
    </Group>
  );
}
