import './messages.js';
import '../../styles/self-examination.css';
import { useId, useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Notice } from '../../components/Notice.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { Skeleton } from '../../components/Skeleton.js';
import { LockIcon, PlusIcon } from '../../components/icons.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { currentYear } from '../../lib/time.js';
import { newFeedbackHref } from '../feedback/api.js';
import {
  selfExamKeys,
  useAccessLog,
  useMySelfExam,
  useSelfExamChanged,
  type CreateSelfExamBody,
  type FeedbackSummary,
  type MySelfExamResponse,
  type SelfExamDetail,
  type SelfExamSummary,
  type SuggestedPeriod,
} from './api.js';
import { periodText } from './period.js';
import { SelfExamStatusBadge } from './Badges.js';
import { FeedbackList } from '../feedback/FeedbackParts.js';
import { PlanSection } from '../correction-plans/PlanItems.js';

/** Lists longer than this fold behind "Xem tất cả": a phone screen is short. */
const FOLD = 5;

/**
 * "Tự soi" — the member's own page: this period's self-examination (open or carry on), the
 * correction plan with its progress, the feedback received (to answer) and given, and who has
 * read their record.
 */
export default function MySelfExamPage() {
  const { t } = useTranslation();
  const mine = useMySelfExam();
  const location = useLocation();
  const flash = (location.state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(flash);
  useDocumentTitle(`${t('selfexam.mine.title')} · ${t('app.titleSuffix')}`);

  if (mine.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="50%" />
        <Skeleton h={140} />
        <Skeleton h={200} />
      </Stack>
    );
  }
  if (mine.isError) {
    if (isApiError(mine.error, 404)) {
      return (
        <Stack gap="md" className="ts-page">
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {t('selfexam.mine.title')}
          </Title>
          <Notice tone="info">{t('selfexam.mine.noMember')}</Notice>
        </Stack>
      );
    }
    return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  }
  const m = mine.data;
  return (
    <Stack gap="md" className="ts-page" maw={860}>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('selfexam.mine.title')}
        </Title>
        <Text c="dimmed">{t('selfexam.mine.intro', { unit: m.unitName })}</Text>
      </div>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      <SelfExamsCard data={m} />
      <FeedbackReceived items={m.feedbackReceived} onMessage={setMessage} />
      <PlansCard data={m} onMessage={setMessage} />
      <FeedbackGiven items={m.feedbackGiven} unitId={m.unitId} />
      <AccessLogCard />
      <Anchor component={Link} to="/reference/manifestations" fw={600}>
        {t('selfexam.mine.checklistLink')}
      </Anchor>
    </Stack>
  );
}

