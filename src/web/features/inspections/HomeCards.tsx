import './messages.js';
import '../../styles/local-issues.css';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { leadUnitId, useAuthedMe } from '../../app/me.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate } from '../../lib/format.js';
import { currentYear } from '../../lib/time.js';
import { useMyInspections, useOverview, type InspectionOverview } from './api.js';
import { LateFlag } from './Parts.js';

/** The UBKT's own work on its home page: the overview's key figures for this year, and the way in. */
export function InspectionHomeCard() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const unitId = leadUnitId(me, ['inspection']);
  const year = currentYear();
  const overview = useOverview(unitId ?? '', year);
  if (!unitId) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-inspections" data-testid="home-inspections">
      <Title order={2} fz="h3" id="home-inspections" mb="sm">
        {t('inspections.home.cardTitle')} · {year}
      </Title>
      {overview.isPending ? <Skeleton h={40} /> : overview.isError ? null : <KeyFigures overview={overview.data} />}
      {overview.data && overview.data.lateCases.length > 0 && (
        <ul className="ts-li-cards" style={{ marginTop: 10 }}>
          {overview.data.lateCases.slice(0, 3).map((c) => (
            <li key={c.id} className="ts-li-card" data-overdue>
              <Anchor component={Link} to={`/inspections/${c.id}`} fw={600}>
                {c.title}
              </Anchor>
              {c.nextStepName && c.nextDueOn && (
                <Text size="sm" c="dimmed">
                  {t('inspections.home.lateStep', { step: c.nextStepName, date: formatDate(c.nextDueOn) })} · <LateFlag />
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      <Anchor component={Link} to={`/inspections?unit=${unitId}`} fw={600} mt="sm" display="inline-block">
        {t('inspections.home.openPage')}
      </Anchor>
    </Paper>
  );
}

/** "Kiểm tra, giám sát gửi tới bạn": what is addressed to the member or their cell and waiting. Nothing when there is nothing. */
export function MyInspectionsCard() {
  const { t } = useTranslation();
  const mine = useMyInspections();
  if (!mine.data || mine.data.items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-my-inspections" data-testid="home-my-inspections">
      <Title order={2} fz="h3" id="home-my-inspections" mb="sm">
        {t('inspections.mine.title')}
      </Title>
      <Stack gap="xs">
        <ul className="ts-li-cards">
          {mine.data.items.map((c) => (
            <li key={c.id} className="ts-li-card" data-overdue={c.lateSteps > 0 || undefined}>
              <Anchor component={Link} to={`/inspections/${c.id}`} fw={600}>
                {c.title}
              </Anchor>
              <Text size="sm" c="dimmed" className="ts-li-meta">
                <span>{c.kindName}</span>
                {c.nextStepName && (
                  <span>
                    {t('inspections.mine.waiting', { step: c.nextStepName })}
                    {c.nextDueOn ? `, ${t('inspections.mine.due', { date: formatDate(c.nextDueOn) })}` : ''}
                  </span>
                )}
                {c.recommendationCounts.open > 0 && <span>{t('inspections.mine.recsOpen', { count: c.recommendationCounts.open })}</span>}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}

/** The overview's key figures (also on the UBKT's home page). */
export function KeyFigures({ overview: o }: { overview: InspectionOverview }) {
  const { t } = useTranslation();
  return (
    <ul className="ts-li-chips" aria-label={t('inspections.home.figures')} data-testid="inspection-figures">
      <li className="ts-li-chip">{t('inspections.home.openCases', { count: o.openCases })}</li>
      <li className="ts-li-chip">{t('inspections.home.concludedCases', { count: o.concludedCases })}</li>
      <li className="ts-li-chip" data-bad={o.lateCases.length > 0 || undefined}>
        {t('inspections.home.lateCases', { count: o.lateCases.length })}
      </li>
      <li className="ts-li-chip">{t('inspections.home.waiting', { count: o.waitingForSubject.length })}</li>
      <li className="ts-li-chip" data-bad={o.recommendationCounts.overdue > 0 || undefined}>
        {t('inspections.home.overdueRecs', { count: o.recommendationCounts.overdue })}
      </li>
    </ul>
  );
}
