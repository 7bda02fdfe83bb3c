import './messages.js';
import './tasks.css';
import '../../styles/boards.css';
import { useId } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { can, useAuthedMe } from '../../app/me.js';
import { BoardHeader } from '../../components/BoardHeader.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { Skeleton } from '../../components/Skeleton.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.js';
import { currentYear } from '../../lib/time.js';
import {
  TASK_LIST_FILTERS,
  useTaskBoard,
  useTaskList,
  useTaskOptions,
  type TaskBoard,
  type TaskListFilter,
} from './api.js';
import { TaskCards } from './TaskParts.js';
import { TaskMonthChart } from './TaskMonthChart.js';
import { CellsSection, OwnersTable } from './BoardTables.js';

/** The first year with data (the demo commune's records start in 2022; offer a little before). */
const FIRST_YEAR = 2020;

export default function WorkBoardRoute() {
  const { id = '' } = useParams();
  return <WorkBoardPage key={id} unitId={id} />;
}

/**
 * Bảng công việc of a cell, or the commune view of the units above cells: the year's figures,
 * tasks due month by month, by owner (a cell) or by cell (above), the overdue list and every task.
 */
function WorkBoardPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const due = dueParams(params);
  const asked = Number(params.get('year') ?? due?.to.slice(0, 4));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
  const board = useTaskBoard(unitId, year);
  // The button shows only where the caller may assign here: the form's options answer 403/404 elsewhere.
  const options = useTaskOptions(unitId, can(me, 'task.assign'));
  useDocumentTitle(board.data ? `${t('tasks.board.title')} · ${board.data.unitName} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (board.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="50%" />
        <Skeleton h={120} />
        <Skeleton h={220} />
      </Stack>
    );
  }
  if (board.isError) return <PageLoadError error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;
  const years: number[] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);
  if (!years.includes(year)) years.unshift(year);

  return (
    <Stack gap="md" className="ts-page">
      <BoardHeader backTo={`/units/${b.unitId}`} backLabel={b.unitName} title={t('tasks.board.title')} intro={t('tasks.board.intro', { unit: b.unitName })}>
        <NativeSelect
          label={t('tasks.board.year')}
          value={String(year)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                next.set('year', value);
                return next;
              },
              { replace: true },
            );
          }}
          data={years.map((y) => ({ value: String(y), label: t('tasks.board.yearOption', { year: y }) }))}
        />
        {options.isSuccess && (
          <Button component={Link} to={`/units/${b.unitId}/tasks/new`} leftSection={<PlusIcon size={16} />}>
            {t('tasks.board.assign')}
          </Button>
        )}
      </BoardHeader>

      <div className="ts-rp-body" data-stale={board.isPlaceholderData || undefined} aria-busy={board.isFetching}>
        <Stack gap="md">
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="lg">
              <Figures board={b} />
              {b.totals.total === 0 && <Text c="dimmed">{t('tasks.board.empty', { year: b.year })}</Text>}
              <MonthsSection board={b} />
              {b.unitKind === 'cell' || b.unitKind === 'mass_org' ? (
                <OwnersTable owners={b.owners} year={b.year} />
              ) : (
                <CellsSection board={b} />
              )}
            </Stack>
          </Paper>
          <OverdueSection board={b} />
          <TaskListSection unitId={b.unitId} year={b.year} today={b.today} showUnit={b.unitKind !== 'cell' && b.unitKind !== 'mass_org'} />
        </Stack>
      </div>
    </Stack>
  );
}

/** The year's headline figures. */
function Figures({ board }: { board: TaskBoard }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const num = (v: number) => formatNumber(v, lng);
  const { totals, commitments } = board;
  const closed = totals.onTime + totals.late + totals.exceeded + totals.notDone;
  const noData = t('tasks.board.figures.noData');
  const tiles: { key: string; label: string; value: string; hint: string | null; tone?: 'good' | 'bad' }[] = [
    {
      key: 'total',
      label: t('tasks.board.figures.total'),
      value: num(totals.total),
      hint: t('tasks.board.figures.totalHint', { open: num(totals.open), closed: num(closed) }),
    },
    {
      key: 'onTime',
      label: t('tasks.board.figures.onTime'),
      value: formatPercent(totals.onTimeRate, lng, noData),
      hint: closed > 0 ? t('tasks.board.figures.onTimeHint', { count: num(totals.onTime + totals.exceeded), closed: num(closed) }) : null,
      tone: totals.onTimeRate === 1 ? 'good' : undefined,
    },
    {
      key: 'overdue',
      label: t('tasks.board.figures.overdue'),
      value: num(totals.overdue),
      hint: totals.overdue > 0 ? t('tasks.board.figures.overdueHint') : null,
      tone: totals.overdue > 0 ? 'bad' : undefined,
    },
    {
      key: 'exceeded',
      label: t('tasks.board.figures.exceeded'),
      value: num(totals.exceeded),
      hint: totals.exceededRate !== null ? t('tasks.board.figures.exceededHint', { value: formatPercent(totals.exceededRate, lng) }) : null,
    },
    {
      key: 'handDown',
      label: t('tasks.board.figures.handDown'),
      value:
        totals.averageHandDownDelay === null
          ? noData
          : t('tasks.board.figures.handDownValue', { value: formatNumber(totals.averageHandDownDelay, lng) }),
      hint: totals.handDowns > 0 ? t('tasks.board.figures.handDownHint', { count: totals.handDowns }) : null,
    },
    {
      key: 'commitments',
      label: t('tasks.board.figures.commitments'),
      value:
        commitments.total === 0
          ? noData
          : t('tasks.board.figures.commitmentsValue', {
              achieved: num(commitments.achieved + commitments.exceeded),
              total: num(commitments.total),
            }),
      hint:
        commitments.total === 0
          ? null
          : t('tasks.board.figures.commitmentsHint', { evaluated: num(commitments.evaluated), exceeded: num(commitments.exceeded) }),
    },
  ];
  return (
    <dl className="ts-rp-figures ts-tk-figures">
      {tiles.map((tile) => (
        <div key={tile.key} className="ts-rp-figure" data-tone={tile.tone} data-figure={tile.key}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="ts-rp-figure-value">{tile.value}</span>
            {tile.hint && <span className="ts-rp-figure-hint">{tile.hint}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function MonthsSection({ board }: { board: TaskBoard }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`} mb="xs">
        {t('tasks.board.months.title')}
      </Title>
      <TaskMonthChart months={board.months} year={board.year} />
    </section>
  );
}

