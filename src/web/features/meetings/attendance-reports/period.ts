import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.js';
import { useMeetingYears, type Range } from './api.js';
import { currentYear } from '../../../lib/time.js';

/** A report period: a calendar year, or any from–to range. */
export type Period = { kind: 'year'; year: number } | { kind: 'range'; from: string; to: string };

/** This year when it has meetings (or nothing has any), else the newest year that has. */
export function defaultYear(years: readonly number[]): number {
  const now = currentYear();
  if (years.length === 0 || years.includes(now)) return now;
  return Math.max(...years);
}

export function rangeOf(p: Period): Range {
  return p.kind === 'year' ? { from: `${p.year}-01-01`, to: `${p.year}-12-31` } : { from: p.from, to: p.to };
}

/**
 * The period a report shows: what the user picked, else the default year of the unit's meeting
 * years (null while those load). If the years cannot be read, the current year.
 */
export function usePeriod(unitId: string): {
  period: Period | null;
  years: number[];
  setPeriod: (p: Period) => void;
} {
  const yearsQuery = useMeetingYears(unitId);
  const [chosen, setPeriod] = useState<Period | null>(null);
  const years = yearsQuery.data ?? [];
  const ready = yearsQuery.isSuccess || yearsQuery.isError;
  const period = chosen ?? (ready ? { kind: 'year' as const, year: defaultYear(years) } : null);
  // The picker always offers the year shown, even when the list had no meeting in it.
  const offered = period?.kind === 'year' && !years.includes(period.year) ? [period.year, ...years] : years;
  return { period, years: [...offered].sort((a, b) => b - a), setPeriod };
}

/** "Năm 2022" or "Từ 01/03/2022 đến 30/06/2022". */
export function usePeriodLabel(period: Period | null): string {
  const { t } = useTranslation();
  if (!period) return '';
  if (period.kind === 'year') return t('reports.period.year', { year: period.year });
  return t('reports.period.range', { from: formatDate(period.from), to: formatDate(period.to) });
}
