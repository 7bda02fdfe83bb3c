import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import { useId, useState } from 'react';
import { Anchor, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePhone } from '../../../lib/usePhone.js';
import type { AttendanceRates, MemberRow } from './api.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';

type Sort = 'worst' | 'best' | 'name';

/** Members with a rate first, by punctuality (then by late minutes); the rest keep name order. */
function sorted(rows: MemberRow[], sort: Sort): MemberRow[] {
  const indexed = rows.map((r, i) => ({ r, i }));
  if (sort === 'name') return rows;
  const dir = sort === 'worst' ? 1 : -1;
  return indexed
    .sort((a, b) => {
      const pa = a.r.punctualityRate;
      const pb = b.r.punctualityRate;
      if (pa === null || pb === null) return pa === pb ? a.i - b.i : pa === null ? 1 : -1;
      return (pa - pb) * dir || (b.r.lateMinutesTotal - a.r.lateMinutesTotal) * dir || a.i - b.i;
    })
    .map((x) => x.r);
}

/**
 * A cell's members in the period: meetings expected, present, late (times and minutes),
 * excused and unexcused absences, punctuality. Sorted worst punctuality first by default;
 * members below the cell's own rate are highlighted (colour plus words, not colour alone).
 * A table on wide screens, cards on phones.
 */
export function CellMembers({ members, total, periodLabel }: { members: MemberRow[]; total: AttendanceRates; periodLabel: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const phone = usePhone();
  const [sort, setSort] = useState<Sort>('worst');
  const rows = sorted(members, sort);
  const average = total.punctualityRate;
  const below = (m: MemberRow) => average !== null && m.punctualityRate !== null && m.punctualityRate < average;
  const num = (v: number) => formatNumber(v, lng);

  const sortButtons = (
    <div className="ts-rp-sort" role="group" aria-label={t('reports.members.sortLabel')}>
      {(['worst', 'best', 'name'] as const).map((s) => (
        <button key={s} type="button" aria-pressed={sort === s} onClick={() => setSort(s)}>
          {s === 'worst' ? t('reports.members.sortWorst') : s === 'best' ? t('reports.members.sortBest') : t('reports.members.sortName')}
        </button>
      ))}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Group justify="space-between" align="flex-end" gap="xs" mb="xs">
        <Title order={3} fz="h5" id={`${id}-h`}>
          {t('reports.members.title')}
        </Title>
        {members.length > 1 && sortButtons}
      </Group>
      {average !== null && members.some(below) && (
        <Text size="sm" c="dimmed" mb="xs">
          <span className="ts-rp-below-key" aria-hidden="true" /> {t('reports.members.belowAverage', { value: formatPercent(average, lng) })}
        </Text>
      )}
      {members.length === 0 ? (
        <Text c="dimmed">{t('reports.members.empty')}</Text>
      ) : phone ? (
        <ul className="ts-member-cards" aria-label={t('reports.members.tableCaption', { period: periodLabel })}>
          {rows.map((m) => (
            <li key={m.memberId} className="ts-member-card ts-rp-member-card" data-below={below(m) || undefined}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/members/${m.memberId}`} fw={700}>
                  {m.fullName}
                </Anchor>
                <span className="ts-rp-rate">
                  {m.expected > 0 ? formatPercent(m.punctualityRate, lng) : null}
                  {below(m) && <span className="ts-sr-only"> ({t('reports.members.belowAverageShort')})</span>}
                </span>
              </Group>
              {m.expected > 0 ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {[
                    t('reports.members.cardPresent', { present: num(m.present), expected: num(m.expected) }),
                    t('reports.members.cardLate', { count: num(m.late), minutes: num(m.lateMinutesTotal) }),
                  ].join(' · ')}
                  <br />
                  {t('reports.members.cardAbsent', { excused: num(m.excused), absent: num(m.absent) })}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('reports.members.noData')}
                </Text>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <div className="ts-rp-table-wrap">
          <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table">
            <caption className="ts-sr-only">{t('reports.members.tableCaption', { period: periodLabel })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>
                  <button type="button" className="ts-rp-th-sort" onClick={() => setSort('name')}>
                    {t('reports.members.name')}
                    {sort === 'name' && <span aria-hidden="true"> ▲</span>}
                  </button>
                </Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.expected')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.present')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.late')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.lateMinutes')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.excused')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">{t('reports.members.absent')}</Table.Th>
                <Table.Th
                  scope="col"
                  className="ts-rp-num"
                  aria-sort={sort === 'worst' ? 'ascending' : sort === 'best' ? 'descending' : undefined}
                >
                  <button
                    type="button"
                    className="ts-rp-th-sort"
                    onClick={() => setSort(sort === 'worst' ? 'best' : 'worst')}
                  >
                    {t('reports.members.punctuality')}
                    {sort !== 'name' && <span aria-hidden="true">{sort === 'worst' ? ' ▲' : ' ▼'}</span>}
                  </button>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.memberId} data-below={below(m) || undefined} className="ts-rp-member-row">
                  <Table.Th scope="row" className="ts-rp-nowrap">
                    <Anchor component={Link} to={`/members/${m.memberId}`} fw={600} size="sm">
                      {m.fullName}
                    </Anchor>
                  </Table.Th>
                  {m.expected > 0 ? (
                    <>
                      <Table.Td className="ts-rp-num">{num(m.expected)}</Table.Td>
                      <Table.Td className="ts-rp-num">{num(m.present)}</Table.Td>
                      <Table.Td className="ts-rp-num">{num(m.late)}</Table.Td>
                      <Table.Td className="ts-rp-num">{num(m.lateMinutesTotal)}</Table.Td>
                      <Table.Td className="ts-rp-num">{num(m.excused)}</Table.Td>
                      <Table.Td className="ts-rp-num">{num(m.absent)}</Table.Td>
                      <Table.Td className="ts-rp-num ts-rp-rate">
                        {formatPercent(m.punctualityRate, lng)}
                        {below(m) && <span className="ts-sr-only"> ({t('reports.members.belowAverageShort')})</span>}
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={7} className="ts-muted">
                      {t('reports.members.noData')}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
