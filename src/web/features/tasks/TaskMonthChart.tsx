import './messages.js';
import './tasks.css';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';
import { useChartFocus } from '../../lib/useChartFocus.js';
import { useWidth } from '../reports/useWidth.js';
import type { BoardMonth } from './api.js';

/** Series colours, each ≥ 3:1 against white and apart in hue: on time, late, not done, not yet evaluated. */
const SERIES = [
  { key: 'onTime', colour: '#2f6b3a' },
  { key: 'late', colour: '#b35f00' },
  { key: 'notDone', colour: '#5c636a' },
  { key: 'open', colour: '#6a8cc0' },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

const LEFT = 34;
const RIGHT = 6;
const TOP = 12;
const PLOT_H = 160;

/** Tasks still open (or not yet evaluated) among those due in the month. */
const openOf = (m: BoardMonth) => Math.max(0, m.due - m.onTime - m.late - m.notDone);
const valueOf = (m: BoardMonth, key: SeriesKey) => (key === 'open' ? openOf(m) : m[key]);

/** A round step for about four grid lines up to `max`. */
function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

/**
 * Nhiệm vụ đến hạn theo tháng: one stacked bar per month of the tasks due in it — done on time
 * (exceeded included), late, not done, not yet evaluated. Inline SVG like the attendance chart
 * (reports/MonthChart.tsx): the months are one tab stop, arrows move between them; the text
 * alternative is a data table, visually hidden until asked for.
 */
export function TaskMonthChart({ months, year }: { months: BoardMonth[]; year: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [ref, measured] = useWidth<HTMLDivElement>();
  const { active, hide, pointProps, tooltipLeft } = useChartFocus(months.length, months.findIndex((m) => m.due > 0));
  const [showTable, setShowTable] = useState(false);
  const num = (v: number) => formatNumber(v, lng);

  const n = months.length;
  const width = measured > 0 ? measured : 320;
  const height = TOP + PLOT_H + 24;
  const band = n > 0 ? (width - LEFT - RIGHT) / n : 0;
  const barW = Math.min(band * 0.7, 36);
  const maxDue = Math.max(1, ...months.map((m) => m.due));
  const step = tickStep(maxDue);
  const top = Math.ceil(maxDue / step) * step;
  const y = (v: number) => TOP + PLOT_H * (1 - v / top);
  const baseline = y(0);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  const totalDue = months.reduce((s, m) => s + m.due, 0);
  const busiest = months.reduce<BoardMonth | null>((a, b) => (a === null || b.due > a.due ? b : a), null);
  const desc =
    totalDue === 0 || !busiest
      ? t('tasks.board.months.descNone', { year })
      : t('tasks.board.months.desc', { year, due: num(totalDue), month: busiest.month, count: num(busiest.due) });
  const pointLabel = (m: BoardMonth) =>
    t('tasks.board.months.point', {
      month: m.month,
      due: num(m.due),
      onTime: num(m.onTime),
      late: num(m.late),
      notDone: num(m.notDone),
      open: num(openOf(m)),
    });

  const tip = active !== null ? months[active] : undefined;
  const tipWidth = 210;
  const tipLeft = tooltipLeft(width, LEFT, band, tipWidth);
  const label = (key: SeriesKey) => t(`tasks.board.months.${key}`);

  return (
    <div className="ts-rp-chart">
      <div ref={ref} className="ts-rp-chart-box" onMouseLeave={hide}>
        <svg width={width} height={height} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="ts-rp-svg">
          <title id={`${id}-title`}>{t('tasks.board.months.svgTitle', { year })}</title>
          <desc id={`${id}-desc`}>{`${desc} ${t('tasks.board.months.keyboardHint')}`}</desc>
          <g aria-hidden="true">
            {ticks.map((v) => (
              <g key={v}>
                <line x1={LEFT} x2={width - RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? 'ts-rp-axis' : 'ts-rp-grid'} />
                <text x={LEFT - 6} y={y(v)} dy="0.32em" textAnchor="end" className="ts-rp-tick">
                  {num(v)}
                </text>
              </g>
            ))}
          </g>
          {months.map((m, i) => {
            const cx = LEFT + band * (i + 0.5);
            let acc = 0;
            return (
              <g key={m.month} {...pointProps(i, pointLabel(m))}>
                <rect x={LEFT + band * i} y={TOP - 4} width={band} height={PLOT_H + 28} className="ts-rp-hit" />
                {SERIES.map((s) => {
                  const v = valueOf(m, s.key);
                  if (v <= 0) return null;
                  const y0 = y(acc + v);
                  const h = y(acc) - y0;
                  acc += v;
                  // A white seam between segments keeps neighbouring colours apart.
                  return <rect key={s.key} x={cx - barW / 2} y={y0} width={barW} height={Math.max(1, h - 1)} fill={s.colour} />;
                })}
                <text x={cx} y={baseline + 16} textAnchor="middle" className="ts-rp-tick" aria-hidden="true">
                  {band < 28 ? m.month : t('tasks.board.months.monthShort', { month: m.month })}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && (
          <div className="ts-rp-tooltip" style={{ left: tipLeft, width: tipWidth }} aria-hidden="true">
            <strong>{t('tasks.board.months.monthN', { month: tip.month })}</strong>
            <span>
              {t('tasks.board.months.due')}: {num(tip.due)}
            </span>
            {SERIES.map((s) => (
              <span key={s.key}>
                <i className="ts-rp-swatch" style={{ background: s.colour }} />
                {label(s.key)}: {num(valueOf(tip, s.key))}
              </span>
            ))}
          </div>
        )}
      </div>
      <ul className="ts-rp-legend" aria-label={t('tasks.board.months.legend')}>
        {SERIES.map((s) => (
          <li key={s.key}>
            <i className="ts-rp-swatch" style={{ background: s.colour }} aria-hidden="true" />
            {label(s.key)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="ts-rp-toggle"
        aria-controls={`${id}-table`}
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t('tasks.board.months.hideTable') : t('tasks.board.months.showTable')}
      </button>
      <div id={`${id}-table`} className={showTable ? 'ts-rp-table-wrap' : 'ts-sr-only'}>
        <Table fz="sm" horizontalSpacing={6} verticalSpacing={6} striped className="ts-rp-table ts-rp-month-table">
          <caption>{t('tasks.board.months.table', { year })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tasks.board.months.month')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('tasks.board.months.due')}
              </Table.Th>
              {SERIES.map((s) => (
                <Table.Th key={s.key} scope="col" className="ts-rp-num">
                  {label(s.key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" className="ts-rp-nowrap">
                  {t('tasks.board.months.monthN', { month: m.month })}
                </Table.Th>
                <Table.Td className="ts-rp-num">{num(m.due)}</Table.Td>
                {SERIES.map((s) => (
                  <Table.Td key={s.key} className="ts-rp-num">
                    {num(valueOf(m, s.key))}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </div>
  );
}
