import './messages.js';
import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ratingsHref, useMyReviews, usePeriods } from './api.js';

/** "Kiểm điểm cuối năm" on the member's home: only while a period is open for them. */
export function MyReviewHomeCard() {
  const { t } = useTranslation();
  const mine = useMyReviews();
  const open = mine.data?.items.find((r) => r.periodStatus === 'open');
  if (!open) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-my-review" data-testid="home-my-review">
      <Title order={2} fz="h3" id="home-my-review" mb="sm">
        {t('reviews.mine.homeTitle')}
      </Title>
      <Text size="sm">{open.status === 'draft' ? t('reviews.mine.homeOpen', { title: open.periodTitle }) : t('reviews.mine.homeSubmitted')}</Text>
      <Anchor component={Link} to={`/reviews/${open.id}`} fw={600} mt="sm" display="inline-block">
        {open.status === 'draft' ? t('reviews.mine.write') : t('reviews.mine.view')}
      </Anchor>
    </Paper>
  );
}

/** The committee's way to its rating board, with where the newest period stands. */
export function RatingsHomeCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const periods = usePeriods(unitId);
  const latest = periods.data?.items[0];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-ratings" data-testid="home-ratings">
      <Title order={2} fz="h3" id="home-ratings" mb="sm">
        {t('reviews.board.homeTitle')}
      </Title>
      {periods.data && (
        <Text size="sm">
          {latest ? t('reviews.board.homeOpen', { title: latest.title, submitted: latest.counts.submitted, reviews: latest.counts.reviews, decided: latest.counts.decided }) : t('reviews.board.homeNone')}
        </Text>
      )}
      <Anchor component={Link} to={ratingsHref(latest?.id)} fw={600} mt="sm" display="inline-block">
        {t('reviews.board.openPage')}
      </Anchor>
    </Paper>
  );
}
