import './messages.js';
import './styles.js';
import { useId } from 'react';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useUnit } from '../../api/queries.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BoardHeader } from '../../components/BoardHeader.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { usePeriod, usePeriodReviews, usePeriods, type PeriodDetail, type ReviewListItem } from './api.js';
import { PeriodPicker } from './Boards.js';
import { levelName, ReviewStatusBadge, UnconfirmedNotice } from './Parts.js';

/**
 * The cell's board of a period: where the cell stands, who has submitted, and each member's
 * levels so far (self, vote, proposed, decided). The review meeting, its vote and the proposals
 * are on the review meeting's page, linked from here (ReviewMeetingSlot).
 */
export default function CellBoardPage() {
  const { id: unitId = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unit = useUnit(unitId);
  const periods = usePeriods(unitId);
  const periodId = params.get('period') ?? periods.data?.items[0]?.id ?? null;
  const period = usePeriod(periodId);
  const reviews = usePeriodReviews(periodId, unitId);
  const unitName = unit.data?.name ?? '';
  useDocumentTitle(`${t('reviews.cell.titleOf', { unit: unitName })} · ${t('app.titleSuffix')}`);
  if (periods.isError) return <PageLoadError error={periods.error} onRetry={() => void periods.refetch()} />;
  const cell = period.data?.cells.find((c) => c.unitId === unitId);
  return (
    <Stack gap="md" className="ts-page ts-rv-page">
      <BoardHeader backTo={`/units/${unitId}`} backLabel={t('reviews.cell.back')} title={t('reviews.cell.titleOf', { unit: unitName })} intro={t('reviews.cell.intro')}>
        {periods.data && periods.data.items.length > 0 && periodId && (
          <PeriodPicker periods={periods.data.items} value={periodId} onChange={(id) => setParams({ period: id }, { replace: true })} />
        )}
      </BoardHeader>
      {periods.isPending ? (
        <Skeleton h={200} />
      ) : periods.data.items.length === 0 ? (
        <Text c="dimmed">{t('reviews.cell.noPeriod')}</Text>
      ) : period.isError ? (
        <PageLoadError error={period.error} onRetry={() => void period.refetch()} />
      ) : !period.data ? (
        <Skeleton h={200} />
      ) : (
        <>
          <UnconfirmedNotice rules={period.data.unconfirmed} />
          <Standing period={period.data} unitId={unitId} />
          {cell?.collective && (
            <Anchor component={Link} to={`/reviews/${cell.collective.reviewId}`} fw={600}>
              {t('reviews.cell.collective')} · {t(`reviews.status.${cell.collective.status}`)}
            </Anchor>
          )}
          {reviews.isPending ? <Skeleton h={200} /> : reviews.isError ? <PageLoadError error={reviews.error} onRetry={() => void reviews.refetch()} /> : <MembersTable period={period.data} items={reviews.data.items.filter((r) => r.subjectKind === 'member')} />}
          <ReviewMeetingSlot period={period.data} unitId={unitId} />
        </>
      )}
    </Stack>
  );
}

function Standing({ period: p, unitId }: { period: PeriodDetail; unitId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const cell = p.cells.find((c) => c.unitId === unitId);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`}>
        {p.title}
      </Title>
      {cell && (
        <Text size="sm" fw={600} data-testid="cell-stage">
          {t('reviews.cell.stage', { stage: t(`reviews.stage.${cell.stage}`) })} · {t('reviews.cell.counts', { submitted: cell.submitted, members: cell.members })}
        </Text>
      )}
      <Title order={3} fz="h6" mt="sm">
        {t('reviews.cell.steps')}
      </Title>
      <ol className="ts-rv-items">
        {p.steps.map((s) => (
          <li key={s.code}>
            <Text size="sm" c={s.passed ? 'dimmed' : undefined}>
              {formatDate(s.dueOn)} — {s.name}
            </Text>
          </li>
        ))}
      </ol>
    </Paper>
  );
}

function MembersTable({ period: p, items }: { period: PeriodDetail; items: ReviewListItem[] }) {
  const { t, i18n } = useTranslation();
  const lvl = (code: string | null) => levelName(p.levels, code) ?? '—';
  return (
    <div className="ts-rp-table-wrap">
      <Table fz="sm" horizontalSpacing="xs" verticalSpacing={6} highlightOnHover className="ts-rp-table ts-rv-table ts-rv-table-levels" data-testid="cell-reviews">
        <caption className="ts-sr-only">{t('reviews.cell.title')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reviews.col.name')}</Table.Th>
            <Table.Th scope="col">{t('reviews.col.status')}</Table.Th>
            <Table.Th scope="col" className="ts-rp-num">
              {t('reviews.col.score')}
            </Table.Th>
            <Table.Th scope="col">{t('reviews.col.self')}</Table.Th>
            <Table.Th scope="col">{t('reviews.col.vote')}</Table.Th>
            <Table.Th scope="col">{t('reviews.col.proposed')}</Table.Th>
            <Table.Th scope="col">{t('reviews.col.decided')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/reviews/${r.id}`} fw={600} size="sm">
                  {r.memberName}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <ReviewStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td className="ts-rp-num">{r.status === 'submitted' && r.scoreTotal !== null ? formatNumber(r.scoreTotal, i18n.language) : '—'}</Table.Td>
              <Table.Td>{lvl(r.selfLevel)}</Table.Td>
              <Table.Td>{lvl(r.voteLevel)}</Table.Td>
              <Table.Td>{lvl(r.proposedLevel)}</Table.Td>
              <Table.Td fw={r.decidedLevel ? 700 : undefined}>{lvl(r.decidedLevel)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * Where the cell's review meeting, its vote (counts or secret ballot) and the proposals go. Until
 * their endpoints exist it only says so, and shows the meeting when one is linked: no buttons
 * that lead nowhere.
 */
/** The cell's review meeting: its page (comments, the vote, the ballot, proposals), or the form that links one. */
function ReviewMeetingSlot({ period: p, unitId }: { period: PeriodDetail; unitId: string }) {
  const { t } = useTranslation();
  const meeting = p.cells.find((c) => c.unitId === unitId)?.reviewMeeting;
  return (
    <section data-slot="review-meeting" aria-label={t('reviews.cell.meetingSection')}>
      {meeting ? (
        <Anchor component={Link} to={`/review-meetings/${meeting.id}`} fw={600}>
          {t('reviews.cell.meeting', { at: formatDateTime(meeting.startsAt) })}
        </Anchor>
      ) : p.status === 'open' ? (
        <Anchor component={Link} to={`/review-meetings/new?period=${p.id}&unit=${unitId}`} fw={600}>
          {t('reviews.cell.linkMeeting')}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reviews.cell.noMeeting')}
        </Text>
      )}
    </section>
  );
}