function OverdueSection({ board }: { board: TaskBoard }) {
  const { t } = useTranslation();
  const id = useId();
  const above = board.unitKind !== 'cell' && board.unitKind !== 'mass_org';
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="sm" c={board.overdueTasks.length > 0 ? '#8a1010' : undefined}>
        {t('tasks.board.overdue.title')}
        {board.overdueTasks.length > 0 && ` (${board.overdueTasks.length})`}
      </Title>
      {board.overdueTasks.length === 0 ? (
        <Text c="dimmed">{t('tasks.board.overdue.empty', { year: board.year })}</Text>
      ) : (
        <TaskCards tasks={board.overdueTasks} today={board.today} showUnit={above} label={t('tasks.board.overdue.title')} />
      )}
      {board.overdueFromEarlierYears > 0 && (
        <Text mt="sm" fw={600} c="#8a1010" data-testid="overdue-earlier">
          {t('tasks.board.overdue.earlier', { count: board.overdueFromEarlierYears })}
          {' · '}
          <Anchor component={Link} to={`?year=${board.year}&earlier=1#task-list`} fw={700} underline="always">
            {t('tasks.board.overdue.earlierLink')}
          </Anchor>
        </Text>
      )}
    </Paper>
  );
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Due dates in the address (?from=…&to=…: the overview's links), else null. */
function dueParams(params: URLSearchParams): { from: string; to: string } | null {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return ISO.test(from) && ISO.test(to) ? { from, to } : null;
}

/** Every task of the unit's subtree due in the year (or between the address's dates), a page at a time, filtered by status. */
function TaskListSection({ unitId, year, today, showUnit }: { unitId: string; year: number; today: string; showUnit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const askedStatus = params.get('status') ?? '';
  const status = (TASK_LIST_FILTERS as readonly string[]).includes(askedStatus) ? (askedStatus as TaskListFilter) : '';
  // "Còn … quá hạn từ các năm trước" links here: the overdue tasks due before the year.
  const earlier = params.get('earlier') === '1';
  const due = earlier ? null : dueParams(params);
  const askedHandDown = params.get('handDown');
  const handDown = due && (askedHandDown === 'all' || askedHandDown === 'delayed') ? askedHandDown : null;
  const [page, setPage] = usePageFor(`${year}:${status}:${earlier}:${due?.from}:${due?.to}:${handDown}`);
  const list = useTaskList(unitId, { year, status, earlier, page, due, handDown });
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} id="task-list">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="h4" id={`${id}-h`}>
            {earlier ? t('tasks.board.list.earlierTitle', { year }) : due ? t(handDown ? `tasks.board.list.handDown.${handDown}` : 'tasks.board.list.dueTitle', { from: formatDate(due.from), to: formatDate(due.to) }) : t('tasks.board.list.title')}
          </Title>
          {due && (
            <Anchor component={Link} to={`?year=${year}${status ? `&status=${status}` : ''}`} fw={600}>
              {t('tasks.board.list.backToYear', { year })}
            </Anchor>
          )}
          {earlier ? (
            <Anchor component={Link} to={`?year=${year}`} fw={600}>
              {t('tasks.board.list.backToYear', { year })}
            </Anchor>
          ) : (
            <NativeSelect
              label={t('tasks.board.list.status')}
              value={status}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setParams(
                  (p) => {
                    const next = new URLSearchParams(p);
                    if (value) next.set('status', value);
                    else next.delete('status');
                    return next;
                  },
                  { replace: true },
                );
              }}
              data={TASK_LIST_FILTERS.map((f) => ({ value: f, label: t(`tasks.board.list.filter.${f || 'all'}`) }))}
            />
          )}
        </Group>
        <PagedResults
          query={list}
          page={page}
          onPage={setPage}
          totalLabel={(total) => t('tasks.board.list.total', { count: total })}
          emptyLabel={t('tasks.board.list.empty')}
        >
          {(items) => <TaskCards tasks={items} today={today} showUnit={showUnit} label={t('tasks.board.list.title')} />}
        </PagedResults>
      </Stack>
    </Paper>
  );
}