function Card({ title, children, action, count }: { title: string; children: ReactNode; action?: ReactNode; count?: number }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={2} fz="h4" id={`${id}-h`}>
          {title}
          {count !== undefined && count > 0 && <span className="ts-se-count">{count}</span>}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** The periods the member may open now, then every self-examination so far. */
function SelfExamsCard({ data }: { data: MySelfExamResponse }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useSelfExamChanged();
  const [error, setError] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (body: CreateSelfExamBody) => api<SelfExamDetail>('/self-examinations', { method: 'POST', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(selfExamKeys.detail(detail.id), detail);
      changed();
      navigate(`/self-examinations/${detail.id}`);
    },
    onError: async (e, body) => {
      // Opened meanwhile (another tab, another device): go to it.
      if (isApiError(e, 409) && e.code === 'self_exam_exists') {
        const fresh = await queryClient.fetchQuery({ queryKey: selfExamKeys.mine, queryFn: () => api<MySelfExamResponse>('/me/self-examination') });
        const found = fresh.suggested.find((s) => samePeriod(s, body));
        if (found?.existingId) {
          navigate(`/self-examinations/${found.existingId}`);
          return;
        }
      }
      setError(isApiError(e) ? e.message : t('errors.network'));
    },
  });
  const start = (s: SuggestedPeriod) => {
    setError(null);
    open.mutate({ periodKind: s.periodKind, year: s.year, ...(s.quarter ? { quarter: s.quarter } : {}), ...(s.meetingId ? { meetingId: s.meetingId } : {}) });
  };
  const n = (v: number) => formatNumber(v, i18n.language);
  const existing = new Map(data.selfExaminations.map((s) => [s.id, s]));
  // The server lists the period the cell asked for first.
  const asked = data.suggested.some((s) => s.askedBy);

  return (
    <Card title={t('selfexam.mine.selfExams')}>
      <Stack gap="sm">
        <Text size="sm" className="ts-se-private">
          <LockIcon size={16} />
          <span>{t('selfexam.privacy.short')}</span>
        </Text>
        {error && <Notice tone="error">{error}</Notice>}
        {data.suggested.length > 0 && !asked && !data.suggested.some((s) => s.existingId) && (
          <Text size="sm">{t('selfexam.mine.askedNone')}</Text>
        )}
        {data.suggested.length > 0 && (
          <ul className="ts-se-periods" aria-label={t('selfexam.mine.suggested')}>
            {data.suggested.map((s) => {
              const current = s.existingId ? existing.get(s.existingId) : undefined;
              return (
                <li key={`${s.periodKind}-${s.year}-${s.quarter ?? ''}-${s.meetingId ?? ''}`} className="ts-se-period">
                  <div>
                    <Text fw={700}>{periodText(t, s)}</Text>
                    {s.topic && <Text size="sm">{s.topic}</Text>}
                    {s.askedBy && (
                      <Text size="sm" fw={600} className="ts-se-asked">
                        {s.askedBy === 'thematic_meeting'
                          ? t('selfexam.mine.askedThematic', { date: formatDate(s.meetingDate) })
                          : t('selfexam.mine.askedCell')}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {current ? <PeriodState s={current} /> : t('selfexam.mine.notStarted')}
                    </Text>
                  </div>
                  {s.existingId ? (
                    <Button component={Link} to={`/self-examinations/${s.existingId}`} variant={current?.status === 'draft' ? 'filled' : 'light'}>
                      {current?.status === 'draft' ? t('selfexam.mine.continue') : t('selfexam.mine.view')}
                    </Button>
                  ) : (
                    <Button onClick={() => start(s)} variant={s.askedBy || !asked ? 'filled' : 'light'} loading={open.isPending && open.variables !== undefined && samePeriod(s, open.variables)}>
                      {t('selfexam.mine.start', { label: periodText(t, s) })}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {data.selfExaminations.length === 0 ? (
          <Text c="dimmed">{t('selfexam.mine.noneYet')}</Text>
        ) : (
          <ul className="ts-se-rows" aria-label={t('selfexam.mine.allSelfExams')}>
            {data.selfExaminations.map((s) => (
              <li key={s.id} className="ts-se-row">
                <Anchor component={Link} to={`/self-examinations/${s.id}`} fw={700}>
                  {periodText(t, s)}
                </Anchor>
                <SelfExamStatusBadge status={s.status} />
                <Text size="sm" c="dimmed" className="ts-se-row-meta">
                  {t('selfexam.mine.marked', { atRisk: n(s.marked.atRisk), present: n(s.marked.present) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Card>
  );
}

function PeriodState({ s }: { s: SelfExamSummary }) {
  const { t } = useTranslation();
  if (s.status === 'draft') return <>{t('selfexam.mine.draftSaved', { at: formatDateTime(s.updatedAt) })}</>;
  if (s.status === 'submitted') return <>{t('selfexam.mine.submittedOn', { date: s.submittedAt ? formatDateTime(s.submittedAt) : '' })}</>;
  return <>{t('selfexam.mine.reviewedOn', { date: s.reviewedAt ? formatDateTime(s.reviewedAt) : '' })}</>;
}

function PlansCard({ data, onMessage }: { data: MySelfExamResponse; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  const year = currentYear();
  const plans = [...data.plans].sort((a, b) => b.year - a.year);
  const hasThisYear = plans.some((p) => p.year === year);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('selfexam.mine.plans')}>
      <Stack gap="lg">
        {!hasThisYear && <PlanSection plan={null} year={year} onMessage={onMessage} />}
        {plans.map((p) => (
          <PlanSection key={p.id} plan={p} year={p.year} onMessage={onMessage} />
        ))}
      </Stack>
    </Paper>
  );
}

function Folded({ items, children }: { items: FeedbackSummary[]; children: (shown: FeedbackSummary[]) => ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FOLD);
  return (
    <>
      {children(shown)}
      {items.length > FOLD && (
        <Button variant="subtle" size="compact-sm" mt={6} onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('selfexam.mine.showLess') : t('selfexam.mine.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}

function FeedbackReceived({ items, onMessage }: { items: FeedbackSummary[]; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  // What waits for an answer first.
  const sorted = [...items].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.givenOn.localeCompare(a.givenOn));
  const waiting = items.filter((f) => f.status === 'open' && f.actions.includes('answer')).length;
  return (
    <Card title={t('selfexam.mine.received')} count={waiting}>
      {waiting > 0 && (
        <Text size="sm" mb="xs" fw={600}>
          {t('selfexam.mine.receivedWaiting', { count: waiting })}
        </Text>
      )}
      {items.length === 0 ? (
        <Text c="dimmed">{t('selfexam.mine.receivedNone')}</Text>
      ) : (
        <Folded items={sorted}>{(shown) => <FeedbackList items={shown} mode="received" label={t('selfexam.mine.received')} onDone={onMessage} />}</Folded>
      )}
    </Card>
  );
}

function FeedbackGiven({ items, unitId }: { items: FeedbackSummary[]; unitId: string }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => b.givenOn.localeCompare(a.givenOn));
  return (
    // Giving sits with what one has given, never under what one received.
    <Card
      title={t('selfexam.mine.given')}
      action={
        <Button component={Link} to={newFeedbackHref({ unit: unitId })} size="sm" variant="light" leftSection={<PlusIcon size={16} />}>
          {t('selfexam.mine.give')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('selfexam.mine.givenHint')}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t('selfexam.mine.givenNone')}</Text>
      ) : (
        <Folded items={sorted}>{(shown) => <FeedbackList items={shown} mode="given" label={t('selfexam.mine.given')} />}</Folded>
      )}
    </Card>
  );
}

/** Ai đã xem hồ sơ của tôi: every read of the member's self-examinations and plans by someone else. */
/** What the viewer read, by the kind of record the log names. */
const ACCESS_READ = {
  self_examination: 'selfexam.access.readSelfExam',
  correction_plan: 'selfexam.access.readPlan',
  inspection: 'selfexam.access.readInspection',
  discipline: 'selfexam.access.readDiscipline',
} as const;

function AccessLogCard() {
  const { t } = useTranslation();
  const [page, setPage] = usePageFor('log');
  const log = useAccessLog(page);
  return (
    <Card title={t('selfexam.access.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('selfexam.access.intro')}
      </Text>
      <Stack gap="xs">
        <PagedResults
          query={log}
          page={page}
          onPage={setPage}
          totalLabel={(total) => t('selfexam.access.total', { count: total })}
          emptyLabel={t('selfexam.access.empty')}
        >
          {(items) => (
            <ul className="ts-se-log" aria-label={t('selfexam.access.title')}>
              {items.map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <Text size="sm">
                    <strong>{e.viewerName}</strong>
                    {e.viewerRoles.length > 0 && (
                      <Text component="span" size="sm" c="dimmed">
                        {' '}
                        ({e.viewerRoles.map((r) => (t(`roles.${r}`, { defaultValue: r }) as string)).join(', ')})
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    {t(ACCESS_READ[e.recordType], { label: periodText(t, e.recordPeriod) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </PagedResults>
      </Stack>
    </Card>
  );
}


/** The suggested period a create body asks for. */
function samePeriod(s: SuggestedPeriod, body: CreateSelfExamBody): boolean {
  return s.periodKind === body.periodKind && s.year === body.year && (s.quarter ?? undefined) === body.quarter && (s.meetingId ?? undefined) === body.meetingId;
}
