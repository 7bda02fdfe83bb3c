import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import { Fragment, useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitDetail } from '../../api/types.js';
import { Notice } from '../../components/Notice.js';
import { PagedResults } from '../../components/PagedResults.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { usePhone } from '../../lib/usePhone.js';
import { useMeetingList, yearRange, type MeetingListResponse, type MeetingRange, type MeetingSummary } from './api.js';
import { MeetingKindBadge, MeetingStatusBadge } from './MeetingBadges.js';
import { QUARTER_NAMES, todayLocal } from '../../lib/time.js';
import { stillMarking } from './look.js';

/**
 * "Sinh hoạt chi bộ" on a unit page: the meetings of the unit's subtree in the page's year (or in
 * the dates and of the kind `filter` gives: the overview links here so), with the gaps in a
 * cell's schedule as a reminder (never a block), and a way to schedule the next one.
 */
export default function MeetingList({ unit, year, filter }: { unit: UnitDetail; year: number; filter?: MeetingRange | undefined }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const range = filter ?? yearRange(year);
  const rangeKey = `${range.from} ${range.to} ${range.kind ?? ''} ${range.held ?? ''}`;
  const [paging, setPaging] = useState({ range: '', page: 1 });
  const page = paging.range === rangeKey ? paging.page : 1;
  const list = useMeetingList(unit.id, range, page);
  const within = filter && { from: formatDate(filter.from), to: formatDate(filter.to), kind: t(`meetings.filter.${filter.kind ?? 'all'}`) };
  const canCreate = unit.kind === 'cell' && unit.allowedActions.includes('meeting.manage') && !unit.archived;
  const showUnit = unit.kind !== 'cell';

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="unit-meetings">
      <Stack gap="md">
        <Group justify="space-between" gap="sm" align="flex-end">
          <Title order={2} fz="h4" id="unit-meetings">
            {t('meetings.sectionTitle')}
          </Title>
          {canCreate && (
            <Button component={Link} to={`/units/${unit.id}/meetings/new`} leftSection={<PlusIcon size={16} />}>
              {t('meetings.create')}
            </Button>
          )}
        </Group>

        {list.data && list.data.warnings.length > 0 && <ScheduleWarnings warnings={list.data.warnings} />}
        <PagedResults
          query={list}
          page={page}
          onPage={(p) => setPaging({ range: rangeKey, page: p })}
          totalLabel={(count) => (within ? t('meetings.filter.total', { count, ...within }) : t('meetings.total', { count, year }))}
          emptyLabel={within ? t('meetings.filter.none', within) : t('meetings.none', { year })}
        >
          {(items) => (phone ? <MeetingCards items={items} showUnit={showUnit} /> : <MeetingTable items={items} showUnit={showUnit} />)}
        </PagedResults>
      </Stack>
    </Paper>
  );
}

/** Gaps grouped by year: "tháng 1, 2, 3/2026", "quý I, II/2026". */
function ScheduleWarnings({ warnings }: { warnings: MeetingListResponse['warnings'] }) {
  const { t } = useTranslation();
  const regular = new Map<string, string[]>();
  const thematic = new Map<string, string[]>();
  for (const w of warnings) {
    const [year = '', part = ''] = w.period.split(/-Q?/);
    if (w.kind === 'regular') regular.set(year, [...(regular.get(year) ?? []), String(Number(part))]);
    else thematic.set(year, [...(thematic.get(year) ?? []), QUARTER_NAMES[Number(part) - 1] ?? part]);
  }
  const lines = [
    ...[...regular].map(([year, months]) => t('meetings.warnings.regular', { months: months.join(', '), year })),
    ...[...thematic].map(([year, quarters]) => t('meetings.warnings.thematic', { quarters: quarters.join(', '), year })),
  ];
  return (
    <Notice tone="warning" title={t('meetings.warnings.title')}>
      <ul className="ts-mt-warnings">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** "có mặt 17/19, muộn 1" — those expected include the ones not marked yet; "chưa điểm danh xong" while marking. */
export function AttendanceSummaryText({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  const a = m.attendance;
  const parts = [t('meetings.list.present', { present: a.present, expected: a.expected + a.pending })];
  if (a.late > 0) parts.push(t('meetings.list.late', { count: a.late }));
  if (stillMarking(m, todayLocal())) parts.push(t('meetings.list.marking', { count: a.pending }));
  // Each part stays on one line; lines break between them.
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={part}>
          <span className="ts-mt-nowrap">
            {part}
            {i < parts.length - 1 ? ',' : ''}
          </span>
          {/* The space outside the unbreakable part: the line may break here on a phone. */}
          {i < parts.length - 1 ? ' ' : ''}
        </Fragment>
      ))}
    </>
  );
}

function ScoreText({ m }: { m: MeetingSummary }) {
  const { t, i18n } = useTranslation();
  if (m.scoreTotal === null) return <span className="ts-muted">—</span>;
  return (
    <>
      {t('meetings.list.points', { points: formatNumber(m.scoreTotal, i18n.language) })}
      {m.scoreLevel ? ` · ${m.scoreLevel}` : ''}
    </>
  );
}

function MeetingLink({ m }: { m: MeetingSummary }) {
  return (
    <Anchor
      component={Link}
      to={`/meetings/${m.id}`}
      fw={700}
    >
      {formatDate(m.date)} <span className="ts-mt-time">{m.startTime}</span>
    </Anchor>
  );
}

function MeetingTable({ items, showUnit }: { items: MeetingSummary[]; showUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.list.date')}</Table.Th>
            <Table.Th scope="col">{t('meetings.list.kind')}</Table.Th>
            {showUnit && <Table.Th scope="col">{t('meetings.list.unit')}</Table.Th>}
            <Table.Th scope="col">{t('meetings.list.status')}</Table.Th>
            <Table.Th scope="col">{t('meetings.list.attendance')}</Table.Th>
            <Table.Th scope="col">{t('meetings.list.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <MeetingLink m={m} />
              </Table.Td>
              <Table.Td>
                <MeetingKindBadge kind={m.kind} topic={m.topic} />
              </Table.Td>
              {showUnit && <Table.Td>{m.unitName}</Table.Td>}
              <Table.Td>
                <MeetingStatusBadge status={m.status} />
              </Table.Td>
              <Table.Td>
                <AttendanceSummaryText m={m} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ScoreText m={m} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function MeetingCards({ items, showUnit }: { items: MeetingSummary[]; showUnit: boolean }) {
  return (
    <ul className="ts-member-cards">
      {items.map((m) => (
        <li key={m.id} className="ts-member-card">
          <MeetingLink m={m} />
          <Group gap={6} mt={6}>
            <MeetingKindBadge kind={m.kind} topic={m.topic} />
            <MeetingStatusBadge status={m.status} />
          </Group>
          {showUnit && (
            <Text size="sm" fw={600} mt={4}>
              {m.unitName}
            </Text>
          )}
          <Text size="sm" c="dimmed" mt={4}>
            <AttendanceSummaryText m={m} />
            {m.scoreTotal !== null && (
              <>
                {' · '}
                <ScoreText m={m} />
              </>
            )}
          </Text>
        </li>
      ))}
    </ul>
  );
}
