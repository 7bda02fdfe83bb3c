import './messages.js';
import '../../styles/self-examination.css';
import '../../styles/boards.css';
import '@mantine/core/styles/Table.layer.css';
import { useId } from 'react';
import { Anchor, Button, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BoardHeader } from '../../components/BoardHeader.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate, formatNumber, formatPercent, formatRate } from '../../lib/format.js';
import { currentYear, QUARTER_NAMES } from '../../lib/time.js';
import { shortCellName } from '../../lib/units.js';
import { newFeedbackHref } from '../feedback/api.js';
import { useSelfExamStats, type StatsCellRow, type StatsResponse } from './api.js';
import { statsPeriodText } from './period.js';
import { PlanItemBadges } from '../correction-plans/Badges.js';
import { SelfExamStatusBadge } from './Badges.js';
import { FeedbackList } from '../feedback/FeedbackParts.js';
import { FeedbackMonthChart } from './FeedbackMonthChart.js';

/** The first year offered (the demo commune's records start in 2022). */
const FIRST_YEAR = 2020;
const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

export default function SelfExamBoardRoute() {
  const { id = '' } = useParams();
  return <SelfExamBoardPage key={id} unitId={id} />;
}

/** "?period=2022" or "2022-Q2" when sensible, else this year; setting it keeps the rest of the address. */
function usePeriodParam(): [{ year: number; quarter: number | null; period: string }, (year: number, quarter: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const m = PERIOD.exec(params.get('period') ?? '');
  const now = currentYear();
  const asked = m ? Number(m[1]) : NaN;
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= now + 1 ? asked : now;
  const quarter = m?.[2] && year === asked ? Number(m[2]) : null;
  const set = (y: number, q: number | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('period', q ? `${y}-Q${q}` : String(y));
        return next;
      },
      { replace: true },
    );
  return [{ year, quarter, period: quarter ? `${year}-Q${quarter}` : String(year) }, set];
}

/** Pieces of the board that say "of whom": a cell shows members, the commune its cells. */
const isCellLike = (kind: string) => kind === 'cell' || kind === 'mass_org';

/**
 * Tự soi, tự sửa of a cell (the secretary's board: who has submitted, plan items due and
 * overdue, feedback awaiting an answer) or of the commune (per cell: share with a self-examination,
 * plan items fixed on time, feedback per member per month).
 */
function SelfExamBoardPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [{ year, quarter, period }, setPeriod] = usePeriodParam();
  const stats = useSelfExamStats(unitId, period);
  useDocumentTitle(stats.data ? `${t('selfexam.board.titleOf', { unit: stats.data.unitName })} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (stats.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="50%" />
        <Skeleton h={120} />
        <Skeleton h={220} />
      </Stack>
    );
  }
  if (stats.isError) return <PageLoadError error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const cell = isCellLike(s.unitKind);
  const years: number[] = [];
  for (let y = currentYear(); y >= FIRST_YEAR; y--) years.push(y);
  if (!years.includes(year)) years.unshift(year);

  return (
    <Stack gap="md" className="ts-page">
      <BoardHeader
        backTo={`/units/${s.unitId}`}
        backLabel={s.unitName}
        title={t('selfexam.board.title')}
        intro={t(cell ? 'selfexam.board.introCell' : 'selfexam.board.introCommune', { unit: s.unitName, period: statsPeriodText(t, s.period) })}
      >
        <NativeSelect
          label={t('selfexam.board.year')}
          value={String(year)}
          onChange={(e) => setPeriod(Number(e.currentTarget.value), quarter)}
          data={years.map((y) => String(y))}
        />
        <NativeSelect
          label={t('selfexam.board.quarter')}
          value={quarter ? String(quarter) : ''}
          onChange={(e) => setPeriod(year, e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          data={[{ value: '', label: t('selfexam.board.wholeYear') }, ...QUARTER_NAMES.map((q, i) => ({ value: String(i + 1), label: t('selfexam.board.quarterN', { q }) }))]}
        />
        {cell && (
          <Button component={Link} to={newFeedbackHref({ unit: s.unitId })} variant="light" leftSection={<PlusIcon size={16} />}>
            {t('selfexam.mine.give')}
          </Button>
        )}
      </BoardHeader>

      <div className="ts-rp-body" data-stale={stats.isPlaceholderData || undefined} aria-busy={stats.isFetching}>
        <Stack gap="md">
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <Stack gap="lg">
              <Figures stats={s} />
              <section aria-labelledby="se-months" className="ts-rp-block">
                <Title order={3} fz="h5" id="se-months" mb="xs">
                  {t('selfexam.board.months.title')}
                </Title>
                <FeedbackMonthChart months={s.months} periodLabel={statsPeriodText(t, s.period)} />
              </section>
              {cell ? <MembersTable stats={s} /> : <CellsSection stats={s} />}
            </Stack>
          </Paper>
          <DueSection stats={s} />
          <AwaitingSection stats={s} />
          <ManifestationsSection stats={s} />
        </Stack>
      </div>
    </Stack>
  );
}

function Figures({ stats: s }: { stats: StatsResponse }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const num = (v: number) => formatNumber(v, lng);
  const noData = t('selfexam.board.noData');
  const tiles: { key: string; label: string; value: string; hint: string | null; tone?: 'good' | 'bad' }[] = [
    {
      key: 'submitted',
      label: t('selfexam.board.figures.submitted'),
      value: `${num(s.submitted)}/${num(s.memberCount)}`,
      hint: t('selfexam.board.figures.submittedHint', { reviewed: num(s.reviewed), drafts: num(s.drafts) }),
      tone: s.memberCount > 0 && s.submitted === s.memberCount ? 'good' : undefined,
    },
    {
      key: 'fixedOnTime',
      label: t('selfexam.board.figures.fixedOnTime'),
      value: s.plan.total === 0 ? noData : `${num(s.plan.fixedOnTime)}/${num(s.plan.total)}`,
      hint: s.plan.total === 0 ? null : t('selfexam.board.figures.fixedOnTimeHint', { fixed: num(s.plan.fixed), waiting: num(s.plan.awaitingVerification) }),
    },
    {
      key: 'overdue',
      label: t('selfexam.board.figures.overdue'),
      value: num(s.plan.overdue),
      hint: t('selfexam.board.figures.overdueHint', { count: s.plan.dueSoon }),
      tone: s.plan.overdue > 0 ? 'bad' : undefined,
    },
    {
      key: 'awaiting',
      label: t('selfexam.board.figures.awaiting'),
      value: num(s.feedback.awaiting),
      hint: t('selfexam.board.figures.awaitingHint', { given: num(s.feedback.given) }),
      tone: s.feedback.awaiting > 0 ? 'bad' : undefined,
    },
    {
      key: 'acceptRate',
      label: t('selfexam.board.figures.acceptRate'),
      value: s.feedback.acceptRate === null ? noData : formatPercent(s.feedback.acceptRate / 100, lng),
      hint: t('selfexam.board.figures.acceptRateHint', { accepted: num(s.feedback.accepted), explained: num(s.feedback.explained) }),
    },
    {
      key: 'perMember',
      label: t('selfexam.board.figures.perMember'),
      value: s.feedback.perMemberPerMonth === null ? noData : formatRate(s.feedback.perMemberPerMonth, lng),
      hint: t('selfexam.board.figures.perMemberHint'),
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

/** The secretary's board: every member, where their self-examination and plan stand. */
function MembersTable({ stats: s }: { stats: StatsResponse }) {
  const { t, i18n } = useTranslation();
  const num = (v: number) => formatNumber(v, i18n.language);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`} mb="xs">
        {t('selfexam.board.members.title')}
      </Title>
      {s.memberRows.length === 0 ? (
        <Text c="dimmed">{t('selfexam.board.members.empty')}</Text>
      ) : (
        <div className="ts-rp-table-wrap">
          <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-tk-table">
            <caption className="ts-sr-only">{t('selfexam.board.members.caption', { period: statsPeriodText(t, s.period) })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('selfexam.board.members.name')}</Table.Th>
                <Table.Th scope="col">{t('selfexam.board.members.selfExam')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.board.members.planOpen')}
                </Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.board.members.planOverdue')}
                </Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.board.members.planFixed')}
                </Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.board.members.feedbackAwaiting')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.memberRows.map((r) => (
                <Table.Tr key={r.memberId} data-member={r.memberId}>
                  <Table.Th scope="row" fw={400}>
                    {r.planId ? (
                      <Anchor component={Link} to={`/correction-plans/${r.planId}`} fw={600} size="sm" aria-label={t('selfexam.board.members.planOf', { name: r.name })}>
                        {r.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600} component="span">
                        {r.name}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {r.status && r.selfExamId ? (
                      <Anchor component={Link} to={`/self-examinations/${r.selfExamId}`} aria-label={t('selfexam.board.members.open', { name: r.name })}>
                        <SelfExamStatusBadge status={r.status} />
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed" component="span">
                        {t('selfexam.board.members.notStarted')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="ts-rp-num">{num(r.planOpen)}</Table.Td>
                  <Table.Td className="ts-rp-num" data-bad={r.planOverdue > 0 || undefined}>
                    {num(r.planOverdue)}
                  </Table.Td>
                  <Table.Td className="ts-rp-num">{num(r.planFixed)}</Table.Td>
                  <Table.Td className="ts-rp-num" data-bad={r.feedbackAwaiting > 0 || undefined}>
                    {num(r.feedbackAwaiting)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {t('selfexam.board.members.logged')}
      </Text>
    </section>
  );
}

/** The commune view: each cell's share of members with a self-examination as bars, then all figures. */
function CellsSection({ stats: s }: { stats: StatsResponse }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const num = (v: number) => formatNumber(v, lng);
  const id = useId();
  const pct = (v: number | null) => formatPercent(v === null ? null : v / 100, lng);
  const average = s.memberCount > 0 ? (s.submitted / s.memberCount) * 100 : null;
  const byShare = [...s.cellRows].filter((c) => c.submittedShare !== null).sort((a, b) => b.submittedShare! - a.submittedShare! || a.name.localeCompare(b.name, 'vi'));
  const rows = [...s.cellRows].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  if (s.cellRows.length === 0) return <Text c="dimmed">{t('selfexam.board.cells.empty')}</Text>;
  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Title order={3} fz="h5" id={`${id}-h`}>
        {t('selfexam.board.cells.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('selfexam.board.cells.intro')}
      </Text>
      <Text size="sm" fw={600} id={`${id}-bars`} mb={6}>
        {t('selfexam.board.cells.chartTitle')}
      </Text>
      <ol className="ts-tk-hbars" aria-labelledby={`${id}-bars`}>
        {byShare.map((c: StatsCellRow) => (
          <li key={c.unitId} className="ts-tk-hbar">
            <span className="ts-tk-hbar-name">{shortCellName(c.name)}</span>
            <span className="ts-tk-hbar-track">
              <span className="ts-tk-hbar-area" aria-hidden="true">
                <span
                  className="ts-tk-hbar-bar"
                  data-below={average !== null && c.submittedShare! < average ? true : undefined}
                  style={{ width: `${Math.min(100, Math.max(0, c.submittedShare!))}%` }}
                />
              </span>
              <span className="ts-tk-hbar-value">{pct(c.submittedShare)}</span>
            </span>
          </li>
        ))}
      </ol>
      {average !== null && (
        <ul className="ts-rp-legend" aria-label={t('selfexam.board.cells.legend')}>
          <li>
            <i className="ts-rp-swatch" style={{ background: '#2f6b3a' }} aria-hidden="true" />
            {t('selfexam.board.cells.legendAbove', { value: pct(average) })}
          </li>
          <li>
            <i className="ts-rp-swatch" style={{ background: '#a11a1a' }} aria-hidden="true" />
            {t('selfexam.board.cells.legendBelow')}
          </li>
        </ul>
      )}
      <div className="ts-rp-table-wrap" style={{ marginTop: 12 }}>
        <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-tk-table">
          <caption className="ts-sr-only">{t('selfexam.board.cells.caption', { period: statsPeriodText(t, s.period) })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('selfexam.board.cells.name')}</Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.submitted')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.share')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.fixedOnTime')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.overdue')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.feedback')}
              </Table.Th>
              <Table.Th scope="col" className="ts-rp-num">
                {t('selfexam.board.cells.perMember')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.unitId} data-unit={c.unitId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/units/${c.unitId}/tu-soi?period=${s.period}`} fw={600} size="sm">
                    {shortCellName(c.name)}
                  </Anchor>
                </Table.Th>
                <Table.Td className="ts-rp-num">
                  {num(c.submitted)}/{num(c.memberCount)}
                </Table.Td>
                <Table.Td className="ts-rp-num" fw={700}>
                  {pct(c.submittedShare)}
                </Table.Td>
                <Table.Td className="ts-rp-num">
                  {c.planTotal === 0 ? '—' : `${num(c.planFixedOnTime)}/${num(c.planTotal)} (${pct(c.planFixedOnTimeShare)})`}
                </Table.Td>
                <Table.Td className="ts-rp-num" data-bad={c.planOverdue > 0 || undefined}>
                  {num(c.planOverdue)}
                </Table.Td>
                <Table.Td className="ts-rp-num">{num(c.feedbackGiven)}</Table.Td>
                <Table.Td className="ts-rp-num">{c.feedbackPerMemberPerMonth === null ? '—' : formatRate(c.feedbackPerMemberPerMonth, lng)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function DueSection({ stats: s }: { stats: StatsResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const above = !isCellLike(s.unitKind);
  const overdue = s.dueItems.filter((d) => d.overdue).length;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="sm" c={overdue > 0 ? '#8a1010' : undefined}>
        {t('selfexam.board.due.title')}
        {s.dueItems.length > 0 && ` (${s.dueItems.length})`}
      </Title>
      {s.dueItems.length === 0 ? (
        <Text c="dimmed">{t('selfexam.board.due.empty')}</Text>
      ) : (
        <ul className="ts-se-cards" aria-label={t('selfexam.board.due.title')}>
          {[...s.dueItems]
            .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.localeCompare(b.deadline))
            .map((d) => (
              <li key={d.id}>
                <article className="ts-se-card" data-look={d.overdue ? 'overdue' : d.status}>
                  <div className="ts-se-card-head">
                    <Anchor component={Link} to={`/correction-plans/${d.planId}`} fw={700} className="ts-se-card-title">
                      {d.shortcoming}
                    </Anchor>
                    <span className="ts-se-badges">
                      <PlanItemBadges item={d} />
                    </span>
                  </div>
                  <Text size="sm" c="dimmed" className="ts-se-meta">
                    <span>{d.memberName}</span>
                    <span className={d.overdue ? 'ts-se-overdue' : undefined}>{t('selfexam.board.due.deadline', { date: formatDate(d.deadline) })}</span>
                    {above && <span>{t('selfexam.board.due.seeCell')}</span>}
                  </Text>
                </article>
              </li>
            ))}
        </ul>
      )}
    </Paper>
  );
}

function AwaitingSection({ stats: s }: { stats: StatsResponse }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="sm">
        {t('selfexam.board.awaiting.title')}
        {s.awaitingFeedback.length > 0 && ` (${s.awaitingFeedback.length})`}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('selfexam.board.awaiting.intro')}
      </Text>
      {s.awaitingFeedback.length === 0 ? (
        <Text c="dimmed">{t('selfexam.board.awaiting.empty')}</Text>
      ) : (
        <FeedbackList items={s.awaitingFeedback} mode="unit" label={t('selfexam.board.awaiting.title')} />
      )}
    </Paper>
  );
}

/** How often each manifestation was marked — only for a group of at least five (k-anonymity). */
function ManifestationsSection({ stats: s }: { stats: StatsResponse }) {
  const { t, i18n } = useTranslation();
  const num = (v: number) => formatNumber(v, i18n.language);
  const id = useId();
  const list = s.manifestations;
  const groups = list ? [...new Map(list.map((m) => [m.groupCode, m.groupName])).entries()] : [];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb={4}>
        {t('selfexam.board.manifestations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('selfexam.board.manifestations.intro', { min: s.minGroup })}
      </Text>
      {list === null ? (
        <Notice tone="info">{t('selfexam.board.manifestations.tooFew', { min: s.minGroup })}</Notice>
      ) : (
        <div className="ts-rp-table-wrap">
          <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} className="ts-rp-table ts-se-freq">
            <caption className="ts-sr-only">{t('selfexam.board.manifestations.caption', { period: statsPeriodText(t, s.period), count: s.submitted })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('selfexam.board.manifestations.item')}</Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.mark.at_risk')}
                </Table.Th>
                <Table.Th scope="col" className="ts-rp-num">
                  {t('selfexam.mark.present')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            {groups.map(([code, name]) => (
              <Table.Tbody key={code}>
                <Table.Tr className="ts-se-freq-group">
                  <Table.Th scope="colgroup" colSpan={3}>
                    {name}
                  </Table.Th>
                </Table.Tr>
                {list
                  .filter((m) => m.groupCode === code)
                  .map((m) => (
                    <Table.Tr key={m.code} data-zero={m.atRisk + m.present === 0 || undefined}>
                      <Table.Th scope="row" fw={400}>
                        <span className="ts-se-code">{m.code}</span> {m.title}
                      </Table.Th>
                      <Table.Td className="ts-rp-num" fw={m.atRisk > 0 ? 700 : undefined}>
                        {num(m.atRisk)}
                      </Table.Td>
                      <Table.Td className="ts-rp-num" fw={m.present > 0 ? 700 : undefined} data-bad={m.present > 0 || undefined}>
                        {num(m.present)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            ))}
          </Table>
        </div>
      )}
    </Paper>
  );
}
