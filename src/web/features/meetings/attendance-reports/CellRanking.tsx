import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePhone } from '../../../lib/usePhone.js';
import type { AttendanceRates, CellStats } from './api.js';
import { useWidth } from '../../../lib/useWidth.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';
import { shortCellName } from '../../../lib/units.js';

const FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const VALUE_W = 54;
/** Bars at or above the unit's own rate, and below it (both ≥ 3:1 on white, told apart by the legend too). */
const ABOVE_COLOUR = '#2f6b3a';
const BELOW_COLOUR = '#a11a1a';
const LINE = 16;

let canvas: CanvasRenderingContext2D | null | undefined;
/** Width of a label in pixels (canvas measure; an estimate where canvas is unavailable). */
function textWidth(s: string): number {
  if (canvas === undefined) {
    try {
      canvas = document.createElement('canvas').getContext('2d');
      if (canvas) canvas.font = FONT;
    } catch {
      canvas = null;
    }
  }
  return canvas ? canvas.measureText(s).width : s.length * 7;
}

/** Breaks a label into at most two lines that fit `max` pixels (the second one cut with "…"). */
function wrap(label: string, max: number): string[] {
  if (textWidth(label) <= max) return [label];
  const words = label.split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : words[i]!;
    if (textWidth(next) > max && first) break;
    first = next;
  }
  let second = words.slice(i).join(' ');
  if (second && textWidth(second) > max) {
    while (second.length > 1 && textWidth(`${second}…`) > max) second = second.slice(0, -1);
    second = `${second.trimEnd()}…`;
  }
  return second ? [first, second] : [first];
}

/**
 * The commune view: its cells ranked by punctuality, best first, as a horizontal bar chart
 * (with the commune's own rate as a dashed line) and a table with links to each cell. On a
 * phone the table folds away behind a button (it stays readable by screen readers).
 */
