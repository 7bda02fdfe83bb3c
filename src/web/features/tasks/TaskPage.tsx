import './messages.js';
import './tasks.css';
import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { can, useAuthedMe } from '../../app/me.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, FileIcon, HistoryIcon, PhoneIcon } from '../../components/icons.js';
import { formatDate, formatDateTime, formatPercent } from '../../lib/format.js';
import { todayLocal } from '../../lib/time.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { attachmentUrl, useTask, type TaskDetail } from './api.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { PriorityBadge, TaskStatusBadge } from './TaskParts.js';
import { dueState } from './look.js';
import { ProgressForm } from './ProgressForm.js';
import { CloseTaskModal } from './CloseTaskModal.js';
import { formatBytes } from '../../lib/files.js';

export default function TaskRoute() {
  const { id = '' } = useParams();
  return <TaskPage key={id} id={id} />;
}

/**
 * Một nhiệm vụ: the four "rõ" (who, what, what counts as done, by when), where it came from, the
 * hand-down to a mass organisation, the owner's progress reports, and — for those who may — the
 * report form and the assigner's evaluation that closes it.
 */
function TaskPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const task = useTask(id);
  useDocumentTitle(task.data ? `${task.data.title} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (task.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="70%" />
        <Skeleton h={140} />
        <Skeleton h={200} />
      </Stack>
    );
  }
  if (task.isError) {
    if (isApiError(task.error, 404) || isApiError(task.error, 400)) return <NotFound />;
    return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  }
  return <TaskView task={task.data} />;
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const [closeOpen, setCloseOpen] = useState(false);
  const [closed, setClosed] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const canReport = task.actions.includes('report');
  const canClose = task.actions.includes('close');

  return (
    <Stack gap="md" className="ts-page" maw={860}>
      <Stack gap={6}>
        <Anchor component={Link} to={`/units/${task.unitId}`} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {task.unitName}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} className="ts-tk-prewrap">
          {task.title}
        </Title>
        <Group gap="xs">
          <TaskStatusBadge task={task} />
          <PriorityBadge priority={task.priority} />
        </Group>
        <Text size="sm" c="dimmed">
          {task.createdByName
            ? t('tasks.page.assignedBy', { date: formatDate(task.createdAt.slice(0, 10)), name: task.createdByName })
            : t('tasks.page.assigned', { date: formatDate(task.createdAt.slice(0, 10)) })}
        </Text>
      </Stack>

      {closed && (
        <Notice tone="success" onClose={() => setClosed(false)}>
          {t('tasks.close.done')}
        </Notice>
      )}

      <FourClear task={task} />

      {canClose && (
        <Group>
          <Button onClick={() => setCloseOpen(true)}>{t('tasks.close.open')}</Button>
        </Group>
      )}

      {task.status !== 'open' && <Evaluation task={task} />}
      {task.ownerKind === 'unit' && <HandDown task={task} />}

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <DetailList
          items={[
            {
              label: t('tasks.page.unit'),
              value: (
                <Anchor component={Link} to={`/units/${task.unitId}`} fw={600}>
                  {task.unitName}
                </Anchor>
              ),
            },
            { label: t('tasks.page.coworkers'), value: task.coworkers.map((c) => c.fullName).join(', ') },
            { label: t('tasks.page.priority'), value: t(`tasks.priority.${task.priority}`) },
            { label: t('tasks.page.source'), value: <SourceLink task={task} /> },
          ]}
        />
      </Paper>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="task-progress">
        <Title order={2} fz="h4" id="task-progress" mb="sm">
          {t('tasks.page.progress.title')}
        </Title>
        {task.status === 'open' && (
          <ProgressBar value={task.progressPercent} label={t('tasks.row.progress')} tone={task.progressPercent >= 100 ? 'done' : undefined} />
        )}
        <Timeline task={task} />
      </Paper>

      {canReport && <ProgressForm task={task} />}

      {can(me, 'audit.read') && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="task-audit">
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              <HistoryIcon />
              <Title order={2} fz="h4" id="task-audit">
                {t('tasks.page.history')}
              </Title>
            </Group>
            <Button variant="subtle" size="compact-sm" aria-expanded={historyOpen} onClick={() => setHistoryOpen((v) => !v)}>
              {historyOpen ? t('tasks.page.hideHistory') : t('tasks.page.showHistory')}
            </Button>
          </Group>
          {historyOpen && (
            <div style={{ marginTop: 12 }}>
              <AuditHistory recordType="task" recordId={task.id} />
            </div>
          )}
        </Paper>
      )}

      {canClose && (
        <CloseTaskModal
          task={task}
          opened={closeOpen}
          onClose={() => setCloseOpen(false)}
          onDone={() => {
            setCloseOpen(false);
            setClosed(true);
          }}
        />
      )}
    </Stack>
  );
}

/** Rõ người, rõ việc, rõ trách nhiệm, rõ thời gian. */
function FourClear({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const due = dueState(task, todayLocal(), t);
  const owner =
    task.ownerKind === 'member' && task.ownerMemberId ? (
      <Anchor component={Link} to={`/members/${task.ownerMemberId}`} fw={700}>
        {task.ownerName}
      </Anchor>
    ) : task.ownerUnitId ? (
      <Anchor component={Link} to={`/units/${task.ownerUnitId}`} fw={700}>
        {task.ownerName}
      </Anchor>
    ) : (
      task.ownerName
    );
  return (
    <dl className="ts-tk-four">
      <div>
        <dt>{t('tasks.four.owner')}</dt>
        <dd>{owner}</dd>
      </div>
      <div>
        <dt>{t('tasks.four.job')}</dt>
        <dd>{task.title}</dd>
      </div>
      <div>
        <dt>{t('tasks.four.deliverable')}</dt>
        <dd>{task.deliverable ?? <span className="ts-muted">{t('tasks.row.noDeliverable')}</span>}</dd>
      </div>
      <div>
        <dt>{t('tasks.four.deadline')}</dt>
        <dd data-overdue={due.overdue || undefined}>
          {formatDate(task.deadline)}
          {due.rest && ` · ${due.rest}`}
        </dd>
      </div>
    </dl>
  );
}

function SourceLink({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  switch (task.sourceKind) {
    case 'meeting':
      return task.sourceMeetingId ? (
        <Anchor component={Link} to={`/meetings/${task.sourceMeetingId}?tab=agenda`} fw={600}>
          {t('tasks.source.meeting', { date: formatDate(task.sourceMeetingDate) ?? '' })}
        </Anchor>
      ) : (
        t('tasks.source.meeting', { date: '' })
      );
    case 'directive':
      return task.sourceDirectiveId ? (
        <Anchor component={Link} to={`/directives/${task.sourceDirectiveId}`} fw={600}>
          {task.sourceDirectiveTitle ? t('tasks.source.directive', { title: task.sourceDirectiveTitle }) : t('tasks.source.directiveUntitled')}
        </Anchor>
      ) : (
        t('tasks.source.directiveUntitled')
      );
    case 'commitment':
      return (
        <Anchor component={Link} to={`/units/${task.unitId}/commitments`} fw={600}>
          {task.sourceCommitmentTitle
            ? t('tasks.source.commitment', { title: task.sourceCommitmentTitle })
            : t('tasks.source.commitmentUntitled')}
        </Anchor>
      );
    case 'local_issue':
      return task.sourceLocalIssueId ? (
        <Anchor component={Link} to={`/local-issues/${task.sourceLocalIssueId}`} fw={600}>
          {t('tasks.source.localIssue')}
        </Anchor>
      ) : (
        t('tasks.source.localIssue')
      );
    case 'inspection':
      return task.sourceInspectionId ? (
        <Anchor component={Link} to={`/inspections/${task.sourceInspectionId}`} fw={600}>
          {t('tasks.source.inspection')}
        </Anchor>
      ) : (
        t('tasks.source.inspection')
      );
    default:
      return t('tasks.source.standalone');
  }
}

/** Giao cho đoàn thể: when the cell received the job, when it passed it on, and who to call. */
function HandDown({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const delay = task.handDownDelayDays;
  const phone = task.ownerContact?.phone ?? null;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="task-handdown">
      <Title order={2} fz="h4" id="task-handdown" mb="sm">
        {t('tasks.page.handDown.title')}
      </Title>
      <DetailList
        items={[
          { label: t('tasks.page.handDown.received'), value: formatDate(task.receivedOn) },
          {
            label: t('tasks.page.handDown.handedDown'),
            value: task.handedDownOn ? (
              <>
                {formatDate(task.handedDownOn)}
                {delay !== null && (
                  <Text component="span" fw={700} c={delay > 0 ? '#8a1010' : '#1b5e2b'}>
                    {' · '}
                    {delay > 0 ? t('tasks.page.handDown.delay', { count: delay }) : t('tasks.page.handDown.sameDay')}
                  </Text>
                )}
              </>
            ) : null,
          },
          {
            label: t('tasks.page.handDown.contact'),
            value: task.ownerContact?.name ? (
              <>
                {task.ownerContact.name}
                {phone && (
                  <>
                    {' · '}
                    <Anchor href={`tel:${phone.replace(/[^0-9+]/g, '')}`} fw={600}>
                      <Group gap={4} component="span" wrap="nowrap" display="inline-flex">
                        <PhoneIcon size={14} />
                        {t('tasks.page.handDown.call', { phone })}
                      </Group>
                    </Anchor>
                  </>
                )}
              </>
            ) : (
              t('tasks.page.handDown.noContact')
            ),
          },
        ]}
      />
    </Paper>
  );
}

/** The assigner's evaluation of a closed task. */
function Evaluation({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="task-evaluation">
      <Title order={2} fz="h4" id="task-evaluation" mb="sm">
        {t('tasks.page.closed.title')}
      </Title>
      <DetailList
        items={[
          { label: t('tasks.page.closed.outcome'), value: <TaskStatusBadge task={task} /> },
          { label: t('tasks.page.closed.completedOn'), value: formatDate(task.completedOn) },
          { label: t('tasks.page.closed.closedOn'), value: formatDate(task.closedOn) },
          { label: t('tasks.page.closed.closedBy'), value: task.closedByName },
          {
            label: t('tasks.page.closed.comment'),
            value: task.closeComment ? <span className="ts-tk-prewrap">{task.closeComment}</span> : null,
          },
        ]}
      />
    </Paper>
  );
}

/** The owner's reports, newest first. */
function Timeline({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  if (task.progress.length === 0) {
    return (
      <Text c="dimmed" mt="sm">
        {t('tasks.page.progress.empty')}
      </Text>
    );
  }
  const entries = [...task.progress].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ol className="ts-tk-timeline" style={{ marginTop: 14 }}>
      {entries.map((p) => (
        <li key={p.id}>
          <Text fw={700}>{t('tasks.page.progress.percent', { value: formatPercent(p.percent / 100, i18n.language) })}</Text>
          <Text size="sm" className="ts-tk-prewrap">
            {p.text}
          </Text>
          {p.attachment && (
            <Anchor href={attachmentUrl(task.id, p.attachment.id)} download={p.attachment.fileName} size="sm" fw={600}>
              <Group gap={4} component="span" wrap="nowrap" display="inline-flex">
                <FileIcon size={16} />
                {t('tasks.page.progress.attachment', { name: p.attachment.fileName, size: formatBytes(p.attachment.sizeBytes, i18n.language) })}
              </Group>
            </Anchor>
          )}
          <Text size="sm" c="dimmed">
            <time dateTime={p.createdAt}>{t('tasks.page.progress.by', { name: p.authorName, at: formatDateTime(p.createdAt) })}</time>
          </Text>
        </li>
      ))}
    </ol>
  );
}
