import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import './messages.js';
import '../../styles/local-issues.css';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, NativeSelect, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { BackIcon } from '../../components/icons.js';
import { DetailList } from '../../components/DetailList.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDateTime } from '../../lib/format.js';
import { useBoard, useCategories } from '../local-issues/api.js';
import { citizenFeedbackKeys, useCitizenFeedback, usePublicForm, type AnswerBody, type CitizenFeedbackSummary, type TriageBody } from './api.js';
import { IssueStatusBadge } from '../local-issues/Badges.js';
import { FeedbackStatusBadge } from './Badges.js';
import { IssueForm } from '../local-issues/IssueForm.js';
import { can, useAuthedMe } from '../../app/me.js';
import { foldOptionsFilter } from '../../lib/search.js';

export default function CitizenFeedbackRoute() {
  const { id = '' } = useParams();
  return <CitizenFeedbackPage key={id} id={id} />;
}

function CitizenFeedbackPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fb = useCitizenFeedback(id);
  const me = useAuthedMe();
  useDocumentTitle(`${t('localissues.feedback.title')} · ${t('app.titleSuffix')}`);
  if (fb.isPending)
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={200} />
      </Stack>
    );
  if (fb.isError) return <PageLoadError error={fb.error} onRetry={() => void fb.refetch()} />;
  const f = fb.data;
  return (
    <Stack gap="md" className="ts-page">
      <Anchor component={Link} to={`/citizen-feedback?unit=${f.unitId}`} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {t('localissues.feedback.back')}
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {f.topicName} · {f.village.name}
        </Title>
        <div style={{ marginTop: 6 }}>
          <FeedbackStatusBadge status={f.status} />
        </div>
      </div>
      <Paper withBorder radius="md" p="md">
        <Text fw={600} size="sm" mb={4}>
          {t('localissues.feedback.content')}
        </Text>
        <p className="ts-li-text" style={{ marginBottom: 12 }} data-testid="feedback-detail-content">
          {f.content}
        </p>
        <DetailList
          items={[
            { label: t('localissues.feedback.received'), value: formatDateTime(f.createdAt) },
            { label: t('localissues.feedback.village'), value: f.village.name },
            { label: t('localissues.feedback.topic'), value: f.topicName },
            {
              label: t('localissues.feedback.contact'),
              value: f.contact ? (
                <span className="ts-li-text">
                  {[f.contact.name, f.contact.phone, f.contact.email].filter(Boolean).join(' · ')}
                  {'\n'}
                  {f.contact.consentContact ? t('localissues.feedback.consentYes') : t('localissues.feedback.consentNo')}
                </span>
              ) : null,
            },
            {
              label: t('localissues.feedback.issue'),
              value: f.localIssue ? (
                <span style={{ display: 'inline-flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
                  <Anchor component={Link} to={`/local-issues/${f.localIssue.id}`}>
                    {f.localIssue.title}
                  </Anchor>
                  <IssueStatusBadge status={f.localIssue.status} />
                </span>
              ) : null,
            },
            { label: t('localissues.feedback.routedUnit'), value: f.routedUnit?.name },
            { label: t('localissues.feedback.closeReason'), value: f.closeReason },
            {
              label: t('localissues.feedback.answer'),
              value: f.answerText ? (
                <span className="ts-li-text">
                  {f.answerText}
                  {f.answeredAt && `\n— ${t('localissues.feedback.answeredBy', { name: f.answeredByName ?? '', at: formatDateTime(f.answeredAt) })}`}
                </span>
              ) : null,
            },
          ]}
        />
      </Paper>
      {f.actions.includes('triage') && f.status !== 'closed' && can(me, 'inspection.manage') && (
        <div>
          <Button component={Link} to={`/inspections/new?unit=${f.unitId}&kind=denunciation&feedback=${f.id}`} variant="light" data-testid="feedback-to-denunciation">
            {t('localissues.feedback.toDenunciation')}
          </Button>
        </div>
      )}
      {f.actions.includes('triage') && f.status !== 'closed' && <TriageForm f={f} />}
      {f.actions.includes('answer') && f.status !== 'closed' && <AnswerForm f={f} />}
    </Stack>
  );
}

type TriageKind = 'link' | 'create_issue' | 'route' | 'close';

function TriageForm({ f }: { f: CitizenFeedbackSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TriageKind>('link');
  const [issueId, setIssueId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const issues = useBoard({ unitId: f.unitId, page: 1, pageSize: 100 });
  const cells = usePublicForm();
  const categories = useCategories();
  // Only the committee adds to its list; a cell links, answers or asks the committee.
  const mayCreate = can(useAuthedMe(), 'local_issue.manage');
  const triage = useMutation({
    mutationFn: (body: TriageBody) => api<CitizenFeedbackSummary>(`/citizen-feedback/${f.id}/triage`, { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(citizenFeedbackKeys.detail(f.id), next);
      void queryClient.invalidateQueries({ queryKey: citizenFeedbackKeys.all });
      setDone(true);
    },
    onError: (e) => setError(e.message || t('localissues.feedback.failed')),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    let body: TriageBody | null = null;
    if (kind === 'link' && issueId) body = { action: 'link', localIssueId: issueId };
    if (kind === 'route' && unitId) body = { action: 'route', unitId };
    if (kind === 'close' && reason.trim()) body = { action: 'close', reason: reason.trim() };
    if (!body) return setError(t('localissues.feedback.required'));
    setError(null);
    triage.mutate(body);
  }
  const cellOptions = (cells.data?.villages ?? []).filter((v) => v.communeId === f.unitId || f.unitId === v.unitId).map((v) => ({ value: v.unitId, label: v.name }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="cf-triage">
      <form onSubmit={submit} noValidate data-testid="triage-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="cf-triage">
            {t('localissues.feedback.triage')}
          </Title>
          {error && <Notice tone="error">{error}</Notice>}
          {done && <Notice tone="success">{t('localissues.feedback.triageDone')}</Notice>}
          <NativeSelect
            label={t('localissues.feedback.triageAction')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as TriageKind)}
            data={[
              { value: 'link', label: t('localissues.feedback.link') },
              ...(mayCreate ? [{ value: 'create_issue', label: t('localissues.feedback.createIssue') }] : []),
              { value: 'route', label: t('localissues.feedback.route') },
              { value: 'close', label: t('localissues.feedback.close') },
            ]}
            data-testid="triage-action"
          />
          {kind === 'link' && (
            <Select
              label={t('localissues.feedback.linkIssue')}
              placeholder={t('localissues.feedback.linkPlaceholder')}
              searchable
              clearable
              value={issueId}
              filter={foldOptionsFilter}
              onChange={setIssueId}
              data={(issues.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
              nothingFoundMessage="—"
              data-testid="triage-link-issue"
            />
          )}
          {kind === 'route' && (
            <NativeSelect
              label={t('localissues.feedback.routeUnit')}
              value={unitId}
              onChange={(e) => setUnitId(e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...cellOptions]}
              data-testid="triage-route-unit"
            />
          )}
          {kind === 'close' && (
            <Textarea label={t('localissues.feedback.reason')} required autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="triage-close-reason" />
          )}
          {kind !== 'create_issue' && (
            <div>
              <Button type="submit" loading={triage.isPending} data-testid="triage-submit">
                {t('localissues.feedback.triageSubmit')}
              </Button>
            </div>
          )}
        </Stack>
      </form>
      {/* Its own form (forms do not nest), under the choice of what to do. */}
      {kind === 'create_issue' && (
        <IssueForm
          unitId={f.unitId}
          canAssign
          title={t('localissues.feedback.createIssueTitle')}
          submitLabel={t('localissues.feedback.createIssueSubmit')}
          prefill={{
            description: f.content,
            villageUnitId: f.village.unitId,
            categoryCode: (categories.data?.categories ?? []).some((c) => c.code === f.topic) ? f.topic : '',
          }}
          send={async (issue) => {
            const next = await api<CitizenFeedbackSummary>(`/citizen-feedback/${f.id}/triage`, { method: 'POST', body: { action: 'create_issue', issue } satisfies TriageBody });
            queryClient.setQueryData(citizenFeedbackKeys.detail(f.id), next);
            setDone(true);
          }}
          onCancel={() => setKind('link')}
          onSaved={() => setKind('link')}
        />
      )}
    </Paper>
  );
}

function AnswerForm({ f }: { f: CitizenFeedbackSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(f.answerText ?? '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const answer = useMutation({
    mutationFn: (body: AnswerBody) => api<CitizenFeedbackSummary>(`/citizen-feedback/${f.id}/answer`, { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(citizenFeedbackKeys.detail(f.id), next);
      void queryClient.invalidateQueries({ queryKey: citizenFeedbackKeys.all });
      setDone(true);
    },
    onError: (e) => setError(e.message || t('localissues.feedback.failed')),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    if (!text.trim()) return setError(t('localissues.feedback.required'));
    setError(null);
    answer.mutate({ text: text.trim() });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="cf-answer">
      <form onSubmit={submit} noValidate data-testid="answer-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="cf-answer">
            {t('localissues.feedback.answer')}
          </Title>
          {error && <Notice tone="error">{error}</Notice>}
          {done && <Notice tone="success">{t('localissues.feedback.answerDone')}</Notice>}
          <Textarea
            label={t('localissues.feedback.answerText')}
            description={t('localissues.feedback.answerHint')}
            required
            autosize
            minRows={4}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="answer-text"
          />
          <div>
            <Button type="submit" loading={answer.isPending} data-testid="answer-submit">
              {t('localissues.feedback.answerSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
