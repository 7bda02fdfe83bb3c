import './messages.js';
import './tasks.css';
import '../../styles/boards.css';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { shortCellName } from '../../lib/units.js';
import type { BoardCell, BoardOwner, TaskBoard } from './api.js';

/** Commitments achieved (exceeded included) out of all. */
const achievedOf = (c: BoardCell['commitments']) => c.achieved + c.exceeded;

type SortKey = 'name' | 'total' | 'onTimeRate' | 'overdue' | 'exceeded' | 'handDowns' | 'averageHandDownDelay' | 'commitments';

const SORTERS: Record<SortKey, (c: BoardCell) => number | string | null> = {
  name: (c) => c.unitName,
  total: (c) => c.total,
  onTimeRate: (c) => c.onTimeRate,
  overdue: (c) => c.overdue,
  exceeded: (c) => c.exceeded,
  handDowns: (c) => c.handDowns,
  averageHandDownDelay: (c) => c.averageHandDownDelay,
  commitments: (c) => (c.commitments.total === 0 ? null : achievedOf(c.commitments) / c.commitments.total),
};

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Sorted copy; rows without a value (no closed task, no hand-down) always go last. */
function sortCells(cells: BoardCell[], key: SortKey, dir: 'asc' | 'desc'): BoardCell[] {
  const get = SORTERS[key];
  return [...cells].sort((a, b) => {
    const va = get(a);
    const vb = get(b);
    if (va === null && vb === null) return collator.compare(a.unitName, b.unitName);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : (va as number) - (vb as number);
    return (dir === 'asc' ? c : -c) || collator.compare(a.unitName, b.unitName);
  });
}

/**
 * The commune view: every cell's completion on time as horizontal bars (readable on a phone,
 * best first, below the commune's own rate in red), then a table of all the figures, sortable
 * by any column (a button in each header; aria-sort tells which).
 */
