import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import './messages.js';
import '../../styles/local-issues.css';
import { useState } from 'react';
import { Anchor, Button, Checkbox, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuthedMe, leadUnitId } from '../../app/me.js';
import { BoardHeader } from '../../components/BoardHeader.js';
import { Notice } from '../../components/Notice.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { formatDate } from '../../lib/format.js';
import { LOCAL_ISSUE_STATUSES, useBoard, type LocalIssueSummary } from './api.js';
import { IssueStatusBadge } from './Badges.js';
import { IssueForm } from './IssueForm.js';

/** Where the board opens: ?unit=, else where the caller leads (the commune over a cell), else their own cell. */
export function useIssueUnit(): string | null {
  const me = useAuthedMe();
  const [params] = useSearchParams();
  return params.get('unit') || leadUnitId(me, ['party_committee', 'inspection', 'cell_secretary', 'cell_committee']) || me.member?.unitId || null;
}

export default function IssueBoardPage() {
  const { t } = useTranslation();
  const unitId = useIssueUnit();
  useDocumentTitle(`${t('localissues.board.title')} · ${t('app.titleSuffix')}`);
  if (!unitId) return <Notice tone="info">{t('localissues.board.noUnit')}</Notice>;
  return <Board key={unitId} unitId={unitId} />;
}

function Board({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  // The first filters may come in the address (?status=…, ?overdue=true: the overview's links).
  const [params] = useSearchParams();
  const asked = params.get('status') ?? '';
  const [status, setStatus] = useState((LOCAL_ISSUE_STATUSES as readonly string[]).includes(asked) ? asked : '');
  const [categoryCode, setCategory] = useState('');
  const [villageUnitId, setVillage] = useState('');
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const filterKey = [status, categoryCode, villageUnitId, overdue, debouncedQ].join('|');
  const [page, setPage] = usePageFor(filterKey);
  const board = useBoard({ unitId, status: status || undefined, categoryCode: categoryCode || undefined, villageUnitId: villageUnitId || undefined, overdue: overdue ? 'true' : undefined, q: debouncedQ || undefined, page });
  const counts = board.data?.counts;

  return (
    <Stack gap="md" className="ts-page">
      <BoardHeader backTo="/" backLabel={t('localissues.board.back')} title={t('localissues.board.title')} intro={t('localissues.board.intro')}>
        {board.data?.canCreate && (
          <Button onClick={() => setAdding((a) => !a)} variant={adding ? 'outline' : 'filled'} data-testid="issue-add">
            {t('localissues.board.add')}
          </Button>
        )}
      </BoardHeader>
      {adding && <IssueForm unitId={unitId} canAssign onCancel={() => setAdding(false)} onSaved={(issue) => issue && navigate(`/local-issues/${issue.id}`)} />}
      {counts && Object.values(counts.byStatus).some((n) => n > 0) && (
        <div
          className="ts-li-bar"
          role="img"
          aria-label={LOCAL_ISSUE_STATUSES.map((s) => `${t(`localissues.status.${s}`)}: ${counts.byStatus[s] ?? 0}`).join(', ')}
          data-testid="issue-status-bar"
        >
          {LOCAL_ISSUE_STATUSES.map((s) => (counts.byStatus[s] ?? 0) > 0 && <span key={s} data-status={s} style={{ flexGrow: counts.byStatus[s] }} />)}
        </div>
      )}
      {counts && (
        <ul className="ts-li-chips" aria-label={t('localissues.board.counts')} data-testid="issue-counts">
          {LOCAL_ISSUE_STATUSES.map((s) => (
            <li key={s} className="ts-li-chip" data-status={s}>
              {t(`localissues.status.${s}`)} <b>{counts.byStatus[s] ?? 0}</b>
            </li>
          ))}
          <li className="ts-li-chip" data-bad={counts.overdue > 0 || undefined}>
            {t('localissues.board.overdueCount', { count: counts.overdue })}
          </li>
        </ul>
      )}
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <NativeSelect
            label={t('localissues.board.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[{ value: '', label: t('localissues.board.all') }, ...LOCAL_ISSUE_STATUSES.map((s) => ({ value: s, label: t(`localissues.status.${s}`) }))]}
            data-testid="filter-status"
          />
          <NativeSelect
            label={t('localissues.board.category')}
            value={categoryCode}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data={[{ value: '', label: t('localissues.board.all') }, ...(counts?.byCategory ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.n})` }))]}
            data-testid="filter-category"
          />
          <NativeSelect
            label={t('localissues.board.village')}
            value={villageUnitId}
            onChange={(e) => setVillage(e.currentTarget.value)}
            data={[{ value: '', label: t('localissues.board.all') }, ...(counts?.byVillage ?? []).map((v) => ({ value: v.unitId, label: `${v.name} (${v.n})` }))]}
            data-testid="filter-village"
          />
          <TextInput label={t('localissues.board.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="filter-q" />
        </SimpleGrid>
        <Checkbox mt="sm" label={t('localissues.board.overdue')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="filter-overdue" />
      </Paper>
      <PagedResults query={board} page={page} onPage={setPage} totalLabel={(count) => t('localissues.board.total', { count })} emptyLabel={t('localissues.board.empty')}>
        {(items) => (
          <ul className="ts-li-cards" aria-label={t('localissues.board.title')} data-testid="issue-list">
            {items.map((i) => (
              <li key={i.id}>
                <IssueCard issue={i} />
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </Stack>
  );
}

function IssueCard({ issue: i }: { issue: LocalIssueSummary }) {
  const { t } = useTranslation();
  const place = [i.village?.name, i.areaName].filter(Boolean).join(' · ');
  return (
    <article className="ts-li-card" data-status={i.status} data-overdue={i.overdue || undefined}>
      <div className="ts-li-card-head">
        <Anchor component={Link} to={`/local-issues/${i.id}`} fw={700}>
          {i.title}
        </Anchor>
        <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
          <IssueStatusBadge status={i.status} />
          {i.overdue && <span className="ts-li-chip" data-bad>{t('localissues.board.overdueTag')}</span>}
        </span>
      </div>
      <Text size="sm" c="dimmed" className="ts-li-meta">
        <span>{i.categoryName}</span>
        {place && <span>{place}</span>}
        {i.deadline && <span>{t('localissues.board.deadline', { date: formatDate(i.deadline) })}</span>}
        {(i.responsibleMember ?? i.responsibleUnit) && <span>{t('localissues.board.responsible', { name: (i.responsibleMember ?? i.responsibleUnit)!.name })}</span>}
        {i.openTasks > 0 && <span>{t('localissues.board.openTasks', { count: i.openTasks })}</span>}
        {i.citizenFeedbackCount > 0 && <span>{t('localissues.board.feedbackCount', { count: i.citizenFeedbackCount })}</span>}
        {i.public && <span>{t('localissues.board.publicTag')}</span>}
      </Text>
    </article>
  );
}
