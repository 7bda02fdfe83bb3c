import './messages.js';
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { leadUnitId, useAuthedMe } from '../../app/me.js';
import { useCellPeriods, useMyBallots, usePeriod } from './api.js';

/** "Bỏ phiếu kín": the open ballots of the member's cell, with the way to the sheet. Nothing when none is open. */
export function MyBallotsCard() {
  const { t } = useTranslation();
  const mine = useMyBallots();
  if (!mine.data || mine.data.items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-ballots" data-testid="home-ballots" maw={720}>
      <Title order={2} fz="h3" id="home-ballots" mb="xs">
        {t('reviewmeetings.home.ballotTitle')}
      </Title>
      <Stack gap="sm">
        {mine.data.items.map((b) => (
          <div key={b.id}>
            <Text>{t('reviewmeetings.home.ballotOpen', { period: b.periodTitle })}</Text>
            {b.hasVoted ? (
              <Text fw={600} mt={4}>
                {t('reviewmeetings.home.voted')}
              </Text>
            ) : (
              <Button component={Link} to={`/review-meetings/${b.id}/ballot`} mt={6} variant={b.mayVote ? 'filled' : 'light'}>
                {b.mayVote ? t('reviewmeetings.home.vote') : t('reviewmeetings.home.notVoter')}
              </Button>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** "Kiểm điểm cuối năm của chi bộ": for the cell's committee, each open period with the way to its review meeting. */
export function CellReviewCard() {
  const me = useAuthedMe();
  const cellId = leadUnitId(me, ['cell_secretary', 'cell_committee']);
  const periods = useCellPeriods(cellId);
  const open = (periods.data?.items ?? []).filter((p) => p.status === 'open');
  if (!cellId || open.length === 0) return null;
  return (
    <>
      {open.map((p) => (
        <CellPeriod key={p.id} periodId={p.id} cellId={cellId} />
      ))}
    </>
  );
}

function CellPeriod({ periodId, cellId }: { periodId: string; cellId: string }) {
  const { t } = useTranslation();
  const period = usePeriod(periodId);
  const cell = period.data?.cells.find((c) => c.unitId === cellId);
  if (!period.data || !cell) return null;
  const titleId = `home-cell-review-${periodId}`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId} data-testid="home-cell-review" maw={720}>
      <Title order={2} fz="h3" id={titleId}>
        {t('reviewmeetings.home.cellTitle')}
      </Title>
      <Text c="dimmed" size="sm" mb="xs">
        {period.data.title}
      </Text>
      <Text>{t('reviewmeetings.home.submitted', { submitted: cell.submitted, members: cell.members })}</Text>
      {cell.reviewMeeting ? (
        <Anchor component={Link} to={`/review-meetings/${cell.reviewMeeting.id}`} fw={600} mt="sm" display="inline-block">
          {t('reviewmeetings.home.openMeeting')} · {t(`reviewmeetings.ballotStatus.${cell.reviewMeeting.ballotStatus}`)}
        </Anchor>
      ) : (
        <Anchor component={Link} to={`/review-meetings/new?period=${periodId}&unit=${cellId}`} fw={600} mt="sm" display="inline-block">
          {t('reviewmeetings.home.linkMeeting')}
        </Anchor>
      )}
    </Paper>
  );
}