export function CellsSection({ board }: { board: TaskBoard }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'onTimeRate', dir: 'desc' });
  const num = (v: number) => formatNumber(v, lng);
  const average = board.totals.onTimeRate;

  if (board.cells.length === 0) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <Title order={3} fz="h5" id={`${id}-h`} mb="xs">
          {t('tasks.board.cells.title')}
        </Title>
        <Text c="dimmed">{t('tasks.board.cells.empty')}</Text>
      </section>
    );
  }

  const byRate = sortCells(board.cells, 'onTimeRate', 'desc').filter((c) => c.onTimeRate !== null);
  const unrated = board.cells.length - byRate.length;
  const rows = sortCells(board.cells, sort.key, sort.dir);
  const columns: { key: SortKey; label: string }[] = [
    { key: 'total', label: t('tasks.board.cols.total') },
    { key: 'onTimeRate', label: t('tasks.board.cols.onTimeRate') },
    { key: 'overdue', label: t('tasks.board.cols.overdue') },
    { key: 'exceeded', label: t('tasks.board.cols.exceeded') },
    { key: 'handDowns', label: t('tasks.board.cols.handDowns') },
    { key: 'averageHandDownDelay', label: t('tasks.board.cols.handDownDelay') },
    { key: 'commitments', label: t('tasks.board.cols.commitments') },
  ];
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <Table.Th
        key={key}
        scope="col"
        className={numeric ? 'ts-rp-num' : undefined}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className="ts-tk-sort"
          onClick={() =>
            setSort((s) => ({ key, dir: s.key === key ? (s.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' }))
          }
          aria-label={t('tasks.board.cells.sortBy', { column: label })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </Table.Th>
    );
  };

  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`}>
        {t('tasks.board.cells.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('tasks.board.cells.intro')}
      </Text>

      <Text size="sm" fw={600} id={`${id}-bars`} mb={6}>
        {t('tasks.board.cells.chartTitle')}
      </Text>
      {byRate.length > 0 && (
        <ol className="ts-tk-hbars" aria-labelledby={`${id}-bars`}>
          {byRate.map((c) => (
            <li key={c.unitId} className="ts-tk-hbar">
              <span className="ts-tk-hbar-name">{shortCellName(c.unitName)}</span>
              <span className="ts-tk-hbar-track">
                <span className="ts-tk-hbar-area" aria-hidden="true">
                  <span
                    className="ts-tk-hbar-bar"
                    data-below={average !== null && c.onTimeRate! < average ? true : undefined}
                    style={{ width: `${Math.round(c.onTimeRate! * 1000) / 10}%` }}
                  />
                </span>
                <span className="ts-tk-hbar-value">{formatPercent(c.onTimeRate, lng)}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {unrated > 0 && (
        <Text size="sm" c="dimmed" mt={6}>
          {byRate.length === 0 ? t('tasks.board.cells.noneRated') : t('tasks.board.cells.unrated', { count: unrated })}
        </Text>
      )}
      {average !== null && (
        <ul className="ts-rp-legend" aria-label={t('tasks.board.months.legend')}>
          <li>
            <i className="ts-rp-swatch" style={{ background: '#2f6b3a' }} aria-hidden="true" />
            {t('tasks.board.cells.legendAbove', { value: formatPercent(average, lng) })}
          </li>
          <li>
            <i className="ts-rp-swatch" style={{ background: '#a11a1a' }} aria-hidden="true" />
            {t('tasks.board.cells.legendBelow')}
          </li>
        </ul>
      )}

      <div className="ts-rp-table-wrap" style={{ marginTop: 12 }}>
        <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-tk-table">
          <caption className="ts-sr-only">{t('tasks.board.cells.caption', { year: board.year })}</caption>
          <Table.Thead>
            <Table.Tr>
              {header('name', t('tasks.board.cells.name'), false)}
              {columns.map((c) => header(c.key, c.label))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.unitId} data-unit={c.unitId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/units/${c.unitId}/work?year=${board.year}`} fw={600} size="sm">
                    {shortCellName(c.unitName)}
                  </Anchor>
                </Table.Th>
                <Table.Td className="ts-rp-num" data-col="total">
                  {num(c.total)}
                </Table.Td>
                <Table.Td className="ts-rp-num" fw={700} data-col="onTimeRate">
                  {formatPercent(c.onTimeRate, lng)}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-bad={c.overdue > 0 || undefined} data-col="overdue">
                  {num(c.overdue)}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-col="exceeded">
                  {num(c.exceeded)}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-col="handDowns">
                  {num(c.handDowns)}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-col="averageHandDownDelay">
                  {c.averageHandDownDelay === null ? '—' : formatNumber(c.averageHandDownDelay, lng)}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-col="commitments">
                  {c.commitments.total === 0 ? '—' : `${num(achievedOf(c.commitments))}/${num(c.commitments.total)}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/** A cell's board: each owner's tasks of the year by status. */
export function OwnersTable({ owners, year }: { owners: BoardOwner[]; year: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const counts = ['total', 'open', 'overdue', 'onTime', 'late', 'exceeded', 'notDone'] as const;
  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`} mb="xs">
        {t('tasks.board.owners.title')}
      </Title>
      {owners.length === 0 ? (
        <Text c="dimmed">{t('tasks.board.owners.empty', { year })}</Text>
      ) : (
        <div className="ts-rp-table-wrap">
          <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-tk-table">
            <caption className="ts-sr-only">{t('tasks.board.owners.caption', { year })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tasks.board.owners.name')}</Table.Th>
                {[...counts, 'onTimeRate' as const].map((k) => (
                  <Table.Th key={k} scope="col" className="ts-rp-num">
                    {t(`tasks.board.cols.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {owners.map((o) => (
                <Table.Tr key={`${o.ownerKind}-${o.ownerId}`}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={o.ownerKind === 'member' ? `/members/${o.ownerId}` : `/units/${o.ownerId}`} fw={600} size="sm">
                      {o.ownerName}
                    </Anchor>
                  </Table.Th>
                  {counts.map((k) => (
                    <Table.Td key={k} className="ts-rp-num" data-bad={(k === 'overdue' && o.overdue > 0) || undefined}>
                      {formatNumber(o[k], lng)}
                    </Table.Td>
                  ))}
                  <Table.Td className="ts-rp-num" fw={700}>
                    {formatPercent(o.onTimeRate, lng)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
