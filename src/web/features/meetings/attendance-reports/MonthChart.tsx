import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthStats } from './api.js';
import { useWidth } from '../../../lib/useWidth.js';
import { monthName, splitMonth } from './format.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';
import { useChartFocus } from '../../../lib/useChartFocus.js';

/** Series colours: both ≥ 3:1 against white, and apart in hue and lightness from each other. */
export const ATTENDANCE_COLOUR = '#6a8cc0';
export const PUNCTUALITY_COLOUR = '#a11a1a';

const LEFT = 44;
const RIGHT = 6;
const TOP = 10;

function hasData(m: MonthStats): boolean {
  return m.expected > 0;
}

/**
 * Month-by-month attendance and punctuality as grouped bars (inline SVG, no chart library):
 * one group per month, empty months left as gaps, a row of late-arrival counts under the month
 * labels. Keyboard: the months are one tab stop, arrows move between them and show a tooltip.
 * The text alternative is a data table, visually hidden until asked for.
 */
export function MonthChart({
  months,
  title,
  tableCaption,
  compact = false,
}: {
  months: MonthStats[];
  /** What the chart shows, with its period (the SVG's title). */
  title: string;
  tableCaption: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [ref, measured] = useWidth<HTMLDivElement>();
  const { active, hide, pointProps, tooltipLeft } = useChartFocus(months.length, months.findIndex(hasData));
  const [showTable, setShowTable] = useState(false);

  const n = months.length;
  const multiYear = n > 0 && months[0]!.month.slice(0, 4) !== months[n - 1]!.month.slice(0, 4);
  const monthShort = (m: string) => {
    const { month, year } = splitMonth(m);
    return multiYear
      ? t('reports.chart.monthShortYear', { month, yy: String(year).slice(2) })
      : t('reports.chart.monthShort', { month, monthName: monthName(month, lng) });
  };
  const monthLong = (m: string) => {
    const { month, year } = splitMonth(m);
    return t('reports.chart.monthLong', { month, year, monthName: monthName(month, lng) });
  };
  const pct = (v: number | null) => formatPercent(v, lng);

  const pointLabel = (m: MonthStats) =>
    hasData(m)
      ? t('reports.chart.monthPoint', {
          month: monthLong(m.month),
          attendance: pct(m.attendanceRate),
          punctuality: pct(m.punctualityRate),
          late: formatNumber(m.late, lng),
        })
      : t('reports.chart.monthEmpty', { month: monthLong(m.month) });

  // Summary for the SVG's <desc>: where punctuality was lowest and highest, which months had
  // nobody late (the story of a cell that fixed its lateness reads straight from it).
  const withData = months.filter((m) => hasData(m) && m.punctualityRate !== null);
  const desc: string[] = [];
  if (withData.length === 0) desc.push(t('reports.chart.descNone'));
  else {
    const lowest = withData.reduce((a, b) => (b.punctualityRate! < a.punctualityRate! ? b : a));
    const highest = withData.reduce((a, b) => (b.punctualityRate! > a.punctualityRate! ? b : a));
    desc.push(t('reports.chart.descLowest', { month: monthLong(lowest.month), value: pct(lowest.punctualityRate) }));
    desc.push(t('reports.chart.descHighest', { month: monthLong(highest.month), value: pct(highest.punctualityRate) }));
    const late = withData.filter((m) => m.late > 0).map((m) => monthShort(m.month));
    const noLate = withData.filter((m) => m.late === 0).map((m) => monthShort(m.month));
    if (late.length > 0) desc.push(t('reports.chart.descLate', { months: late.join(', ') }));
    if (noLate.length > 0) desc.push(t('reports.chart.descNoLate', { months: noLate.join(', ') }));
  }

  // Geometry, in CSS pixels of the measured width (text keeps its size on a phone).
  const width = measured > 0 ? measured : 320;
  const plotH = compact ? 110 : 170;
  const height = TOP + plotH + 44;
  const band = n > 0 ? (width - LEFT - RIGHT) / n : 0;
  const groupW = Math.min(band * 0.8, compact ? 30 : 46);
  const barW = Math.max(2, (groupW - 2) / 2);
  const y = (v: number) => TOP + plotH * (1 - v);
  const ticks = compact ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  // "T1".."T12" from 28 px a month; narrower (a phone), bare numbers under a "Tháng" row label,
  // and from 16 px down only every other one.
  const numeric = band < 28;
  const labelStep = band >= 16 ? 1 : Math.ceil(16 / Math.max(1, band));
  const baseline = y(0);

  const tip = active !== null ? months[active] : undefined;
  const tipWidth = 200;
  const tipLeft = tooltipLeft(width, LEFT, band, tipWidth);

  return (
    <div className="ts-rp-chart">
      <div ref={ref} className="ts-rp-chart-box" onMouseLeave={hide}>
        <svg
          width={width}
          height={height}
          role="group"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="ts-rp-svg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{`${desc.join(' ')} ${t('reports.chart.keyboardHint')}`}</desc>
          <g aria-hidden="true">
            {ticks.map((v) => (
              <g key={v}>
                <line x1={LEFT} x2={width - RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? 'ts-rp-axis' : 'ts-rp-grid'} />
                <text x={LEFT - 6} y={y(v)} dy="0.32em" textAnchor="end" className="ts-rp-tick">
                  {formatPercent(v, lng)}
                </text>
              </g>
            ))}
            {numeric && (
              <text x={LEFT - 6} y={baseline + 16} textAnchor="end" className="ts-rp-tick">
                {t('reports.chart.monthRow')}
              </text>
            )}
            <text x={LEFT - 6} y={baseline + 34} textAnchor="end" className="ts-rp-tick ts-rp-late-label">
              {t('reports.chart.lateRow')}
            </text>
          </g>
          {months.map((m, i) => {
            const cx = LEFT + band * (i + 0.5);
            const x0 = cx - groupW / 2;
            const data = hasData(m);
            const showLabel = i % labelStep === 0;
            return (
              <g key={m.month} {...pointProps(i, pointLabel(m))}>
                <rect x={LEFT + band * i} y={TOP - 4} width={band} height={plotH + 44} className="ts-rp-hit" />
                {data && m.attendanceRate !== null && (
                  <rect
                    x={x0}
                    y={Math.min(y(m.attendanceRate), baseline - 2)}
                    width={barW}
                    height={Math.max(2, baseline - y(m.attendanceRate))}
                    fill={ATTENDANCE_COLOUR}
                  />
                )}
                {data && m.punctualityRate !== null && (
                  <rect
                    x={x0 + barW + 2}
                    y={Math.min(y(m.punctualityRate), baseline - 2)}
                    width={barW}
                    height={Math.max(2, baseline - y(m.punctualityRate))}
                    fill={PUNCTUALITY_COLOUR}
                  />
                )}
                {showLabel && (
                  <text
                    x={cx}
                    y={baseline + 16}
                    textAnchor="middle"
                    className="ts-rp-tick"
                    aria-hidden="true"
                  >
                    {numeric ? splitMonth(m.month).month : monthShort(m.month)}
                  </text>
                )}
                <text
                  x={cx}
                  y={baseline + 34}
                  textAnchor="middle"
                  className="ts-rp-late"
                  data-zero={data && m.late === 0 ? true : undefined}
                  aria-hidden="true"
                >
                  {data ? formatNumber(m.late, lng) : '·'}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && (
          <div className="ts-rp-tooltip" style={{ left: tipLeft, width: tipWidth }} aria-hidden="true">
            <strong>{monthLong(tip.month)}</strong>
            {hasData(tip) ? (
              <>
                <span>
                  <i className="ts-rp-swatch" style={{ background: ATTENDANCE_COLOUR }} />
                  {t('reports.chart.tooltipAttendance', {
                    value: pct(tip.attendanceRate),
                    present: tip.present,
                    expected: tip.expected,
                  })}
                </span>
                <span>
                  <i className="ts-rp-swatch" style={{ background: PUNCTUALITY_COLOUR }} />
                  {t('reports.chart.tooltipPunctuality', {
                    value: pct(tip.punctualityRate),
                    onTime: tip.onTime,
                    present: tip.present,
                  })}
                </span>
                <span>{t('reports.chart.tooltipLate', { count: tip.late, minutes: tip.lateMinutesTotal })}</span>
              </>
            ) : (
              <span>{t('reports.table.noMeeting')}</span>
            )}
          </div>
        )}
      </div>

      <ul className="ts-rp-legend" aria-label={t('reports.chart.legendLabel')}>
        <li>
          <i className="ts-rp-swatch" style={{ background: ATTENDANCE_COLOUR }} aria-hidden="true" />
          {t('reports.chart.attendance')}
        </li>
        <li>
          <i className="ts-rp-swatch" style={{ background: PUNCTUALITY_COLOUR }} aria-hidden="true" />
          {t('reports.chart.punctuality')}
        </li>
        <li>{t('reports.chart.lateRowHint')}</li>
        <li>{t('reports.chart.emptyHint')}</li>
      </ul>

      <button
        type="button"
        className="ts-rp-toggle"
        aria-controls={`${id}-table`}
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t('reports.chart.hideTable') : t('reports.chart.showTable')}
      </button>
      <div id={`${id}-table`} className={showTable ? 'ts-rp-table-wrap' : 'ts-sr-only'}>
        <MonthTable
          months={months}
          caption={tableCaption}
          rowLabel={(m) => {
            if (multiYear) return monthLong(m);
            const { month } = splitMonth(m);
            return t('reports.chart.monthOnly', { month, monthName: monthName(month, lng) });
          }}
        />
      </div>
    </div>
  );
}

function MonthTable({ months, caption, rowLabel }: { months: MonthStats[]; caption: string; rowLabel: (m: string) => string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const num = (v: number) => formatNumber(v, lng);
  return (
    <Table fz="sm" horizontalSpacing={6} verticalSpacing={6} striped className="ts-rp-table ts-rp-month-table">
      <caption>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.table.month')}</Table.Th>
          <Table.Th scope="col" className="ts-rp-num">
            {t('reports.table.attendanceRate')}{' '}
            <span className="ts-rp-sub">{t('reports.table.presentOfExpected')}</span>
          </Table.Th>
          <Table.Th scope="col" className="ts-rp-num">
            {t('reports.table.punctualityRate')}{' '}
            <span className="ts-rp-sub">{t('reports.table.onTimeOfPresent')}</span>
          </Table.Th>
          <Table.Th scope="col" className="ts-rp-num">
            {t('reports.table.late')}{' '}
            <span className="ts-rp-sub">{t('reports.table.lateUnit')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {months.map((m) => (
          <Table.Tr key={m.month}>
            <Table.Th scope="row" className="ts-rp-nowrap">
              {rowLabel(m.month)}
            </Table.Th>
            {hasData(m) ? (
              <>
                <Table.Td className="ts-rp-num">
                  {formatPercent(m.attendanceRate, lng)}{' '}
                  <span className="ts-rp-sub">
                    {num(m.present)}/{num(m.expected)}
                  </span>
                </Table.Td>
                <Table.Td className="ts-rp-num">
                  {formatPercent(m.punctualityRate, lng)}{' '}
                  <span className="ts-rp-sub">
                    {num(m.onTime)}/{num(m.present)}
                  </span>
                </Table.Td>
                <Table.Td className="ts-rp-num" data-late={m.late > 0 || undefined}>
                  {num(m.late)}
                </Table.Td>
              </>
            ) : (
              <Table.Td colSpan={3} className="ts-muted">
                {t('reports.table.noMeeting')}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
