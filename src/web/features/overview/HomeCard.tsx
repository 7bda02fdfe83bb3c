import './messages.js';
import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOverview, type OverviewResponse } from './api.js';

const figure = (o: OverviewResponse, section: string, key: string) => o.sections.find((s) => s.key === section)?.figures.find((f) => f.key === key);

/** The party committee's landing card: this month's headline figures and the way to the overview. */
export function OverviewHomeCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(unitId, null);
  const o = overview.data;
  const cells = o && figure(o, 'meetings', 'cells_all_months');
  // This month's meetings already called but not yet held: early in the month "0/25" alone reads as a failure.
  const called = o ? o.grid.rows.filter((r) => r.months.at(-1)?.state === 'planned').length : 0;
  const waiting = o ? ['new', 'in_progress'].reduce((n, k) => n + (figure(o, 'citizen_feedback', k)?.value ?? 0), 0) : 0;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-overview" data-testid="home-overview">
      <Title order={2} fz="h3" id="home-overview" mb="sm">
        {t('overview.home.title')}
      </Title>
      {o && cells && (
        <Text size="sm">
          {t('overview.home.cells', { held: cells.value, of: cells.of ?? 0, overdue: figure(o, 'tasks', 'overdue')?.value ?? 0, waiting })}
          {called > 0 && ` ${t('overview.home.called', { count: called })}`}
        </Text>
      )}
      <Anchor component={Link} to="/tong-quan" fw={600} mt="sm" display="inline-block">
        {t('overview.home.open')}
      </Anchor>
    </Paper>
  );
}
