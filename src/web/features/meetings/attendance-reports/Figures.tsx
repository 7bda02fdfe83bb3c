import './messages.js';
import { useTranslation } from 'react-i18next';
import type { AttendanceRates } from './api.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';

/**
 * The headline figures of a period: attendance and punctuality rates, late arrivals, average
 * minutes late, number of meetings. `member` words them for one person ("lần" not "lượt").
 */
export function Figures({ total, meetings, member = false }: { total: AttendanceRates; meetings: number; member?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const noData = t('reports.figures.noData');
  const tiles: { key: string; label: string; value: string; hint: string | null; tone?: 'good' | 'bad' }[] = [
    {
      key: 'attendance',
      label: t('reports.figures.attendanceRate'),
      value: formatPercent(total.attendanceRate, lng, noData),
      hint:
        total.expected > 0
          ? [
              t('reports.figures.attendanceHint', { present: formatNumber(total.present, lng), expected: formatNumber(total.expected, lng) }),
              total.excused + total.absent > 0
                ? t('reports.figures.absentHint', { excused: formatNumber(total.excused, lng), absent: formatNumber(total.absent, lng) })
                : null,
            ]
              .filter(Boolean)
              .join('; ')
          : null,
    },
    {
      key: 'punctuality',
      label: t('reports.figures.punctualityRate'),
      value: formatPercent(total.punctualityRate, lng, noData),
      hint:
        total.present > 0
          ? t('reports.figures.punctualityHint', { onTime: formatNumber(total.onTime, lng), present: formatNumber(total.present, lng) })
          : null,
      tone: total.punctualityRate === 1 ? 'good' : undefined,
    },
    {
      key: 'late',
      label: member ? t('reports.figures.lateCountMember') : t('reports.figures.lateCount'),
      value: formatNumber(total.late, lng),
      hint: total.late > 0 ? t('reports.figures.lateTotalHint', { minutes: formatNumber(total.lateMinutesTotal, lng) }) : null,
      tone: total.late > 0 ? 'bad' : undefined,
    },
    {
      key: 'average',
      label: t('reports.figures.averageLate'),
      value:
        total.averageLateMinutes === null
          ? t('common.none')
          : t('reports.units.minutes', { value: formatNumber(total.averageLateMinutes, lng) }),
      hint: total.averageLateMinutes === null ? null : t('reports.figures.averageLateHint'),
    },
    {
      key: 'meetings',
      label: member ? t('reports.figures.meetingsMember') : t('reports.figures.meetings'),
      value: formatNumber(meetings, lng),
      hint: null,
    },
  ];

  return (
    <div>
      <dl className="ts-rp-figures">
        {tiles.map((tile) => (
          <div key={tile.key} className="ts-rp-figure" data-tone={tile.tone}>
            <dt>{tile.label}</dt>
            <dd>
              <span className="ts-rp-figure-value">{tile.value}</span>
              {tile.hint && <span className="ts-rp-figure-hint">{tile.hint}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {total.pending > 0 && (
        <p className="ts-rp-note">{t('reports.figures.pending', { count: total.pending })}</p>
      )}
    </div>
  );
}