export function CellRanking({
  cells,
  total,
  unitName,
  periodLabel,
}: {
  cells: CellStats[];
  total: AttendanceRates;
  unitName: string;
  periodLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const phone = usePhone();
  const [tableShown, setTableShown] = useState<boolean | null>(null);
  const showTable = tableShown ?? !phone;
  const [ref, measured] = useWidth<HTMLDivElement>();

  if (cells.length === 0) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <Title order={3} fz="h5" id={`${id}-h`} mb="xs">
          {t('reports.cells.title')}
        </Title>
        <Text c="dimmed">{t('reports.cells.empty')}</Text>
      </section>
    );
  }

  const width = measured > 0 ? measured : 320;
  const average = total.punctualityRate;
  const labelW = Math.round(width < 480 ? width * 0.42 : Math.min(260, width * 0.34));
  const barX = labelW + 8;
  const barMax = Math.max(40, width - barX - VALUE_W);
  const rows = cells.map((c) => {
    const lines = wrap(shortCellName(c.unitName), labelW);
    return { cell: c, lines, h: lines.length > 1 ? 38 : 26 };
  });
  const axisH = 22;
  const top = 20;
  let yCursor = top;
  const placed = rows.map((r) => {
    const y0 = yCursor;
    yCursor += r.h;
    return { ...r, y0 };
  });
  const height = yCursor + axisH;
  const x = (v: number) => barX + barMax * v;
  const withData = cells.filter((c) => c.punctualityRate !== null);
  const best = withData[0];
  const worst = withData[withData.length - 1];
  const desc = [
    best ? t('reports.cells.descBest', { name: best.unitName, value: formatPercent(best.punctualityRate, lng) }) : '',
    worst && worst !== best ? t('reports.cells.descWorst', { name: worst.unitName, value: formatPercent(worst.punctualityRate, lng) }) : '',
    total.punctualityRate !== null ? t('reports.cells.average', { value: formatPercent(total.punctualityRate, lng) }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`}>
        {t('reports.cells.title')}
      </Title>
      {total.punctualityRate !== null && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('reports.cells.intro', { unit: unitName, value: formatPercent(total.punctualityRate, lng) })}
        </Text>
      )}
      <div ref={ref} className="ts-rp-chart-box">
        <svg
          width={width}
          height={height}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="ts-rp-svg"
        >
          <title id={`${id}-title`}>{t('reports.cells.svgTitle', { period: periodLabel })}</title>
          <desc id={`${id}-desc`}>{desc}</desc>
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v}>
              <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height - axisH} className={v === 0 ? 'ts-rp-axis' : 'ts-rp-grid'} />
              {(v !== 0.25 && v !== 0.75) || barMax > 200 ? (
                <text x={x(v)} y={height - 6} textAnchor="middle" className="ts-rp-tick">
                  {formatPercent(v, lng)}
                </text>
              ) : null}
            </g>
          ))}
          {placed.map(({ cell, lines, h, y0 }) => {
            const mid = y0 + h / 2;
            const rate = cell.punctualityRate;
            return (
              <g key={cell.unitId}>
                <text x={labelW} y={mid - ((lines.length - 1) * LINE) / 2} textAnchor="end" className="ts-rp-name">
                  {lines.map((line, i) => (
                    <tspan key={i} x={labelW} dy={i === 0 ? '0.32em' : LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {rate !== null ? (
                  <>
                    <rect
                      x={barX}
                      y={mid - 7}
                      width={Math.max(2, barMax * rate)}
                      height={14}
                      fill={average !== null && rate < average ? BELOW_COLOUR : ABOVE_COLOUR}
                      rx={2}
                    />
                    <text x={x(rate) + 4} y={mid} dy="0.32em" className="ts-rp-value">
                      {formatPercent(rate, lng)}
                    </text>
                  </>
                ) : (
                  <text x={barX + 2} y={mid} dy="0.32em" className="ts-rp-tick">
                    {t('reports.cells.noData')}
                  </text>
                )}
              </g>
            );
          })}
          {total.punctualityRate !== null && (
            <g>
              <line
                x1={x(total.punctualityRate)}
                x2={x(total.punctualityRate)}
                y1={top - 6}
                y2={height - axisH}
                className="ts-rp-average"
              />
              <text
                x={x(total.punctualityRate)}
                y={top - 9}
                textAnchor={total.punctualityRate > 0.6 ? 'end' : 'start'}
                className="ts-rp-tick"
              >
                {t('reports.cells.average', { value: formatPercent(total.punctualityRate, lng) })}
              </text>
            </g>
          )}
        </svg>
      </div>
      {average !== null && (
        <ul className="ts-rp-legend" aria-label={t('reports.chart.legendLabel')}>
          <li>
            <i className="ts-rp-swatch" style={{ background: ABOVE_COLOUR }} aria-hidden="true" />
            {t('reports.cells.legendAbove')}
          </li>
          <li>
            <i className="ts-rp-swatch" style={{ background: BELOW_COLOUR }} aria-hidden="true" />
            {t('reports.cells.legendBelow')}
          </li>
          <li>
            <i className="ts-rp-swatch ts-rp-swatch-dash" aria-hidden="true" />
            {t('reports.cells.average', { value: formatPercent(average, lng) })}
          </li>
        </ul>
      )}

      <button
        type="button"
        className="ts-rp-toggle"
        aria-controls={`${id}-table`}
        aria-expanded={showTable}
        onClick={() => setTableShown(!showTable)}
      >
        {showTable ? t('reports.cells.hideTable') : t('reports.cells.showTable')}
      </button>
      <div id={`${id}-table`} className={showTable ? 'ts-rp-table-wrap' : 'ts-sr-only'}>
        <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} striped highlightOnHover className="ts-rp-table">
          <caption>{t('reports.cells.tableCaption', { period: periodLabel })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="ts-rp-num">{t('reports.cells.rank')}</Table.Th>
              <Table.Th scope="col">{t('reports.cells.name')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">{t('reports.cells.meetings')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">{t('reports.cells.attendance')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">{t('reports.cells.punctuality')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">{t('reports.cells.late')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cells.map((c, i) => (
              <Table.Tr key={c.unitId}>
                <Table.Td className="ts-rp-num">{c.punctualityRate !== null ? i + 1 : '—'}</Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/units/${c.unitId}`} fw={600} size="sm">
                    {c.unitName}
                  </Anchor>
                </Table.Th>
                <Table.Td className="ts-rp-num">{formatNumber(c.meetings, lng)}</Table.Td>
                <Table.Td className="ts-rp-num">{formatPercent(c.attendanceRate, lng)}</Table.Td>
                <Table.Td className="ts-rp-num" fw={700}>
                  {formatPercent(c.punctualityRate, lng)}
                </Table.Td>
                <Table.Td className="ts-rp-num">{formatNumber(c.late, lng)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
