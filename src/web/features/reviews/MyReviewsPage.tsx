import './messages.js';
import './styles.js';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { useMyReviews } from './api.js';
import { ReviewStatusBadge } from './Parts.js';

/** "Kiểm điểm cuối năm": the member's reviews, newest period first, each with the level decided once published. */
export default function MyReviewsPage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const mine = useMyReviews(me.member !== null);
  useDocumentTitle(`${t('reviews.title')} · ${t('app.titleSuffix')}`);
  return (
    <Stack gap="md" className="ts-page ts-rv-page">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('reviews.title')}
        </Title>
        <Text c="dimmed">{t('reviews.mine.intro')}</Text>
      </div>
      {!me.member ? (
        <Text>{t('reviews.mine.noMember')}</Text>
      ) : mine.isPending ? (
        <Skeleton h={120} />
      ) : mine.isError ? (
        <PageLoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <Text c="dimmed">{t('reviews.mine.none')}</Text>
      ) : (
        <ul className="ts-li-cards" data-testid="my-reviews">
          {mine.data.items.map((r) => (
            <li key={r.id} className="ts-li-card">
              <Paper component="div">
                <Text fw={700}>{r.periodTitle}</Text>
                <Group gap="xs" my={4}>
                  <ReviewStatusBadge status={r.status} />
                  <Text size="sm" c="dimmed">
                    {t(`reviews.periodStatus.${r.periodStatus}`)}
                  </Text>
                </Group>
                {r.decision && (
                  <Text fw={700} className="ts-rv-level">
                    {t('reviews.mine.decided', { level: r.decision.levelName })}
                  </Text>
                )}
                <Anchor component={Link} to={`/reviews/${r.id}`} fw={600}>
                  {r.status === 'draft' && r.periodStatus === 'open' ? t('reviews.mine.write') : t('reviews.mine.view')}
                </Anchor>
              </Paper>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
