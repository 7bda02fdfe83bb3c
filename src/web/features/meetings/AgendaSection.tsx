import './messages.js';
import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { PlusIcon, TrashIcon } from '../../components/icons.js';
import { formatDate, formatPercent } from '../../lib/format.js';
import {
  meetingPath,
  useMeetingChanged,
  type AgendaBody,
  type AgendaItem,
  type MeetingDetail,
  type Outcome,
  type TaskSummary,
} from './api.js';
import { moveItem } from '../../lib/forms.js';
import { splitErrors, useFocusFirstError, wholeNumber, type PersonOption, type RowErrors } from '../../lib/formHelpers.js';
import { AgendaRowFields, type AgendaRowDraft } from './MeetingFormParts.js';
import { OutcomeKindBadge } from './MeetingBadges.js';
// Tasks wear the tasks area's badge (open, overdue, awaiting evaluation, on time, late, exceeded, not done).
import { TaskStatusBadge } from '../tasks/TaskParts.js';
import { AddOutcomeForm } from './AddOutcomeForm.js';
import { votersOf } from './look.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';

/**
 * Chương trình và biên bản: the tasks carried over from earlier meetings, then each agenda item
 * with its minutes and outcomes (information, conclusions with votes, tasks with an owner and
 * a deadline). Those who run the meeting edit it until the minutes are approved.
 */
