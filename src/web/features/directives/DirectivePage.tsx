import './messages.js';
import '../../styles/commitments.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Table.layer.css';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { useAuthedMe } from '../../app/me.js';
import { DialogActions } from '../../components/DialogActions.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, CheckIcon, PlusIcon } from '../../components/icons.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { textOrNull } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import { leadsCell } from '../../lib/roles.js';
import { directivePath, useDirective, useDirectivesChanged, type DirectiveDetail, type DirectiveTarget, type TaskSummary } from './api.js';
import { AcknowledgedBadge, OverdueBadge } from './Badges.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { TaskCards } from '../tasks/TaskParts.js';

export default function DirectiveRoute() {
  const { id = '' } = useParams();
  return <DirectivePage key={id} id={id} />;
}

/**
 * Một chỉ đạo: its text, who issued it and by when; each target cell with its acknowledgement
 * and the tasks it made of it; the buttons a cell's leaders need (acknowledge, break into tasks).
 */
function DirectivePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const directive = useDirective(id);
  const [acknowledging, setAcknowledging] = useState<DirectiveTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(directive.data ? `${directive.data.title} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (directive.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="70%" />
        <Skeleton h={120} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (directive.isError) {
    if (isApiError(directive.error, 404) || isApiError(directive.error, 400)) return <NotFound />;
    return <ErrorState error={directive.error} onRetry={() => void directive.refetch()} />;
  }
  const d = directive.data;
  // A cell's leader sees their own cell's part first: what the page is for, for them.
  const mine = d.targetUnits.filter((x) => leadsCell(me, x.unitId));

  return (
    <Stack gap="md" className="ts-page">
      <DirectiveHeader d={d} />
      {done && (
        <Notice tone="success" onClose={() => setDone(null)}>
          {done}
        </Notice>
      )}
      {mine.length > 0 && (
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-directive-mine">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="cm-directive-mine">
              {t('commitments.directive.forYou')}
            </Title>
            {mine.map((x) => (
              <div key={x.unitId} className="ts-cm-card" data-state={x.acknowledgedAt ? 'acknowledged' : 'waiting'}>
                <Group justify="space-between" gap="xs">
                  <Text fw={700}>{x.unitName}</Text>
                  <AcknowledgedBadge acknowledged={Boolean(x.acknowledgedAt)} />
                </Group>
                <Acknowledgement x={x} />
                <TargetActions d={d} x={x} onAcknowledge={() => setAcknowledging(x)} />
              </div>
            ))}
          </Stack>
        </Paper>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-directive-body">
        <Title order={2} fz="h4" id="cm-directive-body" mb="xs">
          {t('commitments.directive.content')}
        </Title>
        <div className="ts-cm-body">{d.body}</div>
      </Paper>
      {/* A cell's leader who sees only their own cell has it all in "your cell's part" above. */}
      {mine.length < d.targetUnits.length && <Targets d={d} onAcknowledge={setAcknowledging} />}
      <Tasks tasks={d.tasks} />
      {acknowledging && (
        <AcknowledgeModal
          directive={d}
          target={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setDone(t('commitments.acknowledge.done', { unit: acknowledging.unitName }));
            setAcknowledging(null);
          }}
        />
      )}
    </Stack>
  );
}

function DirectiveHeader({ d }: { d: DirectiveDetail }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  // Back to the issuer's list for those who work there; a cell's people, to what their cell received.
  const atIssuer = me.roles.some((r) => r.unitId === d.unitId);
  const cell = !atIssuer && d.targetUnits.length === 1 ? d.targetUnits[0]! : null;
  const year = d.issuedOn.slice(0, 4);
  return (
    <Stack gap={6}>
      <Anchor
        component={Link}
        to={`/units/${cell ? cell.unitId : d.unitId}/directives?year=${year}`}
        size="sm"
        className="ts-cm-back"
      >
        <BackIcon size={16} />
        {cell ? t('commitments.directive.backReceived', { unit: cell.unitName }) : t('commitments.directive.back', { unit: d.unitName })}
      </Anchor>
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {d.title}
      </Title>
      <Group gap="xs">
        {d.overdue && <OverdueBadge />}
      </Group>
      <Text>
        {t('commitments.directive.issuedBy', { unit: d.unitName })}
        {d.createdByName && <span className="ts-muted"> ({d.createdByName})</span>}
      </Text>
      <Text size="sm">
        {t('commitments.directives.issuedOn', { date: formatDate(d.issuedOn) })}
        {' · '}
        <strong>{t('commitments.directives.deadlineOn', { date: formatDate(d.deadline) })}</strong>
      </Text>
    </Stack>
  );
}

/** "Acknowledged 12/06/2022 14:05 by …" and the cell's note, or "not yet". */
function Acknowledgement({ x }: { x: DirectiveTarget }) {
  const { t } = useTranslation();
  if (!x.acknowledgedAt) return <Text size="sm" c="dimmed">{t('commitments.directive.notYet')}</Text>;
  return (
    <Text size="sm">
      {x.acknowledgedByName
        ? t('commitments.directive.acknowledgedBy', { at: formatDateTime(x.acknowledgedAt), name: x.acknowledgedByName })
        : t('commitments.directive.acknowledgedAt', { at: formatDateTime(x.acknowledgedAt) })}
      {x.note && (
        <>
          <br />
          <span className="ts-muted">{x.note}</span>
        </>
      )}
    </Text>
  );
}

/** Acknowledge and assign, for the cells the caller leads (when the server allows them). */
function TargetActions({ d, x, onAcknowledge }: { d: DirectiveDetail; x: DirectiveTarget; onAcknowledge: () => void }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  if ((!x.canAcknowledge && !x.canAssign) || !leadsCell(me, x.unitId)) return null;
  return (
    <Group gap="xs">
      {x.canAcknowledge && (
        <Button
          size="xs"
          leftSection={<CheckIcon size={14} />}
          aria-label={t('commitments.directive.acknowledgeFor', { unit: x.unitName })}
          onClick={onAcknowledge}
        >
          {t('commitments.directive.acknowledge')}
        </Button>
      )}
      {x.canAssign && (
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={`/units/${x.unitId}/tasks/new?directive=${encodeURIComponent(d.id)}`}
          leftSection={<PlusIcon size={14} />}
          aria-label={t('commitments.directive.assignFor', { unit: x.unitName })}
        >
          {t('commitments.directive.assign')}
        </Button>
      )}
    </Group>
  );
}

function Targets({ d, onAcknowledge }: { d: DirectiveDetail; onAcknowledge: (x: DirectiveTarget) => void }) {
  const { t, i18n } = useTranslation();
  const me = useAuthedMe();
  const phone = usePhone();
  const num = (n: number) => formatNumber(n, i18n.language);
  const withActions = d.targetUnits.some((x) => (x.canAcknowledge || x.canAssign) && leadsCell(me, x.unitId));
  const share = (n: number) => (d.targets > 0 ? (n / d.targets) * 100 : 0);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-directive-targets">
      <Stack gap="md">
        <Title order={2} fz="h4" id="cm-directive-targets">
          {t('commitments.directive.targets', { count: d.targets })}
        </Title>
        <div className="ts-cm-bars">
          {(
            [
              ['acknowledged', d.acknowledged],
              ['acted', d.acted],
            ] as const
          ).map(([key, n]) => (
            <div key={key}>
              <div className="ts-cm-bar-label">
                <span>{t(`commitments.directive.chart.${key}`)}</span>
                <strong>
                  {num(n)}/{num(d.targets)}
                </strong>
              </div>
              <ProgressBar value={share(n)} tone={n === d.targets && d.targets > 0 ? 'done' : undefined} label={t(`commitments.directive.chart.${key}`)} />
            </div>
          ))}
        </div>
        {phone ? (
          <ul className="ts-cm-cards">
            {d.targetUnits.map((x) => (
              <li key={x.unitId} className="ts-cm-card" data-state={x.acknowledgedAt ? 'acknowledged' : 'waiting'}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={700}>{x.unitName}</Text>
                  <AcknowledgedBadge acknowledged={Boolean(x.acknowledgedAt)} />
                </Group>
                {x.acknowledgedAt && <Acknowledgement x={x} />}
                <Text size="sm">{t('commitments.directive.taskCount', { count: x.tasks, closed: x.tasksClosed })}</Text>
                <TargetActions d={d} x={x} onAcknowledge={() => onAcknowledge(x)} />
              </li>
            ))}
          </ul>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table striped verticalSpacing="sm" className="ts-cm-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('commitments.directive.cell')}</Table.Th>
                  <Table.Th scope="col">{t('commitments.directive.acknowledgedCol')}</Table.Th>
                  <Table.Th scope="col" className="ts-cm-num">
                    {t('commitments.directive.tasks')}
                  </Table.Th>
                  <Table.Th scope="col" className="ts-cm-num">
                    {t('commitments.directive.tasksClosed')}
                  </Table.Th>
                  {withActions && (
                    <Table.Th scope="col">
                      <span className="ts-sr-only">{t('commitments.directive.actions')}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.targetUnits.map((x) => (
                  <Table.Tr key={x.unitId}>
                    <Table.Th scope="row" fw={600}>
                      {x.unitName}
                    </Table.Th>
                    <Table.Td>
                      {x.acknowledgedAt ? <Acknowledgement x={x} /> : <AcknowledgedBadge acknowledged={false} />}
                    </Table.Td>
                    <Table.Td className="ts-cm-num">{num(x.tasks)}</Table.Td>
                    <Table.Td className="ts-cm-num">{num(x.tasksClosed)}</Table.Td>
                    {withActions && (
                      <Table.Td>
                        <TargetActions d={d} x={x} onAcknowledge={() => onAcknowledge(x)} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** The tasks the cells made of it, as task lists show them everywhere (status, owner, deadline, progress). */
function Tasks({ tasks }: { tasks: TaskSummary[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-directive-tasks">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="cm-directive-tasks">
          {t('commitments.directive.taskList', { count: tasks.length })}
        </Title>
        {tasks.length === 0 ? (
          <Text c="dimmed">{t('commitments.directive.noTasks')}</Text>
        ) : (
          <TaskCards tasks={tasks} today={todayLocal()} showUnit />
        )}
      </Stack>
    </Paper>
  );
}

const ACK_FIELDS = ['note', 'unitId'] as const;

/** Xác nhận đã nhận: the cell's acknowledgement, with an optional note ("will discuss at the meeting on …"). */
function AcknowledgeModal({
  directive,
  target,
  onClose,
  onDone,
}: {
  directive: DirectiveDetail;
  target: DirectiveTarget;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useDirectivesChanged();
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ note?: string; general: string | null }>({ general: null });
  const acknowledge = useMutation({
    mutationFn: () =>
      api<unknown>(directivePath(directive.id, '/acknowledge'), { method: 'POST', body: { unitId: target.unitId, note: textOrNull(note) } }),
    onSuccess: async () => {
      await changed();
      onDone();
    },
    onError: (e) => {
      const f = fieldErrors(e, ACK_FIELDS, t('common.formErrors'));
      setError({ note: f.fields.note, general: f.general ?? f.fields.unitId ?? null });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    acknowledge.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t('commitments.acknowledge.title')} fullScreen={phone} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error.general && <Notice tone="error">{error.general}</Notice>}
          <Text>{t('commitments.acknowledge.body', { unit: target.unitName, title: directive.title })}</Text>
          <Textarea
            label={t('commitments.acknowledge.note')}
            description={t('commitments.acknowledge.noteHint')}
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={error.note}
            data-autofocus
          />
          <DialogActions onCancel={onClose} confirmLabel={t('commitments.directive.acknowledge')} busy={acknowledge.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
