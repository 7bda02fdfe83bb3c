import './messages.js';
import './tasks.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useState, type FormEvent } from 'react';
import { Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { allowedOutcomes } from '../../../domain/tasks.js';
import { taskPath, TASK_OUTCOMES, useTaskChanged, type CloseBody, type TaskDetail, type TaskOutcome } from './api.js';

const FIELDS = ['outcome', 'completedOn', 'comment'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Đánh giá, kết thúc: the assigner closes the task with an outcome. Which outcomes are open
 * follows from the completion date against the deadline (the same rule as the server's), and
 * the dialog says why the others are not.
 */
export function CloseTaskModal({
  task,
  opened,
  onClose,
  onDone,
}: {
  task: TaskDetail;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tasks.close.title')} fullScreen={phone} centered size="lg">
      {opened && <CloseForm task={task} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function CloseForm({ task, onClose, onDone }: { task: TaskDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useTaskChanged();
  const today = todayLocal();
  const [completedOn, setCompletedOn] = useState(task.completedOn ?? '');
  const completion = ISO_DATE.test(completedOn) ? completedOn : null;
  const allowed = completion === task.completedOn ? task.allowedOutcomes : allowedOutcomes(task.deadline, completion);
  const [outcome, setOutcome] = useState<TaskOutcome | ''>(() => (allowed.length === 1 ? allowed[0]! : ''));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);

  const close = useMutation({
    mutationFn: (body: CloseBody) => api<TaskDetail>(taskPath(task.id, '/close'), { method: 'POST', body }),
    onSuccess: (detail) => {
      changed(detail);
      onDone();
    },
    onError: (e) => setErrors(formErrorsFrom(e, FIELDS, t('common.formErrors'))),
  });

  const why = !completion
    ? t('tasks.close.why.noCompletion')
    : completion <= task.deadline
      ? t('tasks.close.why.inTime', { completed: formatDate(completion), deadline: formatDate(task.deadline) })
      : t('tasks.close.why.late', { completed: formatDate(completion), deadline: formatDate(task.deadline) });

  function changeDate(next: string) {
    setCompletedOn(next);
    const date = ISO_DATE.test(next) ? next : null;
    const nextAllowed = allowedOutcomes(task.deadline, date);
    if (outcome && !nextAllowed.includes(outcome)) setOutcome(nextAllowed.length === 1 ? nextAllowed[0]! : '');
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!outcome) fields.outcome = t('tasks.close.chooseOutcome');
    if (completedOn && !completion) fields.completedOn = t('errors.invalidDate');
    else if (completion && completion > today) fields.completedOn = t('tasks.close.completedOnFuture');
    if (!comment.trim()) fields.comment = t('errors.required');
    if (Object.keys(fields).length > 0 || !outcome) {
      setErrors({ fields, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    close.mutate({ outcome, comment: comment.trim(), ...(completion ? { completedOn: completion } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <Text size="sm">
          <strong>{task.title}</strong>
          <br />
          {t('tasks.four.deadline')}: {formatDate(task.deadline)} · {t('tasks.four.owner')}: {task.ownerName}
        </Text>
        <TextInput
          type="date"
          label={t('tasks.close.completedOn')}
          description={task.completedOn ? t('tasks.close.completedOnHint') : undefined}
          max={today}
          value={completedOn}
          onChange={(e) => changeDate(e.currentTarget.value)}
          error={errors.fields.completedOn}
        />
        <Radio.Group
          label={t('tasks.close.outcome')}
          required
          value={outcome}
          onChange={(v) => setOutcome(v as TaskOutcome)}
          error={errors.fields.outcome}
        >
          <Stack gap={0} mt={4}>
            {TASK_OUTCOMES.map((o) => (
              <Radio
                key={o}
                value={o}
                label={t(`tasks.status.${o}`)}
                description={o === 'exceeded' ? t('tasks.close.exceededHint') : undefined}
                disabled={!allowed.includes(o)}
                className="ts-tk-choice"
              />
            ))}
          </Stack>
        </Radio.Group>
        {allowed.length < TASK_OUTCOMES.length && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {why}
          </Text>
        )}
        <Textarea
          label={t('tasks.close.comment')}
          description={t('tasks.close.commentHint')}
          required
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.fields.comment}
        />
        <DialogActions onCancel={onClose} confirmLabel={t('tasks.close.submit')} busy={close.isPending} />
      </Stack>
    </form>
  );
}
