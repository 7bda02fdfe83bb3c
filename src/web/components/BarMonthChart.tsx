import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';
import { useChartFocus } from '../lib/useChartFocus.js';
import { useWidth } from '../lib/useWidth.js';

/** One stacked part of each month's bar. Colours ≥ 3:1 against white. */
export interface ChartSeries<M> {
  key: string;
  colour: string;
  label: string;
  value: (m: M) => number;
}

export interface BarMonthChartText<M> {
  /** The SVG's title and the text alternative's caption. */
  title: string;
  tableCaption: string;
  /** What the chart says, for screen readers (the busiest month, the total). */
  desc: string;
  keyboardHint: string;
  /** A month's accessible name when it has focus. */
  point: (m: M) => string;
  /** Under each bar: "T4"; just the number when the bars are narrow. */
  monthShort: (month: number) => string;
  /** The tooltip's title and the table's row heading: "Tháng 4/2022". */
  monthLong: (m: M) => string;
  monthHeader: string;
  showTable: string;
  hideTable: string;
  /** Needed when there is more than one series. */
  legend?: string;
}

const LEFT = 34;
const RIGHT = 6;
const TOP = 12;

/** A round step for about four grid lines up to `max`. */
export function tickStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const n = raw / pow;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
}

/**
 * One (stacked) bar per month, in inline SVG like the attendance chart (reports/MonthChart.tsx):
 * the months are one tab stop, arrows move between them, focus or hover shows the tooltip; the
 * text alternative is a data table, visually hidden until asked for. Used by the task board
 * (tasks due by month) and the tự soi board (feedback by month).
 */
export function BarMonthChart<M>({
  months,
  monthOf,
  series,
  total,
  text,
  plotHeight = 160,
  tipWidth = 160,
}: {
  months: M[];
  /** 1–12. */
  monthOf: (m: M) => number;
  series: ChartSeries<M>[];
  /** A total shown before the series in the tooltip and the table (tasks due), when it says more than their sum. */
  total?: { label: string; value: (m: M) => number };
  text: BarMonthChartText<M>;
  plotHeight?: number;
  tipWidth?: number;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const [ref, measured] = useWidth<HTMLDivElement>();
  const sum = (m: M) => series.reduce((s, x) => s + Math.max(0, x.value(m)), 0);
  const { active, hide, pointProps, tooltipLeft } = useChartFocus(months.length, months.findIndex((m) => sum(m) > 0));
  const [showTable, setShowTable] = useState(false);
  const num = (v: number) => formatNumber(v, i18n.language);

  const n = months.length;
  const width = measured > 0 ? measured : 320;
  const height = TOP + plotHeight + 24;
  const band = n > 0 ? (width - LEFT - RIGHT) / n : 0;
  const barW = Math.min(band * (series.length > 1 ? 0.7 : 0.6), 36);
  const max = Math.max(1, ...months.map(sum));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (v: number) => TOP + plotHeight * (1 - v / top);
  const baseline = y(0);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  const tip = active !== null ? months[active] : undefined;
  const tipLeft = tooltipLeft(width, LEFT, band, tipWidth);

  return (
    <div className="ts-rp-chart">
      <div ref={ref} className="ts-rp-chart-box" onMouseLeave={hide}>
        <svg width={width} height={height} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="ts-rp-svg">
          <title id={`${id}-title`}>{text.title}</title>
          <desc id={`${id}-desc`}>{`${text.desc} ${text.keyboardHint}`}</desc>
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
              <g key={i} {...pointProps(i, text.point(m))}>
                <rect x={LEFT + band * i} y={TOP - 4} width={band} height={plotHeight + 28} className="ts-rp-hit" />
                {series.map((s) => {
                  const v = s.value(m);
                  if (v <= 0) return null;
                  const y0 = y(acc + v);
                  const h = y(acc) - y0;
                  acc += v;
                  // A white seam between stacked segments keeps neighbouring colours apart.
                  return <rect key={s.key} x={cx - barW / 2} y={y0} width={barW} height={Math.max(1, series.length > 1 ? h - 1 : h)} fill={s.colour} />;
                })}
                <text x={cx} y={baseline + 16} textAnchor="middle" className="ts-rp-tick" aria-hidden="true">
                  {band < 28 ? monthOf(m) : text.monthShort(monthOf(m))}
                </text>
              </g>
            );
          })}
        </svg>
        {tip && (
          <div className="ts-rp-tooltip" style={{ left: tipLeft, width: tipWidth }} aria-hidden="true">
            <strong>{text.monthLong(tip)}</strong>
            {total && (
              <span>
                {total.label}: {num(total.value(tip))}
              </span>
            )}
            {series.map((s) => (
              <span key={s.key}>
                <i className="ts-rp-swatch" style={{ background: s.colour }} />
                {s.label}: {num(s.value(tip))}
              </span>
            ))}
          </div>
        )}
      </div>
      {series.length > 1 && (
        <ul className="ts-rp-legend" aria-label={text.legend}>
          {series.map((s) => (
            <li key={s.key}>
              <i className="ts-rp-swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="ts-rp-toggle" aria-controls={`${id}-table`} aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
        {showTable ? text.hideTable : text.showTable}
      </button>
      <div id={`${id}-table`} className={showTable ? 'ts-rp-table-wrap' : 'ts-sr-only'}>
        <Table fz="sm" horizontalSpacing={6} verticalSpacing={6} striped className="ts-rp-table ts-rp-month-table">
          <caption>{text.tableCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{text.monthHeader}</Table.Th>
              {total && (
                <Table.Th scope="col" className="ts-rp-num">
                  {total.label}
                </Table.Th>
              )}
              {series.map((s) => (
                <Table.Th key={s.key} scope="col" className="ts-rp-num">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m, i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row" className="ts-rp-nowrap">
                  {text.monthLong(m)}
                </Table.Th>
                {total && <Table.Td className="ts-rp-num">{num(total.value(m))}</Table.Td>}
                {series.map((s) => (
                  <Table.Td key={s.key} className="ts-rp-num">
                    {num(s.value(m))}
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
