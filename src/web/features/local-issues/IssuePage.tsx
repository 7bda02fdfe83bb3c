import './messages.js';
import '../tasks/messages.js';
import '../../styles/local-issues.css';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
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
import { formatDate, formatDateTime } from '../../lib/format.js';
import { localIssueKeys, nextStatuses, LOCAL_ISSUE_STATUSES, useIssue, type ChangeStatusBody, type LocalIssueDetail, type LocalIssueStatus, type TimelineEntry } from './api.js';
import { taskOutcomes as TASK_OUTCOMES, type TaskOutcome } from '../../../shared/enums.js';
import { IssueStatusBadge } from './Badges.js';
import { ConfirmBox } from './ConfirmBox.js';
import { IssueForm } from './IssueForm.js';

export default function IssueRoute() {
  const { id = '' } = useParams();
  return <IssuePage key={id} id={id} />;
}

function IssuePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const issue = useIssue(id);
  const queryClient = useQueryClient();
  const [confirmed, setConfirmed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(issue.data ? `${issue.data.title} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (issue.isPending)
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={200} />
      </Stack>
    );
  if (issue.isError) return <PageLoadError error={issue.error} onRetry={() => void issue.refetch()} />;
  const d = issue.data;
  const statusText = (s: string | null) => (s && (LOCAL_ISSUE_STATUSES as readonly string[]).includes(s) ? t(`localissues.status.${s as LocalIssueStatus}`) : (s ?? ''));
  // Actions are given by the committee keeping the list, or by the responsible unit for its part.
  const taskUnit = d.actions.includes('add_task') ? (d.actions.includes('set_responsibility') ? d.unitId : (d.responsibleUnit?.id ?? d.unitId)) : null;
  const point = d.latitude !== null && d.longitude !== null ? { lat: d.latitude, lon: d.longitude } : null;
  const timelineStatus = (e: TimelineEntry) => {
    if (e.kind === 'confirmation' && (e.status === 'confirm' || e.status === 'dispute')) return t(`localissues.decision.${e.status}`);
    if (e.kind === 'task_closed' && e.status && TASK_OUTCOMES.includes(e.status as TaskOutcome)) return t(`tasks.status.${e.status as TaskOutcome}`);
    return statusText(e.status);
  };
  const since = d.sinceYear === null ? null : d.sinceBefore ? t('localissues.since.before', { year: d.sinceYear }) : String(d.sinceYear);
  return (
    <Stack gap="md" className="ts-page">
      <Anchor component={Link} to={`/local-issues?unit=${d.unitId}`} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {t('localissues.issue.back')}
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} data-testid="issue-title">
          {d.title}
        </Title>
        <div style={{ display: 'flex', gap: 6, marginTop: 6, flexWrap: 'wrap' }}>
          <IssueStatusBadge status={d.status} />
          {d.overdue && <span className="ts-li-chip" data-bad>{t('localissues.board.overdueTag')}</span>}
        </div>
      </div>
      {(d.actions.includes('edit') || taskUnit) && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {d.actions.includes('edit') && (
            <Button variant={editing ? 'outline' : 'light'} onClick={() => { setEditing((x) => !x); setSaved(false); }} data-testid="issue-edit">
              {t('localissues.edit.open')}
            </Button>
          )}
          {taskUnit && (
            <Button component={Link} to={`/units/${taskUnit}/tasks/new?localIssue=${d.id}`} data-testid="issue-add-task">
              {t('localissues.issue.addTask')}
            </Button>
          )}
        </div>
      )}
      {saved && <Notice tone="success">{t('localissues.edit.saved')}</Notice>}
      {editing && (
        <IssueForm
          unitId={d.unitId}
          issue={d}
          canAssign={d.actions.includes('set_responsibility')}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-details">
        <Title order={2} fz="h4" id="li-details" mb="sm">
          {t('localissues.issue.details')}
        </Title>
        <p className="ts-li-text" style={{ marginBottom: 12 }}>
          {d.description}
        </p>
        <DetailList
          items={[
            { label: t('localissues.issue.category'), value: d.categoryName },
            { label: t('localissues.issue.village'), value: d.village?.name },
            { label: t('localissues.issue.area'), value: d.areaName },
            {
              label: t('localissues.issue.mapPoint'),
              value: point ? (
                <span>
                  {point.lat.toFixed(5)}, {point.lon.toFixed(5)} ·{' '}
                  <Anchor href={`https://www.openstreetmap.org/?mlat=${point.lat}&mlon=${point.lon}#map=17/${point.lat}/${point.lon}`} target="_blank" rel="noopener noreferrer">
                    {t('localissues.issue.openMap')}
                  </Anchor>
                </span>
              ) : null,
            },
            { label: t('localissues.issue.since'), value: since },
            { label: t('localissues.issue.households'), value: d.householdsAffected },
            { label: t('localissues.issue.responsibleUnit'), value: d.responsibleUnit?.name },
            { label: t('localissues.issue.responsibleMember'), value: d.responsibleMember?.name },
            { label: t('localissues.issue.deadline'), value: formatDate(d.deadline) },
            { label: t('localissues.issue.createdBy'), value: d.createdByName },
            { label: t('localissues.issue.createdAt'), value: formatDateTime(d.createdAt) },
            { label: t('localissues.issue.isPublic'), value: d.public ? t('common.yes') : t('common.no') },
            { label: t('localissues.issue.statusReason'), value: d.statusReason },
            { label: t('localissues.issue.resolution'), value: d.resolutionSummary ? <span className="ts-li-text">{d.resolutionSummary}</span> : null },
            { label: t('localissues.issue.resolvedOn'), value: formatDate(d.resolvedOn) },
          ]}
        />
      </Paper>
      {d.actions.includes('change_status') && nextStatuses(d.status).length > 0 && <StatusForm issue={d} />}
      {/* Once the cell has given its word the issue no longer offers 'confirm': the notice stays. */}
      {(d.actions.includes('confirm') || confirmed) && (
        <Paper withBorder radius="md" p="md">
          {confirmed && <Notice tone="success">{t('localissues.issue.confirmed')}</Notice>}
          {d.actions.includes('confirm') && (
            <ConfirmBox
              issueId={d.id}
              question={t('localissues.issue.cellConfirm')}
              onDone={() => {
                setConfirmed(true);
                void queryClient.invalidateQueries({ queryKey: localIssueKeys.all });
              }}
            />
          )}
        </Paper>
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-confirm">
        <Title order={2} fz="h4" id="li-confirm" mb="xs">
          {t('localissues.issue.confirmList')}
        </Title>
        {(d.status === 'resolved' || d.confirmationList.length > 0) && (
          <Text size="sm" mb="xs" data-testid="issue-confirmation-counts">
            {t('localissues.confirmations', d.confirmations)}
          </Text>
        )}
        {d.resolutionRound > 1 && (
          <Text size="xs" c="dimmed" mb="xs">
            {t('localissues.issue.previousRounds')}
          </Text>
        )}
        {d.confirmationList.length === 0 ? (
          <Text c="dimmed">{t(d.status === 'resolved' ? 'localissues.issue.noConfirmations' : 'localissues.issue.confirmWaiting')}</Text>
        ) : (
          <ul className="ts-li-cards" data-testid="issue-confirmations">
            {d.confirmationList.map((c) => (
              <li key={c.id} className="ts-li-card" data-status={c.decision === 'confirm' ? 'resolved' : 'in_progress'}>
                <Text size="sm" fw={600}>
                  {t(`localissues.decision.${c.decision}`)} · {c.by === 'cell' ? t('localissues.issue.byCell', { name: c.cellName ?? '' }) : t('localissues.issue.byCitizen')}
                </Text>
                {c.comment && <p className="ts-li-text">{c.comment}</p>}
                <Text size="xs" c="dimmed">
                  {formatDateTime(c.createdAt)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-tasks">
        <Title order={2} fz="h4" id="li-tasks" mb="xs">
          {t('localissues.issue.tasks')}
        </Title>
        {d.tasks.length === 0 ? (
          <Text c="dimmed">{t('localissues.issue.noTasks')}</Text>
        ) : (
          <ul className="ts-li-cards">
            {d.tasks.map((task) => (
              <li key={task.id} className="ts-li-card" data-overdue={task.overdue || undefined}>
                <Anchor component={Link} to={`/tasks/${task.id}`} fw={600}>
                  {task.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('localissues.issue.taskMeta', { owner: task.ownerName, date: formatDate(task.deadline), percent: task.progressPercent })} ·{' '}
                  {t(`tasks.status.${task.overdue ? 'overdue' : task.status}`)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Paper>
      {d.citizenFeedback.length > 0 && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-fb">
          <Title order={2} fz="h4" id="li-fb" mb="xs">
            {t('localissues.issue.feedback')}
          </Title>
          <ul className="ts-li-cards">
            {d.citizenFeedback.map((f) => (
              <li key={f.id} className="ts-li-card">
                <Text size="xs" c="dimmed">
                  <Anchor component={Link} to={`/citizen-feedback/${f.id}`} size="xs">
                    {f.trackingRef}
                  </Anchor>{' '}
                  · {formatDateTime(f.createdAt)}
                </Text>
                <p className="ts-li-text">{f.content}</p>
              </li>
            ))}
          </ul>
        </Paper>
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-timeline">
        <Title order={2} fz="h4" id="li-timeline" mb="sm">
          {t('localissues.issue.timeline')}
        </Title>
        <ol className="ts-li-timeline" data-testid="issue-timeline">
          {[...d.timeline]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <Text size="sm" fw={600}>
                  {t(`localissues.issue.timelineKind.${e.kind}`, { status: timelineStatus(e) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {[formatDateTime(e.at), e.actorName ?? (e.kind === 'citizen_feedback' || e.kind === 'confirmation' ? t('localissues.issue.citizen') : null)].filter(Boolean).join(' · ')}
                </Text>
                {e.note && <p className="ts-li-text">{e.note}</p>}
              </li>
            ))}
        </ol>
      </Paper>
    </Stack>
  );
}

function StatusForm({ issue }: { issue: LocalIssueDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = nextStatuses(issue.status);
  const [status, setStatus] = useState<LocalIssueStatus>(options[0]!);
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const needsSummary = status === 'resolved';
  const needsNote = status === 'unresolvable' || issue.status === 'resolved' || issue.status === 'unresolvable';
  const change = useMutation({
    mutationFn: (body: ChangeStatusBody) => api<LocalIssueDetail>(`/local-issues/${issue.id}/status`, { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(localIssueKeys.issue(issue.id), next);
      void queryClient.invalidateQueries({ queryKey: localIssueKeys.all });
      setDone(true);
      setNote('');
      setSummary('');
    },
    onError: (e) => setError(e.message || t('localissues.issue.failed')),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    if (needsSummary && !summary.trim()) return setError(t('localissues.issue.summaryRequired'));
    if (needsNote && !note.trim()) return setError(t('localissues.issue.noteRequired'));
    setError(null);
    change.mutate({ status, ...(note.trim() ? { note: note.trim() } : {}), ...(needsSummary ? { resolutionSummary: summary.trim() } : {}) });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="li-status">
      <form onSubmit={submit} noValidate data-testid="issue-status-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="li-status">
            {t('localissues.issue.changeStatus')}
          </Title>
          {error && <Notice tone="error">{error}</Notice>}
          {done && <Notice tone="success">{t('localissues.issue.statusDone')}</Notice>}
          <NativeSelect
            label={t('localissues.issue.newStatus')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as LocalIssueStatus)}
            data={options.map((s) => ({ value: s, label: t(`localissues.status.${s}`) }))}
            data-testid="issue-new-status"
          />
          {needsSummary && (
            <Textarea label={t('localissues.issue.resolutionSummary')} required autosize minRows={3} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} data-testid="issue-resolution" />
          )}
          <Textarea label={t('localissues.issue.note')} required={needsNote} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="issue-status-note" />
          <div>
            <Button type="submit" loading={change.isPending} data-testid="issue-status-submit">
              {t('localissues.issue.statusSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