export function AgendaSection({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const canEdit = m.allowedActions.includes('meeting.manage');
  return (
    <Stack gap="lg">
      {canEdit && (
        // Also once the minutes are locked: a task the meeting decided can still be given out.
        <Group>
          <Button component={Link} to={`/units/${m.unitId}/tasks/new?meeting=${m.id}`} variant="light" size="sm" leftSection={<PlusIcon size={16} />}>
            {t('meetings.task.assign')}
          </Button>
        </Group>
      )}
      <ReviewedTasks m={m} />
      {canEdit ? <AgendaEditor m={m} /> : <AgendaReadOnly m={m} />}
    </Stack>
  );
}

function ReviewedTasks({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  if (m.reviewedTasks.length === 0) return null;
  // No tick box any more: the owner reports progress and the assigner closes the task, both on
  // the task's own page (the link), so the meeting only reviews where each one stands.
  return (
    <section aria-labelledby="mt-reviewed">
      <Title order={3} fz="h4" id="mt-reviewed" mb={4}>
        {t('meetings.reviewed.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('meetings.reviewed.hint')}
      </Text>
      <ul className="ts-mt-tasks">
        {m.reviewedTasks.map((task) => (
          <li key={task.id}>
            <TaskTitle task={task} />
            <TaskMeta task={task} withSource />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A task's title, as the link to its page. */
function TaskTitle({ task }: { task: TaskSummary }) {
  return (
    <Anchor component={Link} to={`/tasks/${task.id}`} fw={600} size="sm" className="ts-mt-task-title">
      {task.title}
    </Anchor>
  );
}

function TaskMeta({ task, withSource = false }: { task: TaskSummary; withSource?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {task.deliverable && (
        <Text size="sm" mt={2} className="ts-mt-prewrap">
          {t('meetings.task.deliverable', { text: task.deliverable })}
        </Text>
      )}
      <Group gap="xs" mt={4} className="ts-mt-task-meta">
        <TaskStatusBadge task={task} />
        <Text size="sm" c="dimmed" component="span">
          {t('meetings.task.ownerDeadline', { owner: task.ownerName, deadline: formatDate(task.deadline) })}
          {task.status === 'open'
            ? ` · ${t('meetings.task.progress', { value: formatPercent(task.progressPercent / 100, i18n.language) })}`
            : task.completedOn && ` · ${t('meetings.task.completedOn', { date: formatDate(task.completedOn) })}`}
        </Text>
        {withSource && task.sourceMeetingId && task.sourceMeetingDate && (
          <Anchor component={Link} to={`/meetings/${task.sourceMeetingId}?tab=agenda`} size="sm">
            {t('meetings.task.source', { date: formatDate(task.sourceMeetingDate) })}
          </Anchor>
        )}
      </Group>
    </>
  );
}

function votesText(o: Outcome, t: TFunction): string | null {
  if (!o.votes) return null;
  return t('meetings.outcome.votesText', { for: o.votes.for, against: o.votes.against, abstain: o.votes.abstain });
}

function OutcomeList({
  outcomes,
  onRemove,
}: {
  outcomes: Outcome[];
  onRemove?: (o: Outcome) => void;
}) {
  const { t } = useTranslation();
  if (outcomes.length === 0) return null;
  return (
    <ul className="ts-mt-outcomes" aria-label={t('meetings.outcome.listLabel')}>
      {outcomes.map((o) => (
        <li key={o.id} className="ts-mt-outcome">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div className="ts-mt-outcome-body">
              <OutcomeKindBadge kind={o.kind} />
              {o.task ? (
                <>
                  <div style={{ marginTop: 4 }}>
                    <TaskTitle task={o.task} />
                  </div>
                  {o.text && (
                    <Text size="sm" className="ts-mt-prewrap">
                      {o.text}
                    </Text>
                  )}
                  <TaskMeta task={o.task} />
                </>
              ) : (
                <Text size="sm" mt={4} className="ts-mt-prewrap">
                  {o.text}
                </Text>
              )}
              {o.votes && (
                <Text size="sm" c="dimmed" mt={2}>
                  {votesText(o, t)}
                </Text>
              )}
            </div>
            {onRemove && (
              <ActionIcon
                variant="subtle"
                color="gray.8"
                size={40}
                aria-label={t('meetings.outcome.remove', { text: o.task?.title ?? o.text.slice(0, 40) })}
                onClick={() => onRemove(o)}
              >
                <TrashIcon />
              </ActionIcon>
            )}
          </Group>
        </li>
      ))}
    </ul>
  );
}

function AgendaReadOnly({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mt-agenda">
      <Title order={3} fz="h4" id="mt-agenda" mb="sm">
        {t('meetings.agenda.sectionTitle')}
      </Title>
      <ol className="ts-mt-agenda-read">
        {m.agenda.map((item) => (
          <li key={item.id}>
            <Text fw={700}>{item.title}</Text>
            <Text size="sm" c="dimmed">
              {[
                item.presenterName ? t('meetings.agenda.presentedBy', { name: item.presenterName }) : null,
                item.plannedMinutes ? t('meetings.agenda.minutesPlanned', { count: item.plannedMinutes }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {item.minutes ? (
              <Text size="sm" mt={6} className="ts-mt-prewrap">
                {item.minutes}
              </Text>
            ) : (
              <Text size="sm" mt={6} c="dimmed">
                {t('meetings.agenda.noMinutes')}
              </Text>
            )}
            <OutcomeList outcomes={item.outcomes} />
          </li>
        ))}
      </ol>
    </section>
  );
}

const FIELDS = ['items'] as const;
const signature = (items: AgendaItem[]) =>
  JSON.stringify(items.map((i) => [i.id, i.title, i.presenterMemberId, i.plannedMinutes, i.minutes]));

function AgendaEditor({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const keyRef = useRef(0);
  const toDraft = (items: AgendaItem[]): AgendaRowDraft[] =>
    items.map((i) => ({
      key: keyRef.current++,
      id: i.id,
      title: i.title,
      presenterMemberId: i.presenterMemberId ?? '',
      plannedMinutes: i.plannedMinutes === null ? '' : String(i.plannedMinutes),
      minutes: i.minutes,
    }));
  const [draft, setDraft] = useState<AgendaRowDraft[]>(() => toDraft(m.agenda));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [synced, setSynced] = useState(() => signature(m.agenda));
  const [errors, setErrors] = useState<{ general: string | null; rows: RowErrors }>({ general: null, rows: {} });
  const sectionRef = useRef<HTMLElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(sectionRef, attempt);
  const [removing, setRemoving] = useState<Outcome | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  // Saved elsewhere (another device, a reload) while nothing is typed here: follow the server.
  const serverSig = signature(m.agenda);
  if (serverSig !== synced && !dirty) {
    setSynced(serverSig);
    setDraft(toDraft(m.agenda));
  }

  // Typed minutes are not lost by closing the tab by mistake.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const people: PersonOption[] = m.participants.map((p) => ({
    value: p.memberId,
    label: p.role === 'guest' ? `${p.fullName} (${p.unitName})` : p.fullName,
  }));
  // Probationary members and guests take part but do not vote on a resolution.
  const voters = votersOf(m.participants);
  const memberOwners: PersonOption[] = m.participants.filter((p) => p.role === 'member').map((p) => ({ value: p.memberId, label: p.fullName }));

  const edit = (next: AgendaRowDraft[]) => {
    setDraft(next);
    setDirty(true);
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: (body: AgendaBody) => api<MeetingDetail>(meetingPath(m.id, '/agenda'), { method: 'PUT', body }),
    onSuccess: (detail) => {
      changed(m.id, detail);
      setDraft(toDraft(detail.agenda));
      setSynced(signature(detail.agenda));
      setDirty(false);
      setSaved(true);
      setErrors({ general: null, rows: {} });
    },
    onError: (e) => {
      const split = splitErrors(e, 'items', FIELDS, t('common.formErrors'));
      setErrors({ general: split.form.general, rows: split.rows });
      setAttempt((a) => a + 1);
    },
  });

  const removeOutcome = useMutation({
    mutationFn: (o: Outcome) => api<MeetingDetail>(meetingPath(m.id, `/outcomes/${encodeURIComponent(o.id)}`), { method: 'DELETE' }),
    onSuccess: (detail) => {
      changed(m.id, detail);
      setRemoving(null);
      setRemoveError(null);
    },
    onError: (e) => setRemoveError(isApiError(e) ? e.message : t('errors.generic', { status: 0 })),
  });

  function submit() {
    const rows: RowErrors = {};
    const items = draft.map((row, i) => {
      const planned = wholeNumber(row.plannedMinutes, 1, 600);
      if (!row.title.trim()) (rows[i] ??= {}).title = t('errors.required');
      if (planned === 'invalid') (rows[i] ??= {}).plannedMinutes = t('meetings.agenda.plannedInvalid');
      return {
        ...(row.id ? { id: row.id } : {}),
        title: row.title.trim(),
        presenterMemberId: row.presenterMemberId || null,
        plannedMinutes: planned === 'invalid' ? null : planned,
        minutes: row.minutes,
      };
    });
    if (Object.keys(rows).length > 0) {
      setErrors({ general: t('common.formErrors'), rows });
      setAttempt((a) => a + 1);
      return;
    }
    save.mutate({ items });
  }

  const outcomesOf = (id: string | undefined) => (id ? (m.agenda.find((a) => a.id === id)?.outcomes ?? []) : []);

  return (
    <section aria-labelledby="mt-agenda" ref={sectionRef} className="ts-mt-form">
      <Title order={3} fz="h4" id="mt-agenda" mb={4}>
        {t('meetings.agenda.sectionTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('meetings.agenda.editHint')}
      </Text>
      <Stack gap="sm">
        {draft.map((row, i) => {
          const outcomes = outcomesOf(row.id);
          return (
            <AgendaRowFields
              key={row.key}
              index={i}
              count={draft.length}
              row={row}
              people={people}
              errors={errors.rows[i]}
              onChange={(patch) => edit(draft.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
              onMove={(step) => {
                edit(moveItem(draft, i, step));
                setErrors({ general: null, rows: {} });
              }}
              onRemove={() => {
                edit(draft.filter((_, j) => j !== i));
                setErrors({ general: null, rows: {} });
              }}
              removeBlocked={outcomes.length > 0 ? t('meetings.agenda.removeBlocked') : undefined}
            >
              <Textarea
                label={t('meetings.agenda.minutes')}
                autosize
                minRows={3}
                maxRows={20}
                value={row.minutes}
                onChange={(e) => {
                  const minutes = e.currentTarget.value;
                  edit(draft.map((r, j) => (j === i ? { ...r, minutes } : r)));
                }}
                error={errors.rows[i]?.minutes}
              />
              <OutcomeList outcomes={outcomes} onRemove={setRemoving} />
              {row.id ? (
                <AddOutcomeForm meetingId={m.id} agendaItemId={row.id} owners={memberOwners} meetingDate={m.date} voters={voters} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('meetings.outcome.saveFirst')}
                </Text>
              )}
            </AgendaRowFields>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="sm"
            leftSection={<PlusIcon size={16} />}
            disabled={draft.length >= 30}
            onClick={() => edit([...draft, { key: keyRef.current++, title: '', presenterMemberId: '', plannedMinutes: '', minutes: '' }])}
          >
            {t('meetings.agenda.add')}
          </Button>
        </Group>
        <div className="ts-mt-savebar" data-dirty={dirty || undefined}>
          {errors.general && (
            <Notice tone="error" className="ts-mb">
              {errors.general}
            </Notice>
          )}
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" fw={600} role="status" c={dirty ? '#6e4300' : saved ? '#1b5e2b' : 'dimmed'}>
              {dirty ? t('meetings.agenda.unsaved') : saved ? t('meetings.agenda.saved') : t('meetings.agenda.upToDate')}
            </Text>
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              {t('meetings.agenda.save')}
            </Button>
          </Group>
        </div>
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('meetings.outcome.removeTitle')}
        confirmLabel={t('meetings.outcome.removeConfirm')}
        color="partyRed"
        busy={removeOutcome.isPending}
        error={removeError}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
        onConfirm={() => removing && removeOutcome.mutate(removing)}
      >
        {removing?.task ? t('meetings.outcome.removeTaskBody', { title: removing.task.title }) : t('meetings.outcome.removeBody')}
      </ConfirmModal>
    </section>
  );
}
