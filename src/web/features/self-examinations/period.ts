import type { TFunction } from 'i18next';
import { formatDate } from '../../lib/format.js';
import type { SelfExamPeriodKind } from '../../../shared/enums.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A self-examination's period in the interface language: "Năm 2022" / "Year 2022", "Quý II/2022" /
 * "Q2 2022", "Sinh hoạt chuyên đề 14/04/2022". The API's `periodLabel` is Vietnamese only.
 */
export function periodText(t: TFunction, p: { periodKind: SelfExamPeriodKind; year: number; quarter: number | null; meetingDate?: string | null }): string {
  if (p.periodKind === 'quarter' && p.quarter) return t('selfexam.period.quarter', { quarter: p.quarter, roman: ROMAN[p.quarter - 1], year: p.year });
  if (p.periodKind === 'thematic') return t('selfexam.period.thematic', { date: (p.meetingDate && formatDate(p.meetingDate)) || String(p.year) });
  return t('selfexam.period.year', { year: p.year });
}

/** A board's period, `2022` or `2022-Q2`, the same way. */
export function statsPeriodText(t: TFunction, period: string): string {
  const [year, quarter] = period.split('-Q');
  return periodText(t, { periodKind: quarter ? 'quarter' : 'year', year: Number(year), quarter: quarter ? Number(quarter) : null });
}
