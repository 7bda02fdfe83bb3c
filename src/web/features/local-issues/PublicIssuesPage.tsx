import './messages.js';
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PagedResults } from '../../components/PagedResults.js';
import { formatDate } from '../../lib/format.js';
import { usePublicIssues, type PublicLocalIssue } from './api.js';
import { IssueStatusBadge } from './Badges.js';

/** "Vấn đề công khai": what the committee made public, with status and resolution. */
export default function PublicIssuesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('localissues.publicList.title')} · ${t('app.titleSuffix')}`);
  const [page, setPage] = useState(1);
  const list = usePublicIssues(page);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="h2">
          {t('localissues.publicList.title')}
        </Title>
        <Text mt={4}>{t('localissues.publicList.intro')}</Text>
      </div>
      <PagedResults
        query={list}
        page={page}
        onPage={setPage}
        totalLabel={(count) => t('localissues.publicList.total', { count })}
        emptyLabel={t('localissues.publicList.empty')}
      >
        {(items) => (
          <ul className="ts-li-cards" aria-label={t('localissues.publicList.title')} data-testid="public-issues">
            {items.map((i) => (
              <li key={i.id}>
                <PublicIssueCard issue={i} />
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </Stack>
  );
}

function PublicIssueCard({ issue: i }: { issue: PublicLocalIssue }) {
  const { t } = useTranslation();
  const place = [i.villageName, i.areaName].filter(Boolean).join(' · ');
  const since = i.sinceYear === null ? t('localissues.since.unknown') : i.sinceBefore ? t('localissues.since.before', { year: i.sinceYear }) : String(i.sinceYear);
  return (
    <article className="ts-li-card" data-status={i.status}>
      <div className="ts-li-card-head">
        <Title order={2} fz="h5">
          {i.title}
        </Title>
        <IssueStatusBadge status={i.status} />
      </div>
      <Text size="sm" c="dimmed" className="ts-li-meta">
        <span>
          {t('localissues.publicList.category')}: {i.categoryName}
        </span>
        {place && (
          <span>
            {t('localissues.publicList.place')}: {place}
          </span>
        )}
        <span>
          {t('localissues.publicList.since')}: {since}
        </span>
      </Text>
      {i.resolutionSummary && (
        <Text size="sm" className="ts-li-text">
          <b>{t('localissues.publicList.resolution')}:</b> {i.resolutionSummary}
          {i.resolvedOn && ` (${formatDate(i.resolvedOn)})`}
        </Text>
      )}
      {i.statusReason && !i.resolutionSummary && (
        <Text size="sm" className="ts-li-text">
          <b>{t('localissues.publicList.reason')}:</b> {i.statusReason}
        </Text>
      )}
      <Text size="sm" className="ts-li-meta">
        <span>{t('localissues.confirmations', i.confirmations)}</span>
        <span className="ts-muted">{t('localissues.publicList.updatedOn', { date: formatDate(i.updatedOn) })}</span>
      </Text>
    </article>
  );
}
