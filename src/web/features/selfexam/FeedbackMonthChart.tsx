import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';
import { useChartFocus } from '../../lib/useChartFocus.js';
import { useWidth } from '../reports/useWidth.js';
import type { StatsMonth } from './api.js';

const COLOUR = '#2f5f98';
const LEFT = 34;
const RIGHT = 6;
const TOP = 12;
const PLOT_H = 150;

/** A round step for about four grid lines up to `max`. */
function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

/** '2022-04' → 4. */
const monthOf = (m: string) => Number(m.slice(5, 7));

/**
 * Góp ý theo tháng: one bar per month of the feedback given in it — whether "nể nang, ngại va
 * chạm" is fading shows as the bars grow. Inline SVG like the other month charts (reports and
 * tasks): one tab stop, arrows move between months; the text alternative is a data table.
 */
export function FeedbackMonthChart({ months, periodLabel }: { months: StatsMonth[]; periodLabel: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [ref, measured] = useWidth<HTMLDivElement>();
  const { active, hide, pointProps, tooltipLeft } = useChartFocus(months.length, months.findIndex((m) => m.feedback > 0));
  const [showTable, setShowTable] = useState(false);
  const num = (v: number) => formatNumber(v, lng);

  const n = months.length;
  const width = measured > 0 ? measured : 320;
  const height = TOP + PLOT_H + 24;
  const band = n > 0 ? (width - LEFT - RIGHT) / n : 0;
  const barW = Math.min(band * 0.6, 36);
  const max = Math.max(1, ...months.map((m) => m.feedback));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => TOP + PLOT_H * (1 - v / top);
  const baseline = y(0);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  const total = months.reduce((s, m) => s + m.feedback, 0);
  const busiest = months.reduce<StatsMonth | null>((a, b) => (a === null || b.feedback > a.feedback ? b : a), null);
  const desc =
    total === 0 || !busiest
      ? t('selfexam.board.months.descNone', { period: periodLabel })
      : t('selfexam.board.months.desc', { period: periodLabel, total: num(total), month: monthOf(busiest.month), count: num(busiest.feedback) });
  const pointLabel = (m: StatsMonth) => t('selfexam.board.months.point', { month: monthOf(m.month), count: num(m.feedback) });
  const tip = active !== null ? months[active] : undefined;
  const tipWidth = 150;
  const tipLeft = tooltipLeft(width, LEFT, band, tipWidth);

  return (
    <div className="ts-rp-chart">
      <div ref={ref} className="ts-rp-chart-box" onMouseLeave={hide}>
        <svg width={width} height={height} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="ts-rp-svg">
          <title id={`${id}-title`}>{t('selfexam.board.months.svgTitle', { period: periodLabel })}</title>
          <desc id={`${id}-desc`}>{`${desc} ${t('selfexam.board.months.keyboardHint')}`}</desc>
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
            const y0 = y(m.feedback);
            return (
              <g key={m.month} {...pointProps(i, pointLabel(m))}>
                <rect x={LEFT + band * i} y={TOP - 4} width={band} height={PLOT_H + 28} className="ts-rp-hit" />
                {m.feedback > 0 && <rect x={cx - barW / 2} y={y0} width={barW} height={Math.max(1, baseline - y0)} fill={COLOUR} />}
                <text x={cx} y={baseline + 16} textAnchor="middle" className="ts-rp-tick" aria-hidden="true">
                  {band < 28 ? monthOf(m.month) : t('selfexam.board.months.monthShort', { month: monthOf(m.month) })}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && (
          <div className="ts-rp-tooltip" style={{ left: tipLeft, width: tipWidth }} aria-hidden="true">
            <strong>{t('selfexam.board.months.monthN', { month: monthOf(tip.month), year: tip.month.slice(0, 4) })}</strong>
            <span>
              <i className="ts-rp-swatch" style={{ background: COLOUR }} />
              {t('selfexam.board.months.feedback')}: {num(tip.feedback)}
            </span>
          </div>
        )}
      </div>
      <button type="button" className="ts-rp-toggle" aria-controls={`${id}-table`} aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
        {showTable ? t('selfexam.board.months.hideTable') : t('selfexam.board.months.showTable')}
      </button>
      <div id={`${id}-table`} className={showTable ? 'ts-rp-table-wrap' : 'ts-sr-only'}>
        <Table fz="sm" horizontalSpacing={6} verticalSpacing={6} striped className="ts-rp-table ts-rp-month-table">
          <caption>{t('selfexam.board.months.table', { period: periodLabel })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('selfexam.board.months.month')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.months.feedback')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" className="ts-rp-nowrap">
                  {t('selfexam.board.months.monthN', { month: monthOf(m.month), year: m.month.slice(0, 4) })}
                </Table.Th>
                <Table.Td className="ts-rp-num">{num(m.feedback)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </div>
  );
}
