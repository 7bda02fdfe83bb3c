import './messages.js';
import '../../styles/local-issues.css';
import { useState } from 'react';
import { Anchor, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuthedMe, leadUnitId } from '../../app/me.js';
import { BoardHeader } from '../../components/BoardHeader.js';
import { Notice } from '../../components/Notice.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { formatDateTime } from '../../lib/format.js';
import { CITIZEN_FEEDBACK_STATUSES, useInbox, type CitizenFeedbackSummary } from './api.js';
import { FeedbackStatusBadge } from './Badges.js';

/** Where the inbox opens: ?unit=, else where the caller leads (the commune over a cell). */
function useInboxUnit(): string | null {
  const me = useAuthedMe();
  const [params] = useSearchParams();
  return params.get('unit') || leadUnitId(me, ['party_committee', 'inspection', 'cell_secretary', 'cell_committee']);
}

export default function FeedbackInboxPage() {
  const { t } = useTranslation();
  const unitId = useInboxUnit();
  useDocumentTitle(`${t('localissues.inbox.title')} · ${t('app.titleSuffix')}`);
  if (!unitId) return <Notice tone="info">{t('localissues.board.noUnit')}</Notice>;
  return <Inbox key={unitId} unitId={unitId} />;
}

function Inbox({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  // The first filter may come in the address (?status=new: the overview's links).
  const [params] = useSearchParams();
  const asked = params.get('status') ?? '';
  const [status, setStatus] = useState((CITIZEN_FEEDBACK_STATUSES as readonly string[]).includes(asked) ? asked : '');
  const [page, setPage] = usePageFor(status);
  const inbox = useInbox({ unitId, status: status || undefined, page });
  const counts = inbox.data?.counts;
  return (
    <Stack gap="md" className="ts-page">
      <BoardHeader backTo={`/local-issues?unit=${unitId}`} backLabel={t('localissues.board.title')} title={t('localissues.inbox.title')} intro={t('localissues.inbox.intro')}>
        <NativeSelect
          label={t('localissues.inbox.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('localissues.inbox.all') },
            ...CITIZEN_FEEDBACK_STATUSES.map((s) => ({ value: s, label: `${t(`localissues.feedbackStatus.${s}`)}${counts ? ` (${counts[s] ?? 0})` : ''}` })),
          ]}
          data-testid="inbox-status"
        />
      </BoardHeader>
      {counts && (
        <ul className="ts-li-chips" aria-label={t('localissues.inbox.status')}>
          {CITIZEN_FEEDBACK_STATUSES.map((s) => (
            <li key={s} className="ts-li-chip">
              {t(`localissues.feedbackStatus.${s}`)} <b>{counts[s] ?? 0}</b>
            </li>
          ))}
        </ul>
      )}
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <PagedResults query={inbox} page={page} onPage={setPage} totalLabel={(count) => t('localissues.inbox.total', { count })} emptyLabel={t('localissues.inbox.empty')}>
            {(items) => (
              <ul className="ts-li-cards" aria-label={t('localissues.inbox.title')} data-testid="inbox-list">
                {items.map((f) => (
                  <li key={f.id}>
                    <FeedbackCard f={f} />
                  </li>
                ))}
              </ul>
            )}
          </PagedResults>
        </Stack>
      </Paper>
    </Stack>
  );
}

function FeedbackCard({ f }: { f: CitizenFeedbackSummary }) {
  const { t } = useTranslation();
  const excerpt = f.content.length > 180 ? `${f.content.slice(0, 180)}…` : f.content;
  return (
    <article className="ts-li-card" data-status={f.status}>
      <div className="ts-li-card-head">
        <Anchor component={Link} to={`/citizen-feedback/${f.id}`} fw={700}>
          {f.topicName} · {f.village.name}
        </Anchor>
        <FeedbackStatusBadge status={f.status} />
      </div>
      <p className="ts-li-text">{excerpt}</p>
      <Text size="sm" c="dimmed" className="ts-li-meta">
        <span>{t('localissues.inbox.received', { date: formatDateTime(f.createdAt) })}</span>
        {f.duplicateCount > 0 && <span>{t('localissues.inbox.duplicates', { count: f.duplicateCount })}</span>}
        {f.localIssue && <span>{t('localissues.inbox.issue', { title: f.localIssue.title })}</span>}
        {f.routedUnit && <span>{t('localissues.inbox.routed', { name: f.routedUnit.name })}</span>}
      </Text>
    </article>
  );
}
